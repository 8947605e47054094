// Data tables: a caption, column headers with scope, and cells formatted per column. Every chart
// keeps one of these behind it; list pages use them directly.
import { el } from './dom.js';

/**
 * columns: [{ key, label, format?(value, row) → string|Node, numeric? }]; rows: objects.
 * A column whose header is a sort link gets `sort: { href, direction }`.
 */
export function dataTable({ caption, columns, rows, className = 'table', captionHidden = false }) {
  const table = el('table', { class: className });
  table.append(el('caption', { class: captionHidden ? 'sr-only' : null, text: caption }));
  const head = el('tr', {}, columns.map((column) => el('th', {
    scope: 'col',
    class: column.numeric ? 'num' : null,
    'aria-sort': column.sort?.direction ? (column.sort.direction === 'asc' ? 'ascending' : 'descending') : null,
  }, column.sort ? el('a', { href: column.sort.href, text: column.label }) : column.label)));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of rows) {
    body.append(el('tr', {}, columns.map((column, index) => {
      const value = row[column.key];
      const shown = column.format ? column.format(value, row) : (value ?? '—');
      return el(index === 0 ? 'th' : 'td', { scope: index === 0 ? 'row' : null, class: column.numeric ? 'num' : null }, shown);
    })));
  }
  table.append(body);
  return table;
}
