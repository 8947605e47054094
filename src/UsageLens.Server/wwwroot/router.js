// A small hash router: #/page/rest?query. The address holds the whole state of a view (the
// explorer's metric and period, the customer list's search and page), so a view can be shared.
// Each page is an ES module under pages/ exporting render(view, route, session).
import { cancelPageReads } from './api.js';
import { disposeCharts } from './charts.js';
import { message } from './dom.js';

export const PAGES = [
  { path: 'overview', title: 'Overview', module: './pages/overview.js' },
  { path: 'explore', title: 'Usage explorer', module: './pages/explore.js' },
  { path: 'customers', title: 'Customers', module: './pages/customers.js' },
  { path: 'revenue', title: 'Revenue', module: './pages/revenue.js' },
  { path: 'engagement', title: 'Engagement', module: './pages/engagement.js' },
  { path: 'insights', title: 'Insights', module: './pages/insights.js' },
  { path: 'ask', title: 'Ask', module: './pages/ask.js' },
  { path: 'admin', title: 'Admin', module: './pages/admin.js', adminOnly: true },
];

const CUSTOMER = { path: 'customer', title: 'Customer', module: './pages/customer.js' };

/** The route in the address: { page, id, params: URLSearchParams }. */
export function currentRoute() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?');
  const [page = 'overview', id] = path.split('/').map(decodeURIComponent);
  return { page: page || 'overview', id, params: new URLSearchParams(search) };
}

/** The address of a page with its state; empty values are left out so links stay short. */
export function href(path, params = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function navigate(path, params) {
  window.location.hash = href(path, params);
}

function pageOf(route) {
  if (route.page === 'customers' && route.id) return CUSTOMER;
  return PAGES.find((p) => p.path === route.page);
}

let generation = 0;

/** Renders the page in the address into view, then moves focus to its heading. */
export async function renderRoute(view, session, { focus = true } = {}) {
  const route = currentRoute();
  const page = pageOf(route);
  const mine = ++generation;
  cancelPageReads();
  disposeCharts();
  view.replaceChildren();
  view.setAttribute('aria-busy', 'true');
  document.querySelectorAll('.nav a').forEach((a) => {
    if (a.dataset.page === (page === CUSTOMER ? 'customers' : route.page)) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (!page || (page.adminOnly && session.role !== 'admin')) {
    view.append(message(`There is no page “${route.page}” here.`, 'error'));
    view.removeAttribute('aria-busy');
    return;
  }
  document.title = `UsageLens · ${page.title}`;
  try {
    const module = await import(page.module);
    if (mine !== generation) return;
    // A page appends its heading before its first await, so focus can move there at once.
    const rendering = module.render(view, route, session, () => mine !== generation);
    if (focus) view.querySelector('h1')?.focus();
    await rendering;
  } catch (error) {
    if (mine !== generation) return;
    view.append(message(error.message || String(error), 'error'));
  } finally {
    if (mine === generation) view.removeAttribute('aria-busy');
  }
}
