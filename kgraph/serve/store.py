"""The one place `kgraph serve` opens its store: read-only, and never created when missing."""
from __future__ import annotations

from kgraph.errors import StoreError
from kgraph.store import Store, open_store


def open_read_only(selector: str) -> Store:
    """The store `selector` names, opened read-only (no lock: a build can run beside it); a
    missing store is an error. A remote SPARQL server is only ever sent queries."""
    if selector in ("memory:", "memory"):
        raise StoreError("kgraph serve needs a store on disk (oxigraph:PATH) or a SPARQL server; "
                         "a memory: store would be empty")
    return open_store(selector, create=False, read_only=True)

