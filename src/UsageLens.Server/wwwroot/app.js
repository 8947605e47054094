// The dashboard shell: who is signed in (session cookie or an API key from #key=...), the
// navigation for that role, and the router that draws the page in the address.
import { ApiError, adoptKeyFromFragment, apiFetch, cancelPageReads, forgetKey, hasKey, storeKey } from './api.js';
import { el } from './dom.js';
import { PAGES, renderRoute } from './router.js';

const view = document.getElementById('view');
const notice = {
  root: document.getElementById('notice'),
  title: document.getElementById('notice-title'),
  detail: document.getElementById('notice-detail'),
  form: document.getElementById('key-form'),
  input: document.getElementById('key-input'),
  retry: document.getElementById('retry'),
};
let session = null;

function showNotice(kind, title, detail, { askForKey = false, offerRetry = false } = {}) {
  notice.root.hidden = false;
  notice.root.dataset.kind = kind;
  notice.title.textContent = title;
  notice.detail.textContent = detail;
  notice.form.hidden = !askForKey;
  notice.retry.hidden = !offerRetry;
  if (askForKey) notice.input.focus();
}

function renderNav() {
  const list = document.getElementById('nav');
  list.replaceChildren(...PAGES.filter((p) => !p.adminOnly || session?.role === 'admin')
    .map((p) => el('li', {}, el('a', { href: `#/${p.path}`, 'data-page': p.path, text: p.title }))));
}

async function signOut() {
  cancelPageReads();
  if (hasKey()) forgetKey();
  else await apiFetch('/api/v1/session', { method: 'DELETE' }).catch(() => null);
  window.location.assign('/login');
}

function renderWho() {
  const who = document.getElementById('who');
  who.replaceChildren();
  if (!session) return;
  const name = session.email || 'API key';
  const role = session.partner_id ? `${session.role} · ${session.partner_id}` : session.role;
  who.append(...[el('span', { class: 'who__name', text: name }), el('span', { class: 'badge', 'data-role': session.role, text: role }),
    session.pii_masked ? el('span', { class: 'badge badge--muted', title: 'E-mails and names are masked for your role', text: 'PII masked' }) : null,
    el('button', { type: 'button', class: 'button-secondary button-small', onclick: signOut, text: 'Sign out' })].filter(Boolean));
}

async function start() {
  notice.root.hidden = true;
  try {
    session = await apiFetch('/api/v1/session');
  } catch (error) {
    // A server from before sign-in (no /api/v1/session) still serves a key's reads.
    if (error instanceof ApiError && error.kind === 'missing' && hasKey()) return startWith({ email: null, role: null, partner_id: null, pii_masked: false });
    session = null;
    renderNav();
    renderWho();
    view.replaceChildren();
    if (error instanceof ApiError && error.kind === 'auth') {
      showNotice('warn', 'Sign in to UsageLens', 'Sign in with your e-mail, or paste an API key (usagelens keys create --role analyst), or open this page with #key=… in the address.', { askForKey: true });
    } else if (error instanceof ApiError && error.kind === 'network') {
      showNotice('error', 'Cannot reach the UsageLens server', 'Check that “usagelens serve” is running, then retry.', { offerRetry: true });
    } else {
      showNotice('error', 'The dashboard could not start', error.message, { offerRetry: true });
    }
    return;
  }
  await startWith(session);
}

async function startWith(found) {
  session = found;
  renderNav();
  renderWho();
  if (!window.location.hash.startsWith('#/')) history.replaceState(null, '', '#/overview');
  await renderRoute(view, session, { focus: false });
}

notice.form.addEventListener('submit', (event) => {
  event.preventDefault();
  const key = notice.input.value.trim();
  if (!key) return;
  storeKey(key);
  notice.input.value = '';
  start();
});
notice.retry.addEventListener('click', () => start());
window.addEventListener('hashchange', () => {
  if (adoptKeyFromFragment()) start();
  else if (session) renderRoute(view, session);
});

// The skip link moves focus to the content without touching the address, which holds the route.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

adoptKeyFromFragment();
start();
