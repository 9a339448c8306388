"""Other works a review ties to people: "the director's earlier films A and B", "X, who also
starred in Y", "X (known for Y)", "X, the star of Y", "from the writer of Y", "Park Seo-joon
(Itaewon Class)". Each becomes a kg:Mention of the other work with its people, and the credit
the phrase states on that work (starred -> cast, directed -> director, wrote -> writer; a
plain Credit when it names no job).

The phrasings are a table: a row names its pattern, whose `who` slot holds a person's name, or
whose `crew` slot refers to the reviewed title's own crew ("the director's"), or which has
neither and refers to the one person the sentence (or the one before) names ("his roles in");
whose `works` slot holds one work or a list ("A, B and C", quoted or italic titles too); and the
credit it states. Every row carries an example and the (work, people) it must yield; tests/test_related.py
runs each one. A work is never the reviewed title, a platform, a person or a character, and a
mention never lends a fact to the reviewed title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.context import Context, sentence_text
from kgraph.extract.facts import CastCredit, Credit, CrewCredit, Iri, Mention
from kgraph.extract.hangul_names import is_hangul_name
from kgraph.extract.patterns import is_korean_given_name, is_korean_name, korean_names
from kgraph.extract.people import NAME, _name_like, foreign_name, people_in, person_name, works_lists
from kgraph.extract.prefilter import CuedPattern, CuedTable, cued
from kgraph.names import clean, name_key
from kgraph.sources.document import Sentence
from kgraph.vocab import KG

# A capitalised word of a title; a full stop only inside ("12.12:") or after Mr/Dr ("Mr. Sunshine").
_TITLE_WORD = r"(?:(?:Mr|Mrs|Ms|Dr|St|Vol)\.|[A-Z0-9][\w'’!?&:-]*(?:\.[\w'’!?&:-]+)*)"
_SMALL = r"(?:of|the|in|a|an|on|to|for|with|at|from|is|are|my|your|you|me|we|be|no|not|or)"
# One unquoted title: capitalised words with small words between them ("Memories of Murder").
_BARE = rf"{_TITLE_WORD}(?:(?:\s{_SMALL})*\s{_TITLE_WORD})*"
_MARKED = r"“[^”]{1,60}”|\"[^\"]{1,60}\"|‘[^’]{1,60}’|'[^']{1,60}'|\*[^*]{1,60}\*|_[^_]{1,60}_"
WORK = rf"(?:{_MARKED}|{_BARE})(?:\s*\((?:19|20)\d\d\))?"
_SEP = r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|(?<=[,.][”\"’'])\s+)"  # “A,” “B”: the comma inside the quote
WORKS = rf"(?P<works>{WORK}(?:{_SEP}{WORK})*)"
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
               "created": "writer", "direct": "director", "write": "writer", "star": "cast", "appear": "cast"}
NOT_WORKS = {"he", "she", "it", "they", "his", "her", "their", "this", "that", "the", "a", "an", "korea",
             "south korea", "korean", "netflix", "seoul", "busan", "hollywood", "cannes", "i", "we", "you",
             "there", "here", "but", "and", "season", "episode", "part"}
DEMONYMS = {"korean", "japanese", "chinese", "american", "british", "english", "french", "hollywood", "asian",
            "european", "thai", "taiwanese", "indian"}
PLACES = {"japan", "china", "america", "the united states", "the us", "the u.s.", "europe", "asia", "london", "tokyo",
          "new york", "los angeles", "jeju", "incheon", "daegu", "gangnam"}


@dataclass(frozen=True)
class RelatedPhrasing:
    """One way a review ties people to another work, an example, and the (work, people) it yields."""

    name: str
    pattern: CuedPattern
    # "cast", "director", "writer"; or where the match says: "crew" (the reviewed title's crew, in
    # their job), "verb" ("starred", "directed"), "job" ("the director of"); None when unsaid
    credit: str | None
    example: str
    yields: tuple[tuple[str, tuple[str, ...]], ...]
    title: str = "A Title"  # the reviewed title of the example
    fields: str = ""  # fact-box lines the example needs ("Director: ..."), for "the director's"


def _row(name: str, pattern: str, credit: str | None, example: str,
         yields: tuple[tuple[str, tuple[str, ...]], ...], title: str = "A Title",
         fields: str = "") -> RelatedPhrasing:
    return RelatedPhrasing(name, cued(pattern), credit, example, yields, title, fields)


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
    _row("X, with megahits like A, B, and C; X, who has proved himself with shows like A",
         rf"(?<![\w-])(?P<who>{NAME}),\s+(?:who\s+(?:has\s+)?(?:[a-z][\w-]*\s+){{1,4}}?)?with\s+"
         rf"(?:[a-z][\w-]*\s+){{0,3}}?(?:like|such as|including)\s+{WORKS}",
         None,
         "The writer, Kim Eun-sook, with megahits like Guardian: The Lonely and Great God, and Mr. Sunshine, "
         "turns to revenge here.",
         (("Guardian: The Lonely and Great God", ("Kim Eun-sook",)), ("Mr. Sunshine", ("Kim Eun-sook",))),
         "The Glory"),
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
    _row("X's earlier films A and B; X's 2003 film A",
         rf"(?<![\w-])(?P<who>{NAME})['’]s\s+(?:(?:19|20)\d\d\s+)?(?:{_EARLIER}\s+)?(?:[a-z][\w-]*\s+)?(?:{_KINDS})\s+"
         rf"(?:(?:like|such as|including)\s+)?{WORKS}",
         None,
         "Park Chan-wook's earlier films Oldboy and Lady Vengeance were revenge stories too.",
         (("Oldboy", ("Park Chan-wook",)), ("Lady Vengeance", ("Park Chan-wook",))), "Decision to Leave"),
    _row("X went on to direct other classics like A and B",
         rf"(?<![\w-])(?P<who>{NAME})\s+(?:would\s+go|went|has\s+gone|goes)\s+on\s+to\s+"
         rf"(?P<verb>direct|write|star|appear)\s+(?:in\s+)?(?:other\s+)?(?:[a-z][\w-]*\s+)?{_LIKE}{WORKS}",
         "verb",
         "After Oldboy, Park Chan-wook went on to direct other films like Thirst (2009) and The Handmaiden (2016).",
         (("Thirst", ("Park Chan-wook",)), ("The Handmaiden", ("Park Chan-wook",))), "Oldboy"),
    _row("X's previous pictures (“A,” “B”)",
         rf"(?<![\w-])(?P<who>{NAME})['’]s\s+(?:{_EARLIER}\s+)(?:{_KINDS}|pictures?)\s+\({WORKS}\)",
         None,
         "Park Chan-wook's previous pictures (“Oldboy,” “Stoker”) kept their secrets longer.",
         (("Oldboy", ("Park Chan-wook",)), ("Stoker", ("Park Chan-wook",))), "The Handmaiden"),
    _row("X, most recently seen in the series Y",
         rf"(?<![\w-])(?P<who>{NAME}),?\s+(?:(?:most\s+)?recently|last|also|previously|best)\s+seen\s+in\s+"
         rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{WORKS}",
         "cast",
         "Jeon Do-yeon, most recently seen in the rom-com series “Crash Course in Romance”, plays a hired killer.",
         (("Crash Course in Romance", ("Jeon Do-yeon",)),), "Kill Boksoon"),
    _row("A from director X",
         rf"\b(?:{_KINDS}|comedy|romance|horror|mystery|blockbuster|classic)\s+{WORKS}\s+(?:from|by)\s+(?:the\s+)?"
         rf"(?:director|filmmaker)\s+(?P<who>{NAME})",
         "director",
         "Fans of the 2016 zombie thriller Train to Busan from director Yeon Sang-ho will find this darker.",
         (("Train to Busan", ("Yeon Sang-ho",)),), "Revelations"),
    _row("his roles in dramas like A and B (the person named just before)",
         rf"\b(?P<pronoun>his|her|their)\s+(?:(?:breakout|earlier|previous|past|lead(?:ing)?|acting|cameo)\s+)?"
         rf"(?:roles?|parts?|turns?|debut|performances?|appearances?)\s+(?:in|on)\s+(?:(?:the|various)\s+)?"
         rf"(?:(?:[a-z][\w-]*\s+){{0,2}}?(?:{_KINDS}|comedy|comedies)\s+)?(?:(?:like|such as|including)\s+)?{WORKS}",
         "cast",
         "Jung Hae-in plays the neighbour. He won fans with his roles in dramas like While You Were Sleeping and "
         "Prison Playbook.",
         (("While You Were Sleeping", ("Jung Hae-in",)), ("Prison Playbook", ("Jung Hae-in",))), "Love Next Door",
         "Cast: Jung Hae-in, Jung So-min"),
    _row("acting as a child in classic dramas like A, B and C (the one person of the sentence)",
         rf"\b(?:acting|starring|appearing|starred|appeared|acted|played)\b[^.;:]{{0,80}}?\bin\s+"
         rf"(?:[A-Za-z][\w-]*\s+){{0,4}}?(?:{_KINDS}|ones)\s+(?:like|such as|including)\s+{WORKS}",
         "cast",
         "Park Eun-bin has been acting since childhood and starred in dramas like Do You Like Brahms? and "
         "The King's Affection.",
         (("Do You Like Brahms?", ("Park Eun-bin",)), ("The King's Affection", ("Park Eun-bin",))),
         "Extraordinary Attorney Woo",
         "Cast: Park Eun-bin"),
    _row("I watched him in Y (a title with 'and' stays whole)",
         rf"\bwatched\s+(?P<pronoun>him|her|them)\s+in\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{WORKS}",
         "cast",
         "Yoon Park caught my eye after I watched him in Forecasting Love and Weather.",
         (("Forecasting Love and Weather", ("Yoon Park",)),), "Fan Letter, Please", "Cast: Yoon Park"),
)
# ---- composed shapes judged on later sets: a work named beside a maker's or an actor's job word
_NOT_A_WORK_WORD = (r"(?:Acclaimed|Famed|Veteran|Award-winning|Oscar-winning|Legendary|Renowned|Celebrated|Star|Hit|Music|"
                    r"Art|Casting|Action|Assistant|Executive|Martial|Production|Stunt|Film|Movie|Drama|Series|Cult|Genre|"
                    r"Korean|South|The|A|An|Its|His|Her|Their|This|That|First-time|Debut|Young|New|Famous|Director|Writer)")
_OPENING_WORD = r"(?:Then|When|But|And|So|Now|Here|There|While|After|Before|Also|Meanwhile|For|In|On|At|With|From|By|To|Of|As|If|Since|Like|Unlike)"
_UNMARKED_WORK = (rf"(?!{_NOT_A_WORK_WORD}\s+(?:director|writer|screenwriter|filmmaker|actor|actress)\b)(?!{_OPENING_WORD}\s)"
                  rf"(?<![\w-])(?:{_BARE})")  # "Then director X", "For director X": a sentence's opening word, no work
RELATED_PHRASINGS += (
    _row("Y director X: a work named before the job of its maker",
         rf"(?P<works>{_MARKED}|{_UNMARKED_WORK})\s+(?P<job>director|writer|screenwriter|filmmaker|creator)\s+(?P<who>{NAME})",
         "job",
         "Carter comes from The Villainess director Jung Byung-gil, and the latest from Secret Reunion director "
         "Jang Hoon is A Taxi Driver.",
         (("The Villainess", ("Jung Byung-gil",)), ("Secret Reunion", ("Jang Hoon",))), "Carter"),
    _row("A and B, whose credits include Y and Z",
         rf"(?<![\w-])(?:(?P<partner>{NAME})\s+and\s+)?(?P<who>{NAME}),\s+whose\s+(?:(?:previous|past|earlier|other|recent|"
         rf"many)\s+)?(?:credits|works|films|dramas|series|filmography|hits)\s+(?:include|includes|included|are|were)\s+{WORKS}",
         None,
         "Space Sweepers is the fourth feature from director Jo Sung-hee, whose previous credits include Phantom "
         "Detective and A Werewolf Boy.",
         (("Phantom Detective", ("Jo Sung-hee",)), ("A Werewolf Boy", ("Jo Sung-hee",))), "Space Sweepers"),
    _row("the 'Work' actor X",
         rf"(?P<works>{_MARKED})\s+(?:actor|actress|star)\s+(?P<who>{NAME})",
         "cast",
         "Oh Ji-soo (played by “Itaewon Class” actor Kim Dong-hee) is no model student.",
         (("Itaewon Class", ("Kim Dong-hee",)),), "Extracurricular"),
    _row("X of the series A and the film B; X from the shows A and B",
         rf"(?<![\w-])(?P<who>{NAME}),?\s+(?:of|from)\s+the\s+(?:[A-Z][\w+]*\s+)?(?:{_KINDS})\s+{WORKS}",
         "cast",
         "Heo Joon-ho of the Netflix series Kingdom and the film Mogadishu plays the boss, and Lee Sang-yi from the "
         "shows Youth of May and Hometown Cha-Cha-Cha is the friend.",
         (("Kingdom", ("Heo Joon-ho",)), ("Mogadishu", ("Heo Joon-ho",)), ("Youth of May", ("Lee Sang-yi",)),
          ("Hometown Cha-Cha-Cha", ("Lee Sang-yi",))), "Bloodhounds"),
)
RELATED_TABLE = CuedTable(RELATED_PHRASINGS, lambda row: row.pattern)
KIND_IN_LIST = re.compile(rf"(?<=[\w”\"’'*_])\s+and\s+the\s+(?:{_KINDS})\s+(?=[A-Z0-9“\"‘'*_])")
# Rows whose bare "A and B" is one title ("Forecasting Love and Weather"): nothing in the phrase
# says it names several works.
WHOLE_PAIRS = frozenset({"I watched him in Y (a title with 'and' stays whole)"})
_LEADING = re.compile(r"^(?:In|On|At|With|From|After|Like|And|But|Since|Unlike|Both|Even|Fans of)\s+(?=[A-Z0-9“\"‘'*_])")
_POSSESSIVE_PLATFORM = re.compile(r"^(?P<platform>[\w+ ]{2,20})['’]s\s+")
_YEAR = re.compile(r"\s*\((?:19|20)\d\d\)$")


def related_works(ctx: Context) -> None:
    """Mentions of other works with their people, from the table's phrasings and from
    parentheses after a person's name that hold works ("Park Seo-joon (Itaewon Class)")."""
    for sentence in ctx.doc.sentences:
        text = sentence_text(sentence)
        if not re.search(r"[A-Z\"“‘'*_]", text):
            continue
        # "the series Kingdom and the film Mogadishu": the second kind word blanked (offsets kept), one list of works
        text = KIND_IN_LIST.sub(lambda m: " and" + " " * (len(m.group(0)) - 4), text)
        for row in RELATED_TABLE.candidates(text):
            for match in row.pattern.regex.finditer(text):
                people, jobs = _people_and_jobs(ctx, row, match, sentence)
                if people:
                    ctx.related_spans.setdefault(sentence, []).append(match.span())
                    for work in split_works(match.group("works"), pairs=row.name not in WHOLE_PAIRS):
                        _mention(ctx, work, people, jobs, match.group(0), sentence)
        _parenthesised_works(ctx, text, sentence)
        _starring_in_another(ctx, text, sentence)


# "the 2014 drama “It’s Okay, That’s Love” starring A and B", "remade as The Uninvited, ... starring A and B"
OTHER_STARRING = cued(rf"(?:[“\"](?P<quoted>[^”\"]{{2,80}})[”\"]|\b(?:remade|remake)\b[^.;]*?\bas\s+(?P<remake>{_BARE}))"
                      rf"[^.;“\"]{{0,60}}?\bstarring\s+(?P<list>[^.;:()]+)")


def _starring_in_another(ctx: Context, text: str, sentence: Sentence) -> None:
    """The stars a review names for another work: each becomes that work's cast, never the reviewed title's."""
    for match in OTHER_STARRING.finditer(text):
        people = []
        for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("list").strip()):
            name = person_name(ctx, item.strip()) or foreign_name(ctx, item.strip())
            if not name or name_key(name) != name_key(item.strip()):
                break  # the list ends at its first word that is no name
            people.append(ctx.person(name, sentence=sentence))
        if people:
            work = (match.group("quoted") or match.group("remake")).strip(" ,.")
            _mention(ctx, work, people, ("cast",), match.group(0), sentence)


def _people_and_jobs(ctx: Context, row: RelatedPhrasing, match: re.Match[str],
                     sentence: Sentence) -> tuple[list[Iri], tuple[str, ...]]:
    """The people a match ties to its works, and the credit it states on them."""
    groups = match.groupdict()
    if row.credit != "crew" and "who" not in row.pattern.groupindex:  # "his roles in": who "his" is
        person = _referent(ctx, sentence, match.start())
        return ([person], (row.credit,)) if person is not None else ([], ())
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
    people = [ctx.person(name, sentence=sentence)]
    partner = _names(ctx, groups["partner"]) if groups.get("partner") else None
    if partner:  # "written by A and B, whose credits include ...": both
        people.insert(0, ctx.person(partner, sentence=sentence))
    return people, (job,) if job else ()


def split_works(text: str, pairs: bool = True) -> list[str]:
    """"A, B and C", "“A” and *B*" -> each work's name, marks, a trailing year and a leading
    preposition stripped; with `pairs` False a bare "A and B" without a comma stays one work."""
    items = re.findall(rf"{_MARKED}|[^,&]+", text)
    # "A and B" is two works, unless the list closes with ", and" (its items then keep their "and":
    # "Guardian: The Lonely and Great God, and Mr. Sunshine") or the row says the phrase names one
    whole = (not pairs and len(items) == 1) or bool(re.search(r",\s+and\s", text))
    out = []
    for item in items:
        item = _LEADING.sub("", item.strip())
        pieces = [item] if whole or re.fullmatch(_MARKED, item) else re.split(r"\s+and\s+", item)
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
    if re.match(r"(?:Episode|Season|Part|Chapter|Act|Volume|Vol\.)s?\b", name):
        return False  # "appeared in Episode 3": a part of a work, not another one
    if name.split()[-1].lower() in DEMONYMS or name.lower() in PLACES:
        return False  # "appeared in South Korean films", "starred in Japan"
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


PAREN_WORKS = cued(rf"(?<![\w-])(?P<who>{NAME})\s*\((?P<inside>[^()]{{2,80}})\)")
# "Oh Chun-jae (Jo Han-chul of Vincenzo)", "(Parasite's Song Kang-ho, who ...)": an actor and their other work
# "Hwang Jung-min (The Unjust) (Dancing Queen) (Ode To My Father)": two brackets or more, one work each
PAREN_RUN = cued(rf"(?<![\w-])(?P<who>{NAME})(?P<runs>(?:\s*\([^()]{{2,60}}\)){{2,}})")
# "(The Berlin File, 2013; The Unjust, 2010; Crying Fist, 2005)": a filmography with years
FILMOGRAPHY = re.compile(r"[^;()]{2,60},\s*(?:19|20)\d\d(?:;\s*[^;()]{2,60},\s*(?:19|20)\d\d)+")
PARTNER_BEFORE = cued(rf"(?P<who>{NAME})\s+and\s+$")
PAREN_ACTOR_OF = cued(rf"\((?P<who>{NAME})\s+(?:of|from)\s+{WORKS}\)")
PAREN_WORKS_ACTOR = cued(rf"\((?P<works>{WORK})['’]s\s+(?P<who>{NAME})(?=[),;])")
# "Doona (Bae Suzy, Start-Up)", "Park Seong-soon (Ra Mi-ran, Reply 1988)": a character, then its actor and their work
PAREN_ACTOR_WORKS = cued(rf"(?<![\w-])[A-Z][\w'-]*\s*\((?P<who>{NAME}),\s+(?!(?:19|20)\d\d\))(?P<works>{WORK}(?:{_SEP}{WORK})*)\)")


def _parenthesised_works(ctx: Context, text: str, sentence: Sentence) -> None:
    """"Hyun Bin (Crash Landing on You), Park Seo-joon (Itaewon Class)": in a list of people with
    parentheses where some parenthesis is no name, each parenthesis is the person's other work;
    alone, "Park Seo-joon (Itaewon Class)" is one only when the parenthesis is unmistakably a
    work (quoted or italic, with a year, a title the alias table knows, or several works)."""
    for pattern in (PAREN_ACTOR_OF, PAREN_WORKS_ACTOR, PAREN_ACTOR_WORKS):
        for match in pattern.finditer(text):
            name = _names(ctx, match.group("who"))
            works = split_works(match.group("works"))
            if name and all(map(_title_shaped, works)) and not any(_a_name(ctx, w) for w in works):
                person = ctx.person(name, sentence=sentence)
                ctx.related_spans.setdefault(sentence, []).append(match.span())
                for work in works:
                    _mention(ctx, work, [person], ("cast",), match.group(0), sentence)
    for match in PAREN_RUN.finditer(text):  # "Hwang Jung-min (The Unjust) (Dancing Queen)": a bracket a work
        name = _names(ctx, match.group("who"))
        works = [w.strip() for w in re.findall(r"\(([^()]{2,60})\)", match.group("runs"))]
        if name and all(map(_title_shaped, works)) and not any(_a_name(ctx, w) for w in works):
            person = ctx.person(name, sentence=sentence)
            ctx.related_spans.setdefault(sentence, []).append(match.span())
            for work in works:
                _mention(ctx, work, [person], (), match.group(0), sentence)
    in_lists = works_lists(ctx, text)
    for match in PAREN_WORKS.finditer(text):
        name = _names(ctx, match.group("who"))
        if not name:
            continue
        inside = match.group("inside").strip()
        if is_hangul_name(inside):
            continue  # "Ryu Jun-yeol (류준열)": the person's name in Hangul, never a work
        if re.match(r"(?i)(?:played|portrayed|voiced|as|aka|a\.k\.a|born|age|\d)", inside) or "known for" in inside:
            continue
        listed = any(start <= match.start() < end for start, end in in_lists)
        dated = FILMOGRAPHY.fullmatch(inside)  # "The Berlin File, 2013; The Unjust, 2010": works with their years
        works = ([re.sub(r",\s*(?:19|20)\d\d$", "", w).strip() for w in inside.split(";")] if dated
                 else split_works(re.sub(r",\s*(?:19|20)\d\d$", "", inside)))
        if not works or not all(map(_title_shaped, works)) or any(
                _a_name(ctx, w) if listed or dated else _name_like(ctx, w) and not _among_works(ctx, w, works)
                for w in works):
            continue
        if not (listed or dated or _unmistakably_works(ctx, inside, works) or _a_credited_persons_work(ctx, name, works)):
            continue
        people = [ctx.person(name, sentence=sentence)]
        partner = PARTNER_BEFORE.search(text[:match.start("who")])  # "Writer: A and B (their dramas)"
        if partner and (other := _names(ctx, partner.group("who"))) and is_korean_name(other):
            people.insert(0, ctx.person(other, sentence=sentence))
        ctx.related_spans.setdefault(sentence, []).append(match.span())
        for work in works:
            _mention(ctx, work, people, (), match.group(0), sentence)


def _among_works(ctx: Context, word: str, works: list[str]) -> bool:
    """"Hwayugi" in "(Hotel del Luna, Hwayugi, Master's Sun, ...)": a word that reads like a given name is
    a work too in a list of three works or more, half of them several words long, none a person's name."""
    if any(_a_name(ctx, w) or korean_names(w) for w in works):
        return False
    if len(works) >= 3 and 2 * sum(" " in w for w in works) >= len(works):
        return True
    # "(Take Off, 200 Pounds Beauty)": beside a work no name could be, a two-word item is a work too
    return len(works) >= 2 and any(re.match(r"\d", w) or len(w.split()) >= 3 for w in works if w != word)


_SMALL_WORDS = set(_SMALL.strip("(?:)").split("|")) | {"and", "&", "de", "del", "la", "le", "du", "des", "von", "van"}


def _title_shaped(text: str) -> bool:
    """Capitalised words with small words between ("Crash Landing on You"), no slash or
    possessive: "Carjacker/Kidnapper" or "Sa-eon's father" describe a role, not a work."""
    words = text.split()
    return "/" not in text and bool(words) and all(
        re.match(r"[A-Z0-9\uac00-\ud7a3]", w) or w in _SMALL_WORDS for w in words)


def _a_name(ctx: Context, text: str) -> bool:
    """A person or character of this page, or a Korean-shaped name ("Song Kang-ho", "Ok-ju")."""
    return (is_korean_name(text) or ("-" in text and is_korean_given_name(text))
            or ctx.known_person(text) is not None or ctx.find_character(text) is not None)


def _unmistakably_works(ctx: Context, inside: str, works: list[str]) -> bool:
    if re.fullmatch(rf"\s*(?:{_MARKED})(?:\s*,\s*(?:{_MARKED}))*\s*", inside):
        return True
    if len(works) == 1 and len(works[0].split()) >= 3 and re.search(r"\s(?:of|from|the|in|on|to)\s", works[0]):
        return True  # "Kim Soo-hyun (My Love from the Star)": a small word in lower case is no name's
    if re.search(r"\((?:19|20)\d\d\)|,\s*(?:19|20)\d\d$", inside) or len(works) >= 2:
        return all(re.match(r"[A-Z0-9“\"‘'*_]", w) for w in works)
    return all(ctx.resolver.table.candidates("title", w) for w in works)


def _a_credited_persons_work(ctx: Context, name: str, works: list[str]) -> bool:
    """"Seo Hyun-jin (You Are My Spring)", "Kim Kang-hoon (Mr. Queen)": one bracket of two words or more after
    someone this page credits on the reviewed title, reading as a title and as no name, role or place."""
    person = ctx.known_person(name)
    if person is None or len(works) != 1 or len(works[0].split()) < 2:
        return False
    if not any(isinstance(c, (CastCredit, CrewCredit)) and c.title == ctx.title_iri and c.person == person
               for c in ctx.claims.values()):
        return False
    work = works[0]
    return (not _a_name(ctx, work) and not korean_names(work) and plausible_work(ctx, work)
            and not re.search(r"\b(?:Photo|Image|Credit|Courtesy|Source|Left|Right|Center|Centre|Top|Bottom|"
                              r"Episode|Ep|Season|Cameo|Special|Guest|Voice|Young|Child|Adult|Teen)\b", work))


def _referent(ctx: Context, sentence: Sentence, before: int) -> Iri | None:
    """Who "his"/"her"/"him" is: the one person this sentence names (met before, or a Korean-shaped
    full name written before the phrase, which starts at `before`), or else the one person the nearest earlier sentence of its section names (looking
    back at most three); None when unclear."""
    index = ctx.sentence_index.get(sentence)
    if index is None:
        return None
    for back in range(index, max(-1, index - 4), -1):
        earlier = ctx.sentences[back]
        if earlier.section != sentence.section:
            return None
        people = set(people_in(ctx, earlier))
        text = sentence_text(earlier)[:before] if earlier is sentence else sentence_text(earlier)
        unknown = {name for _, _, name in korean_names(text) if ctx.known_person(name) is None}
        if len(people) + len(unknown) == 1:
            return people.pop() if people else ctx.person(unknown.pop(), sentence=earlier)
        if people or unknown:
            return None
    return None


def crew_of(ctx: Context, job: str) -> list[Iri]:
    """The reviewed title's people credited with `job` so far ("director", "writer")."""
    return [c.person for c in ctx.claims.values()
            if isinstance(c, CrewCredit) and c.title == ctx.title_iri and c.job is not None
            and re.split(r"[/#]", c.job.value)[-1] == job]


def _names(ctx: Context, text: str) -> str | None:
    """The person a `who` slot ends with ("Director Mo Wan-il" -> "Mo Wan-il"), or the one crew
    member of the reviewed title a bare family name denotes; None when the slot names no one."""
    slot = name_key(re.sub(r"['’]s$", "", text.strip()))
    if slot and "-" not in slot and " " not in slot:  # one bare word: a family name alone
        crew = {ctx.people[p.value].name for job in ("director", "writer") for p in crew_of(ctx, job)}
        family = [n for n in crew if name_key(n.split(" ")[0]) == slot]
        if len(family) == 1:
            return family[0]  # "Park would go on to direct": the title's director Park, not the actor Park
    name = person_name(ctx, text)
    if name and slot.endswith(name_key(name)):
        return name
    return None
