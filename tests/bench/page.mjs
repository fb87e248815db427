// The page's own path for a large file, measured in headless Chromium: file input → progress bar
// → results on screen, with every main-thread task over 50 ms (PerformanceObserver 'longtask')
// and the delay of a click on the language switch made while the file loads.
//   node tests/bench/page.mjs FILE [FILE...]
// Prints one line per file and one JSON line (prefix "PAGE_JSON ").
import { serve, launch, openPage } from '../e2e/harness.mjs';

const files = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const out = [];
for (const file of files) {
  const page = await openPage(browser, server.url, { locale: 'zh-CN' });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  const name = file.split('/').pop();
  const start = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('load-progress').waitFor({ timeout: 30_000 }).catch(() => {});
  // A click while the file loads: time until the page has switched language.
  const clickAt = await page.evaluate(() => performance.now());
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 120_000 });
  const clickMs = (await page.evaluate(() => performance.now())) - clickAt;
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor({ timeout: 300_000 });
  await page.getByTestId('indicator-table').waitFor({ timeout: 300_000 });
  const shown = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const long = await page.evaluate((start) => window.__long.filter((t) => t.start >= start), start);
  const worst = long.reduce((m, t) => Math.max(m, t.ms), 0);
  const r = { file: name, resultsMs: Math.round(shown - start), clickMs: Math.round(clickMs),
    longTasks: long.length, worstTaskMs: Math.round(worst), errors: page.errors };
  console.log(`${name}: results after ${r.resultsMs} ms; click answered in ${r.clickMs} ms; `
    + `${r.longTasks} main-thread tasks > 50 ms, longest ${r.worstTaskMs} ms`);
  out.push(r);
  await page.context().close();
}
await browser.close();
await server.close();
console.log('PAGE_JSON ' + JSON.stringify(out));
