// Number and date formatting shared by the tiles and the chart. Dates are UTC days.
export const DAY_MS = 86400000;

// Each Intl formatter is made on its first use: making all of them as the module loads cost 60 ms of a
// slow machine's main thread before the dashboard could ask for anything.
function lazy(make) {
  let formatter;
  return { format: (value) => (formatter ??= make()).format(value) };
}

export const integer = lazy(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }));
export const compact = lazy(() => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }));
export const oneDecimal = lazy(() => new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
export const shortDay = lazy(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }));
export const fullDay = lazy(() => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
export const dayMonthYear = lazy(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));

export const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

export function formatCount(value) {
  if (!isNumber(value)) return '—';
  return Math.abs(value) >= 100000 ? compact.format(value) : integer.format(value);
}

export function parseUtc(text) {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
}

// Periods are [from, to): the last day shown is the day before `to`.
export function describePeriod(from, to) {
  const first = parseUtc(from);
  const last = new Date(parseUtc(to).getTime() - DAY_MS);
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  return `${sameYear ? shortDay.format(first) : dayMonthYear.format(first)} – ${dayMonthYear.format(last)}`;
}

export const percentFormat = lazy(() => new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
export const money = lazy(() => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }));
export const compactMoney = lazy(() => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 2 }));
export const twoDecimals = lazy(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }));

// A KPI value in its unit: percent with one decimal, money whole, counts whole, ratios to two decimals.
export function formatValue(value, unit) {
  if (!isNumber(value)) return '—';
  switch (unit) {
    case 'percent': return `${percentFormat.format(value)}%`;
    case 'currency': case 'money': return Math.abs(value) >= 1000000 ? compactMoney.format(value) : money.format(value);
    case 'ratio': return twoDecimals.format(value);
    default: return Number.isInteger(value) ? formatCount(value) : twoDecimals.format(value);
  }
}

// The change against the previous period: percentage points for a percent, a relative change otherwise.
export function describeChange(value, previous, unit) {
  if (!isNumber(value) || !isNumber(previous)) return { text: 'No previous period to compare', trend: 'none' };
  const trend = value > previous ? 'up' : value < previous ? 'down' : 'flat';
  const sign = value > previous ? '+' : value < previous ? '−' : '';
  if (unit === 'percent') return { text: `${sign}${percentFormat.format(Math.abs(value - previous))} pts`, trend };
  if (previous === 0) return { text: value === 0 ? '0%' : 'New', trend };
  return { text: `${sign}${percentFormat.format(Math.abs(((value - previous) / Math.abs(previous)) * 100))}%`, trend };
}

// A period label from a row: "2026-10" for months, the day otherwise.
export function periodLabel(text) {
  return typeof text === 'string' ? text.slice(0, 10) : String(text ?? '');
}
