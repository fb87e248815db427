// Accessibility: axe-core (pinned in package.json) on every tab of the sample, in both
// languages and at both widths; any serious or critical violation fails. Then the keyboard: Tab
// reaches the file button, the sample button, the selects, the tabs and the tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, openPage, root } from './harness.mjs';

const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(locale, width) {
  // The page's CSP forbids inline scripts, and addScriptTag inlines axe: bypass it for the audit.
  const page = await openPage(browser, server.url, { locale, viewport: { width, height: 900 }, bypassCSP: true });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.addScriptTag({ path: AXE });
  return page;
}

/** Serious and critical violations of axe's rules on the page as it is now. */
async function violations(page) {
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    if (r.passes.length < 10) throw new Error(`axe checked only ${r.passes.length} rules`);
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const minor = result.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) console.log(`# axe, minor or moderate: ${minor.map((v) => v.id).join(', ')}`);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const [locale, width] of [['zh-CN', 1280], ['en-US', 375]]) {
  test(`axe: no serious or critical violation on any tab (${locale}, ${width} px)`, async () => {
    const page = await open(locale, width);
    const tabs = await page.locator('[role=tab]').all();
    assert.ok(tabs.length >= 2);
    for (const tab of tabs) {
      await tab.click();
      const id = await tab.getAttribute('id');
      const found = await violations(page);
      assert.deepEqual(found, [], `${id}: ${JSON.stringify(found, null, 1)}`);
    }
    // The print view too: the header and notes are real content on paper.
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await violations(page), [], 'print view');
    assert.deepEqual(page.foreignRequests, []);
    assert.deepEqual(page.errors, []);
  });
}

test('the keyboard reaches the file button, the sample button, the selects, the tabs and the tables', async () => {
  const page = await openPage(browser, server.url, { locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  // The indicators tab, with its scrollable table (the page opens on the overview); then the
  // keyboard from the top of the page.
  await page.getByTestId('tab-indicators').click();
  await page.evaluate(() => document.activeElement?.blur());
  const reached = [];
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el?.dataset?.testid ?? el?.getAttribute('role') ?? el?.tagName?.toLowerCase();
    }));
  }
  for (const want of ['file-input', 'load-sample', 'level-select', 'group-select', 'weight-select',
    'median-rule-select', 'export-csv', 'tab-indicators', 'region']) {
    assert.ok(reached.includes(want), `${want} not reached by Tab: ${reached.join(' ')}`);
  }
  // Tab order follows the page: file before sample before the selects before the tabs.
  const order = ['file-input', 'load-sample', 'level-select', 'tab-indicators'].map((x) => reached.indexOf(x));
  assert.deepEqual([...order].sort((a, b) => a - b), order, reached.join(' '));
  // The focus ring is visible on a tab.
  await page.getByTestId('tab-indicators').focus();
  const outline = await page.getByTestId('tab-indicators').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  assert.deepEqual(page.errors, []);
});
