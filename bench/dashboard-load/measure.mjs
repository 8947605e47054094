// Times each dashboard page in Debian's Chromium (Playwright) against a running server, with a cold
// browser cache for the first load of each run:
//   node measure.mjs http://127.0.0.1:5080 KEY [runs]
// For each page it reports, as the median over the runs (milliseconds from the navigation's start):
//   shell   - the page's heading is in the document (scripts, styles and the session loaded);
//   figures - the first tile or headline value is filled in, or the page's first table row or chart is added;
//   settled - nothing on the page is busy any more (every figure, table and insight loaded);
//   charts  - the page's last chart is drawn (the end of the task that drew it); "-" for a page without charts;
//   lcp     - Largest Contentful Paint, the Web Vitals loading metric (Chrome leaves canvases out of it).
// PAGES=overview,explore limits the pages.
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:5080', key, runsText = '5'] = process.argv.slice(2);
if (!key) {
  console.error('usage: node measure.mjs BASE_URL API_KEY [RUNS]');
  process.exit(2);
}
const runs = Number.parseInt(runsText, 10);
// overview-again: the overview once more at the end of a run, as a returning visitor loads it (a warm browser cache).
const pages = (process.env.PAGES || 'overview,explore,customers,revenue,engagement,insights,overview-again').split(',');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

// Each time is taken in the page, by its own clock (performance.now(), from the navigation's start, as Navigation
// Timing and web-vitals count), at the moment the document changes (a MutationObserver). Polling from outside would instead record when the page's main thread was next free, which on
// a busy 2-core machine is up to the length of the longest task (running a chart library) later.
function observe() {
  const marks = { shell: null, figures: null, settled: null, charts: null, drawn: 0 };
  window.__loadMarks = marks;
  const now = () => performance.now();
  const check = () => {
    const view = document.getElementById('view');
    if (!view) return;
    if (marks.shell === null && view.querySelector('h1')) marks.shell = now();
    const filled = [...view.querySelectorAll('.tile__value, .headline__value')].some((e) => e.textContent.trim() !== '' && e.textContent.trim() !== '—')
      || view.querySelector('table tbody tr, canvas');
    if (marks.figures === null && marks.shell !== null && filled) marks.figures = now();
    if (marks.settled === null && marks.shell !== null && !document.querySelector('[aria-busy="true"]')) marks.settled = now();
  };
  const observer = new MutationObserver((mutations) => {
    check();
    // A chart is drawn in the task that adds its canvas (uPlot in a microtask of its constructor; ECharts in
    // echarts.init, then setOption): the first moment after that task is when it is on screen to be painted.
    const hasCanvas = (n) => n.nodeName === 'CANVAS' || (n.nodeType === 1 && n.querySelector('canvas') !== null);
    if (mutations.some((m) => [...m.addedNodes].some(hasCanvas))) {
      setTimeout(() => { marks.drawn += 1; marks.charts = now(); }, 0);
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function time(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__loadMarks?.settled !== null && window.__loadMarks?.figures !== null, null, { timeout: 300000, polling: 50 });
  // Charts draw after the page has settled: give them until nothing has been drawn for a second.
  let drawn = -1;
  for (;;) {
    const now = await page.evaluate(() => window.__loadMarks.drawn);
    if (now === drawn) break;
    drawn = now;
    await page.waitForTimeout(1000);
  }
  const marks = await page.evaluate(() => window.__loadMarks);
  // Largest Contentful Paint, the Web Vitals loading metric (text and images; Chrome does not count canvases).
  const lcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  const round = (v) => (v === null ? null : Math.round(v));
  return { shell: round(marks.shell), figures: round(marks.figures), settled: round(marks.settled), charts: round(marks.charts), lcp: round(lcp) };
}

// WARM_BROWSER_URL: a page of another site the new browser loads first, so its own first-page work (its processes,
// fonts, canvas) is not counted in the dashboard's first load, as for a person whose browser is already open.
if (process.env.WARM_BROWSER_URL) {
  const warm = await browser.newContext();
  await (await warm.newPage()).goto(process.env.WARM_BROWSER_URL, { waitUntil: 'load' });
  await warm.close();
}

const results = Object.fromEntries(pages.map((p) => [p, []]));
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  // The browser's own start of a new tab (its renderer process) is not the dashboard's load time.
  await page.goto('about:blank');
  for (const name of pages) {
    // A full load each time: the key in the fragment, then the page's route, in a fresh document.
    const route = name === 'overview-again' ? 'overview' : name;
    const url = name === 'overview' ? `${base}/#key=${key}` : `${base}/?${run}-${name}#/${route}`;
    results[name].push(await time(page, url));
  }
  await context.close();
}
await browser.close();

const median = (values) => {
  const known = values.filter((v) => v !== null).sort((a, b) => a - b);
  return known.length === 0 ? '-' : known[Math.floor(known.length / 2)];
};
const columns = ['shell', 'figures', 'settled', 'charts', 'lcp'];
console.log(`median of ${runs} runs, milliseconds from navigation`);
console.log(`page           ${columns.map((c) => c.padStart(8)).join('')}`);
for (const [name, timings] of Object.entries(results)) {
  console.log(`${name.padEnd(15)}${columns.map((c) => String(median(timings.map((t) => t[c]))).padStart(8)).join('')}`);
}
