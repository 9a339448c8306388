"""Page text to Document: find the post title, cut the page chrome, split sections and sentences.

Blog pages scraped as text carry a header (search box, welcome text, a "Featured"
snippet that may summarise another post), share links, "Popular Posts" and a comment
box. Only the post itself is review content; the chrome spans are kept on the
Document so tests and users can see what was cut.
"""
from __future__ import annotations

import re

from kgraph.sources.document import Document, Line, Section, Sentence
from kgraph.sources.sentences import split_sentences
from kgraph.sources.tables import RULE

KNOWN_HEADINGS = (
    "introduction", "overview", "overall story", "story", "plot", "synopsis",
    "highlight scenes", "unforgettable moments", "memorable lines", "memorable quotes",
    "best quotes", "why it's special", "why it is special", "popularity & reception",
    "popularity and reception", "reception", "cast & fun facts", "cast and fun facts",
    "cast & characters", "cast and characters", "cast", "fun facts", "behind the scenes",
    "ost", "soundtrack", "awards", "conclusion", "warm reminders", "final thoughts",
    "verdict", "hashtags", "details", "info", "information", "where to watch",
)
# Lines that are page furniture wherever they appear.
CHROME_LINES = re.compile(
    r"^(search this blog|featured|popular posts|comments|post a comment|get link|share|"
    r"x|facebook|pinterest|email|other apps|labels?:.*|newer posts?|older posts?|home|"
    r"subscribe to:.*|powered by blogger|report abuse|about me|archive|blog archive|"
    r"enter comment|skip to main content|menu|posted by .*|\d+ comments?|no comments?:?)$",
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
    if is_known_heading(text):
        return True
    if not text or len(text) > 60 or text.startswith("#") or BULLET.match(text):
        return False
    if ":" in text or text[-1] in ".!?,;…\"”’)" or not (text[0].isupper() or text[0].isdigit()):
        return False
    if re.search(r"\s(?:as|plays)\s+[A-Z]", text):  # a cast-list line: "Park Shin-hye as Kim Seo-yeon"
        return False
    if text.count("|") >= 2 or RULE.match(text):  # a table row
        return False
    return len(text.split()) <= 8


def _lines(text: str) -> list[tuple[int, int, str, int]]:
    out = []
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text), start=1):
        raw = match.group(0).rstrip("\r\n")
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((match.start() + lead, match.start() + lead + len(stripped), stripped, number))
        if match.end() >= len(text):
            break
    return out


def segment(text: str, path: str, fmt: str, post_title: str | None = None) -> Document:
    """Split page text into a Document. `post_title`, when the caller knows it (HTML, Atom), wins."""
    doc = Document(path=path, text=text, format=fmt)
    lines = _lines(text)
    if lines:  # a dateline opening the page: "date 2023-03-31 Name: Kill Boksoon"
        dateline = DATELINE.match(lines[0][2])
        if dateline:
            doc.date_published = dateline.group(1)
            start, end, line, number = lines[0]
            rest = line[dateline.end():]
            lines[0:1] = [(start + dateline.end(), end, rest, number)] if rest else []
    first_heading = next((i for i, ln in enumerate(lines) if is_known_heading(ln[2])), None)

    # Header chrome: everything before the post title.
    content_from = 0
    title_index: int | None = None
    if fmt == "markdown" and post_title is not None:  # a Markdown file has no page header to cut
        content_from = next((i for i, ln in enumerate(lines) if not _is_header_chrome(ln[2])), len(lines))
    elif first_heading is not None:
        content_from = first_heading
        candidates = [i for i in range(first_heading) if not _is_header_chrome(lines[i][2])]
        if candidates and post_title is None:
            title_index = candidates[-1]
    else:
        for i, ln in enumerate(lines):
            if not _is_header_chrome(ln[2]):
                content_from = i
                break
        if post_title is None and content_from < len(lines) and _title_like(lines[content_from][2]):
            title_index = content_from
            content_from += 1
    for i in range(0, content_from):
        if i != title_index:
            kind = "featured" if _after_featured(lines, i) else "header"
            doc.chrome.append((lines[i][0], lines[i][1], kind))
    if title_index is not None:
        start, end, title, _ = lines[title_index]
        doc.post_title, doc.post_title_span = MD_HEADING.sub("", title).strip(), (start, end)
    elif post_title:
        doc.post_title = post_title

    # Footer chrome: from the first end marker or share link on.
    content_to = len(lines)
    for i in range(content_from, len(lines)):
        ln = lines[i][2]
        if END_MARKERS.match(ln) or SHARE_LINE.match(ln):
            content_to = i
            break
    for i in range(content_to, len(lines)):
        doc.chrome.append((lines[i][0], lines[i][1], "footer"))

    section = Section(heading="")
    for start, end, line, number in lines[content_from:content_to]:
        field_line = _is_field(line) and (len(line) <= 120 or _is_overview(section.heading))
        if CHROME_LINES.match(line):
            doc.chrome.append((start, end, "furniture"))
            continue
        if looks_like_heading(line) and not field_line:
            if section.lines or section.heading:
                doc.sections.append(section)
            section = Section(heading=MD_HEADING.sub("", line).strip().strip("*_ "))
            continue
        sentences = tuple(
            Sentence(a, b, t, section.heading, number)
            for a, b, t in (
                [(start, end, line)] if field_line else split_sentences(line, offset=start)
            )
        )
        section.lines.append(Line(start, end, line, number, sentences))
    if section.lines or section.heading:
        doc.sections.append(section)
    return doc


FIELD = re.compile(r"^\s*(?:[-•*·▪►]\s*)?(?:\*\*)?([A-Za-z\uac00-\ud7a3][A-Za-z\uac00-\ud7a3 ()/&'’.-]{0,40}?)(?:\*\*)?\s*[:：]"
                   r"\s*(?:\*\*)?\s*\S")


def _is_field(line: str) -> bool:
    match = FIELD.match(line)
    return bool(match) and len(match.group(1).split()) <= 5 and len(line) < 300


def _is_overview(heading: str) -> bool:
    return normalise_heading(heading).startswith(("overview", "details", "info"))


def _is_header_chrome(line: str) -> bool:
    return bool(CHROME_LINES.match(line) or HEADER_PROSE.match(line))


def _after_featured(lines: list[tuple[int, int, str, int]], i: int) -> bool:
    return any(lines[j][2].lower() == "featured" for j in range(i))


def _title_like(line: str) -> bool:
    return len(line) <= 200 and line[-1] not in ".!?" and not _is_field(line)
