#!/usr/bin/env bash
# Runs each cargo-fuzz target of fuzz/ (ingest, numbers, measures, analysis) for SECONDS
# (default 60) and prints the executions of each. Installs cargo-fuzz when missing (a few
# minutes, once). Needs the nightly toolchain beside stable. Seeds: the bad-input corpus, the
# ingest fixtures and the sample county. A crash leaves its input in fuzz/artifacts/TARGET/
# and fails the script; reproduce with `cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/...`.
#
#   bash scripts/fuzz.sh          # 60 s per target
#   bash scripts/fuzz.sh 20       # 20 s per target
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz (once; a few minutes)"
  cargo install cargo-fuzz --locked || exit 1
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "cargo-fuzz needs the nightly toolchain: rustup toolchain install nightly"
  exit 1
fi
# A target directory of its own: fuzz builds use other compiler flags than the workspace's.
target_dir="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cp tests/fixtures/bad/*.csv tests/fixtures/ingest/*.csv data/sample/county.csv "$seeds/" 2>/dev/null
failed=()
for target in ingest numbers measures analysis; do
  mkdir -p "fuzz/corpus/$target"
  log="$seeds/$target.log"
  # Inputs up to 64 KB: long enough for a county table, short enough for many runs.
  (cd fuzz && cargo +nightly fuzz run -O --target-dir "$target_dir" "$target" \
    "corpus/$target" "$seeds" -- -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=2048 -print_final_stats=1) >"$log" 2>&1
  rc=$?
  runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz $target: ${runs:-?} executions in ${seconds} s, no crash"
  else
    echo "fuzz $target: FAILED after ${runs:-?} executions (exit $rc)"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -20
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz targets failed: ${failed[*]}"
  exit 1
fi
