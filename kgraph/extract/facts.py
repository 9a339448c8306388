"""Typed facts of one review. Each field names its RDF predicate in its metadata, so
kgraph.mapping can turn any fact into triples with one generic function (LinkML style).

Entities (title, person, character, ...) are described once per review; claims
(credits, nominations, releases, ...) are nodes of their own carrying the sentences
that state them; plain attributes of an entity (a title's year, runtime, genre) are
`Statement`s, reified with their evidence.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rdflib import URIRef
from rdflib.namespace import SKOS, XSD

from kgraph.sources.document import Sentence
from rdflib import Namespace

from kgraph.names import slug
from kgraph.ontology import RESOURCE_IRI
from kgraph.vocab import KG

SCHEMA = Namespace("http://schema.org/")


def rdf(predicate: URIRef, datatype: URIRef | None = None, lang: str | None = None) -> Any:
    """A dataclass field mapped to `predicate`; None or empty values emit nothing."""
    return field(default=None, metadata={"predicate": predicate, "datatype": datatype, "lang": lang})


def rdf_list(predicate: URIRef) -> Any:
    return field(default_factory=list, metadata={"predicate": predicate})


@dataclass(frozen=True)
class YearMonth:
    """A month-precision date, written as xsd:gYearMonth (2022-06)."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Record:
    """The catalogue's evidence: the entry of a catalogue file that states a fact."""

    source: str  # IRI of the catalogue (kg:Catalog) node
    pointer: str  # JSON pointer into the file, e.g. /credits/3
    urls: tuple[str, ...] = ()


Evidence = Sentence | Record


@dataclass(frozen=True)
class Iri:
    """A reference to a node by IRI (an entity or a concept)."""

    value: str


# ---------------------------------------------------------------- entities


@dataclass
class EntityFact:
    """Base of entity descriptions: an IRI, its RDF types and its mapped fields."""

    iri: str
    rdf_type: ClassVar[tuple[URIRef, ...]] = ()

    def types(self) -> tuple[URIRef, ...]:
        return self.rdf_type


@dataclass
class TitleEntity(EntityFact):
    name: str = rdf(SCHEMA.name)
    kind: str = "title"  # film | series | title (unknown)
    spellings: list[str] = rdf_list(SCHEMA.alternateName)

    def types(self) -> tuple[URIRef, ...]:
        return {"film": (KG.Title, KG.Film), "series": (KG.Title, KG.Series)}.get(self.kind, (KG.Title,))


@dataclass
class PersonEntity(EntityFact):
    rdf_type: ClassVar = (KG.Person,)
    name: str = rdf(SCHEMA.name)
    hangul: str = rdf(KG.nameKo, lang="ko")
    spellings: list[str] = rdf_list(SCHEMA.alternateName)


@dataclass
class CharacterEntity(EntityFact):
    rdf_type: ClassVar = (KG.Character,)
    name: str = rdf(SCHEMA.name)
    title: Iri = rdf(KG.characterOf)
    named: bool = rdf(KG.named)
    descriptions: list[str] = rdf_list(KG.description)
    spellings: list[str] = rdf_list(SCHEMA.alternateName)


@dataclass
class PlatformEntity(EntityFact):
    name: str = rdf(SCHEMA.name)
    broadcaster: bool = False

    def types(self) -> tuple[URIRef, ...]:
        return (KG.Platform, KG.Broadcaster if self.broadcaster else KG.StreamingService)


@dataclass
class PlaceEntity(EntityFact):
    name: str = rdf(SCHEMA.name)
    country: bool = False

    def types(self) -> tuple[URIRef, ...]:
        return (KG.Place, KG.Country) if self.country else (KG.Place,)


@dataclass
class CeremonyEntity(EntityFact):
    rdf_type: ClassVar = (KG.AwardCeremony,)
    name: str = rdf(SCHEMA.name)


@dataclass
class CategoryEntity(EntityFact):
    rdf_type: ClassVar = (KG.AwardCategory,)
    name: str = rdf(SCHEMA.name)
    ceremony: Iri = rdf(KG.ceremony)


@dataclass
class ConceptEntity(EntityFact):
    """A genre or theme concept minted because the scheme does not have it yet."""

    rdf_type: ClassVar = (SKOS.Concept,)
    label: str = rdf(SKOS.prefLabel, lang="en")
    scheme: Iri = rdf(SKOS.inScheme)


@dataclass
class ReviewEntity(EntityFact):
    rdf_type: ClassVar = (KG.Review,)
    name: str = rdf(SCHEMA.name)
    url: Iri = rdf(SCHEMA.url)
    date_published: dt.date = rdf(SCHEMA.datePublished)
    author: str = rdf(SCHEMA.author)
    reviews: Iri = rdf(KG.reviews)
    source_file: str = rdf(KG.sourceFile)
    keywords: list[str] = rdf_list(SCHEMA.keywords)
    graph: Iri = rdf(KG.graph)
    rating: Iri = rdf(SCHEMA.reviewRating)
    language: str = rdf(SCHEMA.inLanguage)


@dataclass
class RatingEntity(EntityFact):
    """The rating a review gives, only when the review states one."""

    rdf_type: ClassVar = (SCHEMA.Rating,)
    value: str = rdf(SCHEMA.ratingValue)
    best: str = rdf(SCHEMA.bestRating)


@dataclass
class CatalogEntity(EntityFact):
    """A catalogue file: a source of structured credits, not a review."""

    rdf_type: ClassVar = (KG.Catalog,)
    name: str = rdf(SCHEMA.name)
    source_file: str = rdf(KG.sourceFile)
    urls: list[Iri] = rdf_list(KG.sourceUrl)
    graph: Iri = rdf(KG.graph)


# ---------------------------------------------------------------- claims


@dataclass
class Claim:
    """A fact that is a node of its own; `key()` makes its IRI stable across builds."""

    evidence: list[Evidence] = field(default_factory=list, kw_only=True)
    rdf_type: ClassVar[tuple[URIRef, ...]] = ()
    path: ClassVar[str] = "claim"

    def key(self) -> tuple[object, ...]:
        raise NotImplementedError


@dataclass
class Credit(Claim):
    """A person's part in a title whose job the source does not say ("worked together in")."""

    rdf_type: ClassVar = (KG.Credit,)
    path: ClassVar = "credit"
    title: Iri = rdf(KG.title)
    person: Iri = rdf(KG.person)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.person, "credit")


@dataclass
class CastCredit(Claim):
    rdf_type: ClassVar = (KG.Credit, KG.CastCredit)
    path: ClassVar = "credit"
    title: Iri = rdf(KG.title)
    person: Iri = rdf(KG.person)
    character: Iri = rdf(KG.character)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.person, self.character or "cast")


@dataclass
class CrewCredit(Claim):
    rdf_type: ClassVar = (KG.Credit, KG.CrewCredit)
    path: ClassVar = "credit"
    title: Iri = rdf(KG.title)
    person: Iri = rdf(KG.person)
    job: Iri = rdf(KG.job)
    description: str = rdf(KG.description)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.person, self.job)


@dataclass
class Nomination(Claim):
    rdf_type: ClassVar = (KG.Nomination,)
    path: ClassVar = "nomination"
    title: Iri = rdf(KG.title)
    ceremony: Iri = rdf(KG.ceremony)
    category: Iri = rdf(KG.category)
    nominee: Iri = rdf(KG.nominee)
    result: Iri = rdf(KG.result)
    year: int = rdf(KG.awardYear, XSD.integer)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.category, self.nominee, self.result, self.year)


@dataclass
class Release(Claim):
    path: ClassVar = "release"
    kind: str = "release"  # festival-premiere | premiere | streaming | broadcast | theatrical
    title: Iri = rdf(KG.title)
    date: dt.date | YearMonth = rdf(KG.date)
    place: Iri = rdf(KG.place)
    platform: Iri = rdf(KG.releasePlatform)
    region: str = rdf(KG.region)
    end: dt.date | YearMonth = rdf(KG.end)
    description: str = rdf(KG.description)

    KINDS: ClassVar = {
        "festival-premiere": KG.FestivalPremiere, "premiere": KG.Premiere,
        "streaming": KG.StreamingRelease, "broadcast": KG.BroadcastPremiere,
        "theatrical": KG.TheatricalRelease,
    }

    def types(self) -> tuple[URIRef, ...]:
        return (KG.ReleaseEvent, self.KINDS.get(self.kind, KG.ReleaseEvent))

    def key(self) -> tuple[object, ...]:
        return (self.title, self.kind, self.date or self.end, self.place, self.platform)


@dataclass
class ProductionPeriod(Claim):
    rdf_type: ClassVar = (KG.ProductionPeriod,)
    path: ClassVar = "production"
    title: Iri = rdf(KG.title)
    activity: str = rdf(KG.activity)
    start: dt.date | YearMonth = rdf(KG.start)
    end: dt.date | YearMonth = rdf(KG.end)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.activity, self.start, self.end)


@dataclass
class Viewership(Claim):
    rdf_type: ClassVar = (KG.ViewershipRecord,)
    path: ClassVar = "viewership"
    title: Iri = rdf(KG.title)
    platform: Iri = rdf(KG.viewershipPlatform)
    chart: str = rdf(KG.chart)
    rank: int = rdf(KG.rank, XSD.integer)
    views: int = rdf(KG.views, XSD.integer)
    hours: int = rdf(KG.hoursViewed, XSD.integer)
    countries: int = rdf(KG.countryCount, XSD.integer)
    start: dt.date = rdf(KG.start)
    end: dt.date = rdf(KG.end)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.platform, self.chart, self.rank, self.views, self.hours,
                self.countries, self.start, self.end)


@dataclass
class Quote(Claim):
    rdf_type: ClassVar = (KG.Quote,)
    path: ClassVar = "quote"
    title: Iri = rdf(KG.title)
    text: str = rdf(KG.text)
    speaker: Iri = rdf(KG.spokenBy)
    description: str = rdf(KG.description)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.text)


@dataclass
class Scene(Claim):
    rdf_type: ClassVar = (KG.Scene,)
    path: ClassVar = "scene"
    title: Iri = rdf(KG.title)
    name: str = rdf(SCHEMA.name)
    description: str = rdf(KG.description)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.name)


@dataclass
class Track(Claim):
    rdf_type: ClassVar = (KG.Track,)
    path: ClassVar = "track"
    title: Iri = rdf(KG.title)
    name: str = rdf(SCHEMA.name)
    performers: list[Iri] = rdf_list(KG.performer)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.name)


@dataclass
class Mention(Claim):
    rdf_type: ClassVar = (KG.Mention,)
    path: ClassVar = "mention"
    title: Iri = rdf(KG.title)
    work: Iri = rdf(KG.mentionedWork)
    people: list[Iri] = rdf_list(KG.mentionedPerson)
    description: str = rdf(KG.description)

    def key(self) -> tuple[object, ...]:
        return (self.title, self.work, tuple(sorted(p.value for p in self.people)))


def claim_iri(claim: Claim) -> URIRef:
    """A stable IRI from the claim's key: readable when short, hashed when long."""
    parts = []
    for part in claim.key():
        if part is None:
            continue
        if isinstance(part, Iri):
            # the entity's id without its kind ("award/x/best-actress" -> "x/best-actress"), so two
            # categories called Best Actress at different ceremonies stay two claims
            value = part.value
            if value.startswith(RESOURCE_IRI):
                parts.append(value[len(RESOURCE_IRI):].split("/", 1)[-1])
            else:
                parts.append(value.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        else:
            parts.append(slug(str(part)))
    readable = "/".join(parts)
    if len(readable) > 100 or any(not p for p in parts):
        digest = hashlib.sha1(repr(claim.key()).encode("utf-8")).hexdigest()[:16]
        readable = f"{parts[0]}/{digest}"
    return URIRef(f"{RESOURCE_IRI}{claim.path}/{readable}")


@dataclass
class Statement:
    """An attribute triple of an entity, reified so it can carry its evidence."""

    subject: Iri
    predicate: URIRef
    value: object
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class SourceFacts:
    """What one source states, whatever its kind."""

    entities: list[EntityFact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def of_type(self, cls: type) -> list:
        return [c for c in self.claims if isinstance(c, cls)]

    def primary_entities(self) -> list[EntityFact]:
        raise NotImplementedError


@dataclass(kw_only=True)
class ReviewFacts(SourceFacts):
    """Everything extracted from one review."""

    review: ReviewEntity
    title: TitleEntity

    def primary_entities(self) -> list[EntityFact]:
        return [self.review, self.title]


@dataclass(kw_only=True)
class CatalogFacts(SourceFacts):
    """Everything a catalogue file states: titles, people, credits, awards, releases."""

    catalog: CatalogEntity
    titles: list[TitleEntity] = field(default_factory=list)

    def primary_entities(self) -> list[EntityFact]:
        return [self.catalog, *self.titles]

