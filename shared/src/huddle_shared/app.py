"""The one way every Huddle service builds its FastAPI app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Literal

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from huddle_shared import metrics
from huddle_shared.middleware import (
    MetricsMiddleware,
    RequestContextMiddleware,
    RequestGuardMiddleware,
    SecurityHeadersMiddleware,
)
from huddle_shared.openapi import install_contract, problem
from huddle_shared.problems import (
    PROBLEM_JSON,
    PROBLEM_TYPE_BASE,
    install_problem_handlers,
    problem_response,
)
from huddle_shared.runtime import ServiceRuntime

health = APIRouter(tags=["operations"])


class Liveness(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"]


class Readiness(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "checks": {"database": "ok", "migrations": "ok", "consumers": "ok"},
                }
            ]
        }
    )

    status: Literal["ok"]
    checks: dict[str, str] = Field(description="Each check and its result ('ok' when it passed)")


_NOT_READY = problem(503, "Not ready: the problem's `checks` name the failing check")
_NOT_READY["content"][PROBLEM_JSON]["example"] = {
    "type": PROBLEM_TYPE_BASE + "not-ready",
    "title": "Not ready",
    "status": 503,
    "detail": "database: unreachable",
    "checks": {"database": "unreachable", "migrations": "ok", "consumers": "ok"},
}


@health.get(
    "/health/live", response_model=Liveness, operation_id="read_liveness", summary="Liveness"
)
async def live() -> dict[str, str]:
    """Answers as long as the event loop runs (the probe that restarts a hung process)."""
    return {"status": "ok"}


@health.get(
    "/health/ready",
    response_model=Readiness,
    operation_id="read_readiness",
    summary="Readiness",
    responses={503: _NOT_READY},
)
async def ready(request: Request) -> JSONResponse:
    """The service can do its work: database reachable, migrations current, consumers
    connected (the probe that routes traffic to an instance)."""
    runtime: ServiceRuntime = request.app.state.runtime
    checks = await runtime.readiness()
    ok = all(v == "ok" for v in checks.values())
    metrics.READY.set(1 if ok else 0)
    if ok:
        return JSONResponse({"status": "ok", "checks": checks})
    return problem_response(
        status=503,
        title="Not ready",
        detail="; ".join(f"{k}: {v}" for k, v in checks.items() if v != "ok"),
        code="not-ready",
        checks=checks,
    )


@health.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
async def prometheus_metrics(request: Request) -> Response:
    # Readiness is refreshed at every scrape, so huddle_ready never goes stale between probes.
    runtime: ServiceRuntime = request.app.state.runtime
    checks = await runtime.readiness()
    ok = all(v == "ok" for v in checks.values())
    metrics.READY.set(1 if ok else 0)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def create_service_app(
    *,
    runtime: ServiceRuntime,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    allowed_content_types: Iterable[str] = ("application/json", "application/merge-patch+json"),
) -> FastAPI:
    settings = runtime.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()

    app = FastAPI(
        title=title,
        description=description,
        version="1.0.0",
        lifespan=lifespan,
        openapi_url="/openapi.json",
    )
    app.state.runtime = runtime
    app.state.token_verifier = runtime.verifier
    install_problem_handlers(app)
    app.include_router(health)
    for router in routers:
        app.include_router(router)
    install_contract(app, without_database={"/health/live"})
    # Outermost last: security headers wrap everything, including the guard's own answers.
    app.add_middleware(
        RequestGuardMiddleware,
        max_body_bytes=settings.max_body_bytes,
        allowed_content_types=allowed_content_types,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "Idempotency-Key",
                "X-Request-ID",
            ],
            expose_headers=["ETag", "Location", "X-Request-ID"],
        )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(MetricsMiddleware, service=settings.service_name)
    app.add_middleware(RequestContextMiddleware)
    return app
