// A hand-drawn SVG line chart of one value per day: axes, gridlines, date ticks, a tooltip on hover
// and on the arrow keys, and a width that follows its container.
import { DAY_MS, dayMonthYear, formatCount, fullDay, integer, isNumber, parseUtc, shortDay } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (parent) parent.append(element);
  return element;
}

// Round steps (1, 2, 2.5, 5 × 10^n) so gridlines land on numbers people read at a glance.
function niceTicks(max, count) {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  const ticks = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(v);
  return ticks;
}

function dateTicks(points, width) {
  const days = points.length;
  const maxTicks = Math.max(2, Math.floor(width / 84));
  const step = [1, 2, 7, 14, 28, 56].find((s) => days / s <= maxTicks) || Math.ceil(days / maxTicks);
  // Weekly steps start on Mondays, so ticks line up with the working week.
  const first = step % 7 === 0 ? points.findIndex((p) => p.date.getUTCDay() === 1) : 0;
  const ticks = [];
  for (let i = Math.max(0, first); i < days; i += step) ticks.push(points[i]);
  return ticks;
}

export class TrendChart {
  constructor(container, tooltip, table) {
    this.container = container;
    this.tooltip = tooltip;
    this.table = table;
    this.points = [];
    this.active = -1;
    new ResizeObserver(() => this.draw()).observe(container);
  }

  setRows(rows) {
    this.points = rows
      .map((row) => ({ date: parseUtc(row.period), value: isNumber(row.value) ? row.value : null }))
      .sort((a, b) => a.date - b.date);
    this.fillTable();
    this.draw();
  }

  showMessage(text) {
    this.points = [];
    this.container.replaceChildren();
    const message = document.createElement('p');
    message.className = 'chart__empty muted';
    message.textContent = text;
    this.container.append(message);
    this.container.setAttribute('aria-busy', 'false');
  }

  fillTable() {
    const body = this.table.tBodies[0];
    body.replaceChildren(...this.points.map((p) => {
      const row = document.createElement('tr');
      const day = document.createElement('td');
      const value = document.createElement('td');
      day.textContent = fullDay.format(p.date);
      value.textContent = isNumber(p.value) ? integer.format(p.value) : 'no data';
      row.append(day, value);
      return row;
    }));
  }

  draw() {
    const width = Math.floor(this.container.clientWidth);
    if (this.points.length === 0 || width === 0) return;
    const height = 300;
    const margin = { top: 14, right: 18, bottom: 30, left: 58 };
    const plotWidth = Math.max(10, width - margin.left - margin.right);
    const plotHeight = height - margin.top - margin.bottom;
    const values = this.points.map((p) => p.value).filter(isNumber);
    const yTicks = niceTicks(Math.max(0, ...values), 5);
    const yMax = yTicks[yTicks.length - 1] || 1;
    const t0 = this.points[0].date.getTime();
    const span = Math.max(DAY_MS, this.points[this.points.length - 1].date.getTime() - t0);
    this.x = (date) => margin.left + ((date.getTime() - t0) / span) * plotWidth;
    this.y = (value) => margin.top + plotHeight - (value / yMax) * plotHeight;
    this.margin = margin;

    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', tabindex: 0, 'aria-label': this.describe(values) });
    const defs = svg('defs', {}, root);
    const gradient = svg('linearGradient', { id: 'trend-fill', x1: 0, y1: 0, x2: 0, y2: 1 }, defs);
    svg('stop', { offset: '0%', 'stop-color': '#3553c7', 'stop-opacity': 0.18 }, gradient);
    svg('stop', { offset: '100%', 'stop-color': '#3553c7', 'stop-opacity': 0 }, gradient);

    const grid = svg('g', { class: 'grid' }, root);
    const yAxis = svg('g', { class: 'axis axis--y' }, root);
    for (const tick of yTicks) {
      const y = Math.round(this.y(tick)) + 0.5;
      svg('line', { x1: margin.left, x2: margin.left + plotWidth, y1: y, y2: y }, grid);
      const label = svg('text', { x: margin.left - 10, y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, yAxis);
      label.textContent = formatCount(tick);
    }
    const xAxis = svg('g', { class: 'axis axis--x' }, root);
    const baseline = margin.top + plotHeight + 0.5;
    svg('line', { x1: margin.left, x2: margin.left + plotWidth, y1: baseline, y2: baseline }, xAxis);
    for (const point of dateTicks(this.points, plotWidth)) {
      const x = Math.round(this.x(point.date)) + 0.5;
      svg('line', { x1: x, x2: x, y1: baseline, y2: baseline + 5 }, xAxis);
      const label = svg('text', { x, y: baseline + 19, 'text-anchor': 'middle' }, xAxis);
      label.textContent = shortDay.format(point.date);
    }

    const { line, area } = this.paths(baseline - 0.5);
    svg('path', { class: 'area', d: area }, root);
    svg('path', { class: 'line', d: line }, root);

    this.rule = svg('line', { class: 'rule', y1: margin.top, y2: baseline, visibility: 'hidden' }, root);
    this.dot = svg('circle', { class: 'dot', r: 4.5, visibility: 'hidden' }, root);
    const overlay = svg('rect', { class: 'overlay', x: margin.left, y: margin.top, width: plotWidth, height: plotHeight }, root);
    overlay.addEventListener('pointermove', (event) => this.hover(event));
    overlay.addEventListener('pointerleave', () => this.highlight(-1));
    root.addEventListener('keydown', (event) => this.key(event));
    root.addEventListener('blur', () => this.highlight(-1));

    this.svg = root;
    this.container.replaceChildren(root);
    this.container.setAttribute('aria-busy', 'false');
    if (this.active >= 0) this.highlight(this.active);
  }

  // Missing days break the line instead of being drawn as zero.
  paths(bottom) {
    let line = '';
    let area = '';
    let run = [];
    const flush = () => {
      if (run.length === 0) return;
      const segment = run.map((p, i) => `${i === 0 ? 'M' : 'L'}${this.x(p.date).toFixed(1)},${this.y(p.value).toFixed(1)}`).join('');
      line += segment;
      area += `${segment}L${this.x(run[run.length - 1].date).toFixed(1)},${bottom}L${this.x(run[0].date).toFixed(1)},${bottom}Z`;
      run = [];
    };
    for (const point of this.points) {
      if (isNumber(point.value)) run.push(point); else flush();
    }
    flush();
    return { line, area };
  }

  describe(values) {
    if (values.length === 0) return 'API calls per day: no data.';
    const peak = this.points.reduce((best, p) => (isNumber(p.value) && (!best || p.value > best.value) ? p : best), null);
    return `Line chart of API calls per day from ${dayMonthYear.format(this.points[0].date)} to ${dayMonthYear.format(this.points[this.points.length - 1].date)}. `
      + `Peak ${integer.format(peak.value)} on ${fullDay.format(peak.date)}. Use the arrow keys to read each day.`;
  }

  hover(event) {
    const bounds = this.svg.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    let nearest = 0;
    for (let i = 1; i < this.points.length; i++) {
      if (Math.abs(this.x(this.points[i].date) - x) < Math.abs(this.x(this.points[nearest].date) - x)) nearest = i;
    }
    this.highlight(nearest);
  }

  key(event) {
    const last = this.points.length - 1;
    const moves = { ArrowLeft: -1, ArrowRight: 1 };
    if (event.key in moves) {
      this.highlight(Math.min(last, Math.max(0, (this.active < 0 ? last : this.active) + moves[event.key])));
    } else if (event.key === 'Home') {
      this.highlight(0);
    } else if (event.key === 'End') {
      this.highlight(last);
    } else if (event.key === 'Escape') {
      this.highlight(-1);
    } else {
      return;
    }
    event.preventDefault();
  }

  highlight(index) {
    this.active = index;
    const point = this.points[index];
    if (!point || !this.svg) {
      this.tooltip.hidden = true;
      if (this.rule) this.rule.setAttribute('visibility', 'hidden');
      if (this.dot) this.dot.setAttribute('visibility', 'hidden');
      return;
    }
    const x = this.x(point.date);
    this.rule.setAttribute('x1', x);
    this.rule.setAttribute('x2', x);
    this.rule.setAttribute('visibility', 'visible');
    const hasValue = isNumber(point.value);
    const y = hasValue ? this.y(point.value) : this.margin.top;
    this.dot.setAttribute('cx', x);
    this.dot.setAttribute('cy', y);
    this.dot.setAttribute('visibility', hasValue ? 'visible' : 'hidden');

    this.tooltip.replaceChildren();
    const day = document.createElement('div');
    day.className = 'tooltip__day';
    day.textContent = fullDay.format(point.date);
    const value = document.createElement('div');
    value.textContent = hasValue ? `${integer.format(point.value)} API calls` : 'No data';
    this.tooltip.append(day, value);
    this.tooltip.hidden = false;
    // Keep the tooltip inside the card near the edges.
    const card = this.tooltip.offsetParent || this.container;
    const chartLeft = this.container.offsetLeft;
    const half = this.tooltip.offsetWidth / 2;
    const left = Math.min(Math.max(chartLeft + x, half + 8), card.clientWidth - half - 8);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${this.container.offsetTop + y}px`;
  }
}
