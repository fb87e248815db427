// The acceptance dossier in the page (issue 17). A county workbook (title row, a 县 column,
// teaching points named only by their suffix: tests/fixtures/dossier/county85.xlsx) opens on the
// overview with both national verdicts per level, the county read from the file and the
// teaching points left out and listed; the page prints the dossier (at most 10 A4 pages, page 1
// with the county and both verdicts, read back with pdftotext); the dossier workbook downloaded
// from the page holds the CLI report's CVs; no tab scrolls sideways at 375 or 1280 px in zh or
// en. Screenshots go to $JUNHENG_SHOTS (default /tmp/junheng-shots) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, launch, openPage, root, serve } from './harness.mjs';

const SHOTS = process.env.JUNHENG_SHOTS ?? '/tmp/junheng-shots';
const WORKBOOK = fixture('dossier/county85.xlsx');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const LANGS = [
  { locale: 'zh-CN', code: 'zh', met: '达标', notMet: '未达标', typed: '已填写', footer: /第\s*1\s*页\s*共\s*(\d+)\s*页/,
    page1: ['基本均衡', '优质均衡', '达标', '未达标', '填表人', '审核人', '单位（盖章）', '日期'] },
  { locale: 'en-US', code: 'en', met: 'Met', notMet: 'Not met', typed: 'Typed', footer: /Page 1 of (\d+)/,
    page1: ['2012 verdict', '2017 verdict', 'Pass', 'Fail', 'Prepared by:', 'Checked by:', 'Unit (seal):', 'Date:'] },
];

async function open(locale, options = {}) {
  const page = await openPage(browser, server.url, { locale, ...options });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  return page;
}

async function loadWorkbook(page) {
  await page.getByTestId('file-input').setInputFiles(WORKBOOK);
  await page.getByTestId('sample-badge').waitFor({ state: 'detached' });
  await page.locator('[data-testid=ov-quality-junior][data-verdict]').waitFor();
}

/** The page printed to a PDF file, as Chromium prints it (A4 from the page's @page rule). */
async function printPdf(page, file) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file]).toString();
  assert.match(info, /Page size:.*\(A4\)/);
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}

const pageText = (file, n) =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-']).toString();

for (const lang of LANGS) {
  test(`${lang.code}: a county workbook opens on the overview with both verdicts, its county and the teaching points left out`, async () => {
    const page = await open(lang.locale);
    await loadWorkbook(page);
    // The overview is on screen without opening a tab.
    assert.equal(await page.getByTestId('tab-overview').getAttribute('aria-selected'), 'true');
    assert.ok(await page.getByTestId('overview').isVisible());
    // Both verdicts per level, side by side: as `junheng report` says of this file (2012
    // pass, 2017 fail at both levels).
    for (const level of ['primary', 'junior']) {
      const basic = page.getByTestId(`ov-basic-${level}`);
      const quality = page.getByTestId(`ov-quality-${level}`);
      assert.equal(await basic.getAttribute('data-verdict'), 'pass');
      assert.equal(await quality.getAttribute('data-verdict'), 'fail');
      assert.equal((await basic.locator('.ov-mark strong').textContent()).trim(), lang.met);
      assert.equal((await quality.locator('.ov-mark strong').textContent()).trim(), lang.notMet);
      const [b, q] = [await basic.boundingBox(), await quality.boundingBox()];
      assert.ok(Math.abs(b.y - q.y) < 2 && q.x > b.x, 'side by side at 1280 px');
      // The schools short, with a link to what they lack.
      assert.ok(await quality.locator('li.fails .ov-detail').count() >= 1);
    }
    // The county from the title row and the 县 column; the year from the title.
    assert.equal(await page.getByTestId('ov-county').inputValue(), '青山县');
    assert.equal(await page.getByTestId('ov-year').inputValue(), '2023');
    assert.equal(await page.getByTestId('ov-unit').inputValue(), '');
    // The eleven teaching points, named only by their suffix, are left out and listed.
    const excluded = page.locator('[data-testid=ov-excluded] li');
    const names = await excluded.allTextContents();
    assert.equal(names.filter((n) => /教学点/.test(n)).length, 11, names.join('\n'));
    // 填报单位 typed: kept, and printed (the print test below).
    await page.getByTestId('ov-unit').fill('青山县教育局');
    await page.getByTestId('ov-unit').press('Tab');
    await page.locator('[data-testid=ov-unit-source]', { hasText: lang.typed }).waitFor();
    await page.screenshot({ path: join(SHOTS, `overview-workbook-${lang.code}-1280.png`), fullPage: true });

    // The county prints on page 1 of the dossier, with the teaching points' exclusion; ≤ 10 pages.
    const dir = mkdtempSync(join(tmpdir(), 'junheng-page-dossier-'));
    const file = join(dir, `county85-${lang.code}.pdf`);
    const pages = await printPdf(page, file);
    assert.ok(pages <= 10, `${pages} pages`);
    const first = pageText(file, 1);
    for (const word of ['青山县', '2023', '青山县教育局', ...lang.page1]) {
      assert.ok(first.includes(word), `page 1 lacks ${word}:\n${first}`);
    }
    const footer = lang.footer.exec(first);
    assert.ok(footer, `page 1 is numbered:\n${first}`);
    assert.equal(Number(footer[1]), pages);
    console.log(`county85.xlsx (${lang.code}) prints on ${pages} A4 pages`);

    // A line of the verdict leads to its detail on the standards tab.
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('ov-quality-primary').locator('li.fails .ov-detail').last().click();
    assert.equal(await page.getByTestId('tab-standards').getAttribute('aria-selected'), 'true');
    await page.locator('#std-gaps-primary').waitFor();
    assert.deepEqual(page.foreignRequests, []);
    assert.deepEqual(page.errors, []);
  });

  test(`${lang.code}: the sample prints as the dossier on at most 10 A4 pages, page 1 with the county and both verdicts`, async () => {
    const page = await open(lang.locale);
    await page.locator('[data-testid=ov-quality-junior][data-verdict]').waitFor();
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId('tab-overview').click();
      await page.screenshot({ path: join(SHOTS, `overview-${lang.code}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const dir = mkdtempSync(join(tmpdir(), 'junheng-page-dossier-'));
    const file = join(dir, `sample-${lang.code}.pdf`);
    const pages = await printPdf(page, file);
    assert.ok(pages <= 10, `${pages} pages`);
    const first = pageText(file, 1);
    for (const word of ['示例县', '2023', ...lang.page1]) assert.ok(first.includes(word), `page 1 lacks ${word}:\n${first}`);
    // Every page names the county and the year at its foot (a loose sheet says whose it is).
    for (let n = 2; n <= pages; n += 1) assert.match(pageText(file, n), /示例县(, | )2023/, `page ${n}`);
    // The dossier, not the tabs: no control, no tab label.
    assert.ok(!first.includes(lang.code === 'zh' ? '载入示例数据' : 'Load the sample'));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(SHOTS, `print-sample-${lang.code}`)]);
    console.log(`the sample (${lang.code}) prints on ${pages} A4 pages`);
    assert.deepEqual(page.foreignRequests, []);
    assert.deepEqual(page.errors, []);
  });

  test(`${lang.code}: no tab scrolls sideways at 375 or 1280 px`, async () => {
    const page = await open(lang.locale);
    await page.locator('[data-testid=ov-quality-junior][data-verdict]').waitFor();
    const tabs = await page.locator('[role=tab]').evaluateAll((els) => els.map((e) => e.dataset.testid));
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const tab of tabs) {
        await page.getByTestId(tab).click();
        await page.waitForTimeout(150);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${tab} at ${width} px: scrollWidth ${scroll}`);
      }
    }
    assert.deepEqual(page.foreignRequests, []);
  });
}

test('the dossier workbook downloaded from the page holds the CVs of the JSON report', async () => {
  const page = await open('zh-CN', { acceptDownloads: true });
  await loadWorkbook(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dossier').click()]);
  const dir = mkdtempSync(join(tmpdir(), 'junheng-page-dossier-'));
  const xlsx = join(dir, 'dossier.xlsx');
  await download.saveAs(xlsx);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  // The JSON report of each national standard, by the CLI (the page's JSON export is the same
  // bytes: flow.test.mjs).
  const reports = {};
  for (const standard of ['basic-2012', 'quality-2017']) {
    const json = execFileSync('cargo', ['run', '-q', '-p', 'junheng-cli', '--', 'analyze', WORKBOOK,
      '--standard', standard, '--format', 'json'], { cwd: root, maxBuffer: 1 << 26 }).toString();
    reports[standard] = JSON.parse(json);
  }
  // Read back by junheng's own workbook reader (crates/sheets): 表2, per standard and level,
  // each indicator's CV cell, to the last digit.
  const rows = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'junheng-sheets', '--example', 'sheet_json', '--',
    xlsx, '表2 差异系数'], { cwd: root, maxBuffer: 1 << 26 }).toString());
  const number = (text) => (text === '' || text === '—' ? null : Number(text));
  let checked = 0;
  for (const [standard, short] of [['basic-2012', '基本均衡'], ['quality-2017', '优质均衡']]) {
    for (const level of reports[standard].standard.levels) {
      const name = level.level === 'primary' ? '小学' : '初中';
      const heading = rows.findIndex((r) => r[0].startsWith(name) && r[0].includes(short));
      assert.ok(heading >= 0, `${name} ${short}`);
      assert.equal(rows[heading + 1][5], '差异系数');
      level.indicators.forEach((ind, k) => {
        const row = rows[heading + 2 + k];
        assert.equal(row[0], ind.name_zh);
        assert.equal(number(row[5]), ind.cv, `${standard} ${name} ${ind.id}`);
        checked += 1;
      });
      assert.equal(number(rows[heading + 2 + level.indicators.length][5]), level.composite_cv ?? null, standard);
    }
  }
  assert.equal(checked, 2 * (8 + 7));
  assert.deepEqual(page.foreignRequests, []);
});
