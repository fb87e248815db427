#!/usr/bin/env bash
# Installs what building (and, with --test, testing) junheng needs; skips whatever is present.
# Needs only Rust (rustup), Node/npm, Python and apt on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly, or bindgen fails.
[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  step "cargo install wasm-bindgen-cli $wb_version (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# npm packages: wasm-opt (binaryen; Debian's old wasm-opt breaks the app) and playwright-core.
if [ ! -f node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  step "npm install"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$want_test" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  step "apt-get install chromium chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
# Printing the dossier to PDF in the tests (tests/e2e/dossier_print.test.mjs): Chinese fonts, or
# Chromium draws boxes and the PDF's text layer loses characters; poppler's pdfinfo, pdftotext
# and pdftoppm read the pages back.
if [ "$want_test" = 1 ] && { ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || ! command -v pdftotext >/dev/null; }; then
  step "apt-get install fonts-noto-cjk poppler-utils"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk poppler-utils
fi
exit 0
