"""A Markdown review -> Document, parsed with markdown-it-py (CommonMark and pipe tables).

Front matter is read with python-frontmatter. Headings keep their level; paragraphs, list items
and table rows become lines whose text has the markup removed, and every character of that text
keeps its offset in the file, so a sentence's span points into the Markdown as written. A table
row's line is its cells between pipes, followed after the header by its rule, as
kgraph.sources.tables reads them. Code blocks are not prose and are left out; raw HTML blocks
(a <table>, a <dl>) are read as an HTML page's are.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import frontmatter
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kgraph.errors import SourceError
from kgraph.sources.document import Document
from kgraph.sources.html import safe_url
from kgraph.sources.layout import SourceLine, is_field_line, segment_lines

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
NEWLINE = re.compile(r"\r\n|\r|\n")


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


class _Text:
    """Plain text being built, with the source offset of each character."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.positions: list[int] = []

    def add(self, text: str, positions: list[int]) -> None:
        self.chars.extend(text)
        self.positions.extend(positions)

    def fixed(self, text: str, at: int) -> None:
        self.add(text, [at] * len(text))

    def line(self, number: int, kind: str, level: int = 0) -> SourceLine | None:
        text = "".join(self.chars)
        lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
        if trail <= lead:
            return None
        positions = tuple(self.positions[lead:trail])
        return SourceLine(positions[0], positions[-1] + 1, text[lead:trail], number, kind, level, positions)


class _Source:
    """The Markdown file's text and where each of its lines starts."""

    def __init__(self, text: str, body_start: int) -> None:
        self.text = text
        self.body_start = body_start
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
        self.first = bisect.bisect_right(self.starts, body_start) - 1  # 0-based line of the body's start

    def lines(self, token_map: list[int] | None) -> tuple[int, int]:
        """The source span of a token's line range (0-based, end exclusive, relative to the body)."""
        if not token_map:
            return self.body_start, self.body_start
        a, b = self.first + token_map[0], self.first + token_map[1]
        start = self.starts[a] if a < len(self.starts) else len(self.text)
        end = self.starts[b] if b < len(self.starts) else len(self.text)
        return max(start, self.body_start), end

    def number(self, offset: int) -> int:
        """The 1-based line number of an offset."""
        return bisect.bisect_right(self.starts, offset)

    def line(self, index: int) -> SourceLine | None:
        """The body's line `index` (0-based) as it stands, stripped: a table's rule."""
        start, end = self.lines([index, index + 1])
        raw = self.text[start:end].rstrip("\r\n")
        stripped = raw.strip()
        if not stripped:
            return None
        lead = start + len(raw) - len(raw.lstrip())
        return SourceLine(lead, lead + len(stripped), stripped, self.number(lead), "row")


def _inline(token: Token, source: _Source, after: int = 0) -> list[tuple[_Text, str]]:
    """The plain text of an inline token, cut at its line breaks: (text, the break after it).
    Its characters are looked for in the token's lines from offset `after` on (a table row's
    second cell comes after its first)."""
    start, end = source.lines(token.map)
    src = source.text[start:end]
    cursor = max(0, after - start)
    parts: list[tuple[_Text, str]] = [(_Text(), "")]
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            newline = src.find("\n", cursor)
            cursor = newline + 1 if newline >= 0 else cursor
            parts[-1] = (parts[-1][0], child.type)
            parts.append((_Text(), ""))
        elif child.type in ("text", "code_inline"):
            content = child.content
            found = src.find(content, cursor)
            if found >= 0:
                parts[-1][0].add(content, list(range(start + found, start + found + len(content))))
                cursor = found + len(content)
                continue
            for ch in content:  # an entity or an escape: "&amp;" is "&", "\*" is "*"
                at = src.find(ch, cursor, cursor + 12)
                at = at if at >= 0 else min(cursor, max(len(src) - 1, 0))
                parts[-1][0].add(ch, [start + at])
                cursor = at + 1 if at >= cursor else cursor
    return parts


def _paragraph(parts: list[tuple[_Text, str]], source: _Source, kind: str) -> list[SourceLine]:
    """A paragraph's lines: one line, unless its lines are records ("Label: value" lines, a label
    over short capitalised lines, lines ending in hard breaks), which stay apart as the fact boxes
    and cast lists of text pages do."""
    lines = [(text, brk) for text, brk in parts if "".join(text.chars).strip()]
    if not lines:
        return []
    plain = ["".join(text.chars).strip() for text, _ in lines]
    short = all(p[:1].isupper() or p[:1].isdigit() or not p[:1].isascii() for p in plain) and all(
        len(p) <= 60 and p[-1] not in ".,;" for p in plain[:-1])
    records = len(lines) > 1 and (short or any(is_field_line(p) for p in plain)
                                  or any(brk == "hardbreak" for _, brk in lines))
    if not records:
        joined = _Text()
        for i, (text, _) in enumerate(lines):
            if i:
                joined.fixed(" ", joined.positions[-1] + 1)
            joined.add("".join(text.chars), text.positions)
        lines = [(joined, "")]
    out = []
    for i, (text, _) in enumerate(lines):
        line = text.line(source.number(text.positions[0]) if text.positions else 1, kind if i == 0 else "text")
        if line is not None:
            out.append(line)
    return out


def _row(tokens: list[Token], i: int, source: _Source) -> tuple[SourceLine | None, int]:
    """The table row opening at tokens[i] as one line "| a | b |"; the index after the row."""
    row_start, row_end = source.lines(tokens[i].map)
    text = _Text()
    text.fixed("| ", row_start)
    i += 1
    cells = 0
    while tokens[i].type != "tr_close":
        if tokens[i].type == "inline":
            if cells:
                text.fixed(" | ", text.positions[-1] + 1 if text.positions else row_start)
            for part, _ in _inline(tokens[i], source, text.positions[-1] + 1):
                chars = "".join(part.chars).replace("|", "/")
                text.add(chars, part.positions)
            cells += 1
        i += 1
    closing = source.text.find("|", text.positions[-1] + 1, row_end)
    text.fixed(" |", closing if closing >= 0 else text.positions[-1] + 1)
    return text.line(source.number(row_start), "row"), i + 1


def markdown_lines(text: str, body_start: int = 0) -> list[SourceLine]:
    """The lines of a Markdown text from `body_start` on (after its front matter)."""
    source = _Source(text, body_start)
    tokens = parser().parse(text[body_start:])
    out: list[SourceLine] = []
    items: list[bool] = []  # for each open list item: has its first paragraph been met
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            [(heading, _)] = _inline(tokens[i + 1], source)[:1]
            line = heading.line(source.number(source.lines(token.map)[0]), "heading", int(token.tag[1]))
            out += [line] if line else []
            i += 3
        elif token.type == "list_item_open":
            items.append(False)
            i += 1
        elif token.type == "list_item_close":
            items.pop()
            i += 1
        elif token.type == "paragraph_open":
            kind = "item" if items and not items[-1] else "text"
            if items:
                items[-1] = True
            out += _paragraph(_inline(tokens[i + 1], source), source, kind)
            i += 3
        elif token.type == "tr_open":
            header = tokens[i - 1].type == "thead_open"
            line, i = _row(tokens, i, source)
            out += [line] if line else []
            rule = source.line(token.map[1]) if header and token.map else None
            out += [rule] if rule else []  # the rule under the header, the file's own line
        elif token.type == "html_block":
            out += _html_block(token, source)
            i += 1
        else:
            i += 1
    return out


def _html_block(token: Token, source: _Source) -> list[SourceLine]:
    """Raw HTML inside Markdown (a <table>, a <dl>), rendered as an HTML page's lines are. Its
    rendered text is not a copy of the source, so its offsets run on from the block's start."""
    from kgraph.sources.html import html_text

    start, end = source.lines(token.map)
    text, _ = html_text(token.content)
    out, at = [], 0
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            offset = min(start + at + raw.index(line), max(start, end - 1))
            out.append(SourceLine(offset, min(offset + len(line), end), line, source.number(start)))
        at += len(raw) + 1
    return out


def markdown_document(markdown: str, path: str) -> Document:
    """Read one Markdown review; sentence offsets count code points of the file's text."""
    meta: dict[str, str] = {}
    body_start = 0
    head = FRONT_MATTER.match(markdown)
    if head:
        try:
            post = frontmatter.loads(markdown)
        except Exception as error:  # YAML errors come in several classes; all mean one thing here
            raise SourceError(path, f"the front matter is not valid YAML: {str(error).splitlines()[0]}") from None
        meta = {str(k).lower(): str(v) for k, v in post.metadata.items() if v is not None}
        body_start = head.end()
    doc = segment_lines(markdown, markdown_lines(markdown, body_start), path, "markdown",
                        post_title=meta.get("title"))
    doc.url = safe_url(meta.get("url") or meta.get("permalink"))
    date = re.match(r"\d{4}-\d{2}-\d{2}", meta.get("date", ""))
    doc.date_published = date.group(0) if date else None
    doc.author = meta.get("author")
    return doc
