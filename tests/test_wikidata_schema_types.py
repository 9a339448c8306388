"""Instances carry their schema.org type beside kgraph's class, as the ontology says."""
from __future__ import annotations

import rdflib
from rdflib import URIRef

from kgraph.ontology import ONTOLOGY_DIR

KG = rdflib.Namespace("https://w3id.org/kgraph/ontology#")
SCHEMA = rdflib.Namespace("http://schema.org/")


def test_the_ontology_names_the_schema_type_of_each_instance_class():
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "kgraph.ttl")
    said = dict(ontology.subject_objects(KG.schemaType))
    assert said == {KG.Title: SCHEMA.CreativeWork, KG.Film: SCHEMA.Movie, KG.Series: SCHEMA.TVSeries,
                    KG.Person: SCHEMA.Person}


def test_schema_typed_queries_find_people_and_films_without_inference(seed_store):
    people = seed_store.select("SELECT DISTINCT ?p WHERE { ?p a <http://schema.org/Person> }")
    found = {str(p) for p, in people.rows}
    assert {"https://w3id.org/kgraph/id/person/kim-ji-hoon", "https://w3id.org/kgraph/id/person/jeon-jong-seo"} <= found
    characters = seed_store.select("SELECT DISTINCT ?c WHERE { ?c a <https://w3id.org/kgraph/ontology#Character> }")
    assert not found & {str(c) for c, in characters.rows}  # characters are not people
    assert seed_store.ask("ASK { ?t a <http://schema.org/Movie> }",
                          {"t": URIRef("https://w3id.org/kgraph/id/title/ballerina-2023")})
