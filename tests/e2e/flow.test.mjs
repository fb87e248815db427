// The analysis page from a user's side, in Chinese and in English: the sample, a messy GBK file
// through the file input, a mapping change, a custom ratio, level and group, the CSV and JSON
// exports (the JSON equal to the CLI's byte for byte), the print report, settings kept across a
// reload. Screenshots of each view at 1280 and 375 px go to /tmp/junheng-shots/ (not committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, fixture, root } from './harness.mjs';

const SHOTS = '/tmp/junheng-shots';
const SAMPLE_NAME = '示例县-sample-county.csv';
let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

/** A fresh page with the sample loaded, in `locale`, `width` px wide. */
async function open(locale, width = 1280) {
  const page = await openPage(browser, server.url, { locale, viewport: { width, height: 900 }, acceptDownloads: true });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  return page;
}

function clean(page) {
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
}

const row = (page, name) => page.locator(`[data-testid=indicator-table] tr[data-indicator="${name}"]`);

/** Clicks `testId` and returns the downloaded file's name and bytes. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

/** The CLI's report of `source` (the sample by default) under the page's name, with `args`. */
function cliReport(args, source = join(root, 'data', 'sample', 'county.csv'), name = SAMPLE_NAME) {
  const dir = mkdtempSync(join(tmpdir(), 'junheng-cli-'));
  const file = join(dir, name);
  copyFileSync(source, file);
  // Through cargo, so a binary older than the sources is rebuilt first; the debug build, which
  // `cargo test` has just made, saves the test command a release build of the CLI.
  return execFileSync('cargo', ['run', '-q', '-p', 'junheng-cli', '--', 'analyze', file, ...args],
    { cwd: root, maxBuffer: 64 << 20 });
}

/** Asserts `a` and `b` are the same JSON document up to the last bits of floating point. */
function sameReport(a, b, path = '$', counts = { exact: 0, close: 0 }) {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) counts.exact += 1;
    else {
      assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)), `${path}: ${a} vs ${b}`);
      counts.close += 1;
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    assert.equal(a.length, b.length, `${path}: length`);
    a.forEach((x, i) => sameReport(x, b[i], `${path}[${i}]`, counts));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    assert.deepEqual(Object.keys(a), Object.keys(b), `${path}: keys`);
    for (const key of Object.keys(a)) sameReport(a[key], b[key], `${path}.${key}`, counts);
  } else {
    assert.equal(a, b, path);
  }
  return counts;
}

async function shoot(page, name) {
  const width = page.viewportSize().width;
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: width < 600 });
}

for (const locale of ['zh-CN', 'en-US']) {
  const zh = locale === 'zh-CN';

  test(`${locale}: every view at 1280 and 375 px`, async () => {
    for (const width of [1280, 375]) {
      const page = await open(locale, width);
      assert.equal(await page.locator('html').getAttribute('lang'), zh ? 'zh-CN' : 'en');
      assert.equal((await page.getByTestId('print').textContent()).trim(), zh ? '打印 / Print' : 'Print / 打印');
      for (const tab of await page.locator('[role=tab]').all()) {
        await tab.click();
        const id = (await tab.getAttribute('id')).replace('tab-', '');
        await page.getByTestId(`panel-${id}`).waitFor();
        await shoot(page, `${locale}-${id}`);
      }
      if (width === 375) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
      }
      clean(page);
    }
  });

  test(`${locale}: a GBK file with title rows and a 合计 row through the file input`, async () => {
    const page = await open(locale);
    await page.getByTestId('file-input').setInputFiles(fixture('ingest/title_rows.csv'));
    await page.getByTestId('file-name').filter({ hasText: 'title_rows.csv' }).waitFor();
    // The encoding as people know it, not the machine label gb18030 (issue 17).
    assert.equal(await page.getByTestId('encoding').textContent(), zh ? 'GBK（国标）' : 'GBK (Chinese national standard, GB18030)');
    await page.getByTestId('tab-data').click();
    assert.equal(await page.getByTestId('detected-encoding').textContent(), zh ? 'GBK（国标）' : 'GBK (Chinese national standard, GB18030)');
    const skipped = await page.getByTestId('skipped-rows').textContent();
    assert.match(skipped, zh ? /行 15: .*合计/ : /Line 15: .*(total|合计)/i);
    await shoot(page, `${locale}-gbk-data`);
    clean(page);
  });

  test(`${locale}: unmap and remap a column, add a custom ratio, switch level and group`, async () => {
    const page = await open(locale);
    const books = row(page, 'books_per_student');
    assert.equal(await books.count(), 1);
    await page.getByTestId('tab-data').click();
    await page.getByTestId('map-books').selectOption('');
    await page.getByTestId('tab-indicators').click();
    await books.waitFor({ state: 'detached' });
    await page.getByTestId('tab-data').click();
    await page.getByTestId('map-books').selectOption({ label: '图书册数' });
    await page.getByTestId('tab-indicators').click();
    await books.waitFor();

    await page.getByTestId('custom-numerator').selectOption('计算机台数');
    await page.getByTestId('custom-denominator').selectOption('在校学生数');
    await page.getByTestId('custom-factor').fill('100');
    await page.getByTestId('custom-name').fill('每百生计算机');
    await page.getByTestId('custom-add').click();
    const custom = row(page, '每百生计算机');
    await custom.waitFor();
    const cv = Number(await custom.locator('td[data-key=cv]').getAttribute('data-value'));
    const standard = Number(await row(page, 'computers_per_100').locator('td[data-key=cv]').getAttribute('data-value'));
    assert.ok(Math.abs(cv - standard) < 1e-12, `custom ${cv} vs standard ${standard}`);

    const primaryCv = await books.locator('td[data-key=cv]').getAttribute('data-value');
    await page.getByTestId('level-select').selectOption('初中');
    await page.waitForFunction((before) => document.querySelector(
      '[data-testid=indicator-table] tr[data-indicator=books_per_student] td[data-key=cv]')?.dataset.value !== before, primaryCv);
    assert.equal(await books.locator('td[data-key=n]').count(), 0);
    assert.equal(await books.locator('td').nth(0).textContent(), '23');
    await page.getByTestId('group-select').selectOption('乡镇');
    assert.equal(await page.getByTestId('level-select').inputValue(), '初中');
    assert.equal(await page.getByTestId('group-select').inputValue(), '乡镇');
    await shoot(page, `${locale}-custom-junior`);
    clean(page);
  });

  test(`${locale}: CSV and JSON exports; the JSON is the CLI's`, async () => {
    const page = await open(locale);
    const csv = await download(page, 'export-csv');
    assert.match(csv.name, /^junheng-示例县-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a BOM for Excel');
    const lines = text.slice(1).trim().split('\n');
    const header = lines[0].split(',');
    // In the page's language, the indicators by name with unit, no machine ids (issue 17).
    assert.equal(header[0], zh ? '指标' : 'Indicator');
    const cvColumn = header.indexOf(zh ? '差异系数' : 'CV');
    assert.ok(cvColumn > 0, header.join(','));
    const names = lines.slice(1).map((l) => l.split(',')[0]);
    assert.equal(names.length, 12);
    assert.ok(names.some((n) => (zh ? /^生均图书册数（册\/生）$/ : /^Books per student/).test(n)), names.join(' | '));
    assert.ok(!text.includes('books_per_student'), 'no machine id in the CSV');
    // CVs with the page's 3 decimals, as plain numbers (no thousands separators).
    for (const line of lines.slice(1)) assert.match(line.split(',')[cvColumn], /^(\d+\.\d{3})?$/, line);
    for (const line of lines) assert.equal(line.split(',').length >= header.length, true, line);

    const json = await download(page, 'export-json');
    assert.match(json.name, /^junheng-示例县-\d{4}-\d{2}-\d{2}\.json$/);
    const cli = cliReport(['--where', '学段=小学', '--group', '城乡分类']);
    const report = JSON.parse(json.bytes);
    const { exact, close } = sameReport(report, JSON.parse(cli));
    console.log(`# ${locale}: page JSON vs CLI JSON: ${exact} numbers identical, ${close} within 1e-12 relative`);
    // The measures use libm's ln/exp/pow on both targets (measures/math.rs): byte for byte.
    assert.equal(close, 0, 'every number is bit-identical');
    // The CLI ends its output with a newline.
    assert.equal(json.bytes.toString('utf8'), cli.toString('utf8').replace(/\n$/, ''), 'the same bytes as the CLI');
    assert.deepEqual(report.filters, [{ column: '学段', value: '小学' }]);
    assert.equal(report.group, '城乡分类');
    clean(page);
  });

  test(`${locale}: a GBK file from Excel gives the same report as the CLI`, async () => {
    const page = await open(locale);
    await page.getByTestId('file-input').setInputFiles(fixture('ingest/title_rows.csv'));
    await page.getByTestId('file-name').filter({ hasText: 'title_rows.csv' }).waitFor();
    const report = JSON.parse((await download(page, 'export-json')).bytes);
    assert.equal(report.source.encoding, 'gb18030');
    // The CLI with the settings the page chose for this file (its level and group).
    const args = report.filters.flatMap((f) => ['--where', `${f.column}=${f.value}`]);
    if (report.group) args.push('--group', report.group);
    const cli = cliReport(args, fixture('ingest/title_rows.csv'), 'title_rows.csv');
    const { exact, close } = sameReport(report, JSON.parse(cli));
    console.log(`# ${locale}: GBK file, page JSON vs CLI JSON: ${exact} identical, ${close} within 1e-12`);
    assert.equal(close, 0, 'every number is bit-identical');
    assert.ok(report.indicators.length > 0 && report.source.skipped.length > 0);
    clean(page);
  });

  test(`${locale}: printing prints the dossier, not the tabs`, async () => {
    const page = await open(locale);
    await page.locator('[data-testid=ov-quality-junior][data-verdict]').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByTestId('dossier-print').isVisible());
    assert.ok(!(await page.getByTestId('panel-overview').isVisible()), 'the tabs do not print');
    assert.ok(!(await page.getByTestId('export-bar').isVisible()), 'buttons do not print');
    // The engine's dossier body, mounted in a shadow root: the county on page 1.
    const printed = await page.getByTestId('dossier-print').evaluate((el) => el.shadowRoot.textContent);
    assert.match(printed, /示例县/);
    await shoot(page, `${locale}-print`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1, `${pages} pages`);
    console.log(`# ${locale}: print report of the sample: ${pages} A4 pages`);
    clean(page);
  });
}

test('settings survive a reload, the data do not; nothing is stored before a change', async () => {
  const page = await open('zh-CN');
  assert.equal(await page.evaluate(() => localStorage.getItem('junheng.settings')), null);
  await page.getByTestId('level-select').selectOption('初中');
  await page.getByTestId('weight-select').selectOption('none');
  await page.getByTestId('median-rule-select').selectOption('strict');
  // The rule explained in one sentence where it is chosen (issue 17 item 7), in each language.
  assert.match(await page.getByTestId('median-rule').getAttribute('title'), /^McLoone 和 Verstegen 指数.*中位数.*差异系数不受影响。$/);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('lang-switch').click();
  assert.match(await page.getByTestId('median-rule').getAttribute('title'), /^The McLoone and Verstegen indices .*median.*does not depend on it\.$/);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('junheng.settings')));
  assert.deepEqual(stored, { v: 1, lang: 'en', level: '初中', median_rule: 'strict', tab: 'data', weight: 'none' });
  assert.ok(!JSON.stringify(stored).includes('城关'), 'no data in storage');
  await page.getByTestId('file-input').setInputFiles(fixture('slice.csv'));
  await page.getByTestId('file-name').filter({ hasText: 'slice.csv' }).waitFor();
  await page.reload();
  await page.getByTestId('sample-badge').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByTestId('level-select').inputValue(), '初中');
  assert.equal(await page.getByTestId('weight-select').inputValue(), 'none');
  assert.equal(await page.getByTestId('median-rule-select').inputValue(), 'strict');
  assert.equal(await page.getByTestId('tab-data').getAttribute('aria-selected'), 'true');
  // A level the file does not have is ignored; an invalid value never breaks the page.
  await page.evaluate(() => localStorage.setItem('junheng.settings',
    '{"v":1,"level":"高中","group":"no such column","weight":{"column":"x"},"median_rule":7,"tab":"nope"}'));
  await page.reload();
  await page.getByTestId('sample-badge').waitFor();
  assert.equal(await page.getByTestId('level-select').inputValue(), '小学');
  assert.equal(await page.getByTestId('group-select').inputValue(), '城乡分类');
  assert.equal(await page.getByTestId('tab-overview').getAttribute('aria-selected'), 'true');
  clean(page);
});

test('templates and sample files download and load back', async () => {
  const page = await open('zh-CN');
  const csv = await download(page, 'template-csv');
  assert.ok(csv.bytes.toString('utf8').startsWith('\uFEFF学校名称,学校标识码,学段'));
  const xlsx = await download(page, 'template-xlsx');
  assert.equal(xlsx.bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  const gbk = await download(page, 'sample-gbk-csv');
  assert.deepEqual(gbk.bytes, readFileSync(join(root, 'data', 'sample', 'county-messy-gbk.csv')));
  const book = await download(page, 'sample-xlsx');
  assert.deepEqual(book.bytes, readFileSync(join(root, 'data', 'sample', 'county.xlsx')));
  // The template read back by the page maps every column.
  await page.getByTestId('file-input').setInputFiles({ name: 'template.xlsx', mimeType: 'application/octet-stream', buffer: xlsx.bytes });
  await page.getByTestId('file-name').filter({ hasText: 'template.xlsx' }).waitFor();
  assert.equal(await page.getByTestId('row-count').textContent(), '1');
  await page.getByTestId('tab-data').click();
  assert.equal(await page.locator('[data-testid=mapping-form] .mapping-row.unmapped').count(), 0);
  // The messy sample reads as the sample: same CVs.
  await page.getByTestId('file-input').setInputFiles({ name: '示例县-GBK.csv', mimeType: 'text/csv', buffer: gbk.bytes });
  await page.getByTestId('file-name').filter({ hasText: '示例县-GBK.csv' }).waitFor();
  assert.equal(await page.getByTestId('row-count').textContent(), '92');
  clean(page);
});

test('a select change re-renders the indicator table quickly (printed, not asserted)', async () => {
  const page = await open('zh-CN');
  const times = [];
  for (const value of ['初中', '小学', '', '初中', '小学']) {
    times.push(await page.evaluate((value) => new Promise((done) => {
      const table = document.querySelector('[data-testid=panel-indicators]');
      const select = document.querySelector('[data-testid=level-select]');
      const start = performance.now();
      const observer = new MutationObserver(() => {
        observer.disconnect();
        done(performance.now() - start);
      });
      observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true });
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }), value));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`# level change → indicator table updated: ${times.map((t) => t.toFixed(1)).join(', ')} ms (median ${sorted[2].toFixed(1)} ms)`);
  clean(page);
});
