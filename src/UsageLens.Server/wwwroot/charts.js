// Every chart sits in a card with a PNG download and, behind it, a labelled data table of the same numbers
// that a screen reader reads and anyone can open. What a chart is (its kind, its library) is in charts/:
// a chart is { library: () => Promise<lib>, draw(lib, box, height) => { resize(), dispose(), png() } }.
import { el } from './dom.js';
import { dataTable } from './tables.js';

export { barChart, bridgeChart, lineChart, lorenzChart } from './charts/uplot.js';
export { heatmapChart } from './charts/echarts.js';

const live = new Set();

/** Disposes every chart of the page being left. */
export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Appends a chart card to parent and draws it. spec: { title, subtitle?, chart, table: { columns, rows },
 * actions?: [Node], height? }, chart from one of the kinds above. Returns { card }; the chart is drawn once
 * its library has loaded.
 */
export function chartCard(parent, { title, subtitle, chart, table, actions = [], height = 300 }) {
  const id = slug(title);
  const box = el('div', { class: 'chart', id: `chart-${id}`, role: 'img', 'aria-label': `${title}. The data table below has the same numbers.` });
  // The card keeps its height while the library loads, so nothing below it moves when the chart appears.
  box.style.minHeight = `${height}px`;
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
  chart.library().then((library) => show(library, chart, box, png, id, height), (error) => {
    box.textContent = error.message;
    png.disabled = true;
  });
  return { card };
}

function show(library, chart, box, png, id, height) {
  if (!box.isConnected) return; // the page was left while its data or the library loaded
  const drawn = chart.draw(library, box, height);
  const resizes = new ResizeObserver(() => drawn.resize());
  resizes.observe(box);
  live.add({ dispose: () => { resizes.disconnect(); drawn.dispose(); } });
  png.addEventListener('click', () => {
    const link = el('a', { href: drawn.png(), download: `${id}.png` });
    document.body.append(link);
    link.click();
    link.remove();
  });
}
