"""Database-style cast pages (MyDramaList-like): rows "Actor / Character / Main Role", or blocks
of three lines "Actor", "Character", "Main Role". Read only where the shape is unambiguous: at
least two rows or blocks in a run, every one of them whole (a bare person's name, a bare
character's name, a role group), the actor first (or where a header row "Character / Actor /
Role" says so), and nothing the review already knows contradicting that order. Otherwise
nothing is taken: a wrong credit costs more than a missing one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.context import Context
from kgraph.extract.patterns import FAMILY_NAMES, is_korean_name
from kgraph.extract.people import given_name_first, character_name, foreign_name, person_name
from kgraph.names import clean, name_key
from kgraph.sources.document import Line, Sentence

ROLE_GROUP = re.compile(r"^(?:main|support|supporting|guest|recurring)\s+roles?$|^cameo(?:\s+appearance)?$", re.I)
BARE_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}$")
HEADER = re.compile(r"^(?P<a>actor|actress|cast|character|role)\s*/\s*(?P<b>actor|actress|cast|character|role)\s*/\s*"
                    r"(?:role|group|type|role type)$", re.I)
MIN_ROWS = 2
MIN_BAR_ITEMS = 4


@dataclass(frozen=True)
class Row:
    actor: str
    character: str
    sentences: tuple[Sentence, ...]  # the evidence: the row's line, or the block's two lines


def database_cast(ctx: Context) -> None:
    """Credit the cast of slash rows and three-line blocks whose shape is unambiguous."""
    _bar_lists(ctx)
    runs = [(run, _all_whole) for run in [*_slash_runs(ctx), *_block_runs(ctx)]]
    runs += [(run, _mostly_people) for run in _dotted_runs(ctx)]
    runs += [(run, lambda _ctx, _run: True) for run in _glued_runs(ctx)]  # shaped as they are read
    for run, shaped in runs:
        if len(run) < MIN_ROWS or not shaped(ctx, run) or _contradicted(ctx, run):
            continue
        for row in run:
            ctx.structured.update(row.sentences)
            person = ctx.person(person_name(ctx, row.actor) or row.actor, sentence=row.sentences[0])
            ctx.cast(person, ctx.character(row.character) if row.character else None, row.sentences[0])


def _bar_lists(ctx: Context) -> None:
    """A database card's line of actors between bars, "A | B | C | D" with no label: credited when at
    least four items stand and two in three of them are whole people's names, each without a character."""
    for line in (line for section in ctx.doc.sections for line in section.lines):
        items = [item.strip() for item in clean(line.text).strip(" |").split(" | ")]
        if len(items) < MIN_BAR_ITEMS or not line.sentences or any(re.search(r"\d", item) for item in items):
            continue
        names = [_whole_person(ctx, item) for item in items]
        if 3 * sum(name is not None for name in names) < 2 * len(items):
            continue
        ctx.structured.update(line.sentences)
        for name in filter(None, names):
            ctx.cast(ctx.person(name, sentence=line.sentences[0]), None, line.sentences[0])


def _whole_person(ctx: Context, text: str) -> str | None:
    name = person_name(ctx, text) or foreign_name(ctx, text)
    return name if name and name_key(name) == name_key(text) else None


def _slash_runs(ctx: Context) -> list[list[Row]]:
    """Runs of consecutive lines "A / B / Main Role"; a header row may say which side is the actor."""
    runs: list[list[Row]] = []
    for section in ctx.doc.sections:
        rows: list[Row | None] = []
        actor_first = True
        for line in section.lines:
            text = clean(line.text).strip("*_ ")
            header = HEADER.match(text)
            if header:
                actor_first = header.group("a").lower() in ("actor", "actress", "cast")
                continue
            parts = [p.strip() for p in text.split(" / ")]
            if len(parts) == 3 and ROLE_GROUP.match(parts[2]) and len(line.sentences) == 1:
                a, b = parts[:2] if actor_first else parts[1::-1]
                rows.append(Row(a, b, line.sentences))
            else:
                rows.append(None)
        runs += _runs(rows)
    return runs


def _block_runs(ctx: Context) -> list[list[Row]]:
    """Runs of blocks "Actor", "Character", then a role-group line. The group line is read as a
    heading, so a block is the last two lines of a section whose next heading is a role group;
    a section holding more than its block ends the run before it."""
    rows: list[Row | None] = []
    sections = ctx.doc.sections
    for section, following in zip(sections, sections[1:]):
        lines = [line for line in section.lines if line.sentences]
        if ROLE_GROUP.match(clean(following.heading)) and len(lines) >= 2 and _block(lines[-2:]):
            actor, character = lines[-2], lines[-1]
            if len(lines) > 2:
                rows.append(None)
            rows.append(Row(clean(actor.text), clean(character.text), actor.sentences + character.sentences))
        else:
            rows.append(None)
    return _runs(rows)


# "Kang-ho Song | ... |": a film database's cast row, the actor, then "...", the character on the
# next line (or none); bars alone fill the lines between rows
DOTTED_ROW = re.compile(r"^(?P<actor>[^|]{3,60}?)\s*\|\s*(?:\.\.\.|…)\s*\|[\s|]*$")
BARS = re.compile(r"^[\s|]*$")
CAST_HEADER = re.compile(r"^(?:credited cast|cast overview|(?:rest of )?cast(?: listed alphabetically)?|"
                         r"series cast|complete credited cast|uncredited cast)\b.*$", re.I)


def _dotted_runs(ctx: Context) -> list[list[Row]]:
    """Runs of a film database's cast rows ("Actor | ... |", the character on the line after,
    read whether the page's reader took that line for a heading or not). A row whose character
    line is missing, or is another row, is credited without a character: it ends no run."""
    items: list[tuple[str, tuple[Sentence, ...]]] = []
    for section in ctx.doc.sections:
        if section.heading:
            items.append((clean(section.heading), ()))
        items += [(clean(line.text), tuple(line.sentences)) for line in section.lines]
    items = [(text, sentences) for text, sentences in items if not BARS.match(text)]
    rows: list[Row | None] = []
    for index, (text, sentences) in enumerate(items):
        row = DOTTED_ROW.match(text)
        if row is None or not sentences:
            if not CAST_HEADER.match(text) and not (index and DOTTED_ROW.match(items[index - 1][0])):
                rows.append(None)  # anything but a header or a row's character line ends a run
            continue
        following = items[index + 1][0] if index + 1 < len(items) else ""
        character = "" if DOTTED_ROW.match(following) or CAST_HEADER.match(following) else following
        rows.append(Row(row.group("actor").strip(), character, sentences))
    return _runs(rows)


# A TV guide's "Cast & Crew" block, each line a character and an actor with nothing between:
# "Sook-hee Kim Ok-vin", "Chief Kwon Kim Seo-hyung", "Joon-sang Ha-kyun Shin"
GLUED_HEADING = re.compile(r"^(?:cast|cast\s*(?:&|and)\s*crew|starring|cast list)$", re.I)
GLUED_LINE = re.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){2,5}$")
CREW_WORD = re.compile(r"^(?:director|directed by|writer|written by|screenplay|producer|music|composer)\s", re.I)
MIN_GLUED = 3


def _glued_runs(ctx: Context) -> list[list[Row]]:
    """Runs of "Character Actor" (or "Actor Character") lines under a cast heading, read where each
    line parts into a person's name and a character's, and the lines agree which side the actor is
    on (three lines at least; two that only one order fits, the other order fitting half as many)."""
    runs: list[list[Row]] = []
    for section in ctx.doc.sections:
        lines = list(section.lines)
        starts = [0] if GLUED_HEADING.match(clean(section.heading)) else []
        starts += [i + 1 for i, line in enumerate(lines) if GLUED_HEADING.match(clean(line.text).strip(":"))]
        for start in starts:
            block = []
            for line in lines[start:]:
                text = clean(line.text)
                if CREW_WORD.match(text) or not GLUED_LINE.match(text) or len(line.sentences) != 1:
                    break
                block.append(line)
            by_order = {side: [_glued_split(ctx, clean(line.text), side) for line in block] for side in ("right", "left")}
            fits = {side: sum(_glued_split(ctx, clean(line.text), side, strict=True) is not None for line in block)
                    for side in ("right", "left")}
            side = max(fits, key=fits.get)
            other = "left" if side == "right" else "right"
            if fits[side] < 2 or None in by_order[side] or len(block) < MIN_GLUED or 2 * fits[other] > fits[side]:
                continue
            runs.append([Row(actor, character, line.sentences)
                         for line, (actor, character) in zip(block, by_order[side])])
    return runs


def _glued_split(ctx: Context, text: str, actor_side: str, strict: bool = False) -> tuple[str, str] | None:
    """(actor, character) of a glued line with the actor's name on `actor_side`, when one parting
    gives a person there: a two-word name before a three-word one ("Kim Seon Eun-ji Jo" is Kim Seon
    played by Eun-ji Jo), then a character that is no person's name. `strict` counts only partings
    whose character is no person's name and whose actor is named family first (to decide the block's
    order). None when still undecided."""
    words = text.split()
    found = []
    for k in range(1, len(words)):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        actor, character = (tail, head) if actor_side == "right" else (head, tail)
        if (len(actor.split()) == 2 or (len(actor.split()) == 3 and "-" not in actor)) and _person_shaped(ctx, actor):
            found.append((actor, character))
    plain = [pair for pair in found if not _person_shaped(ctx, pair[1])]
    if strict:  # and the name family first: "Sang-hyun Song" could be a name, "Song Kang-ho" surely is
        plain = [pair for pair in plain if not given_name_first(pair[0])]
        return plain[0] if len(plain) == 1 else None
    for narrowed in ([p for p in found if len(p[0].split()) == 2], plain, found):
        if len(narrowed) == 1:
            return narrowed[0]
    return None


def _person_shaped(ctx: Context, text: str) -> bool:
    """A Korean name in either order, or a family name and a hyphenated given name ("Kim Ok-vin")."""
    words = text.split()
    if is_korean_name(text) or given_name_first(text) or ctx.known_person(text) is not None:
        return True
    hyphenated = [bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", w)) for w in words]
    return len(words) == 2 and ((words[0] in FAMILY_NAMES and hyphenated[1]) or (words[1] in FAMILY_NAMES and hyphenated[0]))


def _runs(rows: list[Row | None]) -> list[list[Row]]:
    """The runs of rows between the Nones."""
    runs: list[list[Row]] = [[]]
    for row in rows:
        if row is None:
            runs.append([])
        else:
            runs[-1].append(row)
    return [run for run in runs if run]


def _block(lines: list[Line]) -> bool:
    return len(lines) == 2 and all(len(line.sentences) == 1 and BARE_NAME.match(clean(line.text)) for line in lines)


def _all_whole(ctx: Context, run: list[Row]) -> bool:
    """Every row's actor is a whole person's name and its character a character's name."""
    for row in run:
        name = person_name(ctx, row.actor) or foreign_name(ctx, row.actor)
        if not name or name_key(name) != name_key(row.actor):
            return False
        character = character_name(ctx, row.character)
        if not character or name_key(character) != name_key(row.character) or ROLE_GROUP.match(row.character):
            return False
    return True


def _mostly_people(ctx: Context, run: list[Row]) -> bool:
    """The "Actor | ... |" shape says which side is the actor, so a run needs only two in three of
    its actors to be whole people's names ("Woo-seul-hye Hwang" is not name-shaped here), every
    actor a run of capitalised words, and every character given a name or a short part."""
    if not all(BARE_NAME.match(row.actor) for row in run):
        return False
    if 3 * sum(_whole_person(ctx, row.actor) is not None for row in run) < 2 * len(run):
        return False
    return all(not row.character or character_name(ctx, row.character) or _generic_role(row.character)
               for row in run)


def _generic_role(text: str) -> bool:
    """"Nurse", "Girl with a whistle": a database's unnamed part, a short capitalised phrase."""
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:\s[a-z]+){0,4}", text))


def _contradicted(ctx: Context, run: list[Row]) -> bool:
    """True when the review or the alias table knows some row's character as a person, or its
    actor as a character: the order is not the one assumed."""
    for row in run:
        if ctx.find_character(row.actor) is not None:
            return True
        if (ctx.known_person(row.character) is not None and " " in row.character) or \
                ctx.resolver.table.candidates("person", row.character):
            return True
    return False
