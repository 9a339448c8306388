"""Bytes to text: UTF-8 (with or without BOM), or the Korean legacy encodings CP949 / EUC-KR."""
from __future__ import annotations

import unicodedata

from kgraph.errors import SourceError


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control bytes: not a text file."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def decode_text(data: bytes, path: object) -> tuple[str, str]:
    """Decode `data` read from `path`; return (text, encoding) or raise SourceError.

    UTF-8 is tried first. Text that is not UTF-8 is accepted as CP949 (a superset of
    EUC-KR) only when it decodes cleanly and reads as Korean: its non-ASCII characters
    are mostly Hangul. Anything else is an error naming the file.
    """
    if not data.strip():
        raise SourceError(path, "the file is empty; expected the text of a review")
    if looks_binary(data):
        raise SourceError(path, "this is a binary file, not a text review (found NUL or control bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as utf8_error:
        position = utf8_error.start
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_korean(text):
        return unicodedata.normalize("NFC", text), "cp949"
    line = data[:position].count(b"\n") + 1
    raise SourceError(
        path,
        f"line {line}: byte 0x{data[position]:02x} is not valid UTF-8, and the text is not "
        "CP949/EUC-KR Korean either; save the review as UTF-8",
    )


def _reads_as_korean(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    hangul = sum(1 for c in non_ascii if "\uac00" <= c <= "\ud7a3" or "\u3130" <= c <= "\u318f")
    typographic = sum(1 for c in non_ascii if unicodedata.category(c)[0] in "PSZ")
    return (hangul + typographic) / len(non_ascii) >= 0.9 and hangul > 0
