"""The point queries (cast, co-stars, filmography) match each credit inside its graph and read
a person's names from that graph (every name the store has only when that graph names them not
at all), so their cost does not grow with the number of graphs repeating a name. Their rows are
recomputed here in Python from the store's quads, graph by graph: on the whole corpus, and on a
store where a person is spelled two ways in two reviews and one review credits her without
naming her."""
from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import RDF, Literal, URIRef

from kgraph.build import build
from kgraph.queries import run_query
from kgraph.store import open_store

from conftest import ALIASES, SEED
from test_corpus import corpus  # noqa: F401 - the corpus built once for this module too

KG = "https://w3id.org/kgraph/ontology#"
NAME = URIRef("http://schema.org/name")
PREF_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
ID = "https://w3id.org/kgraph/id/"


class Union:
    """The store's quads, as the union default graph and graph by graph."""

    def __init__(self, store) -> None:
        self.out: dict[tuple, set] = defaultdict(set)
        self.into: dict[tuple, set] = defaultdict(set)
        self.by_graph: dict[tuple, set] = defaultdict(set)
        for s, p, o, g in store.quads():
            self.out[s, p].add(o)
            self.into[p, o].add(s)
            self.by_graph[g, s, p].add(o)
        self.graphs = {g for g, _, _ in self.by_graph}

    def credit_graphs(self, credit) -> set:
        """The graphs holding both the credit's title and its person."""
        return {g for g in self.graphs
                if self.by_graph.get((g, credit, URIRef(KG + "title"))) and self.by_graph.get((g, credit, URIRef(KG + "person")))}

    def names_in(self, graph, credit, person) -> set:
        """`person`'s names as `graph` (holding the credit) spells them, else every name they have."""
        if person not in self.by_graph.get((graph, credit, URIRef(KG + "person")), ()):
            return set()
        return self.by_graph.get((graph, person, NAME)) or self.values(person, NAME)

    def values(self, subject, predicate: URIRef) -> set:
        return self.out[subject, predicate]

    def credits(self, predicate: str, value) -> set:
        return self.into[URIRef(KG + predicate), value]

    def optional(self, subject, predicate: URIRef) -> set:
        return self.values(subject, predicate) or {None}


def expected_costars(graph: Union, person: URIRef) -> set[tuple]:
    rows = set()
    for credit in graph.credits("person", person):
        for title in graph.values(credit, URIRef(KG + "title")):
            for other in graph.credits("title", title):
                for g in graph.credit_graphs(other):
                    for costar in graph.by_graph[g, other, URIRef(KG + "person")] - {person}:
                        rows |= {(title, title_name, year, costar, costar_name)
                                 for title_name in graph.values(title, NAME)
                                 for costar_name in graph.names_in(g, other, costar)
                                 for year in graph.optional(title, URIRef(KG + "year"))}
    return rows


def _roles(graph: Union, credit) -> set[Literal]:
    cast = "actor" if URIRef(KG + "CastCredit") in graph.values(credit, RDF.type) else None
    jobs = {str(label) for job in graph.values(credit, URIRef(KG + "job")) for label in graph.values(job, PREF_LABEL)}
    return {Literal(cast or job or "credited") for job in (jobs or {None})}


def _characters(graph: Union, credit) -> set[tuple]:
    named = {(c, n) for c in graph.values(credit, URIRef(KG + "character")) for n in graph.values(c, NAME)}
    return named or {(None, None)}


def expected_cast(graph: Union, title: URIRef) -> set[tuple]:
    rows = set()
    for credit in graph.credits("title", title):
        for g in graph.credit_graphs(credit):
            for person in graph.by_graph[g, credit, URIRef(KG + "person")]:
                rows |= {(person, name, role, character, character_name)
                         for name in graph.names_in(g, credit, person) for role in _roles(graph, credit)
                         for character, character_name in _characters(graph, credit)}
    return rows


def expected_filmography(graph: Union, person: URIRef) -> set[tuple]:
    rows = set()
    for credit in graph.credits("person", person):
        for title in graph.values(credit, URIRef(KG + "title")):
            rows |= {(title, title_name, year, role, character_name)
                     for title_name in graph.values(title, NAME)
                     for year in graph.optional(title, URIRef(KG + "year")) for role in _roles(graph, credit)
                     for _, character_name in _characters(graph, credit)}
    return rows


def _sort_key(value) -> tuple:
    return (value is not None, value.toPython() if isinstance(value, Literal) else str(value))


def assert_same(store, name: str, param: str, value: URIRef, expected: set[tuple], order: list[int]) -> None:
    """The query gives exactly the expected rows, once each, in its ORDER BY order."""
    rows = run_query(store, name, {param: value}).rows
    assert len(rows) == len(set(rows)), f"{name} {value}: repeated rows"
    assert set(rows) == expected, f"{name} {value}: rows differ from the graph-by-graph reading"
    keys = [tuple(_sort_key(row[i]) for i in order) for row in rows]
    assert keys == sorted(keys), f"{name} {value}: rows out of order"


def test_point_queries_give_the_rows_of_their_reading_on_the_corpus(corpus):
    graph = Union(corpus)
    people = {o for (p, o) in graph.into if p == URIRef(KG + "person")}
    titles = {o for (p, o) in graph.into if p == URIRef(KG + "title")}
    assert len(people) > 50 and len(titles) > 10
    for person in sorted(people):
        assert_same(corpus, "costars", "person", person, expected_costars(graph, person), [2, 1, 4])
        assert_same(corpus, "filmography", "person", person, expected_filmography(graph, person), [2, 1, 3])
    for title in sorted(titles):
        assert_same(corpus, "cast", "title", title, expected_cast(graph, title), [2, 1, 4])


@pytest.fixture
def two_spellings():
    """The seed review, plus a review spelling Jeon Jong-seo "Jun Jong-seo" on her Ballerina
    credit, and one crediting her there (a bare credit) without giving her name; both true of the film."""
    store = open_store("memory:")
    assert build(store, [SEED], aliases=ALIASES, dump=None).ok
    jeon, ballerina = URIRef(ID + "person/jeon-jong-seo"), URIRef(ID + "title/ballerina-2023")
    for graph, kind, name in (("spelled", "CastCredit", Literal("Jun Jong-seo")), ("unnamed", "Credit", None)):
        node = URIRef(f"{ID}credit/test-{graph}")
        triples = [(node, RDF.type, URIRef(KG + kind)), (node, URIRef(KG + "title"), ballerina),
                   (node, URIRef(KG + "person"), jeon)]
        if name is not None:
            triples.append((jeon, NAME, name))
        store.replace_graph(f"https://w3id.org/kgraph/graph/review/test-{graph}", triples)
    yield store
    store.close()


def test_a_person_spelled_two_ways_shows_both_spellings(two_spellings):
    graph = Union(two_spellings)
    jeon, ballerina = URIRef(ID + "person/jeon-jong-seo"), URIRef(ID + "title/ballerina-2023")
    cast = run_query(two_spellings, "cast", {"title": ballerina})
    assert {str(r["person_name"]) for r in cast if r["person"] == jeon} == {"Jeon Jong-seo", "Jun Jong-seo"}
    assert_same(two_spellings, "cast", "title", ballerina, expected_cast(graph, ballerina), [2, 1, 4])
    for credit in graph.credits("title", ballerina):
        for someone in graph.values(credit, URIRef(KG + "person")):
            assert_same(two_spellings, "costars", "person", someone, expected_costars(graph, someone), [2, 1, 4])
    costars = run_query(two_spellings, "costars", {"person": URIRef(ID + "person/kim-ji-hoon")})
    assert {"Jeon Jong-seo", "Jun Jong-seo"} <= {str(r["costar_name"]) for r in costars}
