"""The local Keycloak's provisioning without Keycloak or a network: the realm the dev stack
imports, the download and cache of the distribution (an in-process fake Maven repository),
the Java finder, and how an instance is laid out, started and stopped (a stand-in kc.sh)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

import httpx
import pytest

from huddle_devtools.devinfra import keycloak, keycloak_dist
from huddle_devtools.devinfra.keycloak import LocalKeycloak, keycloak_wanted
from huddle_devtools.devinfra.keycloak_dist import artifact_url, ensure_keycloak, keycloak_home
from huddle_devtools.devinfra.keycloak_realm import (
    DEV_CLIENT_ID,
    DEV_REALM,
    DEV_USER_PASSWORD,
    dev_realm,
    realm_file,
)
from huddle_devtools.devinfra.selection import free_port

REPO = Path(__file__).resolve().parents[2]
VERSION = "0.0.1-test"
MAVEN = "https://maven.test/maven2"
FAKE_KC_SH = """#!/bin/sh
# Stands in for Keycloak's kc.sh: `build` records its arguments; anything else runs a child
# carrying the -Dkc.home.dir argument the real JVM gets, in the background, as kc.sh does.
DIR="$(dirname "$(readlink -f "$0")")"
if [ "$1" = build ]; then echo "$@" >> "$DIR/../../builds.txt"; exit 0; fi
trap 'kill -TERM $PID; wait $PID' TERM
"$PYTHON" -c 'import time; time.sleep(600)' "-Dkc.home.dir=$DIR/.." &
PID=$!
wait $PID
"""


def _dist_zip(top: str = f"keycloak-{VERSION}", extra: Mapping[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        script = zipfile.ZipInfo(f"{top}/bin/kc.sh")
        script.external_attr = (stat.S_IFREG | 0o755) << 16
        archive.writestr(script, FAKE_KC_SH)
        for folder in ("lib", "conf", "themes", "providers"):
            archive.writestr(f"{top}/{folder}/README.md", folder)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


class FakeMaven:
    """Maven Central's layout for one artifact, in process; records each request."""

    def __init__(self, body: bytes, checksums: Mapping[str, str]) -> None:
        self.body = body
        self.checksums = dict(checksums)
        self.requests: list[str] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.requests.append(url)
        zip_url = artifact_url(VERSION, MAVEN)
        if url == zip_url:
            return httpx.Response(200, content=self.body)
        for algorithm, digest in self.checksums.items():
            if url == f"{zip_url}.{algorithm}":
                return httpx.Response(200, text=digest)
        return httpx.Response(404)

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self.handle))


def _fetch(cache: Path, maven: FakeMaven, *, build: bool = False) -> Path:
    with maven.client() as client:
        return ensure_keycloak(
            version=VERSION, cache_dir=cache, repository=MAVEN, client=client, build=build
        )


def test_the_dev_realm_has_one_confidential_client_for_identitys_sso_callback() -> None:
    representation = dev_realm(identity_url="http://127.0.0.1:9101/")
    assert representation["realm"] == DEV_REALM
    [client] = representation["clients"]
    assert client["clientId"] == DEV_CLIENT_ID
    assert client["publicClient"] is False
    assert client["secret"]
    assert client["redirectUris"] == ["http://127.0.0.1:9101/v1/auth/sso/callback"]
    assert client["standardFlowEnabled"] is True
    assert not client["implicitFlowEnabled"] and not client["directAccessGrantsEnabled"]
    assert client["attributes"]["pkce.code.challenge.method"] == "S256"
    [mapper] = client["protocolMappers"]
    assert mapper["config"]["user.attribute"] == "profession"
    assert mapper["config"]["id.token.claim"] == "true"


def test_the_dev_realm_holds_two_clinicians_whose_profession_keycloak_keeps() -> None:
    representation = dev_realm(identity_url="http://127.0.0.1:8001")
    users = representation["users"]
    assert len(users) == 2
    for person in users:
        assert person["email"].endswith("@northside.example")
        assert person["emailVerified"] and person["enabled"]
        assert person["firstName"] and person["lastName"]
        assert person["attributes"]["profession"][0] in ("physician", "nurse")
        assert person["credentials"] == [
            {"type": "password", "value": DEV_USER_PASSWORD, "temporary": False}
        ]
    [provider] = representation["components"]["org.keycloak.userprofile.UserProfileProvider"]
    profile = json.loads(provider["config"]["kc.user.profile.config"][0])
    names = [attribute["name"] for attribute in profile["attributes"]]
    assert names == ["username", "email", "firstName", "lastName", "profession"]


def test_the_realm_file_is_the_same_text_for_the_same_realm() -> None:
    first = realm_file(dev_realm(identity_url="http://127.0.0.1:8001"))
    assert first == realm_file(dev_realm(identity_url="http://127.0.0.1:8001"))
    assert json.loads(first)["realm"] == DEV_REALM


def test_the_distribution_is_fetched_checked_and_unpacked_once(tmp_path: Path) -> None:
    body = _dist_zip()
    maven = FakeMaven(body, {"sha512": hashlib.sha512(body).hexdigest()})
    home = _fetch(tmp_path, maven)
    assert home == keycloak_home(version=VERSION, cache_dir=tmp_path)
    kc_sh = home / "bin" / "kc.sh"
    assert kc_sh.read_text() == FAKE_KC_SH
    assert os.access(kc_sh, os.X_OK), "the scripts keep their execute bits"
    assert not list(home.parent.glob("*.zip*")), "the archive goes once unpacked"
    assert maven.requests == [
        f"{artifact_url(VERSION, MAVEN)}.sha512",
        artifact_url(VERSION, MAVEN),
    ]

    maven.requests.clear()
    assert _fetch(tmp_path, maven) == home
    assert maven.requests == [], "a second call uses the cache"


def test_a_sha1_is_used_when_no_sha512_is_published(tmp_path: Path) -> None:
    body = _dist_zip()
    maven = FakeMaven(body, {"sha1": f"{hashlib.sha1(body).hexdigest()}  the.zip\n"})  # noqa: S324
    assert (_fetch(tmp_path, maven) / "bin" / "kc.sh").is_file()
    assert f"{artifact_url(VERSION, MAVEN)}.sha1" in maven.requests


def test_a_download_that_does_not_match_its_checksum_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    maven = FakeMaven(_dist_zip(), {"sha512": hashlib.sha512(b"something else").hexdigest()})
    with pytest.raises(RuntimeError, match="sha512"):
        _fetch(tmp_path, maven)
    root = keycloak_home(version=VERSION, cache_dir=tmp_path).parent
    assert sorted(path.name for path in root.iterdir()) == [".lock"]


def test_an_archive_entry_outside_its_folder_is_refused(tmp_path: Path) -> None:
    body = _dist_zip(extra={"../escaped.txt": b"no"})
    maven = FakeMaven(body, {"sha512": hashlib.sha512(body).hexdigest()})
    with pytest.raises(RuntimeError, match="refusing"):
        _fetch(tmp_path, maven)
    assert not (tmp_path / "escaped.txt").exists()
    assert not keycloak_home(version=VERSION, cache_dir=tmp_path).exists()


def test_the_distribution_is_built_once_for_its_build_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keycloak_dist, "java21_home", lambda: Path(sys.executable).parent.parent)
    body = _dist_zip()
    maven = FakeMaven(body, {"sha512": hashlib.sha512(body).hexdigest()})
    home = _fetch(tmp_path, maven, build=True)
    builds = home.parent / "builds.txt"
    assert builds.read_text().split() == [
        "build",
        "--db=dev-file",
        "--health-enabled=true",
    ]
    _fetch(tmp_path, maven, build=True)
    assert len(builds.read_text().splitlines()) == 1, "built once"

    monkeypatch.setattr(keycloak_dist, "BUILD_OPTIONS", {"db": "dev-file"})
    _fetch(tmp_path, maven, build=True)
    assert builds.read_text().splitlines()[-1] == "build --db=dev-file", "new options, new build"


def test_java21_sh_takes_a_java_home_that_is_new_enough(tmp_path: Path) -> None:
    java = tmp_path / "jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text("#!/bin/sh\necho '    java.specification.version = 21' >&2\n")
    java.chmod(0o755)
    found = subprocess.run(
        ["bash", str(REPO / "scripts" / "java21.sh")],
        env={**os.environ, "JAVA_HOME": str(tmp_path / "jdk")},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert found.stdout.strip() == str(java)


@pytest.mark.parametrize(
    ("env", "wanted"),
    [
        ({}, True),
        ({"HUDDLE_KEYCLOAK": "0"}, False),
        ({"HUDDLE_OIDC_ISSUER": "https://login.example.org/tenant/v2.0"}, False),
    ],
)
def test_keycloak_is_left_out_when_switched_off_or_an_external_issuer_is_named(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], wanted: bool
) -> None:
    monkeypatch.delenv("HUDDLE_KEYCLOAK", raising=False)
    monkeypatch.delenv("HUDDLE_OIDC_ISSUER", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert keycloak_wanted() is wanted


@pytest.fixture
def fake_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An unpacked stand-in distribution, and kc.sh run without looking for a Java."""
    body = _dist_zip()
    home = _fetch(tmp_path / "cache", FakeMaven(body, {"sha512": hashlib.sha512(body).hexdigest()}))

    def environment(extra: Mapping[str, str]) -> dict[str, str]:
        return {**os.environ, **extra, "PYTHON": sys.executable}

    monkeypatch.setattr(keycloak, "kc_env", environment)
    return home


def test_an_instance_has_a_home_of_its_own_with_the_realms_to_import(
    tmp_path: Path, fake_dist: Path
) -> None:
    instance = LocalKeycloak(
        tmp_path / "state",
        port=18180,
        management_port=19180,
        realms=[dev_realm(identity_url="http://127.0.0.1:8001")],
    )
    instance.prepare_home(fake_dist)
    home = tmp_path / "state" / "keycloak"
    assert instance.kc_sh == home / "bin" / "kc.sh"
    assert not instance.kc_sh.is_symlink(), "kc.sh takes its home from where it lies"
    for name in ("lib", "conf", "themes", "providers"):
        assert (home / name).resolve() == fake_dist / name
    imported = json.loads((home / "data" / "import" / f"{DEV_REALM}.json").read_text())
    assert imported["clients"][0]["clientId"] == DEV_CLIENT_ID
    command = instance.command()
    assert command[:3] == [str(instance.kc_sh), "start", "--optimized"]
    for option in (
        "--http-host=127.0.0.1",
        "--http-port=18180",
        "--hostname=http://127.0.0.1:18180",
        "--http-management-port=19180",
        "--cache=local",
        "--import-realm",
    ):
        assert option in command
    assert instance.issuer(DEV_REALM) == "http://127.0.0.1:18180/realms/huddle-dev"


def test_stop_ends_the_jvm_even_after_kc_sh_was_killed(tmp_path: Path, fake_dist: Path) -> None:
    instance = LocalKeycloak(
        tmp_path / "state", port=free_port(), management_port=free_port(), dist=fake_dist
    )
    assert instance.pid() is None
    script = instance.start()
    deadline = time.monotonic() + 30
    while (jvm := instance.jvm_pid()) is None:
        assert time.monotonic() < deadline, instance.log_path.read_text()
        time.sleep(0.05)
    assert instance.pid() == script

    os.kill(script, signal.SIGKILL)
    assert instance._started is not None
    instance._started.wait(10)
    assert instance.pid() == script, "its JVM still runs in its process group"
    assert instance.stop()
    assert instance.pid() is None
    assert (
        not Path(f"/proc/{jvm}").exists() or "State:\tZ" in Path(f"/proc/{jvm}/status").read_text()
    )
    assert not instance.stop(), "stopping what does not run is a no-op"
