"""Regular-expression building blocks: Korean personal names, dates, title-like phrases."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from kgraph.extract.facts import YearMonth
from kgraph.extract.prefilter import cued, fold

# Common Korean family names in their usual romanisations.
FAMILY_NAMES = sorted({
    "Kim", "Gim", "Lee", "Yi", "Rhee", "Park", "Pak", "Bak", "Choi", "Choe", "Jung", "Jeong",
    "Chung", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang", "Lim", "Im", "Yim", "Han", "Oh",
    "Seo", "Suh", "Shin", "Sin", "Kwon", "Gwon", "Hwang", "Ahn", "An", "Song", "Yoo", "Yu",
    "Ryu", "Hong", "Jeon", "Jun", "Chun", "Go", "Ko", "Koh", "Moon", "Mun", "Yang", "Son", "Sohn",
    "Bae", "Baek", "Paik", "Heo", "Huh", "Nam", "Sim", "Shim", "Noh", "Roh", "Ha", "Kwak",
    "Sung", "Seong", "Cha", "Joo", "Ju", "Woo", "Koo", "Gu", "Min", "Na", "Ra", "Jin", "Ji",
    "Uhm", "Eom", "Um", "Chae", "Won", "Bang", "Gong", "Kong", "Hyun", "Ham", "Byun", "Byeon",
    "Yeom", "Yum", "Yeo", "Do", "Yeon", "So", "Pyo", "Tak", "Seol", "Ma", "Gil", "Kil", "Ok",
    "Wi", "Kyung", "Maeng", "Jegal", "Namgung", "Hwangbo", "Seonwoo", "Dokgo", "Sa", "Bong",
    "Jee", "Jae", "Ye", "Yook", "Yuk", "Tae", "Pi", "Myung", "Lyu", "Nah", "Goo", "Kyeong",
    # rarer ones and their spellings
    "O", "Gi", "Ki", "Gang", "Seok", "Sol", "Sul", "Yong", "Geum", "Bok", "Eun", "Sun", "Seon",
    "Namkoong", "Sunwoo", "Dokko", "Gyeong", "Pyeon", "Byon", "Ryoo", "Rhyu", "Zo", "Choo", "Chu", "Mo",
    # the rest of the closed list of Korean family names (Revised Romanisation, then usual spellings)
    "Tang", "In", "Eo", "Gyeon", "Guk", "Gook", "Kook", "Gye", "Kye", "Dong", "Du", "Doo", "Dan", "Dam", "Dang",
    "Ryeo", "Yeo", "Myeong", "Muk", "Ban", "Pan", "Beom", "Bu", "Boo", "Bin", "Bing", "Sak", "Seung", "Si",
    "Ae", "Yeop", "Yeong", "Ong", "Wang", "Un", "Eum", "Jeom", "Je", "Jwa", "Cheon", "Tan", "Paeng",
    "Pil", "Hak", "Hae", "Hyeon", "Hyeong", "Ho", "Hwa", "Heung", "Noe", "Nangung", "Seomun", "Dongbang",
    "Sagong", "Hyun", "Keum", "Kum", "Goh", "Ku", "Kwok", "Pyun", "Suk", "Youn", "Lyoo", "Hur", "Hahn",
    "Whang", "Rah", "Paek", "Baik", "Shon", "Jhun", "Jhin", "Rim", "Kyeon", "Kye", "Chon", "Chong",
})
# Family names that are also English words: a name only with a hyphenated given name ("In Gyo-jin",
# never "In Seoul" or "In Heo Myung-haeng's debut").
WORD_FAMILY_NAMES = frozenset({"In", "On", "Un", "Dan", "Pan", "Tan", "Ho", "Bin", "Ban", "Si", "Je", "Ae", "Hae"})
_INITIALS = "kk|gg|tt|dd|pp|bb|ss|jj|ch|sh|ts|ph|th|kh|g|k|n|d|t|r|l|m|b|p|s|j|c|h|y|w|f|z"
_VOWELS = ("yae|yeo|yoo|you|wae|ae|ai|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ou|ee|ea|uh|oh|ah|eh"
           "|a|e|o|u|i|y")
_FINALS = "ng|nk|ck|n|m|l|k|p|t|r|b|g|h|s"
_SYLLABLE = f"(?:{_INITIALS})?(?:{_VOWELS})(?:{_FINALS})?"
ROMAN_SYLLABLE = _SYLLABLE  # one romanised Korean syllable ("jong", "seo", "teu")
_GIVEN_TOKEN = cued(f"^(?:{_SYLLABLE}){{1,3}}$", re.IGNORECASE)

_FAMILY = "|".join(FAMILY_NAMES)
# "Jeon Jong-seo", "JEON Jong-seo", "Jeon Jong Seo", "Kim Ji-hoon", "Joo Hyun", "Park InHwan". Given-name
# tokens are checked by is_korean_given_name after matching.
KOREAN_NAME = (
    rf"(?:(?i:{_FAMILY}))\s(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]*|[A-Z][a-z]+)?(?:\s[A-Z][a-z]+(?![\w-]))?"
    rf"(?:\s(?!(?i:{_FAMILY})\b)[A-Z][a-z]{{1,4}}(?![\w-]))?)"  # "Hwang Woo Seul Hye": three given syllables
)
KOREAN_NAME_RE = cued(rf"(?<![\w-])({KOREAN_NAME})(?![\w-])")
# Where a Korean name can start: a word (as the family-name alternation reads it, ignoring case)
# before a space and a capital. The long alternation runs only where the word is a family name.
_NAME_START = re.compile(r"(?<![\w-])((?i:[a-z])+)(?=\s[A-Z])")
_FAMILY_KEYS = frozenset(name.lower() for name in FAMILY_NAMES)


def _name_at(text: str, position: int = 0, whole: bool = False) -> re.Match[str] | None:
    """What `KOREAN_NAME_RE.search(text, position)` finds (`fullmatch(text)` when `whole`),
    trying the pattern only where a family name starts."""
    starts = [_NAME_START.match(text)] if whole else _NAME_START.finditer(text, position)
    for start in starts:
        if start is not None and fold(start.group(1)) in _FAMILY_KEYS:
            match = (KOREAN_NAME_RE.regex.fullmatch(text) if whole
                     else KOREAN_NAME_RE.regex.match(text, start.start()))
            if match is not None:
                return match
    return None
# A character or stage name: capitalised words, hyphenated syllables allowed (Ok-ju, Choi Pro).
PROPER = r"[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|de|of|the))*?(?:\s[A-Z][\w'’.-]*)?"
CAPITALISED = r"[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2}"


@lru_cache(maxsize=1 << 16)
def is_korean_given_name(given: str) -> bool:
    """True when every part of a given name reads as romanised Korean syllables ("Jong-seo")."""
    parts = re.split(r"[\s-]+", given)
    return bool(parts) and all(_GIVEN_TOKEN.match(p) for p in parts if p)


@lru_cache(maxsize=1 << 16)
def is_korean_name(name: str) -> bool:
    """True for a full name shaped like a Korean name: a family name, then a given name."""
    match = _name_at(name.strip(), whole=True)
    if not match:
        return False
    family, _, given = match.group(1).partition(" ")
    return _given_fits(family, given)


def _given_fits(family: str, given: str) -> bool:
    """True when `given` reads as a Korean given name after `family`: romanised syllables, one
    syllable a word when spelled apart ("Woo Seul Hye"), hyphenated after a word-like family name."""
    if family.capitalize() in WORD_FAMILY_NAMES and "-" not in given:
        return False
    parts = given.split(" ")
    if len(parts) == 3 and not all(re.fullmatch(_SYLLABLE, p, re.I) for p in parts):
        return False
    return is_korean_given_name(given)


def korean_names(text: str) -> list[tuple[int, int, str]]:
    """Every Korean-shaped full name in `text` (already cleaned), with its span."""
    out = []
    position = 0
    while (match := _name_at(text, position)) is not None:
        name = match.group(1)
        end = match.end(1)
        family, _, given = name.partition(" ")
        if "-" in given.split(" ")[0] and " " in given:  # "Kim Su-yeon Kim Yong-ji": a hyphenated
            given = given.split(" ")[0]  # given name is whole; the next word starts another name
            name = f"{family} {given}"
            end = match.start(1) + len(name)
        position = end
        if _given_fits(family, given):
            out.append((match.start(1), end, name))
        else:  # "Kim Ji Hoon plays": maybe only the first tokens are the name; "In Heo Myung-haeng": the next
            position = match.start(1) + len(family) + 1
            parts = given.split(" ")
            for n in range(len(parts) - 1, 0, -1):
                first = " ".join(parts[:n])
                if _given_fits(family, first):
                    out.append((match.start(1), match.start(1) + len(family) + 1 + len(first), f"{family} {first}"))
                    position = match.start(1) + len(family) + 1 + len(first)
                    break
    return out


# "Kim Jee woon", "Song Kang ho": a Korean name whose last given syllable a page writes in lower case
_LOWER_TAIL = cued(rf"(?<![\w-])((?i:{_FAMILY})\s[A-Z][a-z]+)\s([a-z]{{2,4}})(?![\w'’-])")
_ENGLISH_SHORT = frozenset({"is", "as", "was", "has", "had", "and", "an", "on", "in", "at", "so", "to", "go", "he",
                            "she", "we", "me", "be", "do", "no", "or", "of", "the", "his", "her", "yet", "who", "how",
                            "its", "it", "ran", "won", "sang", "say", "says", "see", "saw", "got", "gets", "set", "put",
                            "let", "led", "met", "may", "can", "now", "new", "one", "two", "too", "yes", "hi", "oh",
                            "are", "were", "did", "does", "for", "but", "not", "all", "get", "off", "out", "own", "our",
                            "you", "him", "they", "them", "than", "then", "when", "with", "from", "also", "both", "each",
                            "just", "only", "even", "into", "over", "play", "star", "make", "made", "look", "take",
                            "will", "must", "once", "here", "have", "what", "that", "this", "very", "well", "much",
                            "more", "most", "some", "such", "like", "lead", "acts", "gave", "give", "plus", "way"})


def lower_tail_names(text: str) -> str:
    """`text` with the lower-case last syllable of a Korean name capitalised ("director Kim Jee
    woon" -> "director Kim Jee Woon"), so name patterns read the whole name; offsets are kept."""
    def fix(match: re.Match[str]) -> str:
        tail = match.group(2)
        if tail in _ENGLISH_SHORT or not is_korean_name(f"{match.group(1)} {tail.capitalize()}"):
            return match.group(0)
        return f"{match.group(1)} {tail.capitalize()}"
    return _LOWER_TAIL.sub(fix, text)


MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
DAY_FIRST = cued(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b")
MONTH_FIRST = cued(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
ISO_DATE = cued(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_YEAR = cued(rf"\b{_MONTH},?\s+(\d{{4}})\b")
DATE_RANGE = cued(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[–—-]|to|until|through)\s*(?:{_MONTH}\s+)?(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def find_dates(text: str) -> list[tuple[int, int, dt.date | YearMonth]]:
    """Dates in `text` with their spans: full dates first, then month-and-year mentions."""
    found: list[tuple[int, int, dt.date | YearMonth]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for match in DATE_RANGE.finditer(text):
        taken.append(match.span())
    for regex, order in ((MONTH_FIRST, "mdy"), (DAY_FIRST, "dmy"), (ISO_DATE, "iso")):
        for match in regex.finditer(text):
            if not free(*match.span()):
                continue
            try:
                if order == "mdy":
                    value = dt.date(int(match.group(3)), month_number(match.group(1)), int(match.group(2)))
                elif order == "dmy":
                    value = dt.date(int(match.group(3)), month_number(match.group(2)), int(match.group(1)))
                else:
                    value = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
            found.append((match.start(), match.end(), value))
            taken.append(match.span())
    for match in MONTH_YEAR.finditer(text):
        if free(*match.span()):
            found.append((match.start(), match.end(), YearMonth(int(match.group(2)), month_number(match.group(1)))))
            taken.append(match.span())
    return sorted(found, key=lambda f: f[0])


def find_date_ranges(text: str) -> list[tuple[int, int, dt.date, dt.date]]:
    """Ranges such as "October 9–15, 2023" or "May 3 – June 1, 2024"."""
    out = []
    for match in DATE_RANGE.finditer(text):
        year = int(match.group(5))
        m1 = month_number(match.group(1))
        m2 = month_number(match.group(3)) if match.group(3) else m1
        try:
            out.append((match.start(), match.end(), dt.date(year, m1, int(match.group(2))),
                        dt.date(year, m2, int(match.group(4)))))
        except ValueError:
            continue
    return out


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def parse_quantity(number: str, scale: str | None) -> int:
    """'14.7' + 'million' -> 14700000; '1,234' -> 1234."""
    value = float(number.replace(",", ""))
    factor = {"thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
              "billion": 1_000_000_000, "bn": 1_000_000_000}.get((scale or "").lower(), 1)
    return int(round(value * factor))


# A title-like run of words: "Money Heist: Korea", "The Call", "Hometown Cha-Cha-Cha".
_SMALL = r"(?:of|the|and|in|a|an|on|to|for|with|at|from|&|–|-)"
TITLE_RUN = rf"[A-Z0-9][\w'’!?.&-]*(?:(?::\s|\s)(?:[A-Z0-9][\w'’!?.&-]*|{_SMALL}(?=\s[A-Z0-9])))*"
QUOTED = r"[“\"']([^”\"]{1,80}?)[,.]?[”\"']"


# "KBS Drama Production", "Studio Dragon", "CJ Entertainment": a company or department credited, no person
ORGANISATION_WORD = re.compile(r"\b(?:productions?|studios?|pictures|entertainment|films|department|company|"
                               r"media|broadcasting|network|corporation|corp|co|inc|ltd|llc)\b\.?", re.I)
