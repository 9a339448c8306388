"""SHACL validation of the store's review graphs with pySHACL, reported in plain words."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import SH

from kgraph.ontology import BUILD_GRAPH, ONTOLOGY_DIR, ONTOLOGY_GRAPH
from kgraph.store.base import Store

SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        value = f" [value: {self.value}]" if self.value else ""
        return f"{self.focus}{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)


def data_graph(store: Store) -> rdflib.Graph:
    """The union of the review and catalogue graphs (not the ontology or the build manifest)."""
    graph = rdflib.Graph()
    skip = {rdflib.URIRef(BUILD_GRAPH), rdflib.URIRef(ONTOLOGY_GRAPH)}
    for s, p, o, g in store.quads():
        if g not in skip:
            graph.add((s, p, o))
    return graph


def validate(store: Store, shapes: Path = SHAPES) -> ValidationReport:
    """Run the SHACL shapes over the store's data; never raises for non-conforming data."""
    from pyshacl import validate as shacl

    from kgraph.ontology import ontology_graph

    data = data_graph(store)
    conforms, results, _ = shacl(data, shacl_graph=str(shapes), ont_graph=ontology_graph(),
                                 inference="none", advanced=True, allow_warnings=True)
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        def value(p: rdflib.URIRef, result: rdflib.term.Node = result) -> str | None:
            v = results.value(result, p)
            return None if v is None else _short(data, v)
        message = results.value(result, SH.resultMessage)
        violations.append(Violation(
            focus=value(SH.focusNode) or "?", path=value(SH.resultPath), value=value(SH.value),
            message=str(message) if message else "does not conform",
            severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms), len(data), violations)


def _short(graph: rdflib.Graph, term: rdflib.term.Node) -> str:
    if isinstance(term, rdflib.URIRef):
        name = graph.value(term, rdflib.URIRef("http://schema.org/name"))
        short = str(term).replace("https://w3id.org/kgraph/id/", "").replace(
            "https://w3id.org/kgraph/ontology#", "kg:")
        return f"{short} ({name})" if name else short
    return str(term)
