#!/usr/bin/env bash
# Benchmarks of junheng, native and in the browser, in one run (BENCHMARKS.md):
#   bash scripts/bench.sh [SIZES] [--full]
# SIZES: comma-separated row counts (default 1000,10000,100000,200000; --full adds 1000000).
# 1. generates bench-data/schools-N.csv (tools/gen_bench.py, seeded; skipped when present);
# 2. native: `junheng analyze FILE --group 城乡分类 --where 学段=小学` (every measure, the
#    primary schools as the page analyzes by default), best of 3, whole process;
# 3. browser (tests/bench/browser.mjs, headless Chromium): junheng through its engine worker
#    vs. PapaParse + plain JavaScript on the same File; ratios, memory, first result, sizes;
# 4. the page (tests/bench/page.mjs): each file through the file input to results on screen,
#    main-thread tasks over 50 ms, a click answered during a worker load.
# Timing never fails the script; a crash, an error in the page or a different n does.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=1000,10000,100000,200000
for arg in "$@"; do
  case "$arg" in
    --full) sizes="$sizes,1000000" ;;
    *) sizes="$arg" ;;
  esac
done
echo "bench: sizes $sizes; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
missing=$(for n in ${sizes//,/ }; do [ -f "bench-data/schools-$n.csv" ] || printf '%s,' "$n"; done)
[ -z "$missing" ] || python3 tools/gen_bench.py --sizes "${missing%,}" --out bench-data >/dev/null
target="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p junheng-cli
[ -f dist/pkg/engine_bg.wasm ] || bash scripts/build.sh >/dev/null

native="{"
for n in ${sizes//,/ }; do
  best=""
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$target/release/junheng" analyze "bench-data/schools-$n.csv" --group 城乡分类 --where 学段=小学 >/dev/null
    t=$(echo "$(date +%s.%N) - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  printf 'native %8s rows: %.3f s (best of 3, whole CLI run)\n' "$n" "$best"
  native="$native\"$n\":$(printf %.4f "$best"),"
done
native="${native%,}}"
# A file 200 000 columns wide and one row deep (issue 16: quadratic in columns before).
wide=bench-data/wide-200000.csv
[ -f "$wide" ] || python3 -c "
n = 200_000
print(','.join(f'c{i}' for i in range(n)))
print(','.join(str(i % 97 + 1) for i in range(n)))" > "$wide"
start=$(date +%s.%N)
"$target/release/junheng" analyze "$wide" >/dev/null
printf 'native 200 000 columns x 1 row: %.3f s (whole CLI run)\n' "$(echo "$(date +%s.%N) - $start" | bc)"

node tests/bench/browser.mjs "$sizes" "$native"
# The page's own path (file input → results on screen), the main thread's longest task and a
# click during a worker load.
node tests/bench/page.mjs $(for n in ${sizes//,/ }; do printf 'bench-data/schools-%s.csv ' "$n"; done)
for f in junheng sheets engine; do
  printf '%s wasm: %d bytes raw, %d gzipped\n' "$f" "$(wc -c < "dist/pkg/${f}_bg.wasm")" \
    "$(gzip -9 -c "dist/pkg/${f}_bg.wasm" | wc -c)"
done
