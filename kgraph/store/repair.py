"""The way back from a damaged store: set it aside and let the build start anew."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from kgraph.errors import StoreError
from kgraph.ontology import GRAPH_IRI

log = logging.getLogger(__name__)


def set_aside(selector: str) -> str | None:
    """Move an on-disk store out of the way (PATH.broken-TIMESTAMP) so a build makes a new one;
    on a SPARQL server, drop kgraph's own graphs. Returns where the old store went, or None."""
    if selector.startswith("oxigraph:"):
        path = Path(selector[len("oxigraph:"):])
        if not path.exists() or (path.is_dir() and not any(path.iterdir())):
            return None
        target = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            path.rename(target)
        except OSError as error:
            raise StoreError(f"cannot set the store at {path} aside: {error.strerror or error}") from None
        Path(f"{path}.analytics.duckdb").unlink(missing_ok=True)  # derived from the store: rebuilt
        log.info("set %s aside as %s", path, target)
        return str(target)
    if selector.startswith(("sparql+http://", "sparql+https://")):
        from kgraph.store import open_store
        with open_store(selector) as store:
            graphs = [g for g in store.graphs() if g.startswith(GRAPH_IRI)]
            for graph in graphs:
                store.remove_graph(graph)
        return f"{len(graphs)} kgraph graphs dropped from {selector}"
    return None
