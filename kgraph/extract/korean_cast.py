"""Cast in Korean prose, as Korean reviews and the press write it: "장그래(임시완 분)" (the role,
then the actor with 분), "송강호(상현 역)" (the actor, then the role with 역), "황시목(조승우)"
(the role and the actor, unmarked), "장그래 역의 임시완", "여진구가 연기한 ‘구찬성’" and a cast
line of pairs, "동석과 선아/ 이병헌 신민아", and two actors given their two roles in order, "A와 B가
... C와 D로 분하고", and "A는 극 중 ... C 역을 맡았다".

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
# "장그래(임시완 분)", "송강호(상현 역)", "황시목(조승우)", "고건수(Lee Sun-kyun)", "'지우'(한소희 분)", "백희성/도현수
# (배우 이준기)"; the inner name is lazy, so "(임시완분)" is 임시완 and the mark 분
PAIR = cued(rf"(?<!{HANGUL})(?P<outer>{HANGUL}{{2,5}})(?:/{HANGUL}{{2,5}})?[’'”\"]?\s*\(\s*(?:배우\s+)?"
            rf"(?P<inner>{HANGUL}{{2,4}}?|{LATIN_NAME})(?:님|씨)?(?:\s*(?P<mark>분|역))?\s*\)")  # "(서현우님)": an honorific
# "장그래 역의 임시완", "장그래 역을 맡은 임시완"
ROLE_OF = cued(rf"(?<!{HANGUL})(?P<char>{HANGUL}{{2,5}})\s*역(?:의|을\s*맡은|으로\s*분한|을\s*연기한)\s*"
               rf"(?:배우\s*)?(?P<actor>{HANGUL}{{2,6}})")
# "여진구가 연기한 ‘구찬성’", "임시완이 연기하는 장그래"
PLAYED = cued(rf"(?<!{HANGUL})(?P<actor>{HANGUL}{{2,6}})\s*연기(?:한|하는)\s*[‘'“\"]?(?P<char>{HANGUL}{{2,5}})")
# "배우 지창욱, 박민영, 유지태 등이 참석해", "황정민, 김윤진, 오달수 등이 열연했다": a list of
# actors after "배우" or before a word of acting, parted by commas
LISTED = cued(rf"(?:(?<=배우\s)|(?<=출연진\s)|(?<=출연\s)|(?:출연진|출연\s*배우|캐스팅)(?:으로는|로는|은|는|:|：)\s*)"
              rf"(?P<names>{HANGUL}{{2,4}}(?:\s*,\s*{HANGUL}{{2,4}})+)|"  # "출연진으로는 A, B, C 등이 나와요", "출연배우: A, B"
              rf"(?<!{HANGUL})(?P<names2>{HANGUL}{{2,4}}(?:\s*,\s*{HANGUL}{{2,4}})+)\s*(?:등)?(?:이|가|은|는|의)?\s*"
              rf"(?:열연|출연|주연(?!상)|캐스팅)")  # not "여우주연상", the best actress award
# "박보검,박소담,변우석" alone on a line, "박상원, 도지원, 김미경, 오광록 등": a line that is a list of names and nothing
# else (three names at least, or two and 등 "and others") is a cast list; every item must be a name
LISTED_LINE = cued(rf"^(?P<names>{HANGUL}{{2,4}}(?:\s*,\s*{HANGUL}{{2,4}}){{2,}})\s*(?:등)?$|"
                   rf"^(?P<names2>{HANGUL}{{2,4}}(?:\s*,\s*{HANGUL}{{2,4}})+)\s*등$")
# "동석과 선아/ 이병헌 신민아": two roles joined by 와/과, then their two actors in the same order
PAIRED = cued(rf"^(?P<c1>{HANGUL}{{2,4}}?)(?:와|과)\s*(?P<c2>{HANGUL}{{2,4}})\s*/\s*(?P<a1>{HANGUL}{{3}})\s*[, ]\s*"
              rf"(?P<a2>{HANGUL}{{3}})$")
# "우도환과 이상이가 복싱 유망주 건우와 우진으로 분하고", "허준호와 박성웅이 전설 최 사장과 사채업체 대표
# 명길 역으로 등장한다": two actors, then their two roles in the same order; a role of a family
# name and a title ("최 사장") keeps both words
RESPECTIVE = cued(rf"(?<!{HANGUL})(?P<a1>{HANGUL}{{2,4}})(?:와|과)\s*(?P<a2>{HANGUL}{{2,4}}?)(?:이|가|은|는)\s+"
                  rf"[^.,!?]{{0,40}}?(?<![\w])(?P<c1>(?:{HANGUL}\s)?{HANGUL}{{2,4}})(?:와|과)\s+(?:[^.,!?]{{0,30}}?\s)?"
                  rf"(?P<c2>{HANGUL}{{2,4}}?)\s*(?:역으로|역을|으로|로)\s*(?:분|등장|열연|연기|출연|맡)")
# "전도연은 극 중 ... 반찬가게 사장 남행선 역을 맡았다": the actor as the subject, the role named before 역을 맡다
TAKES_ROLE = cued(rf"(?<!{HANGUL})(?P<actor>{HANGUL}{{3}})(?:은|는|이|가)\s+(?:극\s*중\s+)?[^.!?]{{0,80}}?\s"
                  rf"(?P<char>{HANGUL}{{2,4}}?)\s*역(?:을|으로)\s*(?:맡|연기|소화)")
CAST_LABEL = cued(r"^(?:[-•*·]\s*)?(?:출연|배우|출연진|캐스트|주요\s*출연진|cast)\s*[:：]?\s*$", re.I)
LIST_ITEM = cued(r"^[-•*·▪►]\s*")
# words of two to four syllables that open with a family-name syllable and are no names
NOT_NAMES = frozenset({"배우", "배우들", "감독", "작가", "연출", "극본", "주연", "조연", "여성", "남성", "신인", "신예",
                       "한국", "방송", "원작", "공개", "이번", "정말", "거장", "명장", "천재", "그녀", "그들", "모두", "인물",
                       "인물들", "주인공", "방식", "최고", "최근", "여우", "남우", "시청자", "관객", "우리", "저희", "이제",
                       "조금", "정도", "진짜", "한번", "하나", "오늘", "지금", "모든"})
PARTICLES = ("이가", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만")  # the longest first


def korean_prose_cast(ctx: Context, sentences: list[Sentence]) -> None:
    """Credit the actors and roles Korean prose names in its usual shapes."""
    lines = ctx.doc.text.split("\n")
    press_order = _actors_outside(ctx.doc.text)
    for sentence in sentences:
        text = clean(sentence.text)
        if not re.search(HANGUL, text):
            continue
        listed = _under_cast_label(lines, sentence.line) or press_order
        for match in PAIR.finditer(text):
            if _glossed(text, match):
                continue  # "‘엑스(전연인)’": a word and its gloss inside one pair of quotes
            pair = _pair(ctx, match, actor_first=listed)
            if pair:
                _credit(ctx, *pair, sentence)
        paired = PAIRED.match(text.strip())
        if paired and all(is_hangul_name(paired.group(a)) for a in ("a1", "a2")):
            for actor, role in (("a1", "c1"), ("a2", "c2")):
                _credit(ctx, paired.group(actor), paired.group(role), sentence)
        for match in RESPECTIVE.finditer(text):
            actors = [bare_name(match.group(a), ctx) or "" for a in ("a1", "a2")]
            roles = [match.group(c) for c in ("c1", "c2")]
            if all(actors) and not any(role in NOT_ROLES or role in NOT_NAMES for role in roles):
                for actor, role in zip(actors, roles):
                    _credit(ctx, actor, role, sentence)
        for match in LISTED.finditer(text):
            for name in re.split(r"\s*,\s*|\s+", (match.group("names") or match.group("names2")).strip()):
                name = bare_name(name, ctx)
                if name:
                    person = hangul_person(ctx, name, sentence)
                    if person.value not in ctx.cast_people:
                        ctx.cast(person, None, sentence)
        line_list = LISTED_LINE.match(text.strip())
        if line_list:
            items = re.split(r"\s*,\s*", (line_list.group("names") or line_list.group("names2")).strip())
            names = [bare_name(item, ctx) for item in items]
            if all(name == item for name, item in zip(names, items)):
                for name in names:
                    person = hangul_person(ctx, name, sentence)
                    if person.value not in ctx.cast_people:
                        ctx.cast(person, None, sentence)
        for pattern in (ROLE_OF, PLAYED, TAKES_ROLE):
            for match in pattern.finditer(text):
                actor = bare_name(match.group("actor"), ctx)
                if actor:
                    _credit(ctx, actor, without_particle(match.group("char")), sentence)


def _pair(ctx: Context, match: re.Match[str], actor_first: bool = False) -> tuple[str, str] | None:
    """(actor, role) of "X(Y 분)", "X(Y 역)" or an unmarked "X(Y)", where Y is the actor unless the
    page knows X as a person and not Y, or the pair is an item of a list under a cast label."""
    outer, inner, mark = match.group("outer"), match.group("inner").strip(), match.group("mark")
    if inner in NOT_ROLES or outer in NOT_ROLES or inner in NOT_NAMES or outer in NOT_NAMES:
        return None  # "이명우(연출)": a person and the job, not an actor and a role
    if mark == "역" or (actor_first and mark is None and re.match(HANGUL, inner)):
        return (outer, inner) if is_hangul_name(outer) else None
    latin = re.match(r"[A-Z]", inner) is not None
    if latin and (not person_name(ctx, inner) or same_person(outer, inner)):
        return None  # "고아라 (Go Ah-Ra)": a name and its own romanisation
    if mark == "분" or latin:
        return inner, outer
    if _known(ctx, outer) and not _known(ctx, inner):
        return outer, inner  # "송강호(상현)" where the page knows 송강호: the actor first
    return (inner, outer) if is_hangul_name(inner) or _known(ctx, inner) else None


def _glossed(text: str, match: re.Match[str]) -> bool:
    before, after = text[:match.start("outer")], text[match.end():]
    return bool(re.search(r"[‘'“\"]$", before)) and bool(re.match(r"[’'”\"]", after))


def _actors_outside(text: str) -> bool:
    """True when a page writes its unmarked pairs actor first, as a press recap does ("지창욱(조용필)과
    신혜선(조삼달)의 재회", then "지창욱이 신혜선을 ..."): the names before the brackets recur in the
    text outside any pair, the names inside never do, and the headline names two of the first
    ("[리뷰] ... 짝꿍 지창욱·신혜선"). Two pairs at least."""
    pairs = [(m.group("outer"), m.group("inner").strip()) for m in PAIR.finditer(text)
             if m.group("mark") is None and re.match(HANGUL, m.group("inner"))]
    if len(pairs) < 2:
        return False
    bare = PAIR.sub(" ", text)
    outside = {name: len(re.findall(rf"(?<!{HANGUL}){name}", bare)) for pair in pairs for name in pair}
    head = " ".join(line for line in [ln for ln in text.split("\n") if ln.strip()][:3] if not PAIR.search(line))
    return (all(outside[inner] == 0 for _, inner in pairs)
            and sum(outer in head for outer, _ in {*pairs}) >= 2)


def _under_cast_label(lines: list[str], number: int) -> bool:
    """True when line `number` (1-based) is an item of a list under a cast label ("- 출연:" then
    "- 윤찬영 (이청산)"): such a list names the actor first."""
    for above in reversed(lines[max(0, number - 12):number - 1]):
        plain = above.strip()
        if CAST_LABEL.match(plain):
            return True
        if plain and not LIST_ITEM.match(plain):
            return False
    return False


def _known(ctx: Context, name: str) -> bool:
    return ctx.known_person(name) is not None or bool(ctx.resolver.table.candidates("person", name))


def bare_name(text: str, ctx: Context | None = None) -> str | None:
    """'임시완은' -> '임시완': the Hangul name a word holds less its particle; None for no name or a
    word of the trade (배우, 감독). A particle is cut only when three syllables are left or the page
    knows the shorter name, so '이지은' stays whole."""
    if text in NOT_NAMES or any(text.endswith(p) and text[:-len(p)] in NOT_NAMES for p in PARTICLES):
        return None  # "배우들이": a word of the trade and its particle
    for particle in PARTICLES:
        rest = text[:-len(particle)]
        if text.endswith(particle) and is_hangul_name(rest) and rest not in NOT_NAMES and (
                len(rest) >= 3 or (ctx is not None and ctx.known_person(rest) is not None)):
            return rest
    return text if is_hangul_name(text) else None


def without_particle(text: str) -> str:
    """'장그래는' -> '장그래': a role's name less the particle after it (three syllables left at least)."""
    for particle in PARTICLES:
        if text.endswith(particle) and len(text) - len(particle) >= 3:
            return text[:-len(particle)]
    return text


def _credit(ctx: Context, actor: str, role: str, sentence: Sentence) -> None:
    if actor == role or ctx.title is None or role == ctx.title.name:
        return
    person = (hangul_person(ctx, actor, sentence) if re.match(HANGUL, actor)
              else ctx.person(person_name(ctx, actor) or actor, sentence=sentence))
    ctx.cast(person, ctx.character(role), sentence)
