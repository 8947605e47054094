// Number and date formatting shared by the tiles and the chart. Dates are UTC days.
export const DAY_MS = 86400000;

export const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
export const fullDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

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
