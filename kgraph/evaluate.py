"""How well extraction finds cast and characters: reviews measured against the catalogue."""
from __future__ import annotations

from dataclasses import dataclass, field

from kgraph.names import name_key
from kgraph.ontology import GRAPH_IRI
from kgraph.queries import run_query
from kgraph.store.base import Store


@dataclass
class CastScore:
    """Counts behind precision and recall; `misses` and `wrong` say what went astray."""

    extracted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


def loose_tokens(name: str) -> list[str]:
    """Name tokens with the usual romanisation variants folded (Shi/Si, Joo/Ju, Hee/Hi)."""
    key = name_key(name)
    for old, new in (("shi", "si"), ("oo", "u"), ("ee", "i"), ("ou", "u")):
        key = key.replace(old, new)
    return key.split("-")


def same_character(a: str, b: str) -> bool:
    """Names of one character: equal up to romanisation, or one is the other without the
    family name (Ok-ju, Jang Ok-ju)."""
    ka, kb = loose_tokens(a), loose_tokens(b)
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    return len(short) >= 2 and long[-len(short):] == short


def cast_quality(store: Store) -> CastScore:
    """Score (person, character) pairs of review graphs against the catalogue of the same title.

    Precision counts extracted pairs that the catalogue confirms; recall counts the catalogue's
    pairs whose actor the review names, that the review found (characters the catalogue only
    describes, such as "Seo-yeon's father", are left out of the gold set).
    """
    named: dict[str, set[str]] = {}
    for row in run_query(store, "people-by-source"):
        named.setdefault(str(row["graph"]), set()).add(str(row["person"]))
    reviews: dict[str, set[tuple[str, str, str]]] = {}
    mentioned: dict[str, set[str]] = {}
    gold: dict[str, set[tuple[str, str, str]]] = {}
    for row in run_query(store, "cast-by-source"):
        if row["character_name"] is None:
            continue
        graph, title = str(row["graph"]), str(row["title"])
        pair = (str(row["person"]), str(row["character_name"]), str(row["person_name"]))
        if graph.startswith(GRAPH_IRI + "review/"):
            reviews.setdefault(title, set()).add(pair)
            mentioned.setdefault(title, set()).update(named.get(graph, set()))
        elif graph.startswith(GRAPH_IRI + "catalog/") and str(row["named"] or "true") == "true":
            gold.setdefault(title, set()).add(pair)
    score = CastScore()
    for title, pairs in reviews.items():
        truth = gold.get(title, set())
        if not truth:
            continue
        for person, character, name in pairs:
            score.extracted += 1
            if any(p == person and same_character(character, c) for p, c, _ in truth):
                score.correct += 1
            else:
                score.wrong.append((title.rsplit("/", 1)[-1], name, character))
        for person, character, name in truth:
            if person not in mentioned.get(title, set()):
                continue
            score.gold += 1
            if any(p == person and same_character(character, c) for p, c, _ in pairs):
                score.found += 1
            else:
                score.misses.append((title.rsplit("/", 1)[-1], name, character))
    return score
