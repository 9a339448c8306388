"""A Markdown review -> Document: front matter read, emphasis and link syntax removed."""
from __future__ import annotations

import re

from kgraph.sources.document import Document
from kgraph.sources.html import safe_url
from kgraph.sources.layout import segment

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def markdown_text(markdown: str) -> str:
    """Plain text of Markdown, one line per paragraph or list item; headings keep their '#'."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)            # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)             # links
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)                  # bold
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)  # italics
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"(?m)^\s*>\s?", "", text)                          # block quotes
    text = re.sub(r"(?m)^\s*([-*_])\s*\1\s*\1[\s\1]*$", "", text)     # rules
    return text


def markdown_document(markdown: str, path: str) -> Document:
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(markdown)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("'\"")
        markdown = markdown[match.end():]
    doc = segment(markdown_text(markdown), path, "markdown", post_title=meta.get("title"))
    doc.url = safe_url(meta.get("url") or meta.get("permalink"))
    date = re.match(r"\d{4}-\d{2}-\d{2}", meta.get("date", ""))
    doc.date_published = date.group(0) if date else None
    doc.author = meta.get("author")
    return doc
