// On a phone (375 px) the standards tables put the key columns first (issue 17 item 8): the CV
// table's first rows are 差异系数 and 是否达标, the attainment table's first columns the school,
// its verdict and its count; at 1280 px they keep the national report's order. No tab scrolls
// the page sideways at 375 px, in zh and en, for the sample and for the 85-school workbook
// (tests/fixtures/dossier/county85.xlsx). Screenshots go to $JUNHENG_SHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, launch, openPage, serve } from './harness.mjs';

const SHOTS = process.env.JUNHENG_SHOTS ?? '/tmp/junheng-shots';
const WORKBOOK = fixture('dossier/county85.xlsx');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const LANGS = [
  { locale: 'zh-CN', code: 'zh', cv: '差异系数', verdict: '是否达标', mean: '全县平均值', school: '学校', schoolVerdict: '学校结论', met: '达标项数' },
  { locale: 'en-US', code: 'en', cv: 'CV', verdict: 'Verdict', school: 'School', schoolVerdict: 'School verdict', met: 'Reached' },
];

/** The row headers of the primary CV table and the first-row column headers of the primary
 * attainment table, as drawn. */
async function headers(page) {
  const cvRows = await page.locator('[data-testid=std-cv-table-primary] tbody th[scope=row]').allTextContents();
  const attain = await page.locator('[data-testid=std-attain-primary] thead tr:first-child th').allTextContents();
  return { cvRows: cvRows.map((s) => s.trim()), attain: attain.map((s) => s.trim()) };
}

for (const lang of LANGS) {
  for (const source of ['sample', 'county85']) {
    test(`${lang.code}, ${source}: key columns first at 375 px, no tab scrolls sideways`, async () => {
      const page = await openPage(browser, server.url, { locale: lang.locale, viewport: { width: 375, height: 800 } });
      await page.goto(server.url);
      await page.getByTestId('sample-badge').waitFor();
      if (source === 'county85') {
        await page.getByTestId('file-input').setInputFiles(WORKBOOK);
        await page.getByTestId('sample-badge').waitFor({ state: 'detached' });
      }
      await page.locator('[data-testid=ov-quality-junior][data-verdict]').waitFor();

      await page.getByTestId('tab-standards').click();
      await page.getByTestId('std-attain-primary').waitFor();
      const narrow = await headers(page);
      assert.deepEqual(narrow.cvRows.slice(0, 2), [lang.cv, lang.verdict]);
      assert.deepEqual(narrow.attain.slice(0, 3), [lang.school, lang.schoolVerdict, lang.met]);
      await page.screenshot({ path: join(SHOTS, `narrow-standards-${source}-${lang.code}-375.png`), fullPage: true });

      const tabs = await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.dataset.testid));
      assert.ok(tabs.length >= 4, `tabs: ${tabs}`);
      for (const tab of tabs) {
        await page.getByTestId(tab).click();
        await page.waitForTimeout(150);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= 375, `${tab} at 375 px: scrollWidth ${scroll}`);
      }

      // The per-school bars name every school drawn, at most 60 (85 schools: the 60 lowest and a note).
      await page.getByTestId('tab-charts').click();
      const bars = page.locator('[data-testid=bar-chart] svg');
      await bars.locator('rect.bar').first().waitFor();
      const drawn = await bars.locator('rect.bar').count();
      assert.ok(drawn > 0 && drawn <= 60, `${drawn} bars`);
      assert.equal(await bars.locator('text.bar-name').count(), drawn);
      // A level of more than 60 schools draws the 60 lowest and says so; a smaller one draws all
      // (the sample's primary level has 60, county85's 59: the cap itself is large_views.test.mjs's).
      const capped = lang.code === 'zh' ? /只画出最低的 60 所/ : /The 60 lowest of \d+ schools/;
      if (capped.test(await bars.textContent())) {
        assert.equal(drawn, 60);
      }
      // The legend in the page's language alone.
      assert.ok(!(await bars.textContent()).includes(lang.code === 'zh' ? 'County mean' : '县均值'));
      await bars.screenshot({ path: join(SHOTS, `bars-${source}-${lang.code}-375.png`) });

      // Wider than a phone: the national report's order again, without a reload.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByTestId('tab-standards').click();
      await page.getByTestId('std-attain-primary').waitFor();
      await page.waitForFunction((want) =>
        document.querySelector('[data-testid=std-attain-primary] thead tr:first-child th:last-child')?.textContent.trim() === want,
      lang.schoolVerdict);
      const wide = await headers(page);
      assert.equal(wide.cvRows[2], lang.cv);
      assert.equal(wide.cvRows.at(-1), lang.verdict);
      assert.equal(wide.attain.at(-1), lang.schoolVerdict);
      assert.notEqual(wide.attain[1], lang.schoolVerdict);
      await page.screenshot({ path: join(SHOTS, `narrow-standards-${source}-${lang.code}-1280.png`), fullPage: false });
      await page.getByTestId('tab-charts').click();
      await page.locator('[data-testid=bar-chart] svg rect.bar').first().waitFor();
      await page.waitForTimeout(300);
      await page.locator('[data-testid=bar-chart] svg').screenshot({ path: join(SHOTS, `bars-${source}-${lang.code}-1280.png`) });
      assert.deepEqual(page.foreignRequests, []);
      assert.deepEqual(page.errors, []);
    });
  }
}
