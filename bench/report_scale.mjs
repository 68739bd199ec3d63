// Times a `devos report` page in Debian's chromium: load to the first rows, a filter by rule, a sort by
// file, the next page (median of 5 each). usage: node bench/report_scale.mjs <report.html>
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../tests/report/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const url = pathToFileURL(process.argv[2]).href;
const load = [], filter = [], sort = [], page2 = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#findings-body tr');
  load.push(Date.now() - t0);
  // Each action is timed inside the page, from the event to the rows being in the DOM.
  const timed = (action) => page.evaluate((a) => {
    const t = performance.now();
    if (a === 'filter') {
      const s = document.getElementById('filter-rule');
      s.value = s.options[1].value;
      s.dispatchEvent(new Event('change'));
    } else if (a === 'sort') {
      document.querySelector('th button[data-sort="file"]').click();
    } else {
      document.getElementById('page-next').click();
    }
    return performance.now() - t;
  }, action);
  sort.push(await timed('sort'));
  page2.push(await timed('next'));
  filter.push(await timed('filter'));
  await page.close();
}
await browser.close();
console.log(`chromium (median of 5): load to first rows ${median(load)} ms, sort by file ${median(sort).toFixed(1)} ms, ` +
            `next page ${median(page2).toFixed(1)} ms, filter by rule ${median(filter).toFixed(1)} ms`);
