"""`kgraph link wikidata` against a real `oxigraph serve` holding a Wikidata-shaped fixture
with decoys, and a local proxy that answers 429/503 or holds a request past the timeout."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import OWL

from conftest import ALIASES, ROOT
from kgraph.api import KGraph
from kgraph.cli import main
from kgraph.wikidata import WIKIDATA_GRAPH, Settings, WikidataError
from kgraph.wikidata.decisions import DecisionsError
from kgraph.wikidata.reconcile import LocalPerson, decide, person_candidates
from wikidata_servers import Proxy, start_fixture_server, stop

pytestmark = pytest.mark.server
X = "http://example.invalid/entity/"
ID = "https://w3id.org/kgraph/id/"
SOURCES = [ROOT / "data" / "catalog", ROOT / "data" / "reviews" / "ballerina-2023.txt",
           ROOT / "data" / "reviews" / "doctor-john-2019.txt"]
TITLES = {"ballerina-2023": "Q901000001", "the-call-2020": "Q901000002", "burning-2018": "Q901000003",
          "money-heist-korea-2022": "Q901000004", "doctor-john-2019": "Q901000005",
          "something-happened-in-bali-2004": "Q901000006", "hometown-cha-cha-cha-2021": "Q901000007",
          "my-demon-2023": "Q901000008"}
DECOYS = [X + f"Q90000000{i}" for i in range(1, 5)]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    url, process = start_fixture_server(tmp_path_factory.mktemp("wikidata") / "store")
    yield url
    stop(process)


@pytest.fixture(scope="module")
def proxy(endpoint):
    server = Proxy(endpoint)
    yield server
    server.close()


@pytest.fixture(scope="module")
def kg():
    graph = KGraph("memory:")
    report = graph.build(SOURCES, aliases=ALIASES, dump=None)
    assert report.ok, report.failed
    yield graph
    graph.close()


def run(kg, url, **options):
    settings = Settings(endpoint=url, **{k: v for k, v in options.items() if k in Settings.__dataclass_fields__})
    rest = {k: v for k, v in options.items() if k not in Settings.__dataclass_fields__}
    rest.setdefault("decisions", None)
    return kg.link_wikidata(settings, aliases=ALIASES, **rest)


def links(kg) -> dict[str, str]:
    rows = kg.store.select(f"SELECT ?e ?i WHERE {{ GRAPH <{WIKIDATA_GRAPH}> {{ ?e <{OWL.sameAs}> ?i }} }}")
    return {str(e): str(i) for e, i in rows.rows}


def test_titles_link_on_korean_label_year_and_type_and_decoys_are_refused(kg, endpoint):
    report = run(kg, endpoint)
    linked = links(kg)
    assert {iri[len(ID + "title/"):]: item[len(X):] for iri, item in linked.items() if "/title/" in iri} == TITLES
    # same Hangul title of 2025, same-titled remake of 2024, same title and year but a series, a homonym
    assert not set(DECOYS) & set(linked.values())
    assert report.local_titles == 14 and len(report.titles.linked) == 8


def test_the_two_kim_ji_hoons_get_their_own_items(kg, endpoint):
    run(kg, endpoint)
    linked = links(kg)
    assert linked[ID + "person/kim-ji-hoon"] == X + "Q902000002"  # Denver, Choi Pro
    assert linked[ID + "person/kim-ji-hun"] == X + "Q902000003"   # Helsinki
    assert list(linked.values()).count(X + "Q902000002") == 1


def test_without_character_roles_the_kim_ji_hoons_get_one_item_or_none():
    hoon = LocalPerson(ID + "person/kim-ji-hoon", "Kim Ji-hoon", {"김지훈"}, {"Kim Ji-hoon", "Kim Ji-hun"},
                       {"t:ballerina": {"Choi Pro"}, "t:mhk": {"Denver"}})
    hun = LocalPerson(ID + "person/kim-ji-hun", "Kim Ji-hun", {"김지훈"}, {"Kim Ji-hun", "Kim Ji-hoon"},
                      {"t:mhk": {"Helsinki"}})
    found = {"w:A": [Literal("김지훈", lang="ko")], "w:B": [Literal("김지훈", lang="ko")]}
    titles = {"t:ballerina": "w:ballerina", "t:mhk": "w:mhk"}
    credits = {("w:ballerina", "w:A"): set(), ("w:mhk", "w:A"): set(), ("w:mhk", "w:B"): set()}
    candidates = person_candidates(hoon, found, titles, credits) + person_candidates(hun, found, titles, credits)
    matches = decide("person", candidates, {}, set(), by_strength=True)
    assert [(c.entity_name, c.item) for c in matches.linked] == [("Kim Ji-hoon", "w:A")]
    assert {c.item for c in matches.undecided if c.entity_name == "Kim Ji-hun"} == {"w:A", "w:B"}
    # with the roles the catalogue and Wikidata both give, each gets their own
    credits = {("w:ballerina", "w:A"): {"Choi Pro"}, ("w:mhk", "w:A"): {"Denver"}, ("w:mhk", "w:B"): {"Helsinki"}}
    candidates = person_candidates(hoon, found, titles, credits) + person_candidates(hun, found, titles, credits)
    matches = decide("person", candidates, {}, set(), by_strength=True)
    assert sorted((c.entity_name, c.item) for c in matches.linked) == [("Kim Ji-hoon", "w:A"), ("Kim Ji-hun", "w:B")]


def test_weak_candidates_are_listed_for_the_user_never_written(kg, endpoint):
    report = run(kg, endpoint)
    listed = {(c.entity_name, c.item[len(X):]) for c in report.candidates}
    assert listed == {("I Hear Your Voice", "Q901000010"),      # no publication date
                      ("Lovers of the Red Sky", "Q901000009"),  # no Korean label
                      ("Steven Yeun", "Q902000009")}            # no shared credit
    assert not {X + "Q901000010", X + "Q901000009", X + "Q902000009"} & set(links(kg).values())
    assert len(report.people.linked) == 19 and report.local_people == 126  # 125 in the catalogue, 1 from a review


def test_each_match_carries_its_evidence_in_the_wikidata_graph_only(kg, endpoint):
    others = {q for q in kg.store.quads() if str(q[3]) != WIKIDATA_GRAPH}
    run(kg, endpoint, enrich=True)
    assert {q for q in kg.store.quads() if str(q[3]) != WIKIDATA_GRAPH} == others
    evidence = kg.store.select(f"""PREFIX kg: <https://w3id.org/kgraph/ontology#>
        SELECT ?p ?o WHERE {{ GRAPH <{WIKIDATA_GRAPH}> {{ ?m kg:matchOf ?e ; ?p ?o }} }}""",
                               {"e": URIRef(ID + "title/ballerina-2023")})
    said = {(str(p).rsplit("#", 1)[-1], o) for p, o in evidence.rows}
    assert ("matchedLabel", Literal("발레리나", lang="ko")) in said
    assert ("matchedYear", Literal(2023)) in said
    assert ("matchedType", URIRef("http://www.wikidata.org/entity/Q11424")) in said
    assert ("decision", Literal("automatic")) in said
    person = kg.store.select(f"""PREFIX kg: <https://w3id.org/kgraph/ontology#>
        SELECT ?t WHERE {{ GRAPH <{WIKIDATA_GRAPH}> {{ ?m kg:matchOf ?e ; kg:sharedCredit ?t }} }}""",
                             {"e": URIRef(ID + "person/kim-ji-hoon")})
    assert {str(t) for t, in person.rows} == {ID + "title/ballerina-2023", ID + "title/money-heist-korea-2022"}
    assert kg.store.ask(f"ASK {{ GRAPH <{WIKIDATA_GRAPH}> {{ ?e <http://schema.org/sameAs> ?i }} }}",
                        {"e": URIRef(ID + "person/jeon-jong-seo"), "i": URIRef(X + "Q902000001")})


def test_enrichment_keeps_wikidata_statements_as_provenance_and_conflicts_show_both_sides(kg, endpoint):
    report = run(kg, endpoint, enrich=True)
    assert report.statements > 30
    award = kg.store.select(f"""PREFIX p: <http://www.wikidata.org/prop/> PREFIX ps: <http://www.wikidata.org/prop/statement/>
        PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
        SELECT ?work ?when WHERE {{ GRAPH <{WIKIDATA_GRAPH}> {{ ?i p:P166 ?s . ?s ps:P166 ?a ; pq:P1686 ?work ; pq:P585 ?when }} }}""",
                            {"i": URIRef(X + "Q902000001")})
    assert [(str(w), str(t)[:4]) for w, t in award.rows] == [(X + "Q901000002", "2021")]
    conflicts = kg.conflicts()
    wikidata = conflicts[conflicts["source_b"].str.startswith("Wikidata ")]
    rows = {(r.title_name, r.what, r.value_a, r.value_b) for r in wikidata.itertuples()}
    assert ("Doctor John", "number of episodes", "32", "16") in rows
    assert ("The Call", "character played by Jeon Jong-seo", "Oh Young-sook", "Young-sook") in rows
    assert not any(r.title_name == "Ballerina" for r in wikidata.itertuples())  # 93 min, 2023, Choi Pro agree
    assert set(wikidata[wikidata["title_name"] == "Doctor John"]["source_a"]) == {"data/catalog/doctor-john-2019.json"}
    assert kg.validate().conforms  # the Wikidata graph breaks none of kgraph's shapes


def test_review_jsonld_is_the_reviews_own_facts_plus_sameas(kg, endpoint):
    from kgraph.richresults import check_document

    review = ID + "review/ballerina-2023"
    kg.store.remove_graph(WIKIDATA_GRAPH)
    before = kg.jsonld(review)
    run(kg, endpoint, enrich=True)
    after = kg.jsonld(review)
    item = after["itemReviewed"]
    assert item["sameAs"] == X + "Q901000001"
    actors = {a["actor"]["name"]: a["actor"].get("sameAs") for a in item["actor"]}
    assert actors["Jeon Jong-seo"] == X + "Q902000001" and actors["Kim Ji-hoon"] == X + "Q902000002"

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "sameAs"}
        return [strip(v) for v in node] if isinstance(node, list) else node
    assert strip(after) == before
    lines = check_document(after).lines()
    assert "schema.org: every type and property is valid" in lines
    assert any(line.startswith("sameAs: 1 of 1 Movie") for line in lines)


def test_decisions_refuse_a_match_and_force_another(kg, endpoint, tmp_path):
    decisions = tmp_path / "wikidata-decisions.csv"
    decisions.write_text("kind,id,wikidata,decision,note\n"
                         f"title,ballerina-2023,{X}Q901000001,refuse,testing a refusal\n"
                         f"title,lovers-of-the-red-sky-2021,{X}Q901000009,accept,no Korean label there\n", "utf-8")
    report = run(kg, endpoint, decisions=decisions)
    linked = links(kg)
    assert ID + "title/ballerina-2023" not in linked
    assert not any(c.entity.endswith("ballerina-2023") and c.item == X + "Q901000001" for c in report.candidates)
    assert linked[ID + "title/lovers-of-the-red-sky-2021"] == X + "Q901000009"
    assert [c.decision for c in report.titles.linked if c.entity.endswith("lovers-of-the-red-sky-2021")] == ["user"]
    kg.build(SOURCES, aliases=ALIASES, dump=None, force=True)  # rebuilding keeps the graph and the file decides again
    assert links(kg)[ID + "title/lovers-of-the-red-sky-2021"] == X + "Q901000009"


def test_decisions_take_q_ids_and_wikidata_urls(tmp_path):
    from kgraph.wikidata.decisions import Decisions

    path = tmp_path / "d.csv"
    path.write_text("kind,id,wikidata,decision,note\nperson,a,Q5,accept,\nperson,b,https://www.wikidata.org/wiki/Q5,"
                    "refuse,\nperson,c,https://www.wikidata.org/entity/Q5,refuse,\n", "utf-8")
    assert {d.item for d in Decisions.load(path).rows} == {"http://www.wikidata.org/entity/Q5"}


def test_remote_queries_parse_and_say_their_batch_key():
    from rdflib.plugins.sparql import prepareQuery

    from kgraph.wikidata.client import QUERY_DIR, load_remote_query

    for path in sorted(QUERY_DIR.glob("*.rq")):
        query = load_remote_query(path.stem)
        prepareQuery(query.text)
        assert query.description and len(query.params) == 1, path.name
        assert f"?{query.params[0].name}" in query.text.split("WHERE", 1)[1], path.name


def test_a_bad_decision_names_the_file_line_and_field(kg, endpoint, tmp_path):
    decisions = tmp_path / "d.csv"
    decisions.write_text("kind,id,wikidata,decision,note\ntitle,ballerina-2023,Q1,accept,\n"
                         "title,the-call-2020,not-an-item,accept,\n", "utf-8")
    with pytest.raises(DecisionsError, match=r"d\.csv, line 3: wikidata: expected a Wikidata item IRI"):
        run(kg, endpoint, decisions=decisions)


def test_a_second_run_asks_nothing_it_knows_and_offline_uses_the_cache(kg, proxy, tmp_path):
    cache = tmp_path / "cache.sqlite"
    script = proxy.reset()
    first = run(kg, proxy.url, cache=cache, enrich=True)
    assert first.asked.requests == len(script.requests) > 0
    expected = links(kg)
    script = proxy.reset()
    second = run(kg, proxy.url, cache=cache, enrich=True)
    assert script.requests == [] and second.asked.requests == 0 and links(kg) == expected
    offline = run(kg, "http://127.0.0.1:9/unreachable", cache=cache, enrich=True, offline=True)
    assert offline.asked.requests == 0 and links(kg) == expected
    empty = run(kg, "http://127.0.0.1:9/unreachable", cache=tmp_path / "new.sqlite", offline=True)
    assert empty.linked == [] and empty.asked.unknown_offline > 0


def test_429_and_503_are_retried_honouring_retry_after(kg, proxy):
    waits: list[float] = []
    script = proxy.reset(failures=[(429, "7"), (503, None)])
    report = run(kg, proxy.url, sleep=waits.append, backoff=1.5)
    assert waits == [7.0, 3.0]  # Retry-After, then back-off 1.5 * 2
    assert report.asked.retries == 2 and len(report.titles.linked) == 8
    agents = {r["user_agent"] for r in script.requests}
    assert len(agents) == 1
    agent = agents.pop()  # descriptive, with a way to reach the tool's owner (WDQS User-Agent policy)
    assert agent.startswith("kgraph/") and "https://" in agent and "Python-urllib" not in agent


def test_it_gives_up_with_a_clear_error_after_the_retries(kg, proxy):
    waits: list[float] = []
    proxy.reset(failures=[(429, "1")] * 10)
    with pytest.raises(WikidataError, match=r"HTTP 429 .* after 3 tries"):
        run(kg, proxy.url, sleep=waits.append, retries=2)
    assert waits == [1.0, 1.0]


def test_an_answer_that_is_not_sparql_json_is_a_clear_error(kg, proxy):
    proxy.reset(garbage=True)
    with pytest.raises(WikidataError, match=r"the answer is not SPARQL JSON"):
        run(kg, proxy.url)
    proxy.reset()


def test_a_query_that_takes_too_long_times_out(kg, proxy):
    proxy.reset(hold=True)
    with pytest.raises(WikidataError, match=r"no answer within 0\.5 s"):
        run(kg, proxy.url, timeout=0.5)
    proxy.reset()


def test_cli_links_lists_candidates_and_conflicts_include_wikidata(endpoint, tmp_path):
    store = f"oxigraph:{tmp_path / 'store'}"
    runner = CliRunner()
    built = runner.invoke(main, ["build", *map(str, SOURCES), "--store", store, "--no-dump",
                                 "--aliases", str(ALIASES)])
    assert built.exit_code == 0, built.output
    result = runner.invoke(main, ["link", "wikidata", "--endpoint", endpoint, "--enrich", "--store", store,
                                  "--aliases", str(ALIASES), "--decisions", str(tmp_path / "none.csv"),
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "linked: 8 of 14 titles, 19 of 126 people" in result.output
    assert "candidates for you to decide" in result.output and "Steven Yeun" in result.output
    assert (tmp_path / "store.wikidata-cache.sqlite").exists()
    conflicts = runner.invoke(main, ["conflicts", "--store", store, "--format", "json"])
    rows = json.loads(conflicts.output)
    assert any(r["source_b"].startswith("Wikidata ") and r["what"] == "number of episodes" for r in rows)
    offline = runner.invoke(main, ["link", "wikidata", "--offline", "--store", "memory:"])
    assert offline.exit_code == 1 and "--offline answers from the cache" in offline.output
