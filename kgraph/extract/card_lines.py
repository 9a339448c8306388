"""A listing's card line: short pieces joined by "·", "/" or "|", with no labels, as cinemas and
festivals print them ("Bong Joon-ho · 2003", "131min · DCP", "dir. Bong Joon-ho / South Korea 2006 /
117’", "118 minutes | Unrated"). Each piece is read by its shape alone, so a line is taken only when
a piece has an unmistakable shape: a running time, a "dir." credit, or a year beside a name or a
running time. A header's lone credit line ("Directed by X", "Starring A, B") is read too, when it
holds only names. The pieces become fact-box fields of the page."""
from __future__ import annotations

import re

from kgraph.extract.patterns import is_korean_name
from kgraph.sources.document import Document, Sentence
from kgraph.extract.prefilter import cued

SEPARATOR = cued(r"\s+[·•/|]\s+|\s*[·•|]\s*")
RUNTIME_PIECE = cued(r"(\d{2,3})\s*(?:min(?:ute)?s?\.?|m|[’'′]|분)", re.I)
EPISODES_PIECE = cued(r"(\d{1,3})\s+episodes", re.I)
FILM_FORMAT = cued(r"\s+(?:(?:16|35|70)\s?mm|DCP|digital)$", re.I)
YEAR_PIECE = cued(r"(?:(?:South\s+)?Korea,?\s+)?((?:19|20)\d\d)", re.I)
DIRECTOR_PIECE = cued(r"(?:dir\.|directed by|director)\s+(.+)", re.I)
# an age rating beside a running time: "123분, 청소년관람불가", "118 min, 15세 이상 관람가", "95 min, PG-13"
RATING_PIECE = cued(r"(?:청소년\s*관람\s*불가|전체\s*관람가|\d{2}세\s*(?:이상\s*)?관람\s*(?:가|불가)|"
                    r"(?:rated\s+)?(?:PG-13|PG|NC-17|R|12A|15|18|U)|unrated|not rated)", re.I)
MAX_LINE = 80
MAX_COMMA_LINE = 120
# A header box's credit line on its own: "Directed by Park Chan-wook", "Starring Choi Min-sik, Kang Hye-jung"
CREDIT_LINE = cued(r"(?P<job>directed by|director|starring)\s+(?P<names>[A-Z][^.:;()]{2,70})", re.I)
# a title line's bracket of its director and year: "X (Kim Jee-woon, 2003)"
DIRECTOR_AND_YEAR = cued(r"\(([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2}),\s*((?:19|20)\d\d)\)$")
# a TV guide's line under the title, the director and the year: "Jung Byung-gil (2017)"
PERSON_AND_YEAR = cued(r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})\s*\(((?:19|20)\d\d)\)")
NAME_SHAPE = cued(r"[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){1,2}")


def card_fields(doc: Document) -> list[tuple[str, str, Sentence]]:
    """(field, value, line) for every piece of the page's card lines; the first card wins a field."""
    out: list[tuple[str, str, Sentence]] = []
    for text, sentence in page_lines(doc):
        if len(text) <= MAX_LINE or _comma_pieces(text.strip()):
            out += _card(text.strip(), sentence)
    return out


def page_lines(doc: Document) -> list[tuple[str, Sentence]]:
    """Every heading and line of the page in order, each as one span: a plain-text page takes a
    short line (a card line, a list item) for a heading, and "dir. X / ..." splits into sentences."""
    out: list[tuple[str, Sentence]] = []
    cursor = 0
    if doc.post_title and doc.post_title_span:  # a listing's first line may be its card
        start, cursor = doc.post_title_span
        out.append((doc.post_title, Sentence(start, cursor, doc.post_title, "", doc.text.count("\n", 0, start) + 1)))
    for section in doc.sections:
        heading = heading_sentence(doc, section.heading, cursor) if section.heading else None
        if heading is not None:
            cursor = heading.end
            out.append((heading.text, heading))
        for line in section.lines:
            cursor = max(cursor, line.end)
            if line.sentences:
                whole = Sentence(line.start, line.end, line.text, section.heading, line.sentences[0].line)
                out.append((line.text, line.sentences[0] if len(line.sentences) == 1 else whole))
    return out


def heading_sentence(doc: Document, heading: str, cursor: int) -> Sentence | None:
    """The heading as a span of the page text, found from `cursor` on."""
    start = doc.text.find(heading, cursor)
    if start < 0:
        return None
    end = start + len(heading)
    return Sentence(start, end, heading, heading, doc.text.count("\n", 0, start) + 1)


# "Bong Joon HoSouth Korea129 minutes2009Colour": a card line whose separators the page lost
GLUED = cued(r"[a-z](?=[A-Z0-9])|\d(?=[A-Za-z]{2})")


def unglued(text: str) -> str:
    """A card line run together at two or more places, one of them beside a digit, with its
    separators put back ("Bong Joon Ho · South Korea · 129 minutes · 2009 · ..."); else the line."""
    joints = [m.end() for m in GLUED.finditer(text)]
    if len(joints) < 2 or SEPARATOR.search(text) or not any(
            text[j - 1].isdigit() or text[j].isdigit() for j in joints):
        return text
    return "".join(text[a:b] + (" · " if b < len(text) else "") for a, b in zip([0, *joints], [*joints, len(text)]))


def _comma_pieces(text: str) -> list[str]:
    """"(Janghwa, hongryeon), Kim Jee-woon, Korea 2003, Korean / English subtitles, 115 min": a card line
    with commas for separators, taken only when its pieces hold both a running time and a year."""
    commas = [p.strip() for p in text.split(",") if p.strip()]
    if len(commas) < 4 or len(text) > MAX_COMMA_LINE:
        return []
    if any(RUNTIME_PIECE.fullmatch(p) for p in commas) and any(YEAR_PIECE.fullmatch(p) for p in commas):
        return commas
    return []


def _card(text: str, sentence: Sentence) -> list[tuple[str, str, Sentence]]:
    person_year = PERSON_AND_YEAR.fullmatch(text)
    if person_year and is_korean_name(person_year.group(1)):  # "Jung Byung-gil (2017)": a guide's credit line
        return [("year", person_year.group(2), sentence)]
    bracket = DIRECTOR_AND_YEAR.search(text)
    if bracket and is_korean_name(bracket.group(1)):  # "A TALE OF TWO SISTERS (Kim Jee-woon, 2003)"
        return [("director", bracket.group(1), sentence), ("year", bracket.group(2), sentence)]
    pieces = _comma_pieces(text) or [p.strip() for p in SEPARATOR.split(unglued(text)) if p.strip()]
    credit = CREDIT_LINE.fullmatch(text)
    if credit and all(NAME_SHAPE.fullmatch(n.strip()) for n in re.split(r",\s*|\s+and\s+", credit.group("names"))):
        return [("director" if credit.group("job").lower().startswith("direct") else "cast",
                 credit.group("names"), sentence)]
    pieces = [FILM_FORMAT.sub("", p) for p in pieces]  # "129 minutes 35mm": the print, not the length
    rated = [p.strip() for p in text.split(",")]
    if len(pieces) == 1 and len(rated) == 2 and RATING_PIECE.fullmatch(rated[1]):
        pieces = rated[:1]  # "123분, 청소년관람불가": the running time and the rating
    if len(pieces) == 1:  # a line that is nothing but a running time or a count: "143 minutes", "18 episodes"
        runtime, count = RUNTIME_PIECE.fullmatch(pieces[0]), EPISODES_PIECE.fullmatch(pieces[0])
        if runtime and len(text) <= 20:
            return [("runtime", f"{runtime.group(1)} min", sentence)]
        return [("episodes", count.group(1), sentence)] if count and len(text) <= 20 else []
    found: dict[str, str] = {}
    names = []
    for piece in pieces:
        runtime, year, director = (RUNTIME_PIECE.fullmatch(piece), YEAR_PIECE.fullmatch(piece),
                                   DIRECTOR_PIECE.fullmatch(piece))
        if runtime:
            found.setdefault("runtime", f"{runtime.group(1)} min")
        elif year:
            found.setdefault("year", year.group(1))
        elif director and is_korean_name(director.group(1)):
            found.setdefault("director", director.group(1))
        elif is_korean_name(piece):
            names.append(piece)
    if "year" in found and len(names) == 1 and "director" not in found:
        found["director"] = names[0]  # "Bong Joon-ho · 2003": a listing names its director beside the year
    if "year" in found and not ({"runtime", "director"} & found.keys()):
        del found["year"]  # a bare year beside words is a date or a note, not the film's year
    return [(name, value, sentence) for name, value in found.items()]
