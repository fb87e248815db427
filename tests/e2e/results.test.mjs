// The results tabs on the sample county: the schools table sorts, filters and pages; the
// groups tab splits the Theil index; the charts tab draws and downloads SVG and PNG (2×).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open() {
  const page = await openPage(browser, server.url, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  return page;
}

test('schools: sort by value, filter by name, rows carry their share', async () => {
  const page = await open();
  await page.getByTestId('tab-schools').click();
  const rows = page.locator('[data-testid=panel-schools] [data-testid=school-row]');
  await rows.first().waitFor();
  const n = await rows.count();
  assert.ok(n > 10 && n <= 100, `one page of rows: ${n}`);
  // Default order: largest share of the variance first.
  const shares = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.share)));
  assert.ok(shares.every((s, i) => i === 0 || s <= shares[i - 1]), 'shares descending');
  assert.match(await page.getByTestId('drivers').textContent(), /对差异系数影响最大的是|weighs most/);

  await page.locator('[data-testid=school-table] th[data-sort=value] button').click();
  assert.equal(await page.locator('[data-testid=school-table] th[data-sort=value]').getAttribute('aria-sort'), 'ascending');
  const values = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.value)));
  assert.equal(values[0], Math.min(...values), 'first row is the minimum');
  assert.ok(values.every((v, i) => i === 0 || v >= values[i - 1]), 'ascending');

  const name = (await rows.nth(3).locator('th').textContent()).trim();
  await page.getByTestId('school-filter').fill(name);
  await page.waitForFunction((name) => {
    const trs = [...document.querySelectorAll('[data-testid=panel-schools] [data-testid=school-row]')];
    return trs.length >= 1 && trs.every((tr) => tr.querySelector('th').textContent.includes(name));
  }, name);
  await page.getByTestId('school-filter').fill('no such school 不存在');
  await page.getByTestId('no-school').waitFor();
  await page.getByTestId('school-filter').fill('');
  await page.getByTestId('below-mean').check();
  const below = await rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('below')));
  assert.ok(below.length > 0 && below.every(Boolean), 'only schools below the mean');
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});

test('groups: three urban/rural groups and between + within = Theil', async () => {
  const page = await open();
  await page.getByTestId('tab-groups').click();
  const block = page.locator('[data-testid=group-block]').first();
  await block.waitFor();
  const groups = await block.locator('[data-testid=group-row]').evaluateAll((trs) => trs.map((tr) => tr.dataset.group));
  assert.deepEqual([...groups].sort(), ['乡村', '城区', '镇区'].sort());
  const splits = await page.locator('[data-testid=theil-split]').evaluateAll((ps) => ps.map((p) => ({
    theil: Number(p.dataset.theil), between: Number(p.dataset.between), within: Number(p.dataset.within),
  })));
  assert.ok(splits.length >= 7);
  for (const s of splits) assert.ok(Math.abs(s.between + s.within - s.theil) <= 1e-9, JSON.stringify(s));
  await page.locator('[data-testid=panel-groups] [data-testid=group-bars] svg .bar').first().waitFor();
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});

test('charts: Lorenz, bars and box plot, downloaded as SVG and PNG (2×)', async () => {
  const page = await open();
  await page.getByTestId('tab-charts').click();
  const panel = page.locator('[data-testid=panel-charts]');
  await panel.locator('[data-testid=lorenz-chart] svg').waitFor();
  await panel.locator('[data-testid=bar-chart] svg .bar').first().waitFor();
  await panel.locator('[data-testid=box-plot] svg').waitFor();
  const title = await panel.locator('[data-testid=lorenz-chart] svg title').first().textContent();
  assert.match(title, /基尼系数 0\.\d{3}|Gini 0\.\d{3}/);

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-svg-lorenz').click(),
  ]);
  assert.match(svgDownload.suggestedFilename(), /^junheng-lorenz-[\w]+\.svg$/);
  const svg = await readFile(await svgDownload.path(), 'utf8');
  assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror') !== null,
      title: root.querySelector('title')?.textContent,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
    };
  }, svg);
  assert.equal(parsed.error, false);
  assert.equal(parsed.title, title);

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-png-lorenz').click(),
  ]);
  assert.match(pngDownload.suggestedFilename(), /^junheng-lorenz-[\w]+\.png$/);
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(Math.abs(width - 2 * parsed.width) <= 1, `${width} vs 2×${parsed.width}`);
  assert.ok(Math.abs(height - 2 * parsed.height) <= 1, `${height} vs 2×${parsed.height}`);
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
});
