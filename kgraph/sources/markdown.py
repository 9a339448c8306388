"""A Markdown review -> Document: front matter read (python-frontmatter), emphasis and link syntax
removed; pipe tables stay one row per line for kgraph.sources.tables."""
from __future__ import annotations

import re

import frontmatter

from kgraph.errors import SourceError
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
    if FRONT_MATTER.match(markdown):
        try:
            post = frontmatter.loads(markdown)
        except Exception as error:  # YAML errors come in several classes; all mean one thing here
            raise SourceError(path, f"the front matter is not valid YAML: {str(error).splitlines()[0]}") from None
        meta = {str(k).lower(): str(v) for k, v in post.metadata.items() if v is not None}
        markdown = post.content
    doc = segment(markdown_text(markdown), path, "markdown", post_title=meta.get("title"))
    doc.url = safe_url(meta.get("url") or meta.get("permalink"))
    date = re.match(r"\d{4}-\d{2}-\d{2}", meta.get("date", ""))
    doc.date_published = date.group(0) if date else None
    doc.author = meta.get("author")
    return doc
