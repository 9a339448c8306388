"""Lists a page carries, each with its group heading: the lines under a label line ("Main Role",
"Supporting Cast:", "출연") or under a section heading, whether the page marks them as list items
(Markdown, HTML <li>, bullets) or writes them one a line."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.sources.document import Line, Section

# Group headings that introduce a list of cast members, in English and Korean.
CAST_GROUP = re.compile(
    r"^(?:the\s+)?(?:(?:main|lead|leading|support|supporting|guest|other|special|extended)\s+)?"
    r"(?:cast|roles?|actors?|characters?|cast members?)(?:\s*(?:&|and)\s*(?:characters?|crew|roles?))?$"
    r"|^starring$|^who's in it$|^출연(?:진)?$|^주연$|^조연$|^등장인물$", re.I)
LABEL_LINE = re.compile(r"^(?:[-•*·▪►]\s*)?(?:\*\*|__)?(?P<label>[^\W\d_][\w ’'&/()-]{0,38}?)(?:\*\*|__)?\s*"
                        r"(?P<colon>[:：])?\s*(?:\*\*|__)?$")


@dataclass(frozen=True)
class ItemList:
    """Consecutive lines of a section and the heading that names them."""

    heading: str
    items: tuple[Line, ...]


def is_cast_group(heading: str) -> bool:
    """True for a heading or label that introduces cast members ("Main Role", "Cast & Characters")."""
    text = re.sub(r"\s+", " ", heading.replace("’", "'").strip().strip("#*_: ").lower())
    return bool(CAST_GROUP.match(text))


def group_label(line: Line) -> str | None:
    """The label of a line that is nothing but a group label: "Main Role", "Supporting Cast:"."""
    if line.kind == "row":
        return None
    match = LABEL_LINE.match(line.text)
    if not match or len(match.group("label").split()) > 5:
        return None
    label = match.group("label").strip()
    return label if match.group("colon") or is_cast_group(label) else None


def item_lists(section: Section) -> list[ItemList]:
    """The section's lines cut into lists at each label line; the lines before the first label
    are a list under the section's own heading."""
    out: list[ItemList] = []
    heading, items = section.heading, []
    for line in section.lines:
        label = group_label(line)
        if label is None:
            items.append(line)
            continue
        if items:
            out.append(ItemList(heading, tuple(items)))
        heading, items = label, []
    if items:
        out.append(ItemList(heading, tuple(items)))
    return out
