"""The Store protocol every backend implements, and helpers they share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Protocol, Sequence, runtime_checkable

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kgraph.errors import QueryError

Term = URIRef | Literal | BNode
Triple = tuple[URIRef | BNode, URIRef, Term]
Quad = tuple[URIRef | BNode, URIRef, Term, URIRef]


@dataclass
class Rows:
    """A SELECT result: variable names and rows of rdflib terms (None where unbound)."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Term | None]]:
        for row in self.rows:
            yield dict(zip(self.variables, row))

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Term | None]:
        index = self.variables.index(name)
        return [row[index] for row in self.rows]


@runtime_checkable
class Store(Protocol):
    """A quad store: named graphs in, SPARQL out. Queries see the union of all graphs."""

    selector: str

    def graphs(self) -> list[str]:
        """IRIs of the named graphs in the store."""

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Atomically make `graph` hold exactly `triples` (nothing else is touched)."""

    def remove_graph(self, graph: str) -> None:
        """Drop `graph` if it exists."""

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        """Run a SELECT query with variables bound to RDF terms (never formatted into text)."""

    def select_all(self, query: str, bindings: Mapping[str, Node] | None = None, order: str = "") -> Rows:
        """A SELECT read whole even where a server caps results (paged by `order`'s variables)."""

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        """Run an ASK query."""

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update."""

    def quads(self) -> Iterator[Quad]:
        """Every quad in the named graphs."""

    def close(self) -> None:
        """Release the store."""

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: object) -> None: ...


def render_insert(graph: str, triples: Iterable[Triple], replace: bool = True) -> str:
    """SPARQL Update text that replaces a graph, with every term serialised as an RDF term."""
    g = URIRef(graph).n3()
    body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
    drop = f"DROP SILENT GRAPH {g} ;\n" if replace else ""
    if not body:
        return drop.rstrip(" ;\n") or f"CREATE SILENT GRAPH {g}"
    return f"{drop}INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as an N-Triples document (for Graph Store Protocol bodies)."""
    return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples)


def render_values(bindings: Mapping[str, Node]) -> str:
    """A VALUES block binding each variable to one RDF term."""
    return render_values_rows(list(bindings), [list(bindings.values())])


def render_values_rows(names: Sequence[str], rows: Iterable[Sequence[Node]]) -> str:
    """A VALUES block binding the variables `names` to several rows of RDF terms (a batch)."""
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    head = " ".join(f"?{name}" for name in names)
    body = " ".join("(" + " ".join(_term(term) for term in row) + ")" for row in rows)
    return f"VALUES ({head}) {{ {body} }}"


def bind(query: str, bindings: Mapping[str, Node] | None) -> str:
    """`query` with a VALUES block for `bindings` placed first in its WHERE group.

    Values are serialised as RDF terms, never spliced in as text, and they come first so
    engines without join reordering (Oxigraph) start from the bound values.
    """
    if not bindings:
        return query
    position = _where_brace(query)
    if position is None:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    return f"{query[:position + 1]}\n  {render_values(bindings)}\n{query[position + 1:]}"


_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _term(term: Node) -> str:
    if isinstance(term, Literal) and term.datatype is None and term.language is None:
        return _nt(term)
    if isinstance(term, (URIRef, Literal)):
        if isinstance(term, URIRef) and re.search(r'[\s<>"{}|^`\\]', str(term)):
            raise QueryError(f"{str(term)!r} is not a valid IRI")
        return _nt(term)
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")


def _where_brace(query: str) -> int | None:
    """Offset of the `{` opening the top-level WHERE group, skipping strings, IRIs and comments."""
    i, n = 0, len(query)
    seen_where = False
    while i < n:
        ch = query[i]
        if ch == "#":
            i = query.find("\n", i)
            i = n if i < 0 else i
        elif ch in "\"'":
            quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and query[j:j + len(quote)] != quote:
                j += 2 if query[j] == "\\" else 1
            i = j + len(quote)
            continue
        elif ch == "<" and not seen_where:
            j = query.find(">", i)
            i = n if j < 0 else j
        elif ch == "{":
            return i
        elif query[i:i + 5].upper() == "WHERE" and (i == 0 or not query[i - 1].isalnum()):
            seen_where = True
        i += 1
    return None


def write_nquads(quads: Iterable[Quad], path: Path) -> int:
    """Write quads as sorted N-Quads (stable, diff-friendly); returns the count."""
    lines = sorted(f"{s.n3()} {p.n3()} {_nt(o)} {g.n3()} .\n" for s, p, o, g in quads)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return len(lines)


def _nt(term: Term) -> str:
    if isinstance(term, Literal):
        # N-Triples has no long strings: escape newlines and quotes ourselves.
        value = (str(term).replace("\\", "\\\\").replace('"', '\\"')
                 .replace("\n", "\\n").replace("\r", "\\r"))
        if term.language:
            return f'"{value}"@{term.language}'
        if term.datatype:
            return f'"{value}"^^<{term.datatype}>'
        return f'"{value}"'
    return term.n3()
