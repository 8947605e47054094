// Takes the README's screenshots of the main pages (docs/screenshots) from a running demo server:
//   node screenshots.mjs http://127.0.0.1:5080 KEY ../../docs/screenshots [ACCOUNT_ID]
import { chromium } from 'playwright-core';

const [base, key, folder, account = 'acct-0231'] = process.argv.slice(2);
const pages = {
  overview: 'overview',
  explorer: 'explore?kpi=usage&metric=api_call&period=last-90-days&grain=week&group_by=segment&view=line',
  customers: 'customers?sort=mrr&order=desc',
  'customer-360': `customers/${account}`,
  revenue: 'revenue',
  engagement: 'engagement',
  insights: 'insights?name=churn-risk',
  ask: 'ask?q=api%20calls%20by%20segment%20last%20month',
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/#key=${key}`);
for (const [name, route] of Object.entries(pages)) {
  await page.goto(`${base}/#/${route}`);
  await page.waitForSelector('#view h1');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 300000 });
  await page.waitForTimeout(500); // charts are drawn once their library has loaded, after the figures
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 1600) } });
  console.log(`${folder}/${name}.png`);
}
await browser.close();
