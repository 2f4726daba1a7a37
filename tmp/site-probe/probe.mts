import { chromium } from 'playwright-core';
import { buildSite } from '/work/main/harness/report/site/build.ts';
import { syntheticRuns } from '/work/main/harness/report/site/synthetic.ts';
buildSite(syntheticRuns(2000, 10), '/tmp/site-work/big');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
for (let i = 0; i < 2; i++) {
  const p = await b.newPage();
  const t = Date.now();
  await p.goto('file:///tmp/site-work/big/index.html');
  await p.waitForSelector('body[data-ready="1"]');
  const r = await p.evaluate(() => { const g = globalThis as any; const n = g.performance.getEntriesByType('navigation')[0]; return { start: g.__s3c.startedAt, render: g.__s3c.renderMs, di: n.domInteractive, le: n.loadEventEnd }; });
  console.log(Date.now() - t, r);
  await p.close();
}
await b.close();
