"""Fact-box fields a page writes without a colon: "Episodes – 18" (a dash for the colon), a box of
"Episodes 20" / "Broadcast network jTBC" lines (label and value side by side, three lines or more
in a row), a label on a line of its own with its value on the next ("Runtime" / "144 mins"), an
infobox flattened to text with each label run into its value ("Directed byKim Jee-woon",
"No. of episodes16"), and a credit label over a column of names, one a line ("WRITTEN BY" /
"Park Chan-wook" / "Lee Jae-soon", or bullets under "Written by").
Only labels of labels.tsv count, and only fields whose values are read by their shape (a year, a
count, a running time, names), so a stray line cannot lend the title its name."""
from __future__ import annotations

import re

from kgraph.extract.card_lines import page_lines
from kgraph.extract.hangul_names import is_hangul_name
from kgraph.extract.prefilter import cued
from kgraph.extract.overview import normalise_field_name
from kgraph.sources.document import Document, Sentence

FIELDS = frozenset({"year", "release_date", "runtime", "episodes", "writer", "director", "network", "channel",
                    "platform", "genre", "composer"})
DASHED = cued(r"^(?P<label>[A-Za-z][\w .()/&'’]{1,40}?)\s+[–—-]\s+(?P<value>\S.{0,120})$")
BULLET = cued(r"^\s*(?:[-•*·▪►]|\d+[.)])\s*")
MIN_BOX = 3
LONE_SHAPES = {"runtime": cued(r"\d{2,3}\s*(?:minutes|mins?)", re.I)}
MAX_LINE = 80
# fields whose value may be a column of names, one a line, under the label
COLUMN_FIELDS = frozenset({"writer", "director", "composer", "cast"})
# one person's name alone on a line: two to four capitalised words, a Hangul spelling in brackets allowed
NAME_LINE = cued(r"(?P<name>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){1,3})(?:\s*\([\uac00-\ud7a3\s]{2,12}\))?")
# a portal's card: "감독" / "양우석", "출연" / "송강호, 김영애, 오달수": Hangul names under a Korean label
HANGUL_NAMES_LINE = cued(r"[\uac00-\ud7a3]{2,4}(?:\s*,\s*[\uac00-\ud7a3]{2,4})*")
HANGUL_LABEL = cued(r"[\uac00-\ud7a3]{1,6}")
# where an infobox flattened to text runs a label into its value: a small letter (or a full
# stop), then a capital, a digit, Hangul or an opening quote
GLUE = cued(r"(?<=[a-z.])(?=[A-Z0-9\uac00-\ud7a3\"“‘])")


def loose_fields(doc: Document) -> list[tuple[str, str, Sentence]]:
    """(field, value, line) for every field the page writes in one of the three loose shapes."""
    lines = [(BULLET.sub("", text).strip(), sentence) for text, sentence in page_lines(doc)]
    return [*_dashed(lines), *_unmarked_box(lines), *_columns(lines), *_label_above(lines)]


def _wanted(label: str, fields: frozenset[str] = FIELDS) -> str | None:
    name = normalise_field_name(label) if len(label.split()) <= 5 else None
    return name if name in fields else None


def _dashed(lines: list[tuple[str, Sentence]]) -> list[tuple[str, str, Sentence]]:
    out = []
    for text, sentence in lines:
        match = DASHED.match(text)
        name = _wanted(match.group("label")) if match else None
        if name:
            out.append((name, match.group("value").strip(" ."), sentence))
    return out


def _side_by_side(text: str) -> tuple[str | None, str]:
    """("episodes", "20") for "Episodes 20"; (None, "") when no known label opens the line."""
    words = text.split()
    for n in (3, 2, 1):
        if len(words) > n and normalise_field_name(" ".join(words[:n])):
            return normalise_field_name(" ".join(words[:n])), " ".join(words[n:])
    return None, ""


def _unmarked_box(lines: list[tuple[str, Sentence]]) -> list[tuple[str, str, Sentence]]:
    out, run = [], []
    for text, sentence in [*lines, ("", None)]:
        name, value = _side_by_side(text) if 0 < len(text) <= MAX_LINE and ":" not in text else (None, "")
        if name:
            run.append((name, value, sentence))
            continue
        if len(run) >= MIN_BOX:
            out += [(n, v, s) for n, v, s in run if n in FIELDS]
        else:  # "Length 140 minutes" alone: a value whose shape is the label's leaves no doubt
            out += [(n, v, s) for n, v, s in run if n in LONE_SHAPES and LONE_SHAPES[n].fullmatch(v.strip(" ."))]
        run = []
    return out


def _label_above(lines: list[tuple[str, Sentence]]) -> list[tuple[str, str, Sentence]]:
    out = []
    for (label, _), (value, sentence) in zip(lines, lines[1:]):
        name = _wanted(label.rstrip(":："))
        if (name and label.rstrip(":：") and normalise_field_name(label.rstrip(":：")) == name
                and len(value) <= 60 and not normalise_field_name(value.rstrip(":："))
                and (re.search(r"\d|,", value) or len(value.split()) >= 2)):
            out.append((name, value.strip(" ."), sentence))
    return out


def glued(text: str, fields: frozenset[str] = FIELDS) -> tuple[str, str] | None:
    """(field, value) of a label run into its value ("Directed byKim Jee-woon" -> ("director",
    "Kim Jee-woon")), the longest label of labels.tsv that ends where a small letter meets a
    capital, a digit or Hangul; None for a line that opens with no such label."""
    if len(text) > MAX_LINE:
        return None
    best = None
    for cut in GLUE.finditer(text):
        label = text[:cut.start()]
        if len(label.split()) <= 5 and label[:1].isupper() and _wanted(label, fields):
            best = (_wanted(label, fields), text[cut.start():].strip())
    return best


def _name_line(text: str) -> str | None:
    """The name a line holds when it holds only one person's name; None otherwise."""
    if _hangul_names(text):
        return text.strip()
    match = NAME_LINE.fullmatch(text.strip())
    if (match is None or text.isupper() or re.search(r"[a-z][A-Z]", text)  # "PRODUCED BY", "CinematographyLee"
            or normalise_field_name(text.strip()) or glued(text.strip())):
        return None
    return match.group("name")


def _hangul_names(text: str) -> bool:
    """True for a line of Hangul personal names and nothing else ("양우석", "송강호, 김영애, 시완"): the
    first and two in three of them shaped as Korean names."""
    names = [n.strip() for n in text.split(",")]  # a stage name may be among them ("시완")
    return bool(HANGUL_NAMES_LINE.fullmatch(text.strip())) and 3 * sum(map(is_hangul_name, names)) >= 2 * len(names) \
        and is_hangul_name(names[0])


def _columns(lines: list[tuple[str, Sentence]]) -> list[tuple[str, str, Sentence]]:
    """Credit labels over a column of names ("WRITTEN BY" / three names, "Written by" / bullets)
    and labels run into their values ("Written byKim Jee-woon" / "Kim Min-suk", "NetworkOCN")."""
    out = []
    for index, (text, sentence) in enumerate(lines):
        stuck = glued(text, FIELDS | COLUMN_FIELDS)
        alone = _wanted(text.rstrip(":："), COLUMN_FIELDS - {"cast"}) if len(text) <= 40 else None
        name = stuck[0] if stuck else alone
        values = [stuck[1]] if stuck else []
        named = not stuck or _name_line(stuck[1]) is not None
        if name is None and HANGUL_LABEL.fullmatch(text) and _wanted(text, COLUMN_FIELDS) == "cast":
            below = lines[index + 1][0] if index + 1 < len(lines) else ""
            if _hangul_names(below):  # "출연" / "송강호, 김영애, 오달수": a comma list, no alternating roles
                out.append(("cast", below.strip(), sentence))
            continue
        if name is None:
            continue
        if name in COLUMN_FIELDS and named:
            for below, _ in lines[index + 1:]:
                person = _name_line(below)
                if person is None:
                    break
                values.append(person)
        if name == "cast" and not (stuck and named):
            continue  # under a "Cast" line of its own, actors and characters alternate: the cast readers' work
        if values:
            out.append((name, ", ".join(values), sentence))
    return out
