"""The B5 baseline: a bare FastAPI endpoint doing one asyncpg insert, served like the services.

``python -m bench.bare`` runs it with the same ``uvicorn.run`` call as ``huddle_shared.cli``
(factory app, one process, uvloop and httptools where installed, no access log), reading
``HUDDLE_DATABASE_URL``, ``HUDDLE_HOST`` and ``HUDDLE_PORT``. No auth, no middleware, no ORM:
it is the floor under what a command endpoint can cost on this stack.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

POOL_SIZE = 10  # the services' default HUDDLE_DATABASE_POOL_SIZE (+ the same overflow)


class Body(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    care_setting: str = "primary_care_clinic"
    description: str = ""


def create_app() -> FastAPI:
    url = os.environ["HUDDLE_DATABASE_URL"]
    state: dict[str, asyncpg.Pool] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = await asyncpg.create_pool(url, min_size=POOL_SIZE, max_size=2 * POOL_SIZE)
        assert pool is not None
        await pool.execute(
            "CREATE TABLE IF NOT EXISTS bare_rows (id uuid PRIMARY KEY, body jsonb NOT NULL)"
        )
        state["pool"] = pool
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(lifespan=lifespan)

    @app.post("/bare", status_code=201)
    async def insert(body: Body) -> JSONResponse:
        row_id = uuid.uuid4()
        await state["pool"].execute(
            "INSERT INTO bare_rows (id, body) VALUES ($1, $2)",
            row_id,
            json.dumps(body.model_dump()),
        )
        return JSONResponse({"id": str(row_id)}, status_code=201)

    @app.get("/health/ready")
    async def ready() -> dict[str, str]:
        return {"status": "ok"}

    return app


if __name__ == "__main__":
    uvicorn.run(
        "bench.bare:create_app",
        factory=True,
        host=os.environ.get("HUDDLE_HOST", "127.0.0.1"),
        port=int(os.environ["HUDDLE_PORT"]),
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=20,
    )
