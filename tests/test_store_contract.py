"""One contract, every backend: Oxigraph on disk and a real `oxigraph serve` over HTTP."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kgraph.build import build
from kgraph.errors import QueryError, SelectorError, StoreError
from kgraph.queries import run_query
from kgraph.store import open_store
from kgraph.store.base import GraphData

from conftest import ALIASES, SEED

G1 = "https://example.org/graph/1"
G2 = "https://example.org/graph/2"
P = URIRef("https://example.org/p")
SEED_TITLE = "https://w3id.org/kgraph/id/title/ballerina-2023"


def triples(n: int, graph: str):
    return [(URIRef(f"{graph}/s{i}"), P, Literal(f'value "{i}"\n{{ }} # ; DROP ALL')) for i in range(n)]


def test_replace_and_remove_graphs(any_store):
    any_store.replace_graph(G1, triples(3, G1))
    any_store.replace_graph(G2, triples(2, G2))
    assert {G1, G2} <= set(any_store.graphs())
    any_store.replace_graph(G1, triples(1, G1))
    assert sum(1 for q in any_store.quads() if str(q[3]) == G1) == 1
    assert sum(1 for q in any_store.quads() if str(q[3]) == G2) == 2
    any_store.remove_graph(G2)
    assert G2 not in any_store.graphs()


def test_replace_graphs_writes_new_and_existing_graphs_whole(any_store):
    """A build writes graphs in batches (GraphData): a new graph and one the store holds are
    each replaced whole, an empty one leaves no triples; a bad term is refused before any write."""
    any_store.replace_graph(G1, triples(3, G1))
    any_store.replace_graphs([GraphData.of(G1, triples(1, G1)), GraphData.of(G2, triples(2, G2)),
                              GraphData.of(G1 + "x", [])])
    counts: dict[str, int] = {}
    for quad in any_store.quads():
        counts[str(quad[3])] = counts.get(str(quad[3]), 0) + 1
    assert counts.get(G1) == 1 and counts.get(G2) == 2 and G1 + "x" not in counts
    assert {(s, p, o) for s, p, o, g in any_store.quads() if str(g) == G2} == set(triples(2, G2))
    with pytest.raises(StoreError, match="has space"):
        GraphData.of(G2, [(URIRef(f"{G2}/s"), P, URIRef("https://example.org/has space"))])


def test_literals_round_trip_exactly(any_store):
    hostile = '"quotes" {braces} # hash } ; DROP ALL \n newline 발레리나 \\ backslash'
    any_store.replace_graph(G1, [(URIRef(G1 + "/s"), P, Literal(hostile)),
                                 (URIRef(G1 + "/s"), P, Literal("발레리나", lang="ko"))])
    rows = any_store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", {"s": URIRef(G1 + "/s"), "p": P})
    assert sorted(str(o) for o in rows.column("o")) == sorted([hostile, "발레리나"])
    assert Literal("발레리나", lang="ko") in rows.column("o")


def test_bound_values_are_terms_not_text(any_store):
    any_store.replace_graph(G1, triples(2, G1))
    rows = any_store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("} } DROP ALL #")})
    assert len(rows) == 0
    assert G1 in any_store.graphs()  # nothing was dropped


def test_seed_build_gives_same_rows_on_every_backend(any_store):
    report = build(any_store, [SEED], aliases=ALIASES, dump=None)
    assert report.ok
    cast = run_query(any_store, "cast", {"title": "https://w3id.org/kgraph/id/title/ballerina-2023"})
    expected = {("Jeon Jong-seo", "actor", "Ok-ju"), ("Kim Ji-hoon", "actor", "Choi Pro"),
                ("Park Yu-rim", "actor", "Min-hee"), ("Lee Chung-hyun", "director", ""),
                ("Lee Chung-hyun", "writer", ""), ("GRAY", "composer", ""), ("Kim Min-hye", "art director", "")}
    got = {(str(r["person_name"]), str(r["role"]), str(r["character_name"] or "")) for r in cast}
    assert got == expected


def test_rebuild_is_idempotent_on_every_backend(any_store):
    build(any_store, [SEED], aliases=ALIASES, dump=None)
    before = set(any_store.quads())
    build(any_store, [SEED], aliases=ALIASES, dump=None, force=True)
    assert set(any_store.quads()) == before


def test_ask_and_syntax_errors(any_store):
    any_store.replace_graph(G1, triples(1, G1))
    assert any_store.ask("ASK { ?s ?p ?o }")
    with pytest.raises(QueryError):
        any_store.select("SELECT WHERE {")


def test_virtuoso_truncation_is_detected_and_bulk_reads_page(virtuoso_server):
    store = open_store(f"sparql+{virtuoso_server}")
    graph = "https://example.org/graph/big"
    store.replace_graph(graph, [(URIRef(f"{graph}/s{i}"), P, Literal(i)) for i in range(10_500)])
    try:
        with pytest.raises(StoreError, match="exactly 10000 rows"):
            store.select("SELECT ?s ?o WHERE { ?s <https://example.org/p> ?o }")
        assert sum(1 for q in store.quads() if str(q[3]) == graph) == 10_500
    finally:
        store.remove_graph(graph)


def test_unknown_selector_lists_the_forms():
    with pytest.raises(SelectorError) as error:
        open_store("postgres://nowhere")
    assert "oxigraph:PATH" in str(error.value) and "sparql+http" in str(error.value)


def test_memory_store_has_no_files(tmp_path):
    with open_store("memory:") as store:
        store.replace_graph(G1, triples(1, G1))
        assert store.graphs() == [G1]
    assert not any(tmp_path.iterdir())


def test_an_export_bulk_loaded_into_virtuoso_is_the_same_graph_and_builds_as_unchanged(virtuoso_server, tmp_path):
    """The README's guide for large imports: `kgraph export` N-Quads, Virtuoso's bulk loader, and a
    later `kgraph build` against the server finds every graph current (provenance travels in the data)."""
    import servers

    store = open_store(f"sparql+{virtuoso_server}")
    for graph in store.graphs():
        store.remove_graph(graph)
    with open_store(f"oxigraph:{tmp_path / 'store'}") as local:
        build(local, [SEED], aliases=ALIASES, dump=tmp_path / "export.nq", root=tmp_path)
        rows = sorted(map(str, run_query(local, "cast", {"title": SEED_TITLE}).rows))
    servers.virtuoso_bulk_load(virtuoso_server, tmp_path / "export.nq")
    assert sorted(map(str, run_query(store, "cast", {"title": SEED_TITLE}).rows)) == rows and rows
    report = build(store, [SEED], aliases=ALIASES, dump=None, root=tmp_path)
    assert report.ok and not report.built and len(report.unchanged) == 1
