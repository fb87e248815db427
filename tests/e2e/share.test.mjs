// Share links: the whole view in the URL fragment. A link opened in a fresh browser context
// shows the same view (tab, level, custom indicator, CVs); a settings-only link waits for its
// file and names the columns another file lacks; a link with data and a passphrase shows the
// numbers only after the right passphrase; a cut link gives a clear message in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, fixture } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function clean(page) {
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
}

async function open(url = server.url, options = {}) {
  const page = await openPage(browser, server.url, { locale: 'zh-CN', ...options });
  await page.goto(url);
  await page.getByTestId('file-name').waitFor();
  return page;
}

/** Indicator → CV as shown. */
async function cvs(page) {
  return page.locator('[data-testid=indicator-table] tr[data-indicator]').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-indicator'),
      r.querySelector('td[data-key=cv]')?.getAttribute('data-value') ?? null])));
}

async function choose(page, path, name) {
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
}

/** Opens the share panel, makes the link and returns it (read from the panel's field). */
async function makeLink(page, { data = false, passphrase = '' } = {}) {
  if (!(await page.getByTestId('share-panel').isVisible())) await page.getByTestId('share-open').click();
  await page.getByTestId('share-include-data').setChecked(data);
  await page.getByTestId('share-passphrase').fill(passphrase);
  await page.getByTestId('share-copy').click();
  const field = page.getByTestId('share-link');
  await field.waitFor();
  return field.inputValue();
}

async function addCustom(page) {
  // The ratio builder is on the research measures tab (the page opens on the overview).
  await page.getByTestId('tab-indicators').click();
  await page.getByTestId('custom-numerator').selectOption('计算机台数');
  await page.getByTestId('custom-denominator').selectOption('在校学生数');
  await page.getByTestId('custom-factor').fill('100');
  await page.getByTestId('custom-name').fill('每百生计算机');
  await page.getByTestId('custom-add').click();
  await page.locator('tr[data-indicator="每百生计算机"]').first().waitFor({ state: 'attached' });
}

test('a settings link opened elsewhere shows the same view; the clipboard holds it', async () => {
  const page = await open(server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByTestId('level-select').selectOption('初中');
  await page.getByTestId('median-rule-select').selectOption({ index: 1 });
  await addCustom(page);
  await page.getByTestId('tab-schools').click();
  const expected = await cvs(page);
  const rule = await page.getByTestId('median-rule-select').inputValue();
  const link = await makeLink(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#jh2\.[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(await page.getByTestId('share-status').textContent(), /已复制/);
  assert.equal(Number(await page.getByTestId('share-length').textContent()), link.length);
  assert.equal(await page.getByTestId('share-warning').count(), 0);
  assert.equal(await page.locator('[data-testid=share-qr] svg').count(), 1);
  clean(page);

  const other = await open(link);
  await other.getByTestId('link-applied').waitFor();
  assert.equal(await other.getByTestId('tab-schools').getAttribute('aria-selected'), 'true');
  assert.equal(await other.getByTestId('level-select').inputValue(), '初中');
  assert.equal(await other.getByTestId('median-rule-select').inputValue(), rule);
  assert.equal(await other.locator('[data-testid=indicator-table] tr[data-indicator="每百生计算机"]').count(), 1);
  assert.deepEqual(await cvs(other), expected);
  assert.equal(await other.getByTestId('link-missing').count(), 0);
  clean(other);
  await page.context().close();
  await other.context().close();
});

test('a settings-only link waits for its file and names what another file lacks', async () => {
  // A file with one more column than clean.csv, used as the link's weight.
  const dir = mkdtempSync(join(tmpdir(), 'junheng-share-'));
  const lines = readFileSync(fixture('ingest/clean.csv'), 'utf8').trimEnd().split('\n');
  const withClasses = join(dir, 'with-classes.csv');
  writeFileSync(withClasses, lines.map((l, i) => `${l},${i === 0 ? '班级数' : 10 + i}`).join('\n') + '\n');

  const page = await open();
  await choose(page, withClasses, 'with-classes.csv');
  await page.getByTestId('weight-select').selectOption('班级数');
  await page.getByTestId('level-select').selectOption('初中');
  const expected = await cvs(page);
  const link = await makeLink(page);
  clean(page);

  // The same file: the settings wait for it, then apply.
  const same = await open(link);
  const waiting = same.getByTestId('link-waiting');
  await waiting.waitFor();
  assert.match(await waiting.textContent(), /请选择数据文件，链接中的设置将应用于它/);
  assert.match(await waiting.textContent(), /with-classes\.csv/);
  await choose(same, withClasses, 'with-classes.csv');
  await same.getByTestId('link-applied').waitFor();
  assert.equal(await same.getByTestId('weight-select').inputValue(), '班级数');
  assert.deepEqual(await cvs(same), expected);
  clean(same);

  // Another file: what it lacks is named, the rest applies.
  const otherFile = await open(link);
  await otherFile.getByTestId('link-waiting').waitFor();
  await choose(otherFile, fixture('ingest/clean.csv'), 'clean.csv');
  const missing = otherFile.getByTestId('link-missing');
  await missing.waitFor();
  assert.match(await missing.textContent(), /班级数/);
  assert.equal(await otherFile.getByTestId('level-select').inputValue(), '初中');
  clean(otherFile);
  for (const p of [page, same, otherFile]) await p.context().close();
});

test('a link with data and a passphrase shows the numbers only after the right passphrase', async () => {
  const page = await open();
  await choose(page, fixture('ingest/clean.csv'), 'clean.csv');
  await page.getByTestId('level-select').selectOption('初中');
  const expected = await cvs(page);
  const link = await makeLink(page, { data: true, passphrase: '正确的口令 correct horse' });
  assert.match(await page.getByTestId('share-status').textContent(), /已加密/);
  clean(page);
  // The fragment reveals nothing of the file.
  const fragment = decodeURIComponent(link.split('#')[1]);
  assert.ok(!/城关|clean|初中/.test(Buffer.from(fragment.slice(4), 'base64url').toString('latin1')));

  const other = await open(link);
  await other.getByTestId('link-unlock-form').waitFor();
  assert.notEqual(await other.getByTestId('file-name').textContent(), 'clean.csv');
  await other.getByTestId('link-passphrase').fill('wrong');
  await other.getByTestId('link-unlock').click();
  const error = other.getByTestId('link-error');
  await error.waitFor();
  assert.match(await error.textContent(), /口令不正确/);
  assert.match(await error.textContent(), /Wrong passphrase/);
  assert.notEqual(await other.getByTestId('file-name').textContent(), 'clean.csv');

  await other.getByTestId('link-passphrase').fill('正确的口令 correct horse');
  await other.getByTestId('link-unlock').click();
  await other.getByTestId('file-name').filter({ hasText: 'clean.csv' }).waitFor();
  await other.getByTestId('link-applied').waitFor();
  assert.equal(await other.getByTestId('level-select').inputValue(), '初中');
  assert.deepEqual(await cvs(other), expected);
  clean(other);
  await page.context().close();
  await other.context().close();
});

test('a link with the data opens with no file; a long one warns about chat apps', async () => {
  const page = await open();
  const expected = await cvs(page);
  const link = await makeLink(page, { data: true });
  assert.ok(link.length > 2000, `${link.length}`);
  assert.match(await page.getByTestId('share-warning').textContent(), /微信|QQ/);
  assert.equal(await page.getByTestId('share-qr-none').count(), 1);
  clean(page);
  const other = await open(link, { locale: 'en-US' });
  await other.getByTestId('link-applied').waitFor();
  assert.deepEqual(await cvs(other), expected);
  clean(other);
  await page.context().close();
  await other.context().close();
});

test('a cut, altered or foreign link gives a clear message in both languages', async () => {
  const page = await open();
  const link = await makeLink(page);
  await page.context().close();
  const cases = [
    [link.slice(0, link.length - 7), /不完整或已损坏/, /incomplete or damaged/],
    [link.replace('#jh2.', '#jh9.'), /更新版本/, /newer version/],
    [`${server.url}#access_token=abc&state=xyz`, /不是均衡/, /not a junheng/],
  ];
  for (const [url, zh, en] of cases) {
    const other = await open(url);
    const error = other.getByTestId('link-error');
    await error.waitFor();
    const text = await error.textContent();
    assert.match(text, zh);
    assert.match(text, en);
    // The page still works: the sample is analyzed.
    assert.ok(Object.keys(await cvs(other)).length > 0);
    clean(other);
    await other.context().close();
  }
});
