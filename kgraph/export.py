"""Dumps of the whole dataset: N-Quads (sorted, stable), TriG, or Turtle / N-Triples (graphs merged)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kgraph.errors import KGraphError
from kgraph.store.base import Store, write_nquads

FORMATS = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt"}
PREFIXES = {"kg": "https://w3id.org/kgraph/ontology#", "schema": "http://schema.org/",
            "kgr": "https://w3id.org/kgraph/id/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"}


def to_oxigraph(term: URIRef | BNode | Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def export_format(path: Path, format: str | None = None) -> str:
    """The export format `format` names, or the one `path`'s suffix implies; KGraphError otherwise."""
    fmt = format or FORMATS.get(path.suffix.lower())
    if fmt not in set(FORMATS.values()):
        raise KGraphError(f"cannot tell the export format of {path.name!r}; use a suffix "
                          f"({', '.join(FORMATS)}) or --format {'/'.join(sorted(set(FORMATS.values())))}")
    return fmt


def export(store: Store, path: Path | str, format: str | None = None) -> int:
    """Write the store's named graphs to `path`; the format comes from `format` or the suffix.

    Returns the number of quads (N-Quads, TriG) or distinct triples (Turtle, N-Triples) written.
    """
    path = Path(path)
    fmt = export_format(path, format)
    try:
        return _write(store, path, fmt)
    except OSError as error:
        raise KGraphError(f"cannot write {path}: {error.strerror or error}") from None


def _write(store: Store, path: Path, fmt: str) -> int:
    if fmt == "nquads":
        return write_nquads(store.quads(), path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "trig":
        quads = sorted(store.quads(), key=lambda q: (str(q[3]), str(q[0]), str(q[1]), str(q[2])))
        ox.serialize((ox.Quad(*(to_oxigraph(t) for t in q)) for q in quads), str(path),
                     format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        return len(quads)
    triples = sorted({(s, p, o) for s, p, o, _ in store.quads()}, key=lambda t: tuple(map(str, t)))
    ox.serialize((ox.Triple(*(to_oxigraph(t) for t in triple)) for triple in triples), str(path),
                 format=ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES,
                 prefixes=PREFIXES if fmt == "turtle" else None)
    return len(triples)
