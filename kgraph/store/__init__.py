"""Open a store by selector string; backends are imported on first use.

| selector                         | backend                                      |
|----------------------------------|----------------------------------------------|
| `oxigraph:PATH`                  | Oxigraph on disk at PATH (the default)       |
| `memory:`                        | Oxigraph in memory, gone when closed         |
| `sparql+http://HOST:PORT/query`  | any SPARQL 1.1 server (update URL: /update)  |
| `sparql+https://HOST/sparql`     | same, one URL for query and update           |
"""
from __future__ import annotations

from kgraph.errors import SelectorError
from kgraph.store.base import Rows, Store

__all__ = ["Rows", "Store", "open_store", "DEFAULT_SELECTOR", "SELECTOR_FORMS"]

DEFAULT_SELECTOR = "oxigraph:data/store"
SELECTOR_FORMS = ("oxigraph:PATH", "memory:", "sparql+http://HOST:PORT/PATH", "sparql+https://HOST/PATH")


def open_store(selector: str = DEFAULT_SELECTOR, *, create: bool = True, read_only: bool = False,
               timeout: float | None = None) -> Store:
    """The store a selector names; an unknown selector raises SelectorError listing the forms.

    `create=False` refuses a folder that holds no store (StoreMissing) instead of making an
    empty one; `read_only=True` opens without the write lock and refuses every change;
    `timeout` (seconds; default $KGRAPH_SPARQL_TIMEOUT or 60) applies to remote servers.
    """
    if selector.startswith("oxigraph:"):
        path = selector[len("oxigraph:"):]
        if not path:
            raise SelectorError("oxigraph: needs a folder, e.g. oxigraph:data/store")
        from kgraph.store.oxigraph import OxigraphStore
        return OxigraphStore(path, create=create, read_only=read_only)
    if selector in ("memory:", "memory"):
        from kgraph.store.oxigraph import OxigraphStore
        return OxigraphStore(None)
    if selector.startswith(("sparql+http://", "sparql+https://")):
        from kgraph.store.sparql import SparqlStore
        return SparqlStore(selector[len("sparql+"):], timeout=timeout, read_only=read_only)
    raise SelectorError(f"unknown store selector {selector!r}; valid forms: {', '.join(SELECTOR_FORMS)}")
