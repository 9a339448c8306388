"""Name normalisation: one key for every spelling of a name that differs only in
hyphens, dashes, spaces, capitals or Unicode form ("Jeon Jong‑seo", "JEON Jong Seo")."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe63\uff0d-"
_DASH_RE = re.compile(f"[{DASHES}]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """NFC, plain hyphens for every dash-like character inside words, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = re.sub(rf"(?<=\w)[{DASHES}](?=\w)", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The matching key of a name: lower-case tokens joined by '-'; Hangul kept, spaces dropped."""
    text = clean(name).casefold()
    if HANGUL.search(text):
        return re.sub(r"[\s\-]+", "", text)
    tokens = re.split(r"[\s\-_]+", _DASH_RE.sub("-", text))
    tokens = [re.sub(r"[^\w]", "", t) for t in tokens]
    return "-".join(t for t in tokens if t)


def slug(text: str) -> str:
    """A readable IRI path segment: name_key with only letters, digits, Hangul and '-'."""
    key = name_key(text.replace("&", " and "))
    key = re.sub(r"[^\w\-]", "", key)
    return key or "unnamed"


def is_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))


def display(name: str) -> str:
    """A name as it should be shown: cleaned, with plain hyphens."""
    return clean(name).strip(" ,;.:")


def romanised(hangul: str) -> str:
    """Hangul in the Revised Romanization (korean-romanizer), other characters kept:
    '갯마을 차차차' -> 'gaetmaeul chachacha'. A spelling-independent key for a Korean name."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(unicodedata.normalize("NFC", hangul)).romanize()
