// Opens a `devos report` page in Debian's chromium (playwright-core drives /usr/bin/chromium; no
// browser is downloaded) and checks it as a person would use it: no console error, no request beyond
// the file itself, the counts equal the SARIF's, filtering and sorting by clicks, the numbered steps of
// a cross-TU finding, axe-core clean; keeps a screenshot.
// usage: node report_browser.mjs <report.html> <findings.sarif> <screenshot.png>
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [html, sarifPath, screenshot] = process.argv.slice(2);
if (!html || !sarifPath || !screenshot) {
  console.error('usage: node report_browser.mjs <report.html> <findings.sarif> <screenshot.png>');
  process.exit(2);
}
const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
const results = sarif.runs.flatMap((run) => run.results);
const countBy = (key) => results.reduce((m, r) => m.set(key(r), (m.get(key(r)) || 0) + 1), new Map());
const byRule = countBy((r) => r.ruleId);
const byFile = countBy((r) => r.locations[0].physicalLocation.artifactLocation.uri);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => { consoleErrors.push('dialog: ' + d.message()); d.dismiss(); });
  const url = pathToFileURL(html).href;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    requests.push(u);
    return route.abort();
  });
  page.on('request', (r) => { if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });

  const text = (sel) => page.locator(sel).first().textContent();
  const matching = async () => Number(await page.getAttribute('#findings-table', 'data-matching'));
  const column = (cls) => page.$$eval(`#findings-body > tr:not(.detail) td.${cls}`, (tds) => tds.map((t) => t.textContent));

  check(Number(await text('#count-new')) === results.length, `#count-new ${await text('#count-new')} != ${results.length} SARIF results`);
  const total = Number(await text('#count-total'));
  check(total >= results.length, `#count-total ${total} < ${results.length}`);
  check(await matching() === total, `all findings listed: ${await matching()} != ${total}`);
  check((await column('rule')).length === Math.min(200, total), 'first page rows');
  for (const [rule, n] of byRule) {
    const shown = await page.locator(`#rules-table td[data-rule="${rule}"]`).textContent().catch(() => null);
    check(shown !== null && Number(shown) >= n, `rules table: ${rule} shows ${shown}, SARIF has ${n}`);
  }

  // Filter by clicks: state new, then a rule, then also a file.
  await page.selectOption('#filter-state', 'new');
  check(await matching() === results.length, `state=new matches ${await matching()} != ${results.length}`);
  const [topRule, topRuleCount] = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  await page.selectOption('#filter-rule', topRule);
  check(await matching() === topRuleCount, `rule ${topRule}: ${await matching()} != ${topRuleCount}`);
  check((await column('rule')).every((r) => r === topRule), `rule filter shows other rules`);
  await page.selectOption('#filter-rule', '');
  const [topFile, topFileCount] = [...byFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  await page.selectOption('#filter-file', topFile);
  check(await matching() === topFileCount, `file ${topFile}: ${await matching()} != ${topFileCount}`);
  check((await column('file')).every((f) => f.startsWith(topFile + ':') || f === topFile), 'file filter shows other files');
  await page.selectOption('#filter-file', '');
  await page.selectOption('#filter-state', '');

  // Sort by clicks: rule ascending, then descending; file ascending.
  const sorted = (xs, dir) => xs.every((x, i) => i === 0 || (dir > 0 ? xs[i - 1] <= x : xs[i - 1] >= x));
  await page.click('th button[data-sort="rule"]');
  check(sorted(await column('rule'), 1), 'rule column not ascending after one click');
  check(await page.getAttribute('th:has(button[data-sort="rule"])', 'aria-sort') === 'ascending', 'aria-sort ascending');
  await page.click('th button[data-sort="rule"]');
  check(sorted(await column('rule'), -1), 'rule column not descending after two clicks');
  await page.click('th button[data-sort="file"]');
  const files = (await column('file')).map((f) => f.replace(/:\d+$/, ''));
  check(sorted(files, 1), 'file column not ascending');

  // The call chain of a cross-TU finding, as numbered steps.
  const crossTu = results.find((r) => r.ruleId === 'purity.transitive' && (r.relatedLocations || []).length > 0);
  check(!!crossTu, 'the SARIF has a cross-TU (purity.transitive) finding with a chain');
  if (crossTu) {
    await page.selectOption('#filter-rule', 'purity.transitive');
    const where = crossTu.locations[0].physicalLocation;
    const label = `${where.artifactLocation.uri}:${where.region.startLine}`;
    const row = page.locator('#findings-body > tr', { has: page.locator('td.file', { hasText: label }) }).first();
    await row.locator('button.details').click();
    check(await row.locator('button.details').getAttribute('aria-expanded') === 'true', 'details expanded');
    const steps = await page.$$eval('#findings-body tr.detail ol.steps li', (lis) => lis.map((li) => li.textContent));
    check(steps.length === crossTu.relatedLocations.length, `chain steps ${steps.length} != ${crossTu.relatedLocations.length}`);
    crossTu.relatedLocations.forEach((loc, i) => {
      check((steps[i] || '').includes(loc.message.text), `step ${i + 1} lacks "${loc.message.text}"`);
    });
    const detailText = await page.locator('#findings-body tr.detail').first().textContent();
    check(/Call chain/.test(detailText) && /Why/.test(detailText) && /Instead/.test(detailText), 'detail shows the chain title, why and instead');
  }

  await page.screenshot({ path: screenshot, fullPage: true });
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => (await window.axe.run(document)).violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`));
  check(axe.length === 0, 'axe-core violations:\n  ' + axe.join('\n  '));
  check(consoleErrors.length === 0, 'console errors: ' + consoleErrors.join(' | '));
  check(requests.length === 0, 'network requests: ' + requests.join(', '));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error('FAIL:\n' + failures.join('\n'));
  process.exit(1);
}
console.log(`PASS: ${results.length} findings, screenshot ${screenshot}`);
