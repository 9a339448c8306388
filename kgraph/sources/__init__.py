"""Read review files of any supported format into Documents (one per review)."""
from __future__ import annotations

from pathlib import Path

from kgraph.errors import SourceError
from kgraph.sources.decode import decode_text
from kgraph.sources.document import Document, Sentence

__all__ = ["Document", "Sentence", "read_source", "read_text", "SUFFIXES", "MAX_REVIEW_BYTES"]

# The largest review kgraph reads (10 MB): extraction is near-linear in size (see
# benchmarks/extract_size.py), and a longer "review" is almost always a mistaken file.
# A Blogger export may be larger; each of its posts is held to this limit.
MAX_REVIEW_BYTES = 10_000_000
MAX_EXPORT_BYTES = 50 * MAX_REVIEW_BYTES

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".xml": "blogger", ".atom": "blogger"}


def detect_format(path: Path, text: str) -> str:
    """Format from the suffix, or from the content for files without a known suffix."""
    if path.suffix.lower() in SUFFIXES:
        fmt = SUFFIXES[path.suffix.lower()]
        if fmt == "blogger" and "<feed" not in text[:2000]:
            raise SourceError(path, "an .xml file must be a Blogger export (an Atom <feed>)")
        return fmt
    head = text.lstrip()[:500].lower()
    if head.startswith("<?xml") and "<feed" in text[:2000]:
        return "blogger"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def read_text(text: str, path: str = "<text>", fmt: str = "text") -> list[Document]:
    """Documents from text already in memory (a string), in the given format."""
    if fmt != "blogger":
        _check_size(path, len(text.encode("utf-8", "surrogatepass")), MAX_REVIEW_BYTES, "review")
    if fmt == "html":
        from kgraph.sources.html import html_document
        return [html_document(text, path)]
    if fmt == "blogger":
        from kgraph.sources.blogger import blogger_documents
        _check_size(path, len(text.encode("utf-8", "surrogatepass")), MAX_EXPORT_BYTES, "Blogger export")
        documents = blogger_documents(text, path)
        for doc in documents:
            _check_size(f"{path} (post {doc.post_title or doc.url!r})", len(doc.text.encode("utf-8")),
                        MAX_REVIEW_BYTES, "review")
        return documents
    if fmt == "markdown":
        from kgraph.sources.markdown import markdown_document
        return [markdown_document(text, path)]
    from kgraph.sources.layout import segment
    return [segment(text, path, "text")]


def read_source(path: Path | str, display_path: str | None = None) -> list[Document]:
    """Read a review file (text, Markdown, HTML or a Blogger export) into Documents."""
    path = Path(path)
    shown = display_path or str(path)
    limit, what = ((MAX_EXPORT_BYTES, "Blogger export") if SUFFIXES.get(path.suffix.lower()) == "blogger"
                   else (MAX_REVIEW_BYTES, "review"))
    try:
        _check_size(shown, path.stat().st_size, limit, what)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(shown, "no such file") from None
    except IsADirectoryError:
        raise SourceError(shown, "is a folder, not a review file") from None
    except OSError as error:
        raise SourceError(shown, f"cannot be read: {error.strerror}") from None
    text, _ = decode_text(data, shown)
    return read_text(text, shown, detect_format(path, text))


def _check_size(path: object, size: int, limit: int, what: str) -> None:
    if size > limit:
        raise SourceError(path, f"{size:,} bytes is over the limit of {limit:,} bytes for one {what}; "
                                "split or trim the file (kgraph.sources.MAX_REVIEW_BYTES)")
