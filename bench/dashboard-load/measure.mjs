// Times each dashboard page in Debian's Chromium (Playwright) against a running server, with a cold
// browser cache for the first load of each run:
//   node measure.mjs http://127.0.0.1:5080 KEY [runs]
// For each page it reports, as the median over the runs (milliseconds from the navigation's start):
//   shell   - the page's heading is shown (scripts, styles and ECharts loaded, session known);
//   figures - the first tile or headline value is filled in, or the page's table or chart is drawn;
//   settled - nothing on the page is busy any more (every chart, table and insight loaded);
//   lcp     - Largest Contentful Paint, the Web Vitals loading metric (Chrome leaves canvases out of it).
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:5080', key, runsText = '5'] = process.argv.slice(2);
if (!key) {
  console.error('usage: node measure.mjs BASE_URL API_KEY [RUNS]');
  process.exit(2);
}
const runs = Number.parseInt(runsText, 10);
const pages = ['overview', 'explore', 'customers', 'revenue', 'engagement', 'insights'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

const FIGURES = '.tile__value:not(:empty), .headline__value, #view table tbody tr, #view canvas';

// Times are the page's own clock (performance.now(), from the navigation's start, as Navigation Timing and
// web-vitals count), taken when each condition first holds: the browser's own work before the request (a new
// tab's renderer process) is left out.
async function time(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  const at = (fn, arg, timeout) => page.waitForFunction(fn, arg, { timeout, polling: 20 }).then((handle) => handle.jsonValue());
  const shell = await at(() => document.querySelector('#view h1') && performance.now(), null, 120000);
  const figures = await at((selector) => [...document.querySelectorAll(selector)].some((e) => e.textContent.trim() !== '—' || e.tagName === 'CANVAS') && performance.now(), FIGURES, 120000);
  const settled = await at(() => !document.querySelector('[aria-busy="true"]') && performance.now(), null, 300000);
  // Largest Contentful Paint, the Web Vitals loading metric (text and images; Chrome does not count canvases).
  const lcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  return { shell: Math.round(shell), figures: Math.round(figures), settled: Math.round(settled), lcp: Math.round(lcp) };
}

const results = Object.fromEntries(pages.map((p) => [p, []]));
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The browser's own start of a new tab (its renderer process) is not the dashboard's load time.
  await page.goto('about:blank');
  for (const name of pages) {
    // A full load each time: the key in the fragment, then the page's route, in a fresh document.
    const url = name === 'overview' ? `${base}/#key=${key}` : `${base}/?${run}-${name}#/${name}`;
    results[name].push(await time(page, url));
  }
  await context.close();
}
await browser.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`median of ${runs} runs, milliseconds from navigation`);
console.log('page         shell  figures  settled      lcp');
for (const [name, timings] of Object.entries(results)) {
  const line = ['shell', 'figures', 'settled', 'lcp'].map((k) => String(median(timings.map((t) => t[k]))).padStart(k === 'shell' ? 6 : 8));
  console.log(`${name.padEnd(11)}${line.join(' ')}`);
}
