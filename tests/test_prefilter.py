"""The literal prefilters never change what a pattern finds (kgraph.extract.prefilter)."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kgraph.extract
from kgraph.extract.lexicon import load_lexicon
from kgraph.extract.phrasings import AWARD_PHRASINGS, PHRASINGS
from kgraph.extract.prefilter import CuedPattern, cued, fold
from kgraph.sources import read_source

ROOT = Path(__file__).resolve().parent.parent


def _every_cued_pattern() -> list[CuedPattern]:
    found: dict[int, CuedPattern] = {}

    def visit(value: object) -> None:
        if isinstance(value, CuedPattern):
            found[id(value)] = value
        elif isinstance(value, (tuple, list)):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    for info in pkgutil.iter_modules(kgraph.extract.__path__):
        module = importlib.import_module(f"kgraph.extract.{info.name}")
        for value in vars(module).values():
            visit(value)
    visit([row.pattern for row in PHRASINGS])
    visit([trigger.pattern for trigger in load_lexicon().themes])
    return list(found.values())


PATTERNS = _every_cued_pattern()


def _texts() -> list[str]:
    texts = [row.example for row in PHRASINGS] + [row.example for row in AWARD_PHRASINGS]
    for path in sorted((ROOT / "data" / "reviews").iterdir()):
        if path.suffix.lower() in {".txt", ".md", ".html", ".xml"}:
            for doc in read_source(path, path.name):
                texts += [s.text for s in doc.sentences]
                texts += doc.text.splitlines()
    # the same texts in other cases, and with the characters re matches to ASCII letters
    exotic = str.maketrans({"k": "\u212a", "s": "\u017f", "i": "\u0131", "I": "\u0130"})
    return texts + [t.upper() for t in texts[:400]] + [t.swapcase() for t in texts[:400]] + \
        [t.translate(exotic) for t in texts[:400]]


TEXTS = _texts()


def test_the_extractor_has_cued_patterns_and_most_have_needles() -> None:
    assert len(PATTERNS) > 100
    assert sum(bool(p.needles) for p in PATTERNS) > len(PATTERNS) // 2


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
def test_a_pattern_matches_nothing_the_prefilter_rules_out(pattern: CuedPattern) -> None:
    for text in TEXTS:
        if pattern.regex.search(text):
            assert pattern.may_match(text), (pattern.needles, text)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)]


@pytest.mark.parametrize("regex, needles", [
    (r"(?P<person>[A-Z]\w+) plays (?P<char>[A-Z]\w+)", (" plays ",)),
    (r"\b(?:played|portrayed)\s+by\b", ("layed", "ortrayed")),
    (r"(?i:written and directed) by", ("written and directed",)),
    (r"\b(?:Jan|January|Feb)\s+\d{4}", ("Feb", "Jan")),  # "January" holds "Jan"
    (r"(?=.*Netflix)\w+", ("Netflix",)),  # a lookahead still reads the text
    (r"(?:as)?\s+(?P<name>\w+)", ()),  # nothing is required
    (r"(?<!not )streaming on \w+", ("streaming on ",)),  # a negative lookbehind requires nothing
    (r"\((?P<person>[A-Z]\w+)\)", ("(", ")")),
    (r"\d+\s+\w+", ()),  # no literal at all
])
def test_needles_come_from_the_pattern(regex: str, needles: tuple[str, ...]) -> None:
    assert cued(regex).needles in (needles, needles[:1], needles[1:])


def test_case_insensitive_needles_are_folded_like_re_folds() -> None:
    pattern = cued(r"directed by", re.IGNORECASE)
    assert pattern.ignore_case and pattern.needles == ("directed by",)
    for text in ("DIRECTED BY Bong", "Directed by Bong", "directed b\u0131 Bong".replace("\u0131", "y")):
        assert pattern.search(text)
    assert pattern.search("wor\u212ad \u017ftarts, directed by") and cued("work", re.I).search("wor\u212a")


def test_fold_covers_every_character_re_matches_to_an_ascii_one() -> None:
    ascii_class = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if ascii_class.fullmatch(char):
            folded = fold(char)
            assert folded.isascii() and re.fullmatch(re.escape(folded), char, re.IGNORECASE), hex(code)


_ATOMS = st.sampled_from(["a", "b", "k", "s", "i", "as", "by", " ", r"\s", r"\s+", r"\s*", "\t", r"\w", "[ab]", ".",
                          r"\b", "(", r"\(", "K"])


_FIXED = st.sampled_from(["a", "b", "k", "as", "by", " ", "K"])


@st.composite
def _regexes(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["atom", "atom", "group", "alt", "repeat", "icase", "look"] if depth < 2 else ["atom"]))
        if kind == "atom":
            atom = draw(_ATOMS)
            parts.append(r"\(" if atom == "(" else atom)
        elif kind == "group":
            parts.append(f"(?:{draw(_regexes(depth + 1))})")
        elif kind == "alt":
            parts.append(f"(?:{draw(_regexes(depth + 1))}|{draw(_regexes(depth + 1))})")
        elif kind == "repeat":
            parts.append(f"(?:{draw(_regexes(depth + 1))}){draw(st.sampled_from(['*', '+', '?', '{2}', '{0,2}', '+?']))}")
        elif kind == "icase":
            parts.append(f"(?i:{draw(_regexes(depth + 1))})")
        else:
            look = draw(st.sampled_from(["=", "!", "<="]))
            parts.append(f"(?{look}{draw(_FIXED)})")  # lookbehinds need a fixed width
    return "".join(parts)


@example(regex="(?i:as)", flags=0, text="AS")  # a scoped flag
@example(regex="a\\s+as\\s+b", flags=0, text="a\t\n as\xa0b")  # any whitespace, one space once spaced
@example(regex=" \\s+by", flags=0, text="\n\t by")
@example(regex="(?-i:as)b", flags=re.IGNORECASE, text="asB")  # a scope that removes it
@example(regex="(?:by)+k", flags=re.IGNORECASE, text="BY\u212a")  # the Kelvin sign is a k
@example(regex="\u0131s", flags=re.IGNORECASE, text="IS")  # a non-ASCII letter is never a needle
@settings(max_examples=400, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(regex=_regexes(), flags=st.sampled_from([0, re.IGNORECASE]),
       text=st.lists(st.sampled_from(["a", "b", "k", "s", "i", "as", "AS", "aS", "by", "BY", "bY", " ", "K", "(", ")",
                                      "\u212a", "\u017f", "\u0131", "\u0130", "y", "\t", "\n", "\xa0", "  "]),
                     max_size=12).map("".join))
def test_prefilters_are_exact_on_generated_patterns(regex: str, flags: int, text: str) -> None:
    try:
        compiled = re.compile(regex, flags)
    except re.error:
        return
    pattern = cued(compiled)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert bool(pattern.search(text)) == bool(compiled.search(text))


def _spans(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


_NAME_WORDS = st.sampled_from(["Kim", "KIM", "kim", "\u212aim", "Lee", "Ji-hoon", "Jong-seo", "Seo", "In", "Park",
                               "Hwang", "Woo", "Seul", "Hye", "the", "The", "-", " ", "\t", ",", "Jeon", "a"])


@settings(max_examples=300, derandomize=True)
@given(text=st.lists(_NAME_WORDS, max_size=10).map(" ".join))
def test_korean_names_are_found_where_the_whole_pattern_finds_them(text: str) -> None:
    from kgraph.extract.patterns import KOREAN_NAME_RE, _name_at
    for position in range(0, len(text) + 1, 3):
        assert _spans(_name_at(text, position)) == _spans(KOREAN_NAME_RE.regex.search(text, position))
    assert _spans(_name_at(text, whole=True)) == _spans(KOREAN_NAME_RE.regex.fullmatch(text))


def test_korean_names_in_the_corpus_are_found_as_by_the_whole_pattern() -> None:
    from kgraph.extract.patterns import KOREAN_NAME_RE, _name_at
    for text in TEXTS:
        assert _spans(_name_at(text)) == _spans(KOREAN_NAME_RE.regex.search(text))


@settings(max_examples=300, derandomize=True)
@given(before=st.lists(st.sampled_from(["squid", "game", "'", "”", "*", "_", " ", "  ", "\t", "on", "x"]), max_size=9)
       .map("".join), title=st.sampled_from(["squid game", "game", "game'", "x ", "on"]))
def test_a_title_before_on_is_found_as_by_a_pattern_made_for_it(before: str, title: str) -> None:
    from kgraph.extract.title import _title_then_on
    expected = re.search(rf"{re.escape(title)}[*_”\"']*\s+on\s+$", before) is not None
    assert _title_then_on(before, title) == expected


def test_a_table_offers_every_row_whose_pattern_matches() -> None:
    from kgraph.extract.people import CAST_TABLE
    from kgraph.extract.phrasings import CAST_ROWS, CREW_ROWS
    from kgraph.extract.related import RELATED_TABLE
    for table in (CAST_TABLE, CAST_ROWS, CREW_ROWS, RELATED_TABLE):
        patterns = [row if isinstance(row, CuedPattern) else row.pattern for row in table]
        for text in TEXTS:
            offered = table.candidates(text)
            matching = [row for row, p in zip(table, patterns) if p.regex.search(text)]
            assert all(any(row is o for o in offered) for row in matching), text
            assert [table.rows.index(o) for o in offered] == sorted(table.rows.index(o) for o in offered)
