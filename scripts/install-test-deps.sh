#!/usr/bin/env bash
# Installs what the browser test layers need, only what is missing: Debian's Chromium and
# ChromeDriver (a downloaded browser is impossible here), Firefox ESR and WebKitGTK's WebDriver
# with Xvfb for the other two engines' smoke test, brotli for the size report, Java for the Nu
# Html Checker, and the npm packages of the end-to-end suite (with --bench, also the
# benchmarks'). Idempotent and non-interactive.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[test-deps]\033[0m %s\n' "$*"; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing+=(xvfb)
# Java for the Nu Html Checker (npm vnu-jar ships the jar, not a Java).
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci` in folder $1 only when its lock file changed since the last install there.
npm_ci_when_changed() {
  local stamp=$1/node_modules/.package-lock.json.src
  if ! cmp -s "$1/package-lock.json" "$stamp" 2>/dev/null; then
    say "installing the npm packages of $1"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$1/package-lock.json" "$stamp"
  fi
}
npm_ci_when_changed tests/e2e
npm_ci_when_changed tests/conformance
# Lighthouse (185 MB) only for `make bench`.
if [ "${1:-}" = --bench ]; then
  npm_ci_when_changed tests/bench
fi
say "ready: $(chromium --version 2>/dev/null | head -n1), $(chromedriver --version | cut -d' ' -f1-2), $(firefox-esr --version 2>/dev/null | head -n1), WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"
