"""The derived (person, title) table beside an on-disk store follows each build incrementally:
an added, changed or deleted review rereads only its own graph, and the table always equals
a full recompute and the SPARQL reunion query."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from kgraph.analysis import reunions as module
from kgraph.build import build
from kgraph.frames import to_frame
from kgraph.queries import run_query
from kgraph.store import open_store

from conftest import ALIASES, DATA, ROOT

REVIEWS = ROOT / "data" / "reviews"
CATALOG = ROOT / "data" / "catalog"


class Counting:
    """The real store, counting the SELECT queries that name a graph (a graph's rows being read)."""

    def __init__(self, store) -> None:
        self._store, self.graph_reads = store, []

    def _count(self, query, bindings) -> None:
        if "GRAPH ?g" in query:
            self.graph_reads.append(str(bindings["g"]) if bindings else "*")

    def select(self, query, bindings=None):
        self._count(query, bindings)
        return self._store.select(query, bindings)

    def select_all(self, query, bindings=None, order=""):
        self._count(query, bindings)
        return self._store.select_all(query, bindings, order)

    def select_text(self, query, bindings=None):
        self._count(query, bindings)
        return self._store.select_text(query, bindings)

    def __getattr__(self, name):
        return getattr(self._store, name)


def _table(store) -> tuple[set[tuple[str, str]], dict[str, str]]:
    with duckdb.connect(str(module._table_path(store)), read_only=True) as con:
        return set(con.execute("SELECT person, title FROM pairs").fetchall()), dict(
            con.execute("SELECT iri, name FROM names").fetchall())


def _recomputed(store) -> tuple[set[tuple[str, str]], dict[str, str]]:
    pairs = {(str(r["person"]), str(r["title"])) for r in run_query(store, "pairs")}
    names = to_frame(run_query(store, "names")).groupby("iri")["name"].min()
    return pairs, {str(k): str(v) for k, v in names.items()}


def _sparql_reunions(store, n: int) -> set[tuple[str, str, int]]:
    return {(str(r["a"]), str(r["b"]), int(r["titles"])) for r in run_query(store, "reunions", {"min_titles": n})}


def _duckdb_reunions(store, n: int) -> set[tuple[str, str, int]]:
    frame = module.reunions(store, n)
    return {(a, b, int(t)) for a, b, t in zip(frame["a"], frame["b"], frame["titles"])}


def _assert_current(store) -> None:
    assert _duckdb_reunions(store, 1) == _sparql_reunions(store, 1)  # refreshes the table when stale
    assert _table(store) == _recomputed(store)


@pytest.fixture
def blog(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    for name in ("ballerina-2023.txt", "burning-2018.txt", "the-call-2020.md"):
        source = REVIEWS / name if (REVIEWS / name).exists() else DATA / "the-call.md"
        shutil.copy(source, folder / name)
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    yield store, folder
    store.close()


def _build(store, folder):
    report = build(store, [CATALOG / "people.json", folder],
                   aliases=ALIASES, dump=None)
    assert report.ok, report.failed
    return report


PERSON = "https://w3id.org/kgraph/id/person/"


def _shared(store, a: str, b: str) -> int:
    pair = tuple(sorted((PERSON + a, PERSON + b)))
    return next((n for x, y, n in _duckdb_reunions(store, 1) if (x, y) == pair), 0)


def _people(store) -> set[str]:
    return {p for x, y, _ in _duckdb_reunions(store, 1) for p in (x, y)}


def test_add_change_and_delete_a_review(blog):
    store, folder = blog
    _build(store, folder)
    _assert_current(store)
    assert PERSON + "yoo-ji-tae" not in _people(store)

    shutil.copy(REVIEWS / "money-heist-korea-2022.txt", folder / "money-heist-korea-2022.txt")  # added
    _build(store, folder)
    counting = Counting(store)
    module.refresh(counting)
    assert counting.graph_reads == []  # the build already brought the table up to date
    _assert_current(store)
    assert _shared(store, "yoo-ji-tae", "jeon-jong-seo") == 1  # Money Heist: Korea

    assert PERSON + "yoo-ah-in" in _people(store)
    (folder / "burning-2018.txt").write_bytes((REVIEWS / "doctor-john-2019.txt").read_bytes())  # changed
    _build(store, folder)
    _assert_current(store)
    assert PERSON + "yoo-ah-in" not in _people(store)

    assert PERSON + "park-shin-hye" in _people(store)
    (folder / "the-call-2020.md").unlink()  # deleted
    _build(store, folder)
    _assert_current(store)
    assert PERSON + "park-shin-hye" not in _people(store)


def test_one_changed_review_rereads_one_graph(blog, tmp_path):
    store, folder = blog
    _build(store, folder)
    with duckdb.connect(str(module._table_path(store))) as con:  # forget one review, as if it changed
        con.execute("UPDATE graphs SET fingerprint = 'old' WHERE graph LIKE '%review/burning-2018'")
    counting = Counting(store)
    module.refresh(counting)
    # its credits, its six kinds of facts (kgraph.analysis.filmography) and its names
    assert counting.graph_reads == ["https://w3id.org/kgraph/graph/review/burning-2018"] * 8
    _assert_current(store)


def test_full_refresh_equals_incremental_and_an_old_table_is_rebuilt(blog):
    store, folder = blog
    _build(store, folder)
    incremental = _table(store)
    module.refresh(store, full=True)
    assert _table(store) == incremental == _recomputed(store)
    target = module._table_path(store)
    target.unlink()
    with duckdb.connect(str(target)) as con:  # the layout of earlier versions: no per-graph rows
        con.execute("CREATE TABLE pairs AS SELECT 'x' AS person, 'y' AS title")
        con.execute("CREATE TABLE meta AS SELECT 'stale' AS token")
    assert _duckdb_reunions(store, 1) == _sparql_reunions(store, 1)
    assert _table(store) == incremental


def test_graphs_outside_the_manifest_are_read_once(tmp_path):
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    try:
        from kgraph.catalog import read_catalog
        from kgraph.mapping import facts_to_triples
        from kgraph.resolve import AliasTable, Resolver

        facts = read_catalog(CATALOG / "ballerina-2023.json", "ballerina-2023.json", Resolver(AliasTable.load(ALIASES)))
        store.replace_graph("https://w3id.org/kgraph/graph/loaded-by-hand", facts_to_triples(facts))
        _assert_current(store)  # first use reads every graph, manifest or not
        assert len(_table(store)[0]) == len(_recomputed(store)[0]) > 0
    finally:
        store.close()


def test_a_server_store_computes_reunions_from_paged_pairs(oxigraph_server, tmp_path):
    store = open_store(f"sparql+{oxigraph_server}")
    try:
        for graph in store.graphs():
            store.remove_graph(graph)
        folder = tmp_path / "reviews"
        folder.mkdir()
        for name in ("ballerina-2023.txt", "money-heist-korea-2022.txt"):
            shutil.copy(REVIEWS / name, folder / name)
        _build(store, folder)
        assert module._table_path(store) is None  # no folder beside a server: nothing written
        assert _duckdb_reunions(store, 1) == _sparql_reunions(store, 1)
        assert _shared(store, "jeon-jong-seo", "kim-ji-hoon") == 2
    finally:
        for graph in store.graphs():
            store.remove_graph(graph)
        store.close()


def test_a_build_while_a_reader_holds_the_table(blog):
    store, folder = blog
    _build(store, folder)
    reader = duckdb.connect(str(module._table_path(store)), read_only=True)  # as `kgraph serve` holds it
    try:
        before = reader.execute("SELECT count(*) FROM pairs").fetchone()[0]
        shutil.copy(REVIEWS / "money-heist-korea-2022.txt", folder / "money-heist-korea-2022.txt")
        _build(store, folder)  # the refresh writes a copy and moves it over the table
        assert reader.execute("SELECT count(*) FROM pairs").fetchone()[0] == before  # the reader's snapshot
    finally:
        reader.close()
    _assert_current(store)
    assert _shared(store, "yoo-ji-tae", "jeon-jong-seo") == 1


def test_the_quick_text_read_gives_what_select_gives(seed_store):
    query = module.GRAPH_NAMES.replace("?name } } }", "?name } OPTIONAL { ?iri <urn:kgraph-test:none> ?absent } } }")
    query = query.replace("SELECT DISTINCT ?g ?iri ?name", "SELECT DISTINCT ?g ?iri ?name ?absent")
    texts = seed_store.select_text(query)
    assert len(texts) > 5 and all(row[3] is None for row in texts)
    assert sorted(texts, key=str) == sorted(((str(g), str(i), str(n), None) for g, i, n, _ in seed_store.select(query).rows), key=str)
