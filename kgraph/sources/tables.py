"""Tables a page carries as text: Markdown pipe tables ("| Label | value |", "Actor | Character"),
and the rows of HTML tables once rendered one row per line. Each table keeps its header (when
its second line is a "---|---" rule) and the Line of every row, so facts keep their evidence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgraph.sources.document import Line, Section

RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
FOOTNOTE = re.compile(r"\[\d+\]")


@dataclass
class Table:
    """Rows of cells; `header` is the column names when the table has a header rule."""

    header: list[str] | None
    rows: list[tuple[list[str], Line]] = field(default_factory=list)


def cells(text: str) -> list[str] | None:
    """The cells of a pipe-table row, or None when the line is not one."""
    if "|" not in text or RULE.match(text):
        return None
    body = text.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    parts = [FOOTNOTE.sub("", c).strip() for c in body.split("|")]
    return parts if len(parts) >= 2 else None


def tables(section: Section) -> list[Table]:
    """The pipe tables of a section, in order."""
    out: list[Table] = []
    current: Table | None = None
    lines = section.lines
    for i, line in enumerate(lines):
        if RULE.match(line.text):
            continue
        row = cells(line.text)
        if row is None:
            current = None
            continue
        if current is None:
            has_rule = i + 1 < len(lines) and bool(RULE.match(lines[i + 1].text))
            current = Table(header=[c.lower() for c in row] if has_rule else None)
            out.append(current)
            if has_rule:
                continue
        current.rows.append((row, line))
    return out
