"""The build: idempotent, per-review replacement and removal, bad files lose nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

from kgraph.build import build
from kgraph.store import open_store

from conftest import ALIASES, ROOT, SEED

REVIEW_GRAPH = "https://w3id.org/kgraph/graph/review/"


def quads(store) -> set:
    return set(store.quads())


def graph_triples(store, graph: str) -> set:
    return {(s, p, o) for s, p, o, g in store.quads() if str(g) == graph}


def test_building_twice_gives_the_same_graph(tmp_path, reviews_dir):
    with open_store(f"oxigraph:{tmp_path / 'db'}") as store:
        first = build(store, [reviews_dir], aliases=ALIASES, dump=tmp_path / "a.nq")
        before = quads(store)
        second = build(store, [reviews_dir], aliases=ALIASES, dump=tmp_path / "b.nq")
        assert first.built and not second.built and second.unchanged
        assert quads(store) == before
        forced = build(store, [reviews_dir], aliases=ALIASES, dump=tmp_path / "c.nq", force=True)
        assert forced.built and quads(store) == before
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes() == (tmp_path / "c.nq").read_bytes()


def test_dump_is_n_quads_of_every_graph(tmp_path, reviews_dir):
    with open_store("memory:") as store:
        build(store, [reviews_dir], aliases=ALIASES, dump=tmp_path / "kg.nq")
        import pyoxigraph
        parsed = list(pyoxigraph.parse(path=str(tmp_path / "kg.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
        assert len(parsed) == len(quads(store))
        assert all(isinstance(q.graph_name, pyoxigraph.NamedNode) for q in parsed)


def test_changed_review_replaces_exactly_its_graph(tmp_path, reviews_dir):
    other = reviews_dir / "ballerina-copy.txt"
    shutil.copy(SEED, other)
    with open_store("memory:") as store:
        build(store, [reviews_dir], aliases=ALIASES, dump=None)
        untouched = graph_triples(store, REVIEW_GRAPH + "ballerina-2023")
        text = other.read_text("utf-8").replace("Runtime: 93 minutes", "Runtime: 94 minutes")
        other.write_text(text, "utf-8")
        report = build(store, [reviews_dir], aliases=ALIASES, dump=None)
        assert [b[0] for b in report.built] == [str(other)] or report.built[0][0].endswith("ballerina-copy.txt")
        assert len(report.built) == 1
        assert graph_triples(store, REVIEW_GRAPH + "ballerina-2023") == untouched
        runtimes = store.select("""SELECT ?m WHERE { GRAPH ?g { ?t <https://w3id.org/kgraph/ontology#runtimeMinutes> ?m } }
                                   ORDER BY ?m""", {"g": __import__("rdflib").URIRef(REVIEW_GRAPH + "ballerina-copy")})
        assert [int(r["m"]) for r in runtimes] == [93, 94]  # the prose still says 93; the Overview now 94


def test_deleted_review_graph_is_removed(tmp_path, reviews_dir):
    other = reviews_dir / "second.txt"
    shutil.copy(SEED, other)
    with open_store("memory:") as store:
        build(store, [reviews_dir], aliases=ALIASES, dump=None)
        assert REVIEW_GRAPH + "second" in store.graphs()
        other.unlink()
        report = build(store, [reviews_dir], aliases=ALIASES, dump=None)
        assert report.removed == [REVIEW_GRAPH + "second"]
        assert REVIEW_GRAPH + "second" not in store.graphs()
        assert REVIEW_GRAPH + "ballerina-2023" in store.graphs()


def test_bad_file_is_reported_and_nothing_is_lost(tmp_path, reviews_dir):
    with open_store("memory:") as store:
        build(store, [reviews_dir], aliases=ALIASES, dump=None)
        before = quads(store)
        (reviews_dir / "empty.txt").write_bytes(b"")
        (reviews_dir / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
        report = build(store, [reviews_dir], aliases=ALIASES, dump=None)
        failed = dict(report.failed)
        assert set(failed) == {str(reviews_dir / "empty.txt"), str(reviews_dir / "binary.txt")} or \
            {Path(p).name for p in failed} == {"empty.txt", "binary.txt"}
        assert any("empty" in reason for reason in failed.values())
        assert any("binary" in reason for reason in failed.values())
        assert not report.ok
        assert quads(store) - before == set() or all(str(g).endswith("/build") for *_, g in quads(store) - before)
        assert REVIEW_GRAPH + "ballerina-2023" in store.graphs()


def test_a_review_that_turns_bad_keeps_its_previous_graph(tmp_path, reviews_dir):
    review = reviews_dir / SEED.name
    with open_store("memory:") as store:
        build(store, [reviews_dir], aliases=ALIASES, dump=None)
        before = graph_triples(store, REVIEW_GRAPH + "ballerina-2023")
        review.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
        report = build(store, [reviews_dir], aliases=ALIASES, dump=None)
        assert not report.ok and not report.removed
        assert graph_triples(store, REVIEW_GRAPH + "ballerina-2023") == before
        shutil.copy(SEED, review)
        report = build(store, [reviews_dir], aliases=ALIASES, dump=None)
        assert report.ok  # the graph still matches the restored file: nothing to redo
        assert graph_triples(store, REVIEW_GRAPH + "ballerina-2023") == before


def test_ontology_is_loaded_once_as_its_own_graph(seed_store):
    assert "https://w3id.org/kgraph/graph/ontology" in seed_store.graphs()
    assert seed_store.ask("""ASK { <https://w3id.org/kgraph/ontology#CastCredit>
                              <http://www.w3.org/2000/01/rdf-schema#label> ?l }""")


def test_a_large_build_compacts_the_store_and_keeps_every_quad(tmp_path, monkeypatch):
    """A build of many graphs ends by compacting the on-disk store; the dump is the same."""
    import kgraph.build as build_module
    from kgraph.store.oxigraph import OxigraphStore

    compacted, dumps = [], {}
    real = OxigraphStore.compact
    monkeypatch.setattr(OxigraphStore, "compact", lambda self: (compacted.append(self.path), real(self))[1])
    for name, threshold in (("plain", 10**9), ("compacted", 1)):
        monkeypatch.setattr(build_module, "COMPACT_FROM", threshold)
        with open_store(f"oxigraph:{tmp_path / name}") as store:
            assert build(store, [ROOT / "data" / "reviews"], aliases=ALIASES, dump=tmp_path / f"{name}.nq",
                         root=ROOT).ok
        dumps[name] = (tmp_path / f"{name}.nq").read_bytes()
    assert compacted == [tmp_path / "compacted"]
    assert dumps["plain"] == dumps["compacted"]


def test_compacting_shrinks_a_store_written_graph_by_graph(tmp_path):
    from rdflib import Literal, URIRef

    from kgraph.store.base import GraphData

    def size(suffix: str = "") -> int:
        return sum(f.stat().st_size for f in (tmp_path / "store").iterdir() if f.name.endswith(suffix))

    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        for k in range(60):
            graph = f"https://example.org/g/{k}"
            store.replace_graphs([GraphData.of(graph, [
                (URIRef(f"{graph}/s{i}"), URIRef("https://example.org/p"), Literal(f"sentence {i} of review {k}"))
                for i in range(500)])])
        before, log_before = size(), size(".log")
        store.compact()
        assert log_before > 1_000_000 and size(".log") < 100_000  # the write-ahead log is let go
        assert size() < before * 0.9  # the store stays open and usable
        assert sum(1 for _ in store.quads()) == 30_000
        store.replace_graphs([GraphData.of("https://example.org/g/new", [])])
