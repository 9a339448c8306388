"""The embedded backend: Oxigraph (pyoxigraph) on disk, or in memory.

Only a build creates a store (`create=True`); opening a folder that holds no store is an
error, and so is a folder that held one and lost its files (never an empty store). Read-only
opening takes no lock, so queries run beside a build. RocksDB's own errors (corruption, the
lock of another process) become one-line `StoreError`s that say what to do.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator, Mapping, NoReturn

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.errors import QueryError, StoreBusy, StoreDamaged, StoreError, StoreMissing
from kgraph.store.base import GraphData, Quad, Rows, Term, Triple, bind, insert_text, iri_text

log = logging.getLogger(__name__)
MARKER = "KGRAPH-STORE"  # written into every store kgraph creates; RocksDB leaves it alone
MARKER_TEXT = "This folder is a kgraph store (Oxigraph/RocksDB). Do not edit its files.\n"


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


def check_folder(path: Path, create: bool) -> None:
    """Refuse a folder that holds no store (unless creating) or a store that lost its files."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder")
    names = {p.name for p in path.iterdir()} if path.exists() else set()
    if not names:
        if not create:
            raise StoreMissing(f"there is no kgraph store at {path}; `kgraph build` makes one "
                               "(or give --store SELECTOR)")
        return
    if "CURRENT" not in names:
        if MARKER in names or any(n.endswith((".sst", ".log")) or n.startswith("MANIFEST") for n in names):
            raise StoreDamaged(path, "its CURRENT file is missing")
        raise StoreError(f"{path} is a folder that holds no kgraph store; give an empty or new folder")


def _quads(graphs: list[GraphData], part: str) -> str:
    """The `part` ("content" or "provenance") of each graph as N-Quads. Every N-Triples line
    ends in " .\n", and no literal holds a bare newline, so the graph name goes before each end."""
    return "".join(getattr(data, part).replace(" .\n", f" <{data.graph}> .\n") for data in graphs)


class OxigraphStore:
    """Oxigraph on disk (`oxigraph:PATH`) or in memory (`memory:`)."""

    def __init__(self, path: str | Path | None = None, *, create: bool = True, read_only: bool = False) -> None:
        self.path = Path(path) if path else None
        self.selector = f"oxigraph:{path}" if path else "memory:"
        self.read_only = read_only and self.path is not None
        self.generation = 0  # counts the writes through this object (what was derived from it may be stale)
        if self.path is None:
            self._store = ox.Store()
            return
        check_folder(self.path, create and not read_only)
        try:
            if self.read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                new = not self.path.exists() or not any(self.path.iterdir())
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
                if new:
                    (self.path / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        except (OSError, RuntimeError) as error:
            self._fail(error, "open")

    def _fail(self, error: Exception, doing: str) -> NoReturn:
        """Raise the StoreError that explains a RocksDB/Oxigraph error in one line."""
        text = " ".join(str(error).split())
        if "Corruption" in text or "corrupt" in text.lower():
            raise StoreDamaged(self.path, text[:200]) from None
        if "lock" in text.lower() and ("LOCK" in text or "Resource temporarily unavailable" in text):
            raise StoreBusy(f"another kgraph process is using the store at {self.path}; wait for it to "
                            "finish (read-only commands can run beside it)") from None
        if "read-write" in text or "read-only" in text.lower():
            raise StoreError(f"the store at {self.path} was opened read-only; cannot {doing}") from None
        if isinstance(error, FileNotFoundError) or "No such file" in text:
            raise StoreDamaged(self.path, f"a file is missing: {text[:160]}") from None
        raise StoreError(f"Oxigraph could not {doing} the store at {self.path}: {text[:200]}") from None

    def graphs(self) -> list[str]:
        try:
            return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))
        except (OSError, RuntimeError) as error:
            self._fail(error, "list the graphs of")

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.replace_graphs([GraphData.of(graph, triples)])

    def replace_graphs(self, graphs: Iterable[GraphData]) -> None:
        """A graph the store does not hold yet is loaded by Oxigraph's parser in one transaction
        (no SPARQL text to compile); one it holds is dropped and filled in one update. Each graph
        is replaced whole or left as it was."""
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only; this command cannot change it")
        for data in graphs:
            self.generation += 1
            name = ox.NamedNode(data.graph)
            if self._holds(name):
                self.update(insert_text(data.graph, data.ntriples))
                continue
            try:
                if data.count:
                    self._store.load(data.ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
                else:
                    self._store.add_graph(name)
            except SyntaxError as error:  # pragma: no cover - GraphData is written by Oxigraph itself
                raise StoreError(f"graph {data.graph} could not be read back: {error}") from None
            except (OSError, RuntimeError) as error:
                self._fail(error, "write to")

    def load_graphs(self, graphs: list[GraphData]) -> None:
        """Graphs of a large build, in bulk: new graphs' content by Oxigraph's bulk loader (about
        twice as cheap as a transaction per graph), then all their provenance in one transaction.
        The bulk load is not atomic, but a graph it left half written has no provenance, so the
        next build finds it unbuilt and replaces it whole. Graphs the store holds are replaced
        as `replace_graphs` does."""
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only; this command cannot change it")
        self.generation += 1
        held = [data for data in graphs if self._holds(ox.NamedNode(data.graph))]
        held_ids = {id(data) for data in held}
        new = [data for data in graphs if id(data) not in held_ids]
        if new:
            try:
                self._store.bulk_load(_quads(new, "content"), format=ox.RdfFormat.N_QUADS)
                self._store.load(_quads(new, "provenance"), format=ox.RdfFormat.N_QUADS)
                for data in new:
                    if not data.count:
                        self._store.add_graph(ox.NamedNode(data.graph))
            except SyntaxError as error:  # pragma: no cover - GraphData is written by Oxigraph itself
                raise StoreError(f"a graph could not be read back: {error}") from None
            except (OSError, RuntimeError) as error:
                self._fail(error, "write to")
        self.replace_graphs(held)

    def compact(self) -> None:
        """Flush the write-ahead log and compact RocksDB's files: after a large build the store
        shrinks to about a third on disk and point queries stop paying for uncompacted files."""
        if self.path is None or self.read_only:
            return
        try:
            self._store.optimize()
            self._store.flush()
            del self._store  # RocksDB drops the spent write-ahead log only when the store is opened again
            self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as error:
            self._fail(error, "compact")

    def _holds(self, graph: ox.NamedNode) -> bool:
        try:
            return self._store.contains_named_graph(graph)
        except (OSError, RuntimeError) as error:
            self._fail(error, "read")

    def remove_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH {iri_text(graph, StoreError)}")

    def _run(self, query: str, bindings: Mapping[str, Node] | None):
        try:
            return self._store.query(bind(query, bindings), use_default_graph_as_union=True)
        except SyntaxError as error:
            raise QueryError(f"SPARQL syntax error: {error}") from None
        except (OSError, RuntimeError) as error:
            self._fail(error, "query")

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        result = self._run(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in result.variables]
        try:
            return Rows(variables, [tuple(to_rdflib(s[v]) for v in variables) for s in result])
        except (OSError, RuntimeError) as error:
            self._fail(error, "query")

    def select_text(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[tuple[str | None, ...]]:
        """A SELECT's rows as plain strings (IRIs, lexical forms, blank node ids; None where
        unbound): for bulk reads that need no RDF terms, several times quicker than `select`."""
        result = self._run(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = result.variables
        try:
            return [tuple(None if (term := s[v]) is None else term.value for v in variables) for s in result]
        except (OSError, RuntimeError) as error:
            self._fail(error, "query")

    def select_all(self, query: str, bindings: Mapping[str, Node] | None = None, order: str = "") -> Rows:
        """A SELECT read whole: nothing caps an embedded store's results."""
        return self.select(query, bindings)

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        result = self._run(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only; this command cannot change it")
        self.generation += 1
        try:
            self._store.update(update)
        except SyntaxError as error:
            raise QueryError(f"SPARQL Update syntax error: {error}") from None
        except (OSError, RuntimeError) as error:
            self._fail(error, "update")

    def quads(self) -> Iterator[Quad]:
        try:
            for quad in self._store.quads_for_pattern(None, None, None, None):
                if isinstance(quad.graph_name, ox.DefaultGraph):
                    continue
                yield (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object),
                       to_rdflib(quad.graph_name))
        except (OSError, RuntimeError) as error:
            self._fail(error, "read")

    def close(self) -> None:
        store = self.__dict__.pop("_store", None)
        if store is not None and self.path is not None and not self.read_only:
            try:
                store.flush()
            except (OSError, RuntimeError) as error:
                self._fail(error, "flush")

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
