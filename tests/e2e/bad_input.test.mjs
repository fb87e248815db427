// The page survives bad input: a sample of the bad-input corpus (tests/fixtures/bad/), each
// class dropped into the page through the file input, shows its message in both languages and
// leaves the app usable for the next file. Expectations come from the corpus manifest, the same
// one the native corpus test reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, fixture } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// One file per class: empty, binary, a renamed image, quotes, encodings, no data, bad numbers.
const CASES = [
  'empty.csv', 'binary_random.csv', 'png_renamed.csv', 'unbalanced_quote.csv', 'only_header.csv',
  'all_missing.csv', 'text_in_numeric.csv', 'utf16le_no_bom.csv', 'negative_enrollment.csv', 'one_school.csv',
];

test('each class of bad input shows its message and the page stays usable', async () => {
  const expected = JSON.parse(await readFile(fixture('bad/expected.json'), 'utf8'));
  const page = await openPage(browser, server.url, { locale: 'en-US' });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  for (const name of CASES) {
    const want = expected[name];
    assert.ok(want, `${name} is in the manifest`);
    await page.getByTestId('file-input').setInputFiles(fixture(`bad/${name}`));
    if (want.error) {
      // Refused on reading (load-error) or, for a table with nothing to measure, on analysis:
      // the overview, on screen after a load, says why.
      const alert = page.locator('[data-testid=load-error], [data-testid=ov-error]');
      await alert.waitFor();
      const text = await alert.textContent();
      assert.ok(text.includes(want.error), `${name}: English message ${JSON.stringify(want.error)} in ${text}`);
      assert.ok(text.includes(want.zh), `${name}: Chinese message ${JSON.stringify(want.zh)} in ${text}`);
    } else {
      // A file that loads with warnings: it becomes the dataset, with its row count.
      await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
      assert.equal(Number(await page.getByTestId('row-count').textContent()), want.rows, name);
    }
    // The next file still loads.
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-badge').waitFor();
    assert.equal(Number(await page.getByTestId('row-count').textContent()), 92, `sample after ${name}`);
    assert.equal(await page.getByTestId('load-error').count(), 0, `message cleared after ${name}`);
  }
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors.filter((e) => !e.includes('favicon')), []);
});
