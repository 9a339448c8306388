"""Put kgraph's JSON-LD into review pages and Blogger exports, changing nothing else.

A page is changed only where its block goes (kgraph.htmlblock finds the place as a browser
would): every other byte, its line endings, its encoding and its file mode stay as they were.
A Blogger export is changed only inside the <content> of the posts that get a block; its XML
declaration, DTD and every other entry stay byte for byte. Files are written atomically.
"""
from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from xml.parsers import expat

from lxml import etree

from kgraph.errors import KGraphError, SourceError
from kgraph.htmlblock import block_edits, newline_of, place_block, strip_blocks
from kgraph.jsonld import script_tag
from kgraph.sources.blogger import ATOM, POST_KIND
from kgraph.sources.decode import decode_text

Documenter = Callable[[str, str], dict]  # (html, label) -> JSON-LD document
BOM = b"\xef\xbb\xbf"
CONTENT_TAG = "http://www.w3.org/2005/Atom content"


@dataclass
class BloggerResult:
    xml: bytes
    embedded: list[str] = field(default_factory=list)
    untouched: list[tuple[str, str]] = field(default_factory=list)  # (post title, why)


def embed_page(path: Path, documenter: Documenter, out: Path | None = None) -> Path:
    """Insert (or replace) the JSON-LD block in one HTML page; writes `out` or the page itself."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(path, f"cannot read the page: {error.strerror}") from None
    _, encoding = decode_text(raw, path)
    bom = BOM if raw.startswith(BOM) else b""
    html = raw[len(bom):].decode(encoding)  # not normalised: offsets must match the bytes
    block = script_tag(documenter(html, str(path)))
    block = block.replace("\n", newline_of(html))
    if encoding != "utf-8":
        block = _ascii_json(block)
    try:
        edits = block_edits(html, block)
    except KGraphError as error:
        raise SourceError(path, str(error)) from None
    data: list[bytes] = []
    last = 0
    for start, end, text in sorted(edits):  # only the edited spans are encoded anew
        byte_start = len(bom) + len(html[:start].encode(encoding))
        data += [raw[last:byte_start], text.encode(encoding)]
        last = len(bom) + len(html[:end].encode(encoding))
    data.append(raw[last:])
    target = out or path
    write_atomic(target, b"".join(data), like=path)
    return target


def _ascii_json(block: str) -> str:
    """The block with every non-ASCII character as a JSON \\u escape, so any ASCII-compatible
    encoding (CP949, EUC-KR, ...) carries it unchanged."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        if code > 0xFFFF:
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\u{code:04x}"
    return re.sub(r"[^\x00-\x7f]", escape, block)


def write_atomic(target: Path, data: bytes, like: Path | None = None) -> None:
    """Write `data` to `target` in one step (a temporary file in the same folder, fsync,
    os.replace). An existing file keeps its mode and owner; a new one takes `like`'s mode."""
    target = Path(os.path.realpath(target))  # through a symlink: change the page, not the link
    source = target if target.exists() else like
    try:
        info = os.stat(source) if source is not None and Path(source).exists() else None
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise KGraphError(f"{target}: cannot write the file: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass  # not the owner: the file becomes ours, as any editor would leave it
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise KGraphError(f"{target}: cannot write the file: {error.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass  # some filesystems cannot sync a folder; the file itself is on disk


# ------------------------------------------------------------------ Blogger exports

def embed_blogger(path: Path, documenter: Documenter) -> BloggerResult:
    """A new Blogger export where every post kgraph can read carries its JSON-LD block at the
    top of its content; posts it cannot read are left as they were and listed."""
    try:
        raw = path.read_bytes()
        parser = etree.XMLParser(resolve_entities="internal", no_network=True, huge_tree=False)
        root = etree.fromstring(raw, parser)
    except OSError as error:
        raise SourceError(path, f"cannot read the export: {error.strerror}") from None
    except etree.XMLSyntaxError as error:
        raise SourceError(path, f"not a readable Blogger export: {error}") from None
    encoding = root.getroottree().docinfo.encoding or "UTF-8"
    if encoding.lower().replace("-", "") in ("utf16", "utf32"):
        raise SourceError(path, f"the export is {encoding}; save it as UTF-8")
    contents = list(root.iter(f"{ATOM}content"))
    spans = _content_spans(raw, path)
    if len(spans) != len(contents):
        raise SourceError(path, "the export's <content> elements could not be located in the file")
    where = dict(zip(map(id, contents), spans))
    newline = "\r\n" if raw.count(b"\r\n") * 2 > raw.count(b"\n") else "\n"
    result = BloggerResult(xml=b"")
    edits: list[tuple[int, int, bytes]] = []
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
        span = where[id(content)]
        if len(content) or span is None:
            result.untouched.append((title, "the post's content holds XML markup or entities kgraph cannot rewrite"))
            continue
        clean = strip_blocks(body)
        link = next((l.get("href") for l in entry.findall(f"{ATOM}link") if l.get("rel") == "alternate"), None)
        page = f"<html><head><title>{_escape(raw_title)}</title>" if raw_title else "<html><head>"
        page += f'<link rel="canonical" href="{_escape(link)}">' if link else ""
        page += f"</head><body><article>{clean}</article></body></html>"
        try:
            doc = documenter(page, f"{path} (post {title!r})")
            text = place_block(clean, script_tag(doc), fragment=True, at_start=True)
        except KGraphError as error:
            result.untouched.append((title, str(error)))
            continue
        edits.append((*span, _xml_text(text, newline).encode(encoding, "xmlcharrefreplace")))
        result.embedded.append(title)
    out, last = [], 0
    for start, end, data in sorted(edits):
        out += [raw[last:start], data]
        last = end
    result.xml = b"".join(out) + raw[last:]
    return result


def _content_spans(raw: bytes, path: Path) -> list[tuple[int, int] | None]:
    """Byte spans of the text inside every Atom <content> element, in document order (None for
    one that does not stand in the file itself, such as one an entity expands to)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    opened: list[int] = []
    found: list[tuple[int, int]] = []

    def start(name: str, _attributes: dict) -> None:
        if name == CONTENT_TAG:
            opened.append(parser.CurrentByteIndex)

    def end(name: str) -> None:
        if name == CONTENT_TAG:
            found.append((opened.pop(), parser.CurrentByteIndex))

    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as error:
        raise SourceError(path, f"not a readable Blogger export: {error}") from None
    spans: list[tuple[int, int] | None] = []
    for begin, finish in sorted(found):
        inner = _tag_end(raw, begin)
        real = raw[begin:begin + 1] == b"<" and raw[finish:finish + 2] == b"</" and inner is not None
        spans.append((inner, finish) if real and inner <= finish else None)
    return spans


def _tag_end(raw: bytes, at: int) -> int | None:
    """The offset just past the start tag that begins at `at` (quotes respected)."""
    quote = None
    for i in range(at, len(raw)):
        byte = raw[i]
        if quote is not None:
            if byte == quote:
                quote = None
        elif byte in (0x22, 0x27):
            quote = byte
        elif byte == 0x3E:
            return i + 1
    return None


def _xml_text(text: str, newline: str) -> str:
    """`text` as XML character data, its line endings in the file's style."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return text.replace("\n", newline)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
