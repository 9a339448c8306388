"""Credits: cast with their characters, and crew by job, from the Overview and from prose."""
from __future__ import annotations

import re

from kgraph.extract.context import Context, sentence_text
from kgraph.extract.facts import CrewCredit, Iri
from kgraph.extract.card_lines import page_lines
from kgraph.extract.hangul_names import actor_and_role, hangul_person, is_hangul_name
from kgraph.extract.overview import Field, normalise_field_name, split_list
from kgraph.extract.patterns import (ORGANISATION_WORD, is_korean_given_name, is_korean_name, korean_names,
                                     lower_tail_names)
from kgraph.extract.phrasings import CAST_ROWS, CREW_ROWS, ROLE_TITLE, strip_role
from kgraph.names import HANGUL, clean, name_key
from kgraph.sources.document import Sentence
from kgraph.sources.tables import tables
from kgraph.extract.prefilter import CuedTable, cued

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
          "shot": "cinematographer", "edited": "editor", "produced": "producer", "screenplay": "writer", "script": "writer"}
_JOBS = "|".join(sorted((re.escape(j) for j in JOB_WORDS), key=len, reverse=True))
NAME = r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,3}"  # up to four words: "Hwang Woo Seul Hye"
CHAR = r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}"
DESC = r"(?:[a-z][\w-]*\s+){0,3}?"
CREW_BEFORE = cued(rf"(?i:\b({_JOBS}))(?:,\s*|\s+)({NAME})")
CREW_BY = cued(rf"\b(?:co-)?((?i:directed|helmed|written|penned|scored|composed|music|score|shot|edited|produced|screenplay|script))\s+"
                     rf"(?i:by)\s+({NAME})(?:\s+and\s+({NAME}))?")
CREW_POSSESSIVE = cued(rf"\b({NAME})'s\s+(?:[\w-]+\s+){{0,2}}?(music|score)\b")
SCORING_DEBUT = cued(rf"\b({NAME})\s+(?:made|makes|marks|marked)\s+(?:his|her|their)\s+((?:feature\s+)?(?:film\s+)?scoring debut)")
CAST_PATTERNS = (
    # "As the antagonist Choi Pro, Kim Ji-hoon plays ..." / "As Min-hee, Park Yu-rim gives ..."
    cued(rf"\bAs\s+(?:the\s+(?P<desc>{DESC}[a-z][\w-]*)\s+)?(?P<char>{CHAR}),\s+(?P<person>{NAME})"),
    # "Jeon Jong-seo plays Ok-ju", "X portrays the villain Y", "Z plays the young Hye-sung"
    cued(rf"(?P<person>{NAME})(?:\s+\([^)]*\))?\s+(?:plays|played|portrays|portrayed|stars as|starred as|is cast as|"
               rf"takes on the role of|plays the role of)\s+(?:(?:the|a|an)\s+(?P<desc>{DESC}[a-z][\w-]*)\s+)?(?P<char>{CHAR})"),
    # "When Jeon Jong-seo steps into Ok-ju's boots"
    cued(rf"(?P<person>{NAME})\s+steps\s+into\s+(?P<char>{CHAR})'s\s+(?:boots|shoes|role)"),
    # "Kim Sung-ryung, as Seo-yeon's mother Eun-ae,"
    cued(rf"(?P<person>{NAME}),?\s+as\s+(?P<desc>{CHAR}'s\s+[a-z][\w-]*)\s+(?P<char>{CHAR})"),
    # "starring Jeon Jong-seo as Ok-ju", "Kim Ji-hoon, as the villain Choi Pro,", "Yoo Ji-tae, as the Professor,"
    cued(rf"(?P<person>{NAME}),?\s+as\s+(?:the\s+(?:(?P<desc>{DESC}[a-z][\w-]*)\s+)?)?(?:{ROLE_TITLE}\s+)?(?P<char>{CHAR})"),
    # "Ok-ju (Jeon Jong-seo)"
    cued(rf"(?P<char>{CHAR})\s*\((?P<person>{NAME})\)"),
)
CAST_TABLE = CuedTable(CAST_PATTERNS, lambda pattern: pattern)
# "Park Bo-young plays both twins, Mi-ji and Mi-rae"
PLAYS_BOTH = cued(rf"(?P<person>{NAME})\s+(?:plays|played|portrays)\s+both\s+(?:[a-z]+\s+)*?"
                        rf"(?:twins|sisters|brothers|roles|characters|parts)?,?\s*(?P<c1>{CHAR})\s+and\s+(?P<c2>{CHAR})")
# "Kim Sun-young and Im Chul-soo ... turn up here too, as Yeom Bun-hong and Lee Chung-gu"
RESPECTIVELY = cued(rf"(?P<p1>{NAME})\s+and\s+(?P<p2>{NAME})\b[^.;]*?,\s+as\s+(?P<c1>{CHAR})\s+and\s+(?P<c2>{CHAR})")
# "twin sisters Mi-ji and Mi-rae" ... "the twins (both Park Bo-young; ...)"
GROUP = cued(rf"\b(?:twins?|twin sisters|twin brothers),?\s+(?P<c1>{CHAR})\s+and\s+(?P<c2>{CHAR})")
GROUP_BOTH = cued(rf"\bthe\s+(?P<group>twins|sisters|brothers)\s+\(both\s+(?P<person>{NAME})")
# "IU (Lee Ji-eun)": a stage name and the person's name, one person
STAGE_NAME = cued(rf"(?<![\w-])(?P<stage>[A-Z][A-Z.&]{{1,7}})\s+\((?P<person>{NAME})\)")
STARRING = cued(r"\b(?:starring|stars|led by|performances (?:from|by))\s+([^.;:()]+)", re.I)
NOT_CHARACTERS = {"he", "she", "they", "it", "him", "her", "his", "the", "a", "an", "this", "that",
                  "best", "netflix", "korean", "south", "dr", "mr", "mrs", "ms", "prof"}
PERSON_NOUNS = ("bodyguard", "woman", "man", "girl", "boy", "friend", "villain", "hero", "heroine",
                "protagonist", "antagonist", "agent", "detective", "doctor", "student", "lawyer",
                "officer", "cop", "killer", "assassin", "widow", "orphan", "soldier", "teacher",
                "mother", "father", "daughter", "son", "sister", "brother", "wife", "husband",
                "prosecutor", "nurse", "chef", "heiress", "heir", "ceo", "boss", "gangster")
NAMED_DESC = cued(rf"\b(?:a|an|the)\s+((?:[a-z][\w-]*\s+){{0,3}}(?:{'|'.join(PERSON_NOUNS)}))\s+named\s+({CHAR})")
FRIEND_DESC = cued(rf"\b(?:an?|her|his|their)\s+((?:old|best|childhood|close)\s+friend),\s+({CHAR})[,.]")


STARTERS = {"the", "when", "as", "but", "and", "then", "here", "there", "this", "that", "in", "on", "at",
            "after", "before", "while", "his", "her", "their", "its", "my", "our", "your", "it", "she", "he", "they", "we", "i",
            "you", "even", "also", "meanwhile", "later", "now", "so", "yet", "still", "both", "each", "one",
            "two", "a", "an", "if", "for", "with", "from", "by", "netflix", "korean", "south", "north", "season",
            "episode", "director", "actor", "actress", "writer", "star", "mr", "mrs", "ms", "dr", "young", "old"}


def foreign_name(ctx: Context, text: str, character: str | None = None) -> str | None:
    """A two-word capitalised name that is no sentence opener, title, platform or character:
    a non-Korean actor in a Korean production ("Tang Wei", "Jun Kunimura"). Used only where a
    credit phrasing already says the slot holds a person."""
    words = re.sub(r"'s$", "", text.strip(" ,.")).split()
    if len(words) != 2 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", w) for w in words):
        return None
    name = " ".join(words)
    if words[0].lower() in STARTERS or words[1].lower() in STARTERS or ctx.lexicon.platform(name):
        return None
    if strip_role(name)[1] is not None:
        return None  # "Captain Ko", "Detective Ma": a role title and a family name are a character
    if ctx.find_character(name) or (ctx.title and name_key(name) == name_key(ctx.title.name)):
        return None
    if ctx.resolver.table.candidates("title", name):
        return None
    if character is not None and not ("-" in character or is_korean_name(character)
                                      or ctx.find_character(character)):
        return None  # "Money Heist plays Seoul": only a person-shaped role vouches for the actor
    return name


def given_name_first(text: str) -> bool:
    """"Hyun-Woo Lee", "Won-jong Lee": a hyphenated Korean given name, then the family name."""
    words = text.split()
    return len(words) == 2 and "-" in words[0] and is_korean_name(f"{words[1]} {words[0]}")


def organisation(ctx: Context, name: str) -> bool:
    """True when a credit's value names a company or a broadcaster, not a person."""
    return bool(ORGANISATION_WORD.search(name)) or bool(ctx.lexicon.platforms_in(name))


def person_name(ctx: Context, text: str) -> str | None:
    """The longest run of words in `text` that is a person: Korean-shaped, or someone already met.

    Regexes capture capitalised runs such as "When Jeon Jong-seo"; this finds the name in them.
    """
    words = text.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n, -1, -1):
            candidate = re.sub(r"'s$", "", " ".join(words[i:i + n])).strip(",.")
            if n >= 2 and (is_korean_name(candidate) or given_name_first(candidate)):
                return candidate
            if ctx.known_person(candidate) is not None or (
                    n >= 2 and ctx.resolver.table.candidates("person", candidate)):
                return candidate
    return None


def overview_people(ctx: Context, fields: dict[str, Field]) -> list[tuple[Iri, str | None, Sentence]]:
    """People of the Overview: crew fields become credits; the cast list is returned for later."""
    for key, job in (("director", "director"), ("writer", "writer"), ("composer", "composer")):
        if key in fields:
            for item in split_list(fields[key].value):
                name = re.sub(r"\s*\([^)]*\)", "", item).strip()
                head = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z0-9])", name)[0]  # "Choi Dong-hoon. S Kor. 2006.": a card
                # runs on (not "Steven S. DeKnight": an initial)
                name = head if len(head.split()) >= 2 else name
                name = re.sub(r"(?<=[\uac00-\ud7a3])\s*(?:작가|감독|PD|피디)$", "", name)  # "노희경 작가": the job word
                hangul = HANGUL.search(item)
                if name and not organisation(ctx, name):
                    person = ctx.person(name, _hangul_in(item) if hangul else None, sentence=fields[key].sentence)
                    crew(ctx, person, job, fields[key].sentence)
    cast: list[tuple[Iri, str | None, Sentence]] = []
    works_in_parens = _crew_with_works(fields)
    for field in (fields[key] for key in ("cast", "cast_more") if key in fields):  # "Main Cast:", "Supporting Cast:"
        for item in _spaced_hangul_names(split_list(field.value)):
            character = None
            paren = re.search(r"\(([^)]*)\)", item)
            as_match = re.search(r"\s+as\s+(.+)$", item)
            hangul = None
            pair = actor_and_role(item)
            if pair:  # "송강호(상현 역)": a Hangul actor and role
                cast.append((hangul_person(ctx, pair[0], field.sentence), pair[1], field.sentence))
                continue
            if paren and HANGUL.search(paren.group(1)) and not re.search(r"[A-Za-z]", paren.group(1)):
                hangul = paren.group(1).strip()  # "Jeon Jong-seo (전종서)": a Hangul name, not a character
                item = item[: paren.start()].strip()
                paren = re.search(r"\(([^)]*)\)", item)
                as_match = re.search(r"\s+as\s+(.+)$", item)
            if paren:
                inside = paren.group(1).strip()
                work = (works_in_parens and not is_korean_name(inside) and not ("-" in inside and is_korean_given_name(inside))) or \
                    bool(ctx.resolver.table.candidates("title", inside))
                character = None if work else role_name(paren.group(1))  # "Shin Ha-kyun (Stranger)": a work
                item = item[: paren.start()].strip()
            elif as_match:
                character = as_match.group(1).strip()
                item = item[: as_match.start()].strip()
            if is_hangul_name(item):  # "출연: 송강호, 강동원": a Hangul-only name, never given a Latin one
                cast.append((hangul_person(ctx, item, field.sentence), character, field.sentence))
            elif len(re.sub(r"[\W_]", "", item)) >= 2:  # "Main Cast: D" (a page cut off mid-name) names nobody
                cast.append((ctx.person(item, hangul, sentence=field.sentence), character,
                             field.sentence))
    cast += table_cast(ctx)
    cast += heading_cast(ctx)
    cast += unlabelled_cast(ctx)
    return cast


def _spaced_hangul_names(items: list[str]) -> list[str]:
    """"출연 : 이지은 여진구 조현철": Hangul names parted by spaces alone are one item each; "Kim
    Sung Kyun Lee Ha Nee", a list's comma lost, is two names when it splits into two in one way only."""
    out = []
    for item in items:
        words = item.split()
        if len(words) > 1 and all(is_hangul_name(w) for w in words):
            out += words
            continue
        splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(2, len(words) - 1)]
        whole = [pair for pair in splits if all(is_korean_name(side) for side in pair)]
        out += list(whole[0]) if len(words) >= 5 and len(whole) == 1 and not is_korean_name(item) else [item]
    return out


def _crew_with_works(fields: dict[str, Field]) -> bool:
    """True when the box's director or writer fields carry a Latin parenthesis ("Directed by: Shim
    Na-yeon (At Eighteen)"): crew play no one, so the box gives each person's earlier work there,
    and its cast parentheses are works too, not characters."""
    return any(not _job_note(m.group(1)) for key in ("director", "writer") if key in fields
               for m in re.finditer(r"\(([^()]*[A-Za-z][^()]*)\)", fields[key].value))


CREDIT_NOTES = cued(r"(?:script|screenplay|original|novel|webtoon|story|creator|co-?\w+|episodes?\b.*|ep\.?\s*\d.*|"
                          r"\d{4}|uncredited|also|and\s+\w+)", re.I)


def _job_note(text: str) -> bool:
    """"(Script)", "(novel)", "(episodes 1-8)": a note on the credit, not another work."""
    text = text.strip()
    return text.lower() in JOB_WORDS or bool(CREDIT_NOTES.fullmatch(text))


def heading_cast(ctx: Context) -> list[tuple[Iri, str | None, Sentence]]:
    """A cast label on its own line above a comma list of names ("Main Cast" / "Hyun Bin, Son Ye-jin,
    ..."): each name is credited. Only a line whose every item is a person's name is such a list."""
    out: list[tuple[Iri, str | None, Sentence]] = []
    for section in ctx.doc.sections:
        if normalise_field_name(section.heading) != "cast" or not section.lines:
            continue
        line = section.lines[0]
        items = split_list(line.text)
        if len(items) < 2 or not line.sentences or line.text.count(" / ") >= 2:
            continue  # "Actor / Character / Main Role" is a database row (kgraph.extract.cast_pages)
        names = [person_name(ctx, item) or foreign_name(ctx, item) for item in items]
        if all(name and name_key(name) == name_key(item) for name, item in zip(names, items)):
            out += [(ctx.person(name, sentence=line.sentences[0]), None, line.sentences[0]) for name in names]
    return out


UNLABELLED_MIN = 3
# "Baro", "IU": a stage name among the Korean names of an unlabelled cast line (one in five at most)
STAGE_LIKE = cued(r"^[A-Z][\w.]{1,10}$")


def unlabelled_cast(ctx: Context) -> list[tuple[Iri, str | None, Sentence]]:
    """A line that is nothing but a comma list of three or more Korean names, in either order
    ("Kang-ho Song, Hie-bong Byeon, Hae-il Park"): a listing's cast line without its label."""
    out: list[tuple[Iri, str | None, Sentence]] = []
    for section in ctx.doc.sections:
        for line in section.lines:
            if ":" in line.text or len(line.sentences) != 1:
                continue
            items = split_list(line.text)
            others = [item for item in items if not _korean_either_order(item)]
            if len(items) >= UNLABELLED_MIN and (not others or (
                    len(items) >= 5 and len(others) <= len(items) // 5 and all(STAGE_LIKE.match(o) for o in others))):
                out += [(ctx.person(item, sentence=line.sentences[0]), None, line.sentences[0]) for item in items]
    return out + _name_column(ctx)


COLUMN_MIN = 4  # lines of one name each that make a listing's cast column
CREW_ABOVE = cued(r"produc|writ|direct|music|compos|edit|cinematograph|photograph|crew|staff|screenplay", re.I)


def _name_column(ctx: Context) -> list[tuple[Iri, str | None, Sentence]]:
    """Four lines or more in a row (no blank line between), each one Korean-shaped name, under no crew
    label ("Hwang Jung-min" / "Kim Yun-jin" / "Oh Dal-su" / ...): a listing's cast column. A
    plain-text page may take each short line for a heading, so headings count as lines."""
    out: list[tuple[Iri, str | None, Sentence]] = []
    run: list[tuple[str, Sentence]] = []
    previous = ""
    for text, sentence in [*page_lines(ctx.doc), ("", None)]:
        text = clean(text).strip()
        if sentence is not None and _korean_either_order(text) and (not run or sentence.line == run[-1][1].line + 1):
            run.append((text, sentence))  # one name a line, no blank line between
            continue
        if len(run) >= COLUMN_MIN and not CREW_ABOVE.search(previous):
            out += [(ctx.person(name, sentence=line), None, line) for name, line in run]
        run = []
        previous = text
    return out


def _korean_either_order(name: str) -> bool:
    words = name.split()
    return is_korean_name(name) or (len(words) == 2 and is_korean_name(f"{words[1]} {words[0]}"))


def role_name(text: str) -> str | None:
    """The character a cast list's role names: "Baek Eui Yong/Baek Sa Eon's father" -> "Baek Eui
    Yong" (the other part describes); "Carjacker/Kidnapper" -> None (alternatives that name nobody)."""
    text = text.strip()
    if "/" not in text:
        return text or None
    parts = [p.strip() for p in text.split("/") if p.strip()]
    named = [p for p in parts if not re.search(r"['’]s\s+\w+$", p)
             and (is_korean_name(p) or (("-" in p or " " in p) and is_korean_given_name(p)))]
    return named[0] if named else None


ACTOR_COLUMNS = ("actor", "actress", "cast", "performer", "played by", "배우", "출연")
ROLE_COLUMNS = ("character", "role", "as", "배역", "역할")


def table_cast(ctx: Context) -> list[tuple[Iri, str | None, Sentence]]:
    """Cast tables ("| Actor | Character |" with a header rule): one credit per row."""
    out: list[tuple[Iri, str | None, Sentence]] = []
    for section in ctx.doc.sections:
        for table in tables(section):
            header = table.header or []
            actor = next((i for i, h in enumerate(header) if h.startswith(ACTOR_COLUMNS)), None)
            role = next((i for i, h in enumerate(header) if h.startswith(ROLE_COLUMNS)), None)
            if actor is None or role is None:
                continue
            for row, line in table.rows:
                if max(actor, role) >= len(row) or not row[actor] or not line.sentences:
                    continue
                name = row[actor]
                hangul = _hangul_in(name) if HANGUL.search(name) else None
                name = re.sub(r"\s*\([^)]*\)", "", name).strip()
                if name and not HANGUL.search(name):
                    out.append((ctx.person(name, hangul, sentence=line.sentences[0]), row[role] or None,
                                line.sentences[0]))
    return out


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
    for sentence in prose_sentences(ctx):
        text = lower_tail_names(sentence_text(sentence))
        before = list(CREW_BEFORE.finditer(text))
        named_director = any(m.group(1).lower() != "filmmaker" and "director" in JOB_WORDS[m.group(1).lower()]
                             for m in before)
        for match in before:
            name = person_name(ctx, match.group(2))
            after = text[match.end():match.end() + 40]
            aside = re.match(r"\s*\(([A-Z][^()]*)\)?", after)
            if (aside and not _their_works(ctx, aside.group(1))) or re.match(r"\s+of\s+[“\"'‘]", after):
                continue  # "director Cha Min Hee (Esom)": a character; "director X of 'Other'": another work
            if name and " " not in name:
                continue  # "Director Park's mise-en-scène": a family name alone refers, it does not credit
            if match.group(1).lower() == "filmmaker" and named_director:
                continue  # "director A and filmmaker B": B is another maker (a producer), not a director
            if OTHER_DIRECTOR.search(text[:match.start()]):
                continue  # "action sequence director X", "stunt director X": another job, not the film's director
            if name:
                person = ctx.person(name, sentence=sentence)
                for job in JOB_WORDS[match.group(1).lower()]:
                    crew(ctx, person, job, sentence)
        for match in CREW_BY.finditer(text):  # "co-directed by A and B": both
            if SOURCE_WORK.search(text[max(0, match.start() - 40):match.start()]):
                continue  # "the Naver webtoon written by X": the source work's author, no writer of the title
            for group in (2, 3):
                name = person_name(ctx, match.group(group)) if match.group(group) else None
                if name and name_key(name) == name_key(match.group(group)):
                    crew(ctx, ctx.person(name, sentence=sentence), JOB_BY[match.group(1).lower()], sentence)
                elif group == 2 and name:
                    crew(ctx, ctx.person(name, sentence=sentence), JOB_BY[match.group(1).lower()], sentence)
            for extra in _listed_after(ctx, text, match):
                crew(ctx, ctx.person(extra, sentence=sentence), JOB_BY[match.group(1).lower()], sentence)
        for row in CREW_ROWS.candidates(text):
            for match in row.pattern.regex.finditer(text):
                for person_text, _ in row.pairs(match):  # one person, or two ("writer pair A and B")
                    name = person_name(ctx, person_text) or foreign_name(ctx, person_text)
                    if name:
                        person = ctx.person(name, sentence=sentence)
                        for job in row.fills:
                            crew(ctx, person, job, sentence)
        for match in CREW_POSSESSIVE.finditer(text):
            name = match.group(1)
            if _plausible_name(ctx, name, title_key):
                crew(ctx, ctx.person(name, sentence=sentence), "composer", sentence)
        for match in SCORING_DEBUT.finditer(text):
            if _plausible_name(ctx, match.group(1), title_key):
                crew(ctx, ctx.person(match.group(1), sentence=sentence), "composer", sentence,
                     description=match.group(2))


def _their_works(ctx: Context, aside: str) -> bool:
    """True for brackets after a person that list works ("The Good, the Bad, the Weird", "Train to Busan,
    Peninsula"): words with a small word in lower case, not a name or a character."""
    return bool(re.search(r"\s(?:the|of|to|a|an|and|in|from|with)\s", f" {aside} ")) and not _name_like(ctx, aside)


# "based on the webtoon", "the novel ... written by": what a credit after these names is the source's
SOURCE_WORK = cued(r"\b(?:webtoon|web\s*comic|comic|manhwa|manga|novel|book|short\s+story|play)\s*(?:series\s*)?"
                   r"(?:[“\"‘'][^”\"’']{1,60}[”\"’']\s*)?,?\s*$", re.I)
OTHER_DIRECTOR = cued(r"\b(?:action(?:\s+sequence)?|stunt|fight|martial[- ]arts|casting|photography|assistant|"
                      r"second[- ]unit|dance|vfx|lighting|sound|animation)\s*$", re.I)


def _plausible_name(ctx: Context, name: str, title_key: str) -> bool:
    key = name_key(name)
    if key == title_key or ctx.lexicon.platform(name) or ctx.find_character(name):
        return False
    if key in NOT_CHARACTERS or name.lower() in {"the film", "the movie", "the series"}:
        return False
    return len(name.split()) <= 3


def prose_cast(ctx: Context) -> None:
    """Actors and their characters from prose patterns; an actor may play several characters."""
    groups: dict[str, list[str]] = {}
    for sentence in prose_sentences(ctx):
        if sentence in ctx.structured:
            continue  # a cast-list line a structure reader has read (or found undecidable)
        text = lower_tail_names(sentence_text(sentence))
        for match in STAGE_NAME.finditer(text):
            name = person_name(ctx, match.group("person"))
            if name:
                ctx.person(name, sentence=sentence)
                ctx.add_spelling(name, match.group("stage"))
        _multi_cast(ctx, sentence, text, groups)
        text = FULL_STOP_IN_BRACKET.sub(lambda m: f"({m.group(1)}) ", text)  # "(Park Jung-woo.)": offsets kept
        text = HANGUL_NAME_PAREN.sub("", text)  # "Lee Joo-yeon (이주연) as Lee Ga-eul": the actor's name in Hangul
        text = HANGUL_THEN_LATIN.sub(lambda m: m.group("latin"), text)  # "고아라 (Go Ah-Ra) as X"
        text = _works_blanked(ctx, text)  # "Yoo Ah-in (Boys of Tomorrow) (Punch) plays ...": the works are asides
        works = works_lists(ctx, text)
        for pattern in CAST_TABLE.candidates(text):
            for match in pattern.regex.finditer(text):
                if _inside(match, works) or INDEFINITE_BEFORE.search(text[:match.start("char")]):
                    continue  # "a Shaman (Lee El)": a description of the role, not its name
                if pattern is CAST_PATTERNS[-1] and NICKNAME_BEFORE.search(text[:match.start("char")]):
                    continue  # "Park Chang-yi, the Bad (Lee Byung-hun)": the nickname of a character named before
                person_text, character_text = match.group("person"), _with_rank(text, match)
                if pattern is CAST_PATTERNS[-1] and _starring_list_before(text[:match.start()]):
                    if re.match(r"\s+as\s", text[match.end():]):
                        continue  # "stars Cha Tae-hyun (My Sassy Girl) as Kim Ja-hong": the role comes after
                    person_text, character_text = character_text, person_text  # "starring A (X), B (Y)": actor first
                name = person_name(ctx, person_text) or (
                    foreign_name(ctx, person_text, character_text)
                    if pattern is CAST_PATTERNS[1] else None)
                character = character_name(ctx, character_text)
                if not name or not character:
                    continue
                desc = match.groupdict().get("desc")
                person = ctx.person(name, sentence=sentence)
                ctx.cast(person, ctx.character(character, description=desc.strip() if desc else None), sentence)
        for row in CAST_ROWS.candidates(text):
            for match in row.pattern.regex.finditer(text):
                if _inside(match, works) or (match.groupdict().get("char") and (
                        INDEFINITE_BEFORE.search(text[:match.start("char")])
                        or NICKNAME_BEFORE.search(text[:match.start("char")]))):
                    continue
                lead = match.groupdict().get("lead")
                if lead and person_name(ctx, lead.strip()) == lead.strip():
                    continue  # "Do Yeon-woo (Ha Jun, Crazy Love)": the actor comes first, then a work of theirs
                for person_text, character_text in row.pairs(match):
                    name = person_name(ctx, person_text) or (
                        None if _person_with_work(ctx, text, match, character_text or "") else
                        foreign_name(ctx, person_text, character_text or ""))
                    character = character_name(ctx, character_text or "")
                    if (name and row.names_no_character and name_key(name) == name_key(person_text)
                            and not ctx.names_character(person_text)):  # "the first (Yeon Soo)": a character
                        _cast_without_role(ctx, name, sentence)
                    elif name and character and name_key(name) == name_key(person_text):
                        ctx.cast(ctx.person(name, sentence=sentence), ctx.character(character), sentence)
        for match in SCENE_CAPTION.finditer(text):  # a photo caption: "Hwang Jung-min in a scene from “Veteran”"
            if not (ctx.title and name_key(match.group("work")) == name_key(ctx.title.name)):
                continue
            listed = CAPTION_PEOPLE.search(text[:match.end("person")])  # "(From left) A, B, C and D in a still from X"
            items = re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group("people")) if listed else [match.group("person")]
            names = [person_name(ctx, item.strip()) for item in items]
            if not all(name and name_key(name) == name_key(item.strip()) for name, item in zip(names, items)):
                names = [person_name(ctx, match.group("person"))]  # the list holds more than names: its last one
            for name in filter(None, names):
                _cast_without_role(ctx, name, sentence)
        for match in NAMED_DESC.finditer(text):
            character = character_name(ctx, match.group(2))
            if character:
                ctx.character(character, description=match.group(1))
        for match in FRIEND_DESC.finditer(text):
            character = character_name(ctx, match.group(2))
            if character:
                ctx.character(character, description=match.group(1))


# "written by A, B, and C": the names a credit lists after its first, up to the closing "and C"
CREW_LIST_TAIL = cued(rf"((?:,\s*{NAME})+),?\s+and\s+({NAME})(?!\s+(?:star|stars|starred|starring|play|plays|"
                            rf"played|lead|leads|led|are|were|is|was)\b)")


RANK_AND_NAME = cued(r"\.\s+(?P<name>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})")
RANKS = {"capt", "det", "lt", "sgt", "col", "gen", "insp", "dr", "mr", "mrs", "ms", "prof"}


def _with_rank(text: str, match: re.Match[str]) -> str:
    """The character slot of `match`, with the name after an abbreviated rank it stopped at:
    "stars as Capt. Ko" names Capt. Ko, not Capt."""
    character = match.group("char")
    if character.lower() in RANKS:
        after = RANK_AND_NAME.match(text, match.end("char"))
        if after:
            return f"{character}. {after.group('name')}"
    return character


def _listed_after(ctx: Context, text: str, match: re.Match[str]) -> list[str]:
    """Whole names listed after a "by A" credit as ", B, and C"; none unless every one is a name."""
    if match.group(3):
        return []
    tail = CREW_LIST_TAIL.match(text, match.end(2))
    if not tail:
        return []
    written = [n.strip() for n in tail.group(1).split(",") if n.strip()] + [tail.group(2)]
    names = [person_name(ctx, n) for n in written]
    if not all(name and name_key(name) == name_key(n) for name, n in zip(names, written)):
        return []
    return names


def _cast_without_role(ctx: Context, name: str, sentence: Sentence) -> None:
    """Credit `name` as cast with no character, unless the page already casts them."""
    person = ctx.person(name, sentence=sentence)
    if person.value not in ctx.cast_people:
        ctx.cast(person, None, sentence)


# "Hwang Jung-min (The Unjust) (Dancing Queen)": brackets after a person, each holding one work
WORK_BRACKETS = cued(rf"(?<=[a-z])(?:\s*\([A-Z][^()]{{1,60}}\)){{2,}}")
_TITLE_SMALL = {"of", "the", "and", "in", "a", "an", "to", "for", "on", "with", "at", "from", "my", "is", "de", "del"}


def _person_with_work(ctx: Context, text: str, match: re.Match[str], inside_of: str) -> bool:
    """True when "Name (Words)" is a person and a work of theirs, not a character and a foreign actor:
    the name is a maker ("the film by Lee Chang-dong (Secret Sunshine)"), someone the review knows,
    or the subject of what follows ("Kim Soo-hyun (Covertly Grandly) He plays ...")."""
    name = clean(inside_of)
    if not is_korean_name(name):
        return False
    before, after = text[:match.start()], text[match.end():]
    return bool(ctx.known_person(name) is not None or re.search(r"\b(?:by|director|filmmaker|helmer)\s+$", before, re.I)
                or re.match(r"\s*(?:He|She|They)?\s*(?:plays|played|portrays|stars)\b", after))


# "starring Cho Byeong-kyu (So Moon), Yu Jun-sang (Ga Mo-tak), ": a cast list after its cue, each
# item an actor with the character in brackets
STARRING_ITEMS = cued(r"\b(?:starring|stars|featuring|cast|main cast)\s*:?\s*(?:[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,3}\s*"
                      r"\([^()]{1,40}\),?\s*(?:and\s+)?)*$")


def _starring_list_before(before: str) -> bool:
    """True when `before` ends inside a "starring A (X), B (Y)" list: what follows is an actor
    with the character in brackets, not a character with the actor."""
    return bool(STARRING_ITEMS.search(before))


def _works_blanked(ctx: Context, text: str) -> str:
    """`text` with runs of two brackets or more after a name blanked out (offsets kept) when every bracket
    holds a title-shaped work and no name, so "X (Work) (Work) plays Y" reads as "X plays Y"."""
    def blank(match: re.Match[str]) -> str:
        insides = re.findall(r"\(([^()]*)\)", match.group(0))
        shaped = all(all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in inside.split())
                     for inside in insides)
        named = any(korean_names(i) or ctx.known_person(i) is not None or ctx.find_character(i) is not None
                    for i in insides)
        return " " * len(match.group(0)) if shaped and not named else match.group(0)
    return WORK_BRACKETS.sub(blank, text)


CAPTION_PEOPLE = cued(rf"(?:^|(?i:\(from left\)|\(l-r\)|\bfrom left,?)\s*)(?P<people>{NAME}(?:,\s*{NAME})*,?\s+and\s+{NAME})$")
SCENE_CAPTION = cued(rf"(?P<person>{NAME})\s+in\s+a\s+(?:scene|still)\s+from\s+[“\"‘']?(?P<work>[^”\"’'/|.]{{2,80}}?)[”\"’']?"
                     rf"(?=\s*(?:/|\||\(|$|\.))")
CODE_NAME = cued(rf"The {ROLE_TITLE}")
HANGUL_NAME_PAREN = cued(r"(?<=[a-z])\s*(?:\([\uac00-\ud7a3]{2,4}\)|\[[\uac00-\ud7a3]{2,4}\])(?=\s+as\s)")
# "고아라 (Go Ah-Ra) as Sung Na-jung": the Hangul name first, its romanisation in brackets
HANGUL_THEN_LATIN = cued(r"(?<![\w\uac00-\ud7a3])[\uac00-\ud7a3]{2,4}\s*\((?P<latin>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})\)"
                         r"(?=\s+as\s)")
INDEFINITE_BEFORE = cued(r"\b(?:a|an)\s+$", re.I)
NICKNAME_BEFORE = cued(rf"(?<![\w-]){CHAR},\s+the\s+$")
PAREN_ITEM = rf"{NAME}\s*\([^()]{{1,60}}\)"
PAREN_LIST = cued(rf"{PAREN_ITEM}(?:(?:,\s*(?:and\s+)?|\s+and\s+){PAREN_ITEM})+")
PAREN_PART = cued(rf"({NAME})\s*\(([^()]{{1,60}})\)")


def works_lists(ctx: Context, text: str) -> list[tuple[int, int]]:
    """Spans of lists "A (B), C (D) and E (F)" where some parenthesis is neither a person nor a
    name ("Hyun Bin (Crash Landing on You), Park Seo-joon (Itaewon Class)"): the list gives people
    with their other works, so none of its parentheses is an actor and none of its names a character."""
    spans = []
    for match in PAREN_LIST.finditer(text):
        insides = [PLAYED_BY.sub("", m.group(2)).strip() for m in PAREN_PART.finditer(match.group(0))]
        if any(not _name_like(ctx, inside) and not _name_like(ctx, inside.split(",")[0]) for inside in insides):
            spans.append(match.span())  # "Doona (Bae Suzy, Start-Up)" is a role, then its actor and a work of theirs
    return spans


FULL_STOP_IN_BRACKET = cued(rf"\(({NAME})\.\)")
PLAYED_BY = cued(r"^\s*(?:(?:played|portrayed|voiced)\s+by|playing|plays|as)\s+", re.I)  # "(playing Cho Sam-dal)": a role


def _name_like(ctx: Context, text: str) -> bool:
    """A person, a Korean-shaped name or given name, or a character the page knows; a person may
    come with words on them ("the village's eldest, Kim Young-ok", "Jo Han-chul of Vincenzo",
    "a thrilling Kim Sung-oh")."""
    words = text.split()
    if len(words) > 3 and words[0].islower() and any(is_korean_name(" ".join(words[-n:])) for n in (2, 3)):
        return True  # "a thrilling Kim Sung Oh": described words, then a Korean full name
    for part in {text, re.split(r"['’]s\s+|,\s+", text)[-1], re.split(r"\s+(?:of|from|in)\s+", text)[0]}:
        name = person_name(ctx, part) or foreign_name(ctx, part)
        if ((name is not None and name_key(name) == name_key(part)) or is_korean_name(part)
                or is_korean_given_name(part) or ctx.find_character(part) is not None):
            return True
    return False


def _inside(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start() < end for start, end in spans)


def _multi_cast(ctx: Context, sentence: Sentence, text: str, groups: dict[str, list[str]]) -> None:
    """One actor in two roles, two actors in two roles, twins, and "starring A and B"."""
    pairs: list[tuple[str | None, str | None]] = []
    for match in PLAYS_BOTH.finditer(text):
        pairs += [(match.group("person"), match.group("c1")), (match.group("person"), match.group("c2"))]
    for match in RESPECTIVELY.finditer(text):
        pairs += [(match.group("p1"), match.group("c1")), (match.group("p2"), match.group("c2"))]
    for match in GROUP.finditer(text):
        members = [c for c in (character_name(ctx, match.group("c1")), character_name(ctx, match.group("c2"))) if c]
        groups["twins"] = groups["sisters"] = groups["brothers"] = members
        for member in members:
            ctx.character(member)
    for match in GROUP_BOTH.finditer(text):
        pairs += [(match.group("person"), member) for member in groups.get(match.group("group"), [])]
    for person_text, character_text in pairs:
        name = person_name(ctx, person_text or "")
        character = character_name(ctx, character_text or "")
        if name and character:
            ctx.cast(ctx.person(name, sentence=sentence), ctx.character(character), sentence)
    for match in STARRING.finditer(text):
        if _another_work_before(ctx, text[:match.start()]):
            continue  # "the 2014 drama “X” starring A and B": the cast of the work it names
        items = re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group(1))
        for number, item in enumerate(items):
            if " as " in item:  # "starring Jung So-min as Yoon Ji-ho, ..., Esom as Woo Soo-ji": a stage name's role
                actor, _, role = item.strip().partition(" as ")
                stage = None if person_name(ctx, actor) else _stage_name(ctx, actor, [i.partition(" as ")[0] for i in items])
                character = character_name(ctx, role) if stage else None
                if stage and character and stage == actor.strip():
                    ctx.cast(ctx.person(stage, sentence=sentence), ctx.character(character), sentence)
                continue
            name = person_name(ctx, item.strip()) or foreign_name(ctx, item.strip()) or _stage_name(ctx, item, items)
            ends = bool(name and number and re.match(rf"{re.escape(name)}\s+[a-z]", item.strip()))
            if ends:
                item = name  # "... and Kang Hye-jung ensure the momentum": the list's last name, then its verb
            if not name or name_key(name) != name_key(item.strip()):
                break  # "starring A and B, the series portrays ... C": the list ends at its first non-name
            if name and name_key(name) == name_key(item.strip()):
                person = ctx.person(name, sentence=sentence)
                if not any(type(c).__name__ == "CastCredit" and c.person == person for c in ctx.claims.values()):
                    ctx.cast(person, None, sentence)
            if ends:
                break


STAGE_NAME_SHAPE = re.compile(r"[A-Z][A-Za-z]{1,7}|[A-Z](?:\.[A-Z])+\.?")


def _stage_name(ctx: Context, item: str, items: list[str]) -> str | None:
    """"starring Yoona and Lee Junho": one capitalised word beside a Korean name in a starring list
    is a stage name (YoonA, IU, D.O.), unless it is a common opener, a platform or the title."""
    word, _, rest = item.strip().partition(" ")
    if rest and not re.match(r"[a-z]", rest):
        return None  # "YoonA in the lead roles": the list's last name, then its words
    if not STAGE_NAME_SHAPE.fullmatch(word) or word.lower() in STARTERS or ctx.lexicon.platform(word):
        return None
    if (ctx.title and name_key(word) == name_key(ctx.title.name)) or ctx.find_character(word):
        return None
    others = [other.strip() for other in items if other is not item]
    return word if any(is_korean_name(other) for other in others) else None


STARRING_CUE = cued(r"\b(?:starring|stars|featuring)\s*:?\s*$", re.I)
# What a clause names just before "starring": a quoted work ("the 2014 drama “X”") or a remake ("remade as X")
WORK_BEFORE = cued(r"[“\"](?P<quoted>[^”\"]{2,80})[”\"][^.;“\"]{0,12}$|\b(?:remade|remake)\b[^.;]*?\bas\s+"
                   r"(?P<remake>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,4})\b[^.;]*$")


def _another_work_before(ctx: Context, before: str) -> bool:
    """True when the words before "starring" name a work that is not the reviewed title."""
    match = WORK_BEFORE.search(before)
    if match is None or ctx.title is None:
        return False
    work = match.group("quoted") or match.group("remake")
    return name_key(work.strip(" ,.")) != name_key(ctx.title.name)


CLAUSE_OPENERS = {"how", "why", "what", "when", "where", "while", "then", "and", "but", "as", "after", "before",
                  "meanwhile", "later", "now", "here", "there", "even", "also", "until", "once", "since", "because"}


def character_name(ctx: Context, text: str) -> str | None:
    """The character a pattern's character slot names, less a role before the name ("Attorney
    Jung Myung-seok" is Jung Myung-seok); None for a pronoun, a description, a person or the title."""
    text = strip_role(text.strip().strip(",."))[0]
    if text.endswith("'s"):  # "Seo-yeon's mother": a description, not the character
        return None
    words = text.split()
    while len(words) > 1 and words[0].lower() in CLAUSE_OPENERS:
        words = words[1:]  # "How Park Sae-ro-yi (Park Seo-joon) survives": the sentence's first word is no part
    name = " ".join(words)
    if CODE_NAME.fullmatch(name):
        return name  # "The Professor (Yoo Ji-tae)": a role the story uses as the character's name
    if not words or words[0].lower() in NOT_CHARACTERS or ctx.lexicon.platform(name):
        return None
    if ctx.known_person(name) is not None:
        return None
    if ctx.title and name_key(name) == name_key(ctx.title.name):
        return None
    return name


def overview_cast(ctx: Context, cast: list[tuple[Iri, str | None, Sentence]]) -> None:
    """Cast-list credits: joined to the character when known, else credited without one."""
    by_person: dict[Iri, list] = {}
    for claim in ctx.claims.values():
        if type(claim).__name__ == "CastCredit":
            by_person.setdefault(claim.person, []).append(claim)
    for person, character, sentence in cast:
        if character:
            by_person.setdefault(person, []).append(ctx.cast(person, ctx.character(character), sentence))
            continue
        credits = by_person.get(person)
        if credits:
            for credit in credits:
                ctx.add_evidence(credit, sentence)
        else:
            by_person[person] = [ctx.cast(person, None, sentence)]


# A list of people is a cast list when a cast word introduces it or a cast verb follows it:
# "the perfect cast of A, B and C", "actors A, B and C pose", "with A, B and C in the cast", "A, B, C lead ..."
LIST_CUE_BEFORE = cued(r"\b(?:cast(?:\s+(?:of|includes|including|members?))?|actors?|actresses|co-stars?|"
                             r"starring|stars?|featuring|features|ensemble(?:\s+of)?|alongside|"
                             r"line-?up[’'\"]?(?:\s+(?:of|including|featuring))?)\s*:?\s*$|"
                             r"^\s*(?:[-•*·▪►♥]\s*)?with\s*:?\s*$", re.I)  # a listing's credit line: "With A, B, C."
LIST_CUE_AFTER = cued(r"^\s*,?\s*(?:(?:also\s+)?(?:lead|leads|led|star|stars|starred|headline|headlines|front|fronts|"
                            r"play|portray|appear|feature\s+in|featured\s+in)\b|(?:and\s+(?:several|many)\s+others\s+)?in\s+the\s+cast\b)", re.I)
WITH_CUE = cued(r"\bwith\s+$", re.I)
WITH_LIST_MIN = 3
# between two names of a list; a stage name in brackets may follow a name: "Kim Ji-yeon (Bona), Choi Hyun-wook"
LIST_GAP = cued(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s+|\s*&\s*)$")


def prose_cast_lists(ctx: Context) -> None:
    """Actors named in a list of two or more people that a cast word introduces or a cast verb
    follows; each is credited without a character, unless the review gives them one."""
    for sentence in prose_sentences(ctx):
        text = sentence_text(sentence)
        names = korean_names(text)
        groups: list[list[tuple[int, int, str]]] = []
        for span in names:
            if groups and LIST_GAP.match(text[groups[-1][-1][1]:span[0]]):
                groups[-1].append(span)
            else:
                groups.append([span])
        for group in groups:
            if len(group) < 2:
                continue
            start, end = group[0][0], group[-1][1]
            before = text[max(0, start - 40):start]
            if not (LIST_CUE_BEFORE.search(before) or LIST_CUE_AFTER.match(text[end:end + 60])
                    or (len(group) >= WITH_LIST_MIN and WITH_CUE.search(before)) or _mostly_cast(ctx, group)):
                continue  # "... back to 1994 with A, B, C and D": three or more full names after "with" are a cast
            cue = STARRING_CUE.search(text[:start])
            if cue and _another_work_before(ctx, text[:cue.start()]):
                continue  # "the 2014 drama “X” starring A and B": the cast of another work
            if re.match(r"\s+as\b", text[end:end + 4]):
                continue  # "A, B and C as ...": a phrasing of its own
            for _, _, name in group:
                person = ctx.person(name, sentence=sentence)
                if person.value not in ctx.cast_people and not ctx.has_crew(person):
                    ctx.cast(person, None, sentence)


KNOWN_MEMBERS = 2  # cast members a list of three names or more must hold to be a cast list with no cue


def _mostly_cast(ctx: Context, group: list[tuple[int, int, str]]) -> bool:
    """True for a list of three names or more of which two or more the page already casts: its
    other names are the cast too ("Byun Yo-han, Lee Byung-hun, Kim Tae-ri at the press conference")."""
    if len(group) < WITH_LIST_MIN:
        return False
    known = [ctx.known_person(name) for _, _, name in group]
    return sum(person is not None and person.value in ctx.cast_people for person in known) >= KNOWN_MEMBERS


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


def prose_sentences(ctx: Context) -> list[Sentence]:
    """The review's sentences less its fact box, hashtags and memorable lines."""
    return [s for s in ctx.doc.sentences
            if not s.section.lower().startswith(("overview", "hashtag", "memorable"))]
