"""Grouped cast lists: the lines under "Main Role", "Support Role", "Main Cast", "Cast", 출연 ...
read as "Actor as Character", "Character (Actor)", "Actor (Character)", "Character – Actor" or
"Actor – Character"; Hangul lines "송강호 (상현)" are the actor, then the role, as Korean lists write them.

Which side of "A (B)" or "A – B" is the actor is decided once per list, from evidence: people
and characters the alias table, the catalogue or the review already knows, then the shape of
the names (a Korean full name beside a given name or a nickname). A list whose evidence is
missing or contradicts itself yields nothing: a wrong credit costs more than a missing one.
Lines read here are marked, so prose patterns do not guess at them again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.cast_pages import ROLE_GROUP
from kgraph.extract.context import Context
from kgraph.extract.hangul_names import actor_and_role, hangul_person
from kgraph.extract.overview import normalise_field_name
from kgraph.extract.patterns import is_korean_given_name, is_korean_name
from kgraph.extract.people import JOB_WORDS, character_name, foreign_name, person_name
from kgraph.extract.phrasings import RELATION_WORDS, ROLE_WORDS, strip_role
from kgraph.names import clean, name_key
from kgraph.sources.document import Sentence
from kgraph.sources.lists import ItemList, is_cast_group, item_lists
from kgraph.extract.prefilter import cued

WORDS = r"[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|de|of|the))*"  # capitalised words: a name or a role
BULLET = cued(r"^\s*(?:[-•*·▪►]|\d+[.)])\s+")
HANGUL_PAREN = cued(r"\s*\([\uac00-\ud7a3\s]+\)")
PAIR_AS = cued(rf"^(?P<a>{WORDS})\s+as\s+(?P<b>(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}{WORDS})(?:\s*[,;:–—(].*)?$")
PAIR_PAREN = cued(rf"^(?P<a>{WORDS})\s*\((?P<b>{WORDS})\)(?:\s*[,;:–—-].*)?$")
PAIR_DASH = cued(rf"^(?P<a>{WORDS})\s+[–—-]\s+(?P<b>{WORDS})(?:\s*[,;:(–—].*)?$")
SEPARATOR_LINE = cued(r"^\s*[,;/·•|]\s*$")
STAGE_NAME = cued(r"^[A-Z][A-Z0-9.&]{1,6}$")  # "IU", "D.O.", "BIBI": a person, not a character


@dataclass(frozen=True)
class Pair:
    """One line of a list: its two names in written order, how they were joined, its sentence."""

    first: str
    second: str
    form: str  # "as", "paren" or "dash"
    sentence: Sentence


def grouped_cast(ctx: Context) -> list[list[Pair]]:
    """Cast credits from the lists under cast group headings; returns the lists it could not
    decide yet, for `undecided_cast` to try again once the prose has named more people."""
    pending = []
    sections = ctx.doc.sections
    for index, section in enumerate(sections):
        # "Actor" / "Character" / "Main Role" blocks (the role line may be read as a heading): bare
        # names there are not all people
        blocks = index + 1 < len(sections) and ROLE_GROUP.match(clean(sections[index + 1].heading).strip("*_ #"))
        for group in item_lists(section):
            if _is_cast_heading(group.heading):
                pairs, names = _pairs(group), _bare_names(ctx, group)
                if blocks or any(ROLE_GROUP.match(clean(line.text).strip("*_ ")) for line in group.items):
                    names = []
                if len(names) >= 2 and len(names) > len(pairs):  # more lines are bare names than pairs
                    _credit_names(ctx, names)
                else:
                    pending += _read_list(ctx, pairs)
        for run in _unlabelled_runs(section):
            pending += _read_list(ctx, run)
    return pending


def _bare_names(ctx: Context, group: ItemList) -> list[tuple[str, Sentence]]:
    """"Main Cast:" over "- Lee Yo-won" / "- Choo Ja-hyun": the list's first lines that are nothing
    but a person's name (and maybe an earlier work of theirs in brackets), cast members without a
    character."""
    names = []
    for line in group.items:
        text = WORKS_AFTER.sub("", BULLET.sub("", clean(line.text))).strip().strip("*_").strip()
        name = _person(ctx, text) or (text if is_korean_name(CAMEL.sub(" ", text)) else None)
        if (not line.sentences or line.sentences[0] in ctx.structured
                or not is_korean_name(CAMEL.sub(" ", text)) or name is None):
            break  # a line a structure reader took ("Actor" / "Character" / "Main Role") ends the names
        names.append((name, line.sentences[0]))
    return names


def _credit_names(ctx: Context, names: list[tuple[str, Sentence]]) -> None:
    for name, sentence in names:
        ctx.structured.add(sentence)
        ctx.cast(ctx.person(name, sentence=sentence), None, sentence)


WORKS_AFTER = cued(r"\s*\([^()]*\)$")  # "Lee Da-hee (Birdie Buddy)": the actor's earlier work
CAMEL = cued(r"(?<=[a-z])(?=[A-Z])")  # "Lee BoYoung": a given name written without its hyphen
MIN_RUN = 3
ROLE_PAREN = cued(rf"(?P<a>{WORDS})\s*\((?P<b>[a-z][\w -]{{1,30}})\)")  # "Kim Hye-ja (mother)"


def _unlabelled_runs(section) -> list[list[Pair]]:
    """Three or more lines in a row that are each "Actor (Character)" and nothing else, on a page
    that lost the list's label ("Won Bin (Do-joon)" / "Jin Ku (Jin-tae)"): a cast list, when every
    bracket holds a Korean given or full name (a role word alone, "(mother)", names no one)."""
    runs, current = [], []
    for line in [*section.lines, None]:
        text = HANGUL_PAREN.sub("", BULLET.sub("", clean(line.text))).strip() if line is not None else ""
        one = line is not None and len(line.sentences) == 1
        match = (PAIR_PAREN.fullmatch(text) or ROLE_PAREN.fullmatch(text)) if one else None
        if match and (is_korean_given_name(match.group("b")) or is_korean_name(match.group("b"))
                      or _job_or_role(match.group("b"))):
            current.append(None if _job_or_role(match.group("b")) else
                           Pair(match.group("a"), match.group("b"), "paren", line.sentences[0]))
            continue
        pairs = [p for p in current if p is not None]
        if len(current) >= MIN_RUN and len(pairs) >= 2:
            runs.append(pairs)
        current = []
    return runs


def undecided_cast(ctx: Context, pending: list[list[Pair]]) -> None:
    """The lists `grouped_cast` left, read with the people and characters met since."""
    for pairs in pending:
        _read_list(ctx, pairs)


def _is_cast_heading(heading: str) -> bool:
    return is_cast_group(heading) or normalise_field_name(heading) in ("cast", "cast_main", "cast_support")


def _pairs(group: ItemList) -> list[Pair]:
    """The list's lines as pairs, up to the first line that is not one."""
    out: list[Pair] = []
    for line in group.items:
        if SEPARATOR_LINE.match(line.text):
            continue  # "A (X)" / "," / "B (Y)": a festival page puts each list comma on a line of its own
        if len(line.sentences) != 1:
            break
        hangul = actor_and_role(BULLET.sub("", clean(line.text)).strip().strip("*_").strip())
        if hangul:
            out.append(Pair(*hangul, "hangul", line.sentences[0]))
            continue
        text = HANGUL_PAREN.sub("", BULLET.sub("", clean(line.text))).strip().strip("*_").strip()
        for form, pattern in (("as", PAIR_AS), ("paren", PAIR_PAREN), ("dash", PAIR_DASH)):
            match = pattern.match(text)
            if match:
                first, second = match.group("a").strip(), match.group("b").strip()
                if not (_job_or_role(first) or _job_or_role(second)):  # "Director – Lee Chung-hyun": no cast line
                    out.append(Pair(first, second, form, line.sentences[0]))
                break
        else:
            break
    return out


def _read_list(ctx: Context, pairs: list[Pair]) -> list[list[Pair]]:
    """Credit the pairs of one list; returns the forms of it that stay undecidable."""
    undecided = []
    for pair in (p for p in pairs if p.form == "hangul"):  # the Korean order: the actor, then the role
        ctx.structured.add(pair.sentence)
        ctx.cast(hangul_person(ctx, pair.first, pair.sentence), ctx.character(pair.second), pair.sentence)
    for form in ("as", "paren", "dash"):
        lines = [p for p in pairs if p.form == form]
        if not lines:
            continue
        ctx.structured.update(p.sentence for p in lines)
        person_first = True if form == "as" else _person_first(ctx, lines)
        if person_first is None:
            undecided.append(lines)  # nothing, rather than a guess
            continue
        for pair in lines:
            person_text, character_text = (pair.first, pair.second) if person_first else (pair.second, pair.first)
            name = _person(ctx, person_text)
            role, description = strip_role(character_text)
            character = character_name(ctx, role) if name and not _job_or_role(role) else None  # "the detective"
            if name and character:
                person = ctx.person(name, sentence=pair.sentence)
                ctx.cast(person, ctx.character(character, description=description), pair.sentence)
    return undecided


def _person_first(ctx: Context, pairs: list[Pair]) -> bool | None:
    """True when the list writes the actor first, False when second, None when undecidable."""
    for strong in (True, False):
        first = sum(1 for p in pairs if _vote(ctx, p, strong) is True)
        second = sum(1 for p in pairs if _vote(ctx, p, strong) is False)
        if first and second:
            return None  # the list contradicts itself
        if first or second:
            return bool(first)
    listed = {p.sentence for p in pairs}
    text = "\n".join(s.text for s in ctx.doc.sentences if s not in listed)  # the review around the list
    votes = [_called_by_given_name(text, p) for p in pairs]
    first, second = votes.count(True), votes.count(False)
    if first and not second or second and not first:
        return bool(first)
    return None


def _called_by_given_name(text: str, pair: Pair) -> bool | None:
    """Which side of a pair of two Korean full names is the person, from how the review (`text`,
    less the list itself) calls them: characters by the given name alone ("Mo Yeon", "Si-jin"),
    actors by the full name. True when only the second side's given name stands alone in the
    text, False when only the first's, None otherwise."""
    alone = []
    for side in (pair.first, pair.second):
        family, _, given = side.partition(" ")
        if not given or not is_korean_name(side):
            return None
        spelled = r"[\s-]?".join(re.escape(part) for part in re.split(r"[\s-]", given))
        alone.append(bool(re.search(rf"(?<!{re.escape(family)} )(?<![\w-]){spelled}(?![\w-])", text, re.I)))
    return None if alone[0] == alone[1] else alone[1]


def _vote(ctx: Context, pair: Pair, strong: bool) -> bool | None:
    """Which side of one pair is the person, by known names (strong) or by name shape."""
    a_person, b_person = _person_like(ctx, pair.first, strong), _person_like(ctx, pair.second, strong)
    if strong:
        a_role, b_role = _known_character(ctx, pair.first), _known_character(ctx, pair.second)
        a_person, b_person = a_person or b_role, b_person or a_role
    if a_person != b_person:
        return a_person
    return None


def _person_like(ctx: Context, text: str, strong: bool) -> bool:
    if strong:
        return (" " in text and ctx.known_person(text) is not None) or bool(ctx.resolver.table.candidates("person", text))
    return is_korean_name(text) or bool(STAGE_NAME.match(text))


def _known_character(ctx: Context, text: str) -> bool:
    return ctx.find_character(text) is not None or ctx.resolver.character(ctx.title_iri.value, text) is not None


def _job_or_role(text: str) -> bool:
    """"Director", "Writer", "Detective": a credit line or an unnamed role, not a character's name."""
    key = text.lower().rstrip(".")
    return key in JOB_WORDS or key in ROLE_WORDS or key in RELATION_WORDS


def _person(ctx: Context, text: str) -> str | None:
    """The person a list's actor slot names, when it is a whole name."""
    name = person_name(ctx, text)
    if name and name_key(name) == name_key(text):
        return name
    if STAGE_NAME.match(text) and ctx.resolver.table.candidates("person", text):
        return text
    return foreign_name(ctx, text)
