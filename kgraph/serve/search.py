"""Search titles and people by any spelling, Hangul or romanised: the normalisation `kgraph
cast` resolves names with (kgraph.names.name_key), and the closest spellings when none match."""
from __future__ import annotations

import difflib

from kgraph.analysis.lookup import _names
from kgraph.names import name_key
from kgraph.store.base import Store

Hit = tuple[str, str, str]  # kind, IRI, display name


def search(store: Store, text: str, limit: int = 10) -> tuple[list[Hit], list[Hit]]:
    """(exact matches, closest matches) for `text` among titles and people."""
    key = name_key(text)
    exact: dict[str, Hit] = {}
    spellings: dict[str, set[Hit]] = {}
    for kind in ("title", "person"):
        labels = _names(store, kind)
        for iri, label, name in zip(labels["iri"], labels["label"], labels["name"]):
            hit = (kind, str(iri), str(name))
            if name_key(str(label)) == key or str(iri) == text:
                exact.setdefault(hit[1], hit)
            spellings.setdefault(str(label), set()).add(hit)
    if exact:
        return sorted(exact.values(), key=lambda h: (h[0], h[2])), []
    close: dict[str, Hit] = {}
    for label in difflib.get_close_matches(text, list(spellings), n=limit, cutoff=0.5):
        for hit in sorted(spellings[label]):
            close.setdefault(hit[1], hit)
    return [], list(close.values())[:limit]
