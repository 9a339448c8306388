"""The embedded backend: Oxigraph (pyoxigraph) on disk, or in memory."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.errors import QueryError, StoreError
from kgraph.store.base import Quad, Rows, Term, Triple, bind, render_insert

log = logging.getLogger(__name__)


def to_rdflib(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unsupported term from Oxigraph: {term!r}")


class OxigraphStore:
    """Oxigraph on disk (`oxigraph:PATH`) or in memory (`memory:`)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.selector = f"oxigraph:{path}" if path else "memory:"
        try:
            if self.path is not None:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
            else:
                self._store = ox.Store()
        except OSError as error:
            raise StoreError(f"cannot open the Oxigraph store at {self.path}: {error}") from None

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.update(render_insert(graph, triples))

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {URIRef(graph).n3()}")

    def _run(self, query: str, bindings: Mapping[str, Node] | None):
        try:
            return self._store.query(bind(query, bindings), use_default_graph_as_union=True)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from None
        except OSError as error:
            raise StoreError(f"Oxigraph could not run the query: {error}") from None

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        result = self._run(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in result.variables]
        return Rows(variables, [tuple(to_rdflib(s[v]) for v in variables) for s in result])

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        result = self._run(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def update(self, update: str) -> None:
        try:
            self._store.update(update)
        except SyntaxError as error:
            raise QueryError(f"SPARQL Update syntax error: {error}") from None
        except OSError as error:
            raise StoreError(f"Oxigraph could not apply the update: {error}") from None

    def quads(self) -> Iterator[Quad]:
        for quad in self._store.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                continue
            yield (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object),
                   to_rdflib(quad.graph_name))

    def close(self) -> None:
        if self.path is not None:
            try:
                self._store.flush()
            except OSError:  # pragma: no cover - nothing more to do on close
                log.debug("flush failed on close", exc_info=True)
        del self._store

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
