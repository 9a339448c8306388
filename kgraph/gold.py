"""Gold files (`kgraph-gold/1`): what one real page states, written by a person, to score
extraction against. One JSON file per page; validated on load, with errors naming the file
and the JSON path of the bad field.

A field absent from `facts` means the page does not state it (not scored). An empty list,
or null for a single value, means the page states none: anything extracted there is wrong.
A person or character may be a list of the spellings one page uses for them (the first is
shown); `unsure` lists names the page leaves unclear, which are neither gold nor wrong.
`related` (optional) lists other works the page ties to people, each scored per (work, person).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgraph.errors import GoldError

FORMAT = "kgraph-gold/1"
LAYOUTS = ("seed-blog", "fan-blog", "mdl-style", "news-review", "listing", "markdown", "other")
KINDS = ("film", "series")
SCALARS = {"title": str, "hangul": str, "year": int, "kind": str, "episodes": int, "runtime_minutes": int}
PEOPLE = ("directors", "writers")
NAMES = ("platforms", "networks")
LISTS = ("cast", "nominations", "related", *PEOPLE, *NAMES, "unsure")
HEADER = {"format": str, "url": str, "site": str, "layout": str, "found_by": str, "page": str}


@dataclass(frozen=True)
class CastEntry:
    """A cast credit; `person` and `character` hold every spelling the page uses, the first shown."""

    person: tuple[str, ...]
    character: tuple[str, ...] | None


@dataclass(frozen=True)
class NominationEntry:
    ceremony: str
    category: str
    won: bool
    year: int | None = None
    nominee: str | None = None  # a person, or the title itself; None when the page names none


@dataclass(frozen=True)
class RelatedEntry:
    """Another work the page ties to people ("the director's earlier film X"): the work's
    spellings and each person's spellings, the first shown."""

    work: tuple[str, ...]
    people: tuple[tuple[str, ...], ...]


@dataclass
class Gold:
    """One page's gold: where it came from and the facts it states."""

    path: str
    url: str
    site: str
    layout: str
    found_by: str
    page: str
    facts: dict[str, Any] = field(default_factory=dict)
    note: str | None = None

    @property
    def group(self) -> str:
        """'seed-blog' for the seed blog's layout, else 'other'."""
        return "seed-blog" if self.layout == "seed-blog" else "other"


def load_gold(path: Path | str) -> Gold:
    """Read and validate one gold file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise GoldError(path, "", "no such file") from None
    except UnicodeDecodeError:
        raise GoldError(path, "", "not UTF-8") from None
    except json.JSONDecodeError as error:
        raise GoldError(path, "", f"not JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(data, dict):
        raise GoldError(path, "", "expected a JSON object")
    for key, kind in HEADER.items():
        _expect(path, f"/{key}", data.get(key), kind)
    if data["format"] != FORMAT:
        raise GoldError(path, "/format", f"expected {FORMAT!r}, got {data['format']!r}")
    if data["layout"] not in LAYOUTS:
        raise GoldError(path, "/layout", f"expected one of {', '.join(LAYOUTS)}, got {data['layout']!r}")
    if not data["url"].startswith(("http://", "https://")):
        raise GoldError(path, "/url", f"expected an http(s) URL, got {data['url']!r}")
    unknown = set(data) - {*HEADER, "facts", "note"}
    if unknown:
        raise GoldError(path, f"/{sorted(unknown)[0]}", "unknown field")
    facts = data.get("facts")
    if not isinstance(facts, dict):
        raise GoldError(path, "/facts", "expected an object")
    if "note" in data:
        _expect(path, "/note", data["note"], str)
    return Gold(path=str(path), url=data["url"], site=data["site"], layout=data["layout"],
                found_by=data["found_by"], page=data["page"], facts=_facts(path, facts), note=data.get("note"))


def load_gold_dir(folder: Path | str) -> list[Gold]:
    """Every `*.json` gold file of a folder, in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(folder, "", "no such folder of gold files")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise GoldError(folder, "", "holds no *.json gold files")
    return [load_gold(f) for f in files]


def _facts(path: Path, facts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in facts.items():
        where = f"/facts/{key}"
        if key in SCALARS:
            if value is not None:
                _expect(path, where, value, SCALARS[key])
                if key == "kind" and value not in KINDS:
                    raise GoldError(path, where, f"expected 'film' or 'series', got {value!r}")
            out[key] = value
        elif key == "cast":
            out[key] = [_cast(path, f"{where}/{i}", item) for i, item in enumerate(_list(path, where, value))]
        elif key == "nominations":
            out[key] = [_nomination(path, f"{where}/{i}", item) for i, item in enumerate(_list(path, where, value))]
        elif key == "related":
            out[key] = [_related(path, f"{where}/{i}", item) for i, item in enumerate(_list(path, where, value))]
        elif key in PEOPLE:
            out[key] = [_spellings(path, f"{where}/{i}", item) for i, item in enumerate(_list(path, where, value))]
        elif key in NAMES or key == "unsure":
            items = _list(path, where, value)
            for i, item in enumerate(items):
                _expect(path, f"{where}/{i}", item, str)
            out[key] = list(items)
        else:
            raise GoldError(path, where, f"unknown fact; expected one of {', '.join([*SCALARS, *LISTS])}")
    return out


def _object(path: Path, where: str, item: Any, allowed: set[str], expected: str) -> None:
    """An object whose fields are all among `allowed`; else the error names the bad field."""
    if not isinstance(item, dict):
        raise GoldError(path, where, f"expected {expected}")
    extra = set(item) - allowed
    if extra:
        raise GoldError(path, f"{where}/{sorted(extra)[0]}", "unknown field")


def _cast(path: Path, where: str, item: Any) -> CastEntry:
    _object(path, where, item, {"person", "character"}, '{"person": ..., "character": ... or null}')
    person = _spellings(path, f"{where}/person", item.get("person"))
    character = None if item.get("character") is None else _spellings(path, f"{where}/character", item["character"])
    return CastEntry(person, character)


def _related(path: Path, where: str, item: Any) -> RelatedEntry:
    _object(path, where, item, {"work", "people"}, '{"work": ..., "people": [...]}')
    work = _spellings(path, f"{where}/work", item.get("work"))
    people = _list(path, f"{where}/people", item.get("people"))
    if not people:
        raise GoldError(path, f"{where}/people", "expected a non-empty list of the people the page ties to the work")
    return RelatedEntry(work, tuple(_spellings(path, f"{where}/people/{i}", p) for i, p in enumerate(people)))


def _spellings(path: Path, where: str, value: Any) -> tuple[str, ...]:
    """A name, or a non-empty list of the spellings of one name."""
    if isinstance(value, list):
        if not value:
            raise GoldError(path, where, "expected a name or a non-empty list of its spellings")
        for i, item in enumerate(value):
            _expect(path, f"{where}/{i}", item, str)
        return tuple(value)
    _expect(path, where, value, str)
    return (value,)


def _nomination(path: Path, where: str, item: Any) -> NominationEntry:
    _object(path, where, item, {"ceremony", "category", "won", "year", "nominee"},
            "an object with ceremony, category, won")
    _expect(path, f"{where}/ceremony", item.get("ceremony"), str)
    _expect(path, f"{where}/category", item.get("category"), str)
    _expect(path, f"{where}/won", item.get("won"), bool)
    if item.get("year") is not None:
        _expect(path, f"{where}/year", item["year"], int)
    if item.get("nominee") is not None:
        _expect(path, f"{where}/nominee", item["nominee"], str)
    return NominationEntry(item["ceremony"], item["category"], item["won"], item.get("year"), item.get("nominee"))


def _list(path: Path, where: str, value: Any) -> list:
    if not isinstance(value, list):
        raise GoldError(path, where, "expected a list (empty when the page states none)")
    return value


def _expect(path: Path, where: str, value: Any, kind: type) -> None:
    name = {str: "a string", int: "an integer", bool: "true or false"}[kind]
    if value is None:
        raise GoldError(path, where, f"missing; expected {name}")
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise GoldError(path, where, f"expected {name}, got {json.dumps(value, ensure_ascii=False)[:40]}")
    if kind is str and not value.strip():
        raise GoldError(path, where, f"expected {name}, got an empty string")
