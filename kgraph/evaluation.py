"""Score extraction against gold files: per-field precision, recall and F1, micro-averaged over
pages, overall and per layout group, with every miss and every wrong fact listed.

Each page is read and extracted in memory, as `kgraph jsonld FILE` does: no store, no build.
People are compared by name key with the usual romanisation variants folded, characters as in
`kgraph.evaluate.same_character`, titles, platforms and award names case- and
punctuation-insensitively.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd

from kgraph.evaluate import loose_tokens, same_character
from kgraph.gold import CastEntry, Gold, NominationEntry, RelatedEntry, load_gold_dir
from kgraph.names import clean

DEFAULT_PAGES = Path("data/devset/pages")
FIELDS = ("title", "hangul", "year", "kind", "episodes", "runtime", "cast", "characters",
          "directors", "writers", "platforms", "networks", "nominations", "related")
# `related` (other works a page ties to people) is scored on its own, outside "overall", so the
# overall score stays the score of what the page says about the reviewed title.
OVERALL = FIELDS[:-1]
GROUPS = ("all", "seed-blog", "other")


@dataclass(frozen=True)
class Item:
    """One extracted fact: its display text and every surface form it may be matched by."""

    text: str
    forms: tuple[Any, ...]


@dataclass
class Tally:
    gold: int = 0
    extracted: int = 0
    correct: int = 0

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.extracted += other.extracted
        self.correct += other.correct

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Error:
    """A miss (gold fact not extracted) or a wrong fact (extracted, not in the gold)."""

    page: str
    field: str
    kind: str  # "miss" | "wrong"
    value: str


@dataclass
class PageResult:
    gold: Gold
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    failure: str | None = None


@dataclass
class EvaluationReport:
    """What `kgraph evaluate` prints: scores, misses, wrong facts, pages that failed to read."""

    pages: list[PageResult]

    def tally(self, group: str = "all", layout: str | None = None) -> dict[str, Tally]:
        """Per-field counts summed over the pages of a group ('all', 'seed-blog', 'other') or a layout."""
        out = {name: Tally() for name in (*FIELDS, "overall")}
        for page in self.pages:
            if (group != "all" and page.gold.group != group) or (layout and page.gold.layout != layout):
                continue
            for name, tally in page.tallies.items():
                out[name].add(tally)
                if name in OVERALL:
                    out["overall"].add(tally)
        return out

    def scores(self) -> pd.DataFrame:
        """One row per (group, field): gold, extracted, correct, precision, recall, f1."""
        rows = []
        for group in GROUPS:
            for name, t in self.tally(group).items():
                rows.append({"group": group, "field": name, "gold": t.gold, "extracted": t.extracted,
                             "correct": t.correct, "precision": t.precision, "recall": t.recall, "f1": t.f1})
        return pd.DataFrame(rows)

    @property
    def misses(self) -> list[Error]:
        return [e for p in self.pages for e in p.errors if e.kind == "miss"]

    @property
    def wrong(self) -> list[Error]:
        return [e for p in self.pages for e in p.errors if e.kind == "wrong"]

    @property
    def failed(self) -> list[tuple[str, str]]:
        return [(p.gold.page, p.failure) for p in self.pages if p.failure]

    def to_dict(self) -> dict[str, Any]:
        layouts = sorted({p.gold.layout for p in self.pages})
        def block(tallies: dict[str, Tally]) -> dict[str, Any]:
            return {k: {"gold": t.gold, "extracted": t.extracted, "correct": t.correct,
                        "precision": t.precision, "recall": t.recall, "f1": t.f1} for k, t in tallies.items()}
        return {
            "pages": len(self.pages),
            "groups": {g: block(self.tally(g)) for g in GROUPS},
            "layouts": {lay: block(self.tally(layout=lay)) for lay in layouts},
            "failed": [{"page": page, "error": error} for page, error in self.failed],
            "misses": [e.__dict__ for e in self.misses],
            "wrong": [e.__dict__ for e in self.wrong],
        }

    def table(self) -> str:
        """The per-field table, one P/R/F1 column block per group, as plain text."""
        counts = {g: sum(1 for p in self.pages if g == "all" or p.gold.group == g) for g in GROUPS}
        tallies = {g: self.tally(g) for g in GROUPS}
        head = f"{'field':<12}" + "".join(f" | {f'{g} ({counts[g]} pages)':<29}" for g in GROUPS)
        sub = f"{'':<12}" + " | {:>5} {:>5} {:>5} {:>11}".format("P", "R", "F1", "ok/ex/gold") * len(GROUPS)
        lines = [head, sub, "-" * len(sub)]
        for name in (*FIELDS, "overall"):
            cells = []
            for g in GROUPS:
                t = tallies[g][name]
                cells.append(" | {:>5} {:>5} {:>5} {:>11}".format(
                    _pct(t.precision), _pct(t.recall), _pct(t.f1), f"{t.correct}/{t.extracted}/{t.gold}"))
            lines.append(f"{name:<12}" + "".join(cells))
        return "\n".join(lines) + "\n"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


# ------------------------------------------------------------------ running


def evaluate(gold_dir: Path | str, pages: Path | str = DEFAULT_PAGES,
             aliases: Path | str | None = "data/aliases.csv") -> EvaluationReport:
    """Extract every page a gold file names and score it against that gold file."""
    from kgraph.errors import SourceError
    from kgraph.resolve import AliasTable

    golds = load_gold_dir(gold_dir)
    if not Path(pages).is_dir():
        raise SourceError(pages, "no such folder of page texts (data/devset/README.md says how to fetch them)")
    table = AliasTable.load(aliases) if aliases and Path(aliases).exists() else AliasTable()
    return EvaluationReport([evaluate_page(g, Path(pages), table) for g in golds])


def evaluate_page(gold: Gold, pages: Path, table: Any) -> PageResult:
    """Score one page; a page that fails to read counts every gold fact as a miss."""
    from kgraph.errors import KGraphError
    from kgraph.extract import extract
    from kgraph.resolve import Resolver
    from kgraph.sources import read_source

    result = PageResult(gold)
    predicted: dict[str, list[Item]] = {}
    try:
        documents = read_source(pages / gold.page, str(pages / gold.page))
        if len(documents) != 1:
            raise KGraphError(f"{pages / gold.page} holds {len(documents)} posts, expected one")
        predicted = extracted_items(extract(documents[0], Resolver(table)))
    except KGraphError as error:
        result.failure = str(error)
    except Exception as error:  # an extractor crash is a result to report, not a reason to stop
        result.failure = f"extractor crashed: {type(error).__name__}: {error}"
    for name, (gold_items, match) in gold_items_of(gold).items():
        found = [] if result.failure else _unsure(gold, name, predicted.get(name, []))
        tally, errors = _score(gold_items, found, match)
        result.tallies[name] = tally
        result.errors += [Error(gold.page, name, kind, value) for kind, value in errors]
    return result


def _score(gold: list[Any], found: list[Item], match: Callable[[Any, Item], bool]) -> tuple[Tally, list]:
    """The largest one-to-one matching of gold facts to extracted items (augmenting paths)."""
    edges = [[j for j, item in enumerate(found) if match(g, item)] for g in gold]
    owner: dict[int, int] = {}  # extracted item -> gold fact

    def place(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched = {i for i in range(len(gold)) if place(i, set())}
    errors = [("miss", _show(g)) for i, g in enumerate(gold) if i not in matched]
    errors += [("wrong", item.text) for j, item in enumerate(found) if j not in owner]
    return Tally(gold=len(gold), extracted=len(found), correct=len(owner)), errors


def _show(value: Any) -> str:
    if isinstance(value, CastEntry):
        return f"{value.person[0]} as {value.character[0]}" if value.character else value.person[0]
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], RelatedEntry):
        return f"{value[0].work[0]} ({value[1][0]})"
    if isinstance(value, tuple):
        return value[0]
    if isinstance(value, NominationEntry):
        return _nomination_text(value.ceremony, value.year, value.category, value.nominee, value.won)
    return str(value)


def _nomination_text(ceremony: str, year: int | None, category: str, nominee: str | None, won: bool) -> str:
    return (f"{ceremony}{f' {year}' if year else ''}: {category}"
            f"{f' ({nominee})' if nominee else ''}, {'won' if won else 'nominated'}")


# ------------------------------------------------------------------ keys and matching


def text_key(text: str) -> str:
    """Case- and punctuation-insensitive key of a title, platform or award name."""
    return re.sub(r"[\W_]+", "", clean(text).casefold())


def person_key(name: str) -> tuple[str, ...]:
    """People's names compare as their folded tokens in any order ("Chan-wook Park", "Park Chan-wook")."""
    return tuple(sorted(loose_tokens(name)))


def ceremony_key(name: str) -> str:
    """'the 58th Baeksang Arts Awards' and '2022 Baeksang Arts Awards' -> one key."""
    name = re.sub(r"\b(?:the|\d{4}|\d+(?:st|nd|rd|th))\b", " ", clean(name), flags=re.I)
    return text_key(name)


def category_key(name: str) -> str:
    """'Best Actor Award' and 'best actor' -> one key; the side ('– Film') stays."""
    return text_key(re.sub(r"\s+(?:award|prize)s?\s*$", "", clean(name), flags=re.I))


def _same_ceremony(a: str, b: str) -> bool:
    """Equal keys, or one name the start of the other ('Cannes', 'Cannes Film Festival')."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)))


def _platform_key(name: str) -> str:
    from kgraph.extract.lexicon import load_lexicon
    found = load_lexicon().platform(name)
    return text_key(found[1] if found else name)


def gold_items_of(gold: Gold) -> dict[str, tuple[list[Any], Callable[[Any, Item], bool]]]:
    """Per scored field: the gold facts (empty when the page states none) and how one matches."""
    facts = gold.facts
    out: dict[str, tuple[list[Any], Callable[[Any, Item], bool]]] = {}

    def scalar(key: str, name: str, norm: Callable[[Any], Any]) -> None:
        if key in facts:
            value = facts[key]
            out[name] = ([] if value is None else [value], lambda g, item: norm(g) in item.forms)

    scalar("title", "title", text_key)
    scalar("hangul", "hangul", lambda v: re.sub(r"\s+", "", v))
    scalar("year", "year", int)
    scalar("kind", "kind", str)
    scalar("episodes", "episodes", int)
    scalar("runtime_minutes", "runtime", int)
    if "cast" in facts:
        cast: list[CastEntry] = facts["cast"]
        people = list({person_key(c.person[0]): c.person for c in cast}.values())
        out["cast"] = (people, _person_match)
        out["characters"] = ([c for c in cast if c.character], _character_match)
    for key in ("directors", "writers"):
        if key in facts:
            out[key] = (facts[key], _person_match)
    for key in ("platforms", "networks"):
        if key in facts:
            out[key] = (facts[key], lambda g, item: _platform_key(g) in item.forms)
    if "related" in facts:
        related: list[RelatedEntry] = facts["related"]
        pairs = [(entry, person) for entry in related for person in entry.people]
        out["related"] = (pairs, _related_match)
    if "nominations" in facts:
        title = text_key(facts.get("title") or "")
        out["nominations"] = (facts["nominations"], lambda g, item: _nomination_match(g, item, title))
    return out


def _person_match(g: tuple[str, ...], item: Item) -> bool:
    return any(person_key(name) in item.forms for name in g)


def _character_match(g: CastEntry, item: Item) -> bool:
    people, characters = item.forms
    return (any(person_key(name) in people for name in g.person)
            and any(same_character(name, c) for name in g.character or () for c in characters))


def _related_match(g: tuple[RelatedEntry, tuple[str, ...]], item: Item) -> bool:
    works, people = item.forms
    entry, person = g
    return any(text_key(w) in works for w in entry.work) and any(person_key(n) in people for n in person)


def _unsure(gold: Gold, name: str, items: list[Item]) -> list[Item]:
    """Drop extracted people the gold file marks as unclear on the page (`unsure`)."""
    unsure = {person_key(n) for n in gold.facts.get("unsure", [])}
    if not unsure or name not in ("cast", "characters", "directors", "writers"):
        return items
    def people(item: Item) -> tuple:
        return item.forms[0] if name == "characters" else item.forms
    return [item for item in items if not unsure & set(people(item))]


def _nomination_match(g: NominationEntry, item: Item, title: str) -> bool:
    ceremony, year, category, won, nominees = item.forms
    if not _same_ceremony(ceremony, ceremony_key(g.ceremony)) or category != category_key(g.category) or won != g.won:
        return False
    if g.year is not None and year != g.year:
        return False
    if g.nominee is None:
        return True
    if text_key(g.nominee) == title:  # the title itself: kgraph leaves the nominee out, or names the title
        return not nominees or text_key(g.nominee) in nominees
    return person_key(g.nominee) in nominees


# ------------------------------------------------------------------ what was extracted


def extracted_items(facts: Any) -> dict[str, list[Item]]:
    """The scored fields of one review's facts (kgraph.extract.facts.ReviewFacts)."""
    from kgraph.extract.facts import (
        CastCredit, CrewCredit, Mention, Nomination, PersonEntity, PlatformEntity, TitleEntity,
    )
    from kgraph.vocab import KG

    entities = {e.iri: e for e in [*facts.entities, facts.title]}
    title = facts.title
    subject = title.iri
    out: dict[str, list[Item]] = {name: [] for name in FIELDS}

    def names(iri: str | None) -> list[str]:
        entity = entities.get(iri) if iri else None
        return [entity.name, *getattr(entity, "spellings", [])] if entity is not None and entity.name else []

    out["title"] = [Item(title.name, tuple({text_key(n) for n in [title.name, *title.spellings]}))]
    if title.kind in ("film", "series"):
        out["kind"] = [Item(title.kind, (title.kind,))]
    predicates = {KG.nameKo: "hangul", KG.year: "year", KG.episodeCount: "episodes", KG.runtimeMinutes: "runtime"}
    for statement in facts.statements:
        if statement.subject.value != subject:
            continue
        name = predicates.get(statement.predicate)
        if name == "hangul":
            value = str(statement.value)
            out[name].append(Item(value, (re.sub(r"\s+", "", value),)))
        elif name:
            value = int(statement.value.toPython() if hasattr(statement.value, "toPython") else statement.value)
            out[name].append(Item(str(value), (value,)))
        elif statement.predicate == KG.platform:
            platform = entities.get(statement.value.value)
            if isinstance(platform, PlatformEntity):
                out["networks" if platform.broadcaster else "platforms"].append(
                    Item(platform.name, (text_key(platform.name),)))
    jobs = {"director": "directors", "writer": "writers"}
    seen_cast: set[str] = set()
    seen_related: set[tuple[str, str]] = set()
    for claim in facts.claims:
        if getattr(claim, "title", None) is None or claim.title.value != subject:
            continue
        if isinstance(claim, CastCredit):
            person = names(claim.person.value)
            forms = tuple({person_key(n) for n in person})
            if claim.person.value not in seen_cast:
                seen_cast.add(claim.person.value)
                out["cast"].append(Item(person[0] if person else claim.person.value, forms))
            if claim.character is not None:
                character = names(claim.character.value)
                out["characters"].append(Item(f"{person[0] if person else '?'} as {character[0] if character else '?'}",
                                              (forms, tuple(character))))
        elif isinstance(claim, CrewCredit) and claim.job is not None:
            field_name = jobs.get(re.split(r"[/#]", claim.job.value)[-1])
            if field_name:
                person = names(claim.person.value)
                out[field_name].append(Item(person[0] if person else claim.person.value,
                                            tuple({person_key(n) for n in person})))
        elif isinstance(claim, Mention):
            work = names(claim.work.value)
            for person in claim.people:
                if (claim.work.value, person.value) in seen_related:
                    continue
                seen_related.add((claim.work.value, person.value))
                spelled = names(person.value)
                out["related"].append(Item(f"{work[0] if work else '?'} ({spelled[0] if spelled else '?'})",
                                           (tuple({text_key(n) for n in work}), tuple({person_key(n) for n in spelled}))))
        elif isinstance(claim, Nomination):
            ceremony = names(claim.ceremony.value if claim.ceremony else None)
            category = names(claim.category.value if claim.category else None)
            nominee = names(claim.nominee.value) if claim.nominee else []
            nominee_entity = entities.get(claim.nominee.value) if claim.nominee else None
            keys: set[Any] = {text_key(n) for n in nominee} if isinstance(nominee_entity, TitleEntity) else set()
            if isinstance(nominee_entity, PersonEntity) or not keys:
                keys |= {person_key(n) for n in nominee}
            won = claim.result is not None and claim.result.value == str(KG.Won)
            text = _nomination_text(ceremony[0] if ceremony else "?", claim.year, category[0] if category else "?",
                                    nominee[0] if nominee else None, won)
            out["nominations"].append(Item(text, (ceremony_key(ceremony[0]) if ceremony else "", claim.year,
                                                  category_key(category[0]) if category else "", won, tuple(keys))))
    return out


def lines(report: EvaluationReport, misses: bool = False) -> Iterable[str]:
    """The report as the CLI prints it: the table, failed pages, then (with misses) every error."""
    yield report.table().rstrip("\n")
    for page, error in report.failed:
        yield f"unread: {page}: {error}"
    if misses:
        for e in sorted([*report.misses, *report.wrong], key=lambda e: (e.page, FIELDS.index(e.field), e.kind)):
            yield f"{e.kind}: {e.page}: {e.field}: {e.value}"
