"""Conservative matching of kgraph titles and people to Wikidata items (pure functions).

Titles: a Korean label (or alias) of the item equals the title's Korean name, a publication
date (P577) falls in the title's year, and its class (P31) fits the kind (film, television
series). People: a label or alias equals one of the person's spellings (any romanisation, or
Hangul), and the item is credited on at least one title already linked, on which the person
is credited too. A link is written only when one item passes for the entity and the entity is
the strongest claimant of that item; two people never share an item (so the two 김지훈 get
their own items or none). Everything else is a candidate for the user to decide.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from kgraph.names import name_key

FILM = URIRef("http://www.wikidata.org/entity/Q11424")
SERIES = URIRef("http://www.wikidata.org/entity/Q5398426")
HUMAN = URIRef("http://www.wikidata.org/entity/Q5")
KIND_TYPES = {"film": FILM, "series": SERIES}


@dataclass
class LocalTitle:
    iri: str
    name: str
    kind: str = "title"
    years: set[int] = field(default_factory=set)
    names_ko: set[str] = field(default_factory=set)
    names_en: set[str] = field(default_factory=set)


@dataclass
class LocalPerson:
    iri: str
    name: str
    names_ko: set[str] = field(default_factory=set)
    names_en: set[str] = field(default_factory=set)
    credits: dict[str, set[str]] = field(default_factory=dict)  # title IRI -> character names
    distinct_from: set[str] = field(default_factory=set)


@dataclass
class Candidate:
    """One (entity, item) pair with the evidence for it and the verdict."""

    kind: str
    entity: str
    entity_name: str
    item: str
    labels: list[Literal] = field(default_factory=list)
    year: int | None = None
    type: str | None = None
    shared: list[str] = field(default_factory=list)  # kgraph title IRIs credited on both sides
    characters: list[str] = field(default_factory=list)
    score: float = 0.0
    passes: bool = False
    decision: str = "automatic"
    why: str = ""

    @property
    def strength(self) -> tuple[int, int]:
        return (len(self.shared), len(self.characters))


@dataclass
class Matches:
    linked: list[Candidate] = field(default_factory=list)
    undecided: list[Candidate] = field(default_factory=list)


def _labels_equal(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def title_candidates(title: LocalTitle, found: dict[str, dict]) -> list[Candidate]:
    """Score each item found for `title`; `found` maps item -> {labels, types, years}."""
    out = []
    for item, info in sorted(found.items()):
        labels = [l for l in info["labels"] if any(_labels_equal(str(l), n) for n in title.names_ko | title.names_en)]
        korean = any(l.language == "ko" and any(_labels_equal(str(l), n) for n in title.names_ko) for l in labels)
        english = any(l.language != "ko" for l in labels)
        year = next((y for y in sorted(info["years"]) if y in title.years), None)
        wanted = KIND_TYPES.get(title.kind)
        type_ok = wanted is not None and wanted in info["types"]
        c = Candidate("title", title.iri, title.name, item, labels, year, str(wanted) if type_ok else None)
        c.score = round(0.4 * korean + 0.1 * english + 0.3 * (year is not None) + 0.2 * type_ok, 2)
        c.passes = korean and year is not None and type_ok
        missing = [w for w, ok in (("Korean label", korean), (f"year {sorted(title.years) or '?'}", year is not None),
                                   (f"type {title.kind}", type_ok)) if not ok]
        c.why = "Korean label, year and type match" if c.passes else "no match on " + ", ".join(missing)
        if labels:
            out.append(c)
    return out


def person_candidates(person: LocalPerson, found: dict[str, list[Literal]], linked_titles: dict[str, str],
                      credits: dict[tuple[str, str], set[str]]) -> list[Candidate]:
    """Score each human item found for `person` by label.

    `linked_titles` maps kgraph title -> item; `credits` maps (work item, person item) to the
    character labels the work gives that person (empty for crew or a role without P453)."""
    out = []
    for item, labels in sorted(found.items()):
        shared, characters = [], []
        for title, names in sorted(person.credits.items()):
            work = linked_titles.get(title)
            if work is None or (work, item) not in credits:
                continue
            shared.append(title)
            wikidata_names = credits[(work, item)]
            characters += sorted(n for n in names if any(_labels_equal(n, w) for w in wikidata_names))
        hangul = any(l.language == "ko" for l in labels)
        c = Candidate("person", person.iri, person.name, item, labels, None, str(HUMAN), shared, characters)
        c.score = round(min(1.0, 0.3 + 0.1 * hangul + 0.4 * bool(shared) + 0.1 * (len(shared) > 1)
                            + 0.1 * bool(characters)), 2)
        c.passes = bool(shared)
        c.why = (f"label and {len(shared)} shared credit(s)" + (f", character {', '.join(characters)}" if characters
                                                                   else "")) if shared \
            else "label only: no shared credit on a linked title"
        out.append(c)
    return out


def decide(kind: str, candidates: list[Candidate], forced: dict[str, list[str]], refused: set[tuple[str, str]],
           names: dict[str, str] | None = None, by_strength: bool = False) -> Matches:
    """Pick at most one item per entity and one entity per item; the rest is for the user.

    `forced` maps entity -> items the user accepted; `refused` holds (entity, item) pairs the
    user refused (never linked, never offered). With `by_strength` (people), an entity's best
    item must beat its other passing items on shared credits and characters, and the entity
    must beat every other claimant of that item."""
    result = Matches()
    live = [c for c in candidates if (c.entity, c.item) not in refused]
    by_entity: dict[str, list[Candidate]] = {}
    for c in live:
        by_entity.setdefault(c.entity, []).append(c)
    chosen: dict[str, Candidate] = {}
    for entity, items in forced.items():
        for item in items:
            hit = next((c for c in by_entity.get(entity, []) if c.item == item), None)
            c = hit or Candidate(kind, entity, (names or {}).get(entity, entity), item, why="decided by the user")
            c.decision, c.passes = "user", True
            chosen[entity] = c
    for entity, items in by_entity.items():
        if entity in chosen:
            continue
        passing = [c for c in items if c.passes]
        if by_strength and len(passing) > 1:
            passing.sort(key=lambda c: c.strength, reverse=True)
            if passing[0].strength > passing[1].strength:
                passing = passing[:1]
        if len(passing) == 1:
            chosen[entity] = passing[0]
        elif len(passing) > 1:
            for c in passing:
                c.why = f"{c.why}; {len(passing)} items fit equally"
    claimants: dict[str, list[Candidate]] = {}
    for c in live:
        if c.passes:
            claimants.setdefault(c.item, []).append(c)
    for entity, c in list(chosen.items()):
        if c.decision == "user":
            continue
        rivals = [r for r in claimants.get(c.item, []) if r.entity != entity]
        user_owner = any(o.item == c.item and o.entity != entity and o.decision == "user" for o in chosen.values())
        if user_owner or any(r.strength >= c.strength if by_strength else True for r in rivals):
            c.why = f"{c.why}; {rivals[0].entity_name if rivals else 'another entity'} claims the same item"
            del chosen[entity]
    result.linked = sorted(chosen.values(), key=lambda c: c.entity)
    taken = set(chosen)
    result.undecided = sorted((c for c in live if c.entity not in taken), key=lambda c: (c.entity, -c.score, c.item))
    return result
