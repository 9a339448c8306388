"""`kg.filmography` on an on-disk store reads the derived DuckDB table, and its answer is
filmography.rq's, row for row, in order, with the same dtypes: on the corpus, on a store whose
graphs split a credit's facts over several graphs, and after reviews are added, changed and
deleted. A store without a folder answers through SPARQL."""
from __future__ import annotations

import shutil

import duckdb
import pandas.testing as pdt
import pytest
from rdflib import RDF, Literal, URIRef

from kgraph.analysis import filmography as film
from kgraph.analysis import reunions
from kgraph.api import KGraph, _specific
from kgraph.build import build
from kgraph.frames import to_frame
from kgraph.ontology import BUILD_GRAPH, ONTOLOGY_GRAPH
from kgraph.queries import run_query
from kgraph.store import open_store

from conftest import ALIASES, ROOT, SEED
from test_reunions_incremental import REVIEWS, _build, blog  # noqa: F401 - the three-review blog fixture

KG = "https://w3id.org/kgraph/ontology#"
ID = "https://w3id.org/kgraph/id/"
NAME = URIRef("http://schema.org/name")
PREF_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
REVIEW = "https://w3id.org/kgraph/graph/review/"


def _sparql(store, person: str):
    return to_frame(run_query(store, "filmography", {"person": URIRef(person)}))


def _people(store) -> list[str]:
    rows = store.select(f"SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?c <{KG}person> ?p }} }}").rows
    return sorted(str(p) for (p,) in rows)


def assert_table_answers(store, people: list[str] | None = None) -> None:
    """Every person's filmography from the table equals the SPARQL query's (and `kg.filmography`,
    which reads it, equals the query's after `_specific`)."""
    kg = KGraph(store)
    for person in people or _people(store):
        table = film.filmography(store, person)
        assert table is not None, f"{person}: not answered from the table"
        pdt.assert_frame_equal(table, _sparql(store, person), obj=person)
        pdt.assert_frame_equal(kg.filmography(person), _specific(_sparql(store, person)), obj=person)


def _derived(store) -> dict[str, tuple]:
    """The `filmographies` rows: person -> (plain, answer)."""
    with duckdb.connect(str(reunions._table_path(store)), read_only=True) as con:
        rows = con.execute("SELECT person, plain, answer FROM filmographies").fetchall()
    assert len(rows) == len({person for person, _, _ in rows})  # one row per person
    return {person: (plain, answer) for person, plain, answer in rows}


def assert_incremental_is_full(store) -> None:
    """The table as refreshes left it equals one rebuilt from every graph."""
    reunions.refresh(store)
    incremental = _derived(store)
    reunions.refresh(store, full=True)
    assert _derived(store) == incremental


@pytest.fixture(scope="module")
def disk_corpus(tmp_path_factory):
    store = open_store(f"oxigraph:{tmp_path_factory.mktemp('corpus') / 'store'}")
    report = build(store, [ROOT / "data" / "catalog", ROOT / "data" / "reviews"], aliases=ALIASES, dump=None)
    assert report.ok, report.failed
    yield store
    store.close()


def test_every_person_of_the_corpus_from_the_table(disk_corpus):
    people = _people(disk_corpus)
    assert len(people) > 100
    assert_table_answers(disk_corpus, people)
    sizes = [len(_sparql(disk_corpus, p)) for p in people]
    assert max(sizes) > 3


# A small store: the seed review, and graphs that split credits' facts over several graphs.
P, Q = URIRef(ID + "person/test-p"), URIRef(ID + "person/test-q")
T = {n: URIRef(f"{ID}title/test-t{n}") for n in range(1, 8)}
C = {n: URIRef(f"{ID}credit/test-c{n}") for n in range(1, 10)}
CH1, CH2 = URIRef(ID + "character/test-ch1"), URIRef(ID + "character/test-ch2")
GAFFER = URIRef(ID + "job/test-gaffer")
DIRECTOR = URIRef("https://w3id.org/kgraph/ontology/job#director")


def _credit(credit: URIRef, person: URIRef, title: URIRef, *facts: tuple) -> list[tuple]:
    return [(credit, URIRef(KG + "person"), person), (credit, URIRef(KG + "title"), title), *facts]


def _cast(credit: URIRef) -> tuple:
    return (credit, RDF.type, URIRef(KG + "CastCredit"))


def graphs_v1() -> dict[str, list[tuple]]:
    people = [(P, RDF.type, URIRef(KG + "Person")), (P, NAME, Literal("Test Person")),
              (Q, RDF.type, URIRef(KG + "Person")), (Q, NAME, Literal("Test Other"))]
    return {
        "test-one": people + [
            *_credit(C[1], P, T[1], _cast(C[1]), (C[1], URIRef(KG + "character"), CH1), (CH1, NAME, Literal("Chara"))),
            *_credit(C[2], P, T[2], (C[2], URIRef(KG + "job"), DIRECTOR)),  # label from the ontology graph
            *_credit(C[3], P, T[3], (C[3], URIRef(KG + "job"), GAFFER)),  # label from test-names
            *_credit(C[6], P, T[5]),  # typed a cast credit in test-names
            (C[8], URIRef(KG + "person"), P),  # its title is in test-two: no credit
            *_credit(C[9], Q, T[6])],  # T6 is named in a language: answered through SPARQL
        "test-two": [
            *_credit(C[4], P, T[1]),  # a bare credit on a title P also plays on
            *_credit(C[5], P, T[4], _cast(C[5]), (C[5], URIRef(KG + "character"), CH1),
                     (C[5], URIRef(KG + "character"), CH2)),
            (CH1, NAME, Literal("Kyara")), (CH2, NAME, Literal("Zed")),  # a character named in two graphs
            (C[8], URIRef(KG + "title"), T[7]), (T[1], NAME, Literal("Alpha Again")),
            (P, NAME, Literal("A Test Person")),  # a second name, first in order
            (T[1], URIRef(KG + "year"), Literal(2003)),
            *_credit(C[7], P, T[2], (C[7], URIRef(KG + "job"), GAFFER))],  # P credited in several graphs
        "test-names": [  # names and years of titles credited elsewhere; T2 and T3 have no year
            (T[1], NAME, Literal("Alpha")), (T[1], URIRef(KG + "year"), Literal(2001)),
            (T[2], NAME, Literal("Beta")), (T[3], NAME, Literal("Gamma")),
            (T[4], NAME, Literal("Alpha")), (T[4], URIRef(KG + "year"), Literal(2001)),  # ties with T1
            (T[5], NAME, Literal("Epsilon")), (T[5], URIRef(KG + "year"), Literal(1999)), _cast(C[6]),
            (T[6], NAME, Literal("Zeta", lang="ko")), (T[7], NAME, Literal("Eta")),
            (GAFFER, PREF_LABEL, Literal("gaffer", lang="en")), (GAFFER, PREF_LABEL, Literal("lighting"))],
    }


def _manifest(store) -> list[tuple]:
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?b { ?s ?p ?o } }"
    return list(store.select(query, {"b": URIRef(BUILD_GRAPH)}).rows)


def put(store, name: str, triples: list[tuple] | None, fingerprint: str) -> None:
    """Write (or, with None, drop) review graph `name` and its line in the build manifest, as a build would."""
    graph = URIRef(REVIEW + name)
    kept = [t for t in _manifest(store) if t[0] != graph]
    if triples is None:
        store.remove_graph(str(graph))
    else:
        store.replace_graph(str(graph), triples)
        kept += [(graph, URIRef(KG + "sourceFile"), Literal(name + ".txt")),
                 (graph, URIRef(KG + "fingerprint"), Literal(fingerprint))]
    store.replace_graph(BUILD_GRAPH, kept)


@pytest.fixture
def split(tmp_path):
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    assert build(store, [SEED], aliases=ALIASES, dump=None).ok
    for name, triples in graphs_v1().items():
        put(store, name, triples, "v1")
    yield store
    store.close()


def test_facts_split_over_graphs_are_joined_as_the_union(split):
    assert_table_answers(split, [p for p in _people(split) if p != str(Q)])
    rows = _sparql(split, str(P))
    undated = int(rows["year"].isna().sum())  # titles without a year come first, then by year
    assert undated >= 4 and rows["year"].isna().tolist()[:undated] == [True] * undated
    assert rows["title_name"].tolist()[undated] == "Epsilon" and rows["year"].tolist()[undated] == 1999
    assert {"Alpha", "Alpha Again"} <= set(rows["title_name"])  # two names and two years for T1
    assert set(rows[rows["title"] == str(T[1])]["year"]) == {2001, 2003}
    assert rows[rows["title"] == str(T[3])]["year"].isna().all()  # no year: before every year
    assert {"director", "gaffer", "lighting", "actor", "credited"} <= set(rows["role"])
    assert set(rows[rows["title"] == str(T[5])]["role"]) == {"actor"}  # typed in another graph
    assert {"Chara", "Kyara", "Zed"} <= set(rows["character_name"].dropna())
    assert str(T[7]) not in set(rows["title"])  # credit's person and title in two graphs: no credit
    ties = rows[(rows["title_name"] == "Alpha") & (rows["year"] == 2001) & (rows["role"] == "actor")]
    assert ties["title"].tolist() == sorted(ties["title"]) and len(set(ties["title"])) == 2
    answer = KGraph(split).filmography(str(P))
    assert set(answer[answer["title"] == str(T[1])]["role"]) == {"actor"}  # _specific drops the bare credit


def test_a_value_the_table_cannot_order_is_answered_through_sparql(split):
    assert film.filmography(split, str(Q)) is None  # T6's name has a language
    pdt.assert_frame_equal(KGraph(split).filmography(str(Q)), _specific(_sparql(split, str(Q))))
    assert _sparql(split, str(Q))["title_name"].tolist() == ["Zeta"]


def test_changed_and_deleted_graphs_replace_only_their_rows(split):
    film.filmography(split, str(P))  # the table is current
    changed = graphs_v1()["test-names"]
    changed.remove((T[4], URIRef(KG + "year"), Literal(2001)))
    changed.remove((GAFFER, PREF_LABEL, Literal("lighting")))
    changed += [(T[1], NAME, Literal("Alpha Renamed")), (CH2, NAME, Literal("Zed Two"))]
    put(split, "test-names", changed, "v2")
    assert_table_answers(split, [str(P)])
    rows = _sparql(split, str(P))
    assert "Zed Two" in set(rows["character_name"]) and "lighting" not in set(rows["role"])
    assert_incremental_is_full(split)
    put(split, "test-two", None, "")  # deleted
    assert_table_answers(split, [str(P)])
    assert str(T[4]) not in set(_sparql(split, str(P))["title"])
    assert_incremental_is_full(split)


def test_a_new_ontology_relabels_jobs(split):
    film.filmography(split, str(P))
    triples = [t for t in split.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                       {"g": URIRef(ONTOLOGY_GRAPH)}).rows
               if t[:2] != (DIRECTOR, PREF_LABEL) and t[1] != URIRef(KG + "fingerprint")]
    triples += [(DIRECTOR, PREF_LABEL, Literal("helmer", lang="en")),
                (URIRef(ONTOLOGY_GRAPH), URIRef(KG + "fingerprint"), Literal("test-ontology"))]
    split.replace_graph(ONTOLOGY_GRAPH, triples)
    assert "helmer" in set(_sparql(split, str(P))["role"])
    assert_table_answers(split, [str(P)])


def test_add_change_and_delete_a_review(blog):
    store, folder = blog
    _build(store, folder)
    assert_table_answers(store)
    shutil.copy(REVIEWS / "money-heist-korea-2022.txt", folder / "money-heist-korea-2022.txt")  # added
    _build(store, folder)
    assert_table_answers(store)
    (folder / "burning-2018.txt").write_bytes((REVIEWS / "doctor-john-2019.txt").read_bytes())  # changed
    _build(store, folder)
    assert_table_answers(store)
    (folder / "the-call-2020.md").unlink()  # deleted
    _build(store, folder)
    assert_table_answers(store)
    assert_incremental_is_full(store)


def test_a_table_of_the_previous_layout_is_rebuilt(split):
    target = reunions._table_path(split)
    film.filmography(split, str(P))
    with duckdb.connect(str(target)) as con:
        con.execute("DROP TABLE filmographies")
        con.execute("UPDATE meta SET layout = 'per-graph/1'")
    assert_table_answers(split, [str(P)])


def test_a_store_without_a_folder_answers_through_sparql(seed_store):
    person = ID + "person/jeon-jong-seo"
    assert film.filmography(seed_store, person) is None
    frame = KGraph(seed_store).filmography(person)
    pdt.assert_frame_equal(frame, _specific(_sparql(seed_store, person)))
    assert len(frame) >= 1


def test_an_iri_is_looked_up_by_one_point_query_with_the_name_every_name_gives(disk_corpus):
    from kgraph.analysis import lookup

    for kind, column in (("person", "person"), ("title", "title")):
        labels = lookup._names(disk_corpus, kind)
        iris = sorted(set(labels["iri"]))
        assert len(iris) > 10
        for iri in iris:
            first = labels[labels["iri"] == iri].iloc[0]
            assert lookup._by_iri(disk_corpus, kind, iri) == (iri, str(first["name"]))
            assert lookup.find(disk_corpus, kind, iri) == (iri, str(first["name"]))
    assert lookup._by_iri(disk_corpus, "person", ID + "title/ballerina-2023") is None  # a title, not a person
    with pytest.raises(lookup.NotFound):
        lookup.find(disk_corpus, "person", ID + "person/nobody")


def test_an_iri_with_two_names_is_looked_up_with_the_first(split):
    from kgraph.analysis import lookup

    assert lookup.find(split, "person", str(P)) == (str(P), "A Test Person")
    labels = lookup._names(split, "person")
    assert set(labels[labels["iri"] == str(P)]["name"]) == {"A Test Person"}  # the full read's name


def test_the_table_held_open_elsewhere_in_the_process(split):
    film.filmography(split, str(P))  # current
    reader = duckdb.connect(str(reunions._table_path(split)), read_only=True)  # as `kgraph serve` holds it
    try:
        assert_table_answers(split, [str(P)])
    finally:
        reader.close()
