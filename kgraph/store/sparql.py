"""Any SPARQL 1.1 server: queries with SPARQLWrapper, updates with SPARQL Update.

The server must answer queries over the union of its named graphs (Oxigraph:
`oxigraph serve --union-default-graph`; Virtuoso does so by default). Bindings travel
as a VALUES block rendered from RDF terms. Servers that silently cap result sizes
(Virtuoso: 10,000 rows by default, 2^20 at most) are detected: a result whose size is
such a cap, or one Virtuoso marks as cut short by its time limit (`X-SQL-State: S1TAT`),
raises instead of being trusted. A bulk read asks once for the whole answer and pages with
ORDER BY + LIMIT/OFFSET only when the server cuts it (then every later bulk read pages): a
sort per page costs seconds on a large store, so a server without a cap is never paged.

A graph is written with one SPARQL 1.1 Graph Store Protocol PUT where the server has one
(Oxigraph's `/store`, Virtuoso's `/sparql-graph-crud`): atomic, and nothing else is ever
visible. Elsewhere a large graph is staged in chunks in a scratch graph that says what it
stages (`kg:stagingFor`), moved over the target in one step; `cleanup_staging` drops what a
killed writer left behind, and the build calls it first.
"""
from __future__ import annotations

import json
import logging
import os
import re
import socket
import urllib.parse
import urllib.request
from typing import Iterable, Iterator, Mapping
from urllib.error import HTTPError, URLError

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kgraph.errors import KGraphError, QueryError, ResultTruncated, StoreError, StoreTimeout
from kgraph.store.base import GraphData, Quad, Rows, Term, Triple, bind, insert_text, iri_text, ntriples

log = logging.getLogger(__name__)
DISTINCT = re.compile(r"^\s*SELECT\s+DISTINCT\b", re.I | re.M)
KNOWN_CAPS = {10_000, 100_000, 1_000_000, 1 << 20}
# A query's prologue (comments, PREFIX and BASE declarations) and the SELECT after it, so the
# SELECT can be wrapped in a COUNT; bound VALUES blocks sit inside the SELECT and go with it
PROLOGUE = re.compile(r"^(?P<prologue>(?:\s*(?:#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>))*)\s*"
                      r"(?P<select>SELECT\b.*)$", re.I | re.S)
PAGE = 10_000 - 1  # below Virtuoso's default cap, so a full page is never mistaken for truncation
CHUNK = 2_000  # triples per INSERT DATA: Virtuoso's SPARQL compiler runs out of memory on much larger ones
DEFAULT_TIMEOUT = 60.0
USER_AGENT = "kgraph/0.1 (knowledge graph of Korean films and series)"
STAGING_FOR = URIRef("https://w3id.org/kgraph/ontology#stagingFor")
STAGING_QUERY = "SELECT ?g WHERE { GRAPH ?g { ?g ?stagingFor ?target } }"
NAMED_GRAPHS = "SELECT ?g WHERE { GRAPH ?g { } }"
GRAPHS_BY_SCAN = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def timeout_setting(value: float | str | None = None) -> float:
    """Seconds to wait for a server: `value`, else $KGRAPH_SPARQL_TIMEOUT, else 60."""
    raw = value if value is not None else os.environ.get("KGRAPH_SPARQL_TIMEOUT", DEFAULT_TIMEOUT)
    try:
        seconds = float(raw)
    except (TypeError, ValueError):
        raise StoreError(f"KGRAPH_SPARQL_TIMEOUT={raw!r}: expected a number of seconds") from None
    if not 0 < seconds < 1e6:
        raise StoreError(f"the SPARQL timeout must be a positive number of seconds, not {raw!r}")
    return seconds


def graph_store_url(query_url: str) -> str | None:
    """The Graph Store Protocol endpoint beside a query endpoint, where the layout is known."""
    if query_url.endswith("/query"):
        return query_url[: -len("/query")] + "/store"
    if query_url.endswith("/sparql"):
        return query_url + "-graph-crud"
    return None


def from_json(value: dict | None) -> Term | None:
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise StoreError(f"unknown term type in SPARQL JSON results: {kind!r}")


class SparqlStore:
    """A remote SPARQL 1.1 endpoint: `sparql+http://host:port/query`."""

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float | str | None = None,
                 read_only: bool = False, store_url: str | None = None) -> None:
        self.query_url = query_url
        self.update_url = update_url or (query_url[: -len("/query")] + "/update"
                                         if query_url.endswith("/query") else query_url)
        self.store_url = store_url or graph_store_url(query_url)  # None once the server has none
        self.selector = f"sparql+{query_url}"
        self.timeout = timeout_setting(timeout)
        self.read_only = read_only
        self.cuts_results = False  # True once the server has cut a result: bulk reads then page

    def _wrapper(self, text: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url, agent=USER_AGENT)
        wrapper.setTimeout(int(self.timeout) or 1)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setQuery(text)
        return wrapper

    def _unreachable(self, url: str, error: BaseException) -> StoreError:
        reason = getattr(error, "reason", error)
        if isinstance(reason, (socket.timeout, TimeoutError)) or "timed out" in str(error):
            return StoreTimeout(f"the SPARQL server at {url} timed out: no answer within {self.timeout:g} s "
                                "(set KGRAPH_SPARQL_TIMEOUT to wait longer, and the server's own query timeout "
                                "so abandoned queries stop there too)")
        return StoreError(f"cannot reach the SPARQL server at {url}: {_short(error)}")

    def _query_json(self, query: str) -> dict:
        try:
            response = self._wrapper(query).query()
            headers = response.response.headers
            if headers.get("X-SQL-State", "").strip() == "S1TAT":  # Virtuoso's "anytime" answer
                message = " ".join(headers.get("X-SQL-Message", "").split())[:300]
                raise ResultTruncated(f"the server at {self.query_url} returned incomplete results, cut "
                                      f"short by its query time limit ({message}); raise that limit")
            return json.loads(response.response.read().decode("utf-8"))
        except SPARQLWrapperException as error:
            raise QueryError(f"the server at {self.query_url} refused the query: {_short(error)}") from None
        except (URLError, OSError) as error:
            raise self._unreachable(self.query_url, error) from None
        except ValueError as error:
            raise StoreError(f"the server at {self.query_url} did not answer in SPARQL JSON: {_short(error)}") from None

    def graphs(self) -> list[str]:
        """Every named graph: enumerated directly where the server can (`GRAPH ?g {}`), else by a scan."""
        graphs = [r[0] for r in self.select_all(NAMED_GRAPHS, order="?g").rows if isinstance(r[0], URIRef)]
        if not graphs:  # Virtuoso answers `GRAPH ?g {}` with one unbound row
            graphs = [r[0] for r in self.select_all(GRAPHS_BY_SCAN, order="?g").rows if isinstance(r[0], URIRef)]
        return sorted(map(str, graphs))

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.replace_graphs([GraphData.of(graph, triples)])

    def replace_graphs(self, graphs: Iterable[GraphData]) -> None:
        """Each graph with one Graph Store Protocol PUT where the server has one; else one update
        for a small graph, and a large one staged in chunks in a scratch graph and moved over the
        target in one step, so a failure leaves the target as it was."""
        for data in graphs:
            if data.count and self.store_url and self._put(data):
                continue
            if data.count <= CHUNK:
                self.update(insert_text(data.graph, data.ntriples))
                continue
            self._staged(data)

    def _staged(self, data: GraphData) -> None:
        staging = f"{data.graph}#kgraph-staging"
        scratch, target = iri_text(staging, StoreError), iri_text(data.graph, StoreError)
        self.update(f"DROP SILENT GRAPH {scratch}")
        try:
            marker = ntriples([(URIRef(staging), STAGING_FOR, URIRef(data.graph))])
            self.update(insert_text(staging, marker, replace=False))
            for chunk in data.chunks(CHUNK):
                self.update(insert_text(staging, chunk, replace=False))
            unmark = f"DELETE DATA {{ GRAPH {scratch} {{ {marker.strip()} }} }}"
            self.update(f"{unmark} ;\nMOVE SILENT GRAPH {scratch} TO GRAPH {target}")
        except KGraphError:
            self.update(f"DROP SILENT GRAPH {scratch}")
            raise

    def _put(self, data: GraphData) -> bool:
        """Replace a graph with one Graph Store Protocol PUT; False when the server has no such endpoint."""
        if self.read_only:
            raise StoreError(f"the store {self.selector} is open read-only; this command cannot change it")
        graph = data.graph
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph})}"
        request = urllib.request.Request(url, data=data.ntriples.encode("utf-8"), method="PUT", headers={
            "Content-Type": "application/n-triples", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
            return True
        except HTTPError as error:
            if error.code in (404, 405, 501):
                log.info("no Graph Store Protocol at %s (HTTP %s); using SPARQL Update", self.store_url, error.code)
                self.store_url = None
                return False
            detail = error.read()[:300].decode("utf-8", "replace")
            raise StoreError(f"the server at {self.store_url} refused to store graph {graph}: "
                             f"HTTP {error.code} {_short(Exception(detail))}") from None
        except (URLError, OSError) as error:
            raise self._unreachable(self.store_url or self.query_url, error) from None

    def cleanup_staging(self) -> list[str]:
        """Drop scratch graphs a killed or failed writer left behind; returns their IRIs."""
        rows = self.select_all(STAGING_QUERY, {"stagingFor": STAGING_FOR}, order="?g")
        left = {str(g) for (g,) in rows.rows if isinstance(g, URIRef)}
        left |= {g for g in self.graphs() if g.endswith("#kgraph-staging")}
        for graph in sorted(left):
            self.remove_graph(graph)
        return sorted(left)

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {iri_text(graph, StoreError)}")

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        text = bind(query, bindings)
        data = self._query_json(text)
        if "results" not in data:
            raise QueryError("expected a SELECT query")
        variables = data["head"].get("vars", [])
        rows = [tuple(from_json(b.get(v)) for v in variables) for b in data["results"]["bindings"]]
        if len(rows) in KNOWN_CAPS and self._count(text) != len(rows):
            raise ResultTruncated(
                f"the server returned exactly {len(rows)} rows, a size servers truncate results to, "
                "and counts more; the answer is incomplete. Add LIMIT/OFFSET paging to the query or "
                "raise the server's result limit")
        if DISTINCT.search(query):  # Virtuoso repeats equal language-tagged literals stored in two graphs
            rows = list(dict.fromkeys(rows))
        return Rows(variables, rows)

    def _count(self, text: str) -> int | None:
        """The rows the server counts for a SELECT (one short answer no cap can cut), to tell an
        answer cut at a cap from one that happens to be that size; None when it cannot be counted."""
        split = PROLOGUE.match(text)
        if split is None:
            return None
        try:
            data = self._query_json(f"{split.group('prologue')}\nSELECT (COUNT(*) AS ?kgraph_rows) WHERE {{ {{\n"
                                    f"{split.group('select')}\n}} }}")
            return int(data["results"]["bindings"][0]["kgraph_rows"]["value"])
        except (KGraphError, KeyError, IndexError, ValueError):
            return None

    def select_all(self, query: str, bindings: Mapping[str, Node] | None = None, order: str = "") -> Rows:
        """A SELECT read whole: in one request, or, where the server cuts results, paged with
        ORDER BY + LIMIT/OFFSET. `order` lists the variables that order the rows totally
        (e.g. "?g ?s")."""
        if not order:
            raise QueryError("select_all needs the variables to order the pages by")
        if not self.cuts_results:
            try:
                return self.select(query, bindings)
            except ResultTruncated as error:
                log.info("%s; paging this and every later bulk read", error)
                self.cuts_results = True
        out: Rows | None = None
        offset = 0
        while True:
            page = self.select(f"{query} ORDER BY {order} LIMIT {PAGE} OFFSET {offset}", bindings)
            out = page if out is None else Rows(out.variables, out.rows + page.rows)
            if len(page) < PAGE:
                return out
            offset += PAGE

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        text = bind(query, bindings)
        data = self._query_json(text)
        if "boolean" in data:
            return bool(data["boolean"])
        if data.get("head", {}).get("vars") == ["__ASK_RETVAL"]:  # Virtuoso answers ASK as a one-column SELECT
            bindings = data["results"]["bindings"]
            return bool(bindings) and bindings[0]["__ASK_RETVAL"]["value"] not in ("0", "false")
        raise QueryError("expected an ASK query")

    def update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.selector} is open read-only; this command cannot change it")
        try:
            self._wrapper(update).query()
        except SPARQLWrapperException as error:
            raise StoreError(f"the server at {self.update_url} refused the update: {_short(error)}") from None
        except (URLError, OSError) as error:
            raise self._unreachable(self.update_url, error) from None

    def quads(self) -> Iterator[Quad]:
        rows = self.select_all("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", order="?g ?s ?p ?o")
        for s, p, o, g in rows.rows:
            yield s, p, o, g  # type: ignore[misc]

    def close(self) -> None:
        pass

    def __enter__(self) -> "SparqlStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:300]
