// Insights and alerts: every insight the server computes, with what it looks for and each finding's
// reason; for admins, the alert rules and the delivery log; for everyone, the scheduled reports they may see.
import { apiFetch, fetchInsight } from '../api.js';
import { el, message, pageHead } from '../dom.js';
import { csvLink } from '../exports.js';
import { findingsList } from '../findings.js';
import { reportsSection } from '../reports.js';
import { dataTable } from '../tables.js';

// Insights that compare or follow a KPI need one to look at: the overview's metric.
const DEFAULTS = {
  trend: { kpi: 'usage', metric: 'api_call', period: 'last-6-months', grain: 'month' },
  comparison: { kpi: 'usage', metric: 'api_call', by: 'segment', period: 'last-30-days' },
};

export async function render(view, route, session) {
  view.append(pageHead('Insights and alerts', 'What UsageLens finds in the data as of today. Pick an insight to see its method and each finding with its reason.'));
  const list = await apiFetch('/api/v1/insights');
  const chosen = list.find((i) => i.name === route.params.get('name')) || list.find((i) => i.name === 'churn-risk') || list[0];
  view.append(el('nav', { class: 'card toc', 'aria-label': 'Insights' },
    el('ul', {}, list.map((i) => el('li', {},
      el('a', { href: `#/insights?name=${i.name}`, 'aria-current': i === chosen ? 'page' : null, text: i.title }),
      el('span', { class: 'muted', text: ` — ${i.description}` }))))));
  await Promise.all([chosen ? insightSection(view, chosen) : null, session.role === 'admin' ? alertsSection(view) : null, reportsSection(view)]);
}

async function insightSection(parent, insight) {
  const id = `insight-${insight.name}`;
  const body = el('div', { class: 'insight__body', 'aria-busy': 'true' }, message('Computing…'));
  const params = DEFAULTS[insight.name] || {};
  parent.append(el('section', { class: 'card insight', id, 'aria-labelledby': `h-${id}` },
    el('div', { class: 'card__head' },
      el('div', {}, el('h2', { id: `h-${id}`, text: insight.title }), el('p', { class: 'muted', text: insight.description })),
      csvLink('CSV', `/api/v1/insights/${insight.name}`, params, `${insight.name}.csv`)),
    body));
  try {
    const result = await fetchInsight(insight.name, { ...params, limit: 50 });
    body.replaceChildren(el('details', { class: 'method' }, el('summary', { text: 'Method' }), el('p', { class: 'muted', text: result.method })), findingsList(result, { limit: 50 }));
  } catch (error) {
    body.replaceChildren(message(error.message, 'error'));
  } finally {
    body.removeAttribute('aria-busy');
  }
}

async function alertsSection(parent) {
  const box = el('section', { class: 'card', 'aria-labelledby': 'h-alerts' }, el('h2', { id: 'h-alerts', text: 'Alert rules and deliveries' }));
  parent.append(box);
  try {
    const [rules, deliveries] = await Promise.all([apiFetch('/api/v1/alerts'), apiFetch('/api/v1/alerts/deliveries?limit=50')]);
    box.append(rules.length === 0 ? message('No alert rules: add them under alerts: in usagelens.yaml.') : dataTable({
      caption: 'Alert rules',
      columns: [{ key: 'name', label: 'Rule' }, { key: 'kind', label: 'Kind' }, { key: 'condition', label: 'Condition' }, { key: 'schedule', label: 'Schedule' },
        { key: 'next_run', label: 'Next run', format: (v) => v ?? '—' }, { key: 'enabled', label: 'Enabled', format: (v) => (v ? 'yes' : 'no') }],
      rows: rules,
    }));
    box.append(deliveries.length === 0 ? message('No deliveries yet.') : dataTable({
      caption: 'Latest deliveries',
      columns: Object.keys(deliveries[0]).filter((k) => typeof deliveries[0][k] !== 'object').map((key) => ({ key, label: key.replaceAll('_', ' ') })),
      rows: [...deliveries].reverse(),
    }));
  } catch (error) {
    box.append(message(error.message, 'error'));
  }
}
