"""Dated facts: award nominations, releases, production periods and viewership records."""
from __future__ import annotations

import datetime as dt
import re

from kgraph.extract import values
from kgraph.extract.card_lines import page_lines
from kgraph.extract.context import Context, sentence_text
from kgraph.extract.facts import CastCredit, Iri, Nomination, ProductionPeriod, Release, Viewership, YearMonth
from kgraph.extract.overview import Field
from kgraph.extract.patterns import (
    NUMBER_WORDS, find_date_ranges, find_dates, month_number, parse_quantity,
)
from kgraph.extract.people import crew, person_name
from kgraph.names import clean
from kgraph.sources.document import Sentence
from kgraph.vocab import KG
from kgraph.extract.prefilter import cued

CEREMONY = cued(
    r"((?:the\s+)?(?:\d{4}\s+|\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w'.-]*\s+){1,5}?"
    r"(?:Awards|Festival|Prizes|Film Festival|Association|Society|Academy|Critics Circle))\b(?:\s+in\s+(\d{4}))?")
_CAT_WORD = r"(?:[A-Z][\w-]*|in|of|a|an|for|and|&)"
CATEGORY = cued(
    rf"\b(Best\s+{_CAT_WORD}(?:\s+{_CAT_WORD}(?=\s|$|[,.()]))*(?:\s+[–-]\s+(?:TV|Film|Television|Movie|Drama))?"
    r"|Grand Prize(?:\s*\(Daesang\))?|Daesang|Grand Prix(?![\w-])"
    r"|(?<=the\s)(?:(?:[A-Z][\w'-]*\s+){1,3}Award|(?:[A-Z][\w'-]*\s+){2,3}Prize)(?!s)(?:,\s+(?:Actor|Actress)(?:\s+in\s+(?:a\s+)?[A-Z][\w-]*"
    r"(?:\s[A-Z][\w-]*)?)?)?"
    r"|(?:(?<=,\s)|(?<=and\s))Most\s+(?:[A-Z][\w'-]*\s+){1,2}(?=[Aa]ward\b)"  # "Best Editing and Most Popular Film award"
    r"|(?:(?<=[Ww]on\s)|(?<=including\s)|(?<=,\s)|(?<=and\s))best\s+(?:picture|film|director|actor|actress|supporting actor|supporting actress|"
    r"new actor|new actress|new director|screenplay|music|cinematography|drama))"
    r"(?:\s*\(([^)]+)\))?")
# A win the sentence tells of another work or time: "seven years after he won Best New Director"
PAST_OTHER = cued(r"\b(?:after|before|since|when)\s+(?:he|she|they|it|the director)\s+(?:had\s+)?(?:won|was nominated)"
                        r"|\b(?:had|previously|once)\s+won\b|\bhis\s+(?:earlier|previous)\b", re.I)
# "the zombie movie Train to Busan, for which he is nominated for Best Actor": another work's nomination
FOR_WHICH = cued(r"([A-Z][\w'’:-]*(?:\s+(?:[A-Z][\w'’:-]*|to|of|the|in|on|and|a)){0,5})[”\"'’]?,\s+for\s+which\b")
OTHER_WORK = cued(r"^\s*(?:went to\s+.{0,60}?\s+)?(?:of|for)\s+[“\"']([^”\"']{1,60})[”\"']")
FOR_PERSON = cued(r"^\s+(?:went\s+)?(?:for|to|(?:bagged|won|taken|claimed|scooped)\s+by)\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})")
# "Lee Se-young and Ji Sung received acting nominations": nominated people, no category
ACTING_NOMINATIONS = cued(
    r"(?P<people>(?:[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})(?:\s*,\s*[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})*"
    r"\s+and\s+[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})\s+(?:received|earned|got|picked up)\s+(?:\w+\s+)?"
    r"(?:acting\s+)?(?:nominations|nods)\b")
LINKS_TO_CEREMONY = cued(r"^\s*(?:at|from|by|of|in)\s+(?:the\s+)?(?:\d{4}\s+|\d+(?:st|nd|rd|th)\s+)?$")
WON = cued(r"\b(won|wins|winning|took home|takes home|taking home|claimed|bagged|scooped|received the|receiving the|"
                 r"picked up|triumphed|secured|trophies)\b", re.I)
# "although it was not nominated", "failed to earn a nomination", "the South Korean entry for Best X": no nomination
NOT_NOMINATED = cued(r"\b(?:not|never|wasn't|weren't|isn't|failed to (?:be|get|earn|receive)|missed out on)\s+"
                           r"(?:\w+\s+)?(?:nominat\w*|a nomination|a nod)\b", re.I)
SUBMITTED = cued(r"\b(?:entry|submission|submitted|selected|chosen|put forward)\s+(?:\w+\s+){0,2}(?:for|as)\s+(?:the\s+)?$",
                       re.I)
NOMINATED = cued(r"\b(nominat\w*|nods?|shortlist\w*|contender|up for)\b", re.I)
CATEGORY_JOBS = (
    ("music", "composer"), ("score", "composer"), ("art direction", "art director"),
    ("production design", "production designer"), ("cinematography", "cinematographer"),
    ("editing", "editor"), ("screenplay", "writer"), ("director", "director"),
)
ACTING = cued(r"\b(actor|actress|performer|acting|couple)\b", re.I)


WORK_CATEGORY = cued(r"^best\s+(?:(?:feature|foreign|korean|international|tv|mini-?)\s*)?"
                           r"(?:picture|film|drama|series|movie|work|program(?:me)?)\s*$|^grand prix\s*$", re.I)


def nominations(ctx: Context) -> None:
    """Award nominations and wins: "earned Blue Dragon Film Awards nominations for Best Music (GRAY)
    and Best Art Direction (...)", "won four: the Grand Prize (Daesang) for A, ...", "A was nominated
    for Best X and B for Best Y"; a sentence naming no ceremony takes the last one its section named."""
    carried: tuple[str, tuple[str, int | None]] | None = None  # (section, ceremony) of the last sentence
    for sentence in ctx.sentences:
        text = sentence_text(sentence)
        found = [(m.start(), m.end(), _ceremony_name(m.group(1), m.group(2))) for m in CEREMONY.finditer(text)]
        if found:
            carried = (sentence.section, found[-1][2])
        if not (WON.search(text) or NOMINATED.search(text)):
            continue
        ceremonies = found or ([(0, 0, carried[1])] if carried and carried[0] == sentence.section else [])
        if not ceremonies:
            continue
        _acting_nominations(ctx, sentence, text, ceremonies[-1][2])
        previous = 0
        last_nominee: Iri | None = None
        result = "won" if WON.search(text) and not NOMINATED.search(text) else "nominated"
        for match in CATEGORY.finditer(text):
            category_name, nominee_text = _category_parts(ctx, match)
            window = text[previous:match.start()]
            result = _result(window, result)
            previous = match.start() + len(category_name) if " and " in match.group(1) else match.end()
            rest = text[match.end():]
            other = OTHER_WORK.match(rest)
            if PAST_OTHER.search(window) or (other and ctx.title and clean(other.group(1)) != clean(ctx.title.name)) \
                    or _for_another_work(ctx, text[:match.start()]):
                continue  # a win of another time or another work
            if result == "nominated" and (NOT_NOMINATED.search(text) or SUBMITTED.search(text[:match.start()])):
                continue  # "selected as the entry for Best X; although it was not nominated, ..."
            nominee = None
            if nominee_text:
                name_found = person_name(ctx, nominee_text) or nominee_text.strip()
                nominee = ctx.person(name_found, sentence=sentence)
            elif FOR_PERSON.match(rest) and person_name(ctx, FOR_PERSON.match(rest).group(1)):
                nominee = ctx.person(person_name(ctx, FOR_PERSON.match(rest).group(1)), sentence=sentence)
            else:  # "Steven Yeun won Best Supporting Actor": the last person named before it
                # "Director X's blockbuster 'Y' won best picture": the maker in the possessive is not the
                # nominee, and a work's category (picture, film, drama) goes to no person named before it
                people = [person_name(ctx, m.group(0)) for m in re.finditer(r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}", window)
                          if not re.search(r"['’]s$", m.group(0))]
                people = [f for f in people if f and ctx.find_character(f) is None]
                if WORK_CATEGORY.search(category_name) or _work_is_subject(window):
                    people = []
                if people:
                    nominee = ctx.person(people[-1], sentence=sentence)
                elif re.search(r"\b(?:she|he|her|him)\b", window, re.I):  # "She also won Best Actress ..."
                    nominee = last_nominee or _previous_nominee(ctx, sentence)
                elif re.fullmatch(r"[^A-Z]*(?:the\s+)?(?:\d{4}\s+|\d+(?:st|nd|rd|th)\s+)?[\w\s'.-]*?(?:Awards|Festival)?"
                                  r"\s+and\s+", window):
                    nominee = last_nominee  # "the Grand Prize at the X Awards and Best Actress at the Y"
            last_nominee = nominee
            # "Best X at/from the Y Awards" names its ceremony after it; else the nearest one before
            after = [c for c in ceremonies if c[0] >= match.end() and LINKS_TO_CEREMONY.match(text[match.end():c[0]])]
            before = [c for c in ceremonies if c[1] <= match.start()]
            _, _, (name, year) = after[0] if after else (before[-1] if before else ceremonies[0])
            ceremony = ctx.ceremony(name)
            ctx.claim(Nomination(title=ctx.title_iri, ceremony=ceremony,
                                 category=ctx.category(ceremony, category_name), nominee=nominee,
                                 result=Iri(str(KG.Won if result == "won" else KG.Nominated)),
                                 year=year, evidence=[sentence]))
            if nominee is not None:
                _credit_from_category(ctx, nominee, category_name, sentence)


# "received seven nominations at the 57th Baeksang Arts Awards ... including:" and then one per line
# "Best Director for TV - Shim Na-yeon", "Best Actor - Shin Ha-kyun as Lee Dong-sik", "Best Drama"
LIST_INTRO = cued(r"\b(?:nominations?|nods|nominated|won|wins|awards)\b[^.]*[:：]\s*$", re.I)
LIST_ITEM = cued(r"^\s*(?:[-•*·▪►]\s*)?(?P<cat>(?:Best|Technical Award for|Special Award for|Grand Prize|Daesang)"
                       r"(?:\s+(?:[A-Z][\w-]*|in|of|a|an|for|and|&))*)"
                       r"(?:\s+[-–—:]\s+(?P<who>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,3})(?:\s+as\s+[^,;]+)?)?\s*$")


def listed_nominations(ctx: Context) -> None:
    """A ceremony's nominations listed one per line under the sentence that announces them; the
    list ends at the first line that is no category. Headings count as lines: a plain-text page
    takes short lines for headings."""
    lines = page_lines(ctx.doc)
    for index, (text, _) in enumerate(lines):
        ceremony = CEREMONY.search(text)
        if ceremony is None or not LIST_INTRO.search(text):
            continue
        name, year = _ceremony_name(ceremony.group(1), ceremony.group(2))
        if year is None and re.search(r"\b((?:19|20)\d\d)\b", text[ceremony.end():]):
            year = int(re.search(r"\b((?:19|20)\d\d)\b", text[ceremony.end():]).group(1))
        won = bool(WON.search(text)) and not NOMINATED.search(text)
        for item_text, item in lines[index + 1:]:
            match = LIST_ITEM.match(clean(item_text))
            if match is None:
                break
            nominee = None
            if match.group("who"):
                found = person_name(ctx, match.group("who")) or match.group("who")
                nominee = ctx.person(found, sentence=item)
            ceremony_iri = ctx.ceremony(name)
            ctx.claim(Nomination(title=ctx.title_iri, ceremony=ceremony_iri,
                                 category=ctx.category(ceremony_iri, match.group("cat").strip()), nominee=nominee,
                                 result=Iri(str(KG.Won if won else KG.Nominated)), year=year, evidence=[item]))
            if nominee is not None:
                _credit_from_category(ctx, nominee, match.group("cat"), item)


def _for_another_work(ctx: Context, before: str) -> bool:
    """True when the words before a category say it is another work's: "X, for which he is nominated"."""
    found = list(FOR_WHICH.finditer(before))
    if not found or ctx.title is None:
        return False
    work = clean(found[-1].group(1))
    return not work.lower().endswith(clean(ctx.title.name).lower())


def _category_parts(ctx: Context, match: re.Match[str]) -> tuple[str, str | None]:
    """The category's name and the nominee its parentheses give; "Best Actress and Lee Chung-hyun"
    stops before the person."""
    name = match.group(1).strip()
    nominee = match.group(2)
    cut = re.search(r"\s+(and|for)\s+([A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})$", name)
    if cut and person_name(ctx, cut.group(2)):
        name = name[:cut.start()]
        if cut.group(1) == "for" and not nominee:
            nominee = cut.group(2)
    if name.lower().startswith("best ") and name[5:6].islower():
        name = "Best " + name[5:]
    return name, nominee


def _acting_nominations(ctx: Context, sentence: Sentence, text: str, ceremony: tuple[str, int | None]) -> None:
    """"A and B received acting nominations": each a nomination with no category (none is invented)."""
    for match in ACTING_NOMINATIONS.finditer(text):
        for item in re.split(r"\s*,\s*|\s+and\s+", match.group("people")):
            name = person_name(ctx, item)
            if name and clean(name) == clean(item):
                award = ctx.ceremony(ceremony[0])
                ctx.claim(Nomination(title=ctx.title_iri, ceremony=award, nominee=ctx.person(name, sentence=sentence),
                                     result=Iri(str(KG.Nominated)), year=ceremony[1], evidence=[sentence]))


def _previous_nominee(ctx: Context, sentence: Sentence) -> Iri | None:
    """The last person (not a character) named in the sentence before, for "she"/"he"."""
    from kgraph.extract.people import people_in

    sentences = ctx.sentences
    index = ctx.sentence_index[sentence]
    if index == 0 or sentences[index - 1].section != sentence.section:
        return None
    people = [p for p in people_in(ctx, sentences[index - 1])]
    return people[0] if people else None


def _ceremony_name(raw: str, year_after: str | None = None) -> tuple[str, int | None]:
    """'the 2023 Blue Dragon Film Awards' -> ('Blue Dragon Film Awards', 2023); editions dropped;
    'the 57th Baeksang Arts Awards in 2021' -> ('Baeksang Arts Awards', 2021)."""
    raw = re.sub(r"^the\s+", "", raw.strip())
    year_match = re.match(r"(\d{4})\s+", raw)
    year = int(year_match.group(1)) if year_match else (int(year_after) if year_after else None)
    return re.sub(r"^(\d{4}|\d+(?:st|nd|rd|th))\s+", "", raw), year


WORK_SUBJECT = cued(r"\b(?:it|the (?:film|movie|series|drama|show))\s+(?:[a-z]+\s+){0,3}$", re.I)


def _work_is_subject(window: str) -> bool:
    """True when the work itself wins: "... by Lee; it ended up receiving the X Prize"."""
    verbs = list(WON.finditer(window)) or list(NOMINATED.finditer(window))
    return bool(verbs) and bool(WORK_SUBJECT.search(window[:verbs[-1].start()]))


def _result(window: str, current: str) -> str:
    """The result the words before a category give it; the previous one when they say nothing."""
    won = [m.start() for m in WON.finditer(window)]
    nominated = [m.start() for m in NOMINATED.finditer(window)]
    if not won and not nominated:
        return current
    return "won" if max(won, default=-1) > max(nominated, default=-1) else "nominated"


def _credit_from_category(ctx: Context, person: Iri, category: str, sentence: Sentence) -> None:
    lower = category.lower()
    if ACTING.search(lower):
        if not any(isinstance(c, CastCredit) and c.person == person for c in ctx.claims.values()):
            ctx.cast(person, None, sentence)
        return
    for word, job in CATEGORY_JOBS:
        if word in lower:
            crew(ctx, person, job, sentence)
            return


RELEASE_CUE = cued(r"\b(premier\w*|releas\w*|launch\w*|debut(?:ed|s)?|dropp?\w*|arriv\w*|air(?:ed|s|ing)?|"
                         r"bow(?:ed)?|hit (?:theaters|cinemas|screens)|streaming|opened)\b", re.I)
PLACE_IN = cued(r"\b(?:in|at)\s+((?:the\s+)?[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,4})\s+(?:on|in)?\s*$")
RELATIVE = cued(r"\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|week)s?\s+later\b", re.I)
WORLDWIDE = cued(r"\b(globally|worldwide|around the world|across the globe|in \d+ countries)\b", re.I)


def releases(ctx: Context, fields: dict[str, Field]) -> None:
    """Premieres, streaming launches and broadcasts, each dated; runs ("from April 3 to May 23,
    2015") keep their end date; relative dates ("a day later") are resolved."""
    sentences = ctx.doc.sentences
    for index, sentence in enumerate(sentences):
        if sentence.section.lower().startswith("hashtag"):
            continue
        text = sentence_text(sentence)
        following = sentence_text(sentences[index + 1]) if index + 1 < len(sentences) else ""
        spans = [(a, b, value, None) for a, b, value in find_dates(text)]
        spans += [(a, b, start, end) for a, b, start, end in find_date_ranges(text)]
        last_end = 0
        last_date: dt.date | YearMonth | None = None
        overview_line = (sentence.section.lower().startswith("overview") and "release_date" in fields
                         and fields["release_date"].sentence == sentence)
        for start, end, value, until in sorted(spans, key=lambda s: s[0]):
            window = text[last_end:start]
            last_end = end
            if not (RELEASE_CUE.search(window) or overview_line) or NOT_A_RELEASE.search(window):
                continue
            _release(ctx, sentence, window, text + " " + following, value, until)
            last_date = value
        # "before its Netflix launch a day later"
        for match in RELATIVE.finditer(text):
            if not isinstance(last_date, dt.date):
                continue
            window = text[last_end:match.end()]
            count = NUMBER_WORDS.get(match.group(1).lower()) or int(match.group(1))
            days = count * (7 if match.group(2).lower() == "week" else 1)
            _release(ctx, sentence, window, text, last_date + dt.timedelta(days=days))


NOT_A_RELEASE = cued(r"\b(week|weekend|period|chart|ranking)\b[^.]*$", re.I)


def _release(ctx: Context, sentence: Sentence, window: str, context: str, value: dt.date | YearMonth,
             until: dt.date | None = None) -> None:
    platforms = ctx.lexicon.platforms_in(window)
    region = "worldwide" if WORLDWIDE.search(window) or WORLDWIDE.search(sentence_text(sentence)) and platforms else None
    if platforms:
        _, _, name, broadcaster = platforms[-1]
        kind = "broadcast" if broadcaster else "streaming"
        ctx.claim(Release(kind=kind, title=ctx.title_iri, date=value, end=until, platform=ctx.platform(name),
                          region=region, evidence=[sentence]))
        return
    place_match = PLACE_IN.search(window)
    place = None
    if place_match and not re.match(r"(?i)the\s", place_match.group(1)):
        place = ctx.place(place_match.group(1))
    if re.search(r"\b(theaters?|theatres?|cinemas?|theatrical|box office)\b", window, re.I):
        kind = "theatrical"
    elif re.search(r"\bfestival\b", context, re.I) or re.search(r"\bfestival\b", window, re.I):
        kind = "festival-premiere"
    elif re.search(r"\bpremier", window, re.I):
        kind = "premiere"
    else:
        kind = "release"
    ctx.claim(Release(kind=kind, title=ctx.title_iri, date=value, end=until, place=place, evidence=[sentence]))


_MONTH_WORD = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
PRODUCTION = cued(
    rf"\b(principal photography|filming|shooting|production|the shoot)\b[^.]*?\bfrom\s+(?:early\s+|mid-?\s*|late\s+)?"
    rf"{_MONTH_WORD}(?:\s+(\d{{4}}))?\s+(?:to|until|through|till)\s+(?:early\s+|mid-?\s*|late\s+)?"
    rf"{_MONTH_WORD}\s+(\d{{4}})", re.I)


def production(ctx: Context) -> None:
    """"principal photography ran from June to late October 2022" -> 2022-06 .. 2022-10."""
    for sentence in ctx.doc.sentences:
        for match in PRODUCTION.finditer(sentence_text(sentence)):
            end_year = int(match.group(5))
            start_month, end_month = month_number(match.group(2)), month_number(match.group(4))
            start_year = int(match.group(3)) if match.group(3) else (
                end_year if start_month <= end_month else end_year - 1)
            activity = match.group(1).lower().replace("the shoot", "filming")
            ctx.claim(ProductionPeriod(title=ctx.title_iri, activity=activity,
                                       start=YearMonth(start_year, start_month),
                                       end=YearMonth(end_year, end_month), evidence=[sentence]))


RANK_ON_LIST = cued(r"\bNo\.\s?(\d+)\s+on\s+(?:the\s+)?(?:(\w[\w+]*)'s\s+)?(?:global\s+)?([A-Z][\w\s-]*?)\s+(?:list|chart|ranking)", re.I)
RANK_AMONG = cued(r"\bNo\.\s?(\d+)\s+(globally\s+|worldwide\s+)?(?:among|in|for)\s+((?:non-English|English|Korean|TV|global)?[\w\s-]*?(?:films|movies|shows|series|TV))\b", re.I)
TOP_N = cued(r"\b(?:the\s+)?Top\s+(\d+)\s+(?:lists?\s+)?(?:of|in|across)\s+(\d+)\s+countries", re.I)
VIEWS = cued(r"([\d.,]+)\s*(million|billion|thousand|[mk])?\s+views\b", re.I)
HOURS = cued(r"([\d.,]+)\s*(million|billion|thousand|[mk])?\s+hours(?:\s+(?:watched|viewed))?", re.I)


def _signed_quantity(text: str, match: re.Match[str]) -> int:
    """The quantity a VIEWS/HOURS match reads, negative when a minus sign precedes it."""
    value = parse_quantity(match.group(1), match.group(2))
    return -value if text[:match.start()].endswith(("-", "−")) else value


def _in_range(ctx: Context, sentence: Sentence, record: Viewership) -> bool:
    """False (with a warning naming the file and line) when a figure of the record is impossible."""
    for name in ("rank", "views", "hours", "countries"):
        value = getattr(record, name)
        if value is None:
            continue
        try:
            values.check(name, value)
        except values.OutOfRange as error:
            ctx.warnings.append(f"{ctx.doc.path}, line {sentence.line}: viewership {error}")
            return False
    return True


def viewership(ctx: Context) -> None:
    """Chart ranks, views, hours and country counts; a record's platform may come from the sentence
    before ("Within days, it charted in the Top 10 of 62 countries")."""
    last_platform: Iri | None = None
    section = None
    for sentence in ctx.doc.sentences:
        if sentence.section != section:
            section, last_platform = sentence.section, None
        text = sentence_text(sentence)
        platforms = ctx.lexicon.platforms_in(text)
        platform = ctx.platform(platforms[0][2]) if platforms else last_platform
        records: list[Viewership] = []
        ranges = find_date_ranges(text)
        start, end = (ranges[0][2], ranges[0][3]) if ranges else (None, None)
        for match in RANK_ON_LIST.finditer(text):
            owner = match.group(2)
            if owner and ctx.lexicon.platform(owner):
                platform = ctx.platform(owner)
            records.append(Viewership(title=ctx.title_iri, platform=platform, chart=match.group(3).strip(),
                                      rank=int(match.group(1)), start=start, end=end, evidence=[sentence]))
        for match in RANK_AMONG.finditer(text):
            chart = match.group(3).strip()
            if match.group(2):
                chart = f"global {chart}"
            records.append(Viewership(title=ctx.title_iri, platform=platform, chart=chart,
                                      rank=int(match.group(1)), evidence=[sentence]))
        for match in TOP_N.finditer(text):
            records.append(Viewership(title=ctx.title_iri, platform=platform, chart=f"Top {match.group(1)}",
                                      countries=int(match.group(2)), evidence=[sentence]))
        views = VIEWS.search(text)
        hours = HOURS.search(text)
        if (views or hours) and not records:
            records.append(Viewership(title=ctx.title_iri, platform=platform, start=start, end=end,
                                      evidence=[sentence]))
        if records:
            if views:
                records[0].views = _signed_quantity(text, views)
            if hours:
                records[0].hours = _signed_quantity(text, hours)
            for record in records:
                if _in_range(ctx, sentence, record):
                    ctx.claim(record)
        if platforms:
            last_platform = platform
