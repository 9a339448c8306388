"""A child process that does all of the server's store work on the store opened read-only.

Every request that reaches the store runs here, not in the web server: /sparql queries and
the page tasks of kgraph.serve.tasks alike, so one that runs past the timeout is stopped by
ending this process (Oxigraph cannot interrupt a running query, nor a thread be stopped).
Messages over the pipe: ("query", text, results_format, graph_format, cap, dataset) and
("call", task, args) in; ("ok", value), ("syntax", message), ("timeout", message) or
("error", message) out. The first message out is ("ready",) once the store is open, or
("error", message) if it cannot be opened.
"""
from __future__ import annotations

import logging
from multiprocessing.connection import Connection

log = logging.getLogger(__name__)


def main(conn: Connection, selector: str, timeout: float) -> None:
    """Open the store and answer until the pipe closes."""
    from kgraph.errors import KGraphError
    from kgraph.serve.store import open_read_only

    try:
        store = open_read_only(selector)
        if not selector.startswith("oxigraph:"):  # a remote server: answer within the timeout
            store.timeout = timeout
    except KGraphError as error:
        conn.send(("error", str(error)))
        return
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(handle(store, timeout, message))


def handle(store, timeout: float, message: tuple) -> tuple:
    """One message's reply; errors become messages, so the worker lives on."""
    from kgraph.errors import KGraphError, StoreTimeout
    from kgraph.serve.engine import QueryRefused, QueryTimedOut
    from kgraph.serve.tasks import TASKS

    try:
        if message[0] == "query":
            return ("ok", query(store, timeout, *message[1:]))
        return ("ok", TASKS[message[1]](store, *message[2]))
    except QueryTimedOut as error:
        return ("timeout", str(error))
    except QueryRefused as error:
        return ("syntax", str(error))
    except StoreTimeout as error:
        return ("timeout", str(error))
    except KGraphError as error:
        return ("error", str(error))
    except Exception as error:  # noqa: BLE001 - a bug in one page must not end the worker
        log.exception("a serve task failed")
        return ("error", f"kgraph failed on this request ({type(error).__name__}: {error}); please report this")


def query(store, timeout: float, text: str, results_format: str, graph_format: str, cap: int,
          dataset: tuple[list[str], list[str]] | None = None):
    """Run one /sparql query and render it (a Rendered answer)."""
    import pyoxigraph as ox

    from kgraph.serve.engine import QueryRefused, RemoteEngine
    from kgraph.serve.results import render_boolean, render_solutions, render_triples

    native = getattr(store, "_store", None)
    if native is None:
        return RemoteEngine(store.query_url, timeout).run(text, results_format, graph_format, cap, dataset)
    options: dict = {"use_default_graph_as_union": True}
    if dataset is not None:
        default, named = dataset
        # the protocol's dataset replaces the union: the default graph is the merge of
        # `default` (empty when only named graphs are given), GRAPH sees only `named`
        options = {"default_graph": [ox.NamedNode(g) for g in default] or ox.DefaultGraph(),
                   "named_graphs": [ox.NamedNode(g) for g in named]}
    try:
        result = native.query(text, **options)
        if isinstance(result, ox.QuerySolutions):
            return render_solutions([v.value for v in result.variables], result, results_format, cap)
        if isinstance(result, ox.QueryBoolean):
            return render_boolean(bool(result), results_format)
        return render_triples(result, graph_format, cap)
    except SyntaxError as error:
        raise QueryRefused(f"SPARQL syntax error: {error}") from None
    except (OSError, ValueError, RuntimeError) as error:
        from kgraph.errors import StoreError
        raise StoreError(f"Oxigraph could not run the query: {error}") from None
