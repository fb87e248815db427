// Offline use: after one visit the service worker serves the page with the network off; the
// single-file build dist/junheng.html works from disk (file://) with no request at all, CSV and
// workbook alike; the page offers that file as a download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, fixture, dist } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function clean(page) {
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
}

async function cvs(page) {
  return page.locator('[data-testid=indicator-table] tr[data-indicator]').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-indicator'),
      r.querySelector('td[data-key=cv]')?.getAttribute('data-value') ?? null])));
}

async function choose(page, name) {
  await page.getByTestId('file-input').setInputFiles(fixture(name));
  await page.getByTestId('file-name').filter({ hasText: name.split('/').pop() }).waitFor();
}

test('after one visit the page loads and analyzes with the network off', async () => {
  const page = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  const online = await cvs(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.context().setOffline(true);
  await page.reload();
  await page.getByTestId('sample-badge').waitFor();
  assert.deepEqual(await cvs(page), online);
  // A workbook too: the reader module was precached.
  await choose(page, 'ingest/twin.xlsx');
  assert.equal(await page.getByTestId('row-count').textContent(), '8');
  assert.ok(Object.keys(await cvs(page)).length > 0);
  clean(page);
  await page.context().close();
});

test('the service worker precaches every file and names its cache by their hash', async () => {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  assert.match(sw, /const CACHE = 'junheng-[0-9a-f]{16}';/);
  for (const file of ['./index.html', './js/boot.js', './pkg/junheng_bg.wasm', './pkg/sheets_bg.wasm', './junheng.html',
    './manifest.webmanifest', './icon.svg', './style/main.css']) {
    assert.ok(sw.includes(JSON.stringify(file)), file);
  }
  assert.ok(!sw.includes('"./sw.js"'));
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'));
  assert.match(manifest.name, /均衡 junheng/);
});

test('junheng.html opened from disk analyzes a dropped CSV and workbook with no request', async () => {
  const url = pathToFileURL(join(dist, 'junheng.html')).href;
  const page = await openPage(browser, 'file://');
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(url);
  await page.getByTestId('sample-badge').waitFor();
  assert.ok(Object.keys(await cvs(page)).length > 0);
  await choose(page, 'ingest/clean.csv');
  const csv = await cvs(page);
  await choose(page, 'ingest/twin.xlsx');
  const xlsx = await cvs(page);
  assert.deepEqual(Object.keys(xlsx), Object.keys(csv));
  for (const [k, v] of Object.entries(csv)) {
    if (v === null || v === '') assert.equal(xlsx[k], v, k);
    else assert.ok(Math.abs(Number(xlsx[k]) - Number(v)) <= 1e-9 * Math.abs(Number(v)), k);
  }
  assert.deepEqual(requests.filter((u) => /^https?:/.test(u)), []);
  // No way to the network: the CSP says so.
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  // A share link works from disk too (settings only).
  await page.getByTestId('share-open').click();
  assert.equal(await page.getByTestId('download-offline').count(), 0);
  clean(page);
  await page.context().close();
});

test('the page offers its offline version as a download', async () => {
  const page = await openPage(browser, server.url, { acceptDownloads: true });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('share-open').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-offline').click()]);
  assert.equal(file.suggestedFilename(), 'junheng-offline.html');
  assert.deepEqual(readFileSync(await file.path()), readFileSync(join(dist, 'junheng.html')));
  clean(page);
  await page.context().close();
});
