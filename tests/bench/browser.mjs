// Browser half of scripts/bench.sh: in headless Chromium, for each size, junheng's engine in a
// fresh Web Worker from the File to every measure (chunks → decode, parse, map → the 12
// indicators with every measure → report; the worker's `want: 'report'` mode) against a
// baseline written the way a web developer would (PapaParse + plain JavaScript for the same
// measures), on the same File; the sample's first result after page load; peak memory. The
// page's own path (the worker hands the table back, the page measures) is tests/bench/page.mjs.
//   node tests/bench/browser.mjs SIZES [NATIVE_JSON]
// NATIVE_JSON: {"200000": seconds, ...} from the CLI, for the junheng/native ratio.
// Prints a table and one JSON line (prefix "BENCH_JSON ") for BENCHMARKS.md.
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root, dist, serve } from '../e2e/harness.mjs';

const sizes = (process.argv[2] ?? '10000').split(',').map(Number);
const native = process.argv[3] ? JSON.parse(process.argv[3]) : {};
// dist/ at /, bench-data/ at /bench-data/, PapaParse at /papaparse.min.js.
const server = await serve({
  '/bench-data/': join(root, 'bench-data'),
  '/papaparse.min.js': join(root, 'node_modules/papaparse/papaparse.min.js'),
});
const origin = server.url;
const snippets = await readdir(join(dist, 'pkg', 'snippets'));
const client = snippets.map((d) => `pkg/snippets/${d}/js/engine-client.js`).find((p) => existsSync(join(dist, p)));

const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));

// Time to first result: navigation start → the sample's verdicts on the overview, where the
// page opens a loaded file.
const t0 = Date.now();
await page.goto(origin);
await page.locator('[data-testid=overview] article.ov-verdict').first().waitFor();
const firstResultMs = Date.now() - t0;
await page.addScriptTag({ url: '/papaparse.min.js' });
const cdp = await context.newCDPSession(page);

// The baseline, as a web developer would write it: PapaParse, then the measures in plain JS.
await page.evaluate(() => {
  const INDICATORS = [
    ['教学及辅助用房面积（平方米）', 1], ['体育运动场馆面积（平方米）', 1], ['教学仪器设备值（万元）', 10000],
    ['计算机台数', 100], ['图书册数', 1], ['专任教师数', 1], ['高于规定学历教师数', 1],
    ['中级及以上职称教师数', 1], ['高于规定学历教师数', 100], ['县级及以上骨干教师数', 100],
    ['体育、艺术专任教师数', 100], ['网络多媒体教室数（间）', 100],
  ];
  function measures(x, w) {
    const n = x.length;
    let W = 0, S = 0;
    for (let i = 0; i < n; i++) { W += w[i]; S += w[i] * x[i]; }
    const mu = S / W;
    let v = 0, t = 0, l = 0;
    for (let i = 0; i < n; i++) {
      v += w[i] * (x[i] - mu) ** 2;
      const r = x[i] / mu;
      if (r > 0) { t += w[i] / W * r * Math.log(r); l -= w[i] / W * Math.log(r); }
    }
    const cv = Math.sqrt(v / W) / mu;
    const idx = Array.from(x.keys()).sort((a, b) => x[a] - x[b]);
    const xs = idx.map((i) => x[i]), ws = idx.map((i) => w[i]);
    let cum = 0, g = 0, below = 0;
    const pct = (p) => { let c = 0; for (let k = 0; k < n; k++) { c += ws[k]; if (c >= p * W) return xs[k]; } return xs[n - 1]; };
    for (let k = 0; k < n; k++) { cum += ws[k]; if (k + 1 < n) g += (xs[k + 1] - xs[k]) * (cum / W) * (1 - cum / W); }
    const median = pct(0.5);
    let bs = 0, bw = 0;
    for (let k = 0; k < n && xs[k] <= median; k++) { bs += ws[k] * xs[k]; bw += ws[k]; }
    return { n, mean: mu, cv, gini: g / mu, theil: t, mld: l, mcloone: bs / (bw * median), p05: pct(0.05), p50: median, p95: pct(0.95), W };
  }
  window.baseline = async (file) => {
    const text = await file.text();
    const { data } = Papa.parse(text, { skipEmptyLines: true });
    const head = data[0];
    const col = (name) => head.indexOf(name);
    const level = col('学段'), area = col('城乡分类'), students = col('在校学生数');
    const rows = data.slice(1).filter((r) => r[level] === '小学');
    const results = [];
    for (const [name, factor] of INDICATORS) {
      const c = col(name);
      const x = [], w = [], groups = new Map();
      for (const r of rows) {
        const p = parseFloat(r[students]), v = parseFloat(r[c]);
        if (!(p > 0) || Number.isNaN(v)) continue;
        x.push(v * factor / p); w.push(p);
        const g = groups.get(r[area]) ?? { x: [], w: [] };
        g.x.push(v * factor / p); g.w.push(p); groups.set(r[area], g);
      }
      const all = measures(x, w);
      const per = [...groups].map(([label, g]) => ({ label, ...measures(g.x, g.w) }));
      const within = per.reduce((s, g) => s + (g.W / all.W) * (g.mean / all.mean) * g.theil, 0);
      results.push({ name, ...all, theil_within: within, theil_between: all.theil - within, groups: per });
    }
    return { rows: data.length - 1, results };
  };
});

async function heap() {
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const rows = [];
for (const n of sizes) {
  const url = `/bench-data/schools-${n}.csv`;
  // junheng: the File streamed to the engine worker, as the page does for a large file.
  const j = await page.evaluate(async ({ url, client }) => {
    const file = new File([await (await fetch(url)).blob()], url.split('/').pop());
    const { readFile } = await import('/' + client);
    const best = [];
    let last;
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      last = await readFile(file, 'zh', JSON.stringify({ want: 'report', config: {} }), () => {});
      best.push(performance.now() - t);
    }
    const answer = JSON.parse(last.answer);
    return { ms: Math.min(...best), size: file.size, rows: answer.rows, n: answer.report.indicators[0].n,
      cv0: answer.report.indicators[0].cv, timing: last.timing };
  }, { url, client });
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heap();
  // Baseline on the same file, best of three; the page's heap sampled after each run.
  const b = await page.evaluate(async (url) => {
    const file = new File([await (await fetch(url)).blob()], url.split('/').pop());
    const best = [];
    let last;
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      last = await window.baseline(file);
      best.push(performance.now() - t);
    }
    return { ms: Math.min(...best), n: last.results[0].n, cv0: last.results[0].cv };
  }, url);
  const baselineHeap = (await heap()) - before;
  const nativeS = native[String(n)];
  rows.push({
    n, bytes: j.size, junheng_ms: j.ms, parse_ms: j.timing.parse_ms, analyze_ms: j.timing.analyze_ms,
    baseline_ms: b.ms, ratio_baseline: b.ms / j.ms, native_ms: nativeS ? nativeS * 1000 : null,
    ratio_native: nativeS ? j.ms / (nativeS * 1000) : null,
    wasm_memory_mb: j.timing.wasm_memory_bytes / 2 ** 20, memory_per_file: j.timing.wasm_memory_bytes / j.size,
    baseline_heap_mb: baselineHeap / 2 ** 20, same_n: j.n === b.n, cv_junheng: j.cv0, cv_baseline: b.cv0,
  });
}
await browser.close();
await server.close();

const f = (v, d = 0) => (v == null ? '—' : v.toFixed(d));
console.log(`first result of the sample after page load: ${firstResultMs} ms`);
console.log('| rows | MB | junheng worker ms (parse / analyze) | baseline ms | baseline ÷ junheng | native ms | junheng ÷ native | worker wasm memory MB (× file) | n equal |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
for (const r of rows) {
  console.log(`| ${r.n} | ${f(r.bytes / 2 ** 20, 1)} | ${f(r.junheng_ms)} (${f(r.parse_ms)} / ${f(r.analyze_ms)}) | ${f(r.baseline_ms)} | ${f(r.ratio_baseline, 2)} | ${f(r.native_ms)} | ${f(r.ratio_native, 2)} | ${f(r.wasm_memory_mb)} (${f(r.memory_per_file, 1)}×) | ${r.same_n ? 'yes' : 'NO'} |`);
}
console.log('BENCH_JSON ' + JSON.stringify({ firstResultMs, rows, errors }));
if (errors.length || rows.some((r) => !r.same_n)) {
  console.error('errors or different n:', errors);
  process.exit(1);
}
