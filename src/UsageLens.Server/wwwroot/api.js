// Every call to the UsageLens API goes through apiFetch: the read key kept in this tab's session
// storage when there is one (sent as a Bearer token), the session cookie otherwise; unsafe requests
// carry the CSRF header the server asks of cookie sessions; problem responses become ApiErrors with
// the server's own message.
const KEY_STORAGE = 'usagelens.readKey';

export class ApiError extends Error {
  constructor(kind, status, message, problem = {}) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

// A key in the address bar (#key=...) is moved to this tab's session storage and wiped from the
// URL, so it does not linger in history, bookmarks or screenshots. Returns whether one was found.
export function adoptKeyFromFragment() {
  const match = /(?:^#|[#&?])key=([^&]+)/.exec(window.location.hash);
  if (!match) return false;
  sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]).trim());
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/overview`);
  return true;
}

export function storeKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
}

export function hasKey() {
  return Boolean(sessionStorage.getItem(KEY_STORAGE));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// The reads of the page on screen. A browser keeps six connections to a server, so reads that a page
// left behind (a slow insight, a chart's series) would hold them and queue the next page's reads, or a
// sign-out, behind answers nobody will see. Starting a page, or signing out, cancels them.
let pageReads = new AbortController();

function cancelled() {
  return new ApiError('cancelled', 0, 'The page changed before this answer came.');
}

/** Cancels the reads still running for the page before; called when a page starts drawing. */
export function cancelPageReads() {
  pageReads.abort();
  pageReads = new AbortController();
}

function headers(method, accept, hasBody) {
  const result = { Accept: accept };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) result.Authorization = `Bearer ${key}`;
  if (UNSAFE.has(method)) result['X-UsageLens-Csrf'] = '1';
  if (hasBody) result['Content-Type'] = 'application/json';
  return result;
}

// The query string of a parameter object: arrays repeat the name, empty values are left out.
export function query(params = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function send(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  try {
    return await fetch(path, {
      method,
      headers: headers(method, accept, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
      // Only reads are cancelled: a write the user asked for runs to its end.
      signal: UNSAFE.has(method) ? undefined : pageReads.signal,
    });
  } catch (error) {
    throw error?.name === 'AbortError' ? cancelled() : new ApiError('network', 0, 'The UsageLens server cannot be reached.');
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

async function failure(response) {
  const problem = await problemOf(response);
  const message = problem.detail || problem.title || problem.error || `HTTP ${response.status}`;
  if (response.status === 401) return new ApiError('auth', 401, 'Sign in or paste an API key to continue.', problem);
  if (response.status === 403) return new ApiError('forbidden', 403, message === `HTTP 403` ? 'Your role cannot see this.' : message, problem);
  if (response.status === 404) return new ApiError('missing', 404, message, problem);
  if (response.status === 400) return new ApiError('input', 400, message, problem);
  return new ApiError('server', response.status, message, problem);
}

/** JSON from the API; a 204 gives null. */
export async function apiFetch(path, options = {}) {
  const response = await send(path, options);
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch (error) {
    throw error?.name === 'AbortError' ? cancelled() : error;
  }
}

export function fetchKpi(name, params) {
  return apiFetch(`/api/v1/kpi/${encodeURIComponent(name)}${query(params)}`);
}

export function fetchInsight(name, params) {
  return apiFetch(`/api/v1/insights/${encodeURIComponent(name)}${query(params)}`);
}

// A refusal (unknown word, ambiguity, bad input) comes back as an 'input' error whose problem
// carries the server's suggestions and readings.
export function askQuestion(question) {
  return apiFetch('/api/v1/ask', { method: 'POST', body: { question } });
}

/**
 * Downloads a file (CSV, PDF) the way the page is signed in: a key cannot ride on a plain link, so
 * the file is fetched with the key's header and handed to the browser as a blob.
 */
export async function download(path, fileName, accept) {
  const response = await send(path, { accept });
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
