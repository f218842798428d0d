# Shared set-up for scripts/serve, scripts/test and scripts/bench: installs only
# what is missing, so a second run costs a few version checks.
# Sourced, not executed. Fetches only from crates.io, npm and Debian.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# One source of truth: the CLI must equal the crate version pinned in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml")"

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  step "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then return; fi
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
}

# Node packages (wasm-opt from binaryen, playwright-core, axe-core), from the committed lock.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/package-lock.json" ]; then return; fi
  step "installing node packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  step "installing Debian chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_modules
}

# Release build into dist/ (or $1), relative URLs so it works from any sub-path.
build_release() {
  local dist="${1:-$ROOT/dist}"
  step "building the release bundle into ${dist#"$ROOT"/}"
  (cd "$ROOT" && trunk build --release --offline --dist "$dist")
}
