"""The ontology is the source of truth: documented terms, a generated namespace, working shapes."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kgraph.ontology import ONTOLOGY_DIR, VOCAB_MODULE, render_vocab_module
from kgraph.store import open_store
from kgraph.validate import validate

KG = rdflib.Namespace("https://w3id.org/kgraph/ontology#")
ONTOLOGY = rdflib.Graph().parse(ONTOLOGY_DIR / "kgraph.ttl")
TERMS = sorted({s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                for s in ONTOLOGY.subjects(RDF.type, t)})


def test_namespace_module_is_generated_from_the_ontology():
    assert VOCAB_MODULE.read_text("utf-8") == render_vocab_module(), \
        "kgraph/vocab.py is out of date: run `python -m kgraph.ontology`"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_every_term_has_a_label_and_a_comment(term):
    assert ONTOLOGY.value(term, RDFS.label), f"{term} has no rdfs:label"
    assert ONTOLOGY.value(term, RDFS.comment), f"{term} has no rdfs:comment"


@pytest.mark.parametrize("local,wikidata", [("CastCredit", "P161"), ("character", "P453"), ("Nomination", "P1411"),
                                             ("Won", "P166"), ("platform", "P449"), ("genre", "P136"),
                                             ("theme", "P921"), ("episodeCount", "P1113"),
                                             ("runtimeMinutes", "P2047"), ("year", "P577")])
def test_wikidata_mappings(local, wikidata):
    everything = rdflib.Graph()
    for path in ONTOLOGY_DIR.glob("*.ttl"):
        everything.parse(path)
    targets = {str(o) for o in everything.objects(KG[local], None) if "wikidata" in str(o)}
    assert f"http://www.wikidata.org/prop/direct/{wikidata}" in targets


@pytest.mark.parametrize("job,wikidata", [("director", "P57"), ("writer", "P58"), ("composer", "P86")])
def test_job_concepts_map_to_wikidata(job, wikidata):
    jobs = rdflib.Graph().parse(ONTOLOGY_DIR / "jobs.ttl")
    assert (URIRef(f"https://w3id.org/kgraph/ontology/job#{job}"), KG.wikidataProperty,
            URIRef(f"http://www.wikidata.org/prop/direct/{wikidata}")) in jobs


def test_shipped_seed_validates(seed_store):
    report = validate(seed_store)
    assert report.conforms, [str(v) for v in report.violations]


def _broken_store(seed_store, extra):
    store = open_store("memory:")
    triples_by_graph: dict = {}
    for s, p, o, g in seed_store.quads():
        triples_by_graph.setdefault(str(g), []).append((s, p, o))
    triples_by_graph["https://example.org/broken"] = extra
    for graph, triples in triples_by_graph.items():
        store.replace_graph(graph, triples)
    return store


@pytest.mark.parametrize("case,extra,words", [
    ("credit without person", [(URIRef("urn:x:c"), RDF.type, KG.CastCredit), (URIRef("urn:x:c"), RDF.type, KG.Claim),
                               (URIRef("urn:x:c"), KG.title, URIRef("https://w3id.org/kgraph/id/title/ballerina-2023"))],
     "exactly one person"),
    ("nomination without result", [(URIRef("urn:x:n"), RDF.type, KG.Nomination)], "exactly one ceremony"),
    ("claim without evidence", [(URIRef("urn:x:q"), RDF.type, KG.Quote), (URIRef("urn:x:q"), RDF.type, KG.Claim)],
     "sentence(s) that state it"),
    ("title without name", [(URIRef("urn:x:t"), RDF.type, KG.Title)], "needs a name"),
    ("attribute without statement", [(URIRef("https://w3id.org/kgraph/id/title/ballerina-2023"), KG.year,
                                      Literal(1999))], "has no statement with evidence"),
])
def test_shapes_catch_violations(seed_store, case, extra, words):
    store = _broken_store(seed_store, extra)
    report = validate(store)
    assert not report.conforms
    assert any(words in str(v) for v in report.violations), [str(v) for v in report.violations]
