// Engagement and cohorts: DAU/WAU/MAU, stickiness, the adoption of each feature and the retention
// cohort heatmap.
import { fetchKpi } from '../api.js';
import { barChart, chartCard, heatmapChart } from '../charts.js';
import { el, message, pageHead } from '../dom.js';
import { csvLink } from '../exports.js';
import { formatValue, periodLabel } from '../format.js';
import { drawRows } from '../kpiview.js';
import { tileRow } from '../tiles.js';

const LAST_30 = { period: 'last-30-days' };
// The features to compare, as events; ?features=a,b,c in the address picks others.
const FEATURES = ['api_call', 'export', 'dashboard_view'];
const COHORTS = { period: 'last-6-months', grain: 'month', entity: 'accounts' };

export async function render(view, route) {
  const features = (route.params.get('features') || FEATURES.join(',')).split(',').map((f) => f.trim()).filter(Boolean);
  view.append(pageHead('Engagement and cohorts', 'Who is active, how often they come back, which features they use. Last 30 days unless said otherwise.'));
  const tiles = tileRow(view, 'Engagement for the last 30 days', [
    { id: 'dau', label: 'DAU', note: 'Mean daily active users', previousLabel: '30 days', load: () => fetchKpi('active-users', { ...LAST_30, measure: 'dau' }) },
    { id: 'wau', label: 'WAU', note: 'Active in the last 7 days', previousLabel: '30 days', load: () => fetchKpi('active-users', { ...LAST_30, measure: 'wau' }) },
    { id: 'mau', label: 'MAU', note: 'Active in the last 30 days', previousLabel: '30 days', load: () => fetchKpi('active-users', { ...LAST_30, measure: 'mau' }) },
    { id: 'stickiness', label: 'Stickiness', note: 'DAU ÷ MAU (Mixpanel)', previousLabel: '30 days', load: () => fetchKpi('stickiness', LAST_30) },
  ]);
  const charts = el('div', { class: 'grid-2' });
  view.append(charts);
  const daily = { period: 'last-30-days', grain: 'day', measure: 'dau' };
  const [dau, adoption, retention] = await Promise.allSettled([
    fetchKpi('active-users', daily),
    Promise.allSettled(features.map((feature) => fetchKpi('feature-adoption', { ...LAST_30, feature, level: 'accounts' }))),
    fetchKpi('retention', COHORTS),
  ]);
  if (dau.status === 'fulfilled') {
    drawRows(charts, dau.value, { title: 'Daily active users', subtitle: 'Last 30 days', actions: [csvLink('CSV', '/api/v1/kpi/active-users', daily, 'dau.csv')] });
  } else charts.append(message(`Daily active users: ${dau.reason.message}`, 'error'));
  adoptionChart(charts, features, adoption.value);
  if (retention.status === 'fulfilled') cohortHeatmap(view, retention.value);
  else view.append(message(`Retention cohorts: ${retention.reason.message}`, 'error'));
  await tiles;
}

// The features the workspace has: those whose adoption could be computed.
function adoptionChart(parent, features, results) {
  const rows = results.map((r, i) => (r.status === 'fulfilled' ? { feature: features[i], value: r.value.value, adopters: r.value.parts?.adopters, active: r.value.parts?.active } : null))
    .filter((r) => r && typeof r.value === 'number');
  const failed = results.map((r, i) => (r.status === 'rejected' ? `${features[i]}: ${r.reason.message}` : null)).filter(Boolean);
  if (rows.length === 0) {
    parent.append(message(`No feature adoption to show. ${failed.join('; ')}`, failed.length ? 'error' : 'muted'));
    return;
  }
  chartCard(parent, {
    title: 'Feature adoption',
    subtitle: `Accounts using the feature ÷ active accounts, last 30 days${failed.length ? ` (not shown: ${failed.join('; ')})` : ''}`,
    chart: barChart({ categories: rows.map((r) => r.feature), series: [{ name: 'Adoption', data: rows.map((r) => r.value) }], unit: 'percent', horizontal: true }),
    table: { columns: [{ key: 'feature', label: 'Feature' }, { key: 'adopters', label: 'Accounts using it', numeric: true, format: (v) => formatValue(v) },
      { key: 'active', label: 'Active accounts', numeric: true, format: (v) => formatValue(v) }, { key: 'value', label: 'Adoption', numeric: true, format: (v) => formatValue(v, 'percent') }], rows },
  });
}

// Retention rows are (cohort, interval, value); the heatmap puts cohorts down and intervals across.
function cohortHeatmap(parent, kpi) {
  const rows = (kpi.rows || []).filter((r) => r.cohort !== undefined && r.cohort !== 'all');
  if (rows.length === 0) {
    parent.append(message('No retention cohorts in this period.'));
    return;
  }
  const intervalKey = Object.keys(rows[0]).find((k) => k !== 'cohort' && k !== 'value' && k !== 'parts');
  const cohorts = [...new Set(rows.map((r) => periodLabel(r.cohort)))];
  const intervals = [...new Set(rows.map((r) => String(r[intervalKey])))];
  const cells = rows.map((r) => [intervals.indexOf(String(r[intervalKey])), cohorts.indexOf(periodLabel(r.cohort)), r.value]);
  chartCard(parent, {
    title: 'Retention cohorts',
    subtitle: 'Accounts by month of first activity: share active in each later month',
    chart: heatmapChart({ xs: intervals, ys: cohorts, cells, unit: 'percent' }),
    table: { columns: [{ key: 'cohort', label: 'Cohort', format: periodLabel }, { key: intervalKey, label: intervalKey }, { key: 'value', label: 'Retained', numeric: true, format: (v) => formatValue(v, 'percent') }], rows },
    actions: [csvLink('CSV', '/api/v1/kpi/retention', COHORTS, 'retention.csv')],
    height: 360,
  });
}
