"""The kg: namespace, generated from ontology/kgraph.ttl by
`python -m kgraph.ontology`. Do not edit; a test fails when it is out of date.
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """Terms of the kgraph ontology; a misspelt term raises AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgraph/ontology#")

    AwardCategory: URIRef
    AwardCeremony: URIRef
    BroadcastPremiere: URIRef
    Broadcaster: URIRef
    CastCredit: URIRef
    Catalog: URIRef
    CatalogRecord: URIRef
    Character: URIRef
    Claim: URIRef
    Country: URIRef
    Credit: URIRef
    CrewCredit: URIRef
    Evidence: URIRef
    FestivalPremiere: URIRef
    Film: URIRef
    GenreScheme: URIRef
    JobScheme: URIRef
    Mention: URIRef
    Nominated: URIRef
    Nomination: URIRef
    NominationResult: URIRef
    Person: URIRef
    Place: URIRef
    Platform: URIRef
    Premiere: URIRef
    ProductionPeriod: URIRef
    Quote: URIRef
    ReleaseEvent: URIRef
    Review: URIRef
    Scene: URIRef
    Sentence: URIRef
    Series: URIRef
    Source: URIRef
    Statement: URIRef
    StreamingRelease: URIRef
    StreamingService: URIRef
    TheatricalRelease: URIRef
    ThemeScheme: URIRef
    Title: URIRef
    Track: URIRef
    ViewershipRecord: URIRef
    WikidataMatch: URIRef
    WikidataSource: URIRef
    Won: URIRef
    activity: URIRef
    awardYear: URIRef
    buildWarning: URIRef
    category: URIRef
    ceremony: URIRef
    charEnd: URIRef
    charStart: URIRef
    character: URIRef
    characterOf: URIRef
    chart: URIRef
    country: URIRef
    countryCount: URIRef
    date: URIRef
    decision: URIRef
    description: URIRef
    end: URIRef
    endpoint: URIRef
    episodeCount: URIRef
    evidence: URIRef
    fingerprint: URIRef
    generatedVariant: URIRef
    genre: URIRef
    graph: URIRef
    hoursViewed: URIRef
    inCatalog: URIRef
    inReview: URIRef
    job: URIRef
    matchOf: URIRef
    matchScore: URIRef
    matchedCharacter: URIRef
    matchedItem: URIRef
    matchedLabel: URIRef
    matchedType: URIRef
    matchedYear: URIRef
    mentionedPerson: URIRef
    mentionedWork: URIRef
    nameKo: URIRef
    named: URIRef
    nominee: URIRef
    originalLanguage: URIRef
    performer: URIRef
    person: URIRef
    place: URIRef
    platform: URIRef
    platformNote: URIRef
    pointer: URIRef
    rank: URIRef
    region: URIRef
    releasePlatform: URIRef
    result: URIRef
    reviews: URIRef
    runtimeMinutes: URIRef
    runtimeNote: URIRef
    schemaType: URIRef
    section: URIRef
    setting: URIRef
    sharedCredit: URIRef
    sourceFile: URIRef
    sourceUrl: URIRef
    spokenBy: URIRef
    stagingFor: URIRef
    start: URIRef
    text: URIRef
    theme: URIRef
    title: URIRef
    viewershipPlatform: URIRef
    views: URIRef
    wikidataProperty: URIRef
    year: URIRef
