// Line, bar, Lorenz and bridge charts, drawn with uPlot (vendor/uplot, 51 KB of script). A browser that has
// never seen the dashboard loads, compiles and runs it in a few tens of milliseconds, where Apache ECharts'
// 0.55 MB took 250-500 ms on a 2-core machine: that was what kept the overview's charts over 1 s on a first
// visit. Categories (periods, segments, features) are the x values 0..n-1; the axis and the legend name them.
import { formatValue, integer, money } from '../format.js';
import { loadScript } from './library.js';
import { AXIS_TEXT, DECREASE, GRID, INCREASE, LEVEL, PALETTE, TEXT } from './palette.js';

const library = () => loadScript('vendor/uplot/uPlot.iife.min.js', 'uPlot');
const FONT = '12px system-ui, sans-serif';
// The legend under the plot names the series and, under the cursor, shows their values (uPlot's tooltip).
const LEGEND_PX = 34;
// Steps between labelled categories: uPlot takes the smallest that leaves each label its space.
const WHOLE_STEPS = [1, 2, 3, 4, 5, 6, 7, 10, 12, 14, 15, 20, 25, 30, 50, 60, 100, 200, 500, 1000];

/** A line per series over categories (periods). series: [{ name, data }]. */
export function lineChart({ categories, series, unit, area = false }) {
  return {
    library,
    draw: (uPlot, box, height) => plot(uPlot, box, height, {
      scales: {
        x: { time: false, range: categories.length > 1 ? [0, categories.length - 1] : [-0.5, 0.5] },
        y: { range: fromZero(uPlot) },
      },
      axes: [categoryAxis(categories, 2), valueAxis(unit, 3)],
      // The last period's label is centred on the plot's right edge: the padding leaves it room.
      padding: [16, halfLabel(categories), null, null],
      cursor: { y: false },
      series: [categorySeries(categories, { latest: true }), ...series.map((s, i) => line(s, i, unit, { points: categories.length < 40, area }))],
    }, [indices(categories), ...series.map((s) => s.data)]),
  };
}

/** Bars per category, side by side when there are several series; horizontal puts the categories down the left. */
export function barChart({ categories, series, unit, horizontal = false }) {
  return {
    library,
    draw: (uPlot, box, height) => plot(uPlot, box, height, {
      scales: {
        // Vertical categories run from the top, as a list is read.
        x: { time: false, range: [-0.5, categories.length - 0.5], ori: horizontal ? 1 : 0, dir: horizontal ? -1 : 1 },
        y: { range: fromZero(uPlot), ori: horizontal ? 0 : 1 },
      },
      axes: horizontal ? [categoryAxis(categories, 3), valueAxis(unit, 2)] : [categoryAxis(categories, 2), valueAxis(unit, 3)],
      // The bar under the cursor is named in the legend: no crosshair over the bars.
      cursor: { points: { show: false }, x: false, y: false },
      series: [categorySeries(categories), ...series.map((s, i) => bars(uPlot, s, i, series.length, unit))],
    }, [indices(categories), ...series.map((s) => s.data)]),
  };
}

/** The Lorenz curve: cumulative share of accounts (x) against cumulative share of usage (y), with the line of equality. */
export function lorenzChart(points) {
  const xs = points.map((p) => p[0]);
  return {
    library,
    draw: (uPlot, box, height) => plot(uPlot, box, height, {
      scales: { x: { time: false, range: [0, 100] }, y: { range: [0, 100] } },
      padding: [16, 24, null, null],
      axes: [
        { ...axis(2), values: (u, splits) => splits.map((v) => `${v}%`), label: 'accounts (cumulative)', labelSize: 20, labelFont: FONT },
        { ...valueAxis('percent', 3), label: 'usage (cumulative)', labelSize: 20, labelFont: FONT },
      ],
      series: [
        { label: 'Accounts', value: (u, v) => (v == null ? '' : formatValue(v, 'percent')) },
        line({ name: 'Usage' }, 0, 'percent', { points: points.length < 40, area: true }),
        { label: 'Equality', stroke: AXIS_TEXT, width: 1, dash: [6, 4], points: { show: false }, value: (u, v) => (v == null ? '' : formatValue(v, 'percent')) },
      ],
    }, [xs, points.map((p) => p[1]), xs]),
  };
}

/** A bridge (waterfall): start, then each step up or down, then the end. steps: [{ name, value }] with signed values. */
export function bridgeChart({ start, steps, end, unit }) {
  const names = [start.name, ...steps.map((s) => s.name), end.name];
  const lows = [];
  const highs = [];
  const colors = [];
  let level = start.value;
  for (const step of steps) {
    lows.push(Math.min(level, level + step.value));
    highs.push(Math.max(level, level + step.value));
    colors.push(step.value >= 0 ? INCREASE : DECREASE);
    level += step.value;
  }
  const floor = bridgeFloor(start.value, end.value, lows);
  lows.unshift(floor);
  lows.push(floor);
  highs.unshift(start.value);
  highs.push(end.value);
  colors.unshift(LEVEL);
  colors.push(LEVEL);
  const amounts = [start.value, ...steps.map((s) => s.value), end.value];
  const whole = (v) => (unit === 'currency' || unit === 'money' ? money.format(v) : integer.format(v));
  return {
    library,
    draw: (uPlot, box, height) => plot(uPlot, box, height, {
      scales: {
        x: { time: false, range: [-0.5, names.length - 0.5] },
        y: { range: (u, min, max) => [floor, uPlot.rangeNum(floor, max, 0.1, true)[1]] },
      },
      // The axis starts near the MRR, so its ticks are close together: whole amounts, not "1.1M" on every tick.
      // Every step is named: seven names do not fit side by side in a half-width card, so they lean.
      axes: [{ ...categoryAxis(names, 2), incrs: [1], space: 0, ...(names.length > 5 ? { rotate: 30, size: 64 } : {}) },
        { ...valueAxis(unit, 3), values: (u, splits) => splits.map(whole) }],
      cursor: { points: { show: false }, x: false, y: false },
      series: [categorySeries(names), {
        label: 'MRR',
        fill: LEVEL,
        width: 0,
        // Each step is signed: the legend shows the movement itself, the start and end their level.
        value: (u, v, s, i) => (i == null ? '' : `${i > 0 && i < names.length - 1 && amounts[i] > 0 ? '+' : ''}${formatValue(amounts[i], unit)}`),
        paths: uPlot.paths.bars({
          size: [0.6, 72],
          disp: {
            y0: { unit: 1, values: () => lows },
            y1: { unit: 1, values: () => highs },
            fill: { unit: 3, values: () => colors },
            stroke: { unit: 3, values: () => colors },
          },
        }),
        points: { show: false },
      }],
    }, [indices(names), highs]),
  };
}

// Movements are small beside the MRR itself: the axis starts near the lowest level so they show, at a round
// number, so the lowest tick is one of the axis' own.
function bridgeFloor(start, end, stepLows) {
  const lowest = Math.min(start, end, ...stepLows);
  const range = Math.max(start, end, ...stepLows) - lowest;
  const below = lowest > 0 ? lowest - range * 0.5 - lowest * 0.01 : 0;
  const roundTo = 10 ** Math.floor(Math.log10(Math.max(1, range, lowest * 0.01)));
  return Math.max(0, Math.floor(below / roundTo) * roundTo);
}

function plot(uPlot, box, height, options, data) {
  const chart = new uPlot({
    width: Math.max(200, box.clientWidth),
    height: Math.max(120, height - LEGEND_PX),
    legend: { live: true },
    select: { show: false },
    ...options,
    cursor: { drag: { x: false, y: false }, ...options.cursor },
  }, data, box);
  const shown = options.series.slice(1).filter((s) => s.label);
  return {
    resize: () => {
      if (box.clientWidth > 0 && Math.abs(box.clientWidth - chart.width) > 1) chart.setSize({ width: box.clientWidth, height: chart.height });
    },
    dispose: () => chart.destroy(),
    png: () => picture(chart, shown.length > 1 ? shown : []),
  };
}

const indices = (categories) => categories.map((c, i) => i);

function fromZero(uPlot) {
  return (u, min, max) => {
    const low = Math.min(0, min ?? 0);
    const high = Math.max(0, max ?? 0);
    return high === low ? [low, low + 1] : uPlot.rangeNum(low, high, 0.1, true);
  };
}

function axis(side) {
  return { side, font: FONT, stroke: AXIS_TEXT, ticks: { show: false }, grid: { stroke: GRID, width: 1 } };
}

function valueAxis(unit, side) {
  const label = (v) => formatValue(v, unit === 'percent' ? 'percent' : unit);
  return { ...axis(side), scale: 'y', values: (u, splits) => splits.map(label), space: side === 3 ? 36 : 80, ...leftSized(side) };
}

function categoryAxis(categories, side) {
  const shown = categories.map((c) => clip(String(c)));
  const longest = Math.max(1, ...shown.map((c) => c.length));
  return {
    ...axis(side),
    scale: 'x',
    grid: { show: false },
    incrs: WHOLE_STEPS,
    // Down the left every row has a label; along the bottom a label needs about its own width.
    space: side === 3 ? 14 : Math.min(180, longest * 7 + 14),
    // Along the bottom, clear of the lowest value label of the left axis.
    gap: side === 3 ? 5 : 10,
    values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? shown[i] ?? '' : '')),
    ...leftSized(side),
  };
}

// uPlot takes a key set to undefined as a value: only a left axis names its size.
function leftSized(side) {
  return side === 3 ? { size: fitWidest } : {};
}

function clip(text) {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

// The width of a left axis is the width of its widest label (uPlot calls this again once the labels are known).
function fitWidest(u, values, axisIndex, cycle) {
  const axis = u.axes[axisIndex];
  if (cycle > 1) return axis._size;
  u.ctx.font = axis.font[0];
  const widest = Math.max(0, ...(values ?? []).map((v) => u.ctx.measureText(v).width)) / devicePixelRatio;
  return Math.ceil(widest + axis.gap + 10);
}

// The legend's first entry is the category under the cursor, with no name of its own (uPlot would call it "Value").
// Away from the plot, a line's legend shows its latest period and values; bars show none (no category is "the" one).
function categorySeries(categories, { latest = false } = {}) {
  return { label: document.createElement('span'), value: (u, v, s, i) => (i == null ? (latest ? categories.at(-1) ?? '' : '') : categories[i] ?? '') };
}

function lastValue(data) {
  for (let i = data.length - 1; i >= 0; i--) if (data[i] != null) return data[i];
  return null;
}

function halfLabel(categories) {
  const longest = Math.max(1, ...categories.map((c) => clip(String(c)).length));
  return Math.min(80, Math.ceil(longest * 3.6) + 6);
}

function line(s, index, unit, { points, area }) {
  const color = PALETTE[index % PALETTE.length];
  return {
    label: s.name,
    stroke: color,
    width: 2,
    points: { show: points, size: 6 },
    value: (u, v, s, i) => formatValue(i == null ? lastValue(u.data[s]) : v, unit),
    ...(area ? { fill: `${color}1f` } : {}),
  };
}

function bars(uPlot, s, index, count, unit) {
  const color = s.color ?? PALETTE[index % PALETTE.length];
  // Several series share each category's slot, 0.8 of it wide, each its own part of that, left to right.
  const width = 0.8 / count;
  const offset = -0.4 + index * width;
  const group = count > 1
    ? { disp: { x0: { unit: 1, values: (u) => u.data[0].map((x) => x + offset) }, size: { unit: 1, values: (u) => u.data[0].map(() => width) } } }
    : { size: [0.6, 72] };
  return {
    label: s.name,
    fill: color,
    stroke: color,
    width: 0,
    points: { show: false },
    paths: uPlot.paths.bars(group),
    value: (u, v, s, i) => (i == null ? '' : formatValue(v, unit)),
  };
}

// The PNG download: the plot on white, with the series' names above it when there is more than one.
function picture(chart, series) {
  const source = chart.ctx.canvas;
  const scale = source.width / chart.width;
  const legend = series.length > 0 ? Math.round(28 * scale) : 0;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + legend;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, legend);
  ctx.font = `${12 * scale}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  let x = 12 * scale;
  for (const s of series) {
    ctx.fillStyle = s.stroke ?? s.fill;
    ctx.fillRect(x, legend / 2 - 5 * scale, 10 * scale, 10 * scale);
    x += 14 * scale;
    ctx.fillStyle = TEXT;
    ctx.fillText(s.label, x, legend / 2);
    x += ctx.measureText(s.label).width + 16 * scale;
  }
  return canvas.toDataURL('image/png');
}
