"""Named SPARQL queries: `.rq` files in queries/ whose header says what they answer and
which parameters they take, and which run as they stand in any SPARQL 1.1 client.

Header format (comment lines before the query):

    # What the query answers, in a sentence or two.
    # @param title: iri  the title's IRI
    # @param min_titles: integer = 2  how many shared titles make a reunion

Parameter types: iri, string, integer, decimal, date, boolean. A parameter with `= DEFAULT`
is optional; one without must be given. Every parameter also has a value in the query
itself: one `VALUES (?title ?min_titles) { (<...> 2) }` block opening the WHERE group, with
the defaults (an example for a required parameter), so the file runs unchanged in any SPARQL
client. kgraph binds parameters by replacing exactly that block with the values as RDF
terms (kgraph.store.base.bind), never by formatting them into the query text.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Mapping

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kgraph.errors import QueryError
from kgraph.resources import resource_dir
from kgraph.store.base import Rows, Store, check_iri, leading_values, to_oxigraph, where_brace
from kgraph.store.oxigraph import to_rdflib

QUERY_DIR = resource_dir("queries")
PARAM = re.compile(r'^#\s*@param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*'
                   r'(?:=\s*(?P<default>"(?:[^"\\]|\\.)*"|<[^>\s]*>|[^\s"<]\S*))?\s*(?P<doc>.*)$')
TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
PROLOGUE = re.compile(r"^\s*(PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I | re.M)
INTEGERS = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger, XSD.positiveInteger,
            XSD.nonPositiveInteger, XSD.negativeInteger, XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort,
            XSD.unsignedByte}
DATATYPES: dict[str, set[URIRef | None]] = {
    "string": {None, XSD.string}, "integer": INTEGERS, "decimal": INTEGERS | {XSD.decimal, XSD.double, XSD.float},
    "date": {XSD.date}, "boolean": {XSD.boolean}}


@dataclass(frozen=True)
class Param:
    """A declared parameter; `default` makes it optional, `in_query` is its value in the file's VALUES block."""

    name: str
    type: str
    doc: str
    default: Node | None = None
    default_text: str | None = None
    in_query: Node | None = None

    @property
    def signature(self) -> str:
        """`name:type` or `name:type=default`, as `kgraph query --list` shows it."""
        return f"{self.name}:{self.type}" + (f"={self.default_text}" if self.default_text is not None else "")


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
    """Read a `.rq` file and its header; a malformed header or a file that is not UTF-8 raises
    QueryError naming the file (and the line)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise QueryError(f"{path}: not UTF-8 text (byte 0x{error.object[error.start]:02x} at offset {error.start}); "
                         "save the query as UTF-8") from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read the query: {error.strerror or error}") from None
    description: list[str] = []
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = PARAM.match(line)
        if match:
            params.append(_param(path, number, match))
        elif "@param" in line:
            if "(none)" not in line:
                raise QueryError(f"{path.name}, line {number}: expected '# @param NAME: TYPE [= DEFAULT] description'")
        else:
            description.append(line.lstrip("#").strip())
    if not description:
        raise QueryError(f"{path.name}: the header must say what the query answers")
    return NamedQuery(path.stem, path, text, " ".join(description).strip(), _with_in_query_values(path, text, params))


def _param(path: Path, number: int, match: re.Match[str]) -> Param:
    name, kind, default_text = match.group("name"), match.group("type"), match.group("default")
    if kind not in TYPES:
        raise QueryError(f"{path.name}, line {number}: parameter type {kind!r} is not one of {', '.join(TYPES)}")
    param = Param(name, kind, match.group("doc").strip())
    if default_text is None:
        return param
    value = json.loads(default_text) if default_text.startswith('"') and kind == "string" else default_text
    try:
        default = coerce(param, value)
    except QueryError as error:
        raise QueryError(f"{path.name}, line {number}: the default of {error}") from None
    return replace(param, default=default, default_text=default_text)


def _with_in_query_values(path: Path, text: str, params: list[Param]) -> list[Param]:
    """`params` with the values the query's own VALUES block gives them, checked against the header."""
    brace = where_brace(text)
    block = leading_values(text, brace) if brace is not None else None
    if block is None or not params:
        return params
    start, end, names = block
    declared = {p.name for p in params}
    if not set(names) & declared:
        return params
    if set(names) != declared:
        raise QueryError(f"{path.name}: the VALUES block opening the WHERE group must bind exactly the parameters "
                         f"({', '.join(sorted(declared))}), not {', '.join(names)}")
    prologue = "\n".join(m.group(1) for m in PROLOGUE.finditer(text[:brace]))
    try:
        solutions = list(ox.Store().query(f"{prologue}\nSELECT * WHERE {{ {text[start:end]} }}"))
    except SyntaxError as error:
        raise QueryError(f"{path.name}: the VALUES block of defaults is not valid SPARQL: {error}") from None
    if len(solutions) != 1:
        raise QueryError(f"{path.name}: the VALUES block of defaults must hold one row, not {len(solutions)}")
    out = []
    for param in params:
        value = to_rdflib(solutions[0][param.name])
        if param.default is not None and value is not None and value != param.default:
            raise QueryError(f"{path.name}: parameter {param.name} defaults to {param.default_text} in the header "
                             f"but to {to_oxigraph(value)} in the query's VALUES block")
        out.append(replace(param, in_query=value))
    return out


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
    """Turn a user value (string from the CLI, or a Python value or RDF term) into the RDF term
    the parameter's type asks for; anything else raises QueryError naming the parameter."""
    if isinstance(value, Node) and not isinstance(value, (URIRef, Literal)):
        raise QueryError(f"parameter {param.name}: cannot bind {value!r}; give an IRI or a literal")
    if param.type == "iri":
        if isinstance(value, Literal):
            raise QueryError(f"parameter {param.name}: expected an IRI, got the literal {str(value)[:80]!r}")
        text = str(value)
        iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
        try:
            check_iri(iri)
        except ValueError as error:
            raise QueryError(f"parameter {param.name}: {text[:80]!r} is not a valid iri ({error})") from None
        return URIRef(iri)
    if isinstance(value, URIRef):
        raise QueryError(f"parameter {param.name}: expected {_article(param.type)} {param.type} literal, "
                         f"got the IRI {str(value)[:80]!r}")
    if isinstance(value, Literal):
        datatype = None if value.language else value.datatype
        if datatype not in DATATYPES[param.type] or (value.language and param.type != "string"):
            got = (f"one with language tag {value.language!r}" if value.language else
                   f"one with datatype {str(value.datatype)[:80]!r}" if value.datatype else "a plain string")
            raise QueryError(f"parameter {param.name}: expected {_article(param.type)} {param.type} literal, "
                             f"got {got} {str(value)[:40]!r}")
        return value
    text = str(value)
    try:
        if param.type == "integer":
            return Literal(int(text), datatype=XSD.integer)
        if param.type == "decimal":
            number = Decimal(text)
            if not number.is_finite():
                raise ValueError("not a finite number")
            return Literal(number, datatype=XSD.decimal)
        if param.type == "date":
            return Literal(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
        if param.type == "boolean":
            if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError("expected true or false")
            return Literal(text.lower() in ("true", "1", "yes"))
        return Literal(text)
    except (ValueError, ArithmeticError) as error:
        raise QueryError(f"parameter {param.name}: {text[:80]!r} is not a valid {param.type} ({error})") from None


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def run_query(store: Store, query: str | Path | NamedQuery, params: Mapping[str, object] | None = None) -> Rows:
    """Run a named query (or `.rq` path) with its parameters bound (defaults for those not
    given); returns Rows (SELECT)."""
    named = query if isinstance(query, NamedQuery) else load_query(query)
    params = dict(params or {})
    unknown = set(params) - {p.name for p in named.params}
    if unknown:
        raise QueryError(f"query {named.name} has no parameter(s) {', '.join(sorted(unknown))}; "
                         f"it takes: {', '.join(p.name for p in named.params) or 'none'}")
    missing = [p.name for p in named.params if p.name not in params and p.default is None]
    if missing:
        raise QueryError(f"query {named.name} needs parameter(s): {', '.join(missing)}")
    bindings = {p.name: coerce(p, params[p.name]) if p.name in params else p.default for p in named.params}
    if named.kind == "ASK":
        return Rows(["answer"], [(Literal(store.ask(named.text, bindings)),)])
    return store.select(named.text, bindings)
