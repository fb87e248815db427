// The page's own path for a file, measured in headless Chromium (part of scripts/bench.sh):
// file input → results on screen, every main-thread task over 50 ms (PerformanceObserver
// 'longtask'), and, for a file read by the engine worker, the delay of a click on the language
// switch made while it loads (the page must answer within 100 ms).
//   node tests/bench/page.mjs FILE [FILE...]
// Prints a table and one JSON line (prefix "PAGE_JSON ").
import { serve, launch, openPage } from '../e2e/harness.mjs';

const files = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const out = [];
for (const file of files) {
  const page = await openPage(browser, server.url, { locale: 'zh-CN' });
  const timings = [];
  page.on('console', async (m) => {
    if (m.type() === 'debug' && m.text().startsWith('junheng engine worker timing')) timings.push(await m.args()[1].jsonValue());
  });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.getByTestId('sample-badge').waitFor();
  const name = file.split('/').pop();
  // The same click with nothing loading: what switching the language costs by itself.
  const switchLanguage = () => new Promise((resolve) => {
    const button = document.querySelector('[data-testid=lang-switch]');
    const before = document.documentElement.lang;
    const t = performance.now();
    button.click();
    const wait = () => (document.documentElement.lang !== before
      ? requestAnimationFrame(() => resolve(performance.now() - t))
      : setTimeout(wait, 1));
    wait();
  });
  const idleClickMs = await page.evaluate(switchLanguage);
  await page.evaluate(switchLanguage);
  const start = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').setInputFiles(file);
  const loaded = page.getByTestId('file-name').filter({ hasText: name });
  const inWorker = await Promise.race([
    page.getByTestId('load-progress').waitFor({ timeout: 300_000 }).then(() => true),
    loaded.waitFor({ timeout: 300_000 }).then(() => false),
  ]);
  let clickMs = null;
  if (inWorker) {
    // A click while the file loads: time until the page has switched language (measured in
    // the page, from the event to the next frame after the change).
    await page.waitForTimeout(200);
    clickMs = await page.evaluate(switchLanguage);
  }
  await loaded.waitFor({ timeout: 600_000 });
  // Results on screen: the overview's verdicts, where the page opens a loaded file.
  await page.locator('[data-testid=overview] article.ov-verdict').first().waitFor({ timeout: 600_000 });
  const shown = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
  await page.waitForTimeout(300);
  const long = await page.evaluate((start) => window.__long.filter((t) => t.start >= start), start);
  const worst = long.reduce((m, t) => Math.max(m, t.ms), 0);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  const t = timings[0] ?? {};
  const r = {
    file: name, inWorker, resultsMs: Math.round(shown - start), clickMs: clickMs && Math.round(clickMs),
    idleClickMs: Math.round(idleClickMs),
    longTasks: long.length, worstTaskMs: Math.round(worst), parseMs: t.parse_ms, packMs: t.pack_ms,
    unpackMs: t.unpack_ms, workerMemoryMb: t.wasm_memory_bytes && t.wasm_memory_bytes / 2 ** 20,
    jsHeapMb: heap && heap / 2 ** 20, errors: page.errors,
  };
  out.push(r);
  await page.context().close();
}
await browser.close();
await server.close();
const f = (v, d = 0) => (v == null ? '—' : v.toFixed(d));
console.log('| file | read by | results on screen ms | click during load ms (idle) | main-thread tasks > 50 ms (longest ms) | worker parse / pack ms | page unpack ms | worker wasm MB |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of out) {
  console.log(`| ${r.file} | ${r.inWorker ? 'worker' : 'main thread'} | ${r.resultsMs} | ${f(r.clickMs)} (${r.idleClickMs}) | ${r.longTasks} (${r.worstTaskMs}) | `
    + `${f(r.parseMs)} / ${f(r.packMs)} | ${f(r.unpackMs)} | ${f(r.workerMemoryMb)} |`);
}
console.log('PAGE_JSON ' + JSON.stringify(out));
if (out.some((r) => r.errors.length)) {
  console.error('page errors:', out.map((r) => r.errors));
  process.exit(1);
}
