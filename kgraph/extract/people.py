"""Credits: cast with their characters, and crew by job, from the Overview and from prose."""
from __future__ import annotations

import re

from kgraph.extract.context import Context, sentence_text
from kgraph.extract.facts import CrewCredit, Iri
from kgraph.extract.overview import Field, split_list
from kgraph.extract.patterns import is_korean_name, korean_names
from kgraph.names import HANGUL, clean, name_key
from kgraph.sources.document import Sentence

JOB_WORDS: dict[str, tuple[str, ...]] = {
    "writer-director": ("director", "writer"), "writer/director": ("director", "writer"),
    "director-writer": ("director", "writer"), "director": ("director",), "filmmaker": ("director",),
    "screenwriter": ("writer",), "writer": ("writer",), "scriptwriter": ("writer",),
    "composer": ("composer",), "music director": ("composer",), "cinematographer": ("cinematographer",),
    "art director": ("art director",), "editor": ("editor",), "producer": ("producer",),
    "production designer": ("production designer",),
}
JOB_BY = {"directed": "director", "helmed": "director", "written": "writer", "penned": "writer",
          "scored": "composer", "composed": "composer", "music": "composer", "score": "composer",
          "shot": "cinematographer", "edited": "editor", "produced": "producer"}
_JOBS = "|".join(sorted((re.escape(j) for j in JOB_WORDS), key=len, reverse=True))
NAME = r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}"
CHAR = r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}"
DESC = r"(?:[a-z][\w-]*\s+){0,3}?"
CREW_BEFORE = re.compile(rf"(?i:\b({_JOBS}))\s+({NAME})")
CREW_BY = re.compile(rf"\b(directed|helmed|written|penned|scored|composed|music|score|shot|edited|produced)\s+by\s+({NAME})")
CREW_POSSESSIVE = re.compile(rf"\b({NAME})'s\s+(?:[\w-]+\s+){{0,2}}?(music|score)\b")
SCORING_DEBUT = re.compile(rf"\b({NAME})\s+(?:made|makes|marks|marked)\s+(?:his|her|their)\s+((?:feature\s+)?(?:film\s+)?scoring debut)")
CAST_PATTERNS = (
    # "As the antagonist Choi Pro, Kim Ji-hoon plays ..." / "As Min-hee, Park Yu-rim gives ..."
    re.compile(rf"\bAs\s+(?:the\s+(?P<desc>{DESC}[a-z][\w-]*)\s+)?(?P<char>{CHAR}),\s+(?P<person>{NAME})"),
    # "Jeon Jong-seo plays Ok-ju", "X portrays the villain Y"
    re.compile(rf"(?P<person>{NAME})\s+(?:plays|played|portrays|portrayed|stars as|starred as|is cast as|"
               rf"takes on the role of|plays the role of)\s+(?:(?:the|a|an)\s+(?P<desc>{DESC}[a-z][\w-]*)\s+)?(?P<char>{CHAR})"),
    # "When Jeon Jong-seo steps into Ok-ju's boots"
    re.compile(rf"(?P<person>{NAME})\s+steps\s+into\s+(?P<char>{CHAR})'s\s+(?:boots|shoes|role)"),
    # "starring Jeon Jong-seo as Ok-ju", "Kim Ji-hoon, as the villain Choi Pro,"
    re.compile(rf"(?P<person>{NAME}),?\s+as\s+(?:the\s+(?P<desc>{DESC}[a-z][\w-]*)\s+)?(?P<char>{CHAR})"),
    # "Ok-ju (Jeon Jong-seo)"
    re.compile(rf"(?P<char>{CHAR})\s+\((?P<person>{NAME})\)"),
)
NOT_CHARACTERS = {"he", "she", "they", "it", "him", "her", "his", "the", "a", "an", "this", "that",
                  "best", "netflix", "korean", "south"}
PERSON_NOUNS = ("bodyguard", "woman", "man", "girl", "boy", "friend", "villain", "hero", "heroine",
                "protagonist", "antagonist", "agent", "detective", "doctor", "student", "lawyer",
                "officer", "cop", "killer", "assassin", "widow", "orphan", "soldier", "teacher",
                "mother", "father", "daughter", "son", "sister", "brother", "wife", "husband",
                "prosecutor", "nurse", "chef", "heiress", "heir", "ceo", "boss", "gangster")
NAMED_DESC = re.compile(rf"\b(?:a|an|the)\s+((?:[a-z][\w-]*\s+){{0,3}}(?:{'|'.join(PERSON_NOUNS)}))\s+named\s+({CHAR})")
FRIEND_DESC = re.compile(rf"\b(?:an?|her|his|their)\s+((?:old|best|childhood|close)\s+friend),\s+({CHAR})[,.]")


def person_name(ctx: Context, text: str) -> str | None:
    """The longest run of words in `text` that is a person: Korean-shaped, or someone already met.

    Regexes capture capitalised runs such as "When Jeon Jong-seo"; this finds the name in them.
    """
    words = text.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n, -1, -1):
            candidate = re.sub(r"'s$", "", " ".join(words[i:i + n])).strip(",.")
            if n >= 2 and is_korean_name(candidate):
                return candidate
            if ctx.known_person(candidate) is not None:
                return candidate
    return None


def overview_people(ctx: Context, fields: dict[str, Field]) -> list[tuple[Iri, str | None, Sentence]]:
    """People of the Overview: crew fields become credits; the cast list is returned for later."""
    for key, job in (("director", "director"), ("writer", "writer"), ("composer", "composer")):
        if key in fields:
            for item in split_list(fields[key].value):
                name = re.sub(r"\s*\([^)]*\)", "", item).strip()
                hangul = HANGUL.search(item)
                if name:
                    person = ctx.person(name, _hangul_in(item) if hangul else None, sentence=fields[key].sentence)
                    crew(ctx, person, job, fields[key].sentence)
    cast: list[tuple[Iri, str | None, Sentence]] = []
    if "cast" in fields:
        for item in split_list(fields["cast"].value):
            character = None
            paren = re.search(r"\(([^)]*)\)", item)
            as_match = re.search(r"\s+as\s+(.+)$", item)
            hangul = None
            if paren and HANGUL.search(paren.group(1)) and not re.search(r"[A-Za-z]", paren.group(1)):
                hangul = paren.group(1).strip()  # "Jeon Jong-seo (전종서)": a Hangul name, not a character
                item = item[: paren.start()].strip()
                paren = re.search(r"\(([^)]*)\)", item)
                as_match = re.search(r"\s+as\s+(.+)$", item)
            if paren:
                character = paren.group(1).strip()
                item = item[: paren.start()].strip()
            elif as_match:
                character = as_match.group(1).strip()
                item = item[: as_match.start()].strip()
            if item:
                cast.append((ctx.person(item, hangul, sentence=fields["cast"].sentence), character,
                             fields["cast"].sentence))
    return cast


def _hangul_in(text: str) -> str | None:
    match = re.search(r"[\uac00-\ud7a3][\uac00-\ud7a3 ]*[\uac00-\ud7a3]|[\uac00-\ud7a3]", text)
    return match.group(0) if match else None


def crew(ctx: Context, person: Iri, job: str, sentence: Sentence, description: str | None = None) -> None:
    from kgraph.vocab import KG

    concept = ctx.concept(job, KG.JobScheme, ctx.lexicon.job(job), "job")
    ctx.claim(CrewCredit(title=ctx.title_iri, person=person, job=concept, description=description,
                         evidence=[sentence]))


def prose_crew(ctx: Context) -> None:
    """Crew named next to their job: "from director X", "Writer-director X", "X's score"."""
    title_key = name_key(ctx.title.name) if ctx.title else ""
    for sentence in _prose(ctx):
        text = sentence_text(sentence)
        for match in CREW_BEFORE.finditer(text):
            name = person_name(ctx, match.group(2))
            if name:
                person = ctx.person(name, sentence=sentence)
                for job in JOB_WORDS[match.group(1).lower()]:
                    crew(ctx, person, job, sentence)
        for match in CREW_BY.finditer(text):
            name = person_name(ctx, match.group(2))
            if name:
                crew(ctx, ctx.person(name, sentence=sentence), JOB_BY[match.group(1).lower()], sentence)
        for match in CREW_POSSESSIVE.finditer(text):
            name = match.group(1)
            if _plausible_name(ctx, name, title_key):
                crew(ctx, ctx.person(name, sentence=sentence), "composer", sentence)
        for match in SCORING_DEBUT.finditer(text):
            if _plausible_name(ctx, match.group(1), title_key):
                crew(ctx, ctx.person(match.group(1), sentence=sentence), "composer", sentence,
                     description=match.group(2))


def _plausible_name(ctx: Context, name: str, title_key: str) -> bool:
    key = name_key(name)
    if key == title_key or ctx.lexicon.platform(name) or ctx.find_character(name):
        return False
    if key in NOT_CHARACTERS or name.lower() in {"the film", "the movie", "the series"}:
        return False
    return len(name.split()) <= 3


def prose_cast(ctx: Context) -> None:
    """Actors and their characters from prose patterns; an actor may play several characters."""
    for sentence in _prose(ctx):
        text = sentence_text(sentence)
        for pattern in CAST_PATTERNS:
            for match in pattern.finditer(text):
                name = person_name(ctx, match.group("person"))
                character = _character_name(ctx, match.group("char"))
                if not name or not character:
                    continue
                desc = match.groupdict().get("desc")
                person = ctx.person(name, sentence=sentence)
                ctx.cast(person, ctx.character(character, description=desc.strip() if desc else None), sentence)
        for match in NAMED_DESC.finditer(text):
            character = _character_name(ctx, match.group(2))
            if character:
                ctx.character(character, description=match.group(1))
        for match in FRIEND_DESC.finditer(text):
            character = _character_name(ctx, match.group(2))
            if character:
                ctx.character(character, description=match.group(1))


def _character_name(ctx: Context, text: str) -> str | None:
    name = re.sub(r"'s$", "", text.strip()).strip(",.")
    words = name.split()
    if not words or words[0].lower() in NOT_CHARACTERS or ctx.lexicon.platform(name):
        return None
    if ctx.known_person(name) is not None:
        return None
    if ctx.title and name_key(name) == name_key(ctx.title.name):
        return None
    return name


def overview_cast(ctx: Context, cast: list[tuple[Iri, str | None, Sentence]]) -> None:
    """Cast-list credits: joined to the character when known, else credited without one."""
    for person, character, sentence in cast:
        if character:
            ctx.cast(person, ctx.character(character), sentence)
            continue
        credits = [c for c in ctx.claims.values()
                   if type(c).__name__ == "CastCredit" and c.person == person]
        if credits:
            for credit in credits:
                if sentence not in credit.evidence:
                    credit.evidence.append(sentence)
        else:
            ctx.cast(person, None, sentence)


def people_in(ctx: Context, sentence: Sentence) -> list[Iri]:
    """Known people named in a sentence, in order: full names, then unique family names."""
    text = clean(sentence.text)
    found: list[tuple[int, str]] = []
    for start, _, name in korean_names(text):
        known = ctx.known_person(name)
        if known:
            found.append((start, known.value))
    for entity in ctx.people.values():
        for spelling in {entity.name, *entity.spellings}:
            for match in re.finditer(rf"(?<![\w-]){re.escape(clean(spelling))}(?![\w-])", text, re.I):
                found.append((match.start(), entity.iri))
        family = entity.name.split(" ")[0]
        if is_korean_name(entity.name) and ctx.known_person(family) == Iri(entity.iri):
            for match in re.finditer(rf"(?<![\w-]){re.escape(family)}(?![\w-])(?!\s[A-Z])", text):
                found.append((match.start(), entity.iri))
    ordered: list[Iri] = []
    for _, iri in sorted(found):
        if Iri(iri) not in ordered:
            ordered.append(Iri(iri))
    return ordered


def _prose(ctx: Context) -> list[Sentence]:
    return [s for s in ctx.doc.sentences
            if not s.section.lower().startswith(("overview", "hashtag", "memorable"))]
