"""Named queries: every .rq parses, declares the parameters it uses, and binds hostile values safely."""
from __future__ import annotations

import re

import pytest
from rdflib.plugins.sparql import prepareQuery

from kgraph.errors import QueryError
from kgraph.queries import list_queries, run_query

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
