// Overview: headline tiles with the previous period, the top-customer share over time, usage by
// segment, and the insight highlights (anomalies, churn risk, upsell).
import { fetchInsight, fetchKpi } from '../api.js';
import { barChart, chartCard, lineChart } from '../charts.js';
import { el, message, pageHead } from '../dom.js';
import { exportLinks } from '../exports.js';
import { formatValue, integer, periodLabel } from '../format.js';
import { findingsList } from '../findings.js';
import { tileRow } from '../tiles.js';

const METRIC = 'api_call';
const LAST_30 = { metric: METRIC, period: 'last-30-days' };

export async function render(view, route, session) {
  view.append(pageHead('Overview', session.partner_id ? `Your customers (partner ${session.partner_id}), last 30 days.` : 'API usage, revenue and engagement across all customers, last 30 days.',
    exportLinks([{ label: 'PDF report', path: '/api/v1/reports/overview.pdf', file: 'overview.pdf', accept: 'application/pdf' }])));
  const tiles = tileRow(view, 'Key figures for the last 30 days', [
    { id: 'api-calls', label: 'API calls', note: 'Last 30 days', previousLabel: '30 days', load: () => fetchKpi('usage', LAST_30) },
    { id: 'top-share', label: "Top 20% customers' share", note: 'Of API calls, customers ranked by revenue', previousLabel: '30 days',
      load: () => fetchKpi('top-customer-share', { ...LAST_30, top: '20%', 'rank-by': 'revenue' }),
      describe: (kpi) => (kpi.parts?.population != null ? `${integer.format(kpi.parts.top_accounts)} of ${integer.format(kpi.parts.population)} accounts, ranked by revenue` : null) },
    { id: 'active-accounts', label: 'Active accounts', note: 'With at least one API call', previousLabel: '30 days', load: () => fetchKpi('usage', { ...LAST_30, metric: `accounts(${METRIC})` }) },
    { id: 'active-users', label: 'Active users', note: 'Who logged in', previousLabel: '30 days', load: () => fetchKpi('usage', { ...LAST_30, metric: 'users(login)' }) },
    { id: 'mrr', label: 'MRR', note: 'At the end of the period', previousLabel: '30 days', load: () => fetchKpi('mrr', { period: 'last-30-days' }) },
    { id: 'nrr', label: 'Net revenue retention', note: 'Accounts paying 30 days ago', previousLabel: '30 days', load: () => fetchKpi('nrr', { period: 'last-30-days' }) },
  ]);
  const charts = el('div', { class: 'grid-2' });
  view.append(charts);
  const highlights = el('div', { class: 'grid-3' });
  view.append(highlights);

  const charted = Promise.allSettled([
    fetchKpi('top-customer-share', { metric: METRIC, period: 'last-180-days', grain: 'month', top: '20%', 'rank-by': 'revenue' }),
    fetchKpi('usage', { ...LAST_30, 'group-by': 'segment' }),
  ]);
  // Asked for with the figures and charts, not after the charts are drawn: each card fills in as its answer comes.
  const highlighted = Promise.all([
    highlight(highlights, 'anomalies', 'Anomalies'),
    highlight(highlights, 'churn-risk', 'At risk of churn'),
    highlight(highlights, 'upsell', 'Upsell candidates'),
  ]);
  const [share, segments] = await charted;
  if (share.status === 'fulfilled') {
    const rows = (share.value.rows || []).filter((r) => r.period);
    chartCard(charts, {
      title: "Top 20% customers' share by month",
      subtitle: 'Share of API calls made by the top 20% of accounts ranked by revenue',
      chart: lineChart({ categories: rows.map((r) => periodLabel(r.period)), series: [{ name: 'Share', data: rows.map((r) => r.value) }], unit: 'percent' }),
      table: { columns: [{ key: 'period', label: 'Month', format: periodLabel }, { key: 'value', label: 'Share', numeric: true, format: (v) => formatValue(v, 'percent') }], rows },
    });
  } else {
    charts.append(message(`The top-customer share could not be loaded: ${share.reason.message}`, 'error'));
  }
  if (segments.status === 'fulfilled') {
    const rows = segments.value.rows || [];
    chartCard(charts, {
      title: 'API calls by segment',
      subtitle: 'Last 30 days',
      chart: barChart({ categories: rows.map((r) => r.segment ?? '(none)'), series: [{ name: 'API calls', data: rows.map((r) => r.value) }] }),
      table: { columns: [{ key: 'segment', label: 'Segment', format: (v) => v ?? '(none)' }, { key: 'value', label: 'API calls', numeric: true, format: (v) => formatValue(v) }], rows },
    });
  } else {
    charts.append(message(`Usage by segment could not be loaded: ${segments.reason.message}`, 'error'));
  }

  await Promise.all([highlighted, tiles]);
}

async function highlight(parent, name, title) {
  const card = el('section', { class: 'card highlight', 'aria-labelledby': `hl-${name}` },
    el('div', { class: 'card__head' }, el('h2', { id: `hl-${name}`, text: title }), el('a', { href: `#/insights?name=${name}`, text: 'All' })));
  parent.append(card);
  try {
    const insight = await fetchInsight(name, { limit: 5 });
    card.append(findingsList(insight, { limit: 5, compact: true }));
  } catch (error) {
    card.append(message(error.message, 'error'));
  }
}
