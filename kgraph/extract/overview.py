"""The Overview block: "Field: value" lines, whatever their bullets, field names and qualifiers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.sources.document import Document, Sentence

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "english title", "drama title", "film title", "movie title", "name"),
    "korean_title": ("korean title", "hangul title", "title in korean", "korean name", "original title"),
    "year": ("year", "year released", "release year", "released", "year of release"),
    "genre": ("genre", "genres"),
    "cast": ("main cast", "cast", "starring", "stars", "lead cast", "leads", "main actors"),
    "runtime": ("runtime", "running time", "episode duration", "duration", "length", "episode length",
                "episode runtime"),
    "episodes": ("episodes", "number of episodes", "episode count", "no. of episodes", "total episodes"),
    "platform": ("streaming platform", "streaming platforms", "platform", "platforms", "available on",
                 "where to watch", "streaming on", "streaming", "watch on", "ott"),
    "network": ("network", "broadcast network", "broadcaster", "channel", "original network", "tv network"),
    "director": ("director", "directors", "directed by", "director(s)"),
    "writer": ("writer", "writers", "screenwriter", "screenplay", "written by", "script", "writer(s)"),
    "composer": ("music", "composer", "music by", "original score", "music director"),
    "country": ("country", "country of origin", "origin"),
    "language": ("language", "original language"),
    "release_date": ("release date", "premiere", "premiere date", "first aired", "aired", "air date",
                     "original release", "release"),
    "rating": ("rating", "my rating", "our rating", "score"),
    "type": ("type", "format", "kind"),
}
_LOOKUP = {alias: field for field, aliases in FIELD_NAMES.items() for alias in aliases}
FIELD_LINE = re.compile(
    r"^\s*(?:[-•*·▪►]\s*)?(?:\*\*|__)?(?P<name>[A-Za-z][A-Za-z .()/&'’-]{0,40}?)(?:\*\*|__)?\s*[:：]\s*"
    r"(?:\*\*|__)?\s*(?P<value>.+?)\s*$"
)
OVERVIEW_SECTIONS = ("overview", "details", "info", "information", "drama info", "movie info", "film info")
SKIP_SECTIONS = ("highlight", "memorable", "scene", "quote", "moment")


@dataclass(frozen=True)
class Field:
    """One field of the Overview: its canonical name, value as written, and its line."""

    name: str
    label: str
    value: str
    sentence: Sentence


def normalise_field_name(name: str) -> str | None:
    key = re.sub(r"\s+", " ", name.replace("’", "'").strip().strip("*_").lower())
    return _LOOKUP.get(key)


def read_overview(doc: Document) -> tuple[dict[str, Field], list[str]]:
    """Fields of the Overview (or of any section when there is no Overview), first one wins.

    Returns the fields and the labels of field-like lines it did not recognise.
    """
    sections = [s for s in doc.sections if s.heading.lower().startswith(OVERVIEW_SECTIONS)]
    if not sections:
        sections = [s for s in doc.sections if not s.heading.lower().startswith(SKIP_SECTIONS)]
    found: dict[str, Field] = {}
    unknown: list[str] = []
    in_overview = any(s.heading.lower().startswith(OVERVIEW_SECTIONS) for s in sections)
    for section in sections:
        for line in section.lines:
            match = FIELD_LINE.match(line.text)
            if not match or len(match.group("name").split()) > 5:
                continue
            name = normalise_field_name(match.group("name"))
            value = match.group("value").strip().strip("*_").strip()
            value = re.sub(r"[.;]\s*$", "", value).strip()
            if name is None:
                if in_overview:
                    unknown.append(match.group("name").strip())
                continue
            if value and name not in found:
                found[name] = Field(name, match.group("name").strip(), value, line.sentences[0])
    return found, unknown


def split_list(value: str) -> list[str]:
    """'Netflix; Disney+', 'A, B and C', 'A / B' -> items, parentheses kept with their item."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in value:
        depth += ch in "([" and 1 or (-1 if ch in ")]" else 0)
        if depth == 0 and ch in ",;/|":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out = []
    for part in parts:
        for piece in re.split(r"\s+(?:and|&)\s+", part):
            piece = piece.strip().strip("*_").strip()
            piece = re.sub(r"^(?:and|&)\s+", "", piece)
            if piece and piece.lower() not in ("etc", "etc.", "and more", "others"):
                out.append(piece.rstrip("."))
    return out
