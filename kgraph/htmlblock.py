"""Where kgraph's JSON-LD block stands in an HTML page, found the way a browser reads the page.

The page is parsed with JustHTML, an HTML5 parser (it passes the html5lib conformance tests):
comments, script text, RCDATA (`<title>`, `<textarea>`) and raw text are tokenized as browsers
tokenize them, and it reports where each tag stands in the source. Only live elements count: a
block inside a comment, inside a script's string or inside a `<template>` is text, not a block.
Functions here work on text and offsets into it; the caller maps them to bytes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from justhtml import JustHTML
from justhtml.dom import Element, Text

from kgraph.errors import KGraphError

MARKER_ATTRIBUTE = "data-generator"
MARKER = "kgraph"


@dataclass(frozen=True)
class Tag:
    """Source offsets of an element's start tag and end tag (None where the source has none)."""

    start: int | None
    start_end: int | None
    end: int | None
    end_end: int | None


@dataclass(frozen=True)
class Block:
    """A live kgraph <script> element: its source span and its text as the browser sees it."""

    start: int
    end: int
    text: str


def _parse(html: str, fragment: bool) -> JustHTML:
    return JustHTML(html, track_node_locations=True, sanitize=False, fragment=fragment)


def _elements(node: object) -> Iterator[Element]:
    """HTML elements in document order; a <template>'s contents are inert and left out."""
    todo = list(reversed(getattr(node, "children", None) or []))
    while todo:
        current = todo.pop()
        if isinstance(current, Element) and current.namespace in (None, "html"):
            yield current
        todo.extend(reversed(getattr(current, "children", None) or []))


def _tag(element: Element) -> Tag:
    # JustHTML keeps tag spans on the element when locations are tracked (justhtml 3.x); any
    # placement is checked by parsing the result again, so a change there cannot corrupt a page.
    return Tag(element._start_tag_start, element._start_tag_end, element._end_tag_start, element._end_tag_end)


def live_blocks(html: str, fragment: bool = False) -> list[Block]:
    """Every live kgraph JSON-LD <script> element, in document order."""
    if MARKER not in html:
        return []
    blocks = []
    for element in _elements(_parse(html, fragment).root):
        if element.name == "script" and (element.attrs or {}).get(MARKER_ATTRIBUTE) == MARKER:
            tag = _tag(element)
            if tag.start is None:
                continue
            end = tag.end_end if tag.end_end is not None else len(html)
            text = "".join(child.data for child in element.children or [] if isinstance(child, Text))
            blocks.append(Block(tag.start, end, text))
    return blocks


def insertion_point(html: str) -> int:
    """Where a new block goes: before the live </head>, else just inside <head>, <body> or
    <html>, else before the first element; the end of the text when there is none."""
    elements = list(_elements(_parse(html, False).root))
    first = {name: next((e for e in elements if e.name == name), None) for name in ("head", "body", "html")}
    head = _tag(first["head"]) if first["head"] is not None else None
    if head is not None and head.end is not None:
        return head.end
    for name in ("head", "body", "html"):
        if first[name] is not None and _tag(first[name]).start_end is not None:
            return _tag(first[name]).start_end
    starts = [_tag(e).start for e in elements if _tag(e).start is not None]
    return min(starts) if starts else len(html)


def newline_of(text: str) -> str:
    """The line ending the text mostly uses."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def _cut(html: str, end: int) -> int:
    """`end`, moved past one line ending that directly follows it."""
    for ending in ("\r\n", "\n"):
        if html.startswith(ending, end):
            return end + len(ending)
    return end


Edit = tuple[int, int, str]  # replace text[start:end] with this


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for start, end, new in sorted(edits):
        out += [text[last:start], new]
        last = end
    return "".join(out) + text[last:]


def block_edits(html: str, block: str, fragment: bool = False, at_start: bool = False) -> list[Edit]:
    """The edits that leave `html` with exactly one kgraph block, `block` (a <script> element and
    a line ending): the first live block replaced and any others removed, or `block` inserted
    (at the start, for a post's content). The result is parsed again to prove it."""
    found = live_blocks(html, fragment)
    if found:
        edits = [(found[0].start, found[0].end, block.rstrip("\r\n"))]
        edits += [(b.start, _cut(html, b.end), "") for b in found[1:]]
    else:
        at = 0 if at_start else insertion_point(html)
        edits = [(at, at, block)]
    check = live_blocks(apply_edits(html, edits), fragment)
    expected = block[block.index(">") + 1:block.rindex("</")].replace("\r\n", "\n")
    if len(check) != 1 or check[0].text != expected:
        raise KGraphError("found no place in the page where a browser would read the JSON-LD block; "
                          "the page was left unchanged")
    return edits


def place_block(html: str, block: str, fragment: bool = False, at_start: bool = False) -> str:
    """`html` with exactly one kgraph block (see block_edits); nothing else in it changes."""
    return apply_edits(html, block_edits(html, block, fragment, at_start))


def strip_blocks(html: str, fragment: bool = True) -> str:
    """`html` without its live kgraph blocks (each with the line ending after it)."""
    out, last = [], 0
    for block in live_blocks(html, fragment):
        out.append(html[last:block.start])
        last = _cut(html, block.end)
    return "".join(out) + html[last:]
