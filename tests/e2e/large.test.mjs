// National-scale files in the page (tools/gen_bench.py, seeded): 100 000 schools (9.6 MB)
// through the file input go to the engine worker. The progress bar appears with its stage, a
// click on the language switch during the load is handled at once (the main thread is free),
// and the results come with n = the primary schools among the 100 000 rows. A large file that
// is not a table gives the same message as a small one; a load can be cancelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, benchFile } from './harness.mjs';

const file = benchFile(100_000);
let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a 100 000-row file loads in the worker with progress; the page answers meanwhile', async () => {
  const page = await openPage(browser, server.url, { locale: 'zh-CN' });
  const timings = [];
  page.on('console', async (m) => {
    if (m.type() === 'debug' && m.text().startsWith('junheng engine worker timing')) timings.push(await m.args()[1].jsonValue());
  });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');

  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('load-progress').waitFor({ timeout: 10_000 });
  assert.match(await page.getByTestId('load-progress-stage').textContent(), /读取文件|解码并解析表格|计算各项指标/);
  // Another control during the load: the language switch works, and quickly.
  const t = Date.now();
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const answered = Date.now() - t;
  assert.ok(await page.getByTestId('load-progress').isVisible(), 'the load is still under way');
  assert.ok(answered < 2000, `the page answered in ${answered} ms`);
  // The sample's results stay on screen, and usable, while the file loads.
  assert.ok(await page.getByTestId('sample-badge').isVisible());

  // Results of the large file: 100 000 rows read, every indicator over the primary schools.
  await page.getByTestId('load-progress').waitFor({ state: 'detached', timeout: 120_000 });
  await page.getByTestId('file-name').filter({ hasText: 'schools-100000.csv' }).waitFor();
  assert.equal((await page.getByTestId('row-count').textContent()).replace(/\D/g, ''), '100000');
  // The page analyzes one level at a time (primary first): n is the primary schools' count.
  const primary = readFileSync(file, 'utf8').split('\n').filter((line) => line.split(',')[1] === '小学').length;
  assert.ok(primary > 50_000 && primary < 100_000);
  const n = await page.locator('[data-testid=indicator-table] tbody tr').first().locator('td').first().textContent();
  assert.equal(n.replace(/\D/g, ''), String(primary));
  // The table came from the worker, parsed once: the page did not read the file again.
  assert.equal(timings.length, 1);
  assert.ok(timings[0].parse_ms > 0 && timings[0].pack_ms > 0 && timings[0].unpack_ms >= 0);
  console.log(`# 100 000 rows: worker parse ${timings[0].parse_ms.toFixed(0)} ms, pack ${timings[0].pack_ms.toFixed(0)} ms; `
    + `page unpack ${timings[0].unpack_ms.toFixed(0)} ms; click answered in ${answered} ms`);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});

test('a large file that is not a table gives the same message as a small one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'junheng-large-'));
  const bad = join(dir, 'scan.csv');
  // 3 MB of binary (a scanned image renamed .csv): over the worker threshold.
  const bytes = Buffer.alloc(3 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  writeFileSync(bad, bytes);
  const page = await openPage(browser, server.url, { locale: 'zh-CN' });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('file-input').setInputFiles(bad);
  await page.getByTestId('load-error').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('load-error').textContent(), /不是表格/);
  assert.equal(await page.getByTestId('load-progress').count(), 0);
  assert.ok(await page.getByTestId('sample-badge').isVisible(), 'the sample stays');
  assert.deepEqual(page.errors, []);
});

test('a large load can be cancelled; the page keeps the sample', async () => {
  const page = await openPage(browser, server.url, { locale: 'en-US' });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('load-progress').waitFor({ timeout: 10_000 });
  await page.getByTestId('load-cancel').click();
  await page.getByTestId('load-progress').waitFor({ state: 'detached' });
  // Nothing arrives later: the worker was terminated.
  await page.waitForTimeout(1500);
  assert.ok(await page.getByTestId('sample-badge').isVisible());
  assert.equal(await page.getByTestId('file-name').filter({ hasText: 'schools-100000.csv' }).count(), 0);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});
