// Customers: the caller's accounts (a partner's own only), searchable, sortable and paged by the
// server so the list stays fast at 100k accounts. Search, sort and page live in the address.
import { apiFetch, query } from '../api.js';
import { el, message, pageHead } from '../dom.js';
import { csvLink } from '../exports.js';
import { formatValue, integer, percentFormat, twoDecimals } from '../format.js';
import { href, navigate } from '../router.js';
import { dataTable } from '../tables.js';

const PAGE_SIZE = 50;
const COLUMNS = [
  ['name', 'Account'], ['segment', 'Segment'], ['plan', 'Plan'], ['partner', 'Partner'], ['mrr', 'MRR'], ['usage', 'Usage, 30 days'],
  ['trend', 'Trend'], ['health', 'Health'], ['churn_risk', 'Churn risk'],
];
const FIELD = { name: 'name', segment: 'segment', plan: 'plan', partner: 'partner_id', mrr: 'mrr', usage: 'usage_30d', trend: 'usage_trend_pct', health: 'health_score', churn_risk: 'churn_risk' };
const SORTABLE = new Set(['name', 'mrr', 'usage', 'trend', 'health', 'churn_risk', 'partner']);
const NUMERIC = new Set(['mrr', 'usage', 'trend', 'health', 'churn_risk']);

function format(column, value, row) {
  if (column === 'name') return el('a', { href: href(`customers/${encodeURIComponent(row.account_id)}`), text: value || row.account_id });
  if (value === null || value === undefined) return '—';
  switch (column) {
    case 'mrr': return formatValue(value, 'currency');
    case 'usage': return formatValue(value);
    case 'trend': return `${value > 0 ? '+' : value < 0 ? '−' : ''}${percentFormat.format(Math.abs(value))}%`;
    case 'health': return el('span', { class: `band band--${row.health_band || 'none'}`, text: `${integer.format(value)}${row.health_band ? ` · ${row.health_band}` : ''}` });
    case 'churn_risk': return twoDecimals.format(value); // the model's probability, or the rule's score
    default: return String(value);
  }
}

export async function render(view, route) {
  const search = route.params.get('search') || '';
  const sort = SORTABLE.has(route.params.get('sort')) ? route.params.get('sort') : 'mrr';
  const order = route.params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number.parseInt(route.params.get('page') || '1', 10) || 1);
  const apiParams = { search, sort, order, page, page_size: PAGE_SIZE };
  const input = el('input', { id: 'customer-search', type: 'search', name: 'search', value: search, placeholder: 'name or id', autocomplete: 'off' });
  const form = el('form', { class: 'card searchbar', role: 'search' }, el('label', { for: 'customer-search', text: 'Search accounts' }), input, el('button', { type: 'submit', text: 'Search' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate('customers', { search: input.value.trim(), sort, order });
  });
  const result = el('div', { 'aria-live': 'polite' });
  view.append(pageHead('Customers', 'Every account you can see, with its revenue, usage, health and churn risk.', csvLink('CSV', '/api/v1/accounts', { search, sort, order }, 'accounts.csv')), form, result);
  let list;
  try {
    list = await apiFetch(`/api/v1/accounts${query(apiParams)}`);
  } catch (error) {
    result.append(message(error.message, 'error'));
    return;
  }
  const columns = COLUMNS.map(([key, label]) => ({
    key: FIELD[key],
    label,
    numeric: NUMERIC.has(key),
    format: (value, row) => format(key, value, row),
    sort: SORTABLE.has(key) ? { href: href('customers', { search, sort: key, order: key === sort && order === 'desc' ? 'asc' : 'desc' }), direction: key === sort ? order : null } : null,
  }));
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  result.append(
    el('p', { class: 'muted', id: 'customer-count', text: `${integer.format(list.total)} accounts${search ? ` matching “${search}”` : ''} · as of ${list.as_of}` }),
    list.accounts.length === 0 ? message('No accounts match.') : dataTable({ caption: `Accounts, page ${list.page} of ${pages}, sorted by ${sort} ${order}`, captionHidden: true, columns, rows: list.accounts }),
    el('nav', { class: 'pager', 'aria-label': 'Pages of accounts' },
      list.page > 1 ? el('a', { href: href('customers', { search, sort, order, page: list.page - 1 }), rel: 'prev', text: '← Previous' }) : el('span'),
      el('span', { class: 'muted', text: `Page ${list.page} of ${pages}` }),
      list.page < pages ? el('a', { href: href('customers', { search, sort, order, page: list.page + 1 }), rel: 'next', text: 'Next →' }) : el('span')));
}
