"""The Python API: one object over a store, with the same verbs as the CLI.

    >>> from kgraph import KGraph
    >>> kg = KGraph("memory:")
    >>> report = kg.build(["data/reviews"], dump=None)
    >>> kg.stats()["titles"] >= 1
    True
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from kgraph.build import DEFAULT_PATHS, BuildReport
from kgraph.build import build as _build
from kgraph.errors import KGraphError
from kgraph.export import export as _export
from kgraph.queries import run_query
from kgraph.store import DEFAULT_SELECTOR, Rows, Store, open_store
from kgraph.validate import ValidationReport
from kgraph.validate import validate as _validate


def default_selector() -> str:
    """The store selector from $KGRAPH_STORE, else the embedded default."""
    return os.environ.get("KGRAPH_STORE", DEFAULT_SELECTOR)


class KGraph:
    """A knowledge graph in a store: build it, query it, validate it, export it."""

    def __init__(self, store: str | Store | None = None) -> None:
        self.store: Store = open_store(store or default_selector()) if not hasattr(store, "select") else store  # type: ignore[assignment]

    def build(self, paths: Iterable[Path | str] = DEFAULT_PATHS, aliases: Path | str | None = "data/aliases.csv",
              dump: Path | str | None = "data/kgraph.nq", progress: bool = False, force: bool = False) -> BuildReport:
        """Ingest review files into the store (see kgraph.build.build)."""
        return _build(self.store, paths, aliases=aliases, dump=dump, progress=progress, force=force)

    def query(self, name: str | Path, **params: object) -> Rows:
        """Run a named query from queries/ (or a .rq file) with its parameters bound."""
        return run_query(self.store, name, params)

    def validate(self) -> ValidationReport:
        """Check the graph against ontology/shapes.ttl."""
        return _validate(self.store)

    def stats(self) -> dict[str, int]:
        """Counts of titles, people, characters, credits, claims, reviews, sentences, ..."""
        counts = {str(what): int(count) for what, count in run_query(self.store, "stats").rows}
        for key in ("titles", "people", "characters", "credits", "reviews", "catalogues", "claims", "sentences"):
            counts.setdefault(key, 0)
        counts["graphs"] = len(self.store.graphs())
        return counts

    def conflicts(self) -> Rows:
        """Where sources disagree (year, runtime, episodes, Korean name, character, release date)."""
        return run_query(self.store, "conflicts")

    def reunions(self, min_titles: int = 2) -> Rows:
        """Pairs of people credited together on at least `min_titles` titles."""
        return run_query(self.store, "reunions", {"min_titles": min_titles})

    def people(self, duplicates: bool = False, aliases: Path | str = "data/aliases.csv") -> Rows:
        """Every person, or (duplicates=True) the pairs that may be one person, with why."""
        if not duplicates:
            return run_query(self.store, "people")
        from rdflib import Literal, URIRef

        from kgraph.people import likely_duplicates
        from kgraph.resolve import AliasTable

        found = likely_duplicates(self.store, AliasTable.load(aliases))
        return Rows(["a", "a_name", "b", "b_name", "why"],
                    [(URIRef(d.a), Literal(d.a_name), URIRef(d.b), Literal(d.b_name), Literal(d.why)) for d in found])

    def export(self, path: Path | str, format: str | None = None) -> int:
        """Write the whole dataset to `path` (N-Quads, TriG or Turtle); returns the triple count."""
        return _export(self.store, path, format)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["KGraph", "KGraphError", "default_selector"]
