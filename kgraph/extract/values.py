"""Value readers for fact-box fields and prose: durations, counts, years, number words.

Every reader returns a plain number or None, and raises `OutOfRange` for a number that
is written but cannot be right (a negative runtime, a year 0, a 23-digit episode count),
so the caller can warn naming the file and field instead of storing a clamped value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Plausible bounds of each numeric field; a value outside is rejected with a warning.
BOUNDS: dict[str, tuple[int, int]] = {
    "runtime": (1, 1440),        # minutes: up to a day
    "episodes": (1, 5000),       # the longest Korean daily dramas run to about 1,100
    "year": (1895, 2100),        # from the first films on
    "views": (0, 10**11),
    "hours": (0, 10**11),
    "rank": (1, 10**6),
    "countries": (1, 250),
}

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORD_NUMBER = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:{_UNITS}))?|"
                r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                rf"ten|{_UNITS})")
# A signed integer of any length, or a number word: the sign and length are checked, not cut.
NUMBER = rf"(?<![\w.])(?P<sign>[-−])?(?P<num>\d[\d,]*|(?i:{_WORD_NUMBER}))(?![\w])"


@dataclass
class OutOfRange(ValueError):
    """A number that is present but impossible for its field."""

    field: str
    written: str

    def __str__(self) -> str:
        low, high = BOUNDS[self.field]
        return f"{self.field} {self.written!r} is out of range (expected {low} to {high}); ignored"


def check(field: str, value: int, written: str | None = None) -> int:
    """`value` when it is within the bounds of `field`, else OutOfRange."""
    low, high = BOUNDS[field]
    if not low <= value <= high:
        raise OutOfRange(field, written if written is not None else str(value))
    return value


def word_number(text: str) -> int | None:
    """'nine' -> 9, 'twenty-four' -> 24, '16' -> 16, '1,200' -> 1200; None when not a number."""
    text = text.strip().lower()
    if re.fullmatch(r"\d[\d,]*", text):
        return int(text.replace(",", ""))
    parts = re.split(r"[\s-]+", text)
    if not parts or any(p not in NUMBER_WORDS for p in parts):
        return None
    return sum(NUMBER_WORDS[p] for p in parts)


def _signed(match: re.Match[str]) -> int:
    value = word_number(match.group("num"))
    assert value is not None
    return -value if match.group("sign") else value


_HM = re.compile(r"(?<![\w.])(?P<sign>[-−])?(?P<h>\d+)\s*h(?:ours?|rs?)?\.?,?\s*(?:and\s+)?(?:(?P<m>\d+)\s*m(?:in(?:ute)?s?)?\b)?",
                 re.I)
_ISO = re.compile(r"\bPT(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?\b")
_MIN = re.compile(rf"{NUMBER}\s*(?:minutes?|mins?\.?|m|분)(?![a-z])", re.I)
_RANGE = re.compile(r"\d+\s*(?:[–—~-]|to)\s*\d+\s*(?:minutes?|mins?|m)\b", re.I)


def minutes(text: str) -> int | None:
    """The running time a text gives, in minutes: '132 min', '2h 12m', '1 hr 20 min', 'PT93M',
    '~1h 20m each'. None when it gives none or only a range ('60–70 minutes')."""
    iso = _ISO.search(text)
    if iso and (iso.group("h") or iso.group("m")):
        return check("runtime", int(iso.group("h") or 0) * 60 + int(iso.group("m") or 0), iso.group(0))
    hm = _HM.search(text)
    if hm:
        total = int(hm.group("h")) * 60 + int(hm.group("m") or 0)
        return check("runtime", -total if hm.group("sign") else total, hm.group(0))
    if _RANGE.search(text):
        return None
    match = _MIN.search(text)
    if match:
        return check("runtime", _signed(match), match.group(0).strip())
    korean = _MIN_KO.search(text)
    if korean:
        return check("runtime", int(korean.group("h") or 0) * 60 + int(korean.group("num")), korean.group(0))
    return None


_EPISODES = re.compile(rf"{NUMBER}[\s-]*(?:episodes?|eps?\b|parts?\b|회)", re.I)
# Korean units follow the digits with no space, which NUMBER's word boundary refuses: "111분", "16부작"
_MIN_KO = re.compile(r"(?<![\d.])(?:(?P<h>\d)\s*시간\s*)?(?P<num>\d{1,3})\s*분")  # "111분", "2시간 12분"
# "16부작", "총 16회", and in prose "밤을 새우고.16부작을" (a full stop with no space before the count)
KOREAN_EPISODES = re.compile(r"(?<!\d)(?<!\d\.)(?P<num>\d{1,3})\s*(?:부작|회\s*완결)|총\s*(?P<total>\d{1,3})\s*(?:회|부)")
# "16회차(65~75분 내외)" in a field labelled episodes; in prose "5회차에서" is the fifth episode, no count
_EPISODES_FIELD_KO = re.compile(r"^\s*(?P<num>\d{1,3})\s*회차")
_SEASONS = re.compile(r"(?:season|part)\s*\d+\s*[:=-]?\s*(\d+)", re.I)
_BARE = re.compile(rf"^\s*{NUMBER}\s*(?:\(|$)")


def episodes(text: str, bare: bool = True) -> int | None:
    """The episode count a text gives: '16', '16 episodes', 'all nine episodes',
    'twelve-episode', '2025 (12 episodes)', 'Season 1: 6, Season 2: 6' (summed).
    With `bare`, a number alone counts (a field labelled Episodes)."""
    seasons = _SEASONS.findall(text)
    if len(seasons) > 1:
        return check("episodes", sum(int(n) for n in seasons), text)
    korean = KOREAN_EPISODES.search(text) or (_EPISODES_FIELD_KO.match(text) if bare else None)  # before a bare number
    if korean:
        return check("episodes", int(korean.group("num") or korean.group("total")), korean.group(0))
    match = _EPISODES.search(text)
    if match:
        return check("episodes", _signed(match), match.group(0))
    if bare:
        match = _BARE.match(text) or re.search(NUMBER, text)
        if match:
            return check("episodes", _signed(match), match.group(0).strip(" ("))
    return None


_YEARISH = re.compile(r"(?<![\w.-])(?P<sign>[-−])?(?P<num>\d+)(?:(?!\w)|(?=년))")  # "2022년" is a year


def year(text: str) -> int | None:
    """The first year a field gives ('2016', 'March 3, 2016', '2016-03-03'); OutOfRange for
    '99999', '0' or '-2016'; None when the text holds no number at all."""
    iso = re.search(r"\b(\d{4})-\d{2}-\d{2}\b", text)
    if iso:
        return check("year", int(iso.group(1)), iso.group(0))
    numbers = list(_YEARISH.finditer(text))
    four = [m for m in numbers if len(m.group("num")) == 4 and not m.group("sign")]
    if four:
        return check("year", int(four[0].group("num")), four[0].group(0))
    if numbers:
        first = numbers[-1] if len(numbers) > 1 and len(numbers[0].group("num")) <= 2 else numbers[0]
        return check("year", _signed(first), first.group(0))
    return None
