// Revenue: MRR and ARR, the MRR movements bridge of the last month, churn, NRR/GRR, ARPA and CLTV,
// each the existing KPI with its previous period.
import { fetchKpi } from '../api.js';
import { bridgeChart, chartCard } from '../charts.js';
import { el, message, pageHead } from '../dom.js';
import { csvLink } from '../exports.js';
import { formatValue } from '../format.js';
import { drawRows } from '../kpiview.js';
import { tileRow } from '../tiles.js';

const MONTH = { period: 'last-month' };
const YEAR = { period: 'last-12-months', grain: 'month' };

// The bridge's steps, in ChartMogul's order, with the sign each moves MRR by.
const STEPS = [['new', 1], ['reactivation', 1], ['expansion', 1], ['contraction', -1], ['churn', -1]];

export async function render(view) {
  view.append(pageHead('Revenue', 'Recurring revenue from the subscription timeline (ChartMogul conventions), last full month unless said otherwise.'));
  const tiles = tileRow(view, 'Revenue figures for the last full month', [
    { id: 'mrr', label: 'MRR', note: 'At the end of last month', previousLabel: 'month', load: () => fetchKpi('mrr', MONTH) },
    { id: 'arr', label: 'ARR', note: 'MRR × 12', previousLabel: 'month', load: () => fetchKpi('arr', MONTH) },
    { id: 'nrr', label: 'NRR', note: 'Accounts paying at the start', previousLabel: 'month', load: () => fetchKpi('nrr', MONTH) },
    { id: 'grr', label: 'GRR', note: 'Without expansion', previousLabel: 'month', load: () => fetchKpi('grr', MONTH) },
    { id: 'logo-churn', label: 'Logo churn', note: 'Paying accounts lost', previousLabel: 'month', load: () => fetchKpi('logo-churn', MONTH) },
    { id: 'revenue-churn', label: 'Gross MRR churn', note: 'Churn + contraction ÷ MRR at start', previousLabel: 'month', load: () => fetchKpi('revenue-churn', MONTH) },
    { id: 'arpa', label: 'ARPA', note: 'MRR per paying account', previousLabel: 'month', load: () => fetchKpi('arpa', MONTH) },
    { id: 'cltv', label: 'CLTV', note: 'ARPA ÷ mean monthly logo churn', previousLabel: 'month', load: () => fetchKpi('cltv', MONTH) },
    { id: 'quick-ratio', label: 'Quick ratio', note: 'Gains ÷ losses', previousLabel: 'month', load: () => fetchKpi('quick-ratio', MONTH) },
  ]);
  const charts = el('div', { class: 'grid-2' });
  view.append(charts);
  const [movements, mrr, churn] = await Promise.allSettled([
    fetchKpi('mrr-movements', MONTH),
    fetchKpi('mrr', YEAR),
    fetchKpi('logo-churn', YEAR),
  ]);
  if (movements.status === 'fulfilled') bridge(charts, movements.value);
  else charts.append(message(`MRR movements: ${movements.reason.message}`, 'error'));
  if (mrr.status === 'fulfilled') {
    drawRows(charts, mrr.value, { title: 'MRR by month', subtitle: 'At the end of each month, last 12 months', actions: [csvLink('CSV', '/api/v1/kpi/mrr', YEAR, 'mrr.csv')] });
  } else charts.append(message(`MRR by month: ${mrr.reason.message}`, 'error'));
  if (churn.status === 'fulfilled') {
    drawRows(charts, churn.value, { title: 'Logo churn by month', view: 'bar', subtitle: 'Paying accounts lost in each month', actions: [csvLink('CSV', '/api/v1/kpi/logo-churn', YEAR, 'logo-churn.csv')] });
  } else charts.append(message(`Logo churn by month: ${churn.reason.message}`, 'error'));
  await tiles;
}

function bridge(parent, kpi) {
  const parts = kpi.parts || {};
  const start = parts.mrr_from ?? 0;
  const end = parts.mrr_to ?? 0;
  const steps = STEPS.map(([name, sign]) => ({ name, value: sign * Math.abs(parts[name] ?? 0) }));
  const rows = [{ step: 'MRR at start', value: start }, ...steps.map((s) => ({ step: s.name, value: s.value })), { step: 'MRR at end', value: end }];
  chartCard(parent, {
    title: 'MRR movements',
    subtitle: `${kpi.from.slice(0, 10)} to ${kpi.to.slice(0, 10)}: start + new + reactivation + expansion − contraction − churn = end`,
    chart: bridgeChart({ start: { name: 'start', value: start }, steps, end: { name: 'end', value: end }, unit: 'currency' }),
    table: { columns: [{ key: 'step', label: 'Step' }, { key: 'value', label: 'MRR', numeric: true, format: (v) => formatValue(v, 'currency') }], rows },
    actions: [csvLink('CSV', '/api/v1/kpi/mrr-movements', MONTH, 'mrr-movements.csv')],
  });
}
