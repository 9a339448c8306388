"""Reunions, paths, rankings, communities, similar titles and exports over the corpus."""
from __future__ import annotations

import pandas as pd
import pytest

from kgraph.analysis import network
from kgraph.api import KGraph
from kgraph.build import build
from kgraph.errors import KGraphError
from kgraph.queries import run_query
from kgraph.store import open_store

from conftest import ALIASES, ROOT

PERSON = "https://w3id.org/kgraph/id/person/"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    store = open_store(f"oxigraph:{tmp_path_factory.mktemp('analysis') / 'store'}")
    assert build(store, [ROOT / "data" / "catalog", ROOT / "data" / "reviews"], aliases=ALIASES, dump=None).ok
    graph = KGraph(store)
    yield graph
    graph.close()


def _pairs(frame: pd.DataFrame) -> set[tuple[str, str, int]]:
    return {(a, b, int(n)) for a, b, n in zip(frame["a"], frame["b"], frame["titles"])}


def test_networkx_duckdb_and_sparql_reunions_agree(kg):
    sparql = {(str(r["a"]), str(r["b"]), int(r["titles"])) for r in run_query(kg.store, "reunions", {"min_titles": 2})}
    bipartite, collab = kg.network()
    assert _pairs(network.reunions(collab, 2)) == sparql
    assert _pairs(kg.reunions(2)) == sparql
    assert len(sparql) == 5
    one = {(str(r["a"]), str(r["b"]), int(r["titles"])) for r in run_query(kg.store, "reunions", {"min_titles": 1})}
    assert _pairs(kg.reunions(1)) == one == _pairs(network.reunions(collab, 1))


def test_reunions_frame_has_types_and_titles(kg):
    frame = kg.reunions(person="Kim Ji-hoon")
    assert str(frame["titles"].dtype) == "Int64" and str(frame["a_name"].dtype) == "string"
    row = frame.iloc[0]
    assert (row["a_name"], row["b_name"], row["titles"]) == ("Jeon Jong-seo", "Kim Ji-hoon", 2)
    assert row["title_names"] == "Ballerina | Money Heist: Korea – Joint Economic Area"


def test_derived_table_follows_the_store(kg, tmp_path):
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    try:
        build(store, [ROOT / "data" / "catalog" / "ballerina-2023.json"], aliases=ALIASES, dump=None)
        assert KGraph(store).reunions(1, "Jeon Jong-seo")["titles"].max() == 1
        build(store, [ROOT / "data" / "catalog" / "ballerina-2023.json", ROOT / "data" / "catalog" / "the-call-2020.json"],
              aliases=ALIASES, dump=None)
        frame = KGraph(store).reunions(2, "Jeon Jong-seo")
        assert set(frame["b_name"]) == {"Lee Chung-hyun"}  # the table was rebuilt after the change
    finally:
        store.close()


def test_collaboration_path_names_the_titles(kg):
    chain = kg.path("Park Bo-young", "Jeon Jong-seo")
    assert chain["person_name"].iloc[0] == "Park Bo-young" and chain["person_name"].iloc[-1] == "Jeon Jong-seo"
    assert len(chain) == 4  # three titles on the way
    assert pd.isna(chain["title"].iloc[-1]) and chain["title_name"].iloc[:-1].notna().all()
    bipartite, _ = kg.network()
    for (_, step), (_, nxt) in zip(chain.iloc[:-1].iterrows(), chain.iloc[1:].iterrows()):
        assert bipartite.has_edge(step["person"], step["title"]) and bipartite.has_edge(nxt["person"], step["title"])


def test_unknown_and_ambiguous_names(kg):
    with pytest.raises(KGraphError, match="closest: .*Park Bo-young"):
        kg.path("Park Bo-yong", "Jeon Jong-seo")
    with pytest.raises(KGraphError, match="names 2 people"):
        kg.filmography("김지훈")


def test_rankings_and_communities(kg):
    ranks = kg.rankings()
    assert set(ranks.columns) == {"person", "name", "collaborators", "shared_credits", "betweenness"}
    assert ranks["betweenness"].is_monotonic_decreasing
    top = set(ranks["name"].head(5))
    assert "Jeon Jong-seo" in top  # she links four titles
    groups = kg.communities()
    assert groups["person"].is_unique and groups["community"].nunique() >= 3
    same = groups.set_index("name")["community"]
    assert same["Jeon Jong-seo"] == same["Kim Ji-hoon"] or same["Jeon Jong-seo"] == same["Lee Chung-hyun"]


def test_similar_titles_give_reasons(kg):
    like = kg.similar("The Call")
    top = like.iloc[0]
    assert top["title_name"] == "Ballerina" and "Jeon Jong-seo" in top["why"] and "Lee Chung-hyun" in top["why"]
    assert like["score"].is_monotonic_decreasing


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_network_exports_read_back(kg, tmp_path, suffix):
    import networkx as nx

    path = kg.export_network(tmp_path / f"collab{suffix}")
    graph = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    _, collab = kg.network()
    assert graph.number_of_nodes() == collab.number_of_nodes()
    assert graph.number_of_edges() == collab.number_of_edges()


def test_neighbourhood_png_draws_hangul(kg, tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph warns; it must not
        path = kg.draw("Jeon Jong-seo", tmp_path / "jeon.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000


def test_dataframes_have_proper_dtypes(kg):
    titles = kg.query("titles")
    assert str(titles["year"].dtype) == "Int64" and str(titles["name"].dtype) == "string"
    releases = kg.query("releases", title="https://w3id.org/kgraph/id/title/ballerina-2023")
    assert str(releases["date"].dtype).startswith("datetime64")
    assert releases["date"].dt.year.tolist() == [2023, 2023]


@pytest.mark.parametrize("server", ["oxigraph_server", "virtuoso_server"])
def test_dataframes_from_a_sparql_server_match(kg, server, request):
    remote = open_store(f"sparql+{request.getfixturevalue(server)}")
    for graph in remote.graphs():
        remote.remove_graph(graph)
    build(remote, [ROOT / "data" / "catalog", ROOT / "data" / "reviews"], aliases=ALIASES, dump=None)
    there = KGraph(remote)
    for name, params in [("titles", {}), ("filmography", {"person": PERSON + "jeon-jong-seo"}),
                         ("releases", {"title": "https://w3id.org/kgraph/id/title/ballerina-2023"})]:
        a = kg.query(name, **params).sort_values(list(kg.query(name, **params).columns)).reset_index(drop=True)
        b = there.query(name, **params).sort_values(list(a.columns)).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)
    assert _pairs(there.reunions(2)) == _pairs(kg.reunions(2))
