"""Any SPARQL 1.1 server: queries with SPARQLWrapper, updates with SPARQL Update.

The server must answer queries over the union of its named graphs (Oxigraph:
`oxigraph serve --union-default-graph`; Virtuoso does so by default). Bindings travel
as a trailing VALUES block rendered from RDF terms. Servers that silently cap result
sizes (Virtuoso: 10,000 rows by default, 2^20 at most) are detected: a result whose
size is such a cap raises instead of being trusted; bulk reads page with LIMIT/OFFSET.
"""
from __future__ import annotations

import json
import logging
import re
from typing import Iterable, Iterator, Mapping
from urllib.error import URLError

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kgraph.errors import KGraphError, QueryError, StoreError
from kgraph.store.base import Quad, Rows, Term, Triple, bind, render_insert

log = logging.getLogger(__name__)
DISTINCT = re.compile(r"^\s*SELECT\s+DISTINCT\b", re.I | re.M)
KNOWN_CAPS = {10_000, 100_000, 1_000_000, 1 << 20}
PAGE = 10_000 - 1  # below Virtuoso's default cap, so a full page is never mistaken for truncation
CHUNK = 2_000  # triples per INSERT DATA: Virtuoso's SPARQL compiler runs out of memory on much larger ones


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

    def __init__(self, query_url: str, update_url: str | None = None, timeout: int = 60) -> None:
        self.query_url = query_url
        self.update_url = update_url or (query_url[: -len("/query")] + "/update"
                                         if query_url.endswith("/query") else query_url)
        self.selector = f"sparql+{query_url}"
        self.timeout = timeout

    def _wrapper(self, text: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        wrapper.setTimeout(self.timeout)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setQuery(text)
        return wrapper

    def _query_json(self, query: str) -> dict:
        try:
            response = self._wrapper(query).query()
            return json.loads(response.response.read().decode("utf-8"))
        except SPARQLWrapperException as error:
            raise QueryError(f"the server at {self.query_url} refused the query: {_short(error)}") from None
        except (URLError, OSError) as error:
            raise StoreError(f"cannot reach the SPARQL server at {self.query_url}: {error}") from None

    def graphs(self) -> list[str]:
        rows = self._select_all("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "?g")
        return sorted(str(r[0]) for r in rows.rows if isinstance(r[0], URIRef))

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """One update for a small graph; a large one is staged in chunks in a scratch graph
        and moved over the target in one step, so a failure leaves the target as it was."""
        triples = list(triples)
        if len(triples) <= CHUNK:
            self.update(render_insert(graph, triples))
            return
        staging = f"{graph}#kgraph-staging"
        self.update(f"DROP SILENT GRAPH {URIRef(staging).n3()}")
        try:
            for start in range(0, len(triples), CHUNK):
                self.update(render_insert(staging, triples[start:start + CHUNK], replace=False))
            self.update(f"MOVE SILENT GRAPH {URIRef(staging).n3()} TO GRAPH {URIRef(graph).n3()}")
        except KGraphError:
            self.update(f"DROP SILENT GRAPH {URIRef(staging).n3()}")
            raise

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {URIRef(graph).n3()}")

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        text = bind(query, bindings)
        data = self._query_json(text)
        if "results" not in data:
            raise QueryError("expected a SELECT query")
        variables = data["head"].get("vars", [])
        rows = [tuple(from_json(b.get(v)) for v in variables) for b in data["results"]["bindings"]]
        if len(rows) in KNOWN_CAPS:
            raise StoreError(
                f"the server returned exactly {len(rows)} rows, a size servers truncate results to; "
                "the answer may be incomplete. Add LIMIT/OFFSET paging to the query or raise the "
                "server's result limit")
        if DISTINCT.search(query):  # Virtuoso repeats equal language-tagged literals stored in two graphs
            rows = list(dict.fromkeys(rows))
        return Rows(variables, rows)

    def _select_all(self, query: str, order: str) -> Rows:
        """Page through a SELECT with ORDER BY + LIMIT/OFFSET, so no server cap can cut it."""
        out: Rows | None = None
        offset = 0
        while True:
            page = self.select(f"{query} ORDER BY {order} LIMIT {PAGE} OFFSET {offset}")
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
        try:
            self._wrapper(update).query()
        except SPARQLWrapperException as error:
            raise StoreError(f"the server at {self.update_url} refused the update: {_short(error)}") from None
        except (URLError, OSError) as error:
            raise StoreError(f"cannot reach the SPARQL server at {self.update_url}: {error}") from None

    def quads(self) -> Iterator[Quad]:
        rows = self._select_all("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "?g ?s ?p ?o")
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
