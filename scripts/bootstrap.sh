#!/usr/bin/env bash
# Installs what `make run` and `make test` need and is missing: uv, a JDK and Maven (for the
# local Kafka broker), then the workspace from the committed lockfile. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION="0.13.8"

have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  if [ "$(id -u)" -ne 0 ] || ! have apt-get; then
    echo "bootstrap: please install: $*" >&2
    return 1
  fi
  echo "bootstrap: installing $* with apt-get" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! have uv; then
  echo "bootstrap: installing uv ${UV_VERSION}" >&2
  python3 -m pip install --quiet --disable-pip-version-check "uv==${UV_VERSION}" \
    || python3 -m pip install --quiet --user --disable-pip-version-check "uv==${UV_VERSION}"
  export PATH="$HOME/.local/bin:$PATH"
fi

if ! have java || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  apt_install openjdk-17-jre-headless
fi
have mvn || apt_install maven

uv sync --frozen --quiet
