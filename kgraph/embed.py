"""Put kgraph's JSON-LD into review pages and Blogger exports."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from kgraph.errors import KGraphError, SourceError
from kgraph.jsonld import SCRIPT_RE, embed, script_tag
from kgraph.sources.blogger import ATOM, POST_KIND

Documenter = Callable[[str, str], dict]  # (html, label) -> JSON-LD document


@dataclass
class BloggerResult:
    xml: bytes
    embedded: list[str] = field(default_factory=list)
    untouched: list[tuple[str, str]] = field(default_factory=list)  # (post title, why)


def embed_page(path: Path, documenter: Documenter, out: Path | None = None) -> Path:
    """Insert (or replace) the JSON-LD block in one HTML page; writes `out` or the page itself."""
    try:
        html = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(path, f"cannot read the page: {error}") from None
    result = embed(html, documenter(html, str(path)))
    target = out or path
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(result, "utf-8")
    tmp.replace(target)
    return target


def embed_blogger(path: Path, documenter: Documenter) -> BloggerResult:
    """A new Blogger export where every post kgraph can read carries its JSON-LD block at the
    top of its content; posts it cannot read are left as they were and listed."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(path.read_bytes(), parser)
    except (OSError, etree.XMLSyntaxError) as error:
        raise SourceError(path, f"not a readable Blogger export: {error}") from None
    result = BloggerResult(xml=b"")
    for entry in root.iter(f"{ATOM}entry"):
        kinds = [c.get("term") or "" for c in entry.findall(f"{ATOM}category") if "/kind#" in (c.get("term") or "")]
        if kinds and POST_KIND not in kinds:
            continue
        raw_title = (entry.findtext(f"{ATOM}title") or "").strip()
        title = raw_title or "(untitled)"
        content = entry.find(f"{ATOM}content")
        body = content.text if content is not None and content.text else ""
        if not body.strip():
            result.untouched.append((title, "the post has no content"))
            continue
        link = next((l.get("href") for l in entry.findall(f"{ATOM}link") if l.get("rel") == "alternate"), None)
        page = f"<html><head><title>{_escape(raw_title)}</title>" if raw_title else "<html><head>"
        page += f'<link rel="canonical" href="{_escape(link)}">' if link else ""
        page += f"</head><body><article>{SCRIPT_RE.sub('', body)}</article></body></html>"
        try:
            doc = documenter(page, f"{path} (post {title!r})")
        except KGraphError as error:
            result.untouched.append((title, str(error)))
            continue
        content.text = script_tag(doc) + SCRIPT_RE.sub("", body)
        result.embedded.append(title)
    result.xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return result


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
