"""Facts to RDF: one generic walk over the typed facts, driven by their field metadata.

Triples come out as Oxigraph terms (`pyoxigraph.NamedNode`, `Literal`), which check what
they hold as they are made and write themselves as N-Triples, so a review's graph goes to
any store without another conversion. The facts' metadata names predicates with rdflib's
`URIRef`s; `node` turns any of them into the Oxigraph term.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import fields
from functools import lru_cache
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph.errors import StoreError
from kgraph.extract.facts import (  # claim_iri lives with the facts; re-exported here
    CatalogFacts, Claim, EntityFact, Iri, Record, ReviewFacts, Statement, YearMonth, claim_iri,
)
from kgraph.ontology import RESOURCE_IRI, ontology_graph
from kgraph.sources.document import Sentence
from kgraph.store.base import to_oxigraph
from kgraph.vocab import KG

Term = ox.NamedNode | ox.Literal
Triple = tuple[ox.NamedNode, ox.NamedNode, Term]

_NODES: dict[str, ox.NamedNode] = {}  # IRI -> its term: a review repeats its IRIs many times


def node(iri: str) -> ox.NamedNode:
    """The Oxigraph term of an IRI (a str, an rdflib URIRef or an Iri's value); StoreError
    naming it when it is not an absolute IRI."""
    known = _NODES.get(iri)
    if known is None:
        try:
            known = ox.NamedNode(iri)
        except (ValueError, UnicodeError):
            known = _checked(URIRef(str(iri)))  # type: ignore[assignment]
        if len(_NODES) > 200_000:
            _NODES.clear()
        _NODES[str(iri)] = known
    return known


def _checked(term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
    """`term` through the store's checks, for the message they give when it is not valid RDF."""
    try:
        return to_oxigraph(term)  # type: ignore[return-value]
    except ValueError as problem:
        raise StoreError(str(problem)) from None


def _literal(text: str, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    try:
        if lang:
            return ox.Literal(text, language=lang)
        return ox.Literal(text, datatype=node(datatype)) if datatype else ox.Literal(text)
    except (ValueError, UnicodeError):
        return _checked(Literal(text, lang=lang, datatype=None if lang else datatype))  # type: ignore[return-value]


_RDF_TYPE = node(str(RDF.type))
_XSD = {name: str(XSD[name]) for name in ("integer", "date", "gYearMonth", "boolean")}


def to_term(value: object, datatype: URIRef | None = None, lang: str | None = None) -> Term:
    """The RDF term for a fact value: Iri -> IRI; int -> xsd:integer (or the field's datatype);
    date -> xsd:date; YearMonth -> xsd:gYearMonth; text -> a plain or language-tagged literal."""
    if isinstance(value, Iri):
        return node(value.value)
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, URIRef):
        return node(value)
    if isinstance(value, Literal):
        return _checked(value)
    if isinstance(value, YearMonth):
        return _literal(str(value), _XSD["gYearMonth"])
    if isinstance(value, bool):
        return _literal("true" if value else "false", _XSD["boolean"])
    if isinstance(value, dt.date):
        return _literal(value.isoformat(), _XSD["date"])
    if isinstance(value, int):
        return _literal(str(value), str(datatype) if datatype else _XSD["integer"])
    return _literal(str(value), str(datatype) if datatype else None, lang)


def _rdflib_term(value: object) -> URIRef | Literal:
    """The rdflib term of a fact value, as statement IRIs were first hashed from."""
    if isinstance(value, Iri):
        return URIRef(value.value)
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, YearMonth):
        return Literal(str(value), datatype=XSD.gYearMonth)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(str(value))


@lru_cache(maxsize=None)
def _mapped_fields(cls: type) -> tuple[tuple[str, ox.NamedNode, str | None, str | None], ...]:
    """(attribute, predicate, datatype, language) of each field of a fact class that maps to RDF."""
    out = []
    for f in fields(cls):
        predicate = f.metadata.get("predicate")
        if predicate is not None:
            datatype = f.metadata.get("datatype")
            out.append((f.name, node(predicate), str(datatype) if datatype else None, f.metadata.get("lang")))
    return tuple(out)


def _field_triples(subject: ox.NamedNode, obj: object) -> Iterator[Triple]:
    for name, predicate, datatype, lang in _mapped_fields(type(obj)):
        value = getattr(obj, name)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None or v == "":
                continue
            yield subject, predicate, to_term(v, datatype, lang)  # type: ignore[arg-type]


def sentence_iri(review: str, sentence: Sentence) -> ox.NamedNode:
    return node(f"{review}/sentence/{sentence.start}-{sentence.end}")


def statement_iri(s: ox.NamedNode, p: ox.NamedNode, value: object) -> ox.NamedNode:
    """A stable IRI for a reified statement, hashed from its terms as rdflib writes them."""
    digest = hashlib.sha1(f"<{s.value}> <{p.value}> {_rdflib_term(value).n3()}".encode("utf-8")).hexdigest()[:20]
    return node(f"{RESOURCE_IRI}statement/{digest}")


@lru_cache(maxsize=1)
def schema_types() -> dict[str, ox.NamedNode]:
    """kgraph class -> the schema.org class its instances also carry (kg:schemaType in the ontology)."""
    return {str(s): node(o) for s, o in ontology_graph().subject_objects(KG.schemaType)}  # type: ignore[misc]


def entity_triples(entity: EntityFact) -> Iterator[Triple]:
    subject = node(entity.iri)
    for rdf_type in entity.types():
        yield subject, _RDF_TYPE, node(rdf_type)
        also = schema_types().get(str(rdf_type))
        if also is not None:
            yield subject, _RDF_TYPE, also
    yield from _field_triples(subject, entity)


def facts_to_triples(facts: ReviewFacts | CatalogFacts) -> list[Triple]:
    """All triples of one review's graph, without duplicates, in a stable order."""
    primary = facts.primary_entities()
    review = node(primary[0].iri)
    out: dict[Triple, None] = {}
    written: set[ox.NamedNode] = set()  # sentences whose triples are out already (evidence repeats them)

    def add(triples: Iterable[Triple]) -> None:
        for t in triples:
            out[t] = None

    for entity in primary:
        add(entity_triples(entity))
    for entity in facts.entities:
        add(entity_triples(entity))
    for sentence in facts.sentences:
        add(sentence_triples(review, sentence, written))
    claim_type = node(KG.Claim)
    for claim in facts.claims:
        subject = node(claim_iri(claim))
        types = claim.types() if hasattr(claim, "types") else claim.rdf_type
        add((subject, _RDF_TYPE, t) for t in (claim_type, *map(node, types)))
        add(_field_triples(subject, claim))
        add(_evidence(review, subject, claim.evidence, written))
    for statement in facts.statements:
        add(statement_triples(review, statement, written))
    return list(out)


_P = {name: node(KG[name]) for name in (
    "Sentence", "inReview", "text", "charStart", "charEnd", "section", "Statement", "evidence",
    "CatalogRecord", "inCatalog", "pointer", "sourceUrl")}
_RDF_P = {name: node(RDF[name]) for name in ("subject", "predicate", "object")}


def sentence_triples(review: ox.NamedNode, sentence: Sentence,
                     written: set[ox.NamedNode] | None = None) -> Iterator[Triple]:
    """A sentence node's triples; none when its node is in `written` (which it is then added to)."""
    subject = sentence_iri(review.value, sentence)
    if written is not None:
        if subject in written:
            return
        written.add(subject)
    yield subject, _RDF_TYPE, _P["Sentence"]
    yield subject, _P["inReview"], review
    yield subject, _P["text"], _literal(sentence.text)
    yield subject, _P["charStart"], _literal(str(sentence.start), _XSD["integer"])
    yield subject, _P["charEnd"], _literal(str(sentence.end), _XSD["integer"])
    if sentence.section:
        yield subject, _P["section"], _literal(sentence.section)


def statement_triples(review: ox.NamedNode, statement: Statement,
                      written: set[ox.NamedNode] | None = None) -> Iterator[Triple]:
    s = node(statement.subject.value)
    p = node(statement.predicate)
    o = to_term(statement.value)
    subject = statement_iri(s, p, statement.value)
    yield s, p, o
    yield subject, _RDF_TYPE, _P["Statement"]
    yield subject, _RDF_P["subject"], s
    yield subject, _RDF_P["predicate"], p
    yield subject, _RDF_P["object"], o
    yield from _evidence(review, subject, statement.evidence, written)


def record_iri(record: Record) -> ox.NamedNode:
    return node(f"{record.source}/record{record.pointer}")


def record_triples(record: Record) -> Iterator[Triple]:
    subject = record_iri(record)
    yield subject, _RDF_TYPE, _P["CatalogRecord"]
    yield subject, _P["inCatalog"], node(record.source)
    yield subject, _P["pointer"], _literal(record.pointer)
    for url in record.urls:
        yield subject, _P["sourceUrl"], node(url)


def _evidence(review: ox.NamedNode, subject: ox.NamedNode, evidence: list,
              written: set[ox.NamedNode] | None = None) -> Iterator[Triple]:
    for item in evidence:
        if isinstance(item, Record):
            yield subject, _P["evidence"], record_iri(item)
            yield from record_triples(item)
        else:
            yield subject, _P["evidence"], sentence_iri(review.value, item)
            yield from sentence_triples(review, item, written)
