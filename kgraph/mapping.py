"""Facts to RDF: one generic walk over the typed facts, driven by their field metadata."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import fields
from functools import lru_cache
from typing import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph.extract.facts import (  # claim_iri lives with the facts; re-exported here
    CatalogFacts, Claim, EntityFact, Iri, Record, ReviewFacts, Statement, YearMonth, claim_iri,
)
from kgraph.ontology import RESOURCE_IRI, ontology_graph
from kgraph.sources.document import Sentence
from kgraph.vocab import KG

Triple = tuple[URIRef, URIRef, object]


def to_term(value: object, datatype: URIRef | None = None, lang: str | None = None) -> URIRef | Literal:
    """An RDF term for a fact value: Iri -> IRI; date -> xsd:date; YearMonth -> xsd:gYearMonth."""
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, Iri):
        return URIRef(value.value)
    if isinstance(value, YearMonth):
        return Literal(str(value), datatype=XSD.gYearMonth)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, int):
        return Literal(value, datatype=datatype or XSD.integer)
    if lang:
        return Literal(str(value), lang=lang)
    return Literal(str(value), datatype=datatype) if datatype else Literal(str(value))


def _field_triples(subject: URIRef, obj: object) -> Iterator[Triple]:
    for f in fields(obj):
        predicate = f.metadata.get("predicate")
        if predicate is None:
            continue
        value = getattr(obj, f.name)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None or v == "":
                continue
            yield subject, predicate, to_term(v, f.metadata.get("datatype"), f.metadata.get("lang"))


def sentence_iri(review: str, sentence: Sentence) -> URIRef:
    return URIRef(f"{review}/sentence/{sentence.start}-{sentence.end}")


def statement_iri(s: URIRef, p: URIRef, o: object) -> URIRef:
    digest = hashlib.sha1(f"{s.n3()} {p.n3()} {o.n3()}".encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{RESOURCE_IRI}statement/{digest}")


@lru_cache(maxsize=1)
def schema_types() -> dict[URIRef, URIRef]:
    """kgraph class -> the schema.org class its instances also carry (kg:schemaType in the ontology)."""
    return {s: o for s, o in ontology_graph().subject_objects(KG.schemaType)}  # type: ignore[misc]


def entity_triples(entity: EntityFact) -> Iterator[Triple]:
    subject = URIRef(entity.iri)
    for rdf_type in entity.types():
        yield subject, RDF.type, rdf_type
        if rdf_type in schema_types():
            yield subject, RDF.type, schema_types()[rdf_type]
    yield from _field_triples(subject, entity)


def facts_to_triples(facts: ReviewFacts | CatalogFacts) -> list[Triple]:
    """All triples of one review's graph, without duplicates, in a stable order."""
    primary = facts.primary_entities()
    review = URIRef(primary[0].iri)
    out: dict[Triple, None] = {}
    written: set[URIRef] = set()  # sentences whose triples are out already (evidence repeats them)

    def add(triples: Iterable[Triple]) -> None:
        for t in triples:
            out[t] = None

    for entity in primary:
        add(entity_triples(entity))
    for entity in facts.entities:
        add(entity_triples(entity))
    for sentence in facts.sentences:
        add(sentence_triples(review, sentence, written))
    for claim in facts.claims:
        subject = claim_iri(claim)
        types = claim.types() if hasattr(claim, "types") else claim.rdf_type
        add((subject, RDF.type, t) for t in (KG.Claim, *types))
        add(_field_triples(subject, claim))
        add(_evidence(review, subject, claim.evidence, written))
    for statement in facts.statements:
        add(statement_triples(review, statement, written))
    return list(out)


def sentence_triples(review: URIRef, sentence: Sentence, written: set[URIRef] | None = None) -> Iterator[Triple]:
    """A sentence node's triples; none when its node is in `written` (which it is then added to)."""
    node = sentence_iri(str(review), sentence)
    if written is not None:
        if node in written:
            return
        written.add(node)
    yield node, RDF.type, KG.Sentence
    yield node, KG.inReview, review
    yield node, KG.text, Literal(sentence.text)
    yield node, KG.charStart, Literal(sentence.start)
    yield node, KG.charEnd, Literal(sentence.end)
    if sentence.section:
        yield node, KG.section, Literal(sentence.section)


def statement_triples(review: URIRef, statement: Statement, written: set[URIRef] | None = None) -> Iterator[Triple]:
    s = URIRef(statement.subject.value)
    o = to_term(statement.value)
    node = statement_iri(s, statement.predicate, o)
    yield s, statement.predicate, o
    yield node, RDF.type, KG.Statement
    yield node, RDF.subject, s
    yield node, RDF.predicate, statement.predicate
    yield node, RDF.object, o
    yield from _evidence(review, node, statement.evidence, written)


def record_iri(record: Record) -> URIRef:
    return URIRef(f"{record.source}/record{record.pointer}")


def record_triples(record: Record) -> Iterator[Triple]:
    node = record_iri(record)
    yield node, RDF.type, KG.CatalogRecord
    yield node, KG.inCatalog, URIRef(record.source)
    yield node, KG.pointer, Literal(record.pointer)
    for url in record.urls:
        yield node, KG.sourceUrl, URIRef(url)


def _evidence(review: URIRef, node: URIRef, evidence: list, written: set[URIRef] | None = None) -> Iterator[Triple]:
    for item in evidence:
        if isinstance(item, Record):
            yield node, KG.evidence, record_iri(item)
            yield from record_triples(item)
        else:
            yield node, KG.evidence, sentence_iri(str(review), item)
            yield from sentence_triples(review, item, written)
