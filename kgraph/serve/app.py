"""The `kgraph serve` application: settings, the Starlette app, and running it with uvicorn.

    >>> from kgraph.serve import Settings, create_app
    >>> app = create_app(Settings("oxigraph:data/store"))  # doctest: +SKIP  (any ASGI server runs it)
"""
from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kgraph.serve.store import open_read_only

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
DEFAULT_BASE = "https://w3id.org/kgraph/"


@dataclass
class Settings:
    """What to serve and the limits of the public endpoint."""

    selector: str
    base: str = DEFAULT_BASE
    max_rows: int = 10_000
    timeout: float = 10.0
    max_query_bytes: int = 100_000
    workers: int = 2
    refresh: float = 2.0  # seconds between checks for a new build of an embedded store; 0: never

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            self.base += "/"


def create_app(settings: Settings) -> Starlette:
    """The ASGI app serving `settings.selector` read-only; a missing store raises StoreError now."""
    from kgraph.serve import endpoint, pages
    from kgraph.serve.engine import WorkerPool

    open_read_only(settings.selector).close()  # a missing store is an error now, not in the workers
    engine = WorkerPool(settings.selector, settings.workers, settings.timeout)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        import anyio
        await anyio.to_thread.run_sync(engine.start, settings.refresh)
        try:
            yield
        finally:
            engine.close()

    routes = [
        Route("/", pages.home),
        Route("/search", pages.search),
        Route("/query", pages.query_page),
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Route("/void", pages.void),
        Route("/healthz", pages.healthz),
        Route("/id/{rest:path}", pages.entity),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                             allow_headers=["Accept", "Content-Type"],
                             expose_headers=["X-KGraph-Rows", "X-KGraph-Row-Cap", "X-KGraph-Truncated"])]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers=pages.EXCEPTION_HANDLERS)
    app.state.settings, app.state.engine, app.state.cache = settings, engine, {}
    return app


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted (uvicorn)."""
    import uvicorn

    app = create_app(settings)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
