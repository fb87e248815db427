// The spreadsheet reader is a second wasm module (dist/pkg/sheets*): a CSV never fetches it, and
// a workbook from the file input loads through it to the same numbers as its CSV twin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, fixture } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Requests for the reader module (pkg/sheets.js, pkg/sheets_bg.wasm), not its small loader. */
const isReader = (url) => /\/pkg\/sheets[._]/.test(new URL(url).pathname);

/** Opens the page with the sample and records every request's URL in `page.urls`. */
async function open() {
  const page = await openPage(browser, server.url);
  page.urls = [];
  page.on('request', (req) => page.urls.push(req.url()));
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  return page;
}

/** Chooses `name` (under tests/fixtures/) in the file input and waits until it is shown. */
async function choose(page, name) {
  await page.getByTestId('file-input').setInputFiles(fixture(name));
  const base = name.split('/').pop();
  await page.getByTestId('file-name').filter({ hasText: base }).waitFor();
}

/** Indicator name → the CV cell's value, as shown in the indicator table. */
async function cvs(page) {
  return page.locator('[data-testid=indicator-table] tr[data-indicator]').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [
      r.getAttribute('data-indicator'),
      r.querySelector('td[data-key=cv]')?.getAttribute('data-value') ?? null,
    ])));
}

test('the sample and a CSV never fetch the spreadsheet reader', async () => {
  const page = await open();
  await choose(page, 'ingest/clean.csv');
  assert.equal(await page.getByTestId('row-count').textContent(), '8');
  assert.ok(page.urls.some((u) => new URL(u).pathname.endsWith('/pkg/junheng_bg.wasm')), 'the page module loaded');
  assert.deepEqual(page.urls.filter(isReader), []);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});

test('an .xlsx from the file input gives the CV of its CSV twin', async () => {
  const page = await open();
  await choose(page, 'ingest/clean.csv');
  const expected = await cvs(page);
  assert.ok(Object.keys(expected).length > 0);
  assert.deepEqual(page.urls.filter(isReader), []);

  await choose(page, 'ingest/twin.xlsx');
  assert.equal(await page.getByTestId('row-count').textContent(), '8');
  const got = await cvs(page);
  assert.deepEqual(Object.keys(got), Object.keys(expected));
  for (const [indicator, cv] of Object.entries(expected)) {
    if (cv === null || cv === '') {
      assert.equal(got[indicator], cv, indicator);
      continue;
    }
    const [g, e] = [Number(got[indicator]), Number(cv)];
    assert.ok(Math.abs(g - e) <= 1e-9 * Math.abs(e), `${indicator}: xlsx ${g} vs csv ${e}`);
  }
  const reader = page.urls.filter(isReader).map((u) => new URL(u).pathname);
  assert.deepEqual(reader.sort(), ['/pkg/sheets.js', '/pkg/sheets_bg.wasm']);

  // A second workbook reuses the loaded reader.
  await choose(page, 'ingest/twin.ods');
  assert.equal(await page.getByTestId('row-count').textContent(), '8');
  assert.equal(page.urls.filter(isReader).length, 2);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, [], 'no CSP violation or other console error');
});

test('a broken workbook shows a bilingual message and the page stays usable', async () => {
  const page = await open();
  await page.getByTestId('file-input').setInputFiles({
    name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04garbage'),
  });
  const message = await page.getByTestId('load-error').textContent();
  assert.match(message, /无法读取这个 Excel\/WPS 文件/);
  assert.match(message, /This Excel\/WPS file cannot be read/);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('sample-badge').waitFor();
  assert.deepEqual(page.foreignRequests, []);
});
