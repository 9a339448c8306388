"""Dumps of the whole dataset: N-Quads (sorted, stable), TriG, or Turtle (graphs merged)."""
from __future__ import annotations

from pathlib import Path

import rdflib

from kgraph.errors import KGraphError
from kgraph.store.base import Store, write_nquads

FORMATS = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt"}


def export(store: Store, path: Path | str, format: str | None = None) -> int:
    """Write the store's named graphs to `path`; the format comes from `format` or the suffix."""
    path = Path(path)
    fmt = format or FORMATS.get(path.suffix.lower())
    if fmt not in set(FORMATS.values()):
        raise KGraphError(f"cannot tell the export format of {path.name!r}; use a suffix "
                          f"({', '.join(FORMATS)}) or --format {'/'.join(sorted(set(FORMATS.values())))}")
    if fmt == "nquads":
        return write_nquads(store.quads(), path)
    if fmt == "trig":
        dataset = rdflib.Dataset()
        for s, p, o, g in store.quads():
            dataset.graph(g).add((s, p, o))
        _bind(dataset)
        path.parent.mkdir(parents=True, exist_ok=True)
        dataset.serialize(destination=path, format="trig")
        return sum(len(g) for g in dataset.graphs())
    graph = rdflib.Graph()
    for s, p, o, _ in store.quads():
        graph.add((s, p, o))
    _bind(graph)
    path.parent.mkdir(parents=True, exist_ok=True)
    graph.serialize(destination=path, format=fmt)
    return len(graph)


def _bind(graph: rdflib.Graph) -> None:
    graph.bind("kg", "https://w3id.org/kgraph/ontology#")
    graph.bind("schema", "http://schema.org/", replace=True)
    graph.bind("kgr", "https://w3id.org/kgraph/id/")
