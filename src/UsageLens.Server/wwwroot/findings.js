// An insight's findings: subject (an account links to its 360), kind, score and the reason, plus
// the playbook's recommended action when the workspace configures one.
import { el, message } from './dom.js';
import { dataTable } from './tables.js';
import { oneDecimal } from './format.js';

function subjectCell(subject) {
  return subject && subject !== 'workspace' ? el('a', { href: `#/customers/${encodeURIComponent(subject)}`, text: subject }) : (subject || '—');
}

/** A table of findings; limit keeps the first ones (they come strongest first); compact clamps long reasons to a few lines. */
export function findingsList(insight, { limit, compact = false } = {}) {
  const findings = insight.findings || [];
  if (findings.length === 0) return message(insight.summary || 'Nothing found.');
  const rows = limit ? findings.slice(0, limit) : findings;
  const withActions = rows.some((f) => f.recommended_action);
  const table = dataTable({
    caption: `${insight.insight}: ${insight.summary}`,
    captionHidden: true,
    className: 'table findings',
    columns: [
      { key: 'subject', label: 'Account', format: subjectCell },
      { key: 'kind', label: 'Kind' },
      { key: 'score', label: 'Score', numeric: true, format: (v) => oneDecimal.format(v) },
      { key: 'why', label: 'Why', format: (v) => (compact ? el('div', { class: 'clamp', title: v, text: v }) : v) },
      ...(withActions ? [{ key: 'recommended_action', label: 'Recommended action', format: (v) => v || '—' }] : []),
    ],
    rows,
  });
  const total = insight.findings_total ?? findings.length;
  const more = limit && total > limit ? el('p', { class: 'muted', text: `${total - limit} more` }) : null;
  return el('div', { class: 'findings-wrap' }, el('p', { class: `muted summary${compact ? ' clamp' : ''}`, title: compact ? insight.summary : null, text: insight.summary }), table, more);
}
