"""Bytes to text: UTF-8 (with or without BOM), UTF-16/UTF-32 (with a BOM, or recognised by
charset-normalizer), or the Korean legacy encodings CP949 / EUC-KR."""
from __future__ import annotations

import codecs
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
    wide = _wide_unicode(data, path)
    if wide is not None:
        return wide
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
    guess = _guess(data)
    raise SourceError(
        path,
        f"line {line}: byte 0x{data[position]:02x} is not valid UTF-8, and the text is not "
        f"CP949/EUC-KR Korean either{guess}; save the review as UTF-8",
    )


# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _wide_unicode(data: bytes, path: object) -> tuple[str, str] | None:
    """Text of a UTF-16/UTF-32 file: by its BOM, else when charset-normalizer reads it as one.
    None for anything else; a SourceError when a BOM promises an encoding the bytes break."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise SourceError(path, f"starts with a {encoding.upper()} byte-order mark but byte "
                                        f"{error.start + len(bom)} is not valid {encoding.upper()}; "
                                        "save the review as UTF-8") from None
            return unicodedata.normalize("NFC", text), encoding
    if b"\x00" not in data[:8192]:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for c in text[:8192] if c.isprintable() or c in "\t\n\r\f")
    if printable < 0.98 * len(text[:8192]):
        return None
    return unicodedata.normalize("NFC", text.lstrip("\ufeff")), best.encoding.replace("_", "-")


def _guess(data: bytes) -> str:
    """', and reads like ENCODING' when charset-normalizer recognises the bytes, else ''."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return f" (it reads like {best.encoding.replace('_', '-')})" if best is not None else ""


def _reads_as_korean(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    hangul = sum(1 for c in non_ascii if "\uac00" <= c <= "\ud7a3" or "\u3130" <= c <= "\u318f")
    typographic = sum(1 for c in non_ascii if unicodedata.category(c)[0] in "PSZ")
    return (hangul + typographic) / len(non_ascii) >= 0.9 and hangul > 0
