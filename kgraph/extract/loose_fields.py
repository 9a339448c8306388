"""Fact-box fields a page writes without a colon: "Episodes – 18" (a dash for the colon), a box of
"Episodes 20" / "Broadcast network jTBC" lines (label and value side by side, three lines or more
in a row), and a label on a line of its own with its value on the next ("Runtime" / "144 mins").
Only labels of labels.tsv count, and only fields whose values are read by their shape (a year, a
count, a running time, names), so a stray line cannot lend the title its name."""
from __future__ import annotations

import re

from kgraph.extract.card_lines import page_lines
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


def loose_fields(doc: Document) -> list[tuple[str, str, Sentence]]:
    """(field, value, line) for every field the page writes in one of the three loose shapes."""
    lines = [(BULLET.sub("", text).strip(), sentence) for text, sentence in page_lines(doc)]
    return [*_dashed(lines), *_unmarked_box(lines), *_label_above(lines)]


def _wanted(label: str) -> str | None:
    name = normalise_field_name(label) if len(label.split()) <= 5 else None
    return name if name in FIELDS else None


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
