"""Result formats of the SPARQL endpoint: negotiation, and rendering with a reported row cap.

Rendering uses Oxigraph's own serializers. A SELECT answer is read up to the cap (one row
past it tells that the cap cut it), written as SPARQL TSV from Oxigraph's N-Triples form of
each term, parsed back with `pyoxigraph.parse_query_results` and serialized in the format
asked for; so the cap never silently truncates, and every format comes from the engine.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pyoxigraph as ox

RESULT_FORMATS = {  # name: (media type, pyoxigraph format)
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
ALIASES = {"srj": "json", "srx": "xml", "ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "rdf": "rdfxml",
           "text/plain": "ntriples", "application/json": "json", "application/xml": "xml", "text/xml": "xml",
           "application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
           "text/csv": "csv", "text/tab-separated-values": "tsv", "text/turtle": "turtle",
           "application/x-turtle": "turtle", "application/n-triples": "ntriples", "application/ld+json": "jsonld",
           "application/rdf+xml": "rdfxml"}


@dataclass
class Rendered:
    """A serialized answer: bytes, media type, how many rows (or triples) and whether the cap cut it."""

    body: bytes
    media_type: str
    rows: int
    truncated: bool


def negotiate(accept: str | None, format_param: str | None) -> tuple[str, str]:
    """(results format, graph format) names: `format=` wins, then the Accept header by q-value."""
    if format_param:
        name = ALIASES.get(format_param.lower(), format_param.lower())
        if name not in RESULT_FORMATS and name not in GRAPH_FORMATS:
            known = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
            raise ValueError(f"unknown format {format_param!r}; formats: {known}")
        return (name if name in RESULT_FORMATS else "json", name if name in GRAPH_FORMATS else "turtle")
    result, graph = "json", "turtle"
    result_q = graph_q = -1.0
    for media, q in parse_accept(accept or ""):
        name = ALIASES.get(media)
        if name in RESULT_FORMATS and q > result_q:
            result, result_q = name, q
        if name in GRAPH_FORMATS and q > graph_q:
            graph, graph_q = name, q
    return result, graph


def parse_accept(accept: str) -> list[tuple[str, float]]:
    """Media types of an Accept header with their q-values, best first."""
    out = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            out.append((media.lower(), q, -position))
    return [(m, q) for m, q, _ in sorted(out, key=lambda x: (x[1], x[2]), reverse=True)]


def render_solutions(variables: list[str], solutions: Iterable, fmt: str, cap: int) -> Rendered:
    """SELECT solutions (pyoxigraph QuerySolution-like rows) in `fmt`, at most `cap` rows."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    truncated = False
    for count, solution in enumerate(solutions):
        if count >= cap:
            truncated = True
            break
        lines.append("\t".join("" if solution[v] is None else str(solution[v]) for v in variables))
    rows = len(lines) - 1
    media, ox_format = RESULT_FORMATS[fmt]
    if fmt == "tsv":
        body = ("\n".join(lines) + "\n").encode("utf-8")
    else:
        parsed = ox.parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), format=ox.QueryResultsFormat.TSV)
        body = parsed.serialize(format=ox_format)
    return Rendered(body, _with_charset(media), rows, truncated)


def render_boolean(value: bool, fmt: str) -> Rendered:
    media, ox_format = RESULT_FORMATS["xml" if fmt == "xml" else "json" if fmt in ("csv", "tsv") else fmt]
    answer = ox.parse_query_results(b'{"head":{},"boolean":' + (b"true" if value else b"false") + b"}",
                                    format=ox.QueryResultsFormat.JSON)
    return Rendered(answer.serialize(format=ox_format), _with_charset(media), 1, False)


def render_triples(triples: Iterable, fmt: str, cap: int) -> Rendered:
    """CONSTRUCT/DESCRIBE triples in `fmt`, at most `cap` of them."""
    kept = []
    truncated = False
    for count, triple in enumerate(triples):
        if count >= cap:
            truncated = True
            break
        kept.append(triple)
    media, ox_format = GRAPH_FORMATS[fmt]
    return Rendered(ox.serialize(kept, format=ox_format) or b"", _with_charset(media), len(kept), truncated)


def _with_charset(media: str) -> str:
    return media if media.endswith("xml") else f"{media}; charset=utf-8"
