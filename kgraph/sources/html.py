"""An HTML page of a review -> Document: scripts, styles, navigation and comments dropped."""
from __future__ import annotations

import re
from typing import Callable
from urllib.parse import quote

from bs4 import BeautifulSoup, Comment, Tag

from kgraph.errors import SourceError
from kgraph.sources.document import Document
from kgraph.sources.layout import segment

DROP = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "aside",
        "form", "button", "input", "select", "textarea")
CHROME_CLASSES = re.compile(r"(comment|sidebar|widget|share|popular|related|footer|header|navbar|"
                            r"search|blog-pager|post-footer|breadcrumbs?)", re.I)
BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "section",
          "article", "dd", "dt", "pre", "figcaption")


def safe_url(url: str | None) -> str | None:
    """A URL usable as an IRI: characters IRIs forbid are percent-encoded."""
    if not url:
        return None
    url = url.strip()
    if not re.match(r"^https?://", url, re.I):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%-._~")


def html_text(fragment: str | Tag, owner: BeautifulSoup | None = None) -> tuple[str, BeautifulSoup | Tag]:
    """Visible text of HTML, one line per block element. `fragment` is markup, or an element of
    the parsed page `owner`, which is then read (and changed) in place instead of parsed again."""
    if isinstance(fragment, Tag):
        soup: BeautifulSoup | Tag = fragment
        if _is_chrome(fragment):
            return "\n", soup
    else:
        soup = owner = BeautifulSoup(fragment, "lxml")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is not None and _is_chrome(tag):
            tag.decompose()
    for table in reversed(soup.find_all("table")):  # innermost first
        _replace_with_lines(owner, table, table_lines(table))
    for dl in reversed(soup.find_all("dl")):
        _replace_with_lines(owner, dl, definition_lines(dl))
    for tag in soup.find_all(BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for tag in soup.find_all("li"):
        tag.insert(0, "- ")
    for level in ("h1", "h2", "h3", "h4", "h5", "h6"):
        for tag in soup.find_all(level):
            tag.insert(0, "#" * int(level[1]) + " ")
    text = soup.get_text()
    text = "\n".join(re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", soup


def _cell_text(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).replace("|", "/")


def table_lines(table: Tag) -> list[str]:
    """An HTML table as the pipe rows kgraph.sources.tables reads: "| a | b |" a row, a rule
    under a header row (all <th>, or in <thead>); a row of one cell (an infobox's title) is a
    plain line. Infobox rows (<th>Label</th><td>value</td>) stay two-cell label-value rows."""
    lines: list[str] = []
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for tr in rows:
        cells = tr.find_all(["th", "td"], recursive=False)
        texts = [_cell_text(c) for c in cells]
        if not any(texts):
            continue
        if len(cells) == 1:
            lines.append(texts[0])
            continue
        first = not any(line.startswith("|") for line in lines)
        lines.append("| " + " | ".join(texts) + " |")
        if first and (tr.find_parent("thead") is not None or all(c.name == "th" for c in cells)):
            lines.append("|" + "---|" * len(cells))
    return lines


def definition_lines(dl: Tag) -> list[str]:
    """A definition list as "Label: value" lines; a term's several values joined by commas."""
    lines: list[str] = []
    for dt in dl.find_all("dt"):
        if dt.find_parent("dl") is not dl:
            continue
        values = []
        for sibling in dt.find_next_siblings(["dt", "dd"]):
            if sibling.name == "dt":
                break
            values.append(_cell_text(sibling))
        label = _cell_text(dt).rstrip(":：")
        if label and any(values):
            lines.append(f"{label}: {', '.join(v for v in values if v)}")
    return lines


def _is_chrome(tag: Tag) -> bool:
    """An element whose class or id says it is page chrome (comments, sidebar, related posts ...)."""
    classes = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    return bool(classes.strip() and CHROME_CLASSES.search(classes)) and tag.name not in ("html", "body")


def _replace_with_lines(soup: BeautifulSoup, tag: Tag, lines: list[str]) -> None:
    block = soup.new_tag("div")
    block.string = "\n".join(lines)
    tag.replace_with(block)


def html_document(html: str, path: str) -> Document:
    """Read one review page: its post title, URL, date and author from the usual tags."""
    if "<" not in html:
        raise SourceError(path, "expected an HTML page, found plain text; save it as .txt")
    head = BeautifulSoup(html, "lxml")
    title = _meta(head, "og:title") or _first_text(head, [
        lambda: head.find("h1", class_="post-title"), lambda: head.find("h3", class_="post-title"),
        lambda: head.find("h1", class_="entry-title"),
        lambda: head.find(lambda tag: tag.name == "h1" and tag.find_parent("article") is not None),
        lambda: head.find("h1"), lambda: head.find("title")])
    url = _link(head) or _meta(head, "og:url")
    date = _date(head)
    author = _meta(head, "author") or _first_text(head, [
        lambda: head.find(lambda tag: tag.has_attr("class") and "fn" in tag["class"]
                          and tag.find_parent(class_="post-author") is not None),
        lambda: head.find(class_="author-name"), lambda: head.find(lambda tag: tag.get("rel") == ["author"])])
    body = head.find(_is_post_body) or head.body or head
    text, _ = html_text(body, head)
    if not text.strip():
        raise SourceError(path, "the HTML page has no visible text")
    doc = segment(text, path, "html")
    doc.post_title = doc.post_title if doc.post_title and not title else (title or doc.post_title)
    doc.url, doc.date_published, doc.author = safe_url(url), date, author
    return doc


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    content = tag.get("content") if tag else None
    return content.strip() if content and content.strip() else None


POST_BODY_CLASSES = {"post-body", "entry-content", "post"}


def _is_post_body(tag: Tag) -> bool:
    """The element that holds the post: <article>, <main>, or a post-body class."""
    return tag.name in ("article", "main") or not POST_BODY_CLASSES.isdisjoint(tag.get("class") or ())


def _first_text(soup: BeautifulSoup, finders: list[Callable[[], Tag | None]]) -> str | None:
    """The text of the first element found (finders are tried in turn) that has any."""
    for find in finders:
        tag = find()
        if tag and tag.get_text(strip=True):
            return re.sub(r"\s+", " ", tag.get_text(" ", strip=True))
    return None


def _link(soup: BeautifulSoup) -> str | None:
    tag = soup.find("link", rel="canonical")
    return tag.get("href") if tag else None


def _date(soup: BeautifulSoup) -> str | None:
    candidates = [_meta(soup, "article:published_time"), _meta(soup, "date")]
    time_tag = soup.find("time")
    if time_tag is not None:
        candidates.append(time_tag.get("datetime"))
    abbr = soup.find("abbr", class_="published")
    if abbr is not None:
        candidates.append(abbr.get("title"))
    for value in candidates:
        match = re.match(r"(\d{4}-\d{2}-\d{2})", value or "")
        if match:
            return match.group(1)
    return None
