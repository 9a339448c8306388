"""The default build: the catalogue and every review in data/, as the README's main command builds them."""
from __future__ import annotations


import pytest
from rdflib import URIRef

from kgraph.build import build
from kgraph.evaluate import cast_quality
from kgraph.people import likely_duplicates
from kgraph.queries import run_query
from kgraph.resolve import AliasTable
from kgraph.store import open_store

from conftest import ALIASES, ROOT

PERSON = "https://w3id.org/kgraph/id/person/"


@pytest.fixture(scope="module")
def corpus():
    store = open_store("memory:")
    report = build(store, [ROOT / "data" / "catalog", ROOT / "data" / "reviews"], aliases=ALIASES, dump=None)
    assert report.ok, report.failed
    yield store
    store.close()


def test_every_catalogue_title_has_a_review_in_several_layouts():
    reviews = sorted((ROOT / "data" / "reviews").iterdir())
    blog = [p for p in reviews if "Overview" in p.read_text("utf-8") and "Title:" in p.read_text("utf-8")]
    other = [p for p in reviews if p not in blog]
    assert len(reviews) == 14 and len(blog) >= 9 and len(other) >= 5
    assert {p.suffix for p in reviews} >= {".txt", ".md", ".html"}


def test_counts(corpus):
    counts = {str(r["what"]): int(r["count"]) for r in run_query(corpus, "stats")}
    assert counts["titles"] == 14 and counts["reviews"] == 14 and counts["catalogues"] == 15
    assert counts["people"] == 126  # the catalogue's 125 and Kim Min-hye, the art director the seed names


def test_reunions_are_the_true_ones(corpus):
    pairs = {(str(r["a_name"]), str(r["b_name"])) for r in run_query(corpus, "reunions", {"min_titles": 2})}
    assert pairs == {("Jeon Jong-seo", "Kim Ji-hoon"), ("Im Chul-soo", "Kim Sun-young"),
                     ("Cha Chung-hwa", "Lee Sang-yi"), ("Jeon Jong-seo", "Lee Chung-hyun"),
                     ("Jo Soo-won", "Jung Min-ah")}


def test_review_and_catalogue_meet_on_one_iri(corpus):
    rows = corpus.select("""
        PREFIX kg: <https://w3id.org/kgraph/ontology#>
        SELECT DISTINCT ?g ?character WHERE { GRAPH ?g { ?c kg:person ?p ; kg:title ?t ; kg:character ?character } }""",
                         {"p": URIRef(PERSON + "jeon-jong-seo"), "t": URIRef("https://w3id.org/kgraph/id/title/ballerina-2023")})
    graphs = {str(r["g"]).rsplit("/", 2)[-2] for r in rows}
    assert graphs == {"catalog", "review"}
    assert {str(r["character"]) for r in rows} == {"https://w3id.org/kgraph/id/character/ballerina-2023/jang-ok-ju"}


def test_kim_ji_hoon_and_kim_ji_hun_stay_two_people(corpus):
    from kgraph.api import KGraph

    kg = KGraph(corpus)
    helsinki = kg.filmography("Kim Ji-hun")
    assert set(zip(helsinki["title_name"], helsinki["character_name"])) == {
        ("Money Heist: Korea – Joint Economic Area", "Helsinki")}
    assert set(kg.filmography("Kim Ji-hoon")["character_name"]) == {"Denver", "Choi Pro"}


def test_unsure_facts_are_not_in_the_graph(corpus):
    rows = run_query(corpus, "filmography", {"person": PERSON + "jang-yoon-ju"})
    assert {str(r["title_name"]) for r in rows} == {"Money Heist: Korea – Joint Economic Area"}


def test_conflicts_name_both_sources(corpus):
    rows = {(str(r["title_name"]), str(r["what"]), str(r["value_a"]), str(r["value_b"])):
            (str(r["source_a"]), str(r["source_b"])) for r in run_query(corpus, "conflicts")}
    episodes = rows[("Doctor John", "number of episodes", "16", "32")]
    assert episodes[0].endswith("reviews/doctor-john-2019.txt") and episodes[1].endswith("catalog/doctor-john-2019.json")
    assert ("Doctor John", "character played by Lee Se-young", "Kang Shi-young", "Kang Si-young") in rows
    assert not any(title == "Ballerina" for title, *_ in rows)  # "Ok-ju" is Jang Ok-ju, not a conflict


def test_likely_duplicates_are_listed_not_merged(corpus):
    found = {(d.a_name, d.b_name): d for d in likely_duplicates(corpus, AliasTable.load(ALIASES))}
    kim = found[("Kim Ji-hoon", "Kim Ji-hun")]
    assert "same Korean name 김지훈" in kim.why and kim.decided


def test_cast_extraction_against_the_catalogue(corpus):
    score = cast_quality(corpus)
    assert score.extracted >= 50
    assert score.precision >= 0.95, score.wrong
    assert score.recall >= 0.9, score.misses


def test_the_corpus_validates(corpus):
    from kgraph.validate import validate
    report = validate(corpus)
    assert report.conforms, [str(v) for v in report.violations[:5]]


def _names(rows, column="title_name") -> set[str]:
    return {str(r[column]) for r in rows}


def test_titles_by_year_runtime_platform_genre_theme(corpus):
    assert _names(run_query(corpus, "titles-by-year", {"from_year": 2020, "to_year": 2021})) == {
        "The Call", "Hometown Cha-Cha-Cha", "Lovers of the Red Sky"}
    assert _names(run_query(corpus, "titles-by-runtime", {"min_minutes": 100, "max_minutes": 200})) == {"The Call", "Burning"}
    assert "Something Happened in Bali" in _names(run_query(corpus, "titles-by-platform",
                                                            {"platform": "https://w3id.org/kgraph/id/platform/sbs"}))
    assert "Ballerina" in _names(run_query(corpus, "titles-by-genre",
                                           {"genre": "https://w3id.org/kgraph/ontology/genre#thriller"}))
    assert "Ballerina" in _names(run_query(corpus, "titles-by-theme",
                                           {"theme": "https://w3id.org/kgraph/ontology/theme#revenge"}))


def test_nominations_by_person_ceremony_and_category(corpus):
    jeon = run_query(corpus, "nominations-by-person", {"person": PERSON + "jeon-jong-seo"})
    assert {(str(r["ceremony_name"]), str(r["result"])) for r in jeon} >= {
        ("Baeksang Arts Awards", "won"), ("Buil Film Awards", "won"), ("Asian Film Critics Association Awards", "won")}
    cannes = run_query(corpus, "nominations-by-ceremony", {"ceremony": "https://w3id.org/kgraph/id/award/cannes-film-festival"})
    assert {(str(r["category_name"]), str(r["result"])) for r in cannes} == {
        ("Palme d'Or", "nominated"), ("FIPRESCI Prize (Competition)", "won")}
    best = run_query(corpus, "nominations-by-category",
                     {"category": "https://w3id.org/kgraph/id/award/baeksang-arts-awards/best-actress-tv"})
    assert {(str(r["nominee_name"]), str(r["title_name"])) for r in best} == {
        ("Ha Ji-won", "Something Happened in Bali"), ("Lee Bo-young", "I Hear Your Voice")}


def test_data_quality_queries(corpus):
    assert _names(run_query(corpus, "quality-titles-without-hangul")) == set()
    assert _names(run_query(corpus, "quality-people-without-credits"), "person_name") == {"Choi Sung-jun"}
    missing = run_query(corpus, "quality-credits-without-character")
    assert ("Doctor John", "Hwang Hee") in {(str(r["title_name"]), str(r["person_name"])) for r in missing}


def test_reunion_details_say_who_did_what(corpus):
    rows = {(str(r["a_name"]), str(r["b_name"]), str(r["title_name"]), str(r["a_role"]), str(r["b_role"]))
            for r in run_query(corpus, "reunion-details", {"min_titles": 2})}
    assert ("Jeon Jong-seo", "Kim Ji-hoon", "Money Heist: Korea – Joint Economic Area", "Tokyo", "Denver") in rows
    assert ("Jeon Jong-seo", "Kim Ji-hoon", "Ballerina", "Jang Ok-ju", "Choi Pro") in rows
    assert not any("credited" in (a, b) for *_, a, b in rows)
