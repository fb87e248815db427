#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8080}"
bash scripts/setup.sh
bash scripts/build.sh
echo
echo "junheng is served at http://127.0.0.1:$port/  (Ctrl-C stops it)"
exec python3 -m http.server --bind 127.0.0.1 --directory dist "$port"
