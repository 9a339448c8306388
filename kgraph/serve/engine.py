"""Where the server's store work runs: worker processes (kgraph.serve.worker) that query the
embedded store, or forward to a remote SPARQL server (RemoteEngine, used inside a worker).

`run(text, results_format, graph_format, cap)` answers a /sparql query with a `Rendered`
answer, `call(task, *args)` runs a page task; both raise `QueryRefused` (the query is
malformed), `QueryTimedOut` or `StoreError`.
"""
from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
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
    """A few worker processes, each with the store open read-only, doing all of the server's
    store work: a request that overruns the timeout ends its worker, and a fresh one takes its
    place. `reload()` replaces every worker with one opened afresh (an embedded store's
    read-only open is a snapshot); `start(refresh)` does so whenever a build changed the store."""

    def __init__(self, selector: str, size: int = 2, timeout: float = 10.0) -> None:
        self.selector, self.size, self.timeout = selector, max(1, size), timeout
        self.generation = 0  # bumped by each reload; answers cached under an older one are stale
        self._idle: queue.Queue = queue.Queue()
        self._context = multiprocessing.get_context("spawn")
        self._closed = threading.Event()
        self._reloading = threading.Lock()

    def start(self, refresh: float = 0.0) -> None:
        """Start the workers; with `refresh` > 0 (an embedded store), check every `refresh`
        seconds whether a build changed the store, and reload when it did."""
        watcher = None
        if refresh > 0 and self.selector.startswith("oxigraph:"):
            from kgraph.serve.freshness import BuildWatcher
            watcher = BuildWatcher(self.selector)  # before the workers open: none misses a build
        for _ in range(self.size):
            self._idle.put((*self._spawn(), self.generation))
        if watcher is not None:
            threading.Thread(target=self._watch, args=(watcher, refresh), daemon=True, name="kgraph-watch").start()

    def _spawn(self):
        from kgraph.serve import worker

        parent, child = self._context.Pipe()
        process = self._context.Process(target=worker.main, args=(child, self.selector, self.timeout), daemon=True)
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

    def _replace(self, generation: int) -> None:
        """A fresh worker for one that was ended, unless a reload replaced its generation."""
        try:
            if not self._closed.is_set() and generation == self.generation:
                self._idle.put((*self._spawn(), generation))
        except KGraphError:
            log.exception("could not start a query worker")

    def reload(self) -> None:
        """Replace every worker by one that opens the store now; busy ones finish first."""
        with self._reloading:
            fresh = [self._spawn() for _ in range(self.size)]
            self.generation += 1
            for process, conn in fresh:
                self._idle.put((process, conn, self.generation))
            kept = []
            while True:
                try:
                    kept.append(self._idle.get_nowait())
                except queue.Empty:
                    break
            for item in kept:
                self._give_back(item)

    def _give_back(self, item) -> None:
        process, conn, generation = item
        if generation == self.generation and not self._closed.is_set():
            self._idle.put(item)
        else:
            _end(process, conn)

    def _checkout(self):
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                item = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise QueryTimedOut(f"every query worker stayed busy for {self.timeout:g} s; try again") from None
            if item[2] == self.generation:
                return item
            _end(item[0], item[1])

    def _ask(self, message: tuple):
        """Send `message` to an idle worker and return its answer within the timeout."""
        item = self._checkout()
        process, conn, generation = item
        try:
            conn.send(message)
            if not conn.poll(self.timeout):
                _end(process, conn)
                threading.Thread(target=self._replace, args=(generation,), daemon=True).start()
                item = None
                raise QueryTimedOut(f"the request ran longer than {self.timeout:g} s and was stopped")
            reply = conn.recv()
        except (EOFError, OSError):
            item = None
            threading.Thread(target=self._replace, args=(generation,), daemon=True).start()
            raise StoreError("the query worker stopped unexpectedly") from None
        finally:
            if item is not None:
                self._give_back(item)
        if reply[0] == "ok":
            return reply[1]
        if reply[0] == "syntax":
            raise QueryRefused(reply[1])
        if reply[0] == "timeout":
            raise QueryTimedOut(reply[1])
        raise StoreError(reply[1])

    def run(self, text: str, results_format: str, graph_format: str, cap: int,
            dataset: tuple[list[str], list[str]] | None = None) -> Rendered:
        """A /sparql query, rendered; `dataset` is the protocol's (default graphs, named graphs)."""
        return self._ask(("query", text, results_format, graph_format, cap, dataset))

    def call(self, task: str, *args):
        """A page task of kgraph.serve.tasks, run on the worker's store."""
        return self._ask(("call", task, args))

    def _watch(self, watcher, every: float) -> None:
        while not self._closed.wait(every):
            try:
                if watcher.changed():
                    log.info("the store at %s has a new build: reopening it", self.selector)
                    try:
                        self.reload()
                    except KGraphError:
                        watcher.forget()  # try again next time
                        raise
            except KGraphError as error:  # a build may be rewriting it: try again next time
                log.warning("could not check the store for a new build: %s", error)

    def close(self) -> None:
        self._closed.set()
        while True:
            try:
                process, conn, _ = self._idle.get_nowait()
            except queue.Empty:
                return
            _end(process, conn)


def _end(process, conn) -> None:
    conn.close()
    process.kill()
    process.join(5)


class RemoteEngine:
    """A remote SPARQL 1.1 server: the query is forwarded, its answer re-rendered with the cap."""

    ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"

    def __init__(self, query_url: str, timeout: float = 10.0) -> None:
        self.query_url, self.timeout = query_url, timeout

    def run(self, text: str, results_format: str, graph_format: str, cap: int,
            dataset: tuple[list[str], list[str]] | None = None) -> Rendered:
        import pyoxigraph as ox

        fields = [("query", text)]
        if dataset is not None:
            fields += [("default-graph-uri", g) for g in dataset[0]] + [("named-graph-uri", g) for g in dataset[1]]
        data = urllib.parse.urlencode(fields).encode("utf-8")
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
