#!/usr/bin/env bash
# The structural numbers issue #20 tracks, from the checkout: long files, import cycles, e2e
# selectors outside page objects, README words and the count of test assertions. Prints; asserts
# nothing (run it before and after a refactor and compare).
set -euo pipefail
cd "$(dirname "$0")/.."
sources() { git ls-files '*.rs' '*.mjs' | grep -v '^tests/conformance/spec'; }
echo "## files over 400 lines (source and tests)"
sources | xargs wc -l | grep -v ' total$' | sort -rn | awk '$1 > 400 {print "  " $1 " " $2; n++} END {print "  count: " n+0}'
echo "## largest non-test source file"
git ls-files '*.rs' | grep -v -e '^tests/' -e '/tests/' -e 'tests\.rs$' | xargs wc -l | grep -v ' total$' | sort -rn | head -1
echo "## import cycles (scripts/module_graph.py, per top-level module and one level down)"
for crate in crates/core/src src crates/watch/src crates/prerender/src crates/content-build/src; do
  for depth in 1 2; do python3 scripts/module_graph.py "$crate" --depth "$depth" || true; done
done
echo "## e2e CSS/id selectors written in spec files (not in page objects)"
{ grep -oE "(locator|querySelector(All)?|waitForSelector|\\\$\\\$?eval)\\((['\"\`])[^'\"\`]*" tests/e2e/*.test.mjs || true; } | wc -l
echo "## README words"
wc -w < README.md
echo "## test assertions"
rust=$(git ls-files '*.rs' | xargs grep -ohE '\b(assert|assert_eq|assert_ne|prop_assert|prop_assert_eq|prop_assert_ne|debug_assert)!' | wc -l)
js=$(git ls-files 'tests/*.mjs' | xargs grep -ohE '\bassert(\.[a-zA-Z]+)?\(' | wc -l)
rtests=$(git ls-files '*.rs' | xargs grep -ohE '#\[(test|wasm_bindgen_test)\]|^\s+fn [a-z_0-9]+\(.* in ' | wc -l)
jtests=$(git ls-files 'tests/*.mjs' | xargs grep -ohE '\btest\(' | wc -l)
echo "  Rust: $rust assertion macros in $rtests test functions (incl. proptest cases)"
echo "  JS:   $js assert calls in $jtests test() calls"
