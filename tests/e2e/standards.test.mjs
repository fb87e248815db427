// The national-standards tab on the sample county, in Chinese and in English: each level's
// verdict with its reasons (2017: both fail on per-school attainment; 2012: both pass with
// composites 0.215 / 0.200), the failing schools with their shortfalls, a what-if that flips
// the primary verdict, and the plan CSV (UTF-8 with a BOM). No request leaves the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LANGS = [
  { locale: 'zh-CN', pass: '达标', fail: '未达标', reason: /小学有 36 所学校未达到学校标准/, juniorReason: /初中有 6 所学校/, changes: /模拟：\d+ 项调整/, judged: /综合差异系数/ },
  { locale: 'en-US', pass: 'pass', fail: 'fail', reason: /primary: 36 school\(s\) fail the per-school standard/, juniorReason: /junior: 6 school\(s\)/, changes: /What-if: \d+ changes/, judged: /composite CV/ },
];

for (const lang of LANGS) {
  test(`standards tab in ${lang.locale}: verdicts, shortfalls, a what-if that flips, the CSV`, async () => {
    const page = await openPage(browser, server.url, { locale: lang.locale, acceptDownloads: true });
    await page.goto(server.url);
    await page.getByTestId('sample-badge').waitFor();
    await page.getByTestId('tab-standards').click();
    await page.getByTestId('std-card-primary').waitFor();

    // 2017 (the default): both levels fail on per-school attainment; every CV passes.
    assert.equal(await page.getByTestId('std-pick-quality-2017').isChecked(), true);
    assert.equal((await page.getByTestId('std-verdict-primary').textContent()).trim(), lang.fail);
    assert.equal((await page.getByTestId('std-verdict-junior').textContent()).trim(), lang.fail);
    assert.match(await page.getByTestId('std-reasons-primary').textContent(), lang.reason);
    assert.match(await page.getByTestId('std-reasons-junior').textContent(), lang.juniorReason);
    assert.equal(await page.locator('[data-testid=std-cvs-primary] li.pass').count(), 7);
    assert.match(await page.getByTestId('std-scope').textContent(), /教督〔2017〕6号/);

    // The failing schools with what they lack, in natural units; county totals.
    const gaps = page.locator('[data-testid=std-gaps-primary] [data-testid=std-gap-row]');
    assert.equal(await gaps.count(), 36);
    assert.match(await page.getByTestId('std-gaps-primary').textContent(), /m²/);
    assert.ok(await page.locator('[data-testid=std-totals-primary] tbody tr').count() > 0);
    assert.equal(await page.locator('[data-testid=std-gaps-junior] [data-testid=std-gap-row]').count(), 6);

    // What-if: fill every gap of the failing primary schools; the primary verdict turns to pass.
    await page.getByTestId('std-fill-primary').click();
    await page.locator('[data-testid=std-card-primary][data-verdict=pass]').waitFor();
    assert.equal((await page.getByTestId('std-verdict-primary').textContent()).trim(), lang.pass);
    assert.equal((await page.getByTestId('std-verdict-junior').textContent()).trim(), lang.fail);
    assert.match(await page.getByTestId('std-whatif').textContent(), lang.changes);
    assert.equal(await page.getByTestId('std-no-failing-primary').count(), 1);

    // Junior schools edited one by one: 东城第一中学 (line 14) lacks sports ground only; add it
    // through the form. Then the next school's gaps with its own button.
    const juniorRows = () => page.locator('[data-testid=std-gaps-junior] [data-testid=std-gap-row]');
    const row14 = page.locator('[data-testid=std-gaps-junior] tr[data-line="14"]');
    await row14.locator('summary').click();
    await row14.getByTestId('std-edit-indicator').selectOption('sports_area_per_student');
    await row14.getByTestId('std-edit-amount').fill('5000');
    await row14.getByTestId('std-edit-add').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=std-gaps-junior] tr[data-line="14"]').length === 0);
    assert.equal(await juniorRows().count(), 5);
    await juniorRows().first().getByTestId('std-fill-school').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=std-gaps-junior] [data-testid=std-gap-row]').length === 4);
    assert.match(await page.getByTestId('std-failing-junior').textContent(), /^4$/);

    // The plan and the what-if changes as CSV, UTF-8 with a BOM.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('std-csv').click()]);
    assert.match(download.suggestedFilename(), /^junheng-plan-quality-2017\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const csv = bytes.toString('utf8');
    // In the page's language, indicators with units, no machine ids (issue 17).
    const zh = lang.locale === 'zh-CN';
    assert.ok(csv.startsWith(zh ? '\uFEFF学段,类别,指标,学校,行号,当前值,目标值,资源变化量,单位\r\n' : '\uFEFFLevel,Kind,Indicator,School,Line,Value now,Target value,Resource change,Unit\r\n'), csv.slice(0, 120));
    assert.match(csv, zh ? /,学校未达标的缺口,生均体育运动场馆面积（平方米\/生）,/ : /,School shortfall,Sports ground area per student \(m² per student\),/);
    assert.match(csv, zh ? /,自行调整,/ : /,Your change,/);
    assert.doesNotMatch(csv, /sports_area_per_student|,shortfall,|,what_if,|,m2\r\n/);

    // Reset, then 2012: both levels pass on the composite CV.
    await page.getByTestId('std-reset').click();
    await page.locator('[data-testid=std-card-primary][data-verdict=fail]').waitFor();
    await page.getByTestId('std-pick-basic-2012').check();
    await page.getByTestId('std-composite-primary').waitFor();
    assert.equal((await page.getByTestId('std-verdict-primary').textContent()).trim(), lang.pass);
    assert.equal((await page.getByTestId('std-verdict-junior').textContent()).trim(), lang.pass);
    assert.match(await page.getByTestId('std-composite-primary').textContent(), /0\.215\s*≤ 0\.65/);
    assert.match(await page.getByTestId('std-composite-junior').textContent(), /0\.200\s*≤ 0\.55/);
    assert.match(await page.getByTestId('std-card-primary').textContent(), lang.judged);
    assert.equal(await page.getByTestId('std-no-school-rule').count(), 1);

    assert.deepEqual(page.foreignRequests, []);
    assert.deepEqual(page.errors, []);
  });
}

test('a provincial standard file that cannot be read shows why, in both languages', async () => {
  const page = await openPage(browser, server.url, { locale: 'zh-CN' });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('tab-standards').click();
  await page.getByTestId('std-file').setInputFiles({ name: '省标准.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator,primary,junior\nno_such_indicator,1,1\n') });
  const message = await page.getByTestId('std-file-error').textContent();
  assert.match(message, /no_such_indicator/);
  assert.match(message, /不在该标准中/);
  assert.match(message, /not part of this standard/);
  await page.getByTestId('std-file-remove').click();
  await page.getByTestId('std-card-primary').waitFor();
  // A CSV of per-school values modifies the standard in force and is named in the 口径 line.
  await page.getByTestId('std-file').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator,primary,junior\nsports_area_per_student,1,1\n') });
  await page.getByTestId('std-file-loaded').waitFor();
  assert.match(await page.getByTestId('std-scope').textContent(), /values\.csv/);
  assert.ok(Number(await page.getByTestId('std-failing-primary').textContent()) < 36);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});
