// Every per-dataset view resets when the dataset changes (issue 16): after a share link for a
// four-school file, loading a bigger file, a smaller one and the sample in turn shows each
// file's own schools in the schools tab, with no page error. Before, the schools table kept the
// link's four schools, panicked with an index out of bounds and the page said "unreachable".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const dir = mkdtempSync(join(tmpdir(), 'junheng-change-'));

/** A county of `n` schools (areas and pupils vary, so every CV is defined). */
function county(n, name) {
  const rows = ['学校名称,学段,在校学生数,教学及辅助用房面积（平方米）,专任教师数'];
  for (let i = 1; i <= n; i++) rows.push(`第${i}小学,小学,${100 + 37 * i},${600 + 211 * i},${8 + (i % 7)}`);
  const path = join(dir, name);
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

async function schoolRows(page) {
  return page.getByTestId('school-row').evaluateAll((rows) => rows.map((r) => r.querySelector('th').textContent));
}

async function choose(page, path, name) {
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
}

test('after a share link, files of other sizes each show their own schools', async () => {
  const first = await openPage(browser, server.url, { locale: 'zh-CN' });
  await first.goto(server.url);
  await first.getByTestId('file-name').waitFor();
  await choose(first, county(4, 'four.csv'), 'four.csv');
  await first.getByTestId('tab-schools').click();
  if (!(await first.getByTestId('share-panel').isVisible())) await first.getByTestId('share-open').click();
  await first.getByTestId('share-include-data').setChecked(true);
  await first.getByTestId('share-copy').click();
  const link = await first.getByTestId('share-link').inputValue();
  await first.context().close();

  const page = await openPage(browser, server.url, { locale: 'zh-CN' });
  await page.goto(link);
  await page.getByTestId('link-applied').waitFor();
  await page.getByTestId('file-name').filter({ hasText: 'four.csv' }).waitFor();
  await page.getByTestId('tab-schools').click();
  assert.equal((await schoolRows(page)).length, 4);

  for (const [n, name] of [[130, 'bigger.csv'], [2, 'smaller.csv'], [37, 'middle.csv']]) {
    await choose(page, county(n, name), name);
    await page.getByTestId('tab-schools').click();
    await page.waitForFunction(
      (shown) => document.querySelectorAll('[data-testid=school-row]').length === shown,
      Math.min(n, 100),
      { timeout: 10000 },
    ).catch((e) => { throw new Error(`${name}: ${e.message}; page errors: ${page.errors.join(' | ')}`); });
    const names = await schoolRows(page);
    assert.ok(names.every((s) => /^第\d+小学$/.test(s)), `${name}: ${names}`);
    assert.match(await page.getByTestId('page-status').textContent(), new RegExp(`${n}`));
    assert.deepEqual(page.errors, [], name);
  }
  await page.getByTestId('load-sample').click();
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('tab-schools').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=school-row]').length > 4);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a file 20 000 columns wide loads, and the page draws a bounded number of elements for it', async () => {
  const n = 20000;
  const path = join(dir, 'wide.csv');
  writeFileSync(path, [
    Array.from({ length: n }, (_, i) => `c${i}`).join(','),
    Array.from({ length: n }, (_, i) => String((i % 97) + 1)).join(','),
    Array.from({ length: n }, (_, i) => String((i % 89) + 2)).join(','),
  ].join('\n') + '\n');
  const page = await openPage(browser, server.url, { locale: 'en-US' });
  await page.goto(server.url);
  await page.getByTestId('file-name').waitFor();
  const start = Date.now();
  await choose(page, path, 'wide.csv');
  await page.getByTestId('tab-data').click();
  await page.getByTestId('preview-columns-capped').waitFor();
  const seconds = (Date.now() - start) / 1000;
  const counts = await page.evaluate(() => ({
    options: document.querySelectorAll('option').length,
    selects: document.querySelectorAll('select').length,
    widest: Math.max(...[...document.querySelectorAll('select')].map((s) => s.options.length)),
    previewColumns: document.querySelectorAll('[data-testid=preview-table] thead th').length,
    elements: document.querySelectorAll('*').length,
  }));
  console.log(`20 000 columns: loaded in ${seconds.toFixed(1)} s, ${counts.elements} elements`);
  // 1 + 200 columns in the preview; the selects (a mapping per field, group, weight, custom
  // ratio: 50-odd since the 2017 items' and the slices' fields) list at most 200 columns each
  // (before the bound: every column, 800 000 options).
  assert.equal(counts.previewColumns, 201);
  // A mapping select lists at most 200 columns beside its own choices; the widest list (1 000
  // entries) is bounded too: never the 20 000 columns.
  assert.ok(counts.selects < 80, `${counts.selects} selects`);
  assert.ok(counts.widest <= 1000, `a select of ${counts.widest} options`);
  assert.ok(counts.options <= counts.selects * 300, `${counts.options} options in ${counts.selects} selects`);
  assert.ok(counts.elements < 100000, `${counts.elements} elements`);
  assert.match(await page.getByTestId('preview-columns-capped').textContent(), /19,800/);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
