"""A Blogger export (Atom XML) -> one Document per published post."""
from __future__ import annotations

import re

from lxml import etree

from kgraph.errors import SourceError
from kgraph.sources.document import Document
from kgraph.sources.html import html_document

ATOM = "{http://www.w3.org/2005/Atom}"
POST_KIND = "http://schemas.google.com/blogger/2008/kind#post"


def blogger_documents(xml: str, path: str) -> list[Document]:
    """Posts of a Blogger export; settings, templates and comments are skipped."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(xml.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        raise SourceError(path, f"not well-formed XML: {error}") from None
    if root.tag != f"{ATOM}feed":
        raise SourceError(path, "expected a Blogger export: an Atom <feed> with one <entry> per post")
    documents = []
    links: dict[str, str] = {}  # post URL -> title of the first post with it
    for entry in root.iter(f"{ATOM}entry"):
        kinds = [c.get("term") or "" for c in entry.findall(f"{ATOM}category") if "/kind#" in (c.get("term") or "")]
        if kinds and POST_KIND not in kinds:  # settings, templates, pages, comments
            continue
        if entry.find("{http://purl.org/atompub/tombstones/1.0}deleted-entry") is not None:
            continue
        title = (entry.findtext(f"{ATOM}title") or "").strip()
        content = entry.find(f"{ATOM}content")
        html = content.text if content is not None and content.text else ""
        if not html.strip():
            continue
        link = next((l.get("href") for l in entry.findall(f"{ATOM}link") if l.get("rel") == "alternate"), None)
        page = f"<html><head><title>{_escape(title)}</title>" if title else "<html><head>"
        if link:
            page += f'<link rel="canonical" href="{_escape(link)}">'
        page += f"</head><body><article>{html}</article></body></html>"
        doc = html_document(page, path)
        doc.post_title = title or doc.post_title
        doc.format = "blogger"
        published = (entry.findtext(f"{ATOM}published") or "")[:10]
        doc.date_published = published if re.match(r"\d{4}-\d{2}-\d{2}$", published) else doc.date_published
        author = entry.find(f"{ATOM}author/{ATOM}name")
        doc.author = author.text.strip() if author is not None and author.text else None
        post_id = re.sub(r"\W+", "-", (entry.findtext(f"{ATOM}id") or title).lower()).strip("-")[-80:]
        if not link:
            doc.key = post_id
        elif link in links:  # two posts, one URL: each keeps a graph of its own
            doc.key = post_id or f"post-{len(documents) + 1}"
            doc.warnings.append(f"{path}: post {title!r} has the same URL as post {links[link]!r} ({link}); "
                                "it is kept in a graph of its own, named by its post id")
        if link:
            links.setdefault(link, title)
        documents.append(doc)
    if not documents:
        raise SourceError(path, "the Blogger export holds no posts with content")
    return documents


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
