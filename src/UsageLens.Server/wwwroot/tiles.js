// The KPI tiles: a value, its change against the previous period, and a note.
import { integer, isNumber, formatCount, oneDecimal } from './format.js';

function tile(id) {
  const root = document.getElementById(id);
  return {
    root,
    value: root.querySelector('[data-role="value"]'),
    delta: root.querySelector('[data-role="delta"]'),
    note: root.querySelector('[data-role="note"]'),
  };
}

function setDelta(element, text, trend, suffix) {
  element.textContent = '';
  element.dataset.trend = trend;
  if (!text) return;
  element.append(document.createTextNode(text));
  if (!suffix) return;
  const vs = document.createElement('span');
  vs.className = 'vs';
  vs.textContent = ` ${suffix}`;
  element.append(vs);
}

function trendOf(change) {
  if (!isNumber(change) || change === 0) return 'flat';
  return change > 0 ? 'up' : 'down';
}

export function renderCountTile(id, kpi) {
  const t = tile(id);
  t.root.setAttribute('aria-busy', 'false');
  t.value.textContent = formatCount(kpi.value);
  t.value.title = isNumber(kpi.value) ? integer.format(kpi.value) : 'No value for this period';
  const previous = kpi.previous ? kpi.previous.value : null;
  if (!isNumber(kpi.value) || !isNumber(previous)) {
    setDelta(t.delta, 'No previous period to compare', 'none', '');
    return;
  }
  if (previous === 0) {
    setDelta(t.delta, kpi.value === 0 ? '0%' : 'New', trendOf(kpi.value), 'vs previous 30 days');
    return;
  }
  const change = ((kpi.value - previous) / previous) * 100;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  setDelta(t.delta, `${sign}${oneDecimal.format(Math.abs(change))}%`, trendOf(change), 'vs previous 30 days');
}

export function renderShareTile(id, kpi) {
  const t = tile(id);
  t.root.setAttribute('aria-busy', 'false');
  t.value.textContent = '';
  if (isNumber(kpi.value)) {
    t.value.append(document.createTextNode(oneDecimal.format(kpi.value)));
    const unit = document.createElement('span');
    unit.className = 'tile__unit';
    unit.textContent = '%';
    t.value.append(unit);
  } else {
    t.value.textContent = '—';
  }
  const parts = kpi.parts || {};
  if (isNumber(parts.top_accounts) && isNumber(parts.population)) {
    t.note.textContent = `${integer.format(parts.top_accounts)} of ${integer.format(parts.population)} accounts, ranked by revenue`;
  }
  const previous = kpi.previous ? kpi.previous.value : null;
  if (!isNumber(kpi.value) || !isNumber(previous)) {
    setDelta(t.delta, 'No previous period to compare', 'none', '');
    return;
  }
  const points = kpi.value - previous;
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  setDelta(t.delta, `${sign}${oneDecimal.format(Math.abs(points))} pts`, trendOf(points), 'vs previous 30 days');
}

export function renderTileError(id, error) {
  const t = tile(id);
  t.root.setAttribute('aria-busy', 'false');
  t.value.textContent = '—';
  t.value.title = error.message;
  setDelta(t.delta, '', 'flat', '');
}
