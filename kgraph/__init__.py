"""kgraph: a knowledge graph of Korean films and series, built from long-form reviews.

The public API is imported lazily so `import kgraph` stays fast:

    from kgraph import KGraph, open_store, KGraphError
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"
_EXPORTS = {
    "KGraph": "kgraph.api", "default_selector": "kgraph.api",
    "open_store": "kgraph.store", "Store": "kgraph.store", "Rows": "kgraph.store",
    "KGraphError": "kgraph.errors", "BuildReport": "kgraph.build",
    "run_query": "kgraph.queries", "read_source": "kgraph.sources",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
