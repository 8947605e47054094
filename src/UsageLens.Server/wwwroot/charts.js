// Charts are Apache ECharts (vendor/echarts, loaded on the first chart as window.echarts). Every
// chart sits in a card with a PNG download and, behind it, a labelled data table of the same
// numbers that a screen reader reads and anyone can open.
import { el } from './dom.js';
import { dataTable } from './tables.js';
import { formatValue, integer, money } from './format.js';

const PALETTE = ['#3553c7', '#e8883a', '#1b9e77', '#b42318', '#7b5ea7', '#0e8fb0', '#c2a300', '#5b6675'];
const live = new Set();

let library;

window.addEventListener('resize', () => live.forEach((chart) => chart.resize()));

// ECharts is 0.55 MB of script (tools/echarts builds it with only the charts drawn here), and running it takes a
// slow 2-core machine 150-200 ms: it is added when the first chart is drawn (index.html preloads it), so a page's
// heading, figures, tables and insights are on screen first. Run earlier (as soon as it arrives, or right after a
// page had sent its reads), it made the overview's figures 0.1-0.4 s later while its charts came at best 0.05 s
// sooner: on a cold load the main thread is busy throughout, and only the order of the work can change.
function echartsLoaded() {
  library ??= window.echarts ? Promise.resolve(window.echarts) : new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'vendor/echarts/echarts.min.js';
    script.addEventListener('load', () => resolve(window.echarts));
    script.addEventListener('error', () => reject(new Error('the chart library (vendor/echarts) did not load')));
    document.head.append(script);
  });
  return library;
}

/** Disposes every chart of the page being left. */
export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Appends a chart card to parent and draws it. spec: { title, subtitle?, option, table: { columns, rows },
 * actions?: [Node], height? }. Returns { card }; the chart is drawn once ECharts has loaded.
 */
export function chartCard(parent, { title, subtitle, option, table, actions = [], height = 300 }) {
  const id = slug(title);
  const box = el('div', { class: 'chart', id: `chart-${id}`, style: null, role: 'img', 'aria-label': `${title}. The data table below has the same numbers.` });
  box.style.height = `${height}px`;
  const png = el('button', { type: 'button', class: 'button-secondary button-small', 'data-png': id, text: 'PNG' });
  png.setAttribute('aria-label', `Download ${title} as PNG`);
  const card = el('section', { class: 'card chart-card', 'aria-labelledby': `h-${id}` },
    el('div', { class: 'card__head' },
      el('div', {}, el('h2', { id: `h-${id}`, text: title }), subtitle ? el('p', { class: 'muted', text: subtitle }) : null),
      el('div', { class: 'card__actions' }, actions, png)),
    box,
    el('details', { class: 'data-table' },
      el('summary', { text: `Data table: ${title}` }),
      dataTable({ caption: title, columns: table.columns, rows: table.rows })));
  parent.append(card);
  echartsLoaded().then((echarts) => draw(echarts, box, png, id, option), (error) => {
    box.textContent = error.message;
    png.disabled = true;
  });
  return { card };
}

function draw(echarts, box, png, id, option) {
  if (!box.isConnected) return; // the page was left while its data or the library loaded
  const chart = echarts.init(box, null, { renderer: 'canvas' });
  chart.setOption({ animation: false, color: PALETTE, aria: { enabled: true }, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
  live.add(chart);
  png.addEventListener('click', () => {
    const link = el('a', { href: chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), download: `${id}.png` });
    document.body.append(link);
    link.click();
    link.remove();
  });
}

const grid = { left: 56, right: 40, top: 36, bottom: 40, containLabel: true };

function valueAxis(unit) {
  return { type: 'value', axisLabel: { formatter: (v) => formatValue(v, unit === 'percent' ? 'percent' : undefined) }, splitLine: { lineStyle: { color: '#eceef2' } } };
}

function tooltip(unit) {
  return { trigger: 'axis', valueFormatter: (v) => formatValue(v, unit) };
}

/** A line per series over categories (periods). series: [{ name, data }]. */
export function lineOption({ categories, series, unit, area = false }) {
  return {
    grid: series.length > 1 ? { ...grid, top: 48 } : grid, tooltip: tooltip(unit), legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: valueAxis(unit),
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.data, showSymbol: categories.length < 40, areaStyle: area ? { opacity: 0.12 } : undefined })),
  };
}

/** Bars per category; horizontal puts the categories on the y axis (long labels). */
export function barOption({ categories, series, unit, horizontal = false, stack }) {
  const categoryAxis = { type: 'category', data: categories, axisLabel: { interval: horizontal || categories.length <= 8 ? 0 : 'auto', hideOverlap: true, width: 140, overflow: 'truncate' } };
  return {
    grid: series.length > 1 ? { ...grid, top: 48 } : grid, tooltip: { ...tooltip(unit), axisPointer: { type: 'shadow' } }, legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    xAxis: horizontal ? valueAxis(unit) : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis(unit),
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack, itemStyle: s.color ? { color: s.color } : undefined, label: s.label })),
  };
}

/** A bridge (waterfall): start, then each step up or down, then the end. steps: [{ name, value }] with signed values. */
export function bridgeOption({ start, steps, end, unit }) {
  const names = [start.name, ...steps.map((s) => s.name), end.name];
  const base = [0];
  const up = [start.value];
  const down = ['-'];
  let level = start.value;
  for (const step of steps) {
    const next = level + step.value;
    base.push(Math.min(level, next));
    up.push(step.value >= 0 ? step.value : '-');
    down.push(step.value < 0 ? -step.value : '-');
    level = next;
  }
  base.push(0);
  up.push(end.value);
  down.push('-');
  // Movements are small beside the MRR itself: the axis starts near the lowest level so they show.
  const lowest = Math.min(start.value, end.value, ...base.slice(1, -1));
  const range = Math.max(start.value, end.value) - lowest;
  const below = lowest > 0 ? lowest - range * 0.5 - lowest * 0.01 : 0;
  // A round number, so the lowest tick is one of the axis' own and its label does not sit on the next one.
  const roundTo = 10 ** Math.floor(Math.log10(Math.max(1, range, lowest * 0.01)));
  const floor = Math.floor(below / roundTo) * roundTo;
  return {
    grid, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatValue(v, unit) },
    // Seven steps do not fit side by side in a half-width card: the names lean so none hides another.
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
    // The axis starts near the MRR, so its ticks are close together: whole amounts, not "1.1M" on every tick.
    yAxis: { ...valueAxis(unit), min: Math.max(0, floor), axisLabel: { formatter: (v) => (unit === 'currency' || unit === 'money' ? money.format(v) : integer.format(v)) } },
    series: [
      { type: 'bar', stack: 'bridge', data: base, itemStyle: { color: 'transparent' }, tooltip: { show: false }, name: 'base' },
      { type: 'bar', stack: 'bridge', data: up, name: 'Increase', itemStyle: { color: '#1b9e77' } },
      { type: 'bar', stack: 'bridge', data: down, name: 'Decrease', itemStyle: { color: '#b42318' } },
    ],
  };
}

/** A heatmap of cells [xIndex, yIndex, value] (retention: cohorts down, intervals across). */
export function heatmapOption({ xs, ys, cells, unit }) {
  const values = cells.map((c) => c[2]).filter((v) => typeof v === 'number');
  return {
    grid: { ...grid, bottom: 70 },
    tooltip: { position: 'top', valueFormatter: (v) => formatValue(v, unit) },
    xAxis: { type: 'category', data: xs, splitArea: { show: true } },
    yAxis: { type: 'category', data: ys, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f0f3fb', '#3553c7'] } },
    series: [{ type: 'heatmap', data: cells, label: { show: xs.length <= 14, formatter: (p) => formatValue(p.value[2], unit) } }],
  };
}

/** The Lorenz curve: cumulative share of accounts (x) against cumulative share of usage (y), with the line of equality. */
export function lorenzOption(points) {
  return {
    grid, tooltip: { trigger: 'axis', valueFormatter: (v) => formatValue(v, 'percent') },
    legend: { top: 0 },
    xAxis: { type: 'value', min: 0, max: 100, name: 'accounts %', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', min: 0, max: 100, name: 'usage %' },
    series: [
      { type: 'line', name: 'Lorenz curve', data: points, showSymbol: points.length < 40, areaStyle: { opacity: 0.1 } },
      { type: 'line', name: 'Equality', data: [[0, 0], [100, 100]], showSymbol: false, lineStyle: { type: 'dashed', color: '#5b6675' } },
    ],
  };
}
