// UsageLens overview: KPI tiles and the daily API-call trend.
import { ApiError, adoptKeyFromFragment, fetchKpi, storeKey } from './api.js';
import { TrendChart } from './chart.js';
import { describePeriod, formatCount, integer, isNumber } from './format.js';
import { renderCountTile, renderShareTile, renderTileError } from './tiles.js';

const requests = {
  apiCalls: ['usage', { metric: 'api_call', period: 'last-30-days' }],
  topShare: ['top-customer-share', { metric: 'api_call', period: 'last-30-days', top: '20%', 'rank-by': 'revenue' }],
  activeAccounts: ['usage', { metric: 'accounts(api_call)', period: 'last-30-days' }],
  activeUsers: ['usage', { metric: 'users(login)', period: 'last-30-days' }],
  trend: ['usage', { metric: 'api_call', period: 'last-90-days', grain: 'day' }],
};

const notice = {
  root: document.getElementById('notice'),
  title: document.getElementById('notice-title'),
  detail: document.getElementById('notice-detail'),
  form: document.getElementById('key-form'),
  input: document.getElementById('key-input'),
  retry: document.getElementById('retry'),
};

function showNotice(kind, title, detail, { askForKey = false, offerRetry = false } = {}) {
  notice.root.hidden = false;
  notice.root.dataset.kind = kind;
  notice.title.textContent = title;
  notice.detail.textContent = detail;
  notice.form.hidden = !askForKey;
  notice.retry.hidden = !offerRetry;
  if (askForKey) notice.input.focus();
}

function hideNotice() {
  notice.root.hidden = true;
}

function explain(errors) {
  const auth = errors.find((e) => e.kind === 'auth');
  if (auth) {
    const detail = auth.status === 403
      ? 'This key cannot read KPIs. Paste a read key (usagelens keys create --role analyst).'
      : `${auth.message} Paste a read key, or open this page with #key=… in the address.`;
    showNotice('warn', 'Paste a read key', detail, { askForKey: true });
    return;
  }
  if (errors.some((e) => e.kind === 'network')) {
    showNotice('error', 'Cannot reach the UsageLens server', 'Check that “usagelens serve” is running, then retry.', { offerRetry: true });
    return;
  }
  if (errors.length > 0) {
    showNotice('error', 'Some figures could not be loaded', errors[0].message, { offerRetry: true });
    return;
  }
  hideNotice();
}

const chart = new TrendChart(document.getElementById('trend-chart'), document.getElementById('trend-tooltip'), document.getElementById('trend-table'));

function renderTrend(kpi) {
  const rows = Array.isArray(kpi.rows) ? kpi.rows : [];
  const total = document.getElementById('trend-total');
  total.replaceChildren();
  if (rows.length === 0) {
    chart.showMessage('No API calls in the last 90 days.');
    return;
  }
  document.getElementById('trend-subtitle').textContent = `Last 90 days · ${describePeriod(kpi.from, kpi.to)}`;
  const strong = document.createElement('strong');
  strong.textContent = formatCount(kpi.value);
  strong.title = isNumber(kpi.value) ? integer.format(kpi.value) : '';
  total.append(strong, document.createTextNode('calls in 90 days'));
  chart.setRows(rows);
}

function renderPeriod(kpi) {
  document.getElementById('period').textContent = `Last 30 days · ${describePeriod(kpi.from, kpi.to)} (UTC)`;
}

async function load() {
  const entries = Object.entries(requests);
  const results = await Promise.allSettled(entries.map(([, [name, params]]) => fetchKpi(name, params)));
  const outcome = Object.fromEntries(entries.map(([id], i) => [id, results[i]]));
  const errors = results.filter((r) => r.status === 'rejected').map((r) => (r.reason instanceof ApiError ? r.reason : new ApiError('server', 0, String(r.reason))));

  const render = (id, tileId, draw) => {
    const result = outcome[id];
    if (result.status === 'fulfilled') draw(tileId, result.value); else renderTileError(tileId, result.reason);
  };
  render('apiCalls', 'tile-api-calls', renderCountTile);
  render('topShare', 'tile-top-share', renderShareTile);
  render('activeAccounts', 'tile-active-accounts', renderCountTile);
  render('activeUsers', 'tile-active-users', renderCountTile);
  const waitingForKey = errors.some((e) => e.kind === 'auth');
  if (outcome.apiCalls.status === 'fulfilled') {
    renderPeriod(outcome.apiCalls.value);
  } else {
    document.getElementById('period').textContent = waitingForKey ? 'Waiting for a read key' : 'Period unavailable';
  }
  if (outcome.trend.status === 'fulfilled') {
    renderTrend(outcome.trend.value);
  } else {
    chart.showMessage(waitingForKey ? 'Paste a read key to see the trend.' : `The trend could not be loaded: ${outcome.trend.reason.message}`);
  }
  explain(errors);
}

notice.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = notice.input.value.trim();
  if (!key) return;
  storeKey(key);
  notice.input.value = '';
  hideNotice();
  load();
});
notice.retry.addEventListener('click', () => {
  hideNotice();
  load();
});
window.addEventListener('hashchange', () => {
  adoptKeyFromFragment();
  load();
});

adoptKeyFromFragment();
load();
