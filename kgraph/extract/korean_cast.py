"""Cast in Korean prose, as Korean reviews and the press write it: "장그래(임시완 분)" (the role,
then the actor with 분), "송강호(상현 역)" (the actor, then the role with 역), "황시목(조승우)"
(the role and the actor, unmarked), "장그래 역의 임시완" and "여진구가 연기한 ‘구찬성’".

Korean attaches particles to names ("임시완은", "여진구가"); a name is read less its particle.
"""
from __future__ import annotations

import re

from kgraph.extract.context import Context
from kgraph.extract.hangul_names import NOT_ROLES, hangul_person, is_hangul_name, same_person
from kgraph.extract.people import person_name
from kgraph.extract.prefilter import cued
from kgraph.names import clean
from kgraph.sources.document import Sentence

HANGUL = r"[\uac00-\ud7a3]"
LATIN_NAME = r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}"
# "장그래(임시완 분)", "송강호(상현 역)", "황시목(조승우)", "고건수(Lee Sun-kyun)"
PAIR = cued(rf"(?<!{HANGUL})(?P<outer>{HANGUL}{{2,5}})\s*\(\s*(?P<inner>{HANGUL}{{2,4}}|{LATIN_NAME})"
            rf"(?:\s*(?P<mark>분|역))?\s*\)")
# "장그래 역의 임시완", "장그래 역을 맡은 임시완"
ROLE_OF = cued(rf"(?<!{HANGUL})(?P<char>{HANGUL}{{2,5}})\s*역(?:의|을\s*맡은|으로\s*분한|을\s*연기한)\s*"
               rf"(?:배우\s*)?(?P<actor>{HANGUL}{{2,6}})")
# "여진구가 연기한 ‘구찬성’", "임시완이 연기하는 장그래"
PLAYED = cued(rf"(?<!{HANGUL})(?P<actor>{HANGUL}{{2,6}})\s*연기(?:한|하는)\s*[‘'“\"]?(?P<char>{HANGUL}{{2,5}})")
PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만", "이가")


def korean_prose_cast(ctx: Context, sentences: list[Sentence]) -> None:
    """Credit the actors and roles Korean prose names in its usual shapes."""
    for sentence in sentences:
        text = clean(sentence.text)
        if not re.search(HANGUL, text):
            continue
        for match in PAIR.finditer(text):
            pair = _pair(ctx, match)
            if pair:
                _credit(ctx, *pair, sentence)
        for pattern in (ROLE_OF, PLAYED):
            for match in pattern.finditer(text):
                actor = bare_name(match.group("actor"))
                if actor:
                    _credit(ctx, actor, match.group("char"), sentence)


def _pair(ctx: Context, match: re.Match[str]) -> tuple[str, str] | None:
    """(actor, role) of "X(Y 분)", "X(Y 역)" or an unmarked "X(Y)", where Y is the actor unless the
    page knows X as a person and not Y."""
    outer, inner, mark = match.group("outer"), match.group("inner").strip(), match.group("mark")
    if inner in NOT_ROLES or outer in NOT_ROLES:
        return None
    if mark == "역":
        return (outer, inner) if is_hangul_name(outer) else None
    latin = re.match(r"[A-Z]", inner) is not None
    if latin and (not person_name(ctx, inner) or same_person(outer, inner)):
        return None  # "고아라 (Go Ah-Ra)": a name and its own romanisation
    if mark == "분" or latin:
        return inner, outer
    if _known(ctx, outer) and not _known(ctx, inner):
        return outer, inner  # "송강호(상현)" where the page knows 송강호: the actor first
    return (inner, outer) if is_hangul_name(inner) or _known(ctx, inner) else None


def _known(ctx: Context, name: str) -> bool:
    return ctx.known_person(name) is not None or bool(ctx.resolver.table.candidates("person", name))


def bare_name(text: str) -> str | None:
    """'임시완은' -> '임시완': the Hangul name a word holds less its particle; None for no name."""
    for particle in sorted(PARTICLES, key=len, reverse=True):  # a particle first: "여진구가" is 여진구
        if text.endswith(particle) and is_hangul_name(text[:-len(particle)]):
            return text[:-len(particle)]
    return text if is_hangul_name(text) else None


def _credit(ctx: Context, actor: str, role: str, sentence: Sentence) -> None:
    if actor == role or ctx.title is None or role == ctx.title.name:
        return
    person = (hangul_person(ctx, actor, sentence) if re.match(HANGUL, actor)
              else ctx.person(person_name(ctx, actor) or actor, sentence=sentence))
    ctx.cast(person, ctx.character(role), sentence)
