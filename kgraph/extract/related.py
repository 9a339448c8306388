"""Other works a review ties to people: "the director's earlier films A and B", "X, who also
starred in Y", "X (known for Y)", "X, the star of Y", "from the writer of Y", "Park Seo-joon
(Itaewon Class)". Each becomes a kg:Mention of the other work with its people, and the credit
the phrase states on that work (starred -> cast, directed -> director, wrote -> writer; a
plain Credit when it names no job).

The phrasings are a table: a row names its pattern, whose `who` slot holds a person's name or
whose `crew` slot refers to the reviewed title's own crew ("the director's"), whose `works`
slot holds one work or a list ("A, B and C", quoted or italic titles too), and the credit it
states. Every row carries an example and the (work, people) it must yield; tests/test_related.py
runs each one. A work is never the reviewed title, a platform, a person or a character, and a
mention never lends a fact to the reviewed title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.context import Context, sentence_text
from kgraph.extract.facts import CastCredit, Credit, CrewCredit, Iri, Mention
from kgraph.extract.patterns import is_korean_given_name, is_korean_name
from kgraph.extract.people import NAME, _name_like, person_name, works_lists
from kgraph.names import clean, name_key
from kgraph.sources.document import Sentence
from kgraph.vocab import KG

_TITLE_WORD = r"[A-Z0-9][\w'’!?.&:-]*"
_SMALL = r"(?:of|the|in|a|an|on|to|for|with|at|from|is|are|my|your|you|me|we|be|no|not|or)"
# One unquoted title: capitalised words with small words between them ("Memories of Murder").
_BARE = rf"{_TITLE_WORD}(?:(?:\s{_SMALL})*\s{_TITLE_WORD})*"
_MARKED = r"“[^”]{1,60}”|\"[^\"]{1,60}\"|‘[^’]{1,60}’|'[^']{1,60}'|\*[^*]{1,60}\*|_[^_]{1,60}_"
WORK = rf"(?:{_MARKED}|{_BARE})(?:\s*\((?:19|20)\d\d\))?"
WORKS = rf"(?P<works>{WORK}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){WORK})*)"
_KINDS = r"(?:films?|movies?|features?|dramas?|series|shows?|works?|projects?|titles?|thrillers?|hits?|k-dramas?)"
_LIKE = rf"(?:(?:{_KINDS}\s+)?(?:like|such as|including)\s+|{_KINDS}\s+)?"
_CREW = r"(?P<crew>director|filmmaker|writer|screenwriter|writer-director|director-writer|creator|showrunner|PD)"
_EARLIER = r"(?:earlier|previous|past|prior|last|other|former|acclaimed|hit)"
_ALSO = r"(?:(?:also|previously|once|earlier|recently|famously)\s+)?"
# Crew words -> the jobs of the reviewed title they refer to.
CREW_JOBS = {"director": ("director",), "filmmaker": ("director",), "pd": ("director",),
             "writer": ("writer",), "screenwriter": ("writer",), "creator": ("writer",), "showrunner": ("writer",),
             "writer-director": ("director", "writer"), "director-writer": ("director", "writer")}
# What the phrase says the person did on the other work: "cast", a crew job, or None (unsaid).
VERB_CREDIT = {"starred": "cast", "appeared": "cast", "featured": "cast", "acted": "cast", "played": "cast",
               "directed": "director", "helmed": "director", "wrote": "writer", "penned": "writer",
               "created": "writer"}
NOT_WORKS = {"he", "she", "it", "they", "his", "her", "their", "this", "that", "the", "a", "an", "korea",
             "south korea", "korean", "netflix", "seoul", "busan", "hollywood", "cannes", "i", "we", "you",
             "there", "here", "but", "and", "season", "episode", "part"}


@dataclass(frozen=True)
class RelatedPhrasing:
    """One way a review ties people to another work, an example, and the (work, people) it yields."""

    name: str
    pattern: re.Pattern[str]
    credit: str | None  # "cast", "director", "writer"; None when the phrase names no job
    example: str
    yields: tuple[tuple[str, tuple[str, ...]], ...]
    title: str = "A Title"  # the reviewed title of the example
    fields: str = ""  # fact-box lines the example needs ("Director: ..."), for "the director's"


def _row(name: str, pattern: str, credit: str | None, example: str,
         yields: tuple[tuple[str, tuple[str, ...]], ...], title: str = "A Title",
         fields: str = "") -> RelatedPhrasing:
    return RelatedPhrasing(name, re.compile(pattern), credit, example, yields, title, fields)


RELATED_PHRASINGS: tuple[RelatedPhrasing, ...] = (
    _row("the director's earlier films A and B",
         rf"\b(?i:the|its|this\s+(?:film|series|drama)['’]s)\s+(?i:{_CREW})['’]s\s+(?:{_EARLIER}\s+)?"
         rf"(?:(?:{_KINDS})\s+)(?:(?:like|such as|including)\s+)?{WORKS}",
         "crew",
         "Decision to Leave is a long way from the director's earlier films Oldboy and The Handmaiden.",
         (("Oldboy", ("Park Chan-wook",)), ("The Handmaiden", ("Park Chan-wook",))),
         "Decision to Leave", "Director: Park Chan-wook"),
    _row("from the writer of Y",
         rf"\b(?i:from|by)\s+the\s+(?:same\s+)?(?i:{_CREW})s?\s+(?:of|behind)\s+(?:the\s+(?:hit\s+)?{_KINDS}\s+)?{WORKS}",
         "crew",
         "The Glory comes from the writer of Descendants of the Sun and Goblin.",
         (("Descendants of the Sun", ("Kim Eun-sook",)), ("Goblin", ("Kim Eun-sook",))),
         "The Glory", "Writer: Kim Eun-sook"),
    _row("X, who also starred in Y",
         rf"(?<![\w-])(?P<who>{NAME}),?\s+(?:who|that)\s+(?:has\s+|had\s+)?{_ALSO}"
         rf"(?P<verb>starred|appeared|featured|acted|directed|helmed|wrote|penned|created)\s+"
         rf"(?:(?:in|on)\s+)?{_LIKE}{WORKS}",
         "verb",
         "Song Kang-ho, who also starred in Parasite and The Host, plays a laundry owner in Broker.",
         (("Parasite", ("Song Kang-ho",)), ("The Host", ("Song Kang-ho",))), "Broker"),
    _row("X (known for Y); X, best known for Y; X, known for her roles in Y",
         rf"(?<![\w-])(?P<who>{NAME})(?:,\s*|\s*\(|\s+[-–—]+\s*|\s+)(?:who\s+is\s+|is\s+)?(?:(?:best|well|widely|also)[\s-])?"
         rf"(?:known|famous|recognized|remembered)\s+for\s+(?:(?:his|her|their)\s+(?:roles?|turns?|work|parts?)\s+in\s+)?"
         rf"{_LIKE}{WORKS}",
         None,
         "Directed by Mo Wan-il, best known for The World of the Married, the series unfolds at a holiday rental in the woods.",
         (("The World of the Married", ("Mo Wan-il",)),), "The Frog"),
    _row("X, the star of Y",
         rf"(?<![\w-])(?P<who>{NAME}),\s+(?:the\s+)?(?:(?:lead|leading)\s+)?(?:star|lead|actor|actress)\s+of\s+{WORKS}",
         "cast",
         "Kim Woo-bin, the star of The Heirs, kicks his way through Officer Black Belt.",
         (("The Heirs", ("Kim Woo-bin",)),), "Officer Black Belt"),
    _row("X, the director of A and B",
         rf"(?<![\w-])(?P<who>{NAME}),\s+(?:the\s+)?(?P<job>director|writer|screenwriter|creator|filmmaker)\s+"
         rf"(?:of|behind)\s+{WORKS}",
         "job",
         "Bong Joon-ho, the director of Memories of Murder and Mother, made The Host in 2006.",
         (("Memories of Murder", ("Bong Joon-ho",)), ("Mother", ("Bong Joon-ho",))), "The Host"),
    _row("X's earlier films A and B",
         rf"(?<![\w-])(?P<who>{NAME})['’]s\s+(?:{_EARLIER}\s+)(?:{_KINDS})\s+(?:(?:like|such as|including)\s+)?{WORKS}",
         None,
         "Park Chan-wook's earlier films Oldboy and Lady Vengeance were revenge stories too.",
         (("Oldboy", ("Park Chan-wook",)), ("Lady Vengeance", ("Park Chan-wook",))), "Decision to Leave"),
)
_POSSESSIVE_PLATFORM = re.compile(r"^(?P<platform>[\w+ ]{2,20})['’]s\s+")
_YEAR = re.compile(r"\s*\((?:19|20)\d\d\)$")


def related_works(ctx: Context) -> None:
    """Mentions of other works with their people, from the table's phrasings and from
    parentheses after a person's name that hold works ("Park Seo-joon (Itaewon Class)")."""
    for sentence in ctx.doc.sentences:
        text = sentence_text(sentence)
        if not re.search(r"[A-Z\"“‘'*_]", text):
            continue
        for row in RELATED_PHRASINGS:
            for match in row.pattern.finditer(text):
                people, jobs = _people_and_jobs(ctx, row, match, sentence)
                if people:
                    ctx.related_spans.setdefault(sentence, []).append(match.span())
                    for work in split_works(match.group("works")):
                        _mention(ctx, work, people, jobs, match.group(0), sentence)
        _parenthesised_works(ctx, text, sentence)


def _people_and_jobs(ctx: Context, row: RelatedPhrasing, match: re.Match[str],
                     sentence: Sentence) -> tuple[list[Iri], tuple[str, ...]]:
    """The people a match ties to its works, and the credit it states on them."""
    groups = match.groupdict()
    if row.credit == "crew":
        jobs = CREW_JOBS[groups["crew"].lower()]
        people = [p for job in jobs for p in crew_of(ctx, job)]
        return list(dict.fromkeys(people)), jobs
    name = _names(ctx, groups["who"])
    if not name:
        return [], ()
    if row.credit == "verb":
        job = VERB_CREDIT[groups["verb"].lower()]
    elif row.credit == "job":
        job = {"filmmaker": "director", "screenwriter": "writer", "creator": "writer"}.get(
            groups["job"].lower(), groups["job"].lower())
    else:
        job = row.credit
    return [ctx.person(name, sentence=sentence)], (job,) if job else ()


def split_works(text: str) -> list[str]:
    """"A, B and C", "“A” and *B*" -> each work's name, marks and a trailing year stripped."""
    items = re.findall(rf"{_MARKED}|[^,&]+", text)
    out = []
    for item in items:
        item = item.strip()
        pieces = [item] if re.fullmatch(_MARKED, item) else re.split(r"\s+and\s+", item)
        for piece in pieces:
            piece = re.sub(r"^and\s+", "", piece.strip())
            piece = _YEAR.sub("", piece).strip(" ,.;:")
            piece = piece.strip("“”\"‘’'*_").strip(" ,.;:")
            if piece:
                out.append(piece)
    return out


def plausible_work(ctx: Context, name: str) -> bool:
    """A name that can be another work: not the reviewed title, a platform, a person, a
    character, a place or a pronoun."""
    key = name_key(name)
    if not key or name.lower() in NOT_WORKS or not re.match(r"[A-Z0-9\uac00-\ud7a3]", name):
        return False
    if ctx.title is not None and key in {name_key(n) for n in (ctx.title.name, *ctx.title.spellings)}:
        return False
    if ctx.lexicon.platform(name) or ctx.find_character(name) is not None:
        return False
    if is_korean_name(name) or ctx.known_person(name) is not None:
        return False
    return not re.search(r"\b(?:Awards?|Festival|Prize)\b", name)


def _mention(ctx: Context, work: str, people: list[Iri], jobs: tuple[str, ...], cue: str,
             sentence: Sentence) -> None:
    platform = _POSSESSIVE_PLATFORM.match(work)
    if platform and ctx.lexicon.platform(platform.group("platform")):
        work = work[platform.end():]  # "Netflix's Kingdom": the work is Kingdom
    if not plausible_work(ctx, work):
        return
    work_iri = ctx.other_title(work)
    if ctx.title is not None and work_iri.value == ctx.title.iri:
        return
    ctx.claim(Mention(title=ctx.title_iri, work=work_iri, people=people, description=clean(cue),
                      evidence=[sentence]))
    for person in people:
        credit_on(ctx, work_iri, person, jobs, sentence)


def credit_on(ctx: Context, work: Iri, person: Iri, jobs: tuple[str, ...], sentence: Sentence) -> None:
    """The person's credit on another work: cast, a crew job, or a plain Credit when unsaid."""
    if not jobs:
        ctx.claim(Credit(title=work, person=person, evidence=[sentence]))
    for job in jobs:
        if job == "cast":
            ctx.claim(CastCredit(title=work, person=person, evidence=[sentence]))
        else:
            concept = ctx.concept(job, KG.JobScheme, ctx.lexicon.job(job), "job")
            ctx.claim(CrewCredit(title=work, person=person, job=concept, evidence=[sentence]))


PAREN_WORKS = re.compile(rf"(?<![\w-])(?P<who>{NAME})\s*\((?P<inside>[^()]{{2,80}})\)")


def _parenthesised_works(ctx: Context, text: str, sentence: Sentence) -> None:
    """"Hyun Bin (Crash Landing on You), Park Seo-joon (Itaewon Class)": in a list of people with
    parentheses where some parenthesis is no name, each parenthesis is the person's other work;
    alone, "Park Seo-joon (Itaewon Class)" is one only when the parenthesis is unmistakably a
    work (quoted or italic, with a year, a title the alias table knows, or several works)."""
    in_lists = works_lists(ctx, text)
    for match in PAREN_WORKS.finditer(text):
        name = _names(ctx, match.group("who"))
        if not name:
            continue
        inside = match.group("inside").strip()
        if re.match(r"(?i)(?:played|portrayed|voiced|as|aka|a\.k\.a|born|age|\d)", inside) or "known for" in inside:
            continue
        listed = any(start <= match.start() < end for start, end in in_lists)
        works = split_works(re.sub(r",\s*(?:19|20)\d\d$", "", inside))
        if not works or any(_a_name(ctx, w) if listed else _name_like(ctx, w) for w in works):
            continue
        if not (listed or _unmistakably_works(ctx, inside, works)):
            continue
        person = ctx.person(name, sentence=sentence)
        ctx.related_spans.setdefault(sentence, []).append(match.span())
        for work in works:
            _mention(ctx, work, [person], (), match.group(0), sentence)


def _a_name(ctx: Context, text: str) -> bool:
    """A person or character of this page, or a Korean-shaped name ("Song Kang-ho", "Ok-ju")."""
    return (is_korean_name(text) or ("-" in text and is_korean_given_name(text))
            or ctx.known_person(text) is not None or ctx.find_character(text) is not None)


def _unmistakably_works(ctx: Context, inside: str, works: list[str]) -> bool:
    if re.fullmatch(rf"\s*(?:{_MARKED})(?:\s*,\s*(?:{_MARKED}))*\s*", inside):
        return True
    if re.search(r"\((?:19|20)\d\d\)|,\s*(?:19|20)\d\d$", inside) or len(works) >= 2:
        return all(re.match(r"[A-Z0-9“\"‘'*_]", w) for w in works)
    return all(ctx.resolver.table.candidates("title", w) for w in works)


def crew_of(ctx: Context, job: str) -> list[Iri]:
    """The reviewed title's people credited with `job` so far ("director", "writer")."""
    return [c.person for c in ctx.claims.values()
            if isinstance(c, CrewCredit) and c.title == ctx.title_iri and c.job is not None
            and re.split(r"[/#]", c.job.value)[-1] == job]


def _names(ctx: Context, text: str) -> str | None:
    """The person a `who` slot ends with ("Director Mo Wan-il" -> "Mo Wan-il"); None when the
    slot does not end with a person's name."""
    name = person_name(ctx, text)
    slot = name_key(re.sub(r"['’]s$", "", text.strip()))
    return name if name and slot.endswith(name_key(name)) else None
