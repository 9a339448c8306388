"""Where kgraph's own files are: the ontology and the named queries.

The repository keeps them in the top-level `ontology/` and `queries/` folders; a wheel carries
the same files inside the package, as `kgraph/data/ontology/` and `kgraph/data/queries/`
(pyproject.toml maps the folders there). The installed copy is used when there is one.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_dir(name: str) -> Path:
    """The folder holding kgraph's `name` files (`ontology` or `queries`)."""
    packaged = resources.files("kgraph") / "data" / name
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return SOURCE_ROOT / name
