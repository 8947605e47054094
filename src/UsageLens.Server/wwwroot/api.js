// Reads KPIs from /api/v1/kpi with the read key kept in this tab's session storage.
const KEY_STORAGE = 'usagelens.readKey';

export class ApiError extends Error {
  constructor(kind, status, message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

// A key in the address bar (#key=...) is moved to this tab's session storage and wiped from the
// URL, so it does not linger in history, bookmarks or screenshots.
export function adoptKeyFromFragment() {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const key = fragment.get('key');
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key.trim());
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}

export async function fetchKpi(name, params) {
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (!key) {
    throw new ApiError('auth', 401, 'No read key yet.');
  }
  const url = `/api/v1/kpi/${encodeURIComponent(name)}?${new URLSearchParams(params)}`;
  let response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new ApiError('network', 0, 'The UsageLens server cannot be reached.');
  }
  if (response.status === 401) {
    throw new ApiError('auth', 401, 'The key was not accepted.');
  }
  if (response.status === 403) {
    throw new ApiError('auth', 403, 'This key cannot read KPIs.');
  }
  if (!response.ok) {
    throw new ApiError('server', response.status, await problemText(response));
  }
  return response.json();
}

// Posts a free-text question; a refusal (unknown word, ambiguity, bad input) comes back as a
// 'question' error carrying the server's suggestions and readings.
export async function askQuestion(question) {
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (!key) {
    throw new ApiError('auth', 401, 'No read key yet.');
  }
  let response;
  try {
    response = await fetch('/api/v1/ask', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ question }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0, 'The UsageLens server cannot be reached.');
  }
  if (response.status === 401 || response.status === 403) {
    throw new ApiError('auth', response.status, 'This key cannot ask questions.');
  }
  if (response.status === 400) {
    const problem = await response.json();
    const error = new ApiError('question', 400, problem.detail || problem.title);
    error.suggestions = problem.suggestions || [];
    error.readings = problem.readings || [];
    throw error;
  }
  if (!response.ok) {
    throw new ApiError('server', response.status, await problemText(response));
  }
  return response.json();
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || problem.error || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

export function storeKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}
