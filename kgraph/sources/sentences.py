"""Sentence splitting with character offsets, aware of quotes and common abbreviations."""
from __future__ import annotations

import re

ABBREVIATIONS = {
    "no", "nos", "mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "vol", "ep", "eps",
    "approx", "etc", "e.g", "i.e", "u.s", "u.k", "ft", "feat", "min", "mins", "prof",
    "capt", "lt", "sgt", "col", "gen", "det", "insp",  # "Capt. Ko", "Det. Ma": a rank before a name
}
_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_END = ".!?…"
_TRAILERS = "\"'”’)]»"
_NEXT_START = re.compile(r"[\"“‘'(\[A-Z0-9가-힣#]")
_SPECIAL = re.compile(r'[“”".!?…]')  # the only characters the splitter acts on


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Split one paragraph into (start, end, text) spans; offsets are shifted by `offset`.

    A sentence ends at . ! ? or … followed by space and a capital, a digit or a quote,
    except after an abbreviation ("No. 1") or a single initial, and never inside
    double quotes (“…”) so a quoted line stays whole.
    """
    spans: list[tuple[int, int, str]] = []
    start = 0
    depth = 0
    straight_open = False
    i = 0
    n = len(text)
    while True:
        special = _SPECIAL.search(text, i)  # every other character is passed over
        if special is None:
            break
        i = special.start()
        ch = text[i]
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        elif ch in _END and depth == 0 and not straight_open:
            j = i + 1
            while j < n and (text[j] in _END or text[j] in _TRAILERS):
                if text[j] == '"':
                    straight_open = not straight_open
                j += 1
            if j < n and text[j].isspace():
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and _NEXT_START.match(text[k]) and not _is_abbreviation(text, start, i):
                    _push(spans, text, start, j, offset)
                    start = k
                    i = k
                    continue
        i += 1
    _push(spans, text, start, n, offset)
    return spans


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[start:dot])
    if not word:
        return False
    token = word.group(1).lower()
    if token in ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha() and text[dot - 1].isupper()


def _push(spans: list[tuple[int, int, str]], text: str, a: int, b: int, offset: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a + offset, b + offset, text[a:b]))
