"""Cheap literal prefilters for the extractor's regular expressions.

Most prose patterns can only match a sentence holding some literal word ("plays", " as ",
"directed by"). `cued(pattern)` works out, from the pattern's own syntax tree, a set of literal
strings one of which every match must contain (the way RE2's prefilters do), and skips the
regex engine on text holding none of them. The answer is always the pattern's own: a cued
pattern never misses a match, it only avoids running where no match can be.

    PLAYS = cued(re.compile(r"(?P<person>[A-Z]\\w+) plays (?P<char>[A-Z]\\w+)"))
    PLAYS.needles          # (' plays ',)
    PLAYS.finditer(text)   # re.Pattern.finditer, or nothing when no needle is in text
"""
from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Callable, Generic, Iterator, Sequence, TypeVar

# Non-ASCII characters that Python's re, ignoring case, matches to an ASCII letter (the dotted
# capital I, the dotless i, the long s and the Kelvin sign); tests/test_prefilter.py checks
# every code point. They are folded before lower-casing, so the fold of a matching text always
# holds the lower-case needle.
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")

Factor = frozenset[str]  # one of these strings is in every match


def fold(text: str) -> str:
    """`text` as case-insensitive needles are looked for in it."""
    if text.isascii() or not _EXOTIC.search(text):
        return text.lower()
    return text.translate(_TO_ASCII).lower()


def _selects(needle: str) -> bool:
    """Whether looking for `needle` can rule much out: two characters or more, or one sign
    that is neither a letter, a digit nor a space ("(", ":")."""
    return len(needle) >= 2 or not (needle.isalnum() or needle.isspace())


_folded: list[str] = ["", ""]  # the text case-insensitive needles were last looked for in, and its fold
# (patterns run in turn on one sentence)


def _holds(needles: tuple[str, ...], ignore_case: bool, text: str) -> bool:
    """Whether `text` holds one of `needles`."""
    if ignore_case:
        if _folded[0] is not text:
            _folded[0], _folded[1] = text, fold(text)
        text = _folded[1]
    for needle in needles:
        if needle in text:
            return True
    return False


def _factors(items: _parser.SubPattern | list, icase: bool) -> list[tuple[Factor, bool]]:
    """Factors that every match of the sequence `items` contains, each with whether it is
    compared ignoring case."""
    found: list[tuple[Factor, bool]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append((frozenset({"".join(run)}), icase))
            run.clear()

    for op, arg in items:
        if op is sre.LITERAL and (not icase or arg < 128):
            run.append(chr(arg).lower() if icase else chr(arg))
            continue
        flush()
        if op is sre.SUBPATTERN:
            _group, add, remove, body = arg
            inner = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            found += _factors(body, inner)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, _high, body = arg
            if low >= 1:
                found += _factors(body, icase)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found += _factors(arg, icase)
        elif op is sre.ASSERT:  # a lookahead or lookbehind still reads the text
            found += _factors(arg[1], icase)
        elif op is sre.BRANCH:
            choices = [_best(_factors(branch, icase)) for branch in arg[1]]
            if all(choice is not None for choice in choices):
                cases = {choice[1] for choice in choices}  # type: ignore[index]
                if len(cases) == 1:
                    found.append((frozenset().union(*(c[0] for c in choices)), cases.pop()))  # type: ignore[index]
    flush()
    return found


def _best(factors: list[tuple[Factor, bool]]) -> tuple[Factor, bool] | None:
    """The most selective factor: the one whose shortest string is longest."""
    usable = [f for f in factors if f[0] and min(map(len, f[0])) >= 1]
    return max(usable, key=lambda f: (min(map(len, f[0])), -len(f[0])), default=None)


class CuedPattern:
    """A compiled pattern with its needles; matching methods return what the pattern returns,
    after a substring test that rules out text no match can be in."""

    __slots__ = ("regex", "needles", "ignore_case")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        best = _best(_factors(_parser.parse(regex.pattern, regex.flags), bool(regex.flags & re.IGNORECASE)))
        if best is None or not all(map(_selects, best[0])):
            self.needles: tuple[str, ...] = ()
            self.ignore_case = False
        else:
            # a needle holding another is implied by it ("January" by "Jan")
            self.needles = tuple(sorted(n for n in best[0] if not any(o != n and o in n for o in best[0])))
            self.ignore_case = best[1]

    def may_match(self, text: str) -> bool:
        """False only when no match of the pattern can be in `text`."""
        return not self.needles or _holds(self.needles, self.ignore_case, text)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.search(text, *args) if self.may_match(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.match(text, *args) if self.may_match(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self.regex.fullmatch(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        if self.needles and not _holds(self.needles, self.ignore_case, text):
            return iter(())
        return self.regex.finditer(text, *args)

    def findall(self, text: str, *args: int) -> list:
        return self.regex.findall(text, *args) if self.may_match(text) else []

    def sub(self, repl, text: str, count: int = 0) -> str:  # noqa: ANN001 - as re.Pattern.sub
        return self.regex.sub(repl, text, count) if self.may_match(text) else text

    def subn(self, repl, text: str, count: int = 0) -> tuple[str, int]:  # noqa: ANN001 - as re.Pattern.subn
        return self.regex.subn(repl, text, count) if self.may_match(text) else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.regex.split(text, maxsplit) if self.may_match(text) else [text]

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def groupindex(self):  # noqa: ANN201 - as re.Pattern.groupindex
        return self.regex.groupindex

    def __repr__(self) -> str:
        return f"cued({self.regex!r}, needles={self.needles!r})"


def cued(regex: re.Pattern[str] | str, flags: int = 0) -> CuedPattern:
    """`regex` (compiled, or compiled here with `flags`) with the literal prefilter its syntax allows."""
    return CuedPattern(regex if isinstance(regex, re.Pattern) else re.compile(regex, flags))


T = TypeVar("T")


class CuedTable(Generic[T]):
    """Rows that each carry a cued pattern (a table of phrasings): `candidates(text)` gives, in
    order, the rows whose pattern may match `text`, in one pass over the needles."""

    def __init__(self, rows: Sequence[T], pattern_of: Callable[[T], CuedPattern]) -> None:
        self.rows = tuple(rows)
        self._entries = tuple((pattern_of(row).needles, pattern_of(row).ignore_case, row) for row in self.rows)

    def candidates(self, text: str) -> list[T]:
        folded: str | None = None
        out = []
        for needles, ignore_case, row in self._entries:
            if not needles:
                out.append(row)
                continue
            if ignore_case:
                if folded is None:
                    folded = fold(text)
                haystack = folded
            else:
                haystack = text
            for needle in needles:
                if needle in haystack:
                    out.append(row)
                    break
        return out

    def __iter__(self) -> Iterator[T]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)
