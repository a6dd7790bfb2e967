"""Keycloak's server distribution, fetched once from Maven Central into the Huddle cache.

``org.keycloak:keycloak-quarkus-dist`` is a zip of about 170 MB. It is downloaded with its
checksum from Maven Central (``.sha512``, else ``.sha1``), unpacked into
``<cache>/keycloak-<version>/dist`` and then built once (``kc.sh build``) with the options that
every local Keycloak of the project shares, so each start can skip Quarkus' re-augmentation
(``start --optimized``). Each step leaves a marker file only when complete and runs under a
lock: a test session and `make up` may race on a cold cache. A new version gets a folder of its
own; new build options rebuild the folder in place, so stop the Keycloaks that run from it
first. Like the Kafka jars, nothing here is kept in the repository.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import httpx

from huddle_devtools.devinfra.java import java21_home
from huddle_devtools.devinfra.kafka import _default_cache_dir

KEYCLOAK_VERSION = "26.7.3"
MAVEN_CENTRAL = "https://repo1.maven.org/maven2"
_ARTIFACT_PATH = "org/keycloak/keycloak-quarkus-dist/{v}/keycloak-quarkus-dist-{v}.zip"

# Build-time options, baked into the distribution by `kc.sh build`; a start with --optimized
# must not name any other value. The file database needs no server (its data lives in each
# instance's data directory); health turns on the management port's /health/ready.
BUILD_OPTIONS: Mapping[str, str] = {
    "db": "dev-file",
    "health-enabled": "true",
}


def keycloak_root(*, version: str = KEYCLOAK_VERSION, cache_dir: Path | None = None) -> Path:
    """``<cache>/keycloak-<version>``: the unpacked distribution lives in its ``dist``."""
    base = cache_dir if cache_dir is not None else _default_cache_dir()
    return base.expanduser().resolve() / f"keycloak-{version}"


def keycloak_home(*, version: str = KEYCLOAK_VERSION, cache_dir: Path | None = None) -> Path:
    """Where ensure_keycloak() puts (or has put) the distribution, without fetching anything."""
    return keycloak_root(version=version, cache_dir=cache_dir) / "dist"


def artifact_url(version: str, repository: str = MAVEN_CENTRAL) -> str:
    return f"{repository.rstrip('/')}/{_ARTIFACT_PATH.format(v=version)}"


def build_stamp() -> str:
    """What the marker of a finished `kc.sh build` says: its options, one per line."""
    return "".join(f"{key}={value}\n" for key, value in sorted(BUILD_OPTIONS.items()))


def ensure_keycloak(
    *,
    version: str = KEYCLOAK_VERSION,
    cache_dir: Path | None = None,
    repository: str = MAVEN_CENTRAL,
    client: httpx.Client | None = None,
    build: bool = True,
) -> Path:
    """Fetch and unpack the distribution once, build it once; return its home directory."""
    root = keycloak_root(version=version, cache_dir=cache_dir)
    home = root / "dist"
    unpacked = root / ".complete"
    built = root / ".built"
    if unpacked.is_file() and (not build or _read(built) == build_stamp()):
        return home
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root / ".lock"):
        if not unpacked.is_file():
            _log(f"downloading Keycloak {version} from {repository} (about 170 MB, once)")
            archive = root / f"keycloak-quarkus-dist-{version}.zip"
            with _client(client) as http:
                download_verified(http, artifact_url(version, repository), archive)
            _unpack(archive, root=root, home=home)
            archive.unlink()
            built.unlink(missing_ok=True)
            unpacked.write_text(f"keycloak-quarkus-dist {version}\n")
        if build and _read(built) != build_stamp():
            _build(home)
            built.write_text(build_stamp())
    return home


def download_verified(client: httpx.Client, url: str, dest: Path) -> None:
    """Download url to dest, checked against Maven's .sha512 (else .sha1) of it if published.

    Written to a ``.partial`` file renamed at the end, so an interrupted download never looks
    complete; a checksum that does not match is an error, and the file is removed.
    """
    algorithm, expected = _published_checksum(client, url)
    digest = hashlib.new(algorithm or "sha512")
    partial = dest.with_name(dest.name + ".partial")
    try:
        with client.stream("GET", url) as response:
            response.raise_for_status()
            with partial.open("wb") as out:
                for chunk in response.iter_bytes(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
        if expected is not None and digest.hexdigest() != expected:
            raise RuntimeError(
                f"{url}: {algorithm} is {digest.hexdigest()}, Maven Central says {expected}"
            )
        if expected is None:
            _log(f"{url}: no checksum published; sha512 of the download {digest.hexdigest()}")
        partial.rename(dest)
    finally:
        partial.unlink(missing_ok=True)


def _published_checksum(client: httpx.Client, url: str) -> tuple[str | None, str | None]:
    for algorithm in ("sha512", "sha1"):
        response = client.get(f"{url}.{algorithm}")
        if response.status_code == 404:
            continue
        response.raise_for_status()
        # Maven's checksum files hold the hex digest, sometimes followed by the file's name.
        words = response.text.split()
        if words:
            return algorithm, words[0].lower()
    return None, None


def _unpack(archive: Path, *, root: Path, home: Path) -> None:
    """Unpack the zip's one top-level folder as home, keeping the scripts' execute bits."""
    staging = root / "unpack.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts:
                raise RuntimeError(f"{archive}: refusing the entry {info.filename!r}")
            zipped.extract(info, staging)
            mode = (info.external_attr >> 16) & 0o777
            if mode and not info.is_dir():
                (staging / name).chmod(mode | stat.S_IRUSR)
    tops = list(staging.iterdir())
    if len(tops) != 1 or not (tops[0] / "bin" / "kc.sh").is_file():
        shutil.rmtree(staging, ignore_errors=True)
        raise RuntimeError(f"{archive} is not a Keycloak distribution (no <top>/bin/kc.sh)")
    shutil.rmtree(home, ignore_errors=True)
    tops[0].rename(home)
    staging.rmdir()


def _build(home: Path) -> None:
    _log(f"building Keycloak in {home} once ({', '.join(BUILD_OPTIONS)}; about a minute)")
    log_path = home.parent / "build.log"
    with log_path.open("wb") as log:
        result = subprocess.run(
            [
                str(home / "bin" / "kc.sh"),
                "build",
                *(f"--{key}={value}" for key, value in BUILD_OPTIONS.items()),
            ],
            env=kc_env(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=900,
            check=False,
        )
    if result.returncode != 0:
        tail = log_path.read_text(errors="replace")[-4000:]
        raise RuntimeError(f"kc.sh build failed (exit {result.returncode}); {log_path}:\n{tail}")


def kc_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for kc.sh: a Java >= 21 as JAVA_HOME, and no KC_* of the caller's."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KC_")}
    env["JAVA_HOME"] = str(java21_home())
    env.update(extra or {})
    return env


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


@contextmanager
def _client(client: httpx.Client | None) -> Iterator[httpx.Client]:
    if client is not None:
        yield client
        return
    timeout = httpx.Timeout(30.0, read=120.0)
    with httpx.Client(timeout=timeout, follow_redirects=True) as owned:
        yield owned


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except OSError:
        return None


def _log(message: str) -> None:
    print(f"Keycloak: {message}", file=sys.stderr, flush=True)
