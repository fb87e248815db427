#!/usr/bin/env bash
# Builds the release bundle into dist/: wasm → wasm-bindgen → wasm-opt → static files.
# Prints the wasm size, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown -p junheng-app
rm -rf dist.tmp && mkdir -p dist.tmp/pkg
wasm-bindgen --target web --no-typescript --out-name junheng --out-dir dist.tmp/pkg \
  "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/release/junheng-app.wasm
node_modules/binaryen/bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist.tmp/pkg/junheng_bg.wasm -o dist.tmp/pkg/junheng_bg.wasm
cp -r index.html boot.js style dist.tmp/
rm -rf dist && mv dist.tmp dist

wasm=dist/pkg/junheng_bg.wasm
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'wasm size: %d bytes raw, %d bytes gzipped (%s)\n' "$raw" "$gz" "$wasm"
