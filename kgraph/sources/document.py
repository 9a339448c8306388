"""The Document: a review's text split into sections and sentences with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """A span of the document text; offsets count code points of `Document.text`."""

    start: int
    end: int
    text: str
    section: str
    line: int  # 1-based line number in Document.text


@dataclass(frozen=True)
class Line:
    """One non-empty line of a section (a paragraph, a field line, a list item or a table row).
    `kind` is "item" for a list item, "row" for a table row (or its rule), else "text"."""

    start: int
    end: int
    text: str
    number: int
    sentences: tuple[Sentence, ...]
    kind: str = "text"


@dataclass
class Section:
    """A heading and the lines under it; the heading is "" before the first heading. `level` is
    the heading's level (1-6) when the page marks it (Markdown '#', HTML <h1>-<h6>), else 0."""

    heading: str
    lines: list[Line] = field(default_factory=list)
    level: int = 0

    @property
    def sentences(self) -> list[Sentence]:
        return [s for line in self.lines for s in line.sentences]


@dataclass
class Document:
    """A review as kgraph reads it: the content without page chrome, and where it came from."""

    path: str
    text: str
    format: str
    post_title: str | None = None
    post_title_span: tuple[int, int] | None = None
    url: str | None = None
    date_published: str | None = None
    author: str | None = None
    key: str | None = None  # stable name for the review graph when there is no URL
    sections: list[Section] = field(default_factory=list)
    chrome: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    warnings: list[str] = field(default_factory=list)  # what reading the source noticed

    @property
    def sentences(self) -> list[Sentence]:
        return [s for section in self.sections for s in section.sentences]

    @property
    def language(self) -> str:
        """'ko' when most letters of the review's sentences are Hangul, else 'en'."""
        text = " ".join(s.text for s in self.sentences)
        hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
        return "ko" if hangul > len(re.findall(r"[A-Za-z]", text)) else "en"

    def section(self, *names: str) -> Section | None:
        """The first section whose normalised heading starts with one of `names`."""
        wanted = tuple(n.lower() for n in names)
        for section in self.sections:
            if section.heading.lower().startswith(wanted):
                return section
        return None
