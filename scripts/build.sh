#!/usr/bin/env bash
# Builds the release bundle into dist/: wasm → wasm-bindgen → wasm-opt → static files.
# Three wasm modules: the page (pkg/junheng*), the spreadsheet reader (pkg/sheets*), which the
# page fetches only when a workbook is dropped, and the engine worker (pkg/engine*, started by
# js/engine-worker.js for files of 2 MB and more). Prints every size, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release"

wasm_opt() {
  node_modules/binaryen/bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$1" -o "$1"
}

# Separate cargo runs: one build of both would unify their dependencies' features.
# `panic = "abort"` for the wasm only (4 KB smaller each module; a wasm32 panic aborts anyway):
# the workspace's release profile unwinds so that the native CLI catches a panic of the
# workbook reader (docs/robustness-audit.md).
wasm_build=(cargo build --release --target wasm32-unknown-unknown --config 'profile.release.panic="abort"')
"${wasm_build[@]}" -p junheng-app
"${wasm_build[@]}" -p junheng-sheets-web
"${wasm_build[@]}" -p junheng-engine-web
rm -rf dist.tmp && mkdir -p dist.tmp/pkg
wasm-bindgen --target web --no-typescript --out-name junheng --out-dir dist.tmp/pkg \
  "$target/junheng-app.wasm"
wasm-bindgen --target web --no-typescript --out-name sheets --out-dir dist.tmp/pkg \
  "$target/junheng_sheets_web.wasm"
wasm-bindgen --target web --no-typescript --out-name engine --out-dir dist.tmp/pkg \
  "$target/junheng_engine_web.wasm"
wasm_opt dist.tmp/pkg/junheng_bg.wasm
wasm_opt dist.tmp/pkg/sheets_bg.wasm
wasm_opt dist.tmp/pkg/engine_bg.wasm
cp -r index.html style icon.svg dist.tmp/
# The page's scripts; the other two in js/ are wasm-bindgen snippets, copied into pkg/snippets/.
mkdir -p dist.tmp/js
cp js/boot.js js/engine-worker.js dist.tmp/js/
# The sample as counties send it, offered by links on the page (not embedded: first-load size).
mkdir -p dist.tmp/sample
cp data/sample/county-messy-gbk.csv data/sample/county.xlsx dist.tmp/sample/
# The one-file offline copy (file://, no server), then the service worker that precaches the rest.
node scripts/single_file.mjs dist.tmp
node scripts/pwa.mjs dist.tmp
rm -rf dist && mv dist.tmp dist

size() {
  local raw gz
  raw=$(wc -c < "$2")
  gz=$(gzip -9 -c "$2" | wc -c)
  printf '%s size: %d bytes raw, %d bytes gzipped (%s)\n' "$1" "$raw" "$gz" "$2"
}
size wasm dist/pkg/junheng_bg.wasm
size "sheets wasm (loaded on demand)" dist/pkg/sheets_bg.wasm
size "single-file page (offline copy)" dist/junheng.html
size "engine wasm (worker, files of 2 MB and more)" dist/pkg/engine_bg.wasm
