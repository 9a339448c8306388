"""Where /sparql queries run: Oxigraph in worker processes, or a remote SPARQL server.

Both answer `run(text, results_format, graph_format, cap)` with a `Rendered` answer or raise
`QueryRefused` (the query is malformed), `QueryTimedOut` or `StoreError`.
"""
from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import urllib.error
import urllib.parse
import urllib.request

from kgraph.errors import KGraphError, QueryError, StoreError
from kgraph.serve.results import Rendered, render_boolean, render_solutions, render_triples

log = logging.getLogger(__name__)


class QueryRefused(QueryError):
    """The query is not valid SPARQL (or is an update, which this endpoint never runs)."""


class QueryTimedOut(QueryError):
    """The query ran longer than the endpoint's timeout and was stopped."""


class WorkerPool:
    """A few worker processes, each with the Oxigraph store open read-only; a query that
    overruns the timeout ends its worker, and a fresh one takes its place."""

    def __init__(self, selector: str, size: int = 2, timeout: float = 10.0) -> None:
        self.selector, self.size, self.timeout = selector, max(1, size), timeout
        self._idle: queue.Queue = queue.Queue()
        self._context = multiprocessing.get_context("spawn")
        self._closed = False

    def start(self) -> None:
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self):
        from kgraph.serve import worker

        parent, child = self._context.Pipe()
        process = self._context.Process(target=worker.main, args=(child, self.selector), daemon=True)
        process.start()
        child.close()
        if not parent.poll(120):
            process.kill()
            raise StoreError(f"the query worker for {self.selector} did not start")
        first = parent.recv()
        if first[0] != "ready":
            process.join(5)
            raise StoreError(first[1])
        return process, parent

    def _replace(self) -> None:
        try:
            if not self._closed:
                self._idle.put(self._spawn())
        except KGraphError:
            log.exception("could not start a query worker")

    def run(self, text: str, results_format: str, graph_format: str, cap: int) -> Rendered:
        try:
            process, conn = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimedOut(f"every query worker stayed busy for {self.timeout:g} s; try again") from None
        try:
            conn.send(("query", text, results_format, graph_format, cap))
            if not conn.poll(self.timeout):
                process.kill()
                process.join(5)
                conn.close()
                threading.Thread(target=self._replace, daemon=True).start()
                process = None
                raise QueryTimedOut(f"the query ran longer than {self.timeout:g} s and was stopped")
            reply = conn.recv()
        except (EOFError, OSError):
            process = None
            threading.Thread(target=self._replace, daemon=True).start()
            raise StoreError("the query worker stopped unexpectedly") from None
        finally:
            if process is not None:
                self._idle.put((process, conn))
        if reply[0] == "ok":
            return Rendered(*reply[1:])
        if reply[0] == "syntax":
            raise QueryRefused(f"SPARQL syntax error: {reply[1]}")
        raise StoreError(f"Oxigraph could not run the query: {reply[1]}")

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                process, conn = self._idle.get_nowait()
            except queue.Empty:
                return
            conn.close()
            process.kill()
            process.join(5)


class RemoteEngine:
    """A remote SPARQL 1.1 server: the query is forwarded, its answer re-rendered with the cap."""

    ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"

    def __init__(self, query_url: str, timeout: float = 10.0) -> None:
        self.query_url, self.timeout = query_url, timeout

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass

    def run(self, text: str, results_format: str, graph_format: str, cap: int) -> Rendered:
        import pyoxigraph as ox

        data = urllib.parse.urlencode({"query": text}).encode("utf-8")
        request = urllib.request.Request(self.query_url, data=data, headers={
            "Accept": self.ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media = response.headers.get_content_type()
                body = response.read()
        except urllib.error.HTTPError as error:
            detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
            if 400 <= error.code < 500:
                raise QueryRefused(f"the SPARQL server refused the query: {detail}") from None
            raise StoreError(f"the SPARQL server failed ({error.code}): {detail}") from None
        except TimeoutError:
            raise QueryTimedOut(f"the SPARQL server did not answer within {self.timeout:g} s") from None
        except (urllib.error.URLError, OSError) as error:
            if "timed out" in str(error):
                raise QueryTimedOut(f"the SPARQL server did not answer within {self.timeout:g} s") from None
            raise StoreError(f"cannot reach the SPARQL server at {self.query_url}: {error}") from None
        if media in ("application/sparql-results+json", "application/json"):
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if isinstance(parsed, ox.QueryBoolean):
                return render_boolean(bool(parsed), results_format)
            return render_solutions([v.value for v in parsed.variables], parsed, results_format, cap)
        upstream = ox.RdfFormat.from_media_type(media)
        if upstream is None:
            raise StoreError(f"the SPARQL server answered in {media}, which kgraph cannot read")
        triples = (quad.triple for quad in ox.parse(body, format=upstream))
        return render_triples(triples, graph_format, cap)
