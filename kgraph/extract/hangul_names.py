"""People named in Hangul only (`출연: 송강호, 강동원`, `송강호 (상현)`): matched to a person the
review or the alias table spells in Latin letters when the romanised spelling agrees, else kept
under their Hangul name. A Latin spelling is never invented as anyone's name: the romanisation
(korean-romanizer, `kgraph.names.romanised`) is only a key to compare spellings with.
"""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

from kgraph.extract.context import Context
from kgraph.extract.facts import Iri
from kgraph.extract.patterns import korean_names
from kgraph.names import clean, romanised
from kgraph.sources.document import Sentence

HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,4}$")
# "송강호 (상현)", "송강호(상현 역)": a Hangul actor, then the role in parentheses
HANGUL_PAIR = re.compile(r"^(?P<a>[\uac00-\ud7a3]{2,4})\s*\((?P<b>[\uac00-\ud7a3][\uac00-\ud7a3 ]{0,12}?)(?:\s*역)?\)$")
# What a parenthesis after a Hangul name may say that is no role: actor, cameo, child actor, lead ...
NOT_ROLES = {"배우", "특별출연", "특별 출연", "우정출연", "우정 출연", "카메오", "아역", "주연", "조연", "단역", "목소리",
             "내레이션", "출연", "감독", "각본", "극본"}
TWO_SYLLABLE_FAMILIES = ("남궁", "황보", "선우", "제갈", "독고", "사공", "서문")
# Hangul family names and the Latin spellings reviews use for them.
FAMILY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"), "이": ("lee", "yi", "rhee", "i", "ri"), "박": ("park", "pak", "bak"),
    "최": ("choi", "choe"), "정": ("jung", "jeong", "chung", "joung"), "강": ("kang", "gang"),
    "조": ("cho", "jo", "zo"), "윤": ("yoon", "yun"), "장": ("jang", "chang"), "임": ("lim", "im", "rim"),
    "한": ("han",), "오": ("oh", "o"), "서": ("seo", "suh"), "신": ("shin", "sin"), "권": ("kwon", "gwon"),
    "황": ("hwang",), "안": ("ahn", "an"), "송": ("song",), "전": ("jeon", "jun", "chun"), "홍": ("hong",),
    "유": ("yoo", "yu"), "류": ("ryu", "yoo", "yu"), "고": ("ko", "go", "koh"), "문": ("moon", "mun"),
    "양": ("yang",), "손": ("son", "sohn"), "배": ("bae",), "백": ("baek", "paek", "baik"),
    "허": ("heo", "hur", "huh"), "남": ("nam",), "노": ("noh", "roh", "no"), "하": ("ha",),
    "곽": ("kwak", "gwak"), "성": ("sung", "seong"), "차": ("cha",), "주": ("joo", "ju"), "우": ("woo", "u"),
    "민": ("min",), "진": ("jin",), "지": ("ji",), "엄": ("uhm", "um", "eom"), "변": ("byun", "byeon"),
    "공": ("gong", "kong"), "원": ("won",), "천": ("chun", "cheon"), "방": ("bang",), "구": ("koo", "gu", "ku"),
    "나": ("na", "ra"), "도": ("do",), "염": ("yeom", "yum"), "여": ("yeo", "yeo"), "설": ("seol", "sul"),
    "옥": ("ok",), "표": ("pyo",), "명": ("myung", "myeong"), "라": ("ra", "la"), "길": ("gil", "kil"),
    "소": ("so",), "심": ("shim", "sim"), "현": ("hyun", "hyeon"), "채": ("chae",), "석": ("seok", "suk"),
    "함": ("ham",), "봉": ("bong",), "위": ("wi", "wee"), "육": ("yook", "yuk"), "왕": ("wang",), "탁": ("tak",),
    "연": ("yeon", "yun"), "경": ("kyung", "gyeong"), "맹": ("maeng",), "편": ("pyeon", "pyun"), "마": ("ma",),
    "남궁": ("namgoong", "namgung"), "황보": ("hwangbo",), "선우": ("sunwoo", "seonwoo"), "제갈": ("jegal",),
}
# Folds that make a romanised given name and a review's spelling of it one key.
_FOLDS = (("-", ""), (" ", ""), ("ch", "j"), ("sh", "s"), ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l"),
          ("woo", "u"), ("wu", "u"), ("oo", "u"), ("ee", "i"), ("ui", "i"), ("ie", "i"), ("eo", "u"), ("eu", "u"),
          ("ou", "u"), ("ah", "a"), ("o", "u"), ("ae", "e"))
_LATIN_NAMES: "weakref.WeakKeyDictionary[Context, set[str]]" = weakref.WeakKeyDictionary()


def is_hangul_name(text: str) -> bool:
    """A Hangul-only personal name: two to four syllables that start with a family name."""
    text = clean(text)
    return bool(HANGUL_NAME.match(text)) and split_name(text)[0] in FAMILY_SPELLINGS


def actor_and_role(text: str) -> tuple[str, str] | None:
    """"송강호 (상현)", "송강호(상현 역)" -> ('송강호', '상현'); None for another shape or a
    parenthesis that is no role ("(특별출연)", a cameo)."""
    pair = HANGUL_PAIR.match(clean(text))
    if not pair or not is_hangul_name(pair.group("a")) or pair.group("b").strip() in NOT_ROLES:
        return None
    return pair.group("a"), pair.group("b").strip()


def split_name(hangul: str) -> tuple[str, str]:
    """'송강호' -> ('송', '강호'); '남궁민' -> ('남궁', '민')."""
    if len(hangul) >= 3 and hangul[:2] in TWO_SYLLABLE_FAMILIES:
        return hangul[:2], hangul[2:]
    return hangul[:1], hangul[1:]


@lru_cache(maxsize=4096)
def spelling_key(hangul: str) -> str:
    """The romanised key of a Hangul name, syllable by syllable: '송강호' -> 'song-gang-ho'."""
    family, given = split_name(clean(hangul))
    return "-".join([romanised(family).lower()] + [romanised(s).lower() for s in given])


def _given_key(text: str) -> str:
    text = text.lower()
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return text


def same_person(hangul: str, latin: str) -> bool:
    """True when a Latin-letter Korean name ("Song Kang-ho", "Kang-ho Song") spells `hangul`."""
    family, given = split_name(clean(hangul))
    spellings = FAMILY_SPELLINGS.get(family, ())
    words = clean(latin).split()
    if len(words) < 2:
        return False
    given_key = _given_key("".join(spelling_key(hangul).split("-")[1:]))
    for first, rest in ((words[0], words[1:]), (words[-1], words[:-1])):  # the family name first or last
        if first.lower() in spellings and _given_key("".join(rest)) == given_key:
            return True
    return False


def hangul_person(ctx: Context, hangul: str, sentence: Sentence) -> Iri:
    """The person a Hangul-only name denotes: one the alias table knows by that Hangul, else the
    one person the review spells in Latin letters the same way (who gains the Hangul), else a
    person kept under the Hangul name."""
    hangul = clean(hangul)
    if ctx.resolver.table.candidates("person", hangul):
        return ctx.person(hangul, hangul, sentence=sentence)
    latin = _latin_names(ctx) | {p.name for p in ctx.people.values()}
    matches = {name for name in latin if same_person(hangul, name)}
    if len(matches) == 1:
        return ctx.person(matches.pop(), hangul, sentence=sentence)
    return ctx.person(hangul, hangul, sentence=sentence)


def _latin_names(ctx: Context) -> set[str]:
    """Korean-shaped Latin names anywhere in the review, found once per review."""
    found = _LATIN_NAMES.get(ctx)
    if found is None:
        found = _LATIN_NAMES[ctx] = {name for s in ctx.sentences for _, _, name in korean_names(clean(s.text))}
    return found
