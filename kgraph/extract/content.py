"""What the title contains: quotes, scenes, soundtrack tracks, unnamed characters, themes,
and mentions of other works the people of the title are tied to."""
from __future__ import annotations

import re

from rdflib import URIRef

from kgraph.extract.context import Context, sentence_text
from kgraph.extract.facts import Credit, Iri, Mention, Quote, Scene, Track
from kgraph.extract.patterns import QUOTED, TITLE_RUN
from kgraph.extract.people import people_in
from kgraph.names import clean, display
from kgraph.sources.document import Sentence
from kgraph.vocab import KG
from kgraph.extract.prefilter import cued

# Advertising copy woven into blog prose; masked before theme matching.
AD_PHRASES = cued(
    r"\b(identity theft protection|(?:the )?best vpn(?: for streaming)?|vpns?|home security systems?|"
    r"travel insurance|car insurance|life insurance|health insurance|credit cards?|mortgages?|"
    r"web hosting|antivirus|password managers?|online degrees?|personal loans?|debt consolidation|"
    r"cyber security software|streaming devices?)\b", re.I)

QUOTE_LINE = cued(r"^[“\"](?P<text>.+?)[”\"]\s*[–—-]\s*(?P<speaker>[A-Z][\w'’‑-]*(?:\s[A-Z][\w'’‑-]*)?)"
                        r"(?P<rest>.*)$")
SCENE_LINE = cued(r"^(?:[-•*]\s*)?(?:\*\*)?(?P<name>[A-Z0-9][^:]{1,60}?)(?:\*\*)?:\s+(?P<desc>.+)$")
TRACK = cued(rf"\b(?:track|song|single|OST|theme song|ballad)\s+{QUOTED}")
MENTION_CUE = cued(
    r"\b(?:worked together|starred together|co-starred|reunit\w*|previously (?:worked|starred|appeared|teamed)|"
    r"also starred|appeared|turned heads|made (?:his|her|their) name|known for|breakout|teamed up)\b"
    r"[^.]*?\b(?:in|with|for|on)\s+", re.I)
PAIR_WORDS = cued(r"\b(the two|both|together|reunion|reunit\w*|again)\b", re.I)
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "pharmacist": ("pharmacist",), "student": ("student", "high-schooler", "schoolgirl", "schoolboy"),
    "detective": ("detective",), "prosecutor": ("prosecutor",), "doctor": ("doctor",), "nurse": ("nurse",),
    "lawyer": ("lawyer", "attorney"), "boss": ("boss",), "chairman": ("chairman",), "teacher": ("teacher",),
    "driver": ("driver",), "bodyguard": ("bodyguard",), "manager": ("manager",), "priest": ("priest",),
    "shaman": ("shaman",), "reporter": ("reporter", "journalist"), "killer": ("killer", "assassin"),
    "landlord": ("landlord", "landlady"), "grandmother": ("grandmother",), "mother": ("mother",),
    "father": ("father",), "sister": ("sister",), "brother": ("brother",),
}
STORY_SECTIONS = ("overall story", "story", "plot", "synopsis", "highlight", "unforgettable", "scene")


def quotes(ctx: Context) -> None:
    """Lines of a quotes section: “text” – Speaker, comment."""
    for section in ctx.doc.sections:
        if not re.search(r"line|quote|dialogue", section.heading, re.I):
            continue
        for line in section.lines:
            match = QUOTE_LINE.match(line.text)
            if not match:
                continue
            speaker = re.sub(r"['’]s$", "", match.group("speaker").strip())
            if ctx.known_person(speaker) is not None and ctx.find_character(speaker) is None:
                character = None
            else:
                character = ctx.find_character(speaker) or ctx.character(speaker)
            rest = match.group("rest")
            desc = re.match(r"^(?:['’]s\s+)?[\s,]*(.+?)(?=\s+[A-Z][\w’']*\s|$)", rest)
            evidence = _span(line.sentences, line.start, line.start + match.end("rest"))
            ctx.claim(Quote(title=ctx.title_iri, text=match.group("text").strip(), speaker=character,
                            description=desc.group(1).strip(" ,") if desc else None, evidence=[evidence]))


def _span(sentences: tuple[Sentence, ...], start: int, end: int) -> Sentence:
    """The first sentence of a line that overlaps [start, end)."""
    for sentence in sentences:
        if sentence.end > start and sentence.start < end:
            return sentence
    return sentences[0]


def scenes(ctx: Context) -> None:
    """Lines of a scenes section: "Scene Name: what happens"."""
    for section in ctx.doc.sections:
        if not re.search(r"scene|moment", section.heading, re.I):
            continue
        for line in section.lines:
            match = SCENE_LINE.match(line.text)
            if not match or len(match.group("name").split()) > 8:
                continue
            first = line.sentences[0]
            description = first.text.split(":", 1)[1].strip() if ":" in first.text else None
            ctx.claim(Scene(title=ctx.title_iri, name=match.group("name").strip(),
                            description=description, evidence=[first]))


def tracks(ctx: Context) -> None:
    """Soundtrack tracks named in quotes, with the people the sentence credits for them."""
    for sentence in ctx.doc.sentences:
        text = clean(sentence.text)
        for match in TRACK.finditer(text):
            name = match.group(1).strip(" ,.")
            performers = people_in(ctx, sentence)
            ctx.claim(Track(title=ctx.title_iri, name=name, performers=performers, evidence=[sentence]))


def mentions(ctx: Context) -> None:
    """Other works the title's people are tied to: "the two previously worked together in X"."""
    sentences = ctx.doc.sentences
    for index, sentence in enumerate(sentences):
        text = sentence_text(sentence)
        for cue in MENTION_CUE.finditer(text):
            if any(start <= cue.end() <= end for start, end in ctx.related_spans.get(sentence, ())):
                continue  # a related-works phrasing has read it, with its works apart
            rest = text[cue.end():]
            quoted = re.match(QUOTED, rest)
            work = quoted.group(1) if quoted else (re.match(TITLE_RUN, rest).group(0) if re.match(TITLE_RUN, rest) else None)
            if not work:
                continue
            work = work.strip(" ,.'\"")
            if not work or ctx.lexicon.platform(work) or (ctx.title and display(work) == ctx.title.name):
                continue
            people = people_in(ctx, sentence)
            if PAIR_WORDS.search(text) and len(people) < 2:
                people += _previous_person(ctx, sentences, index, people)
            if not people:
                continue
            work_iri = ctx.other_title(work)
            ctx.claim(Mention(title=ctx.title_iri, work=work_iri, people=people,
                              description=cue.group(0).strip(), evidence=[sentence]))
            for person in people:
                ctx.claim(Credit(title=work_iri, person=person, evidence=[sentence]))


def _previous_person(ctx: Context, sentences: list[Sentence], index: int, exclude: list[Iri]) -> list[Iri]:
    """The nearest person named in the three sentences before, for "His face-off with Jeon ..."."""
    for back in range(index - 1, max(-1, index - 4), -1):
        if sentences[back].section != sentences[index].section:
            break
        for person in reversed(people_in(ctx, sentences[back])):
            if person not in exclude:
                return [person]
    return []


def unnamed_characters(ctx: Context) -> None:
    """Characters the story only describes ("the pharmacist"), seen at least twice."""
    story = [(s, clean(s.text)) for s in ctx.doc.sentences if s.section.lower().startswith(STORY_SECTIONS)]
    every = re.compile(rf"\b(?:{'|'.join(re.escape(w) for words in ROLE_NOUNS.values() for w in words)})\b", re.I)
    story = [(s, text) for s, text in story if every.search(text)]
    for role, words in ROLE_NOUNS.items():
        pattern = re.compile(rf"\b(the|a|an)\s+((?:[\w-]+\s+){{0,2}}?)({'|'.join(map(re.escape, words))})\b", re.I)
        hits: list[tuple[Sentence, str, str]] = []
        for sentence, text in story:
            for match in pattern.finditer(text):
                hits.append((sentence, match.group(1).lower(), (match.group(2) + match.group(3)).strip()))
        definite = [h for h in hits if h[1] == "the"]
        if len(definite) < 2:
            continue
        if any(role in c.descriptions or role in c.name.lower() for c in ctx.characters.values() if c.named):
            continue
        character = ctx.character(f"the {role}", named=False)
        for _, _, phrase in hits:
            if phrase.lower() != role:
                ctx.character(f"the {role}", named=False, description=phrase.lower())
        for sentence, _, _ in hits[:3]:
            ctx.state(character, KG.characterOf, ctx.title_iri, sentence)


def themes(ctx: Context) -> None:
    """Themes of the ontology's theme scheme signalled in the review's prose, ads masked out."""
    for sentence in ctx.doc.sentences:
        if sentence.section.lower().startswith(("overview", "hashtag")):
            continue
        text = AD_PHRASES.sub(lambda m: " " * len(m.group(0)), clean(sentence.text))
        if not ctx.lexicon.may_name_a_theme(text):
            continue
        for trigger in ctx.lexicon.themes:
            if trigger.pattern.search(text):
                ctx.state(ctx.title_iri, KG.theme, Iri(trigger.concept), sentence)


def character_statements(ctx: Context) -> None:
    """Give each named character the evidence of the credits and quotes that name it."""
    for claim in ctx.claims.values():
        character = getattr(claim, "character", None) or getattr(claim, "speaker", None)
        if isinstance(character, Iri):
            for sentence in claim.evidence[:1]:
                ctx.state(character, URIRef(str(KG.characterOf)), ctx.title_iri, sentence)
