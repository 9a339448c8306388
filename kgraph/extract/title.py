"""The reviewed title and its attributes: name, Hangul name, kind, year, runtime, episodes,
genres, platforms, country, language and setting."""
from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import RDF

from kgraph.errors import ExtractionError
from kgraph.extract.context import DEMONYMS, Context, sentence_text
from kgraph.extract.facts import SCHEMA, TitleEntity
from kgraph.extract import title_choice, values
from kgraph.extract.overview import Field, split_list
from kgraph.extract.patterns import ORGANISATION_WORD, is_korean_given_name, is_korean_name
from kgraph.names import clean, display
from kgraph.sources.document import Sentence
from kgraph.vocab import KG
from kgraph.extract.prefilter import cued

HANGUL_RUN = cued(r"(?:(?<![\w.])\d{1,4}(?=[\uac00-\ud7a3]))?"  # "20세기 소녀": digits glued before the Hangul open it
                  r"(?:[\uac00-\ud7a3](?:[\uac00-\ud7a3\s:·,!?0-9]|-(?=[\uac00-\ud7a3]))*[\uac00-\ud7a3!?0-9]|"
                  r"[\uac00-\ud7a3])")  # "신과함께-죄와 벌": a hyphen between Hangul is in the title
# a Korean title field's value: the Hangul run with an acronym in capitals beside it ("SKY 캐슬", "공동경비구역 JSA")
KOREAN_TITLE_RUN = cued(rf"(?:\b[A-Z]{{2,5}}\s)?(?:{HANGUL_RUN.pattern})(?:\s[A-Z]{{2,5}}\b)?")
# "(2016)", "(2022 film)", "(2015-2016)", "(2019 TV series)", ", 2016)" inside "(한글, 2016)"
YEAR_PAREN = cued(r"[(,]\s*((?:19|20)\d\d)(?:\s*[–-]\s*(?:(?:19|20)?\d\d)?)?(?:\s+(?:film|movie|tv series|series|"
                        r"drama|k-drama|web series))?\s*\)", re.I)
INTRO_YEAR = cued(r"\b(?:is|was)\s+(?:(?:a|an)\s+)?((?:19|20)\d\d)\s+(?:South\s+)?Korean\b")
THE_YEAR_KIND = cued(r"\bthe\s+((?:19|20)\d\d)\s+(?:South\s+)?Korean\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:film|movie|drama|series|k-drama|thriller|comedy)\b", re.I)
KOREAN_YEAR = cued(r"((?:19|20)\d\d)년(?:\s*\d{1,2}월)?(?:\s*\d{1,2}일)?\s*(?:에\s*)?(?:방영|방송|개봉|공개|첫\s*방송)")
KIND_NOUNS = r"(?:film|movie|drama|series|k-drama|thriller|comedy|horror|romance|western|melodrama|mystery|noir)"
BARE_YEAR_AFTER = cued(r"\s+(?:[-–—]\s+)?((?:19|20)\d\d)")  # "I Saw the Devil 2010", "X - 2008"
# "South Korea, 2004 (MIFF 2004, ...)": a year a festival's name repeats in brackets is the festival's edition
CARD_YEAR = cued(r"\b(?:South\s+)?Korea,?\s*((?:19|20)\d\d)\b(?!\s*\([A-Z]{2,8}\s+\1\b)|"
                 r"^((?:19|20)\d\d)\s+\d{2,3}\s*min\b")
# "Südkorea 2007 | 142 min", "Korea · 2016", "S Kor. 2006. 139mins.", "2014 South Korea", "35mm/Col/2003/115mins":
# a listing's line that gives the country or the running time beside the year
LISTING_YEAR = cued(r"(?:\b(?:South\s+|S\.?\s*)?Kor(?:ea)?\b\.?\)?|Südkorea|Corée du Sud|Republic of Korea)\s*[,·|/.-]?\s*"
                    r"((?:19|20)\d\d)\b(?!\s*\([A-Z]{2,8}\s+\1\b)|"
                    r"\b((?:19|20)\d\d)\s*[-,·|/]?\s*(?:South\s+)?Korea\b|"
                    r"\b((?:19|20)\d\d)\s*[,./|·]\s*\d{2,3}\s*min")
# "'킹더랜드'는 2023년 6월부터 8월까지 JTBC에서 방영된", "2017년 개봉한 이 영화": a year, then within the clause
# the verb that released it
KOREAN_YEAR_CLAUSE = cued(r"((?:19|20)\d\d)년[^.?!。\n]{0,40}?(?:방영|방송된|개봉|공개|첫\s*방송|선보인)")
# "Misaeng, also known as Incomplete Life, a 2014 TvN drama": the title named, then "a YEAR ... drama"
A_YEAR_KIND = cued(rf"\b(?:a|an|the)\s+((?:19|20)\d\d)(?:\s*[–-]\s*(?:19|20)\d\d)?\s+(?:[\w-]+\s+){{0,2}}?"
                   rf"(?:{KIND_NOUNS}|kdrama|k-drama|tv\s+series)\b", re.I)
RELEASED_ON = cued(r"\b(?:was\s+|is\s+|were\s+)?(?:released|premiered|premieres|debuted|debuts|dropped|first aired|"
                         r"aired|airs)\s+"
                         r"(?:on\s+[A-Z][\w+ ]{1,20}?\s+)?(?:(?:on|in)\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|"
                         r"\d{1,2}\s+[A-Z][a-z]+\.?\s+|[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b")
HEADLINE_KIND = cued(r"\((?:19|20)\d\d\s+(film|movie|tv series|series|drama|k-drama|web series)\)", re.I)
FILM_WORDS = cued(r"\b(film|movie|feature)s?\b|영화", re.I)  # Korean words take particles: "영화는"
SERIES_WORDS = cued(r"\b(series|k-drama|drama series|episodes?|season|tv drama|weekend drama|daily drama|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:-(?:mon|tues|wednes|thurs|fri|satur|sun)day)?\s+drama)\b|"
                          r"드라마|\d부작",
                          re.I)
RUNTIME = cued(
    r"(?:(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*m(?:in(?:utes?)?)?)|(\d{1,3})(?:\s*[–—-]\s*(\d{1,3}))?[\s-]*(?:minutes?|mins?\b|m\b)",
    re.I,
)


def split_title(value: str) -> tuple[str, str | None, int | None]:
    """'Ballerina (발레리나)', 'Ballerina (2023) 발레리나', '발레리나 / Ballerina' -> (name, hangul, year)."""
    hangul_match = HANGUL_RUN.search(value)
    hangul = hangul_match.group(0).strip() if hangul_match else None
    if hangul:  # "(한글, 2016)": the year after a comma is not part of the Hangul title
        hangul = _without_year(hangul)
    year_match = YEAR_PAREN.search(value)
    name = value
    if hangul:
        name = name.replace(hangul, " ")
    if year_match:
        name = name.replace(year_match.group(0), " ")
    name = re.sub(r"\(\s*(?:korean|hangul)\s*:?\s*(?:or\b[^)]*)?\)?", " ", name, flags=re.I)
    name = re.sub(r"\(\s*in\s+(?:korean|hangul)\s*\)", " ", name, flags=re.I)  # "My Demon (마이 데몬 in Korean)"
    name = re.sub(r"\(\s*(?:or|a\.?k\.?a\.?)\s[^)]*\)?", " ", name)  # "(한글 or Romanised ...)" less its Hangul
    name = re.sub(r"\(\s*\)|\[\s*\]", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" /|-–—:,")
    name = name.strip("'\"“”‘’")
    name = re.sub(r"^\((.+)\)$", r"\1", name.strip())  # "써니 (Sunny)": the English name in brackets
    return name or (hangul or ""), hangul, int(year_match.group(1)) if year_match else None


def _year_elsewhere(ctx: Context, fields: dict[str, Field], name: str) -> tuple[int | None, Sentence | None]:
    """The year from a release-date field, else from a sentence introducing the title
    ("X is a 2022 South Korean series")."""
    if "release_date" in fields:
        found = read_value(ctx, fields["release_date"], "year", values.year)
        if found is not None:
            return found, fields["release_date"].sentence
    key = clean(name).lower()
    for sentence in ctx.sentences[:60]:
        text = clean(sentence.text)
        match = INTRO_YEAR.search(text)
        if match and key and key in text[:match.start()].lower():
            return int(match.group(1)), sentence
        match = KOREAN_YEAR.search(text)  # "2019년 방영된 tvN 드라마 '호텔델루나'": aired (released) in 2019
        if match and key and key in text[match.end():match.end() + 40].lower():
            return int(match.group(1)), sentence
        match = THE_YEAR_KIND.search(text)  # "the 2022 South Korean drama stars ...": the title reviewed
        if match:
            return int(match.group(1)), sentence
    if key:  # "Lee Jeong-beom's 2010 action thriller The Man from Nowhere", "the 2000 film 'JSA'"
        before = re.compile(rf"\b((?:19|20)\d\d)\s+(?:[\w-]+\s+){{0,3}}?{KIND_NOUNS}\s+[“\"‘'*_]*{re.escape(key)}\b", re.I)
        for sentence in ctx.sentences[:60]:
            match = before.search(clean(sentence.text))
            if match:
                return int(match.group(1)), sentence
    if key:  # "Film “12.12: The Day” (2023) scored big ...": the title with its year in brackets
        beside = re.compile(rf"{re.escape(key)}[”\"’'*_]*\s*\(((?:19|20)\d\d)\)", re.I)
        for sentence in ctx.sentences[:60]:
            match = beside.search(clean(sentence.text))
            if match:
                return int(match.group(1)), sentence
    heads = title_choice.head_lines(ctx.doc, limit=10)
    for (line, _), (below, sentence) in zip(heads, heads[1:]):  # "Thirst" then "(2009)" on the next line
        alone = re.fullmatch(r"\(\s*((?:19|20)\d\d)\s*\)", clean(below).strip())
        if alone and key and clean(line).strip().lower() == key:
            return int(alone.group(1)), sentence
    for line, sentence in heads:
        match = CARD_YEAR.search(clean(line))  # "Director, South Korea, 2022"; "2024 68 min ⭐ 6.8/10"
        if match:
            return int(match.group(1) or match.group(2)), sentence
    for sentence in ctx.sentences[:60]:
        text = clean(sentence.text)
        match = KOREAN_YEAR_CLAUSE.search(text)
        if match and _names_the_title(text, key, match):
            return int(match.group(1)), sentence
        match = A_YEAR_KIND.search(text)
        if match and key and _kind_phrase_of_the_title(text, key, match):
            return int(match.group(1)), sentence
    for sentence in ctx.sentences[:80]:
        text = clean(sentence.text)
        match = LISTING_YEAR.search(text) if len(text) < 160 else None
        if match:
            return int(next(g for g in match.groups() if g)), sentence
    for sentence in ctx.sentences[:60]:
        text = clean(sentence.text)
        match = RELEASED_ON.search(text)  # "released on Netflix on August 18, 2023"
        if match:
            return int(match.group(1)), sentence
    return None, None


def _kind_phrase_of_the_title(text: str, key: str, match: re.Match[str]) -> bool:
    """"Misaeng, also known as ..., a 2014 TvN drama" or "the 2014 drama Misaeng": the phrase is the title's, not
    that of another work it names ("reminds me of the 2014 drama “It's Okay, That's Love”")."""
    after = text[match.end():].lstrip(" “\"‘'*_").lower()
    if after.startswith(key):
        return True
    return key in text[:match.start()].lower() and not re.match(r"\s*[“\"‘'*_A-Z0-9]", text[match.end():])


def _names_the_title(text: str, key: str, match: re.Match[str]) -> bool:
    """The Korean clause is about the reviewed title: named before the year as its topic ("X는 2023년 ..."),
    or after the verb ("... 방영된 드라마 'X'"), or as "이 영화/이 드라마"; and no other quoted work between."""
    between = text[match.start():match.end()]
    if re.search(r"[‘'“\"《<]", between):
        return False  # "2016년 '부산행'으로 개봉": another work's year
    after = text[match.end():match.end() + 40].lower()
    return bool(key) and (key in text[:match.start()].lower() or key in after) or bool(
        re.match(r"\S*\s*(?:이|본|해당)\s*(?:영화|드라마|작품|시리즈)", text[match.end():]))


def find_title(ctx: Context, fields: dict[str, Field]) -> None:
    """Decide the reviewed title from the Overview, else from the post title line."""
    doc = ctx.doc
    hangul = None
    year = None
    sentence: Sentence | None = None
    if "title" in fields and _kind_label_uncorroborated(doc, fields["title"]):
        del fields["title"]  # "Series:Bong Hits" on a cinema page: the programme, not the film
    if "title" in fields:
        name, hangul, year = split_title(fields["title"].value)
        name = _first_name_given(name)
        sentence = fields["title"].sentence
        heading = _english_heading(ctx, name, hangul)
        if heading:  # "Title: 사랑의 불시착 / Sarangui Bulsichak" under the heading "Crash Landing on You"
            name = heading
    elif doc.post_title and not doc.sentences:
        raise ExtractionError(doc.path, f"only a title line ({doc.post_title[:60]!r}) and no review text; "
                                        "expected an Overview block or paragraphs about the title")
    else:
        known = _known_title_in_heading(ctx, doc.post_title) if doc.post_title else None
        chosen = None if known else title_choice.choose(doc)
        if known:
            raw, where = known, "the post title"
        elif chosen is not None:
            raw, sentence, where = chosen.text, chosen.sentence, "the headline and the body"
            if chosen.line and chosen.text in chosen.line:  # "X (한글, 2016)": the line's Hangul and year
                rest = chosen.line[chosen.line.index(chosen.text):][:160]
                _, line_hangul, line_year = split_title(rest)
                if HANGUL_RUN.match(chosen.text):
                    line_hangul = None  # a Hangul title is its own Hangul name
                bare = BARE_YEAR_AFTER.fullmatch(rest[len(chosen.text):])  # "I Saw the Devil 2010"
                line_year = line_year or (int(bare.group(1)) if bare else None)
                raw = " ".join(p for p in (raw, line_hangul, f"({line_year})" if line_year else "") if p)
        elif doc.post_title and title_choice.plausible(_title_from_heading(ctx, doc.post_title)):
            raw, where = _title_from_heading(ctx, doc.post_title), "the post title"
        else:
            raise ExtractionError(doc.path, "no review title found: expected a 'Title:' line (in an Overview "
                                            "block or any fact box), a headline naming the title, or a body "
                                            "that names one title")
        name, hangul, year = split_title(raw)
        ctx.warnings.append(f"{doc.path}: no 'Title:' line in a fact box; took the title {name!r} from {where}")
    if not name or len(name) > 150:
        raise ExtractionError(doc.path, f"the title line does not hold a usable title: {name[:60]!r}")
    if hangul and not HANGUL_RUN.match(name) and doc.language == "ko":
        name = hangul  # a Korean page names the title by its Hangul name ("제목: 써니 (Sunny)")
    if hangul is None and "korean_title" not in fields:
        hangul, found_in = _hangul_near(doc, name)
        sentence = sentence or found_in
    if "korean_title" in fields:
        hangul = KOREAN_TITLE_RUN.search(fields["korean_title"].value)
        hangul = hangul.group(0) if hangul else fields["korean_title"].value
    year_sentence = fields["year"].sentence if "year" in fields else sentence
    if year is None and "year" in fields:
        year = read_value(ctx, fields["year"], "year", values.year)
    if year is None:
        year, elsewhere = _year_elsewhere(ctx, fields, name)
        year_sentence = elsewhere or year_sentence
    ref = ctx.resolver.title(name, year, hangul)
    kind = _kind(ctx, fields)
    spellings = [display(name)] if display(name) != ref.name else []
    ctx.title = TitleEntity(iri=ref.iri, name=ref.name, kind=kind[0], spellings=spellings)
    title = ctx.title_iri
    ctx.state(title, SCHEMA.name, Literal(ref.name), sentence)
    if hangul:
        evidence = fields["korean_title"].sentence if "korean_title" in fields else sentence
        ctx.state(title, KG.nameKo, Literal(hangul, lang="ko"), evidence)
    if year is not None:
        ctx.state(title, KG.year, Literal(year), year_sentence)


KIND_LABELS = ("series", "drama", "movie", "film")


def _kind_label_uncorroborated(doc, field: Field) -> bool:
    """True when a bare kind label ("Series:", "Film:") gives a value the page never names again, or
    calls a programme ("part of X"), while its headline names another title the page keeps naming:
    such a label is a cinema's programme as often as the title, so it needs the page's support."""
    if field.label.strip().lower() not in KIND_LABELS:
        return False
    text = "\n".join(s.text for s in doc.sentences)
    part_of = re.search(rf"\bpart of (?:the |our )?{re.escape(field.value)}\b", text, re.I)  # "Part of Bong Hits, a ..."
    if len(re.findall(re.escape(field.value), text, re.I)) > 1 and not part_of:
        return False
    chosen = title_choice.choose(doc)
    return chosen is not None and chosen.mentions >= title_choice.MIN_MENTIONS and \
        chosen.text.lower() != field.value.lower()


def _hangul_near(doc, name: str) -> tuple[str | None, Sentence | None]:
    """The Hangul title a page gives beside its title: "X (한글) is a 2024 ...", a head line that
    names X and a Hangul run, or a head line that is nothing but Hangul ("(한글 / Romanised)")."""
    key = clean(name).lower()
    lines = title_choice.head_lines(doc, limit=8)
    for index, (line, sentence) in enumerate(lines):
        plain = clean(line)
        run = HANGUL_RUN.search(plain)
        if run is None:
            continue
        bare = re.sub(r"[()\[\]]", "", plain).split("/")[0].strip()
        before = plain[:run.start()].rstrip(" (")
        owner = " ".join(before.split()[-2:])  # "Jeon Jong-seo (전종서)": a person's Hangul name
        ends_line = not re.search(r"[A-Za-z]", plain[run.end():])
        if (key and key in before.lower() and ends_line and not is_korean_name(owner)) or (
                index < 6 and HANGUL_RUN.fullmatch(bare)):
            return _without_year(run.group(0)), sentence
        if 0 < index < 6 and run.start() == 0 and key and key in clean(lines[index - 1][0]).lower() and \
                re.match(r"\s+[A-Z]", plain[run.end():]):
            return _without_year(run.group(0)), sentence  # under the headline, "지옥 From the director of ..."
    if key:  # "김씨 표류기 (Castaway on the Moon)": the Hangul title, the English one in brackets
        before = re.compile(rf"({HANGUL_RUN.pattern})\s*\(\s*{re.escape(key)}\s*\)", re.I)
        for line, sentence in lines:
            match = before.search(clean(line))
            if match:
                return _without_year(match.group(1)), sentence
    if key:
        # "X (한글)", "X (Korean: 한글; RR: ...)", and flattened to text, "X (Korean한글; ...)"
        pattern = re.compile(rf"{re.escape(key)}[’'”\"*_]*\s*\((?:(?:Korean|Hangul)(?:\s+(?:name|title))?\s*:?\s*)?"
                             rf"({HANGUL_RUN.pattern})", re.I)
        for sentence in doc.sentences[:40]:
            match = pattern.search(clean(sentence.text))
            if match:
                return _without_year(match.group(1)), sentence
    return None, None


def _first_name_given(name: str) -> str:
    """"Prison Playbook / Wise Prison Life" -> "Prison Playbook": a title field giving two names apart
    by a spaced slash or an "aka" ("My Love from the Star aka My Love from Another Star") names the
    title first; a romanised Korean name is passed over for the other."""
    names = [n.strip() for n in re.split(r"\s+/\s+|\s+(?:aka|a\.k\.a\.?)\s+", name, flags=re.I)]
    if len(names) < 2 or not all(title_choice.plausible(n) for n in names):
        return name
    return next((n for n in names if not _romanised(n)), names[0])


def _without_year(hangul: str) -> str:
    """"발레리나, 2023" -> "발레리나": the year after a comma is not part of the Hangul title."""
    return re.sub(r",\s*(?:19|20)\d\d$", "", hangul.strip()).strip(" ,")


def _english_heading(ctx: Context, name: str, hangul: str | None) -> str | None:
    """The page heading, when a title field gives only the Hangul title and its romanisation
    ("사랑의 불시착 / Sarangui Bulsichak") and the heading names the title in English."""
    heading = ctx.doc.post_title
    if not (hangul and heading and _romanised(name)) or clean(name).lower() in clean(heading).lower():
        return None
    english = split_title(_title_from_heading(ctx, heading))[0]
    if title_choice.plausible(english) and not _romanised(english) and clean(english).lower() != clean(name).lower():
        return english
    return None


def _romanised(name: str) -> bool:
    """True when every word reads as romanised Korean syllables ("Sarangui Bulsichak")."""
    words = re.findall(r"[A-Za-z]+", name)
    return bool(words) and not re.search(r"\d", name) and all(is_korean_given_name(w) for w in words)


def _known_title_in_heading(ctx: Context, heading: str) -> str | None:
    """The longest title of the alias table that the heading starts with, and its year/Hangul."""
    found = _title_from_heading(ctx, heading)
    plain = clean(heading)
    known = ctx.resolver.table.known_names("title")
    return found if any(clean(n).lower() == split_title(found)[0].lower() for n in known) and plain else None


def _title_from_heading(ctx: Context, heading: str) -> str:
    """The title a heading line names: the longest known title it starts with, else the part
    before the first dash, colon, bar or ", and"."""
    plain = clean(heading)
    known = ctx.resolver.table.known_names("title")
    starts = [n for n in known if plain.lower().startswith(clean(n).lower())
              and (len(plain) == len(clean(n)) or not plain[len(clean(n))].isalnum())]
    if starts:
        best = max(starts, key=len)
        rest = plain[len(clean(best)):]
        extra = re.match(r"\s*(\(\d{4}\))?\s*([\uac00-\ud7a3][\uac00-\ud7a3\s:]*)?", rest)
        return best + (" " + extra.group(0).strip() if extra and extra.group(0).strip() else "")
    return re.split(r"\s*[—–|:]\s*|\s+-\s+|,\s+(?:and|or|but)\s+", heading)[0]


def _kind(ctx: Context, fields: dict[str, Field]) -> tuple[str, Sentence | None]:
    if "type" in fields:
        value = fields["type"].value.lower()
        if FILM_WORDS.search(value):
            return "film", fields["type"].sentence
        if SERIES_WORDS.search(value) or "drama" in value or "show" in value:
            return "series", fields["type"].sentence
    if "episodes" in fields:
        return "series", fields["episodes"].sentence
    if "network" in fields and not NO_PLATFORM.match(fields["network"].value.strip()):
        return "series", fields["network"].sentence
    headline = HEADLINE_KIND.search(clean(ctx.doc.post_title or ""))
    if headline:  # "Badland Hunters (2024 Film)"
        return ("film" if FILM_WORDS.search(headline.group(1)) else "series"), None
    film = len(FILM_WORDS.findall(ctx.doc.post_title or ""))  # the headline counts: "... In Netflix Series “D.P.”"
    series = len(SERIES_WORDS.findall(ctx.doc.post_title or ""))
    first: dict[str, Sentence] = {}
    leaning: dict[str, Sentence] = {}
    for sentence in ctx.doc.sentences:
        if sentence.section.lower().startswith(("overview", "hashtag")):
            continue
        f = len(FILM_WORDS.findall(sentence.text))
        s = len(SERIES_WORDS.findall(sentence.text)) + len(THE_SHOW.findall(sentence.text))
        film, series = film + f, series + s
        if f:
            first.setdefault("film", sentence)
        if s:
            first.setdefault("series", sentence)
        if DRAMA_REFERENCE.search(sentence.text) or any(b for *_, b in ctx.lexicon.platforms_in(sentence.text)):
            leaning.setdefault("series", sentence)
    if film > series:
        return "film", first.get("film")
    if series > film:
        return "series", first.get("series")
    if "series" in leaning:  # no word decides: "this drama", a broadcaster, is a series' mark
        return "series", leaning["series"]
    return "title", None


# "the show", "this show", "the drama": how a review of a series names it
THE_SHOW = cued(r"(?<!\bof\s)\b(?:the|this)\s+(?:show|drama)\b(?!\s+(?:film|movie))", re.I)  # not "the star of the show"
# "this drama", "the drama", "K-drama": how a review of a series names it ("a crime drama" is a genre)
DRAMA_REFERENCE = cued(r"\b(?:this|the)\s+drama\b(?!\s+(?:film|movie))|\bk-?dramas?\b", re.I)


def title_attributes(ctx: Context, fields: dict[str, Field]) -> None:
    """Kind, runtime, episodes, genres, platforms, networks, country, language, setting."""
    title = ctx.title_iri
    kind, evidence = _kind(ctx, fields)
    if kind != "title":
        ctx.state(title, RDF.type, KG.Film if kind == "film" else KG.Series, evidence)
    if "runtime" in fields:
        _runtime(ctx, fields["runtime"])
    if "episodes" in fields:
        _episodes(ctx, fields["episodes"])
    else:  # "Aired in: 2021 (16 episodes)": a count beside the year
        for key in ("year", "release_date"):
            count = (read_value(ctx, fields[key], "episodes", lambda v: values.episodes(v, bare=False))
                     if key in fields else None)
            if count is not None:
                ctx.state(ctx.title_iri, KG.episodeCount, Literal(count), fields[key].sentence)
                break
    if "genre" in fields:
        for item in split_list(fields["genre"].value):
            concept = ctx.concept(item, KG.GenreScheme, ctx.lexicon.genre(item), "genre")
            ctx.state(title, KG.genre, concept, fields["genre"].sentence)
    for key in ("platform", "network", "channel"):
        if key in fields:
            availability(ctx, fields[key])
    if "distributor" in fields:  # "Distributor: tvN/Netflix"; a film company is no platform
        availability(ctx, fields["distributor"], known_only=True)
    if "country" in fields:
        ctx.state(title, KG.country, ctx.place(fields["country"].value), fields["country"].sentence)
    if "language" in fields:
        language = fields["language"].value.lower()
        tag = {"korean": "ko", "english": "en", "japanese": "ja", "chinese": "zh"}.get(language)
        if tag:
            ctx.state(title, KG.originalLanguage, Literal(tag), fields["language"].sentence)
    _prose_attributes(ctx, fields)


def read_value(ctx: Context, field: Field, name: str, reader) -> int | None:
    """`reader(field.value)`, or None with a warning naming the file, line and field when the
    value is out of range (never a clamped or sign-flipped number)."""
    try:
        return reader(clean(field.value))
    except values.OutOfRange as error:
        ctx.warnings.append(f"{ctx.doc.path}, line {field.sentence.line}: field {field.label!r}: {error}")
        return None


# A clause saying where a title is NOT: "not currently streaming on", "no longer on", "is not on".
NEGATED = cued(r"\b(?:not|no longer|never|isn't|aren't|unavailable|removed from|left)\b", re.I)
QUALIFIER = cued(r"\b(?:availability|available)\s+(?:varies|differs|depends)\b[^.;]*|"
                       r"\b(?:in|outside)\s+(?:the\s+)?(?:U\.?S\.?A?|U\.?K\.?|US|UK|Korea|Canada|Europe|Asia)\b\.?|"
                       r"\b(?:rental|rent|purchase|buy|with ads|subscription)\b", re.I)


# "Original Network: None (Theatrical)": a field that says there is none
NO_PLATFORM = cued(r"(?:none|n/?a|nil|theatrical(?:\s+release)?|cinemas?|theatres?|theaters?)\b|[-—–]$", re.I)


def availability(ctx: Context, field: Field, known_only: bool = False) -> None:
    """Platforms and broadcasters of a field ("Netflix (rental)", "tvN, Netflix"): each becomes
    what the lexicon says it is; a clause that says where the title is not never names one;
    a region, rental or "availability varies by region" stays with it as a note. With
    `known_only`, a name the lexicon does not know as a platform or broadcaster is passed over."""
    clauses = [c for c in re.split(r"\s*(?:[;.]\s+|[;]|\s+but\s+|\s+[–—]\s+)", field.value) if c.strip()]
    general = [q.group(0).strip(" .") for c in clauses for q in [QUALIFIER.search(c)]
               if q and not ctx.lexicon.platforms_in(c) and not NEGATED.search(c)]
    for clause in clauses:
        if NEGATED.search(clause):
            continue
        for item in split_list(clause):
            note = re.search(r"\(([^)]*)\)", item)
            name = re.sub(r"\s*\([^)]*\)", "", item).strip()
            name = re.sub(r"^(?:on|via|streaming on|available on|watch on)\s+", "", name, flags=re.I).strip()
            if note and ctx.lexicon.platform(note.group(1).strip()) and not ctx.lexicon.platform(name):
                name, note = note.group(1).strip(), None  # "Korean Broadcasting System 2 (KBS2)": the short name
            if not name or QUALIFIER.fullmatch(name) or len(name.split()) > 4 or NO_PLATFORM.match(name):
                continue
            if re.search(r"\d", name) and not ctx.lexicon.platform(name):
                for _, _, known, _ in ctx.lexicon.platforms_in(name):  # "tvN 2019.07.13": a broadcaster and a date
                    ctx.state(ctx.title_iri, KG.platform, ctx.platform(known), field.sentence)
                continue
            if (note and NEGATED.search(note.group(1))) or (known_only and not ctx.lexicon.platform(name)):
                continue
            platform = ctx.platform(name)
            ctx.state(ctx.title_iri, KG.platform, platform, field.sentence)
            for text in ([note.group(1).strip()] if note else []) + general:
                ctx.state(ctx.title_iri, KG.platformNote, Literal(f"{display(name)} ({text})"), field.sentence)


def _runtime(ctx: Context, field: Field) -> None:
    value = clean(field.value)
    try:
        minutes = values.minutes(value)
    except values.OutOfRange as error:
        ctx.warnings.append(f"{ctx.doc.path}, line {field.sentence.line}: field {field.label!r}: {error}")
        return
    count = values.episodes(value, bare=False) if minutes is None else None
    if count is not None:  # "Length: 24 Episodes": the length of a series in episodes
        if not any(s.predicate == KG.episodeCount for s in ctx.statements.values()):
            ctx.state(ctx.title_iri, KG.episodeCount, Literal(count), field.sentence)
        return
    if minutes is None and not RUNTIME.search(value):
        ctx.warnings.append(f"{ctx.doc.path}, line {field.sentence.line}: runtime {field.value!r} "
                            "has no number of minutes")
        return
    if minutes is not None:
        ctx.state(ctx.title_iri, KG.runtimeMinutes, Literal(minutes), field.sentence)
    plain = re.fullmatch(r"\d{1,4}\s*(?:minutes?|mins?\.?|min)", value, re.I)
    if not plain:
        ctx.state(ctx.title_iri, KG.runtimeNote, Literal(value), field.sentence)


def _episodes(ctx: Context, field: Field) -> None:
    count = read_value(ctx, field, "episodes", values.episodes)
    if count is not None:
        ctx.state(ctx.title_iri, KG.episodeCount, Literal(count), field.sentence)


COUNTRY_PHRASE = cued(
    r"\b(?:a|an)\s+(?:(\d{4})\s+)?(South Korean|Korean|Japanese|Chinese|American)\s+"
    r"(?:[\w-]+\s+){0,3}?(film|movie|thriller|drama|series|k-drama|show|comedy|romance)\b", re.I)
SET_IN = cued(r"\b(?:set in|takes place in|unfolds in)\s+(?:the\s+)?(?:city of\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
PROSE_RUNTIME = cued(
    r"\b(\d{2,3})[\s-]*minutes?\s+(?:runtime|run time|running time|(?:[\w-]+\s+){0,2}?(?:tale|film|movie|"
    r"thriller|drama|feature|ride))\b|\b(?:runtime|running time|run time)\b(?:\s+of\s+the\s+(?:movie|film))?"
    r"\s+(?:of|is)\s+(\d{2,3})\s*(?:minutes|mins?)\b", re.I)
STREAMS_ON = cued(r"\b(?:released|distributed|streamed)\s+(?:worldwide\s+|globally\s+|internationally\s+)?by\s+$|"
                        r"\b(?:stream(?:s|ing)?|available|watch(?:ed)?(?: it)?|premiere|premieres|premiered|air|aired|airs|airing|turned|"
                        r"broadcast|broadcasts|released|launched|registered|dropped|landed|lands|arrived|arrives|debuted|debuts|"
                        r"kicked\s+off\s+(?:its|the)\s+run|began\s+airing|begins\s+airing|started\s+airing)\b[^.]{0,30}?\bon\s+$"
                        r"|\b\d{1,2}:\d\d\s*(?:KST|[ap]\.?m\.?)?\s+on\s+$"  # "Sat. Sun 21:00 on tvN": the time slot
                        r"|\b(?:stream(?:s|ing)?|available)\s+(?:for\s+streaming\s+)?on\s+[^.]{1,40}?\band\s+on\s+$"
                        r"|\b(?:coming|comes|came|heading|headed)\s+to\s+$"
                        r"|\b(?:k-?drama|drama|series|film|movie|show|thriller|comedy)[*_]?\s+on\s+$", re.I)
# "Netflix's original 'Kill Boksoon'", "a Netflix series", "tvN's upcoming drama", "ENA (2022)"
OWNS_TITLE = cued(r"(?:'s)?\s+(?:(?:original|upcoming|new|hit|latest|korean|weekend|daily|(?:mon|tues|wednes|thurs|fri|"
                        r"satur|sun)day(?:-(?:mon|tues|wednes|thurs|fri|satur|sun)day)?)\s+){0,3}(?:k-drama|drama|series|film|movie|"
                        r"show|original|thriller|romance|comedy|romcom|rom-com)\b|\s+\((?:19|20)\d\d\)", re.I)
# "Netflix's upcoming Hierarchy", "Netflix's \"Kill Boksoon\"", "tvN Queen of Tears": the title the platform owns
# "tvN newest drama “Little Women”", "JTBC 주말극 '웰컴투 삼달리'", "SBS’s “Vagabond”": kind words between
OWNED_BY = cued(r"^(?:['’]s)?\s+(?:(?:original|upcoming|new|newest|hit|latest|weekend|weekday|daily|mini|spy|romantic|"
                r"healing|fantasy|period|legal|medical|crime|action|comedy|rom-?com|drama|series|k-?drama|show|film|movie|"
                r"thriller|romance|mystery|주말극|드라마|힐링|새|월화|수목|금토|토일|주말|일일|오리지널|시리즈|영화|"
                r"미니시리즈|로맨스|판타지)\s+){0,4}[“\"'‘*_]?")


def _owns(after: str, title_key: str) -> bool:
    """True when the text after a platform's name goes on with the reviewed title."""
    owner = OWNED_BY.match(after)
    if owner is None:
        return False
    rest = after[owner.end():]
    return rest.startswith(title_key) and not re.match(r"\w", rest[len(title_key):len(title_key) + 1])


_MARKS_THEN_ON = re.compile(r"[*_”\"']*\s+on\s+$")


def _title_then_on(before: str, title_key: str) -> bool:
    """True when `before` ends with the title, maybe in quotes or emphasis, then "on " ("X on
    Netflix"): what `re.search(re.escape(title_key) + MARKS_THEN_ON)` says, without a pattern per title."""
    tail = _MARKS_THEN_ON.search(before)  # the leftmost place the title can end
    if tail is None:
        return False
    return any(before[:end].endswith(title_key) and _MARKS_THEN_ON.fullmatch(before, end)
               for end in range(tail.start(), len(before)))


# "all nine episodes", "a 12-episode series", "its 16 episodes"; not "the first two episodes"
PROSE_EPISODES = cued(rf"(?<!first )(?<!last )(?<!final )(?<!next )(?<!opening )(?<!two more )(?<!remaining )"
                            rf"\b(?:all|a|an|its|with(?: only)?|of|in|has|spans?|runs?(?: for)?|there (?:are|were)|over|across|"
                            rf"for|after|within)\s+"
                            rf"(?P<n>\d{{1,4}}|{values._WORD_NUMBER})(?:\s+(?:gripping|short|tight|hour-long|long|cinematic))?"
                            rf"[\s-]episodes?\b(?!\s+(?:in|so far|later|into|before|left|to go))", re.I)
# "The 16-episode series", "of the six episodes of the series": the count the whole title runs to
WHOLE_RUN_EPISODES = cued(rf"\bthe\s+(?P<n>\d{{1,3}}|{values._WORD_NUMBER})-episode\s+(?:[A-Za-z]+\s+)?(?:series|drama|show|run|"
                          rf"season)\b|"
                          rf"\b\d{{1,3}}\s+of\s+(?P<s>\d{{1,3}})\s+episodes\s+seen\b|"  # a review card: "16 of 16 episodes seen"
                          rf"(?:\)\s*|\s[–-]\s+)(?P<c>\d{{1,3}})\s+Episodes\b|"  # a card line: "ENA (2022) 16 Episodes", "tvN – 21 Episodes"
                          rf"\b(?P<e>\d{{1,3}})\s+episodes,\s+(?:about\s+|~)?\d{{2,3}}\s+minutes\s+each\b|"
                          rf"\b(?:of|all)\s+the\s+(?P<m>\d{{1,3}}|{values._WORD_NUMBER})\s+episodes\s+of\s+the\s+"
                          rf"(?:series|drama|show|season)\b", re.I)
SHORT_RUNTIME = cued(r"\b(\d{2,3})\s*(?:minutes|mins?)\b", re.I)


HOURS_AND_MINUTES = cued(r"\d\s*h(?:ours?|rs?)?\.?,?\s*(?:and\s+)?\d", re.I)
# "Running time: 2 hours, 7 minutes.", "러닝타임 136분 /", "Running Time 103min", "Runtime: 142;", "Running time 128'":
# a running-time label inside a line, then its value; "1 hour and 57 minutes long", "clocking in at 138 minutes"
INLINE_RUNTIME = cued(r"(?i:running\s*time|run\s*time|runtime|러닝\s*타임|상영\s*시간)\s*[:：]?\s*"
                      r"(?P<v>(?:\d\s*h(?:ours?|rs?)?\.?,?\s*(?:and\s+)?)?\d{1,3}\s*(?:minutes?|mins?\b|m\b|분|'|(?=;)))|"
                      r"\b(?P<w>\d\s*hours?,?\s*(?:and\s+)?\d{1,2}\s*minutes)\s+long\b|"
                      r"\bclock(?:s|ed|ing)\s+in\s+at\s+(?P<x>\d{2,3}\s*minutes)", re.I)


def _short_runtimes(text: str) -> list[int]:
    """The minutes a short note line gives; "1 hr 59 mins" is 119, never 59."""
    if HOURS_AND_MINUTES.search(text):
        try:
            total = values.minutes(text)
        except values.OutOfRange:
            return []
        return [total] if total is not None else []
    return [int(m.group(1)) for m in SHORT_RUNTIME.finditer(text)
            if not STRETCH_BEFORE.search(text[:m.start()])]  # "the final 45 minutes": a stretch of the film


STRETCH_BEFORE = cued(r"\b(?:final|first|last|opening|closing|next|past|few|extra|additional|those|these|its|the)\s+$",
                      re.I)


# Korean availability after a platform's name: "넷플릭스에서 공개", "넷플릭스 오리지널", "tvN 금토드라마",
# "넷플릭스, 티빙 등 OTT 플랫폼에서"
KOREAN_ON = cued(r"(?:에서|서|을\s*통해|를\s*통해|로)?\s*(?:[가-힣]+,?\s+){0,3}?(?:공개|스트리밍|독점|시청|방영|방송|볼\s*수|오리지널)|"
                 r"(?:\s*,\s*[\w+가-힣]+){0,3}\s*등\s*(?:OTT|플랫폼)")
# "tvN 금토드라마 '미생'": the broadcaster, a drama word, then the title itself (not "KBS 드라마 제작국", a
# department, nor "KBS 일일 드라마에서는", another drama)
KOREAN_DRAMA_OF = cued(r"\s*(?:새\s*)?(?:월화|수목|금토|토일|주말|일일)?\s*드라마(?!\s*제작)\s*[‘'“\"《<`]?")


# What may stand between a platform and the reviewed title when the one is the other's home: kind and describing
# words in lower case ("tvN's upcoming psychological drama X", "Netflix's big-budget Korean show 'X'", "넷플릭스 드라마
# <X>"), a verb of release or viewing ("Netflix has dropped episode 1 of X", "X can also be seen on Netflix")
_BESIDE_WORD = (r"(?:[a-z][\w’'-]*|(?:South\s+)?Korean|K-drama|Original|Series|Drama|Film|Movie|Show|Review|Recap|\d+|::|"
                r"[가-힣]+)")
_BESIDE = re.compile(rf"^(?:['’‘]s)?[\s:]*(?:{_BESIDE_WORD},?[\s:]+){{0,6}}?[“\"'‘*_《<「\[]*\s*$")
_TITLE_BESIDE = re.compile(rf"^[”\"'’*_》>」\]]*(?:\)?\s*(?:{_BESIDE_WORD}[\s,]+){{0,6}}?)(?:on|via|through|to)\s+$", re.I)
# Words that tie the platform to something else than the reviewed title
_NOT_BESIDE = re.compile(r"\b(?:like|unlike|than|vs|versus|after|before|alongside|behind|following|besides|other|"
                         r"another|previous|last|earlier|also\s+made|rating|ratings|record|not|no|never|isn't|left)\b", re.I)


def _title_keys(ctx: Context) -> list[str]:
    """The reviewed title's names a page may use in prose, in lower case: its name and its Hangul title."""
    if ctx.title is None:
        return []
    hangul = [str(s.value) for s in ctx.statements.values() if s.predicate == KG.nameKo and s.subject == ctx.title_iri]
    return [k for k in {clean(ctx.title.name).lower(), *(clean(h).lower() for h in hangul)} if len(k) >= 2]


def _beside_the_title(ctx: Context, text: str, offset: int, name: str) -> bool:
    """The platform named next to the reviewed title, with only describing words between: "Netflix's
    big-budget Korean show 'X'", "넷플릭스 시리즈 X", "X can also be seen on Netflix", "Netflix has dropped
    episode 1 of X"."""
    after = text[offset + len(name):offset + len(name) + 120]  # the words between keep their case: a capitalised
    before = text[max(0, offset - 120):offset]  # word between is another name ("Netflix's Squid Game, X")
    for key in _title_keys(ctx):
        at = after.lower().find(key)
        if 0 <= at and _BESIDE.match(after[:at]) and not _NOT_BESIDE.search(after[:at]) \
                and not re.match(r"[\w-]", after[at + len(key):at + len(key) + 1]):
            return True
        at = before.lower().rfind(key)
        if 0 <= at and (at == 0 or not re.match(r"[\w-]", before[at - 1])):
            between = before[at + len(key):]
            if _TITLE_BESIDE.match(between) and not _NOT_BESIDE.search(between):
                return True
    return False


# "SBS is releasing a new Korean drama series ... called X", "tvN has premiered its brand new romantic comedy, “X”":
# the platform as the subject of a verb of release, the title named later in the sentence
_RELEASES = re.compile(r"^\s+(?:is\s+releasing|will\s+release|releases|released|has\s+premiered|premiered|premieres|"
                       r"will\s+premiere|will\s+air|airs|aired|has\s+released|unveiled|has\s+unveiled|dropped|has\s+dropped)\b")
# "On tvN, it first aired on September 25, 2023": the platform before the clause that airs the title
_ON_IT_AIRED = re.compile(r"^,\s+(?:it|the\s+(?:series|drama|show|film|movie))\s+(?:first\s+|originally\s+)?"
                          r"(?:aired|premiered|debuted|began|started|ran|was\s+broadcast)\b")


def _releases_the_title(ctx: Context, text: str, offset: int, name: str) -> bool:
    after = text[offset + len(name):]
    if re.search(r"(?:^|\s)On\s+$", text[max(0, offset - 4):offset]) and _ON_IT_AIRED.match(after):
        return True
    return bool(_RELEASES.match(after)) and any(key in after.lower() for key in _title_keys(ctx))


def _prose_attributes(ctx: Context, fields: dict[str, Field]) -> None:
    title = ctx.title_iri
    year_statement = next((s for s in ctx.statements.values() if s.predicate == KG.year), None)
    title_key = clean(ctx.title.name).lower() if ctx.title else ""
    episode_counts: dict[int, Sentence | None] = {}
    if "episodes" not in fields:  # "16부작 / 비밀의숲": a head line a plain-text page takes for a heading
        for line, sentence in title_choice.head_lines(ctx.doc):
            for match in values.KOREAN_EPISODES.finditer(clean(line)):
                episode_counts.setdefault(int(match.group("num") or match.group("total")), sentence)
    for sentence in ctx.doc.sentences:
        if sentence.section.lower().startswith(("overview", "hashtag")):
            continue
        text = sentence_text(sentence)
        if "episodes" not in fields:
            for match in PROSE_EPISODES.finditer(text):
                if match.start() == 0 and match.group(0).lower().startswith("in "):
                    continue  # "In 5 episodes, we see ...": a stretch of the story, not its length
                count = values.word_number(match.group("n"))
                if count and values.BOUNDS["episodes"][0] <= count <= values.BOUNDS["episodes"][1]:
                    episode_counts.setdefault(count, sentence)
            for match in values.KOREAN_EPISODES.finditer(text):  # "16부작": a run of 16 episodes
                episode_counts.setdefault(int(match.group("num") or match.group("total")), sentence)
            for match in WHOLE_RUN_EPISODES.finditer(text):
                count = values.word_number(next(g for g in match.group("n", "m", "s", "c", "e") if g))
                if count and values.BOUNDS["episodes"][0] <= count <= values.BOUNDS["episodes"][1]:
                    episode_counts.setdefault(count, sentence)
        for match in COUNTRY_PHRASE.finditer(text):
            country = DEMONYMS.get(match.group(2).lower())
            if country:
                ctx.state(title, KG.country, ctx.place(country), sentence)
            if match.group(1) and year_statement is not None and str(year_statement.value) == match.group(1):
                ctx.state(title, KG.year, year_statement.value, sentence)
        for match in SET_IN.finditer(text):
            place = re.sub(r"'s$", "", match.group(1))
            if not ctx.lexicon.platform(place) and not place.isdigit():
                ctx.state(title, KG.setting, ctx.place(place), sentence)
        for offset, _iri, name, _ in ctx.lexicon.platforms_in(text):
            before = text[max(0, offset - 40):offset]
            if NEGATED.search(before):  # "is not currently streaming on Netflix"
                continue
            after = text[offset + len(name):offset + len(name) + 80]
            if ORGANISATION_WORD.search(" ".join(after.split()[:2])):
                continue  # "KBS Drama Production": the broadcaster's department credited, no availability
            drama_of = KOREAN_DRAMA_OF.match(after)
            if (STREAMS_ON.search(before) or (before.endswith("(") and after.startswith(")")) or KOREAN_ON.match(after)
                    or (drama_of and title_key and after[drama_of.end():].lower().startswith(title_key))
                    or STREAMS_ON.search(text[max(0, offset - 80):offset])
                    or OWNS_TITLE.match(after) or (title_key and _owns(after.lower(), title_key))
                    or (title_key and _title_then_on(before.lower(), title_key))
                    or _beside_the_title(ctx, text, offset, name)
                    or _releases_the_title(ctx, text, offset, name)):
                ctx.state(title, KG.platform, ctx.platform(name), sentence)
        found = []
        if (len(text) < 90 and sentence.line <= 5) or (len(text) < 120 and CARD_YEAR.search(text)):
            # a note line under the heading ("Watched ... - 93 minutes"); a listing card ("South Korea, 2016, 145 min.")
            found += _short_runtimes(text)
        found += [int(m.group(1) or m.group(2)) for m in PROSE_RUNTIME.finditer(text)]
        for match in INLINE_RUNTIME.finditer(text):
            value = (match.group("v") or match.group("w") or match.group("x")).replace("'", " min")
            value = re.sub(r"(?<=\d)(?=[A-Za-z])", " ", value)  # "103min": the unit glued to the number
            try:
                minutes = values.minutes(value if re.search(r"[a-z분]", value) else value + " min")
            except values.OutOfRange:
                continue
            if minutes is not None:
                found.append(minutes)
        for minutes in found:
            if values.BOUNDS["runtime"][0] <= minutes <= values.BOUNDS["runtime"][1]:
                ctx.state(title, KG.runtimeMinutes, Literal(minutes), sentence)
    if len(episode_counts) == 1:
        (count, sentence), = episode_counts.items()
        ctx.state(title, KG.episodeCount, Literal(count), sentence)
