// Usage explorer: any KPI with the `kpi` command's options (metric, period, grain, group-by, filters,
// the KPI's own options), drawn as a line, bars or a table; the concentration of the metric (Lorenz
// curve and Gini) and the top accounts. The address holds every choice, so a view can be shared.
import { apiFetch, fetchKpi } from '../api.js';
import { chartCard, lorenzChart } from '../charts.js';
import { el, message, pageHead } from '../dom.js';
import { csvLink } from '../exports.js';
import { describeChange, formatValue, percentFormat, twoDecimals } from '../format.js';
import { drawRows } from '../kpiview.js';
import { href, navigate } from '../router.js';
import { dataTable } from '../tables.js';

const PERIODS = ['last-7-days', 'last-30-days', 'last-90-days', 'last-180-days', 'this-month', 'last-month', 'this-quarter', 'last-quarter', 'ytd', 'last-year'];
// 'total' (no breakdown by period) is spelt out so the address can say it.
const GRAINS = ['total', 'day', 'week', 'month', 'quarter'];
const GROUPS = ['', 'segment', 'plan', 'region', 'partner_id', 'account_id'];
const VIEWS = ['line', 'bar', 'table'];
const METRICS = ['api_call', 'count(api_call)', 'users(login)', 'accounts(api_call)'];

/** The explorer's state from the address, with defaults. */
export function stateOf(params) {
  return {
    kpi: params.get('kpi') || 'usage',
    metric: params.get('metric') ?? 'api_call',
    period: params.get('period') || 'last-30-days',
    grain: GRAINS.includes(params.get('grain')) ? params.get('grain') : 'day',
    group_by: params.get('group_by') || '',
    filter: params.get('filter') || '',
    view: VIEWS.includes(params.get('view')) ? params.get('view') : 'line',
    options: params.get('options') || '',
  };
}

// A list typed as "a=b, c=d" becomes ["a=b", "c=d"].
function list(text) {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function kpiParams(state, definition) {
  const params = { period: state.period, grain: state.grain === 'total' ? '' : state.grain, 'group-by': state.group_by, where: list(state.filter) };
  // The KPI list says how each KPI takes a metric: as what it measures, as one of its options, or not at all.
  const role = definition?.metricRole;
  if (!definition || role?.use === 'measured') params.metric = state.metric;
  else if (role?.use === 'option' && role.option && state.metric) params[role.option] = state.metric;
  for (const option of list(state.options)) {
    const [name, ...rest] = option.split('=');
    params[name.trim()] = rest.join('=').trim();
  }
  return params;
}

function select(name, labelText, values, current, describe = (v) => v || '(none)') {
  const id = `f-${name}`;
  return el('div', { class: 'field' }, el('label', { for: id, text: labelText }),
    el('select', { id, name }, values.map((v) => el('option', { value: v, selected: v === current, text: describe(v) }))));
}

function input(name, labelText, value, placeholder, listId) {
  const id = `f-${name}`;
  return el('div', { class: 'field' }, el('label', { for: id, text: labelText }),
    el('input', { id, name, value, placeholder, list: listId, autocomplete: 'off', spellcheck: 'false' }));
}

function form(state, kpis) {
  const definition = kpis.find((k) => k.name === state.kpi);
  const controls = el('form', { class: 'card explorer-form', 'aria-label': 'Explorer options' },
    select('kpi', 'KPI', kpis.map((k) => k.name), state.kpi, (name) => kpis.find((k) => k.name === name)?.title || name),
    input('metric', 'Metric', state.metric, 'api_call', 'metric-list'),
    el('datalist', { id: 'metric-list' }, METRICS.map((m) => el('option', { value: m }))),
    select('period', 'Period', PERIODS, state.period),
    select('grain', 'Grain', GRAINS, state.grain, (v) => (v === 'total' ? '(total)' : v)),
    input('group_by', 'Group by', state.group_by, 'segment', 'group-list'),
    el('datalist', { id: 'group-list' }, GROUPS.filter(Boolean).map((m) => el('option', { value: m }))),
    input('filter', 'Filters', state.filter, 'segment=enterprise, plan!=trial'),
    input('options', 'KPI options', state.options, definition?.options?.map((o) => `${o.name}=…`).join(', ') || 'name=value'),
    el('fieldset', { class: 'views' }, el('legend', { text: 'Show as' }),
      VIEWS.map((v) => el('label', {}, el('input', { type: 'radio', name: 'view', value: v, checked: v === state.view }), ` ${v}`))),
    el('button', { type: 'submit', text: 'Show' }));
  controls.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('explore', Object.fromEntries(new FormData(controls)));
  });
  controls.addEventListener('change', (event) => {
    if (event.target.name === 'view' || event.target.tagName === 'SELECT') controls.requestSubmit();
  });
  return { controls, definition };
}

export async function render(view, route) {
  const state = stateOf(route.params);
  view.append(pageHead('Usage explorer', 'Any KPI with the options of the kpi command. The address keeps your choices: copy it to share this view.'));
  const kpis = await apiFetch('/api/v1/kpi');
  const { controls, definition } = form(state, kpis);
  view.append(controls);
  if (definition) view.append(el('p', { class: 'muted formula' }, el('strong', { text: `${definition.title}: ` }), definition.formula));
  const result = el('div', { class: 'explorer-result', 'aria-live': 'polite' });
  const concentration = el('div', { class: 'grid-2' });
  view.append(result, concentration);
  const params = kpiParams(state, definition);
  try {
    const kpi = await fetchKpi(state.kpi, params);
    result.append(headline(kpi));
    if ((kpi.rows || []).length > 0) {
      drawRows(result, kpi, {
        title: `${definition?.title || state.kpi}${kpi.metric ? ` · ${kpi.metric}` : ''}`,
        subtitle: `${kpi.from.slice(0, 10)} to ${kpi.to.slice(0, 10)} (to excluded)`,
        view: state.view,
        actions: [csvLink('CSV', `/api/v1/kpi/${encodeURIComponent(state.kpi)}`, params, `${state.kpi}.csv`)],
      });
    } else {
      result.append(csvLink('CSV', `/api/v1/kpi/${encodeURIComponent(state.kpi)}`, params, `${state.kpi}.csv`));
    }
  } catch (error) {
    result.append(message(error.message, 'error'));
    return;
  }
  if (state.kpi === 'usage' && state.metric) await concentrationOf(concentration, state);
}

function headline(kpi) {
  const change = describeChange(kpi.value, kpi.previous?.value, kpi.unit);
  return el('div', { class: 'card headline' },
    el('p', { class: 'muted', text: `${kpi.kpi}${kpi.metric ? ` · ${kpi.metric}` : ''} · ${kpi.from.slice(0, 10)} to ${kpi.to.slice(0, 10)}` }),
    el('p', { class: 'headline__value', 'data-role': 'value', text: formatValue(kpi.value, kpi.unit) }),
    el('p', { class: 'tile__delta', 'data-trend': change.trend, text: change.text }),
    kpi.parts ? el('p', { class: 'muted parts', text: Object.entries(kpi.parts).map(([k, v]) => `${k}: ${typeof v === 'number' ? twoDecimals.format(v) : v}`).join(' · ') }) : null);
}

// The concentration of the metric over accounts: Lorenz curve, Gini and HHI, and the top accounts.
async function concentrationOf(parent, state) {
  const base = { metric: state.metric, period: state.period, where: list(state.filter) };
  const [curve, top] = await Promise.allSettled([
    fetchKpi('concentration', { ...base, view: 'lorenz' }),
    fetchKpi('concentration', { ...base, view: 'top', top: 10 }),
  ]);
  if (curve.status === 'fulfilled') {
    // Rows give the cumulative share of accounts and of usage, both in percent, lightest accounts first.
    const points = (curve.value.rows || []).map((r) => [Number(r.accounts_percent), r.value]);
    const parts = curve.value.parts || {};
    chartCard(parent, {
      title: 'Concentration (Lorenz curve)',
      subtitle: `Gini ${parts.gini != null ? twoDecimals.format(parts.gini) : '—'} · HHI ${parts.hhi != null ? twoDecimals.format(parts.hhi) : '—'} · ${parts.accounts ?? 0} accounts`,
      chart: lorenzChart(points),
      table: { columns: [{ key: 0, label: 'Accounts (cumulative %)', format: (v) => `${percentFormat.format(v)}%` }, { key: 1, label: 'Usage (cumulative %)', numeric: true, format: (v) => `${percentFormat.format(v)}%` }], rows: points },
    });
  } else {
    parent.append(message(`Concentration: ${curve.reason.message}`, 'error'));
  }
  if (top.status === 'fulfilled') {
    parent.append(el('section', { class: 'card', 'aria-labelledby': 'h-top' }, el('h2', { id: 'h-top', text: 'Top 10 accounts' }),
      dataTable({
        caption: `Top 10 accounts by ${state.metric}`,
        captionHidden: true,
        className: 'table top-accounts',
        columns: [
          { key: 'rank', label: '#' },
          { key: 'account_id', label: 'Account', format: (v) => el('a', { href: href(`customers/${encodeURIComponent(v)}`), text: v }) },
          { key: 'value', label: state.metric, numeric: true, format: (v) => formatValue(v) },
          { key: 'parts', label: 'Share', numeric: true, format: (v) => (v?.share != null ? `${percentFormat.format(v.share)}%` : '—') },
        ],
        rows: top.value.rows || [],
      })));
  } else {
    parent.append(message(`Top accounts: ${top.reason.message}`, 'error'));
  }
}
