// Customer 360: one account's usage per feature, active users, seats, MRR history and movements,
// NPS answers, health components, anomalies, signals, its benchmark against the segment, and the
// playbook's recommended actions. An account outside the caller's scope is "not found".
import { apiFetch, query } from '../api.js';
import { barChart, chartCard, lineChart } from '../charts.js';
import { el, message, pageHead, section } from '../dom.js';
import { exportLinks } from '../exports.js';
import { findingsList } from '../findings.js';
import { formatValue, integer, percentFormat, periodLabel, twoDecimals } from '../format.js';
import { href } from '../router.js';
import { dataTable } from '../tables.js';

const FACTS = [['segment', 'Segment'], ['plan', 'Plan'], ['region', 'Region'], ['partner_id', 'Partner'], ['mrr', 'MRR', 'currency'],
  ['usage_30d', 'Usage, 30 days'], ['active_users_30d', 'Active users, 30 days'], ['health_score', 'Health'], ['churn_risk', 'Churn risk', 'risk']];

function fact(account, [key, label, unit]) {
  const value = account[key];
  const shown = value === null || value === undefined ? '—'
    : unit === 'risk' ? twoDecimals.format(value)
      : typeof value === 'number' ? formatValue(value, unit) : String(value);
  return el('div', { class: 'fact' }, el('dt', { text: label }), el('dd', { 'data-fact': key, text: shown }));
}

export async function render(view, route) {
  const id = route.id;
  view.append(el('p', { class: 'crumbs' }, el('a', { href: href('customers'), text: '← Customers' })));
  const head = pageHead(id, 'Customer 360', exportLinks([{ label: 'PDF report', path: `/api/v1/accounts/${encodeURIComponent(id)}/report.pdf`, file: `${id}.pdf`, accept: 'application/pdf' }]));
  view.append(head);
  let data;
  try {
    data = await apiFetch(`/api/v1/accounts/${encodeURIComponent(id)}${query({ as_of: route.params.get('as_of') })}`);
  } catch (error) {
    view.append(message(error.message, 'error'));
    return;
  }
  const account = data.account;
  head.querySelector('h1').textContent = account.name || account.account_id;
  head.querySelector('p').textContent = `${account.account_id} · customer 360`;
  view.append(el('dl', { class: 'card facts' }, FACTS.map((f) => fact(account, f))));
  if ((data.recommended_actions || []).length > 0) {
    view.append(section('Recommended actions', el('ul', { class: 'actions-list' }, data.recommended_actions.map((a) => el('li', {}, el('strong', { text: `${a.signal}: ` }), a.action)))));
  }
  const charts = el('div', { class: 'grid-2' });
  view.append(charts);
  usageByFeature(charts, data.usage_by_feature || []);
  series(charts, 'Active users', data.active_users || [], 'value');
  series(charts, 'MRR history', data.mrr_history || [], 'mrr', 'currency');
  seats(charts, data.seats);
  const lists = el('div', { class: 'grid-2' });
  view.append(lists);
  lists.append(section('MRR movements', tableOr(data.mrr_movements, 'No MRR movements.', [
    { key: 'date', label: 'Date' }, { key: 'kind', label: 'Movement' }, { key: 'amount', label: 'Amount', numeric: true, format: (v) => formatValue(v, 'currency') }])));
  lists.append(section('Health', health(data.health)));
  lists.append(section('NPS answers', tableOr(data.nps, 'No NPS answers.', [
    { key: 'date', label: 'Date' }, { key: 'user_id', label: 'User' }, { key: 'score', label: 'Score', numeric: true }, { key: 'comment', label: 'Comment', format: (v) => v || '—' }])));
  lists.append(section('Benchmark against the segment', findingsOr(data.benchmark, 'benchmark findings')));
  lists.append(section('Anomalies', findingsOr(data.anomalies, 'anomalies')));
  lists.append(section('Signals', findingsOr(data.signals, 'signals')));
}

function tableOr(rows, empty, columns) {
  return (rows || []).length === 0 ? message(empty) : dataTable({ caption: 'Details', captionHidden: true, columns, rows });
}

function findingsOr(findings, name) {
  return findingsList({ insight: name, summary: (findings || []).length === 0 ? `No ${name} for this account.` : `${findings.length} ${name}`, findings: findings || [] });
}

function usageByFeature(parent, features) {
  if (features.length === 0) {
    parent.append(message('No usage recorded for this account.'));
    return;
  }
  const periods = [...new Set(features.flatMap((f) => f.series.map((p) => periodLabel(p.period))))].sort();
  const rows = features.flatMap((f) => f.series.map((p) => ({ feature: f.feature, period: periodLabel(p.period), value: p.value })));
  chartCard(parent, {
    title: 'Usage per feature',
    chart: lineChart({ categories: periods, series: features.map((f) => ({ name: f.feature, data: periods.map((p) => f.series.find((s) => periodLabel(s.period) === p)?.value ?? 0) })) }),
    table: { columns: [{ key: 'feature', label: 'Feature' }, { key: 'period', label: 'Period' }, { key: 'value', label: 'Usage', numeric: true, format: (v) => formatValue(v) }], rows },
  });
}

function series(parent, title, points, key, unit) {
  if (points.length === 0) {
    parent.append(message(`No ${title.toLowerCase()} to show.`));
    return;
  }
  chartCard(parent, {
    title,
    chart: lineChart({ categories: points.map((p) => periodLabel(p.period)), series: [{ name: title, data: points.map((p) => p[key]) }], unit }),
    table: { columns: [{ key: 'period', label: 'Period', format: periodLabel }, { key, label: title, numeric: true, format: (v) => formatValue(v, unit) }], rows: points },
  });
}

function seats(parent, value) {
  if (!value || value.licensed == null) {
    parent.append(message('No licensed seats recorded.'));
    return;
  }
  const rows = [{ what: 'Licensed', value: value.licensed }, { what: 'Active', value: value.active }];
  chartCard(parent, {
    title: 'Seat utilisation',
    subtitle: `${value.utilisation != null ? `${percentFormat.format(value.utilisation)}%` : '—'} of licensed seats active`,
    chart: barChart({ categories: rows.map((r) => r.what), series: [{ name: 'Seats', data: rows.map((r) => r.value) }], horizontal: true }),
    table: { columns: [{ key: 'what', label: 'Seats' }, { key: 'value', label: 'Count', numeric: true, format: (v) => integer.format(v) }], rows },
    height: 180,
  });
}

function health(value) {
  if (!value) return message('No health score.');
  return el('div', {},
    el('p', {}, el('strong', { text: value.score != null ? integer.format(value.score) : '—' }), ` · ${value.band || 'no band'}`),
    tableOr(value.components, 'No components.', [
      { key: 'name', label: 'Component' }, { key: 'score', label: 'Score', numeric: true, format: (v) => (v == null ? '—' : integer.format(v)) },
      { key: 'weight', label: 'Weight', numeric: true }, { key: 'why', label: 'Why' }]));
}
