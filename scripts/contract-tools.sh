#!/usr/bin/env bash
# Installs what the API contract check (tests/contract/, `make openapi`) needs into the Huddle
# cache, from the Go module proxy only (no release downloads), and prints where it is as KEY=path
# lines on stdout. Idempotent: the tool is built once per pinned version (a marker file says it is
# complete), so a second run only prints the path.
#
#   bin/oasdiff   Go module proxy: github.com/oasdiff/oasdiff (go install; about a minute, once)
#
# Needs: go (the machine's own toolchain; GOTOOLCHAIN=local, never a downloaded one).
set -euo pipefail

OASDIFF_VERSION="v1.39.0"

CACHE="${HUDDLE_CACHE_DIR:-$HOME/.cache/huddle}"
BIN="$CACHE/bin"
TOOLS="$CACHE/contract-tools"
mkdir -p "$BIN" "$TOOLS"

log() { echo "contract-tools: $*" >&2; }
die() { log "$*"; exit 1; }

OASDIFF="$BIN/oasdiff"
MARKER="$TOOLS/.done-oasdiff-$OASDIFF_VERSION"

installed() { [ -f "$MARKER" ] && [ -x "$OASDIFF" ]; }

install_oasdiff() {
  command -v go >/dev/null 2>&1 \
    || die "go is needed (the Go toolchain, to build oasdiff from the Go module proxy)"
  log "installing oasdiff $OASDIFF_VERSION (go install)"
  local scratch
  scratch="$(mktemp -d "$TOOLS/.scratch.XXXXXX")"
  # shellcheck disable=SC2064  # the directory is fixed now, on purpose
  trap "rm -rf '$scratch'" EXIT
  (cd "$scratch" && GOTOOLCHAIN=local GOFLAGS=-mod=mod GOBIN="$scratch/gobin" \
    go install "github.com/oasdiff/oasdiff@$OASDIFF_VERSION" >&2)
  "$scratch/gobin/oasdiff" --version >/dev/null 2>&1 || die "the built oasdiff does not run"
  mv -f "$scratch/gobin/oasdiff" "$OASDIFF"
  date -u +%FT%TZ > "$MARKER"
  log "installed: $("$OASDIFF" --version 2>&1 | head -n 1)"
}

# Two test sessions may race on a cold cache: one installs, the other waits and then finds it.
if ! installed; then
  exec 9>"$TOOLS/.lock"
  flock 9
  installed || install_oasdiff
  flock -u 9
fi

echo "OASDIFF=$OASDIFF"
