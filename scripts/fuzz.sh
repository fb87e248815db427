#!/usr/bin/env bash
# Runs each cargo-fuzz target of fuzz/ (ingest, numbers, measures, analysis, dossier, workbook)
# for SECONDS (default 60) and prints the executions of each. Needs the nightly toolchain beside
# stable (cargo-fuzz itself is not needed). Seeds: the bad-input corpus, the ingest fixtures and
# the sample county; the workbook target starts from their .xlsx, .xls and .ods files. A crash
# leaves its input in fuzz/artifacts/TARGET/ and fails the script;
# reproduce with `target/fuzz/<host>/release/TARGET fuzz/artifacts/TARGET/<file>`.
#
#   bash scripts/fuzz.sh          # 60 s per target
#   bash scripts/fuzz.sh 20       # 20 s per target
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzzing needs the nightly toolchain beside stable: rustup toolchain install nightly"
  exit 1
fi
# Built the way cargo-fuzz builds (coverage instrumentation for libFuzzer, debug assertions),
# without installing cargo-fuzz: the code is safe Rust (the core forbids unsafe), so no
# AddressSanitizer. Its own target directory: these flags differ from the workspace's.
target_dir="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
host=$(rustc +nightly -vV | awk '/^host:/ {print $2}')
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo +nightly build --release --manifest-path fuzz/Cargo.toml --target "$host" \
  --target-dir "$target_dir" --bins || exit 1
unset RUSTFLAGS
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/text" "$seeds/workbook"
cp tests/fixtures/bad/*.csv tests/fixtures/ingest/*.csv tests/fixtures/dossier/*.csv data/sample/county.csv "$seeds/text/" 2>/dev/null
cp tests/fixtures/bad/*.xlsx tests/fixtures/ingest/twin.* data/sample/county.xlsx "$seeds/workbook/" 2>/dev/null
failed=()
for target in ingest numbers measures analysis dossier workbook; do
  if [ "$target" = workbook ]; then seed="$seeds/workbook"; else seed="$seeds/text"; fi
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="$seeds/$target.log"
  # Inputs up to 64 KB: long enough for a county table, short enough for many runs.
  (cd fuzz && "$target_dir/$host/release/$target" "corpus/$target" "$seed" \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="artifacts/$target/") >"$log" 2>&1
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
