#!/usr/bin/env bash
# Installs Prometheus and promtool (for tests/observability and the dev stack's optional local
# Prometheus) into the Huddle cache, from package registries only, and prints where they are as
# KEY=path lines on stdout. Idempotent: once installed, a run only prints the paths.
#
#   bin/promtool, bin/prometheus
#     default: Debian's `prometheus` package. The .deb is fetched with `apt-get download` and
#              unpacked with dpkg-deb, not installed: nothing is added to the system and no
#              service is registered or started. About 3 s.
#   obs-tools/prometheus-debian/usr/share/prometheus/web  (PROMETHEUS_WEB)
#              the web UI's templates and static files, with the JavaScript libraries the
#              package links to (its libjs-* dependencies, unpacked beside it the same way), for
#              `prometheus --web.local-assets`; the UI is then at /classic/graph.
#     HUDDLE_OBS_TOOLS_SOURCE=go: built from the Go module proxy instead
#              (github.com/prometheus/prometheus, Prometheus $PROMETHEUS_GO_VERSION, the version
#              of the compose image); several minutes per binary.
#     HUDDLE_OBS_TOOLS_SOURCE=system: use /usr/bin/promtool and /usr/bin/prometheus as they are
#              (after `apt-get install prometheus`), copying nothing.
#
# Needs: apt-get and dpkg-deb (root, or apt lists already present) for the default; go otherwise.
set -euo pipefail

# Prometheus 3.16.0 as a Go module version (Prometheus tags its Go module v0.<major><minor>.<patch>).
PROMETHEUS_GO_VERSION="v0.316.0"

CACHE="${HUDDLE_CACHE_DIR:-$HOME/.cache/huddle}"
BIN="$CACHE/bin"
TOOLS="$CACHE/obs-tools"
SOURCE="${HUDDLE_OBS_TOOLS_SOURCE:-debian}"
mkdir -p "$BIN" "$TOOLS"

log() { echo "obs-tools: $*" >&2; }
die() { log "$*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

PROMTOOL="$BIN/promtool"
PROMETHEUS="$BIN/prometheus"
MARKER="$TOOLS/.done-prometheus"
DEBIAN_ROOT="$TOOLS/prometheus-debian"
DEBIAN_WEB="$DEBIAN_ROOT/usr/share/prometheus/web"
# What the web UI of Debian's prometheus links to (its Depends, and libjs-rickshaw's libjs-d3).
UI_PACKAGES=(fonts-glyphicons-halflings libjs-bootstrap4 libjs-d3
  libjs-eonasdan-bootstrap-datetimepicker libjs-jquery libjs-jquery-hotkeys libjs-moment
  libjs-moment-timezone libjs-mustache libjs-popper.js libjs-rickshaw)

print_paths() { # print_paths PROMTOOL PROMETHEUS [WEB]
  printf 'PROMTOOL=%s\nPROMETHEUS=%s\nPROMETHEUS_WEB=%s\n' "$1" "$2" "${3:-}"
}

web_dir() { # the UI assets that go with the installed binary, if any
  if [ "$SOURCE" = "debian" ] && [ -d "$DEBIAN_WEB/templates" ]; then echo "$DEBIAN_WEB"; fi
}

if [ "$SOURCE" = "system" ]; then
  [ -x /usr/bin/promtool ] && [ -x /usr/bin/prometheus ] \
    || die "no /usr/bin/promtool or /usr/bin/prometheus (apt-get install prometheus)"
  print_paths /usr/bin/promtool /usr/bin/prometheus /usr/share/prometheus/web
  exit 0
fi

installed() { # the marker names how the binaries were installed; a different source reinstalls
  [ -f "$MARKER" ] && [ -x "$PROMTOOL" ] && [ -x "$PROMETHEUS" ] \
    && grep -q "^source=$SOURCE\$" "$MARKER"
}

if installed; then
  print_paths "$PROMTOOL" "$PROMETHEUS" "$(web_dir)"
  exit 0
fi

install_from_debian() {
  have apt-get && have dpkg-deb || die "apt-get and dpkg-deb are needed (or HUDDLE_OBS_TOOLS_SOURCE=go)"
  local apt_opts=(-q -o Dpkg::Use-Pty=0)
  if [ "$(id -u)" -eq 0 ]; then
    # The scratch directory is not the _apt user's; download as root without the warning.
    apt_opts+=(-o APT::Sandbox::User=root)
  fi
  if ! apt-cache show prometheus >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || die "apt does not know the prometheus package; run apt-get update as root"
    log "apt-get update (no package lists yet)"
    apt-get update -qq >/dev/null
  fi
  log "fetching Debian's prometheus package and its UI libraries (apt-get download; unpacked, not installed)"
  local download=(apt-get "${apt_opts[@]}" download prometheus "${UI_PACKAGES[@]}")
  if ! (cd "$SCRATCH" && "${download[@]}" >&2); then
    # A stale package list may name a version the mirror no longer has.
    [ "$(id -u)" -eq 0 ] || die "apt-get download failed; run apt-get update as root"
    apt-get update -qq >/dev/null
    (cd "$SCRATCH" && "${download[@]}" >&2)
  fi
  local deb
  rm -rf "$SCRATCH/root"
  for deb in "$SCRATCH"/*.deb; do
    dpkg-deb -x "$deb" "$SCRATCH/root"
  done
  deb="$(ls "$SCRATCH"/prometheus_*.deb)"
  for tool in promtool prometheus; do
    [ -x "$SCRATCH/root/usr/bin/$tool" ] || die "no usr/bin/$tool in $(basename "$deb")"
    install -m 0755 "$SCRATCH/root/usr/bin/$tool" "$BIN/$tool.new"
    mv -f "$BIN/$tool.new" "$BIN/$tool"
  done
  # The UI: its static files link (relatively) into usr/share/javascript and the fonts. The
  # time-zone database of moment-timezone (200 MB of data files) is not used by the UI.
  rm -rf "$SCRATCH/root/usr/share/javascript/moment-timezone/data"
  rm -rf "$DEBIAN_ROOT" && mkdir -p "$DEBIAN_ROOT/usr/share"
  local part
  for part in prometheus javascript nodejs fonts fonts-glyphicons; do
    if [ -e "$SCRATCH/root/usr/share/$part" ]; then
      mv "$SCRATCH/root/usr/share/$part" "$DEBIAN_ROOT/usr/share/$part"
    fi
  done
  printf 'source=debian\npackage=%s\ninstalled=%s\n' "$(basename "$deb")" "$(date -u +%FT%TZ)" \
    > "$MARKER"
}

install_from_go() {
  have go || die "go is needed to build Prometheus from the Go module proxy"
  for tool in promtool prometheus; do
    log "building $tool $PROMETHEUS_GO_VERSION (go install; takes minutes)"
    (cd "$SCRATCH" && GOTOOLCHAIN=local GOFLAGS=-mod=mod GOBIN="$SCRATCH/gobin" \
      go install "github.com/prometheus/prometheus/cmd/$tool@$PROMETHEUS_GO_VERSION" >&2)
    mv -f "$SCRATCH/gobin/$tool" "$BIN/$tool"
  done
  printf 'source=go\nversion=%s\ninstalled=%s\n' "$PROMETHEUS_GO_VERSION" "$(date -u +%FT%TZ)" \
    > "$MARKER"
}

# Two test sessions may race on a cold cache: one installs, the other waits and then finds it.
exec 9>"$TOOLS/.lock"
flock 9
if ! installed; then
  SCRATCH="$(mktemp -d "$TOOLS/.scratch.XXXXXX")"
  trap 'rm -rf "$SCRATCH"' EXIT
  rm -f "$MARKER"
  case "$SOURCE" in
    debian) install_from_debian ;;
    go) install_from_go ;;
    *) die "HUDDLE_OBS_TOOLS_SOURCE must be debian, go or system, not $SOURCE" ;;
  esac
  "$PROMTOOL" --version >/dev/null 2>&1 || die "$PROMTOOL does not run"
  log "installed: $("$PROMTOOL" --version 2>&1 | head -n 1)"
fi
flock -u 9
print_paths "$PROMTOOL" "$PROMETHEUS" "$(web_dir)"
