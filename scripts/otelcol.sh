#!/usr/bin/env bash
# Builds the OpenTelemetry Collector the telemetry tests send traces, metrics and logs to
# (devtools/otelcol: the collector's own Go modules, the OTLP receiver and the debug exporter)
# into the Huddle cache, and prints where it is as OTELCOL=path on stdout. Modules come from the
# Go module proxy; about a minute the first time. Idempotent: the binary is rebuilt only when
# devtools/otelcol changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOURCE="$ROOT/devtools/otelcol"
CACHE="${HUDDLE_CACHE_DIR:-$HOME/.cache/huddle}"
BIN="$CACHE/bin"
OTELCOL="$BIN/huddle-otelcol"
MARKER="$CACHE/otelcol/.built"
mkdir -p "$BIN" "$(dirname "$MARKER")"

command -v go >/dev/null 2>&1 || { echo "otelcol: go is needed (the Go toolchain)" >&2; exit 1; }
digest="$(cat "$SOURCE/go.mod" "$SOURCE/go.sum" "$SOURCE/main.go" | sha256sum | cut -d' ' -f1)"

if [ -x "$OTELCOL" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$digest" ]; then
  echo "OTELCOL=$OTELCOL"
  exit 0
fi

echo "otelcol: building the OpenTelemetry Collector (devtools/otelcol)" >&2
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(cd "$SOURCE" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go build -trimpath -o "$scratch/otelcol" .) >&2
mv -f "$scratch/otelcol" "$OTELCOL"
echo "$digest" > "$MARKER"
echo "OTELCOL=$OTELCOL"
