"""The working state of one extraction: the entities met so far and the facts collected."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import fields
from functools import cached_property
from typing import TypeVar

from rdflib import Literal, URIRef

from kgraph.extract.facts import (
    CastCredit, CategoryEntity, CeremonyEntity, CharacterEntity, Claim, ConceptEntity,
    EntityFact, Iri, PersonEntity, PlaceEntity, PlatformEntity, Statement, TitleEntity, claim_iri,
)
from kgraph.extract.lexicon import Lexicon
from kgraph.extract.patterns import is_korean_name
from kgraph.names import clean, display, name_key, slug
from kgraph.ontology import RESOURCE_IRI
from kgraph.resolve import Resolver
from kgraph.sources.document import Document, Sentence

C = TypeVar("C", bound=Claim)
COUNTRIES = {"south korea": "South Korea", "korea": "South Korea", "republic of korea": "South Korea",
             "japan": "Japan", "china": "China", "united states": "United States", "usa": "United States"}
DEMONYMS = {"south korean": "South Korea", "korean": "South Korea", "japanese": "Japan",
            "chinese": "China", "american": "United States"}


class Context:
    """Collects entities, claims and statements while the extractors read a Document."""

    def __init__(self, doc: Document | None, resolver: Resolver, lexicon: Lexicon) -> None:
        self.doc = doc  # None for a catalogue
        self.resolver = resolver
        self.lexicon = lexicon
        self.title: TitleEntity | None = None
        self.entities: dict[str, EntityFact] = {}
        self.people: dict[str, PersonEntity] = {}
        self.characters: dict[str, CharacterEntity] = {}  # spelling key -> character
        self.claims: dict[str, Claim] = {}
        self.statements: dict[tuple[str, str, str], Statement] = {}
        self.warnings: list[str] = []
        self.mentions: list[tuple[Sentence, str]] = []  # person IRI mentions in order
        self.structured: set[Sentence] = set()  # cast-list lines read by a structure reader; prose skips them
        self.related_spans: dict[Sentence, list[tuple[int, int]]] = {}  # phrases read as related works
        # Indexes that keep look-ups constant-time however long the review or its cast list.
        self._person_keys: dict[str, str] = {}  # name key of a name or spelling -> person IRI
        self._loose_keys: dict[str, str] = {}  # spelling_key of a full name -> person IRI
        self._first_met: dict[str, Sentence | None] = {}  # person IRI -> the sentence that first named them
        self._families: dict[str, set[str]] = {}  # family-name key -> IRIs of Korean-named people
        self._givens: dict[str, set[str]] = {}  # given-name key ("junho" for Lee Jun-ho) -> IRIs
        self._cast_people: set[str] = set()  # IRIs of people with a cast credit
        self._evidence: dict[object, set] = {}  # claim IRI or statement key -> its evidence

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The document's sentences, listed once."""
        return self.doc.sentences if self.doc is not None else []

    @cached_property
    def sentence_index(self) -> dict[Sentence, int]:
        return {sentence: i for i, sentence in enumerate(self.sentences)}

    # ------------------------------------------------------------ entities
    @property
    def title_iri(self) -> Iri:
        assert self.title is not None, "the title must be found before other facts"
        return Iri(self.title.iri)

    def person(self, name: str, hangul: str | None = None, sentence: Sentence | None = None) -> Iri:
        """The person called `name` (any spelling), added to the review's people."""
        known = self.known_person(name, sentence)
        if known is not None:
            entity = self.people[known.value]
            if hangul and not entity.hangul:
                entity.hangul = hangul
            spelled = display(name)
            if spelled != entity.name and spelled not in entity.spellings:
                self._add_spelling(entity, spelled)
            if sentence is not None:
                self.mentions.append((sentence, known.value))
            return known
        ref = self.resolver.person(name, hangul)
        if ref.ambiguous:
            self.warnings.append(f"person {name!r} is ambiguous: {', '.join(ref.ambiguous)}")
        entity = self.people.get(ref.iri)
        if entity is None:
            entity = PersonEntity(iri=ref.iri, name=ref.name, hangul=ref.hangul)
            self.people[ref.iri] = entity
            self._first_met[entity.iri] = sentence
            self._person_keys.setdefault(name_key(entity.name), entity.iri)
            self._index_loose(entity.name, entity.iri)
            if is_korean_name(entity.name):
                self._families.setdefault(name_key(entity.name.split(" ")[0]), set()).add(entity.iri)
                if len(entity.name.split()) == 2:
                    self._givens.setdefault(_given_key(entity.name.split()[1]), set()).add(entity.iri)
            elif re.fullmatch(r"[A-Z][\w-]+ [A-Z][a-z]+", entity.name):  # "Steven Yeun": the family name last
                self._families.setdefault(name_key(entity.name.split(" ")[1]), set()).add(entity.iri)
        if ref.spelled != entity.name and ref.spelled not in entity.spellings:
            self._add_spelling(entity, ref.spelled)
        if sentence is not None:
            self.mentions.append((sentence, ref.iri))
        return Iri(ref.iri)

    def _add_spelling(self, entity: PersonEntity, spelling: str) -> None:
        entity.spellings.append(spelling)
        self._person_keys.setdefault(name_key(spelling), entity.iri)
        self._index_loose(spelling, entity.iri)

    def _index_loose(self, name: str, iri: str) -> None:
        if " " in name.strip():
            self._loose_keys.setdefault(spelling_key(name), iri)

    def add_spelling(self, name: str, spelling: str) -> None:
        """Record another name of a person met in this review ("IU" for Lee Ji-eun)."""
        known = self.known_person(name)
        if known is not None and spelling not in self.people[known.value].spellings:
            self._add_spelling(self.people[known.value], spelling)

    def known_person(self, name: str, sentence: Sentence | None = None) -> Iri | None:
        """A person already met whose name or family name (unique) matches `name`."""
        key = name_key(name)
        found = self._person_keys.get(key)
        if found is None and " " in name.strip() and not self.resolver.table.candidates("person", name):
            found = self._loose_keys.get(spelling_key(name))  # "Go Gyung-pyo" beside "Go Kyung-pyo": one
            # person, unless the alias table knows this spelling as someone (Kim Ji-hun, Kim Ji-hoon),
            # or both are named in one sentence (a list names different people)
            if found is not None and sentence is not None and self._first_met.get(found) is sentence:
                found = None
        if found is None:  # "Ah-In Yoo" beside "Yoo Ah-in": one person, the family name written last
            found = self._person_keys.get(name_key(_reversed(name)) if _reversed(name) else "")
        if found is not None:
            return Iri(found)
        if " " not in name.strip():  # a family name alone: "Jeon", "Kim" (only if unique)
            matches = self._families.get(key, set())
            if len(matches) == 1:
                return Iri(next(iter(matches)))
            matches = matches & self._cast_people
            if len(matches) == 1:  # "Kim" when only one Kim is in the cast
                return Iri(next(iter(matches)))
            if not self._families.get(key) and len(given := self._givens.get(_given_key(name), set())
                                                    & self._cast_people) == 1:
                return Iri(next(iter(given)))  # "Gu Won (Jun-ho)": one of the cast called by the given name
        return None

    @property
    def cast_people(self) -> set[str]:
        """IRIs of the people with a cast credit so far."""
        return self._cast_people

    def has_crew(self, person: Iri) -> bool:
        """True when the person has a crew credit (director, writer ...) in this review."""
        return any(type(c).__name__ == "CrewCredit" and c.person == person for c in self.claims.values())

    def is_person_name(self, name: str) -> bool:
        return is_korean_name(clean(name)) or self.known_person(name) is not None

    def character(self, name: str, named: bool = True, description: str | None = None) -> Iri:
        """The character of the reviewed title called `name`, created on first use; a character
        a catalogue knows by a fuller name ("Jang Ok-ju" for "Ok-ju") is that character."""
        spelled = display(name)
        key = spelling_key(spelled)
        entity = self.characters.get(key)
        if entity is None:
            registered = self.resolver.character(self.title_iri.value, spelled) if named else None
            canonical, iri = registered or (spelled, character_iri(self.title_iri.value, spelled))
            entity = next((e for e in self.characters.values() if e.iri == iri), None)
            if entity is None:
                entity = CharacterEntity(iri=iri, name=canonical, title=self.title_iri, named=named)
            if spelled != entity.name and spelled not in entity.spellings:
                entity.spellings.append(spelled)
            self.characters[key] = entity
        if description and description not in entity.descriptions:
            entity.descriptions.append(description)
        return Iri(entity.iri)

    def find_character(self, name: str) -> Iri | None:
        entity = self.characters.get(spelling_key(display(name)))
        return Iri(entity.iri) if entity else None

    def names_character(self, name: str) -> bool:
        """True when `name` is a character of the page, whole or by the given name alone
        ("Yeon Soo" of "Gook Yeon Soo")."""
        key = spelling_key(display(name))
        return key in self.characters or any(
            e.name.partition(" ")[2] and spelling_key(e.name.partition(" ")[2]) == key
            for e in self.characters.values())

    def all_characters(self) -> list[CharacterEntity]:
        """Each character once (several spellings may point at one)."""
        return list({e.iri: e for e in self.characters.values()}.values())

    def platform(self, name: str) -> Iri:
        found = self.lexicon.platform(name)
        if found:
            iri, label, broadcaster = found
        else:
            label = display(name)
            iri = f"{RESOURCE_IRI}platform/{slug(label)}"
            broadcaster = False
        self.entities.setdefault(iri, PlatformEntity(iri=iri, name=label, broadcaster=broadcaster))
        return Iri(iri)

    def place(self, name: str) -> Iri:
        label = display(name)
        country = COUNTRIES.get(label.lower())
        label = country or label
        iri = f"{RESOURCE_IRI}place/{slug(label)}"
        self.entities.setdefault(iri, PlaceEntity(iri=iri, name=label, country=bool(country)))
        return Iri(iri)

    def concept(self, label: str, scheme: URIRef, found: tuple[str, str] | None, path: str) -> Iri:
        """A concept of `scheme`: the ontology's when known, else one minted for this label."""
        if found:
            return Iri(found[0])
        label = display(label)
        iri = f"{RESOURCE_IRI}{path}/{slug(label)}"
        self.entities.setdefault(iri, ConceptEntity(iri=iri, label=label, scheme=Iri(str(scheme))))
        return Iri(iri)

    def ceremony(self, name: str) -> Iri:
        label = display(name)
        iri = f"{RESOURCE_IRI}award/{slug(label)}"
        self.entities.setdefault(iri, CeremonyEntity(iri=iri, name=label))
        return Iri(iri)

    def category(self, ceremony: Iri, name: str) -> Iri:
        label = display(name)
        iri = f"{ceremony.value}/{slug(label)}"
        self.entities.setdefault(iri, CategoryEntity(iri=iri, name=label, ceremony=ceremony))
        return Iri(iri)

    def other_title(self, name: str, kind: str = "title") -> Iri:
        ref = self.resolver.title(display(name))
        if ref.iri not in self.entities and (self.title is None or ref.iri != self.title.iri):
            self.entities[ref.iri] = TitleEntity(iri=ref.iri, name=ref.name, kind=kind)
        entity = self.entities.get(ref.iri)
        if isinstance(entity, TitleEntity) and ref.spelled != entity.name and ref.spelled not in entity.spellings:
            entity.spellings.append(ref.spelled)
        return Iri(ref.iri)

    # ------------------------------------------------------------ facts
    def claim(self, claim: C) -> C:
        """Add a claim, merging it with an equal one (same key): evidence joins, gaps fill."""
        iri = str(claim_iri(claim))
        existing = self.claims.get(iri)
        if existing is None:
            self.claims[iri] = claim
            self._evidence[iri] = set(claim.evidence)
            if isinstance(claim, CastCredit) and (self.title is None or claim.title.value == self.title.iri):
                self._cast_people.add(claim.person.value)  # a credit on another work is no cast of this one
            return claim
        for f in fields(claim):
            if f.name == "evidence":
                continue
            mine, theirs = getattr(existing, f.name), getattr(claim, f.name)
            if mine in (None, "", []) and theirs not in (None, "", []):
                setattr(existing, f.name, theirs)
        seen = self._seen(iri, existing.evidence)
        for sentence in claim.evidence:
            if sentence not in seen:
                seen.add(sentence)
                existing.evidence.append(sentence)
        return existing  # type: ignore[return-value]

    def state(self, subject: Iri, predicate: URIRef, value: object, sentence: Sentence | None) -> None:
        """Record an attribute of an entity with the sentence that says it."""
        key = (subject.value, str(predicate), _value_key(value))
        statement = self.statements.get(key)
        if statement is None:
            statement = self.statements[key] = Statement(subject, predicate, value)
        seen = self._seen(key, statement.evidence)
        if sentence is not None and sentence not in seen:
            seen.add(sentence)
            statement.evidence.append(sentence)

    def _seen(self, key: object, evidence: list) -> set:
        seen = self._evidence.get(key)
        if seen is None:
            seen = self._evidence[key] = set(evidence)
        return seen

    def add_evidence(self, claim: Claim, sentence: Sentence) -> None:
        """Add one more sentence to a claim already collected (constant time)."""
        seen = self._seen(str(claim_iri(claim)), claim.evidence)
        if sentence not in seen:
            seen.add(sentence)
            claim.evidence.append(sentence)

    def cast(self, person: Iri, character: Iri | None, sentence: Sentence) -> CastCredit:
        if character is not None:
            character = self._same_role(person, character)
        return self.claim(CastCredit(title=self.title_iri, person=person, character=character,
                                     evidence=[sentence]))

    def _same_role(self, person: Iri, character: Iri) -> Iri:
        """The character `person` already plays under the same given name ("Han Geu-ru" after
        "Geu-ru (Tang Jun-sang)"): one character, the full name leading; else `character`."""
        new = next((e for e in self.characters.values() if e.iri == character.value), None)
        if new is None or any(getattr(c, "character", None) == character for c in self.claims.values()):
            return character
        for claim in list(self.claims.values()):
            if not isinstance(claim, CastCredit) or claim.person != person or claim.character is None:
                continue
            old = next((e for e in self.characters.values() if e.iri == claim.character.value), None)
            if old is None or old.iri == new.iri:
                continue
            short, full = sorted((old.name, new.name), key=len)
            given = _given_of(full)
            if not ((given is not None and spelling_key(given) == spelling_key(short)) or _variant(short, full)):
                continue
            for key, entity in list(self.characters.items()):
                if entity is new:
                    self.characters[key] = old
            for spelling in [new.name, *new.spellings]:
                if spelling != old.name and spelling not in old.spellings:
                    old.spellings.append(spelling)
            old.descriptions += [d for d in new.descriptions if d not in old.descriptions]
            if full == new.name and old.iri == character_iri(self.title_iri.value, old.name):
                old.spellings = [n for n in old.spellings if n != full] + [old.name]
                old.name = full  # "Yoon Hye-jin" after "Hye-jin": the full name leads
            return Iri(old.iri)
        return character



# ㅓ is written eo or u only before -ng (Seong/Sung, Byeong/Byung, Jeong/Jung): folding it
# everywhere made Seo-ji and Soo-ji, or Woo-yeon and Woo-young, one character.
_FOLDS = (("shi", "si"), ("oo", "u"), ("ee", "i"), ("ou", "u"), ("eong", "ung"))


@lru_cache(maxsize=1 << 16)
def spelling_key(name: str) -> str:
    """A name key with the usual romanisation variants of one review folded: Shi/Si, Joo/Ju,
    Hee/Hi, Seong/Sung, an initial K/G, T/D, P/B, and a family name's final -ng/-n ("Go Kyung-pyo" =
    "Go Gyung-pyo", "Byung Sung-hyun" = "Byun Sung-hyun"; in a given name -ng/-n stays apart:
    Jung-ho and Jun-ho, Young-mi and Yun-mi are different names). Used only inside one review,
    where two people whose names differ by these alone are one person spelled twice."""
    tokens = []
    parts = name_key(name).split("-")
    for index, token in enumerate(parts):
        for old, new in _FOLDS:
            token = token.replace(old, new)
        token = re.sub(r"^k(?!h)", "g", re.sub(r"^t", "d", re.sub(r"^p", "b", token)))
        if index == 0:
            token = FAMILY_SPELLINGS.get(token, token)
        tokens.append(re.sub(r"ng$", "n", token) if index == 0 and len(parts) >= 3 else token)
    return "-".join(tokens)


# One family name's romanisations (after the folds above): 임 Lim/Im/Rim, 염 Yeom/Yum, 노 Noh/Roh,
# 최 Choi/Choe, 이 Lee/Rhee, 류 Ryu/Ryoo (one review spelling one person two ways; "Yi" is left
# out: it also opens given names written first, "Yi-jin Na")
FAMILY_SPELLINGS = {"lim": "im", "rim": "im", "yum": "yeom", "yeum": "yeom", "roh": "noh", "choe": "choi",
                    "rhee": "lee", "ryoo": "ryu"}


def character_iri(title_iri: str, name: str) -> str:
    """The IRI of a character: the title's id, then the character's name."""
    return f"{RESOURCE_IRI}character/{title_iri.rsplit('/', 1)[-1]}/{slug(display(name))}"


def _value_key(value: object) -> str:
    if isinstance(value, Literal):
        return value.n3()
    if isinstance(value, Iri):
        return value.value
    return repr(value)


def _compact(name: str) -> str:
    return re.sub(r"[\W_]+", "", spelling_key(name))


def _variant(short: str, full: str) -> bool:
    """True when two names one actor is given on a page are one character spelled twice: the same
    letters but for hyphens and spaces ("Cha Hyun-soo", "Cha Hyunsoo"), one with a capitalised title
    before or after the other ("Cheol Jong", "King Cheol Jong"; "Grand Queen Dowager", "Grand Queen
    Dowager Sun Won"), or two long names one slip apart ("Kim Jwa Geun", "Kim Jwa Guen")."""
    a, b = _compact(short), _compact(full)
    if a == b:
        return True
    small, large = [spelling_key(w) for w in short.split()], [spelling_key(w) for w in full.split()]
    if 0 < len(small) < len(large) and all(w[:1].isupper() for w in full.split()) and \
            (large[-len(small):] == small or large[:len(small)] == small):
        return True
    return min(len(a), len(b)) >= 8 and _one_slip(a, b)


def _one_slip(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one letter changed, added, dropped, or two side by side swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _given_key(given: str) -> str:
    """"Jun-ho", "Junho" -> "junho": a given name's key whether its syllables are hyphenated or not."""
    return name_key(given).replace("-", "").replace(" ", "")


def _given_of(name: str) -> str | None:
    """The hyphenated given name of a Korean full name ("Han Geu-ru" -> "Geu-ru"); else None."""
    family, _, given = name.partition(" ")
    return given if "-" in given and " " not in given and is_korean_name(name) else None


@lru_cache(maxsize=1 << 16)
def _reversed(name: str) -> str | None:
    """A two-word Korean name in the other order ("Ah-In Yoo" <-> "Yoo Ah-In"), when the given name
    is hyphenated and one of the two orders is Korean-shaped; else None."""
    words = clean(name).split()
    if len(words) != 2 or "-" not in "".join(words):
        return None
    other = f"{words[1]} {words[0]}"
    return other if is_korean_name(other) or is_korean_name(" ".join(words)) else None


def sentence_text(sentence: Sentence) -> str:
    """The sentence with dashes and quotes normalised, for pattern matching."""
    return clean(sentence.text)

