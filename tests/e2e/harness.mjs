// Shared set-up of the end-to-end tests: a static server for dist/ on loopback, Debian's
// Chromium through playwright-core, and a guard that fails a test if any request leaves the
// page's own origin.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const dist = join(root, 'dist');
export const fixture = (name) => join(root, 'tests', 'fixtures', name);

/** bench-data/schools-ROWS.csv, written by tools/gen_bench.py (seeded) when absent. */
export function benchFile(rows) {
  const file = join(root, 'bench-data', `schools-${rows}.csv`);
  if (!existsSync(file)) {
    execFileSync('python3', [join(root, 'tools', 'gen_bench.py'), '--sizes', String(rows), '--out', join(root, 'bench-data')]);
  }
  return file;
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.xlsx': 'application/octet-stream',
};

/**
 * Serves dist/ on 127.0.0.1 at a free port; resolves to { url, close }. `routes` adds files
 * from elsewhere: a key ending in / maps that folder of URLs to a directory, any other key one
 * URL to one file (the benchmark serves bench-data/ and PapaParse this way).
 */
export async function serve(routes = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, path.endsWith('/') ? path + 'index.html' : path);
    for (const [url, target] of Object.entries(routes)) {
      if (url.endsWith('/') ? path.startsWith(url) : path === url) {
        file = url.endsWith('/') ? join(target, path.slice(url.length)) : target;
      }
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Chromium with the flags this machine needs (docs/toolchain.md). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Opens a page that records every request; `page.foreignRequests` lists those that left
 * `origin`. Console errors and page errors are collected too.
 */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.foreignRequests = [];
  page.errors = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!(url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))) page.foreignRequests.push(url);
  });
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}
