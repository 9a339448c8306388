"""The one place `kgraph serve` opens its store: read-only, and never created when missing."""
from __future__ import annotations

import inspect
from pathlib import Path

from kgraph.errors import StoreError
from kgraph.store import Store, open_store


def open_read_only(selector: str) -> Store:
    """The store `selector` names, opened read-only (a build may run beside it).

    Uses `open_store(selector, read_only=True)` where kgraph.store offers it; until then an
    Oxigraph folder is opened with pyoxigraph's read-only mode here. A remote SPARQL server
    is opened as usual (the endpoint only ever sends it queries).
    """
    if selector in ("memory:", "memory"):
        raise StoreError("kgraph serve needs a store on disk (oxigraph:PATH) or a SPARQL server; "
                         "a memory: store would be empty")
    if "read_only" in inspect.signature(open_store).parameters:
        return open_store(selector, read_only=True)  # type: ignore[call-arg]
    if selector.startswith("oxigraph:"):
        return _oxigraph_read_only(Path(selector[len("oxigraph:"):]))
    return open_store(selector)


def native_store(selector: str):
    """The pyoxigraph Store under an `oxigraph:` selector, opened read-only (for the engine's
    own serializers)."""
    store = open_read_only(selector)
    native = getattr(store, "_store", None)
    if native is None:
        raise StoreError(f"{selector} is not an Oxigraph store")
    return native


def _oxigraph_read_only(path: Path) -> Store:
    import pyoxigraph as ox

    from kgraph.store.oxigraph import OxigraphStore

    if not (path / "CURRENT").is_file():
        raise StoreError(f"no Oxigraph store at {path}; build one with `kgraph build --store oxigraph:{path}`")
    store = OxigraphStore.__new__(OxigraphStore)
    store.path, store.selector = None, f"oxigraph:{path}"  # path None: nothing to flush on close
    try:
        store._store = ox.Store.read_only(str(path))
    except OSError as error:
        raise StoreError(f"cannot open the Oxigraph store at {path} read-only: {error}") from None
    return store
