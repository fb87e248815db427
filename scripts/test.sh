#!/usr/bin/env bash
# Runs every check of junheng, installing what the tests need first (idempotent):
# fmt, the layout rules (scripts/layout.py), clippy (native; wasm32 for the page and the spreadsheet
# reader), the core's dependency rule,
# native tests, browser tests (wasm-bindgen-test in headless Chromium), and Playwright end-to-end
# tests on a fresh dist/.
# and a short run of every fuzz target (scripts/fuzz.sh, nightly): JUNHENG_FUZZ_SECONDS per
# target, 15 by default, 0 to skip.
# Ends with one summary line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || exit 1

log=$(mktemp -d)
failed_steps=()
timings=()
step() {
  local name=$1; shift
  local start=$SECONDS
  printf '\n== %s\n' "$name"
  if ! "$@" 2>&1 | tee -a "$log/all.txt"; then
    failed_steps+=("$name")
  fi
  timings+=("$(printf '%5d s  %s' $((SECONDS - start)) "$name")")
}

# The core must stay free of browser crates, so `cargo test` of the engine needs no browser.
# Workbooks are read by crates/sheets (calamine → zip → getrandom → js-sys on wasm32), which the
# core has only as a dev-dependency: `-e normal,build` leaves dev-dependencies out.
core_is_pure() {
  local found
  found=$(cargo tree -p junheng-core -e normal,build --target all --prefix none 2>/dev/null \
    | grep -oE '^(leptos|web-sys|wasm-bindgen|js-sys)[a-z_-]* ' | sort -u)
  if [ -n "$found" ]; then
    echo "junheng-core depends on browser crates: $found"
    return 1
  fi
  echo "junheng-core has no leptos, web-sys, wasm-bindgen or js-sys dependency"
}

step "cargo fmt --check" cargo fmt --all -- --check
step "layout (file sizes, src/ root, scripts at the root, import cycles)" python3 scripts/layout.py
step "core dependency rule" core_is_pure
step "cargo clippy (native)" cargo clippy --workspace --all-targets -- -D warnings
step "cargo clippy (wasm32 app)" cargo clippy -p junheng-app --target wasm32-unknown-unknown --all-targets -- -D warnings
step "cargo clippy (wasm32 spreadsheet reader)" cargo clippy -p junheng-sheets-web --target wasm32-unknown-unknown --all-targets -- -D warnings
step "cargo clippy (wasm32 engine worker)" cargo clippy -p junheng-engine-web --target wasm32-unknown-unknown --all-targets -- -D warnings
step "sample data is reproducible" python3 tools/gen_sample.py --check
step "ingest fixtures are reproducible" python3 tools/gen_fixtures.py --check
step "bad-input corpus is reproducible" python3 tools/gen_bad_corpus.py --check
step "sample variants are reproducible" python3 tools/gen_sample_variants.py --check
step "dossier fixture is reproducible" python3 tools/gen_dossier_county.py --check
step "city fixtures are reproducible" python3 tools/gen_city.py --check
step "items fixture is reproducible" python3 tools/gen_items_county.py --check
step "dossier workbook fixture is reproducible" python3 tools/gen_dossier_workbook.py --check
step "cargo test (native)" cargo test --workspace
step "wasm-bindgen-test (headless Chromium)" env CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p junheng-app --target wasm32-unknown-unknown
step "build dist/" bash scripts/build.sh
step "Playwright end-to-end" node --test tests/e2e/
# A smoke run of the bench: its CLI built with thin LTO (a minute sooner on 2 cores than the
# release profile's fat LTO); BENCHMARKS.md figures come from `bash scripts/bench.sh` itself.
step "benchmark, 10 000 rows (ratios printed; fails only on errors)" env CARGO_PROFILE_RELEASE_LTO=thin \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 bash scripts/bench.sh 10000
fuzz_seconds=${JUNHENG_FUZZ_SECONDS:-15}
if [ "$fuzz_seconds" != 0 ]; then
  step "fuzz (${fuzz_seconds} s per target)" bash scripts/fuzz.sh "$fuzz_seconds"
fi

# One closing line over every runner: cargo's "test result:" lines and node's "# pass/# fail".
passed=$(grep -hoE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log/all.txt" | awk '{s+=$4} END {print s+0}')
failed=$(grep -hoE '[0-9]+ failed;' "$log/all.txt" | awk '{s+=$1} END {print s+0}')
passed=$((passed + $(grep -hoE '^# pass [0-9]+' "$log/all.txt" | awk '{s+=$3} END {print s+0}')))
failed=$((failed + $(grep -hoE '^# fail [0-9]+' "$log/all.txt" | awk '{s+=$3} END {print s+0}')))
rm -rf "$log"
# Where the time goes, so the whole run stays well under CI's budget.
printf '\n== time per step (%d s in all)\n' "$SECONDS"
printf '%s\n' "${timings[@]}"
if [ ${#failed_steps[@]} -gt 0 ]; then
  printf '\nfailed steps: %s\n' "${failed_steps[*]}"
  [ "$failed" -gt 0 ] || failed=${#failed_steps[@]}
fi
echo
echo "tests: $passed passed, $failed failed"
[ ${#failed_steps[@]} -eq 0 ]
