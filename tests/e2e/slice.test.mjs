// The thin vertical slice: the page opens with the sample, and a CSV chosen through the file
// input shows its row count and the same CV as the native engine (tests/fixtures/*.expected.json).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, fixture } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('opens with the sample county loaded and labelled', async () => {
  const page = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  assert.equal(await page.getByTestId('row-count').textContent(), '92');
  const cvs = await page.locator('[data-testid=indicator-table] td[data-key=cv]').count();
  assert.equal(cvs, 12, 'the 2012 and 2017 standard indicators');
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});

test('a CSV from the file input gives the native CV', async () => {
  const expected = JSON.parse(await readFile(fixture('slice.expected.json'), 'utf8'));
  const page = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('file-input').setInputFiles(fixture('slice.csv'));
  await page.getByTestId('file-name').filter({ hasText: 'slice.csv' }).waitFor();
  assert.equal(await page.getByTestId('sample-badge').count(), 0, 'the sample label is gone');
  assert.equal(Number(await page.getByTestId('row-count').textContent()), expected.rows);
  for (const [indicator, cv] of Object.entries(expected.cv)) {
    const cell = page.locator(`[data-testid=indicator-table] tr[data-indicator="${indicator}"] td[data-key=cv]`);
    const shown = Number(await cell.getAttribute('data-value'));
    assert.ok(Math.abs(shown - cv) <= 1e-9 * Math.abs(cv), `${indicator}: page ${shown} vs native ${cv}`);
  }
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});

test('a file that cannot be read shows a bilingual message and the page stays usable', async () => {
  const page = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('file-input').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  const message = await page.getByTestId('load-error').textContent();
  assert.match(message, /文件是空的/);
  assert.match(message, /The file is empty/);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('sample-badge').waitFor();
  assert.equal(await page.getByTestId('load-error').count(), 0);
});
