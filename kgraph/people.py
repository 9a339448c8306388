"""People the graph keeps apart that may be one person: listed with the reason, never merged."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from kgraph.names import name_key
from kgraph.queries import run_query
from kgraph.resolve import AliasTable
from kgraph.store.base import Store


@dataclass(frozen=True)
class Duplicate:
    a: str
    a_name: str
    b: str
    b_name: str
    why: str
    decided: bool  # True when the alias table says they are different people


def _edit_distance_at_most_one(x: str, y: str) -> bool:
    if abs(len(x) - len(y)) > 1 or x == y:
        return x == y
    if len(x) > len(y):
        x, y = y, x
    i = j = diff = 0
    while i < len(x) and j < len(y):
        if x[i] != y[j]:
            diff += 1
            if diff > 1:
                return False
            if len(x) == len(y):
                i += 1
            j += 1
            continue
        i += 1
        j += 1
    return diff + (len(y) - j) + (len(x) - i) <= 1


def likely_duplicates(store: Store, table: AliasTable | None = None) -> list[Duplicate]:
    """Pairs of people with the same Hangul name, a name one letter apart, the same name in
    another order, or one listing the other's name among its spellings."""
    people: dict[str, dict] = {}
    for row in run_query(store, "people"):
        person = people.setdefault(str(row["person"]), {"name": str(row["name"]), "ko": set(), "spellings": set()})
        if row["name_ko"] is not None:
            person["ko"].add(str(row["name_ko"]))
        if row["spelling"] is not None:
            person["spellings"].add(name_key(str(row["spelling"])))
    apart = set()
    for entity in (table.entities if table else []):
        for other in entity.distinct_from:
            apart.add(frozenset((entity.iri, f"{entity.iri.rsplit('/', 1)[0]}/{other}")))
    out = []
    for (ia, a), (ib, b) in combinations(sorted(people.items()), 2):
        ka, kb = name_key(a["name"]), name_key(b["name"])
        reasons = []
        shared = a["ko"] & b["ko"]
        if shared:
            reasons.append(f"same Korean name {', '.join(sorted(shared))}")
        if ka in b["spellings"] or kb in a["spellings"]:
            reasons.append("one lists the other's name as a spelling")
        if _edit_distance_at_most_one(ka.replace("-", ""), kb.replace("-", "")):
            reasons.append("names one letter apart")
        if sorted(ka.split("-")) == sorted(kb.split("-")) and ka != kb:
            reasons.append("same name in another order")
        if reasons:
            decided = frozenset((ia, ib)) in apart
            why = "; ".join(reasons) + ("; kept apart by the alias table (distinct_from)" if decided
                                        else "; not decided: add a row to data/aliases.csv")
            out.append(Duplicate(ia, a["name"], ib, b["name"], why, decided))
    return out
