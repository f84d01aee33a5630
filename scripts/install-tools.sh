#!/usr/bin/env bash
# Installs what building and serving the app need, and only what is missing: the wasm target,
# Trunk, the wasm-bindgen CLI matching Cargo.lock, wasm-opt from npm's binaryen, and the font
# of the link-preview picture.
# Idempotent and non-interactive (CI runs it as root with no stdin). Nothing here downloads from
# outside the package registries: our machines reach only crates.io, npm, PyPI and Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

# 0.21.x: trunk 0.22 needs rustc 1.96.1; the machines have 1.95.
TRUNK_VERSION=0.21.14
# npm's binaryen, not Debian's (108 produces a module Chromium rejects). Trunk.toml pins the same.
BINARYEN_VERSION=132.0.0

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

lock_version() { # the version Cargo.lock resolved for crate $1
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

WASM_BINDGEN_VERSION=$(lock_version wasm-bindgen)
TRUNK_WASM_BINDGEN=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
if [ -z "$WASM_BINDGEN_VERSION" ] || [ "$WASM_BINDGEN_VERSION" != "$TRUNK_WASM_BINDGEN" ]; then
  echo "error: Cargo.lock has wasm-bindgen '$WASM_BINDGEN_VERSION' but Trunk.toml [tools] says '$TRUNK_WASM_BINDGEN'; make them equal" >&2
  exit 1
fi

# The release build draws the link-preview picture (og:image) with DejaVu Sans; without the
# font it still builds, without the picture.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v apt-get >/dev/null; then
  say "installing fonts-dejavu-core from Debian (the link-preview picture's font)"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  if "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends fonts-dejavu-core; then :; else
    say "could not install fonts-dejavu-core: release builds will have no preview picture"
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The two CLI tools are built with a cheap release profile: they orchestrate (cargo, wasm-opt) or
# rewrite one small module, so their own speed hardly matters, while their tools' default
# profile (fat LTO, one codegen unit, opt-level 3) made installing them take most of an hour on
# 2 cores. Measured on this project's machines (2 cores, empty CARGO_HOME): trunk 4 min 47 s
# instead of about 13 min (with --no-default-features below too), wasm-bindgen-cli 2 min 15 s
# instead of about 5 (the README's set-up table has the whole-pipeline numbers).
# Only these two `cargo install`s see the override; the app's own profile is untouched.
cheap_profile=(
  env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=0
)

# Trunk without default features: they are `update_check` (asks crates.io for new versions at
# every run) and `rustls` (TLS for `trunk serve --tls-*` and tool downloads, neither of which we
# use: our machines cannot download tools, and we serve on loopback). --locked: trunk's own lock.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores, once)"
  "${cheap_profile[@]}" cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

# Without --locked: wasm-bindgen-cli's lock file wants a webpki-roots version crates.io no longer
# serves.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  "${cheap_profile[@]}" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(.tools/binaryen/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
  say "installing binaryen $BINARYEN_VERSION from npm into .tools/binaryen"
  mkdir -p .tools/binaryen
  npm install --prefix .tools/binaryen --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

# Trunk's offline mode makes its cargo calls offline too, so every crate must be here already.
cargo fetch --locked --quiet
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(.tools/binaryen/node_modules/.bin/wasm-opt --version | awk '{print $3}')"
