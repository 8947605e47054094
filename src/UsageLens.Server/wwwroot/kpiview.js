// Draws one KPI answer as the explorer, revenue and engagement pages show it: its rows as a line
// (over periods), bars (over groups) or a table, one series per group when it has both.
import { barChart, chartCard, lineChart } from './charts.js';
import { dataTable } from './tables.js';
import { formatValue, periodLabel } from './format.js';

/** The names of a row's dimensions: everything but value and parts. */
export function dimensionsOf(rows) {
  return rows.length === 0 ? [] : Object.keys(rows[0]).filter((k) => k !== 'value' && k !== 'parts');
}

function label(value) {
  return value === null || value === undefined ? '(none)' : periodLabel(value);
}

/** Series of a KPI's rows: categories along the first dimension, one series per value of the second. */
export function seriesOf(rows, seriesName) {
  const [first, second] = dimensionsOf(rows);
  const categories = [...new Set(rows.map((r) => label(r[first])))];
  if (!second) return { categories, series: [{ name: seriesName, data: rows.map((r) => r.value) }] };
  const groups = [...new Set(rows.map((r) => label(r[second])))];
  return {
    categories,
    series: groups.map((group) => ({
      name: group,
      data: categories.map((c) => rows.find((r) => label(r[first]) === c && label(r[second]) === group)?.value ?? null),
    })),
  };
}

export function rowsTable(rows, unit, caption) {
  const columns = [...dimensionsOf(rows).map((key) => ({ key, label: key, format: label })),
    { key: 'value', label: 'Value', numeric: true, format: (v) => formatValue(v, unit) }];
  return { columns, rows, caption };
}

/** Appends the KPI's rows drawn as `view` (line, bar or table) to parent. */
export function drawRows(parent, kpi, { title, subtitle, view = 'line', actions = [], height }) {
  const rows = kpi.rows || [];
  const table = rowsTable(rows, kpi.unit, title);
  if (view === 'table') {
    parent.append(dataTable({ caption: title, columns: table.columns, rows }));
    return;
  }
  const { categories, series } = seriesOf(rows, title);
  const chart = view === 'bar'
    ? barChart({ categories, series, unit: kpi.unit, horizontal: categories.length > 8 && !dimensionsOf(rows).includes('period') })
    : lineChart({ categories, series, unit: kpi.unit });
  chartCard(parent, { title, subtitle, chart, table, actions, height });
}
