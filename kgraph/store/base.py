"""The Store protocol every backend implements, and helpers they share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Protocol, Sequence, runtime_checkable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kgraph.errors import KGraphError, QueryError, StoreError

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

    def replace_graphs(self, graphs: Iterable[GraphData]) -> None:
        """Replace each graph with its checked content, each one whole (see GraphData.of)."""

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


@dataclass(frozen=True)
class GraphData:
    """One graph's content checked and written as N-Triples (one triple a line), ready for any
    backend: Oxigraph loads it, a server takes it as a Graph Store Protocol body."""

    graph: str
    ntriples: str
    count: int
    content_end: int = -1  # where the graph's provenance (its source, fingerprint, warnings) starts

    @classmethod
    def of(cls, graph: str, triples: Iterable[Triple], provenance: Iterable[Triple] = ()) -> "GraphData":
        """StoreError, before anything is sent, when the name or a term is not valid RDF (an IRI
        with a space, a bad language tag, a lone surrogate). `provenance` is written last."""
        iri_text(graph, StoreError)
        lines = list(_lines(triples))
        content = "".join(lines)
        about = list(_lines(provenance))
        return cls(graph, content + "".join(about), len(lines) + len(about), len(content))

    @property
    def content(self) -> str:
        """The graph's N-Triples without its provenance."""
        return self.ntriples if self.content_end < 0 else self.ntriples[:self.content_end]

    @property
    def provenance(self) -> str:
        """The N-Triples of the graph's provenance."""
        return "" if self.content_end < 0 else self.ntriples[self.content_end:]

    def chunks(self, size: int) -> Iterator[str]:
        """The N-Triples in pieces of at most `size` triples (a literal never spans lines)."""
        lines = self.ntriples.splitlines(keepends=True)
        for start in range(0, len(lines), size):
            yield "".join(lines[start:start + size])


def insert_text(graph: str, body: str, replace: bool = True) -> str:
    """SPARQL Update text that puts N-Triples `body` into `graph`, first dropping it when `replace`."""
    g = iri_text(graph, StoreError)
    drop = f"DROP SILENT GRAPH {g} ;\n" if replace else ""
    if not body.strip():
        return drop.rstrip(" ;\n") or f"CREATE SILENT GRAPH {g}"
    return f"{drop}INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}"


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as an N-Triples document (for Graph Store Protocol bodies), each term written by
    Oxigraph's N-Triples writer; StoreError if a term is not valid RDF."""
    return "".join(_lines(triples))


def _lines(triples: Iterable[Triple]) -> Iterator[str]:
    """One N-Triples line a triple, each term written by Oxigraph; StoreError for one that is not valid RDF."""
    for s, p, o in triples:
        yield f"{_nt(s, StoreError)} {_nt(p, StoreError)} {_nt(o, StoreError)} .\n"


def iri_text(iri: str, error: type[KGraphError] = QueryError) -> str:
    """`<iri>` for SPARQL or N-Triples text, after checking it is an absolute IRI (RFC 3987)."""
    return _nt(_PlainIri(iri), error)


def render_values(bindings: Mapping[str, Node]) -> str:
    """A VALUES block binding each variable to one RDF term."""
    return render_values_rows(list(bindings), [list(bindings.values())])


def render_values_rows(names: Sequence[str], rows: Iterable[Sequence[Node]]) -> str:
    """A VALUES block binding the variables `names` to several rows of RDF terms (a batch)."""
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    head = " ".join(f"?{name}" for name in names)
    body = " ".join("(" + " ".join(_term(name, term) for name, term in zip(names, row, strict=True)) + ")"
                    for row in rows)
    return f"VALUES ({head}) {{ {body} }}"


def bind(query: str, bindings: Mapping[str, Node] | None) -> str:
    """`query` with the values of `bindings` in a VALUES block first in its WHERE group.

    A query that already opens its WHERE group with a VALUES block over exactly the bound
    variables (its defaults, so the file runs as it stands in any SPARQL client) has that
    block replaced; otherwise the block is added there. Values are written as RDF terms,
    never spliced in as text, and they come first so engines without join reordering
    (Oxigraph) start from the bound values.
    """
    if not bindings:
        return query
    position = where_brace(query)
    if position is None:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    values = render_values(bindings)
    block = leading_values(query, position)
    if block is not None:
        start, end, names = block
        if set(names) == set(bindings):
            return f"{query[:start]}{values}{query[end:]}"
        if set(names) & set(bindings):
            raise QueryError(f"the query's first VALUES block binds {' '.join('?' + n for n in names)}; "
                             f"bind all of them or none (given: {', '.join(bindings)})")
    return f"{query[:position + 1]}\n  {values}\n{query[position + 1:]}"


_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_VALUES_HEAD = re.compile(r"VALUES\s*(?:\(\s*((?:[?$][A-Za-z_]\w*\s*)*)\)|[?$]([A-Za-z_]\w*))\s*\{", re.I)


def leading_values(query: str, brace: int) -> tuple[int, int, list[str]] | None:
    """(start, end, variable names) of a VALUES block that opens the group at `brace`, else None."""
    i = brace + 1
    while True:  # skip blanks and comments
        while i < len(query) and query[i].isspace():
            i += 1
        if query.startswith("#", i):
            newline = query.find("\n", i)
            i = len(query) if newline < 0 else newline
            continue
        break
    match = _VALUES_HEAD.match(query, i)
    if not match:
        return None
    names = match.group(1).replace("$", "?").split() if match.group(1) is not None else ["?" + match.group(2)]
    end = _closing_brace(query, match.end())
    return (i, end, [n[1:] for n in names]) if end is not None else None


def _past_string(query: str, i: int) -> int:
    """Offset just past the SPARQL string literal that opens at `i` (short or long quotes)."""
    quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else query[i]
    j = i + len(quote)
    while j < len(query) and query[j:j + len(quote)] != quote:
        j += 2 if query[j] == "\\" else 1
    return j + len(quote)


def _closing_brace(query: str, i: int) -> int | None:
    """Offset just past the `}` closing a VALUES data block, skipping strings and IRIs."""
    n = len(query)
    while i < n:
        ch = query[i]
        if ch in "\"'":
            i = _past_string(query, i)
            continue
        if ch == "<":
            j = query.find(">", i)
            i = n if j < 0 else j
        elif ch == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j
        elif ch == "}":
            return i + 1
        i += 1
    return None


def _term(name: str, term: Node) -> str:
    if isinstance(term, (URIRef, Literal)):
        return _nt(term, QueryError, f"parameter {name}: ")
    raise QueryError(f"parameter {name}: cannot bind {term!r}: only IRIs and literals can be bound")


def where_brace(query: str) -> int | None:
    """Offset of the `{` opening the top-level WHERE group, skipping strings, IRIs and comments."""
    i, n = 0, len(query)
    seen_where = False
    while i < n:
        ch = query[i]
        if ch == "#":
            i = query.find("\n", i)
            i = n if i < 0 else i
        elif ch in "\"'":
            i = _past_string(query, i)
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
    """Write quads as sorted N-Quads (stable, diff-friendly), each term written by Oxigraph's
    N-Triples writer; returns the count."""
    lines = sorted(f"{_nt(s, StoreError)} {_nt(p, StoreError)} {_nt(o, StoreError)} {_nt(g, StoreError)} .\n"
                   for s, p, o, g in quads)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return len(lines)


def check_iri(text: str) -> str:
    """`text` if it is an absolute IRI (RFC 3987, as Oxigraph reads it); ValueError otherwise."""
    return to_oxigraph(_PlainIri(text)).value


class _PlainIri(str):
    """A string standing for an IRI without building a URIRef (rdflib warns about bad ones)."""


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term; ValueError naming what is not valid RDF.

    Oxigraph checks what rdflib does not: IRIs (absolute, RFC 3987: no spaces, <>"{}|^`\\ or
    control characters), language tags (BCP 47) and blank node ids.
    """
    if type(term) in _OXIGRAPH_TERMS:
        return term  # type: ignore[return-value]  # checked when it was made
    try:
        if isinstance(term, (URIRef, _PlainIri)):
            return ox.NamedNode(_unicode(str(term), "IRI"))
        if isinstance(term, BNode):
            return ox.BlankNode(_unicode(str(term), "blank node id"))
        if isinstance(term, Literal):
            value = _unicode(str(term), "literal")
            if term.language is not None:
                return ox.Literal(value, language=_unicode(term.language, "language tag"))
            if term.datatype is not None:
                if str(term.datatype) == _LANG_STRING:
                    raise ValueError("an rdf:langString literal needs a language tag")
                return ox.Literal(value, datatype=ox.NamedNode(_unicode(str(term.datatype), "datatype IRI")))
            return ox.Literal(value)
    except ValueError as error:
        raise ValueError(f"{_describe(term)} is not valid RDF: {_CONTROL.sub(_escape, str(error))}") from None
    raise ValueError(f"{term!r} is not an RDF term")


_OXIGRAPH_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    """A control character as its Python escape, so every message stays on one line."""
    return match.group().encode("unicode_escape").decode("ascii")


_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _unicode(text: str, what: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(f"the {what} holds a lone surrogate (U+{ord(text[error.start]):04X}), "
                         "which is not a Unicode character") from None
    return text


def _describe(term: Node) -> str:
    if isinstance(term, Literal):
        detail = (f" with language tag {term.language[:40]!r}" if term.language else
                  f" with datatype {str(term.datatype)[:80]!r}" if term.datatype else "")
        return f"the literal {str(term)[:60]!r}{detail}"
    kind = "IRI" if isinstance(term, (URIRef, _PlainIri)) else "term"
    return f"the {kind} {str(term)[:80]!r}"


_IRIS: dict[str, str] = {}  # IRI -> its N-Triples form: a review repeats its IRIs many times


def _nt(term: Node, error: type[KGraphError], prefix: str = "") -> str:
    """`term` in canonical N-Triples (pyoxigraph's writer); `error` if it is not valid RDF."""
    if type(term) in _OXIGRAPH_TERMS:
        return str(term)
    if type(term) is URIRef:
        known = _IRIS.get(term)
        if known is not None:
            return known
    try:
        text = str(to_oxigraph(term))
        if type(term) is URIRef:
            if len(_IRIS) > 200_000:
                _IRIS.clear()
            _IRIS[term] = text
        return text
    except ValueError as problem:
        raise error(f"{prefix}{problem}") from None


_where_brace = where_brace  # the name kgraph.wikidata.client imports
