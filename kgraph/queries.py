"""Named SPARQL queries: `.rq` files in queries/ whose header says what they answer and
which parameters they take.

Header format (comment lines before the query):

    # What the query answers, in a sentence or two.
    # @param title: iri  the title's IRI
    # @param min_titles: integer  how many shared titles make a reunion

Parameter types: iri, string, integer, decimal, date, boolean. A parameter is bound as
an RDF term (never formatted into the query text); every declared parameter is required.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.errors import QueryError
from kgraph.resources import resource_dir
from kgraph.store.base import Rows, Store

QUERY_DIR = resource_dir("queries")
PARAM = re.compile(r"^#\s*@param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*(?P<doc>.*)$")
TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str


@dataclass
class NamedQuery:
    """A parsed `.rq` file."""

    name: str
    path: Path
    text: str
    description: str
    params: list[Param] = field(default_factory=list)

    @property
    def kind(self) -> str:
        body = re.sub(r"(?m)^\s*(#.*|PREFIX\s+\S+\s+<[^>]*>|BASE\s+<[^>]*>)\s*$", "", self.text)
        match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.I)
        return match.group(1).upper() if match else "SELECT"


def parse_query_file(path: Path) -> NamedQuery:
    """Read a `.rq` file and its header; a malformed header raises QueryError naming the line."""
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = PARAM.match(line)
        if match:
            if match.group("type") not in TYPES:
                raise QueryError(f"{path.name}, line {number}: parameter type {match.group('type')!r} "
                                 f"is not one of {', '.join(TYPES)}")
            params.append(Param(match.group("name"), match.group("type"), match.group("doc").strip()))
        elif "@param" in line:
            if "(none)" not in line:
                raise QueryError(f"{path.name}, line {number}: expected '# @param NAME: TYPE description'")
        else:
            description.append(line.lstrip("#").strip())
    if not description:
        raise QueryError(f"{path.name}: the header must say what the query answers")
    return NamedQuery(path.stem, path, text, " ".join(description).strip(), params)


def list_queries(directory: Path = QUERY_DIR) -> list[NamedQuery]:
    return [parse_query_file(p) for p in sorted(directory.glob("*.rq"))]


def load_query(name_or_path: str | Path, directory: Path = QUERY_DIR) -> NamedQuery:
    """A named query from queries/ or a `.rq` file path; unknown names list the known ones."""
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.exists():
        return parse_query_file(path)
    candidate = directory / f"{name_or_path}.rq"
    if candidate.exists():
        return parse_query_file(candidate)
    known = ", ".join(q.stem for q in sorted(directory.glob("*.rq")))
    raise QueryError(f"no query named {str(name_or_path)!r}; named queries: {known}")


def coerce(param: Param, value: object) -> Node:
    """Turn a user value (string from the CLI, or a Python value) into an RDF term."""
    if isinstance(value, (URIRef, Literal)):
        return value
    text = str(value)
    try:
        if param.type == "iri":
            iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", iri):
                raise ValueError("not an absolute IRI")
            return URIRef(iri)
        if param.type == "integer":
            return Literal(int(text), datatype=XSD.integer)
        if param.type == "decimal":
            return Literal(float(text), datatype=XSD.decimal)
        if param.type == "date":
            return Literal(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
        if param.type == "boolean":
            if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError("expected true or false")
            return Literal(text.lower() in ("true", "1", "yes"))
        return Literal(text)
    except ValueError as error:
        raise QueryError(f"parameter {param.name}: {text!r} is not a valid {param.type} ({error})") from None


def run_query(store: Store, query: str | Path | NamedQuery, params: Mapping[str, object] | None = None) -> Rows:
    """Run a named query (or `.rq` path) with its parameters bound; returns Rows (SELECT)."""
    named = query if isinstance(query, NamedQuery) else load_query(query)
    params = dict(params or {})
    unknown = set(params) - {p.name for p in named.params}
    if unknown:
        raise QueryError(f"query {named.name} has no parameter(s) {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(p.name for p in named.params) or 'none'}")
    missing = [p.name for p in named.params if p.name not in params]
    if missing:
        raise QueryError(f"query {named.name} needs parameter(s): {', '.join(missing)}")
    bindings = {p.name: coerce(p, params[p.name]) for p in named.params}
    if named.kind == "ASK":
        return Rows(["answer"], [(Literal(store.ask(named.text, bindings)),)])
    return store.select(named.text, bindings)
