"""Which title a page reviews, from the strongest evidence it gives.

In order of strength: a fact-box title field; a headline or heading of a known shape
("Review: X", "X review", "'X' Review: ...", "X (2016)", "X (한글, 2016)", "= X (2022 film) =",
"A Review of X"); a title quoted in the headline (Netflix's "X" slays ...); a body sentence
that introduces it ("X is a 2022 South Korean series", "X (Korean: ...)"); a title the body
keeps quoting. Each candidate also scores the times the content names it, so the title the
page keeps naming wins over a headline phrase it names once. Page chrome (a "Featured" or
"Related posts" block) is cut before this runs, so it never lends its title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.extract.card_lines import GLUED
from kgraph.extract.hangul_names import is_hangul_name
from kgraph.extract.lexicon import load_lexicon
from kgraph.extract.overview import BULLET_MARK, normalise_field_name
from kgraph.extract.patterns import ROMAN_SYLLABLE, FAMILY_NAMES, TITLE_RUN, is_korean_given_name, is_korean_name
from kgraph.extract.phrasings import ROLE_TITLE
from kgraph.names import clean
from kgraph.sources.document import Document, Sentence

_Q_OPEN, _Q_CLOSE = "“‘'\"*_", "”’'\"*_"
QUOTED = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[—–-]))[“‘'\"*_]([A-Z0-9][^“”\"*_\n]{0,70}?[\w!?)])[,.]?[”’'\"*_](?!\w)")
MAX_HEADING_WORDS = 24  # a longer line is prose: "The first time I saw X in Y (2016), I was in awe. He ..."
HEAD_SHAPES: tuple[tuple[re.Pattern[str], int], ...] = (
    # "= Broker (2022 film) =" (a wiki heading)
    (re.compile(r"^=+\s*(?P<t>.+?)\s*=+$"), 12),
    # "Review: Blind", "KDrama Review - X", "Drama Review: X"
    # "LKFF 2022: The Admiral: Roaring Currents + Q&A": a festival's screening, its name and year before the title
    (re.compile(r"^[A-Z][A-Za-z]{1,9}\s+(?:19|20)\d\d\s*:\s*(?P<t>[^+]{2,80}?)(?:\s*\+\s*(?:Q&A|intro\w*|talk|discussion)\b.*)?$"), 10),
    # "Netflix series Run On: romantic K-drama starring ...": a press headline, the kind, the title, a colon
    (re.compile(r"^(?:(?:Netflix|Disney\+|Apple TV\+|Prime Video|tvN|JTBC|KBS2?|MBC|SBS|ENA|Coupang Play)(?:['’]s)?\s+)?"
                r"(?:(?:new|hit)\s+)?(?:series|k[- ]?drama|drama|film|movie)\s+(?P<t>[A-Z0-9][^:]{0,60}?):\s+\S"), 10),
    # "[정주행 드라마 추천] 마우스 - 꼬리에 꼬리를 무는 반전": a Korean post's tag in brackets, the title, a dash, a tagline
    (re.compile(r"^\[[^\]]{1,24}\]\s*(?P<t>[\uac00-\ud7a3][\uac00-\ud7a3\d ]{0,20}?)\s+[-–—|:]\s+\S"), 8),
    # "K-Movie Review: X", "Premiere Watch: X", "First Impressions: X"
    (re.compile(r"^(?:(?:k[- ]?drama|drama|k[- ]?movie|movie|k[- ]?film|film|series|tv|netflix)\s+)?(?:review|recap|premiere watch|"
                r"first (?:look|impressions?)|preview)\s*[:\-–—|]\s*(?P<t>.+)$", re.I), 12),
    # "Review Extreme Job (2019)": the word "Review", then the title, no colon
    (re.compile(r"^(?i:(?:k[- ]?drama|drama|movie|film)\s+)?(?i:review)\s+(?!(?i:of|by|for)\b)(?P<t>[A-Z0-9“‘'\"].+)$"), 10),
    # "A Review of The Frog", "An Honest Review Of 'Reply 1988' By ..."
    (re.compile(r"\breview\s+of\s+(?P<t>[“‘'\"]?[A-Z0-9].+?)(?:[”’'\"](?:\s|$)|\s+by\s+|$)", re.I), 10),
    # "(Film Review) X [한글]", "[Review] X": a review tag in brackets before the title
    (re.compile(r"^[(\[]\s*(?:(?:k[- ]?drama|drama|movie|film|series|tv)\s+)?(?:review|recap)\s*[)\]]\s*(?P<t>.+)$", re.I), 12),
    # "Sugar Baby's Review Corner: X", "Jane's Review - X": a reviewer's column, the title after it
    (re.compile(r"^[\w .’'-]{1,30}['’]s\s+(?:review|recap)(?:\s+corner)?\s*[:\-–—|]\s*(?P<t>.+)$", re.I), 12),
    # "'Concrete Utopia' Review: ...", "Mantis Review", "Reply 1988 Drama Review", "X (2015-2016) | TV Series Review",
    # "X – Full Review", "Netflix Series X: A Review"
    (re.compile(r"^(?P<t>.+?)\s*(?:\([^)]*\)\s*)?(?:[|:–—-]\s*)?(?:\b(?:a|an|my|the|full|honest|quick|short|mini|final|"
                r"spoiler-free|spoiler|in-depth|detailed|early|premiere|pilot|finale|first[- ]look|mid-?season|"
                r"first[- ]episode|first[- ]impressions?)\s+)*(?:(?:k[- ]?drama|drama|movie|film|tv series|series|season \d+|"
                r"episodes?\s+\d+(?:\s*(?:[-–&]|and)\s*\d+)?)\s+)?"
                r"(?:review|recap)(?:s(?=\s*:))?\b", re.I), 10),  # "X early reviews: what's the verdict": a round-up
    # "DECISION TO LEAVE (헤어질 결심) (2022)", "Broker (2022)", "X (Korean: 한글)"
    (re.compile(r"^(?P<t>[^()]{1,80}?)\s*\((?:[^()]*[\uac00-\ud7a3][^()]*|(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?"
                r"(?:\s+(?:film|movie|series|drama|tv series))?)\)"), 8),
    # "The Good, the Bad, the Weird [좋은 놈, 나쁜 놈, 이상한 놈]": the Hangul title in square brackets
    (re.compile(r"^(?P<t>[^()\[\]]{1,80}?)\s*\[[^\[\]]*[\uac00-\ud7a3][^\[\]]*\]"), 8),
    # "택시운전사, 2017", "Thirst, 2009": a title line, a comma, its year
    (re.compile(r"^(?P<t>[^,()|:]{1,60}?),\s*(?:19|20)\d\d$"), 8),
    # "The Good, the Bad, the Weird - 2008": a title, a dash, its year (commas allowed)
    (re.compile(r"^(?P<t>[A-Z0-9][^()|:]{1,80}?)\s+[-–—]\s+(?:19|20)\d\d$"), 9),
    # "THE CINEMA OF X: A TALE OF TWO SISTERS (Kim Jee-woon, 2003)": a listing's title, its director and year in
    # brackets (a series heading before a colon is not part of it)
    (re.compile(r"^(?:[^:()]*:\s+)?(?P<t>[^():]{1,80}?)\s*\((?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3}),\s*"
                r"(?:19|20)\d\d\)$"), 8),
    # "A Tale of Two Sisters (Janghwa, Hongryon) South Korea": a listing's title line, the original title
    # romanised in brackets, then the country
    (re.compile(r"^(?P<t>[A-Z][^()]{1,80}?)\s*\([A-Z][a-z]+(?:[\s,-]+[A-Za-z][a-z]+){0,5}\)\s*(?:South\s+)?Korea$"), 8),
    # "[K-FILM REVIEWS] 김씨 표류기 (Castaway on the Moon)", "미생 (Misaeng)": a Hangul title, the English one in brackets
    # ("밀양 (Secret Sunshine, 2007)리뷰": a Korean page names it by the Hangul, which `ko` holds)
    # ("넷플릭스 영화 :: 20세기 소녀(20th Century Girl) 감상평": a kind before the title, digits opening both)
    (re.compile(r"^(?:[(\[][^)\]]{0,30}[)\]]\s*)?(?:(?:\S+\s+)?(?:드라마|영화)\s*(?:::|:|\||-)\s*)?"
                r"(?P<ko>(?:\d{1,4}(?=[\uac00-\ud7a3]))?[\uac00-\ud7a3][\uac00-\ud7a3\d\s:·!?-]{0,30}?)\s*"
                r"\((?P<t>[A-Z0-9][^(),]{1,60})(?:,\s*(?:19|20)\d\d)?\)(?:\s*(?:리뷰|후기|감상).*)?$"), 10),
    # "tvN 드라마 호텔델루나 리뷰 (...)", "영화 끝까지 간다 후기": a Korean review headline
    (re.compile(r"^(?:\S+\s+)?(?:드라마|영화)\s+(?P<t>[^\s(\[]+(?:\s[^\s(\[]+){0,3}?)\s+(?:리뷰|후기|감상평?|감상문|줄거리|결말)"
                r"(?=\s|$|[(\[])"), 10),
    # "끝까지 간다 | 2014년 5월 22일 ...": a Korean press header, the title then the date; "비밀의숲 / 극본:이수연":
    # the title then its credits
    (re.compile(r"^(?P<t>[\uac00-\ud7a3][^|/:]{0,30}?)\s*(?:\|\s*(?:19|20)\d\d년|/\s*(?:극본|연출|감독|각본)\s*:)"), 9),
    # "I Saw the Devil 2010" (BARE_YEAR_LINE): a festival or cinema page's title line ending in the year; a title of
    # two words or more, since one word and a year is as often the title itself ("Reply 1988")
    (re.compile(r"^(?!(?:screened|screening|showing|shown)\b)(?P<t>[A-Z][^()\d:|,\s]*\s[^()\d:|,]{1,60}?)"
                r"\s+(?:19|20)\d\d$", re.I), 9),
)
BARE_YEAR_LINE = HEAD_SHAPES[-1][0]
INTRODUCES = re.compile(
    r"^(?P<t>[A-Z0-9][^.,;:!?]{0,70}?)\s+(?:\((?:Korean|Hangul)?[:\s]*[^)]*\)\s+)?(?:is|was)\s+(?:a|an|the)\s+"
    r"(?:\d{4}\s+)?(?:(?:South\s+)?Korean|Netflix|new|upcoming|hit)\b"
    r"(?!(?:\s+[\w-]+){0,2}\s+(?:actor|actress|director|singer|writer|screenwriter|filmmaker|idol|rapper|model|"
    r"comedian|entertainer|producer|star|superstar|icon|legend|veteran|heartthrob|newcomer|talent)s?\b)")
# "Hometown Cha Cha Cha is the perfect feel-good drama", "X is a heartwarming drama set in ...": the
# subject of a sentence that calls it a drama or film, with only describing words between
CALLED_A_KIND = re.compile(
    r"^(?P<t>[A-Z0-9](?:[^.,;:!?()]|:\s(?=[A-Z])){0,60}?)\s+is\s+(?:a|an|the)\s+(?:(?!for\b|in\b|to\b|by\b)[a-z][\w-]*\s+){0,6}?"
    r"(?<!of the )(?<!of this )(?<!of its )(?:k[- ]?drama|drama|film|movie|series|show|thriller|melodrama|rom-?com|comedy|caper|romance|horror|western|epic|"
    r"noir|mystery|fantasy|satire|adaptation|sequel|remake|documentary|tearjerker|blockbuster|sageuk|whodunit)\b")
JUNK = re.compile(
    r"^(?:@|(?:directed|written|produced|starring)\s+by\b|(?:written|directed|produced)\s+and\s+"
    r"(?:written|directed|produced)\s+by\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|date\b|tag\b|author\b|posted\b|by\b|search\b|skip to\b|featured\b|sorry\b|monthly archives|send to|standard$|"
    r"introduction$|home$|menu$|share$|about$|about us$|contact(?: us)?$|advertisement$|tags$|subscribe$|sign in$|"
    r"log in$|ott$|get more with\b|\[\s*(?:english|korean|한국어|영어)\s*\]$|(?:korean\s+)?(?:k[- ]?drama|drama|movie|film)\s+reviews?$|"
    r"(?:director|writer|screenwriter|producer|cast|crew|cast & crew|screenplay)s?$|"
    r"(?:i['’]m|it['’]s|i['’]ve|i['’]d|you['’]re|we['’]re|that['’]s|there['’]s|let['’]s)$|this (?:review|post|article) (?:may )?contains?\b|spoiler|trigger warning|disclaimer|photo\b|the (?:movie|film|series|show|drama)$|"
    r"(?:k[- ]?drama|drama|movie|film|tv)\s+reviews?$|reviews?$|overview$|synopsis$|cast$|name$|"
    # section headings and labels of a review page
    r"(?:presentation|analysis|conclusions?|verdict|final (?:thoughts|verdict|words)|closing thoughts|summary|plot|"
    r"story|the story|storyline|premise|characters?|cast (?:&|and) characters?|main cast|the leads|my (?:opinion|thoughts|take)|"
    r"(?:pros|cons|pros and cons)|rating|trailer|details|info|information|where to watch|ost|soundtrack|awards|"
    r"tags|themes|review|recap|background|introduction|production)\b(?:\s*\([^)]*\))?$|"
    r"screened\b|screening\b|(?:click\s+)?to\s+vote$|vote$|rate\s+this\b|click\b|.*\bclick\s+here\b|"
    r"(?:completed|ongoing|airing|finished|watching|dropped|on hold|plan to watch)$)", re.I)
MIN_MENTIONS = 2
# Words that name a kind, a nationality, a day or a month, never a title on their own.
NOT_TITLES = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:korean|south korean|k[- ]?drama|kdrama|asian|english|netflix|drama|movie|film|series|season|episode|"
    r"part|chapter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|i|we|he|she|it|they|this|that|these|there|here|but|and|"
    r"so|if|when|what|why|how|who|in|on|at|as|after|before|while|even|also|yes|no|oh|"
    r"(?:south\s+)?korea|japan|china|france|usa|united states|japanese|chinese|american|british|french|hollywood|"
    r"more|read more|see also|(?:19|20)\d0s|oppa|unnie|noona|hyung|sunbae|kpop|k-pop|kdramas|k-dramas)"
    r"(?:[\s,/]*(?:19|20)\d\d)?$", re.I)  # "South Korea2022"; "the 1920s"
BODY_RUN = re.compile(TITLE_RUN)
BODY_MIN_MENTIONS = 2
PLAYED_STRENGTH = -20  # a body run the page says someone plays
# "Six years after 'X'", "known for 'X'", "the director's earlier 'X'": another work, not the reviewed one
EARLIER_WORK = re.compile(r"\b(?:after|since|following|known for|like|such as|including|earlier|previous|"
                          r"last|debut|also starred in|also directed)\s*[“‘'\"*_]?$", re.I)
# "Park Chan-wook's Decision to Leave (Heojil kyolshim) follows ...": a maker's title opening the body
OWNED_TITLE = re.compile(rf"^(?P<owner>[A-Z][\w-]+(?:\s[A-Z][\w-]+){{1,2}})['’]s\s+(?P<t>{TITLE_RUN})\s*\(")


@dataclass
class Candidate:
    text: str
    strength: int
    sentence: Sentence | None
    mentions: int = 0
    line: str = ""  # the line it was read from

    @property
    def score(self) -> int:
        return self.strength + min(self.mentions, 15)


def plausible(text: str) -> bool:
    """True when `text` could be a title: short, not a byline, date, venue, credit line or kind."""
    return _plausible(_strip(text))


# "2023", "21th JULY, 22:00", "Sat, Jun 17, 2023, 6:30pm": a screening's date or time, never a title
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_OR_TIME = re.compile(rf"^(?:[\d\s,:./-]+(?:[ap]\.?m\.?)?|(?:\w+,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b.*|"
                          rf"(?:\w+,?\s+)?{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b[\d\s,:./-]*(?:[ap]\.?m\.?)?|"
                          rf"{_MONTHS}\s*[/.-]\s*\d{{1,4}})$", re.I)  # "Feb/11": a blog's date stamp


# "MIFF 2001", "BIFF 2022": a festival's acronym and edition year, never a title
FESTIVAL_EDITION = re.compile(r"[A-Z]{2,8}\s+(?:19|20)\d\d")
# "19th Titanic Filmfestival", "Busan International Film Festival": a festival's name above its programme
FESTIVAL_NAME = re.compile(r"(?:\bfilm\s*|\b)festival$|filmfestival$|\bfilm\s+fest$", re.I)
_MENU_WORDS = {"home", "news", "press", "programs", "programme", "programmes", "films", "about", "contact", "tickets",
               "shop", "menu", "events", "archive", "blog", "login", "subscribe", "donate", "festival", "search",
               "reviews", "videos", "podcasts", "membership"}
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vol", "no", "vs", "prof", "gen", "lt", "sgt", "capt"}


def _two_sentences(text: str) -> bool:
    """True when `text` holds a sentence break ("In focus. Suspense, Korean style"), not an
    abbreviation or an initial ("Mr. Queen", "J. Doe")."""
    return any(len(word) > 1 and word.lower() not in _ABBREVIATIONS
               for word in re.findall(r"(\w+)\.\s+[A-Z]", text))


# "Detective Seo", "Captain Jang": a role title before a family name refers to a character
ROLE_AND_SURNAME = re.compile(rf"{ROLE_TITLE}\s+(?:{'|'.join(FAMILY_NAMES)})")
# "A Tale of Two Sisters 0+": a cinema's age rating after the title
AGE_RATING = re.compile(r"\s+\d{1,2}\+$")


LONE_WORDS = frozenset({"the", "a", "an", "my", "our", "this", "that", "his", "her", "their", "its", "your"})


def _plausible(text: str) -> bool:
    words = text.split()
    if text.strip().lower() in LONE_WORDS:  # "The Review": a section heading's article is no title
        return False
    if NOT_TITLES.match(text) or load_lexicon().platform(text):  # "Korean Drama Review", "ENA (2022)"
        return False
    if DATE_OR_TIME.match(text) or len(GLUED.findall(text)) >= 2:
        return False
    if FESTIVAL_EDITION.fullmatch(text) or FESTIVAL_NAME.search(text) or _two_sentences(text):
        return False
    if len([w for w in words if w.lower() in _MENU_WORDS]) >= 2 or re.match(r"^[←«‹<]|back to\b", text, re.I):
        return False  # "Festival Films Programs Press News": a site's menu; "← Back to Reviews"
    if _hangul_junk(text):
        return False
    return (0 < len(words) <= 10 and len(text) <= 90 and bool(re.search(r"[A-Za-z0-9\uac00-\ud7a3]", text))
            and not JUNK.match(text) and not re.search(r"\b(?:19|20)\d\d-\d\d-\d\d\b", text))


KIND_BEFORE = re.compile(r"^(?:(?:the|this|a|new|upcoming)\s+)+(?:[\w+-]+\s+){0,3}?(?:series|drama|k-drama|film|movie|show)\s+"
                         r"(?=[A-Z0-9])", re.I)  # "The twenty-episode series X", "New Netflix Original film X"
# "UNLOCKED, a South Korean mystery thriller directed by ...": the title, then an appositive that calls it a Korean work
APPOSITIVE_KIND = re.compile(r"^(?P<t>[A-Z0-9][^,.;:!?()]{0,60}?),\s+(?:a|an|the)\s+(?:(?:19|20)\d\d\s+)?(?:South\s+)?Korean\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:film|movie|drama|series|thriller|comedy|melodrama|romance|horror|k-drama)\b")
ON_PLATFORM = re.compile(r"\s+(?:on|from)\s+(?P<p>[A-Z][\w+]*(?:\s[A-Z][\w+]*)?)$")


def _bare_subject(text: str) -> str:
    """"The twenty-episode series Vincenzo on Netflix" -> "Vincenzo": a sentence's subject less the
    kind words before the title and the platform after it."""
    text = KIND_BEFORE.sub("", text.strip())
    on = ON_PLATFORM.search(text)
    return text[:on.start()] if on and load_lexicon().platform(on.group("p")) else text


def _named_below(doc: Document, text: str) -> bool:
    """True when the page names `text` again after its first line holding it."""
    key = _strip(text)
    return bool(key) and doc.text.count(key) >= 2


def _strip(text: str) -> str:
    text = clean(text).strip(" :|-–—,.")
    text = re.sub(r"^[^\w\s“‘'\"(\[*_#@←«‹<《「〈`-]+\s*", "", text)  # "📝 줄거리 요약": an emoji before a label
    text = re.sub(r"^(?:ENG|EN|KOR|KR)\s+(?=[A-Z0-9])", "", text)  # "ENG Decision to Leave": a language tag
    text = re.sub(r"^(?:이름|제목)\s*[:：]\s*(?=\S)", "", text)  # "이름 : 열혈사제": a card's name label
    text = re.sub(r"^(.+?)(?:,\s*|\s+\()(The|A|An)\)?$", r"\2 \1", text)  # "Admiral: Roaring Currents, The": a listing's
    text = re.sub(r"(?<=\w)\s+:\s+(?=[A-Z])", ": ", text)  # article moved last; "Admiral : Roaring Currents" spaced
    text = re.sub(r"(?<=[\uac00-\ud7a3])\s+(?:감상기|감상평|감상문|리뷰|후기|솔직\s*후기)$", "", text)  # "X 감상기": a review of X
    text = re.sub(r"^\d{1,3}[.)]\s+(?=[A-Z])", "", text)  # "62. Reply 1994": a ranked list's number
    text = re.sub(r"^[A-Z][a-z]+reviews?\s+(?=[A-Z])", "", text)  # "Berkreviews The Roundup": a site's name
    text = re.sub(r"(?<=\w)['’]s$", "", text)  # "Decision to Leave's ending": the title, not its possessive
    text = re.sub(r"\s+\((?:KR|Kr|KOR|Kor|Korean|Korea|South Korea|S\. Korea)\)$", "", text)  # "Thirst (Kr)"
    text = re.sub(r"(?<=\S):?\s+(?:episodes?|eps?\.?)\s+\d{1,3}(?:\s*[-–&]\s*\d{1,3})?$", "", text, flags=re.I)  # "X: Episodes 1-2"
    text = re.sub(r"\s+\((?:PG-?13|PG|NC-?16|M18|R21|G|12A|15\+?|18\+?|R|TV-MA|TV-14)\)$", "", text)  # "X (PG13)": a rating
    if re.match(r"[A-Za-z0-9“‘'\"*_]", text) and not re.match(r"\d{1,4}[\uac00-\ud7a3]", text):
        # a Latin title stops at its Hangul part or a field label ("20세기 소녀" is Hangul, digits first)
        text = re.split(r"\s*[\uac00-\ud7a3]", text)[0]
        for label in re.finditer(r"\s+([A-Z][\w()]*(?:\s[A-Za-z()]+)?):\s", text):
            if normalise_field_name(label.group(1)) not in (None, "title", "korean_title", "aka"):  # "My Name: ..."
                text = text[:label.start()]
                break
    text = text.strip(" :|-–—,.").strip(_Q_OPEN + _Q_CLOSE).strip()
    if " / " in text and re.match(r"[A-Za-z0-9“‘'\"]", text):
        text = text.split(" / ")[0].strip()  # "Poetry / Shi": the title, then its romanised original
    short = re.search(r"\s*/\s*([A-Z]{2,6})$", text)  # "Joint Security Area/JSA": the title and its acronym
    if short and is_acronym_of(short.group(1), text[:short.start()]):
        text = text[:short.start()]
    else:
        two = re.fullmatch(r"([A-Z][^/]{2,40}?)/([A-Z][^/]{2,40})", text)  # "Misaeng/Incomplete Life": two names of one title
        if two and not re.search(r"\d", text):
            text = two.group(1).strip()
    text = IMAGE_CAPTION.sub("", text)  # "A Hard Day Image Cover": an image's caption
    text = KOREAN_SECTION_TAIL.sub("", text)  # "우리들의 블루스 기본 정보": a section of the post
    text = re.sub(r"\s*\((?:director|directed|dir\.|writer|written|screenwriter|cast|starring)\b.*$", "", text,
                  flags=re.I)  # "SECRET SUNSHINE (MIRYANG) (director/writer: ...)": the credits after the title
    text = re.sub(r"(?<=[A-Za-z])\s*\((?![\d\s])[^()\d\uac00-\ud7a3]{2,40}\)$", "", text)  # "Secret Sunshine(Milyang)":
    # the original title romanised in brackets
    text = re.sub(r"\s*\([A-Z]{2,8}\s+(?:19|20)\d\d\)$", "", text)  # "Little Forest(HKAFF 2018)": a festival's edition
    return AGE_RATING.sub("", re.sub(r"\s*\|.*$", "", text)).strip()


KOREAN_SECTION_TAIL = re.compile(r"(?<=[\uac00-\ud7a3])\s+(?:기본\s*정보|작품\s*정보|정보|리뷰|후기|줄거리|결말|등장인물|출연진|"
                                 r"몇부작|인물\s*관계도|관계도|총평|소개)$")
IMAGE_CAPTION = re.compile(r"\s+(?:image\s+cover|cover\s+image|(?:official\s+)?poster|key\s+art|thumbnail|stills?)$", re.I)


def is_acronym_of(short: str, words: str) -> bool:
    """True when `short` is the initials of the capitalised words of `words` ("JSA", "Joint Security Area")."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", words) if w[0].isupper())
    return len(short) >= 2 and short.isupper() and short == initials


# What a headline adds around the title: "(2024 Film)", "[한글]", "- Starring A", "Netflix Series X"
HEADLINE_TAIL = re.compile(r"\s*(?:\((?:19|20)\d\d\b[^)]*\)|[\[(][^\])]*[\uac00-\ud7a3][^\])]*[\])]|"
                           r"\s[|–—-]\s*(?:starring|directed by|written by|with|feat\.?|featuring)\b).*$", re.I)
KIND_PREFIX = re.compile(r"^(?:(?:the\s+)?(?:(?:south\s+)?korean|k[- ]?drama|netflix|disney\+?|tvn|jtbc|sbs|kbs2?|mbc|ena|"
                         r"coupang play|tving|wavve|apple tv\+?|prime video)\s+)?(?:original\s+)?"
                         r"(?:series|drama|film|movie|show|k[- ]?drama|original)\s+(?=[“‘'\"A-Z0-9])", re.I)


ON_PLATFORM = re.compile(r"\s+on\s+(?P<p>[A-Z][\w+ ]{1,20})$")


def _headline_title(text: str) -> str:
    """The title a headline shape captured, less what the headline adds around it ("X on Netflix")."""
    text = HEADLINE_TAIL.sub("", text.strip())
    on = ON_PLATFORM.search(text)
    if on and load_lexicon().platform(on.group("p").strip()):
        text = text[:on.start()]
    stripped = KIND_PREFIX.sub("", text)
    return stripped if stripped.strip() else text


_SMALL = {"of", "the", "and", "in", "a", "an", "to", "for", "on", "with", "at", "from", "&", "–", "-"}
_LOWER_VERBS = {"is", "are", "was"}  # a title's verb a page writes in lower case, inside a capitalised run


def _trailing_title(text: str) -> str:
    """The title-cased run a phrase ends with: "I went into Money Heist: Korea" -> "Money Heist:
    Korea"; a possessive owner is dropped ("JTBC's A Virtuous Business" -> "A Virtuous Business")."""
    words = text.split()
    if all(re.match(r"[\uac00-\ud7a3]", w) for w in words):
        return text  # a Hangul title has no capitals to read: "비밀의 숲"
    if len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words):
        kept = words
    else:
        kept = []
        for word in reversed(words):
            if word[:1].isupper() or word[:1].isdigit() or (word.lower() in _SMALL and kept) or (
                    word in _LOWER_VERBS and kept and len(kept) <= 3):  # "Because This is My First Life"
                kept.insert(0, word)
            else:
                break
    while kept and (kept[0].lower() in _SMALL - {"a", "an", "the"} or re.search(r"['’]s$", kept[0])):
        kept.pop(0)
    return " ".join(kept)


def head_lines(doc: Document, limit: int = 12) -> list[tuple[str, Sentence | None]]:
    """The post title, then the headings and first lines of the content, in order."""
    out: list[tuple[str, Sentence | None]] = []
    if doc.post_title:
        out.append((doc.post_title, None))
    for section in doc.sections:
        if section.heading:
            out.append((section.heading, None))
        for line in section.lines:
            out.append((line.text, line.sentences[0] if line.sentences else None))
            if len(out) >= limit:
                return out
    return out


def candidates(doc: Document) -> list[Candidate]:
    """Every title the page's headline, headings and body put forward, with its strength."""
    found: list[Candidate] = []
    korean_page = doc.language == "ko"
    lines = head_lines(doc)
    for index, (line, sentence) in enumerate(lines):
        plain = clean(line)
        if re.fullmatch(r"\(.*\)", plain.strip()):
            continue  # "( A Korean drama review)": an aside under the title line, not a title
        sentence_like = len(plain.split()) > MAX_HEADING_WORDS
        for shape, strength in HEAD_SHAPES:
            match = shape.search(plain)
            if match and sentence_like and not re.search(r"[\uac00-\ud7a3]", match.group(0)):
                continue  # "The first time I saw X in Y (2016), I was in awe ...": a sentence, not a heading
            if match and shape is BARE_YEAR_LINE and (normalise_field_name(plain.split()[0]) or _two_sentences(plain)):
                continue  # "Title Reply 1988": a fact-box line without its colon; "In focus. Thrillers 2011"
            if (match and "ko" in shape.groupindex and korean_page and _plausible(match.group("ko").strip())
                    and not is_korean_name(match.group("t"))):  # "고아라 (Go Ah-ra)": a person and her name
                found.append(Candidate(match.group("ko").strip(), strength - min(index, 4), sentence, line=plain))
                break
            quoted_in = QUOTED.search(match.group("t")) if match else None
            if match and not quoted_in and "review" in match.group(0).lower()[-8:] and not _named_below(
                    doc, match.group("t")):  # "Good Ol’ Review: A, B Power Fun, Thrilling “Bloodhounds”": a column's
                quoted_in = QUOTED.search(plain[match.end():])  # name, the title quoted after it
            if quoted_in and _plausible(quoted_in.group(1)):  # "Review: Why 'X' is a Classic Thriller?"
                text = _strip(quoted_in.group(1))
            else:
                text = _trailing_title(_strip(_headline_title(match.group("t")))) if match else ""
            if match and HANGUL_ROLE_AND_ACTOR.search(plain[:match.end()]):
                continue  # "황시목(조승우), 한여진(배두나)": a character and the actor, Korean style
            if match and _plausible(text) and not is_korean_name(text):  # "Kim Ji-woon (김지운)": a person
                found.append(Candidate(text, strength - min(index, 4), sentence, line=plain))
                break
        if index == 0 and not _field_line(plain):  # the post title's part before a colon, dash or bar ("X: a review")
            head, *rest = re.split(r"\s*[—–|:]\s*|\s+-\s+", plain, maxsplit=1)
            head = _strip(head)
            if ((head != _strip(plain) or len(plain.split()) > 6) and _plausible(head) and len(head.split()) <= 6
                    and not (rest and is_acronym_of(head, rest[0]))):  # "JSA: Joint Security Area" is whole
                found.append(Candidate(head, 4, sentence))
        for match in QUOTED.finditer(plain):
            if _plausible(match.group(1)):
                earlier = EARLIER_WORK.search(plain[:match.start() + 1])
                found.append(Candidate(_strip(match.group(1)), (2 if earlier else 6) - min(index, 4), sentence))
        if (index < 4 and len(plain.split()) <= 6 and _plausible(_strip(plain)) and not plain.endswith(".")
                and not _field_line(plain) and not _unmarked_field(plain) and not _a_person(_strip(plain))):
            below = clean(lines[index + 1][0]) if index + 1 < len(lines) else ""
            carded = index <= 1 and CARD_BELOW.search(below) is not None  # "X" / "2006, Movie, NR, 139 mins"
            found.append(Candidate(_strip(plain), 9 if carded else 3 if index == 0 else 2, sentence))
    if doc.post_title:  # "New Netflix Original film X is a realistic thriller ...": a headline that is a sentence
        called = CALLED_A_KIND.match(clean(doc.post_title))
        subject = _bare_subject(called.group("t")) if called else ""
        if called and subject != called.group("t").strip() and _plausible(subject) and not _names_a_person(called.group(0)):
            found.append(Candidate(_strip(subject), 8, None))
    for index, sentence in enumerate(doc.sentences[:40]):
        appositive = APPOSITIVE_KIND.match(clean(sentence.text))
        if appositive and _plausible(appositive.group("t")) and not _names_a_person(appositive.group("t")):
            found.append(Candidate(_strip(appositive.group("t")), 8, sentence))
        match = INTRODUCES.match(clean(sentence.text))
        if match and _plausible(match.group("t")) and not _names_a_person(match.group(0)):
            found.append(Candidate(_strip(match.group("t")), 8, sentence))
        called = None if match else next(  # the sentence, or a clause after a dash ("... fortnight- X is a caper")
            (m for piece in _clauses(clean(sentence.text)) if (m := CALLED_A_KIND.match(piece))), None)
        subject = _bare_subject(called.group("t")) if called else ""
        if (called and _plausible(subject) and not _names_a_person(called.group(0))
                and not is_korean_given_name(subject)):
            found.append(Candidate(_strip(subject), 8, sentence))
        owned = OWNED_TITLE.match(clean(sentence.text)) if index < 5 else None
        if owned and is_korean_name(owned.group("owner")) and _plausible(owned.group("t")):
            found.append(Candidate(_strip(owned.group("t")), 8, sentence))
    quoted: dict[str, Candidate] = {}
    for sentence in doc.sentences:
        for match in QUOTED.finditer(clean(sentence.text)):
            text = _strip(match.group(1))
            if _plausible(text) and len(text.split()) <= 6 and text.lower() not in quoted:
                quoted[text.lower()] = Candidate(text, 0, sentence)
    found += quoted.values()
    found += _korean_quoted(doc)
    found += _korean_introduced(doc)
    found += _korean_kind_quoted(doc)
    if not any(c.strength >= 6 for c in found):  # the last resort of a Korean post whose headline has no shape
        found += [c for c in _korean_headline_named(doc)  # not a part of a short candidate ("델루나" of "호텔 델루나")
                  if not any(c.text in d.text and len(d.text.split()) <= 3 for d in found if d.text != c.text)]
    found += _capital_runs(doc)
    found += _body_runs(doc)
    outlets = set(KOREAN_BYLINE.findall(doc.text))  # "[스포츠조선 김영록 기자]": the newspaper, never the title
    return [c for c in found if not _people_pair(c.text) and c.text not in outlets]


# "[스포츠조선 김영록 기자]", "(서울=뉴스1) 김영록 기자": a Korean news byline names its outlet
KOREAN_BYLINE = re.compile(r"[\[(]\s*([\uac00-\ud7a3A-Za-z0-9]{2,12})(?:=[\uac00-\ud7a3A-Za-z0-9]{2,12})?\s*\]?\s*"
                           r"[\uac00-\ud7a3]{2,4}\s*기자")


def _people_pair(text: str) -> bool:
    """"Kim Hye Yoon and Byeon Woo Seok": two people named together (a caption's subject), no title."""
    parts = re.split(r"\s+(?:and|&)\s+|,\s*", text.strip())
    return len(parts) >= 2 and all(is_korean_name(part) for part in parts)


# "황시목(조승우)", "장그래(임시완 분)": a character in Hangul with the actor in brackets, never a title line
HANGUL_ROLE_AND_ACTOR = re.compile(r"([\uac00-\ud7a3]{2,5})[’'”\"]?\s*\(\s*(?:배우\s+)?([\uac00-\ud7a3]{2,4})(?:\s*(?:분|역))?\s*\)")


# a listing's card line under its title: a year and a running time ("2006, Movie, NR, 139 mins", "2019 | 111 min")
CARD_BELOW = re.compile(r"^(?=.*\b(?:19|20)\d\d\b)(?=.*\b\d{2,3}\s*(?:mins?|minutes|분)\b).{0,80}$", re.I)
# a critic's habit of writing the title in capitals: "A full-blooded epic, ODE TO MY FATHER spans ..."
CAPITALS_RUN = re.compile(r"(?<![\w'’-])([A-Z][A-Z0-9'’:&-]+(?:\s+[A-Z0-9'’:&-]+){1,6})(?![\w'’-])")


def _capital_runs(doc: Document) -> list[Candidate]:
    """Runs of two words or more in capitals inside body sentences (not whole shouted lines)."""
    counts: dict[str, tuple[int, Sentence]] = {}
    for sentence in doc.sentences[:60]:
        plain = clean(sentence.text)
        if plain.isupper():
            continue  # a heading or a shouted line, read as a line elsewhere
        for match in CAPITALS_RUN.finditer(plain):
            text = _strip(match.group(1))
            if len(re.sub(r"[^A-Z]", "", text)) >= 6 and _plausible(text) and not is_korean_name(text.title()):
                seen = counts.get(text)
                counts[text] = ((seen[0] if seen else 0) + 1, seen[1] if seen else sentence)
    return [Candidate(text, 4, sentence) for text, (_, sentence) in counts.items()]


# a title in a Korean text's quotes: ‘비밀의 숲’, '호텔델루나', `미생`, 《미생》, <미생>
KOREAN_QUOTED = re.compile(r"[‘'“\"`《「〈<]((?:\d{1,4}(?=[\uac00-\ud7a3]))?[\uac00-\ud7a3][\uac00-\ud7a3\d :·!?-]{0,30}?)"
                           r"[’'”\"`》」〉>]")  # "‘20세기 소녀’": digits may open it


def _korean_quoted(doc: Document) -> list[Candidate]:
    """Hangul runs a Korean page puts in quotes, as it does its titles: one it quotes twice or more,
    or quotes in its first lines (as a headline quotes its title), is a strong candidate."""
    counts: dict[str, tuple[int, Sentence | None]] = {}
    heads = [(clean(line), sentence) for line, sentence in head_lines(doc, limit=6)]
    taken = {sentence for _, sentence in heads if sentence is not None}
    lines = heads + [(clean(s.text), s) for s in doc.sentences if s not in taken]  # each line counted once
    headed: set[str] = set()
    paired = {name for pair in HANGUL_ROLE_AND_ACTOR.findall(doc.text) for name in pair}  # "‘삼달’(신혜선)": no titles
    for text, sentence in lines:
        for match in KOREAN_QUOTED.finditer(text):
            run = match.group(1).strip()
            if re.match(r"\s*(?:작가|감독|배우|PD|씨|(?:역|분)(?![가-힣]{2}))", text[match.end():]):  # not "역시", "분위기"
                continue  # "'이수연'작가": a person in quotes
            if _plausible(run) and not _hangul_junk(run) and run not in paired:
                seen = counts.get(run)
                counts[run] = ((seen[0] if seen else 0) + 1, seen[1] if seen else sentence)
                if (text, sentence) in heads:
                    headed.add(run)
    return [Candidate(run, 6 if n >= 2 or run in headed else 2, sentence) for run, (n, sentence) in counts.items()]


# "2015년에 방송된 드라마 힐러입니다", "오늘 소개할 영화는 변호인입니다": a Korean sentence that names the drama or film
KOREAN_INTRODUCES = re.compile(r"(?:드라마|영화)(?:는)?\s+[‘'“\"]?(?P<t>[\uac00-\ud7a3][\uac00-\ud7a3\d]{0,12}"
                               r"(?:\s[\uac00-\ud7a3\d]{1,8}){0,2}?)[’'”\"]?(?:입니다|이에요|예요|였습니다|이었습니다|이다)[.!]?$")


# "tvN 월화드라마 '이번 생은 처음이라'가", "영화 '승리호'는": a kind word, then the title in quotes
KOREAN_KIND_QUOTED = re.compile(r"(?:드라마|주말극|일일극|영화|시리즈|작품)\s*[‘'“\"《<「]"
                                r"((?:\d{1,4}(?=[\uac00-\ud7a3]))?[\uac00-\ud7a3][\uac00-\ud7a3\d :·!?-]{0,30}?)[’'”\"》>」]")


def _korean_kind_quoted(doc: Document) -> list[Candidate]:
    """A title a Korean page's first lines quote after a kind word: a news lede's "tvN 월화드라마 'X'가"
    is the strongest sign of what the article is about; later in the page it may be another work."""
    found = []
    for index, sentence in enumerate(doc.sentences[:30]):
        text = clean(sentence.text)
        for match in KOREAN_KIND_QUOTED.finditer(text):
            run = match.group(1).strip()
            after = text[match.end():match.end() + 40]
            if re.match(r"\s*[,·]?\s*[‘'“\"]", after) or re.match(r"[^.]{0,25}?(?:연출|감독|작가|각본|출연했|주연작|전작)", after):
                continue  # "영화 '해운대' '1번가의 기적'을 연출한 윤제균 감독": the maker's other works
            if _plausible(run) and not _hangul_junk(run):
                found.append(Candidate(run, 8 if index < 8 else 4, sentence))
    return found


# Words a Korean headline puts around the title, never the title: kinds, platforms, the parts of a review post
_KOREAN_HEADLINE_WORDS = re.compile(r"(?:영화|드라마|추천|후기|리뷰|줄거리|평점|시청|감상|결말|정보|출연진|등장인물|넷플릭스|티빙|"
                                    r"웨이브|디즈니|쿠팡|왓챠|기본|간단|스포|솔직|총정리|명대사|해석|원작|웹툰|시즌|정주행|"
                                    r"몰아보기|소개|추천작|인생|작품|배우|감독|방송|공개|개봉|최신|신작|오늘|이번주)")
_PARTICLE = re.compile(r"(?:은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|이라|라|야|아|!|\?)$")


def _korean_headline_named(doc: Document) -> list[Candidate]:
    """A word of a Korean post's headline that its body keeps naming ("넷플릭스 영화추천 승리호! 시청 후기, ..."
    and "승리호가", "승리호 평점", "승리호 멤버" below): the title the page is about, when no shape marks it."""
    if doc.language != "ko":
        return []
    body = "\n".join(clean(s.text) for s in doc.sentences)
    best: tuple[int, str, Sentence | None] | None = None
    for line, sentence in head_lines(doc, limit=6):
        for word in re.findall(r"[\uac00-\ud7a3\d]{2,12}", clean(line)):
            word = _PARTICLE.sub("", word)
            if (len(word) < 2 or _KOREAN_HEADLINE_WORDS.search(word) or is_hangul_name(word)
                    or not re.search(r"[\uac00-\ud7a3]", word) or _hangul_junk(word)):
                continue
            named = body.count(word)
            if named >= 4 and (best is None or named > best[0]):
                best = (named, word, sentence)
    return [Candidate(best[1], 7, best[2])] if best else []


def _korean_introduced(doc: Document) -> list[Candidate]:
    """Titles a Korean page's sentence introduces as the drama or film it is about."""
    found = []
    for sentence in doc.sentences[:40]:
        match = KOREAN_INTRODUCES.search(clean(sentence.text).strip())
        if match and _plausible(match.group("t")) and not _hangul_junk(match.group("t")):
            found.append(Candidate(match.group("t"), 6, sentence))
    return found


# a Korean site's furniture and section labels, never a title: "본문 바로가기", "카테고리 없음", "영화검색", "줄거리 요약"
KOREAN_JUNK = re.compile(r"^(?:.*에서\s*넘어옴|.*\((?:리뷰|후기|review)\)|이름|제목|본문\s*바로\s*가기|바로\s*가기|.*검색|카테고리.*|로그인|메뉴|홈|전체\s*보기|공지사항|구독하기|"
                         r"댓글.*|공유하기|이웃추가|(?:드라마|영화)?\s*\S*리뷰|줄거리.*|(?:주요\s*)?등장\s*인물.*|출연진|시놉시스|"
                         r"(?:기본|작품)\s*정보|총평|결말.*|관련\s*글.*|인기\s*글.*|최근\s*글.*|반응형|광고|"
                         r"\d{2,4}\s*[x×]\s*\d{2,4}.*|(?:19|20)\d\d년(?:\s*\d{1,2}월)?(?:\s*\d{1,2}일)?)$")  # ad slots, dates


# a clause of a Korean sentence, not a title: it ends in a connective ("... 하고", "... 입장이어서") or in a
# topic particle after a common noun ("오늘 추천해드릴 종영드라마는"), or runs to five words and more
KOREAN_CLAUSE = re.compile(r"^(?:이|그|저)\s+(?:영화|드라마|작품)|(?:하고|이고|어서|아서|해서|여서|이어서|면서|는데|지만|니까|으니|는지|다가|드라마는|영화는|작품은)$")


def _hangul_junk(text: str) -> bool:
    plain = text.strip()
    words = plain.split()
    if re.match(r"[\uac00-\ud7a3]", plain) and len(words) >= 2 and (KOREAN_CLAUSE.search(plain) or len(words) >= 5):
        return not re.search(r"[,:·]", plain)  # "좋은 놈, 나쁜 놈, 이상한 놈": a title of five words, commas in it
    return bool(KOREAN_JUNK.match(plain))


_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "you", "one", "two", "this",
            "that", "these", "those", "there", "here", "it", "he", "she", "they", "we", "i", "but", "and", "or",
            "so", "as", "if", "when", "while", "after", "before", "in", "on", "at", "for", "with", "from", "by",
            "all", "both", "each", "every", "some", "no", "not", "yes", "what", "why", "how", "who", "where",
            "mr", "mrs", "ms", "dr", "director", "actor", "actress", "writer", "episode", "season", "south",
            "view", "watch", "stream"}  # "View Mother during ...": an imperative opening a listing's line


def _drop_openers(words: list[str]) -> list[str]:
    """A run less the sentence openers it starts with ("When Hierarchy" -> "Hierarchy"), keeping
    an article that belongs to a longer title ("The Glory")."""
    while words and words[0].lower() in _OPENERS and (len(words) == 1 or words[0].lower() not in ("the", "a", "an")):
        if words[0].lower() in ("my", "our", "your") and len(words) >= 3:
            break  # "My Love From The Star", "Our Beloved Summer": a possessive that opens a title
        words = words[1:]
    return words


def _body_runs(doc: Document) -> list[Candidate]:
    """Capitalised runs the body repeats ("Hierarchy", "Decision to Leave") that are no person,
    platform or common word: the title a page keeps naming when no headline shape gives it."""
    counts: dict[str, tuple[int, Sentence]] = {}
    played: set[str] = set()
    for sentence in doc.sentences[:80]:
        plain = clean(sentence.text)
        if _field_line(plain):
            continue  # "• Country: South Korea": a fact-box field, its value no title
        asides = [m.span() for m in re.finditer(r"\([^()]*\)", plain)]
        for match in BODY_RUN.finditer(plain):
            before, after = plain[:match.start()], plain[match.end():]
            if re.search(r"[\d:@]\s*$", before) or re.match(r"[\w ]{0,20}:", after):
                continue  # "9:00pm"; "Language spoken: Korean" (a field label)
            if any(start < match.start() < end for start, end in asides):
                continue  # "Hwang Jung-min (The Unjust)": a work in brackets is an aside, another work
            words = _drop_openers(re.sub(r"['’]s$", "", match.group(0)).strip(" :.,!?").split())
            text = " ".join(words)
            if _played(after) or (text.isupper() and text.title() in FAMILY_NAMES):
                played.add(text)  # "Mija, superbly played by X", "Wook (Da-wit Lee)": a character; "YUN": a family name
            if (len(text) < 3 or not _plausible(text) or is_korean_name(text)
                    or (len(words) == 1 and words[0] in FAMILY_NAMES)
                    or ((len(words) > 1 or "-" in text) and all(is_korean_given_name(w) for w in words))
                    or (len(words) == 2 and words[0] in FAMILY_NAMES and "-" in words[1])
                    or ROLE_AND_SURNAME.fullmatch(text)):
                continue  # "Hee Joo", "Jung-do", "Park Sae-ro-yi": a name
            seen = counts.get(text)
            counts[text] = ((seen[0] if seen else 0) + 1, seen[1] if seen else sentence)
    # a run someone plays is a character: kept only as the last resort of a page naming nothing else
    return [Candidate(text, PLAYED_STRENGTH if text in played else 0, sentence)
            for text, (n, sentence) in counts.items() if n >= BODY_MIN_MENTIONS]


def _played(after: str) -> bool:
    """True when the text after a run says someone plays it: "(Da-wit Lee)", ", played by X"."""
    paren = re.match(r"\s*\(([^()]{3,40})\)", after)
    return bool((paren and is_korean_name(paren.group(1).strip()))
                or re.match(r",?\s+(?:[a-z]+ly\s+)?(?:played|portrayed)\s+by\b", after))


def _field_line(line: str) -> bool:
    """True for a "Label: value" line whose label is a fact-box label or whose value is a number
    ("Korean Title: ...", "Overall rating: 7.4"): a field, never a title on its own."""
    unbulleted = re.sub(rf"^\s*{BULLET_MARK}", "", line)
    label, sep, value = unbulleted.partition(":")
    if sep and unbulleted != line.strip() and len(label.split()) <= 3 and value.strip():
        return True  # "• Aired On: Wednesday": a bullet of a fact box
    return bool(sep) and (normalise_field_name(label) is not None or bool(re.match(r"\s*\d", value))
                          or len(label.split()) <= 4 and bool(value.strip()) and label[:1].isalpha()
                          and normalise_field_name(label.split()[-1]) is not None)


def _unmarked_field(line: str) -> bool:
    """True for a card line of a lower-case label and its value, without a colon ("director
    Chan Wook-Park", "release date July 31 2009")."""
    words = line.split()
    return line[:1].islower() and any(
        normalise_field_name(" ".join(words[:n])) is not None for n in (1, 2, 3) if len(words) > n)


ROMANISED_PENALTY = 4
_ROMAN_WORD = re.compile(rf"(?:{ROMAN_SYLLABLE}){{1,8}}", re.I)
MAX_ROMAN_WORD = 24  # longer words are never tried: the syllable pattern can split a vowel run many ways


def _romanised(text: str) -> bool:
    """True for a romanised Korean title ("Liteul poreseuteu", "Geukhan jikeob"): two words or more,
    the first capitalised, the rest in small letters, every one a run of Korean syllables."""
    words = text.split()
    return (len(words) >= 2 and words[0][:1].isupper() and all(w.islower() for w in words[1:])
            and all(len(w) <= MAX_ROMAN_WORD and _ROMAN_WORD.fullmatch(w) for w in words))


def _clauses(text: str) -> list[str]:
    """`text`, then what follows each dash or semicolon in it."""
    return [text, *(text[m.end():] for m in re.finditer(r"[-—–;]\s+", text))]


def _a_person(text: str) -> bool:
    """True for a line that is a person's name, either order ("Lee Chang-dong", "Chang-dong Lee")."""
    words = text.split()
    return is_korean_name(text) or (len(words) == 2 and is_korean_name(f"{words[1]} {words[0]}"))


def _names_a_person(intro: str) -> bool:
    """True when an introduced subject is a person or a role: it is a Korean-shaped name, or ends
    with a hyphenated one ("Private An Jun-ho is a new ..."), or an actor follows it in brackets
    ("Jun-ho (Jung Hae In) is")."""
    head = re.split(r"\s+(?:is|was)\s", intro, maxsplit=1)[0]
    paren = re.search(r"\(([^)]*)\)", head)
    subject = re.sub(r"\s*\([^)]*\)", "", head).split()
    if len(subject) == 1 and subject[0] in FAMILY_NAMES:
        return True  # "Song is a Korean cinema icon": an actor named by the family name
    ends = [" ".join(subject[-n:]) for n in (2, 3) if len(subject) >= n]
    return bool((paren and is_korean_name(paren.group(1).strip()))
                or any(is_korean_name(name) and ("-" in name or len(name.split()) == len(subject)) for name in ends))


def choose(doc: Document) -> Candidate | None:
    """The best-supported candidate; None when the page names no title at all."""
    found = candidates(doc)
    if not found:
        return None
    content = "\n".join(clean(line.text) for section in doc.sections for line in section.lines)
    content += "\n" + "\n".join(clean(s.heading) for s in doc.sections if s.heading)
    if doc.post_title:
        content += "\n" + clean(doc.post_title)
    counts: dict[str, int] = {}
    texts = sorted({c.text.lower() for c in found}, key=len, reverse=True)
    for candidate in found:
        key = candidate.text.lower()
        if key not in counts:
            # a mention inside a longer candidate is that one's ("Sympathy" in "Sympathy for Mr. Vengeance")
            longer = [t for t in texts if len(t) > len(key) and key in t]
            text = content
            for other in longer:
                text = re.sub(re.escape(other), " ", text, flags=re.I)
            tail = "" if re.search(r"[\uac00-\ud7a3]$", candidate.text) else r"(?![\w-])"  # "비밀의 숲은": a particle
            pattern = re.compile(rf"(?<![\w-]){re.escape(candidate.text)}{tail}", re.I)
            counts[key] = len(pattern.findall(text))
        candidate.mentions = counts[key]
    for candidate in found:  # "Liteul poreseuteu": the Korean title romanised yields to an English one
        if _romanised(candidate.text) and any(not _romanised(c.text) and c.strength >= candidate.strength for c in found):
            candidate.strength -= ROMANISED_PENALTY
    usable = [c for c in found if c.strength >= 8 or c.mentions >= MIN_MENTIONS] or found
    # a name inside a better-placed longer one is a part of it ("Counter" in the headline's "The Uncanny Counter")
    usable = [c for c in usable if not any(len(d.text) > len(c.text) and c.text.lower() in d.text.lower()
                                           and d.strength > c.strength for d in usable)] or usable
    order = {id(c): i for i, c in enumerate(found)}  # on a tie, the candidate the page puts first
    return _refined(max(usable, key=lambda c: (c.score, c.strength, -order[id(c)])), content)


# words a headline puts after the title ("X Part 1", "X Kdrama Starring A and B", "경성크리처 리뷰 총정리")
TITLE_TAIL_WORDS = re.compile(r"^(?:(?:part|season)\s+\d+$|k[- ]?drama\b|drama\b|series\b|film\b|movie\b|starring\b|review|"
                           r"recap|episodes?\b|리뷰|후기|총정리|감상|결말|줄거리|정보|출연진|등장인물)", re.I)


def _refined(best: Candidate, content: str) -> Candidate:
    """The chosen line less the words a headline puts around the title, when the page keeps naming
    the title alone and the line itself once at most: a label before a colon ("Premiere Watch:
    Gyeongseong Creature") or a headline's tail ("Vagabond Kdrama Starring A and B", "X Part 1",
    "경성크리처 리뷰 총정리"). The title left must be named twice or more."""
    words = best.text.split()
    if best.mentions > 1 or len(words) < 2:
        return best
    rest = content.replace(best.text, " ")
    parts = [" ".join(words[k:]) for k in range(1, len(words)) if words[k - 1].endswith(":")]
    parts += [" ".join(words[:k]) for k in range(1, len(words)) if TITLE_TAIL_WORDS.match(" ".join(words[k:]))]
    counted = []
    for part in (p.strip(" :,;|-–—") for p in parts):
        if not part or part.lower() in LONE_WORDS or NOT_TITLES.match(part) or not _plausible(part):
            continue
        if is_korean_name(part) or _a_person(part) or _people_pair(part):
            continue
        tail = "" if re.search(r"[\uac00-\ud7a3]$", part) else r"(?![\w-])"
        named = len(re.findall(rf"(?<![\w-]){re.escape(part)}{tail}", rest))
        if named >= 2:
            counted.append((named, part))
    if not counted:
        return best
    named, part = max(counted, key=lambda item: (len(item[1]), item[0]))
    return Candidate(part, best.strength, best.sentence, mentions=named, line=best.line)
