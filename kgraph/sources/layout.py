"""Page text to Document: find the post title, cut the page chrome, split sections and sentences.

Blog pages scraped as text carry a header (search box, welcome text, a "Featured"
snippet that may summarise another post), share links, "Popular Posts" and a comment
box. Only the post itself is review content; the chrome spans are kept on the
Document so tests and users can see what was cut.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from kgraph.sources.document import Document, Line, Section, Sentence
from kgraph.sources.lists import is_cast_group
from kgraph.sources.sentences import split_sentences
from kgraph.sources.tables import RULE, cells

KNOWN_HEADINGS = (
    "introduction", "overview", "overall story", "story", "plot", "synopsis",
    "highlight scenes", "unforgettable moments", "memorable lines", "memorable quotes",
    "best quotes", "why it's special", "why it is special", "popularity & reception",
    "popularity and reception", "reception", "cast & fun facts", "cast and fun facts",
    "cast & characters", "cast and characters", "cast", "fun facts", "behind the scenes",
    "ost", "soundtrack", "awards", "conclusion", "warm reminders", "final thoughts",
    "verdict", "hashtags", "details", "info", "information", "where to watch",
    "main cast", "main role", "main roles", "support role", "support roles", "supporting role",
    "supporting roles", "supporting cast", "lead cast", "guest role", "guest roles",
)
# Lines that are page furniture wherever they appear.
CHROME_LINES = re.compile(
    r"^(search this blog|featured|popular posts|comments|post a comment|get link|share|"
    r"x|facebook|pinterest|email|other apps|labels?:.*|newer posts?|older posts?|home|"
    r"subscribe to:.*|powered by blogger|report abuse|about me|archive|blog archive|"
    r"enter comment|skip to main content|menu|posted by .*|\d+ comments?|no comments?:?|"
    r"(?:table of )?contents|from (?:wikipedia|[\w-]*wiki)(?:, the free encyclopedia)?)$",
    re.IGNORECASE,
)
HEADER_PROSE = re.compile(r"^(welcome to (my|our|the) blog|this blog is)", re.IGNORECASE)
# Lines that end the post: everything after the first of these is chrome.
END_MARKERS = re.compile(r"^(popular posts|comments|post a comment|related posts|you may also like)$", re.I)
SHARE_LINE = re.compile(r"^[-•*]?\s*(get link|x|facebook|pinterest|email|other apps|share)$", re.I)
BULLET = re.compile(r"^\s*(?:[-•*·▪►]|\d+[.)])\s+")
MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
DATELINE = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b\s*")


def normalise_heading(line: str) -> str:
    """Lower-case a heading and drop Markdown marks and trailing punctuation."""
    text = MD_HEADING.sub("", line).strip().strip("*_ :").replace("’", "'")
    return re.sub(r"\s+", " ", text).lower()


_HEADING_SET = frozenset(KNOWN_HEADINGS)
_HEADING_STARTS = tuple(h + joiner for h in KNOWN_HEADINGS for joiner in (" /", " &", " and"))


def is_known_heading(line: str) -> bool:
    """A section name the blog uses, alone or joined to another ("Cast / Characters", "Story & Themes")."""
    norm = normalise_heading(line)
    return norm in _HEADING_SET or norm.startswith(_HEADING_STARTS) or (
        "/" in norm and any(part.strip() in _HEADING_SET for part in norm.split("/")))


def looks_like_heading(line: str) -> bool:
    """A short title-like line without sentence punctuation or a field colon."""
    text = line.strip()
    if MD_HEADING.match(text):
        return True
    if text.count(" / ") >= 2:  # a database row: "Lee Chae-min / Kang Ha / Main Role"
        return False
    if is_known_heading(text):
        return True
    if not text or len(text) > 60 or text.startswith("#") or BULLET.match(text):
        return False
    if ":" in text or text[-1] in ".!?,;…\"”’)" or not (text[0].isupper() or text[0].isdigit()):
        return False
    if re.search(r"\s(?:as|plays)\s+(?:(?:the|young|younger|teenage|teen|child|little|adult|older)\s+)?[A-Z]", text):
        # a cast-list line: "Park Shin-hye as Kim Seo-yeon", "Jung Min-ah as young Seo Do-yeon"
        return False
    if text.count("|") >= 2 or RULE.match(text):  # a table row
        return False
    if text.count(",") >= 2:  # a list: "Hyun Bin, Son Ye-jin, Seo Ji-hye"
        return False
    return len(text.split()) <= 8


class SourceLine(NamedTuple):
    """One non-empty line as a reader hands it to `segment_lines`: its span in the document text,
    its text, its 1-based line number, its kind ("heading", "item", "row" or "text"), a heading's
    level, and, when the text is not a plain copy of the span (Markdown with its markup removed),
    the offset in the document text of each of its characters."""

    start: int
    end: int
    text: str
    number: int
    kind: str = "text"
    level: int = 0
    positions: tuple[int, ...] | None = None

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The document-text span of characters a..b of the line's text."""
        if self.positions is None:
            return self.start + a, self.start + b
        return self.positions[a], self.positions[b - 1] + 1

    def after(self, cut: int) -> "SourceLine":
        """The line without its first `cut` characters."""
        positions = self.positions[cut:] if self.positions is not None else None
        return self._replace(start=self.span(cut, cut + 1)[0], text=self.text[cut:], positions=positions)


def _lines(text: str) -> list[SourceLine]:
    out = []
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text), start=1):
        raw = match.group(0).rstrip("\r\n")
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(SourceLine(match.start() + lead, match.start() + lead + len(stripped), stripped, number))
        if match.end() >= len(text):
            break
    return out


def segment(text: str, path: str, fmt: str, post_title: str | None = None) -> Document:
    """Split page text into a Document. `post_title`, when the caller knows it (HTML, Atom), wins."""
    return segment_lines(text, _lines(text), path, fmt, post_title)


def segment_lines(text: str, lines: list[SourceLine], path: str, fmt: str,
                  post_title: str | None = None) -> Document:
    """A Document from the lines a reader found in `text`: chrome cut, sections and sentences."""
    doc = Document(path=path, text=text, format=fmt)
    if lines:  # a dateline opening the page: "date 2023-03-31 Name: Kill Boksoon"
        dateline = DATELINE.match(lines[0].text)
        if dateline:
            doc.date_published = dateline.group(1)
            rest = lines[0].after(dateline.end()) if dateline.end() < len(lines[0].text) else None
            lines = ([rest] if rest else []) + lines[1:]
    first_heading = next((i for i, ln in enumerate(lines) if is_known_heading(ln.text)), None)
    if first_heading is not None and _content_before(lines[:first_heading]):
        first_heading = None  # "Drama: X" or a paragraph above "Synopsis": the post began before it

    # Header chrome: everything before the post title.
    content_from = 0
    title_index: int | None = None
    if fmt == "markdown" and post_title is not None:  # a Markdown file has no page header to cut
        content_from = next((i for i, ln in enumerate(lines) if not _is_header_chrome(ln.text)), len(lines))
    elif first_heading is not None:
        content_from = first_heading
        while content_from > 0 and _is_fact_line(lines[content_from - 1].text) and not _after_featured(lines, content_from - 1):
            content_from -= 1  # a fact box or an infobox table just above the first heading is content
        candidates = [i for i in range(first_heading) if not _is_header_chrome(lines[i].text)]
        if candidates and post_title is None:
            title_index = candidates[-1]
    else:
        for i, ln in enumerate(lines):
            if not _is_header_chrome(ln.text):
                content_from = i
                break
        if post_title is None and content_from < len(lines) and _title_like(lines[content_from].text):
            title_index = content_from
            content_from += 1
    for i in range(0, content_from):
        if i != title_index:
            kind = "featured" if _after_featured(lines, i) else "header"
            doc.chrome.append((lines[i].start, lines[i].end, kind))
    if title_index is not None:
        chosen = lines[title_index]
        doc.post_title, doc.post_title_span = MD_HEADING.sub("", chosen.text).strip(), (chosen.start, chosen.end)
    elif post_title:
        doc.post_title = post_title

    # Footer chrome: from the first end marker or share link on.
    content_to = len(lines)
    for i in range(content_from, len(lines)):
        if END_MARKERS.match(lines[i].text) or SHARE_LINE.match(lines[i].text):
            content_to = i
            break
    for i in range(content_to, len(lines)):
        doc.chrome.append((lines[i].start, lines[i].end, "footer"))

    section = Section(heading="")
    in_cast_list = False  # under "Main Role", "Cast:", 출연 ... and no prose yet: short lines are list lines
    for source in lines[content_from:content_to]:
        line = source.text
        field_line = is_field_line(line) and (len(line) <= 120 or _is_overview(section.heading))
        if CHROME_LINES.match(line):
            doc.chrome.append((source.start, source.end, "furniture"))
            continue
        if source.kind == "heading" or (source.kind == "text" and looks_like_heading(line) and not field_line
                                        and not (in_cast_list and _list_line(line))):
            if section.lines or section.heading:
                doc.sections.append(section)
            marks = MD_HEADING.match(line)
            level = source.level or (marks.group(0).count("#") if marks else 0)
            section = Section(heading=MD_HEADING.sub("", line).strip().strip("*_ "), level=level)
            in_cast_list = is_cast_group(section.heading)
            continue
        in_cast_list = is_cast_group(line) or (in_cast_list and len(line) <= 80 and line[-1] not in ".!?:：")
        spans = [(0, len(line), line)] if field_line else split_sentences(line)
        sentences = tuple(_sentence(text, source, a, b, t, section.heading) for a, b, t in spans)
        kind = source.kind if source.kind != "text" else (
            "item" if BULLET.match(line) else "row" if cells(line) is not None or RULE.match(line) else "text")
        section.lines.append(Line(source.start, source.end, line, source.number, sentences, kind))
    if section.lines or section.heading:
        doc.sections.append(section)
    return doc


FIELD = re.compile(r"^\s*(?:[^\w\s#\"“‘'(\[*_]\s*)?(?:\*\*)?((?:#\s*)?[A-Za-z\uac00-\ud7a3][A-Za-z\uac00-\ud7a3 ()/&'’.-]{0,40}?)(?:\*\*)?\s*[:：]"
                   r"\s*(?:\*\*)?\s*\S")


def _sentence(text: str, source: SourceLine, a: int, b: int, words: str, heading: str) -> Sentence:
    """Characters a..b of a line as a Sentence, numbered by the line of the text it starts on
    (a Markdown paragraph may run over several)."""
    start, end = source.span(a, b)
    return Sentence(start, end, words, heading, source.number + text.count("\n", source.start, start))


def is_field_line(line: str) -> bool:
    """A 'Label: value' line whose label has at most five words."""
    match = FIELD.match(line)
    return bool(match) and len(match.group(1).split()) <= 5 and len(line) < 300


def _list_line(line: str) -> bool:
    """Under "Main Role" or "Cast", a short line ("Jeon Jong-seo – Ok-ju") is a list line, not a
    heading, unless it is a heading the page marks or one kgraph knows ("Support Role", "Story")."""
    return not MD_HEADING.match(line) and not is_known_heading(line) and not is_cast_group(line)


def _is_fact_line(line: str) -> bool:
    """A field line, a pipe-table row or a table's rule."""
    return is_field_line(line) or cells(line) is not None or bool(RULE.match(line))


def _is_overview(heading: str) -> bool:
    return normalise_heading(heading).startswith(("overview", "details", "info"))


def _is_header_chrome(line: str) -> bool:
    return bool(CHROME_LINES.match(line) or HEADER_PROSE.match(line))


def _content_before(lines: list[SourceLine]) -> bool:
    """True when the lines above the first known heading are the post, not a page header: no
    "Featured" block, and a fact-box field or a paragraph among them (a header holds a title,
    a date and short links)."""
    if any(ln.text.lower() == "featured" for ln in lines):
        return False
    kept = [ln.text for ln in lines if not _is_header_chrome(ln.text)]
    return any(is_field_line(text) or len(text) > HEADER_LINE_MAX for text in kept)


HEADER_LINE_MAX = 160


def _after_featured(lines: list[SourceLine], i: int) -> bool:
    return any(lines[j].text.lower() == "featured" for j in range(i))


def _title_like(line: str) -> bool:
    return len(line) <= 200 and line[-1] not in ".!?" and not is_field_line(line)
