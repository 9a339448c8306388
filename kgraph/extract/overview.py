"""The Overview block: "Field: value" lines, whatever their bullets, field names and qualifiers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kgraph.errors import ExtractionError
from kgraph.extract.card_lines import card_fields
from kgraph.extract.patterns import is_korean_name

from kgraph.sources.document import Document, Sentence
from kgraph.sources.tables import cells, tables
from kgraph.extract.prefilter import cued

LABELS_FILE = Path(__file__).with_name("labels.tsv")


@lru_cache(maxsize=1)
def load_labels(path: Path = LABELS_FILE) -> dict[str, str]:
    """The fact-box label table: normalised label -> field (see labels.tsv)."""
    table: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, field = line.partition("\t")
        if not sep or not field.strip():
            raise ExtractionError(path, f"line {number}: expected 'label<TAB>field', got {line!r}")
        table[_label_key(label)] = field.strip()
    return table


def _label_key(label: str) -> str:
    key = re.sub(r"\s+", " ", label.replace("’", "'").strip().strip("*_ :").lower())
    return re.sub(r"^#\s*(?=of\b)", "number ", key)  # "# of episodes": "number of episodes"


# A bullet may be any symbol ("♥", "✔", "➤"); "#" starts a label ("# of episodes").
BULLET_MARK = r"(?:[^\w\s#\"“‘'(\[*_]\s*)?"
FIELD_LINE = cued(
    rf"^\s*{BULLET_MARK}(?:\*\*|__)?(?P<name>(?:#\s*)?[A-Za-z\uac00-\ud7a3][\w .()/&'’-]{{0,40}}?)(?:\*\*|__)?\s*[:：]\s*"
    r"(?:\*\*|__)?\s*(?P<value>.+?)\s*$"
)
# "(감독) 정병길", "[출연] A, B", "【Director】 X": a label in brackets before its value; read only
# when labels.tsv knows the label, since "(1) The acting is good" has the same shape
BRACKET_FIELD = cued(r"^\s*[(\[【〈<]\s*(?P<name>[A-Za-z\uac00-\ud7a3][\w .&/'’-]{0,20}?)\s*[)\]】〉>]\s*[:：]?\s*"
                     r"(?P<value>\S.*?)\s*$")
OVERVIEW_SECTIONS = ("overview", "details", "info", "information", "drama info", "movie info", "film info")
SKIP_SECTIONS = ("highlight", "memorable", "scene", "quote", "moment")


@dataclass(frozen=True)
class Field:
    """One field of the Overview: its canonical name, value as written, and its line."""

    name: str
    label: str
    value: str
    sentence: Sentence


# "Where to watch in the US", "Streaming (US)": a label and the region it is qualified by
LABEL_REGION = cued(r"\s+(?:in|outside)\s+(?:the\s+)?[\w.]{2,12}$|\s*\([^)]{2,12}\)$", re.I)


@lru_cache(maxsize=1 << 14)
def normalise_field_name(name: str) -> str | None:
    """The field a fact-box label fills, from labels.tsv; None for a label it does not list.
    A label qualified by a region ("Where to watch in the US") fills the field of the label."""
    table = load_labels()
    key = _label_key(name)
    return table.get(key) or table.get(_label_key(LABEL_REGION.sub("", key)))


def _bracket_field(text: str) -> re.Match[str] | None:
    match = BRACKET_FIELD.match(text)
    return match if match and normalise_field_name(match.group("name")) else None


def read_overview(doc: Document) -> tuple[dict[str, Field], list[str]]:
    """Label-value fields wherever they occur: the Overview (or Details, Info) block first, then
    any other section but quotes and scenes; the first value of a field wins.

    Returns the fields and the labels of field-like lines it did not recognise in a fact box.
    """
    boxes = [s for s in doc.sections if s.heading.lower().startswith(OVERVIEW_SECTIONS)]
    others = [s for s in doc.sections if s not in boxes and not s.heading.lower().startswith(SKIP_SECTIONS)]
    found: dict[str, Field] = {}
    unknown: list[str] = []
    after = {id(a): b.heading for a, b in zip(doc.sections, doc.sections[1:])}
    for section in [*boxes, *others]:
        in_box = section in boxes
        labelled = 0
        for index, line in enumerate(section.lines):
            row = cells(line.text)
            if row is not None and len([c for c in row if c]) > 2:
                continue  # a listing's card row: read cell by cell below
            match = FIELD_LINE.match(line.text) or _bracket_field(line.text)
            if not match or len(LABEL_REGION.sub("", match.group("name")).split()) > 5:
                continue
            following = section.lines[index + 1].text if index + 1 < len(section.lines) else after.get(id(section))
            for label, value in run_on_fields(_last_label(match.group("name")), match.group("value")):
                name = normalise_field_name(label)
                value = value.strip().strip("*_").strip()
                value = re.sub(r"[.;]\s*$", "", value).strip()
                if following:  # the next line, or the heading a broken line was taken for
                    value = _joined(value, following)
                if name is None:
                    if in_box or labelled:
                        unknown.append(label.strip())
                    continue
                labelled += 1
                name = _slot(name, found)
                if value and (name not in found or _outranks(label, found[name])):
                    found[name] = Field(name, label.strip(), value, line.sentences[0])
        for table in tables(section):  # "Label | value |" rows of an infobox table
            for row, line in table.rows:
                filled = [c for c in row if c]
                if not line.sentences:
                    continue
                if len(filled) > 2:
                    _listing_row(filled, line.sentences[0], found)
                    continue
                name = normalise_field_name(filled[0]) if len(filled) == 2 else None
                if name is not None and name not in found:
                    found[name] = Field(name, filled[0], filled[1].strip(" .;"), line.sentences[0])
    for name, value, sentence in card_fields(doc):
        found.setdefault(name, Field(name, "", value, sentence))
    from kgraph.extract.loose_fields import loose_fields  # it reads labels through this module
    for name, value, sentence in loose_fields(doc):
        found.setdefault(name, Field(name, "", value, sentence))
    return found, unknown


# "... Park Chan Wook Starring: A, B": a capitalised run of one to four words and a colon inside a value;
# "극본:이수연 연출:안길호": a Korean label, its colon often unspaced
EMBEDDED_LABEL = cued(r"(?<=\s)(?P<words>[A-Z][\w'’]*(?: [A-Za-z][\w'’]*){0,3}):\s+(?=\S)|"
                      r"(?<=\s)(?P<ko>[\uac00-\ud7a3]{1,6}(?: [\uac00-\ud7a3]{1,6})?)\s*[:：]\s*(?=\S)")


def _last_label(name: str) -> str:
    """"비밀의숲 / 극본" -> "극본": a title line that runs into its first label keeps the label."""
    if normalise_field_name(name) is None and " / " in name:
        last = name.rsplit(" / ", 1)[1]
        if normalise_field_name(last) is not None:
            return last
    return name


def run_on_fields(label: str, value: str) -> list[tuple[str, str]]:
    """A fact box whose fields run on one line ("Directed by: A Starring: B, C", "Language: Korean
    Original Title: 공동경비구역 JSA Runtime: 110 min"): the value is cut before every label of
    labels.tsv it holds (the longest run of words before the colon that is one), each cut a field."""
    for found in EMBEDDED_LABEL.finditer(value):
        if found.group("ko"):
            if normalise_field_name(found.group("ko")) is not None and value[:found.start()].strip():
                return [(label, value[:found.start()].strip()), *run_on_fields(found.group("ko"), value[found.end():])]
            continue
        words = found.group("words").split(" ")
        for start in range(len(words)):
            inner = " ".join(words[start:])
            if inner[:1].isupper() and normalise_field_name(inner) is not None:
                cut = found.start() + len(" ".join(words[:start])) + (1 if start else 0)
                head = value[:cut].strip()
                if head:
                    return [(label, head), *run_on_fields(inner, value[found.end():])]
    return [(label, value)]


LIST_TAIL = cued(r"(?:^|,\s*)([A-Z][a-z]{0,5})$")
LIST_HEAD = cued(r"^([A-Z][a-z]+(?:-[a-z]+)?)(?=,|$)")


def _joined(value: str, next_text: str) -> str:
    """A list value whose last name the page broke across lines ("Cast: A, Kim" / "Hee-won, B"):
    the next line, when it is no field and a family name and a given name meet across the break,
    continues the value."""
    tail, head = LIST_TAIL.search(value), LIST_HEAD.match(next_text.strip())
    if tail is None or head is None or FIELD_LINE.match(next_text):
        return value
    if not is_korean_name(f"{tail.group(1)} {head.group(1)}"):
        return value
    return f"{value} {next_text.strip()}"


BARE_YEAR = cued(r"(?:19|20)\d\d")
BARE_RUNTIME = cued(r"\d{2,3}\s*(?:mins?\.?|minutes)|\d\s*h(?:rs?)?\s*\d{1,2}\s*m(?:ins?)?", re.I)


def _outranks(label: str, held: Field) -> bool:
    """True when a "Written by:" line follows a "Created by:" one: the writers' own credit wins
    (a series is often "created by" a broadcaster's drama department)."""
    return held.name == "writer" and _label_key(held.label) == "created by" and _label_key(label) != "created by"


def _slot(name: str, found: dict[str, Field]) -> str:
    """The field a line fills: a second cast line ("Main Cast:" then "Supporting Cast:") adds to the first."""
    return "cast_more" if name == "cast" and name in found and "cast_more" not in found else name


LIST_FIELDS = frozenset({"cast", "cast_main", "cast_support", "director", "writer", "creator", "composer"})


def _listing_row(cells: list[str], sentence: Sentence, found: dict[str, Field]) -> None:
    """A listing's one-line card, "Dir: A | South Korea | 2018 | 148 mins" or "X | 2016 | DIRECTOR: A |
    WITH: B, C | RUNNING TIME: 2H 25M": its labelled cells are fields, and once one is, its bare
    year and running time cells are the year and runtime."""
    first = FIELD_LINE.match(cells[0])
    name = normalise_field_name(first.group("name")) if first else None
    rest = cells[1:]
    if (name in LIST_FIELDS and not any(FIELD_LINE.match(c) or re.search(r"\d", c) for c in rest)
            and 2 * sum(is_korean_name(c.strip()) for c in rest) >= len(rest)):
        name = _slot(name, found)
        if name not in found:  # "Main Cast: A | B | C": one field whose items the bars separate
            value = ", ".join([first.group("value").strip(), *(c.strip() for c in cells[1:])])
            found[name] = Field(name, first.group("name").strip(), value, sentence)
        return
    labelled = []
    for cell in cells:
        match = FIELD_LINE.match(cell)
        name = normalise_field_name(match.group("name")) if match else None
        if name is not None:
            labelled.append(name)
            if name not in found:
                found[name] = Field(name, match.group("name").strip(), match.group("value").strip(" .;"), sentence)
    if not labelled:
        return
    for cell in cells:
        for name, shape in (("year", BARE_YEAR), ("runtime", BARE_RUNTIME)):
            if shape.fullmatch(cell.strip(" .")) and name not in found:
                found[name] = Field(name, "", cell.strip(" ."), sentence)


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
            piece = re.sub(r"(?<=[\uac00-\ud7a3])\s+(?:외|등)$", "", piece)  # "박진주 외": and others
            if piece and piece.lower() not in ("etc", "etc.", "and more", "others"):
                out.append(piece.rstrip("."))
    return out
