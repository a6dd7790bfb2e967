"""The web console's local server: web/dist as static files, and the APIs under /api/<service>/.

`python -m huddle_devtools.devinfra.console_server --port 8080 --dist web/dist` (the dev stack
starts it; see console.py). It mirrors production's nginx (web/nginx.conf): the browser talks to
one origin, `/api/<service>/...` is passed to that service with the prefix removed (the public
paths only: /v1/..., /openapi.json, identity's discovery and JWKS), and every other path is a
file of the build, that path's `.html` (the sign-in callback, /signin/callback) or, for the
console's own routes, index.html. So no CORS is needed, here or in production.
"""

from __future__ import annotations

import argparse
import contextlib
import mimetypes
import os
import re
import sys
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

# Hop-by-hop headers (RFC 9110 7.6.1) are the connection's own, never forwarded.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
    }
)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# What the APIs expose through the console, as through the public Ingress
# (deploy/k8s/base/ingress.yaml) and web/nginx.conf: /health/* and /metrics are not passed on.
PUBLIC_PATH = re.compile(r"v1/.*|openapi\.json")
IDENTITY_PUBLIC_PATH = re.compile(
    r"v1/.*|openapi\.json|\.well-known/jwks\.json|\.well-known/openid-configuration"
)
# The feed's long poll waits up to 30 s (HUDDLE_FEED_MAX_WAIT_S); nginx's proxy_read_timeout
# is the same 60 s.
UPSTREAM_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


def _forwarded_headers(request: Request, prefix: str) -> list[tuple[str, str]]:
    headers = [(k, v) for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP]
    client = request.client.host if request.client else "127.0.0.1"
    headers += [
        ("x-forwarded-for", client),
        ("x-forwarded-proto", request.url.scheme),
        ("x-forwarded-host", request.headers.get("host", "")),
        ("x-forwarded-prefix", prefix),
    ]
    return headers


def create_app(dist: Path, upstreams: Mapping[str, str]) -> Starlette:
    """The console app: files from ``dist``, and ``/api/<name>/`` proxied to ``upstreams[name]``."""
    root = dist.resolve()
    client_box: dict[str, httpx.AsyncClient] = {}

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        async with httpx.AsyncClient(timeout=UPSTREAM_TIMEOUT) as client:
            client_box["client"] = client
            yield

    async def proxy(request: Request) -> Response:
        service = request.path_params["service"]
        upstream = upstreams.get(service)
        if upstream is None:
            return PlainTextResponse("No such API", status_code=404)
        public = IDENTITY_PUBLIC_PATH if service == "identity" else PUBLIC_PATH
        if not public.fullmatch(request.path_params["path"]):
            return PlainTextResponse("Not found", status_code=404)
        path = "/" + request.path_params["path"]
        url = httpx.URL(upstream + path, query=request.url.query.encode())
        outgoing = client_box["client"].build_request(
            request.method,
            url,
            headers=_forwarded_headers(request, f"/api/{service}"),
            content=await request.body(),
        )
        try:
            answer = await client_box["client"].send(outgoing, stream=True)
        except httpx.HTTPError:
            return PlainTextResponse(f"{service} does not answer", status_code=502)
        headers = {k: v for k, v in answer.headers.items() if k.lower() not in HOP_BY_HOP}
        return StreamingResponse(
            answer.aiter_raw(),
            status_code=answer.status_code,
            headers=headers,
            background=BackgroundTask(answer.aclose),
        )

    def build_file(relative: str) -> Path | None:
        """The build's file at ``relative``, else its ``.html`` (nginx: `$uri $uri.html`)."""
        if not relative:
            return None
        for name in (relative, f"{relative}.html"):
            candidate = (root / name).resolve()
            if candidate.is_file() and candidate.is_relative_to(root):
                return candidate
        return None

    async def static(request: Request) -> Response:
        candidate = build_file(request.path_params.get("path", ""))
        if candidate is not None:
            kind, _ = mimetypes.guess_type(candidate.name)
            # Hashed asset names change with their content: cached for good. index.html never.
            cache = (
                "public, max-age=31536000, immutable"
                if candidate.parent.name == "assets"
                else "no-cache"
            )
            return FileResponse(
                candidate,
                media_type=kind,
                headers={**SECURITY_HEADERS, "Cache-Control": cache},
            )
        index = root / "index.html"
        if not index.is_file():
            return PlainTextResponse("The console is not built: run `make up`", status_code=503)
        return FileResponse(
            index,
            media_type="text/html",
            headers={**SECURITY_HEADERS, "Cache-Control": "no-cache"},
        )

    async def health(_request: Request) -> Response:
        ready = (root / "index.html").is_file()
        return PlainTextResponse("ok" if ready else "not built", status_code=200 if ready else 503)

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    return Starlette(
        routes=[
            Route("/healthz", health, methods=["GET"]),
            Route("/api/{service}/{path:path}", proxy, methods=methods),
            Route("/{path:path}", static, methods=["GET", "HEAD"]),
        ],
        lifespan=lifespan,
    )


def _upstreams(pairs: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, url = pair.partition("=")
        if not sep or not url.startswith("http"):
            raise SystemExit(f"--upstream takes name=http://host:port, not {pair!r}")
        found[name] = url.rstrip("/")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m huddle_devtools.devinfra.console_server")
    parser.add_argument("--host", default=os.environ.get("HUDDLE_CONSOLE_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--dist", type=Path, required=True, help="the console's build (web/dist)")
    parser.add_argument(
        "--upstream",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="an API served under /api/NAME/ (repeat for each service)",
    )
    args = parser.parse_args(argv)
    app = create_app(args.dist, _upstreams(args.upstream))
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
