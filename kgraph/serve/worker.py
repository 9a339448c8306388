"""A child process that answers SPARQL queries on the store opened read-only.

Queries run here, not in the web server, so one that runs past the timeout is stopped by
ending this process (Oxigraph cannot interrupt a running query). Messages over the pipe:
("query", text, results_format, graph_format, cap) in; ("ok", body, media_type, rows,
truncated), ("syntax", message) or ("error", message) out. The first message out is
("ready",) once the store is open, or ("error", message) if it cannot be opened.
"""
from __future__ import annotations

from multiprocessing.connection import Connection


def main(conn: Connection, selector: str) -> None:
    """Open the store and answer queries until the pipe closes."""
    from kgraph.errors import KGraphError
    from kgraph.serve.store import native_store

    try:
        store = native_store(selector)
    except KGraphError as error:
        conn.send(("error", str(error)))
        return
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(store, *message[1:]))


def answer(store, text: str, results_format: str, graph_format: str, cap: int) -> tuple:
    """Run one query on a pyoxigraph Store and render it; errors become messages."""
    import pyoxigraph as ox

    from kgraph.serve.results import render_boolean, render_solutions, render_triples

    try:
        result = store.query(text, use_default_graph_as_union=True)
        if isinstance(result, ox.QuerySolutions):
            rendered = render_solutions([v.value for v in result.variables], result, results_format, cap)
        elif isinstance(result, ox.QueryBoolean):
            rendered = render_boolean(bool(result), results_format)
        else:
            rendered = render_triples(result, graph_format, cap)
    except SyntaxError as error:
        return ("syntax", str(error))
    except (OSError, ValueError, RuntimeError) as error:
        return ("error", str(error))
    return ("ok", rendered.body, rendered.media_type, rendered.rows, rendered.truncated)
