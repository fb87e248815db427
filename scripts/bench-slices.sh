#!/usr/bin/env bash
# The province benchmark of issue 19 (BENCHMARKS.md "A province's file, sliced"):
#   bash scripts/bench-slices.sh [COUNTIESxSCHOOLSxYEARS]    (default 100x300x10: 300 000 rows)
# 1. generates bench-data/province-SHAPE.csv (tools/gen_bench.py --province, seeded; skipped
#    when present): a 县区 and a 年份 column, every county's schools every year;
# 2. runs the release CLI on it, each run once, whole process: wall seconds, peak memory and
#    bytes written, for the whole file as one county (what a province got before --by) and
#    split by county and year with each output and per-school detail.
# Timing never fails the script; a crash or an error exit does.
set -euo pipefail
cd "$(dirname "$0")/.."
shape="${1:-100x300x10}"
file="bench-data/province-$shape.csv"
python3 tools/gen_bench.py --province "$shape" --out bench-data >/dev/null
target="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p junheng-cli
junheng="$target/release/junheng"
rows=$(($(wc -l < "$file") - 1))
echo "bench-slices: $file, $rows rows, $(du -m "$file" | cut -f1) MB; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
out=$(mktemp)
run() {
  local label="$1"
  shift
  local start end kb
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$out.rss" "$junheng" "$@" >"$out"
  end=$(date +%s.%N)
  kb=$(cat "$out.rss")
  printf '%-58s %7.2f s  %6d MB peak  %9.2f MB out\n' "$label" "$(echo "$end - $start" | bc)" \
    "$((kb / 1024))" "$(echo "scale=2; $(wc -c < "$out") / 1000000" | bc)"
}
run "whole file as one county, --standard quality-2017" analyze "$file" --standard quality-2017
run "--by 县区 --by 年份 -f csv (the city table)" analyze "$file" --by 县区 --by 年份 -f csv
run "--by 县区 --by 年份 (json, no standard)" analyze "$file" --by 县区 --by 年份
run "--by 县区 --by 年份 --standard quality-2017 (detail summary)" analyze "$file" --by 县区 --by 年份 --standard quality-2017
run "--by 县区 --by 年份 --standard quality-2017 --detail failing" analyze "$file" --by 县区 --by 年份 --standard quality-2017 --detail failing
run "--by 县区 --by 年份 --standard quality-2017 --detail all" analyze "$file" --by 县区 --by 年份 --standard quality-2017 --detail all
rm -f "$out" "$out.rss"
