#!/usr/bin/env bash
# Prints the size of a release build's wasm and JS: raw, gzip -9 and brotli -q 11 (what a CDN
# serves). Usage: scripts/size.sh [DIST]
set -euo pipefail
dist=${1:-dist}
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total=(0 0 0)
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html "$dist"/content.json; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-44s %10d %10d %10d\n' total "${total[@]}"
