"""Named queries: every .rq parses, declares the parameters it uses, and binds hostile values safely."""
from __future__ import annotations

import re

import pytest
from rdflib.plugins.sparql import prepareQuery

from kgraph.errors import QueryError
from kgraph.queries import coerce, list_queries, load_query, run_query
from kgraph.store.base import leading_values, where_brace

from conftest import ALIASES, ROOT

QUERIES = list_queries()
HOSTILE = ['quote " inside', "single ' quote", "{ braces }", "# hash", "} ; DROP ALL", "new\nline", "발레리나",
           "\\ backslash", ">"]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_query_parses_and_uses_its_parameters(query):
    prepareQuery(query.text)  # rdflib's SPARQL parser
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    used = set(re.findall(r"[?$](\w+)", body))
    for param in query.params:
        assert param.name in used, f"{query.name}: parameter {param.name} is declared but not used"
    assert query.description
    if query.kind == "SELECT":  # the union of graphs repeats triples stated by several sources
        assert re.search(r"SELECT\s+DISTINCT", body, re.I), f"{query.name}: SELECT without DISTINCT"


@pytest.mark.parametrize("query", [q for q in QUERIES if q.params], ids=lambda q: q.name)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_give_answers_or_a_clear_error(seed_store, query, value):
    params = {p.name: value for p in query.params}
    if any(p.type != "string" for p in query.params):
        with pytest.raises(QueryError) as error:
            run_query(seed_store, query, params)
        assert "not a valid" in str(error.value)
    else:
        rows = run_query(seed_store, query, params)
        assert len(rows) == 0
    assert "https://w3id.org/kgraph/graph/review/ballerina-2023" in seed_store.graphs()


@pytest.mark.parametrize("query", [q for q in QUERIES if q.params and all(p.type == "iri" for p in q.params)],
                         ids=lambda q: q.name)
@pytest.mark.parametrize("iri", ["https://example.org/x#DROP%20ALL;x=1", "urn:x:it's", "<urn:x:a>"])
def test_valid_but_odd_iris_find_nothing(seed_store, query, iri):
    params = {p.name: iri for p in query.params}
    assert len(run_query(seed_store, query, params)) == 0


def test_cast_query(seed_store):
    rows = run_query(seed_store, "cast", {"title": "https://w3id.org/kgraph/id/title/ballerina-2023"})
    assert ("Jeon Jong-seo", "Ok-ju") in {(str(r["person_name"]), str(r["character_name"])) for r in rows}


def test_which_sentence_says_kim_ji_hoon_plays_choi_pro(seed_store):
    rows = run_query(seed_store, "who-plays", {"person": "https://w3id.org/kgraph/id/person/kim-ji-hoon"})
    said = {str(r["sentence"]) for r in rows if str(r["character_name"]) == "Choi Pro"}
    assert "As the antagonist Choi Pro, Kim Ji\u2011hoon plays menace like a melody—smooth at first, then sour." in said
    for r in rows:
        assert int(r["end"]) > int(r["start"])


def test_offsets_point_into_the_review_text(seed_store):
    from conftest import SEED
    text = SEED.read_text("utf-8")
    rows = run_query(seed_store, "evidence", {"node": "https://w3id.org/kgraph/id/title/ballerina-2023"})
    assert len(rows) > 10
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == str(r["sentence"])


def test_release_timeline_is_in_date_order(seed_store):
    rows = run_query(seed_store, "releases", {"title": "https://w3id.org/kgraph/id/title/ballerina-2023"})
    assert [(str(r["date"]), str(r["kind"])) for r in rows] == [("2023-10-05", "Festival premiere"),
                                                                ("2023-10-06", "Streaming release")]


def test_unknown_query_and_missing_parameters(seed_store):
    with pytest.raises(QueryError, match="named queries: .*cast"):
        run_query(seed_store, "no-such-query")
    with pytest.raises(QueryError, match="needs parameter"):
        run_query(seed_store, "cast")
    with pytest.raises(QueryError, match="has no parameter"):
        run_query(seed_store, "titles", {"bogus": 1})


# ---------------------------------------------------------------- every .rq runs as it stands (issue 8 item 21)

@pytest.fixture(scope="module")
def corpus():
    """The project corpus in memory, and the pyoxigraph Store under it, for running files unchanged."""
    from kgraph import KGraph

    kg = KGraph("memory:")
    assert kg.build([ROOT / "data" / "catalog", ROOT / "data" / "reviews"], aliases=ALIASES, dump=None).ok
    yield kg
    kg.store.close()


@pytest.mark.parametrize("query", [q for q in QUERIES if q.params], ids=lambda q: q.name)
def test_every_parameter_has_a_value_in_the_query_itself(query):
    brace = where_brace(query.text)
    block = leading_values(query.text, brace)
    assert block is not None, f"{query.name}: no VALUES block of defaults opens the WHERE group"
    assert set(block[2]) == {p.name for p in query.params}
    for param in query.params:
        assert param.in_query is not None, f"{query.name}: {param.name} has no value in the VALUES block"
        assert coerce(param, param.in_query) == param.in_query  # the value has the declared type
        if param.default is not None:
            assert param.default == param.in_query


# the in-query values are right, but the corpus holds no such rows
EMPTY_ON_THE_CORPUS = {"jsonld-sameas",  # reads the graph `kgraph link wikidata` writes
                       "page-conflicts-releases"}  # no two sources give one release different dates


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_query_runs_unchanged_in_a_plain_sparql_engine(corpus, query):
    """No kgraph binding: the file's text as a SPARQL client would send it, to pyoxigraph's engine."""
    rows = list(corpus.store._store.query(query.text, use_default_graph_as_union=True))
    if query.params:  # the in-query values make sense: rows, and the ones kgraph gives for those values
        if query.name not in EMPTY_ON_THE_CORPUS:
            assert rows, f"{query.name} returns nothing as it stands"
        bound = run_query(corpus.store, query, {p.name: p.in_query for p in query.params})
        assert len(rows) == len(bound)


def test_reunions_file_as_it_stands_finds_the_known_reunions(corpus):
    reunions = next(q for q in QUERIES if q.name == "reunions")
    rows = corpus.store._store.query(reunions.text, use_default_graph_as_union=True)
    got = {(s["a"].value, s["b"].value, int(s["titles"].value)) for s in rows}
    known = {(r.a, r.b, int(r.titles)) for r in corpus.reunions(min_titles=2).itertuples()}
    assert got == known
    assert ("https://w3id.org/kgraph/id/person/jeon-jong-seo", "https://w3id.org/kgraph/id/person/kim-ji-hoon",
            2) in got


def test_parameters_with_defaults_are_optional(corpus):
    every = corpus.query("titles-by-year")
    assert every.equals(corpus.query("titles-by-year", from_year=1900, to_year=2100)) and len(every) == 14
    assert len(corpus.query("titles-by-year", to_year=2015)) == (every["year"] <= 2015).sum() < len(every)
    assert corpus.query("director-actor").equals(corpus.query("director-actor", min_titles=2))
    with pytest.raises(QueryError, match="needs parameter.*title"):
        corpus.query("cast")


def test_query_list_shows_defaults():
    from click.testing import CliRunner

    from kgraph.cli import main

    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if line.startswith("reunions "))
    assert "min_titles:integer=2" in line
    assert "title:iri " in next(line for line in result.output.splitlines() if line.startswith("cast "))


def test_a_header_default_that_disagrees_with_the_query_is_refused(tmp_path):
    path = tmp_path / "odd.rq"
    path.write_text("# Odd.\n# @param n: integer = 2  a number\nSELECT ?n WHERE {\n  VALUES ?n { 3 }\n}\n", "utf-8")
    with pytest.raises(QueryError, match=r"odd.rq: parameter n defaults to 2 in the header but to .*3"):
        load_query(path)
    path.write_text("# Odd.\n# @param n: integer = 2  a number\n# @param m: integer = 1  another\n"
                    "SELECT ?n WHERE {\n  VALUES ?n { 2 }\n}\n", "utf-8")
    with pytest.raises(QueryError, match="must bind exactly the parameters"):
        load_query(path)


def test_a_query_file_without_defaults_still_binds(seed_store, tmp_path):
    path = tmp_path / "old.rq"
    path.write_text("# Old style.\n# @param title: iri  a title\nPREFIX schema: <http://schema.org/>\n"
                    "SELECT DISTINCT ?name WHERE { ?title schema:name ?name }\n", "utf-8")
    rows = run_query(seed_store, path, {"title": "https://w3id.org/kgraph/id/title/ballerina-2023"})
    assert [str(r["name"]) for r in rows] == ["Ballerina"]


# ---------------------------------------------------------------- a .rq that is not UTF-8 (issue 8 item 13)

def test_a_query_file_that_is_not_utf8_is_one_line_naming_it(tmp_path):
    path = tmp_path / "latin1.rq"
    path.write_bytes("# Titles called café.\nSELECT ?t WHERE { ?t ?p \"café\" }\n".encode("latin-1"))
    with pytest.raises(QueryError) as error:
        load_query(path)
    assert str(path) in str(error.value) and "UTF-8" in str(error.value)
    assert "\n" not in str(error.value)
    from click.testing import CliRunner

    from kgraph.cli import main

    result = CliRunner().invoke(main, ["query", str(path), "--store", "memory:"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output and str(path) in result.output


def test_the_remote_client_reads_every_query_as_the_kind_it_is():
    """SPARQLWrapper picks the Accept header from the first query keyword it sees, comments
    included: a header saying "describes" made a SELECT go out as a DESCRIBE."""
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper("http://127.0.0.1/query")
    assert {q.name: client._parseQueryType(q.text) for q in QUERIES} == {q.name: q.kind for q in QUERIES}
