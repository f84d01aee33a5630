#!/usr/bin/env bash
# Installs what the browser test layers need, only what is missing: Debian's Chromium and
# ChromeDriver (a downloaded browser is impossible here), brotli for the size report, and the
# npm packages of the end-to-end suite. Idempotent and non-interactive.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[test-deps]\033[0m %s\n' "$*"; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci only when the lock file changed since the last install.
stamp=tests/e2e/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || ! cmp -s tests/e2e/package-lock.json "$stamp.src" 2>/dev/null; then
  say "installing the e2e npm packages"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/e2e/package-lock.json "$stamp.src"
fi
say "ready: $(chromium --version 2>/dev/null | head -n1), $(chromedriver --version | cut -d' ' -f1-2)"
