"""Builds that lose nothing and leak nothing (issue 8: items 2-5, 12, 13, 16, 18, 20)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kgraph.build import build
from kgraph.cli import main
from kgraph.errors import StoreTimeout
from kgraph.ontology import BUILD_GRAPH, GRAPH_IRI
from kgraph.store import open_store
from kgraph.store.sparql import SparqlStore
from kgraph.vocab import KG

from conftest import ALIASES, DATA, ROOT, SEED

SEED_GRAPH = "https://w3id.org/kgraph/graph/review/ballerina-2023"


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = [l for l in result.output.splitlines() if l.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


# ---------------------------------------------------------------- item 3: the graphs are the truth
def test_graphs_a_killed_build_never_recorded_are_reconciled(tmp_path):
    """A build killed before it wrote the manifest: its graphs still say where they came from,
    so deleting the review later removes its graph (even with --force)."""
    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(ROOT / "data" / "reviews" / "the-call-2020.txt", folder / "the-call-2020.txt")
    with open_store("memory:") as store:
        build(store, [folder], aliases=ALIASES, dump=None, root=tmp_path)
        store.remove_graph(BUILD_GRAPH)  # as if the process died before the manifest was written
        (folder / "the-call-2020.txt").unlink()
        report = build(store, [folder], aliases=ALIASES, dump=None, root=tmp_path, force=True)
        assert report.removed == ["https://w3id.org/kgraph/graph/review/the-call-2020"]
        assert "https://w3id.org/kgraph/graph/review/the-call-2020" not in store.graphs()
        assert SEED_GRAPH in store.graphs()


def test_each_graph_says_where_it_came_from_relative_to_the_project(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    with open_store("memory:") as store:
        build(store, [folder], aliases=ALIASES, dump=None, root=tmp_path)
        rows = store.select("SELECT ?f WHERE { GRAPH ?g { ?g ?p ?f } }",
                            {"g": URIRef(SEED_GRAPH), "p": KG.sourceFile})
        assert [str(r[0]) for r in rows.rows] == ["reviews/ballerina-2023.txt"]


def test_a_graph_outside_the_build_scope_is_left_alone(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    shutil.copy(SEED, one / SEED.name)
    shutil.copy(ROOT / "data" / "reviews" / "the-call-2020.txt", two / "the-call-2020.txt")
    with open_store("memory:") as store:
        build(store, [one, two], aliases=ALIASES, dump=None, root=tmp_path)
        report = build(store, [two], aliases=ALIASES, dump=None, root=tmp_path)
        assert report.removed == [] and SEED_GRAPH in store.graphs()


# ---------------------------------------------------------------- item 4: one URL, two posts
def test_two_blogger_posts_with_one_url_keep_a_graph_each(tmp_path):
    export = (DATA / "blogger-export.xml").read_text("utf-8")
    links = [part.split('"')[0] for part in export.split('rel="alternate" type="text/html" href="')[1:]]
    assert len(links) >= 2, "the fixture export needs two posts"
    shared = export.replace(links[1], links[0])
    (tmp_path / "export.xml").write_text(shared, "utf-8")
    with open_store("memory:") as store:
        report = build(store, [tmp_path / "export.xml"], aliases=ALIASES, dump=None, root=tmp_path)
        assert report.ok, report.failed
        graphs = [g for _, g, _ in report.built]
        assert len(graphs) == len(set(graphs)) >= 2
        assert any("has the same URL as post" in w for w in report.warnings)


# ---------------------------------------------------------------- item 5: a dump belongs to its store
def test_building_another_store_never_touches_the_projects_dump(workdir):
    (workdir / "data").mkdir()
    dump = workdir / "data" / "kgraph.nq"
    dump.write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\n", "utf-8")
    (workdir / "empty.txt").write_text("", "utf-8")
    result = run("build", "empty.txt", "--store", "memory:")
    assert result.exit_code == 1
    result = run("build", str(SEED), "--store", "memory:", "--aliases", str(ALIASES))
    assert result.exit_code == 0, result.output
    assert dump.read_text("utf-8") == "<urn:a> <urn:b> <urn:c> <urn:g> .\n"


def test_a_failed_build_keeps_the_last_good_dump(workdir):
    shutil.copy(SEED, workdir / SEED.name)
    dump = workdir / "good.nq"
    assert run("build", SEED.name, "--store", "memory:", "--dump", str(dump),
               "--aliases", str(ALIASES)).exit_code == 0
    good = dump.read_bytes()
    (workdir / "broken.txt").write_bytes(b"\x00\x01binary")
    result = run("build", SEED.name, "broken.txt", "--store", "memory:", "--dump", str(dump),
                 "--aliases", str(ALIASES))
    assert result.exit_code == 1 and "left as it was" in result.output
    assert dump.read_bytes() == good


# ---------------------------------------------------------------- item 18: reproducible dumps
def test_two_clones_build_byte_identical_dumps(tmp_path):
    dumps = []
    for name in ("clone-a", "somewhere/else/clone-b"):
        project = tmp_path / name
        (project / "data").mkdir(parents=True)
        shutil.copytree(ROOT / "data" / "catalog", project / "data" / "catalog")
        (project / "data" / "reviews").mkdir()
        for review in ("ballerina-2023.txt", "the-call-2020.txt"):
            shutil.copy(ROOT / "data" / "reviews" / review, project / "data" / "reviews" / review)
        shutil.copy(ALIASES, project / "data" / "aliases.csv")
        with open_store("memory:") as store:
            cwd = Path.cwd()
            os.chdir(project)
            try:
                build(store, dump="data/kgraph.nq")
            finally:
                os.chdir(cwd)
        dumps.append((project / "data" / "kgraph.nq").read_bytes())
    assert dumps[0] == dumps[1]
    assert str(tmp_path).encode() not in dumps[0]


# ---------------------------------------------------------------- item 20: stored warnings
def test_verbose_build_of_an_unchanged_store_shows_the_stored_warnings(workdir):
    text = SEED.read_text("utf-8").replace("Overview", "Overview\nFavourite snack: popcorn", 1)
    (workdir / "review.txt").write_text(text, "utf-8")
    store = f"oxigraph:{workdir / 'store'}"
    first = run("build", "review.txt", "--store", store, "--aliases", str(ALIASES), "-v")
    assert first.exit_code == 0, first.output
    warnings = {l for l in first.output.splitlines() if l.startswith("warning:")}
    assert warnings, first.output
    second = run("build", "review.txt", "--store", store, "--aliases", str(ALIASES), "-v")
    assert "1 unchanged" in second.output
    assert {l for l in second.output.splitlines() if l.startswith("warning:")} == warnings


def test_a_missing_alias_table_is_a_warning(workdir):
    result = run("build", str(SEED), "--store", "memory:", "--aliases", "nope.csv", "-v")
    assert result.exit_code == 0
    assert "warning: nope.csv: no alias table there" in result.output


# ---------------------------------------------------------------- item 13: one line, never a traceback
def test_unwritable_outputs_are_one_line(workdir):
    (workdir / "file").write_text("x", "utf-8")
    assert "cannot write the dump to file/x.nq" in one_line(
        run("build", str(SEED), "--store", "memory:", "--aliases", str(ALIASES), "--dump", "file/x.nq"))
    assert "cannot write file/out.nq" in one_line(run("export", "file/out.nq", "--store", "memory:"))


def test_a_non_utf8_alias_table_names_its_line(workdir):
    (workdir / "aliases.csv").write_bytes("kind,id,name\nperson,kim,Kim\nperson,lee,이\n".encode("cp949"))
    line = one_line(run("build", str(SEED), "--store", "memory:", "--aliases", "aliases.csv"))
    assert "aliases.csv, line 3" in line and "UTF-8" in line


def test_a_symlink_loop_is_reported_as_that_file(workdir):
    os.symlink("loop.txt", workdir / "loop.txt")
    result = run("build", "loop.txt", str(SEED), "--store", "memory:", "--aliases", str(ALIASES))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "error: loop.txt:" in result.output and "1 built" in result.output


@pytest.mark.parametrize("bad", ['https://example.org/a"b', "https://example.org/{x}", "https://example.org/<p>"])
def test_a_bad_catalogue_url_fails_that_file_only(workdir, bad):
    import json

    record = json.loads((ROOT / "data" / "catalog" / "the-call-2020.json").read_text("utf-8"))
    record["sources"] = [bad]
    (workdir / "the-call-2020.json").write_text(json.dumps(record), "utf-8")
    shutil.copy(SEED, workdir / SEED.name)
    result = run("build", "the-call-2020.json", SEED.name, "--store", f"oxigraph:{workdir / 'store'}",
                 "--aliases", str(ALIASES))
    assert result.exit_code == 1
    assert "error: the-call-2020.json: /sources/0: expected an http(s) URL" in result.output
    assert "1 built" in result.output  # the review is still built, and recorded
    again = run("build", "the-call-2020.json", SEED.name, "--store", f"oxigraph:{workdir / 'store'}",
                "--aliases", str(ALIASES))
    assert "1 unchanged" in again.output and "1 failed" in again.output


@pytest.mark.parametrize("command", [["cast", "Ballerina"], ["filmography", "Jeon Jong-seo"],
                                     ["path", "Jeon Jong-seo", "Kim Ji-hoon"], ["similar", "Ballerina"],
                                     ["reunions", "--person", "Kim Ji-hoon"], ["jsonld", "Ballerina"]])
def test_name_lookups_on_an_empty_store_are_one_line(workdir, command):
    line = one_line(run(*command, "--store", "memory:"))
    assert "holds no" in line and "kgraph build" in line


# ---------------------------------------------------------------- remote stores: items 2 and 12
@pytest.mark.server
def test_staging_is_never_left_visible_and_leftovers_are_cleaned(oxigraph_server, tmp_path):
    store = open_store(f"sparql+{oxigraph_server}")
    for graph in store.graphs():
        store.remove_graph(graph)
    big = [(URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(f"value {i}")) for i in range(5_000)]
    store.replace_graph("urn:big", big)  # one Graph Store Protocol PUT: no scratch graph at any time
    assert store.graphs() == ["urn:big"]
    fallback = SparqlStore(oxigraph_server, store_url="http://127.0.0.1:9/none")
    fallback.store_url = None  # a server without the Graph Store Protocol: chunked, staged
    fallback.replace_graph("urn:big", big[:4_500])
    assert store.graphs() == ["urn:big"]
    # a writer killed mid-way left its scratch graph; the next build drops it
    leftover = "https://w3id.org/kgraph/graph/review/x#kgraph-staging"
    store.update(f"INSERT DATA {{ GRAPH <{leftover}> {{ <{leftover}> <{KG.stagingFor}> <urn:x> . "
                 "<urn:a> <urn:b> \"stray\" } }")
    report = build(store, [SEED], aliases=ALIASES, dump=None, root=tmp_path)
    assert report.cleaned == [leftover] and leftover not in store.graphs()
    assert not store.ask('ASK { ?s ?p "stray" }')


@pytest.mark.server
@pytest.mark.parametrize("server", ["oxigraph_server", "virtuoso_server"])
def test_a_manifest_of_ten_thousand_graphs_is_read_whole(request, server, tmp_path):
    """Exactly 10,000 recorded graphs (Virtuoso's default row cap) must not stop the next build."""
    store = open_store(f"sparql+{request.getfixturevalue(server)}")
    for graph in store.graphs():
        if graph.startswith(GRAPH_IRI):
            store.remove_graph(graph)
    manifest = [(URIRef(f"{GRAPH_IRI}review/synthetic-{i}"), KG.sourceFile, Literal(f"gone/{i}.txt"))
                for i in range(10_000)]
    manifest += [(s, KG.fingerprint, Literal("x")) for s, _, _ in manifest]
    for start in range(0, len(manifest), 2_000):
        store.update("INSERT DATA { GRAPH <%s> { %s } }" % (BUILD_GRAPH, " ".join(
            f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in manifest[start:start + 2_000])))
    report = build(store, [SEED], aliases=ALIASES, dump=None, root=tmp_path)
    assert report.ok, report.failed
    assert SEED_GRAPH in store.graphs()


def test_a_server_that_never_answers_is_a_timeout(monkeypatch):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])  # and never answer
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv("KGRAPH_SPARQL_TIMEOUT", "1")
    try:
        store = open_store(f"sparql+http://127.0.0.1:{listener.getsockname()[1]}/query")
        assert store.timeout == 1
        with pytest.raises(StoreTimeout, match="timed out: no answer within 1 s"):
            store.select("SELECT * WHERE { ?s ?p ?o }")
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def test_an_unexpected_failure_on_one_source_does_not_stop_the_build(tmp_path, monkeypatch):
    import kgraph.parallel as build_module  # where the build reads each source

    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(ROOT / "data" / "reviews" / "the-call-2020.txt", folder / "the-call-2020.txt")
    real = build_module.extract

    def flaky(doc, *args, **kwargs):
        if "the-call" in doc.path:
            raise RuntimeError("a bug in a phrasing")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(build_module, "extract", flaky)
    with open_store("memory:") as store:
        report = build(store, [folder], aliases=ALIASES, dump=None, root=tmp_path)
        assert [g for _, g, _ in report.built] == [SEED_GRAPH]
        assert report.failed == [("reviews/the-call-2020.txt",
                                  "kgraph failed on it (RuntimeError: a bug in a phrasing); please report this")]


# ---------------------------------------------------------------- bulk loading in a large build
CORPUS = [ROOT / "data" / "reviews", ROOT / "data" / "catalog"]


def _corpus_quads(store) -> set:
    return {q for q in store.quads() if q[3] != URIRef(BUILD_GRAPH)}


def test_a_large_build_loads_in_bulk_and_stores_what_a_graph_by_graph_build_stores(tmp_path, monkeypatch):
    import kgraph.build as build_module
    from kgraph.store.oxigraph import OxigraphStore

    loaded: list[int] = []
    original = OxigraphStore.load_graphs
    monkeypatch.setattr(OxigraphStore, "load_graphs", lambda self, graphs: (loaded.append(len(graphs)),
                                                                            original(self, graphs))[1])
    with open_store(f"oxigraph:{tmp_path / 'bulk'}") as bulk:
        build(bulk, CORPUS, aliases=ALIASES, dump=None, root=ROOT, workers=1)
        in_bulk = _corpus_quads(bulk)
    assert sum(loaded) >= build_module.POOL_FROM  # the corpus is a large build: its graphs went in bulk
    monkeypatch.setattr(build_module, "POOL_FROM", 10_000)
    with open_store(f"oxigraph:{tmp_path / 'one-by-one'}") as single:
        build(single, CORPUS, aliases=ALIASES, dump=None, root=ROOT, workers=1)
        assert _corpus_quads(single) == in_bulk


def test_a_graph_a_cut_bulk_load_left_half_written_is_rebuilt_whole(tmp_path):
    """A bulk load is not atomic: a graph may hold part of its content and none of its provenance
    (written last). The next build sees that graph as not built and replaces it."""
    graph = URIRef(SEED_GRAPH)
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        build(store, CORPUS, aliases=ALIASES, dump=None, root=ROOT, workers=1)
        whole = {q for q in store.quads() if q[3] == graph}
        # as a first build cut short in its bulk load leaves the store: no manifest yet, and a graph
        # with part of its content and none of its provenance
        store.remove_graph(BUILD_GRAPH)
        store.update(f"DELETE WHERE {{ GRAPH <{SEED_GRAPH}> {{ <{SEED_GRAPH}> ?p ?o }} }}")
        store.update(f"INSERT DATA {{ GRAPH <{SEED_GRAPH}> {{ <urn:x:stray> <urn:x:p> 'half a load' }} }}")
        report = build(store, CORPUS, aliases=ALIASES, dump=None, root=ROOT, workers=1)
        assert SEED_GRAPH in {g for _, g, _ in report.built}
        assert {q for q in store.quads() if q[3] == graph} == whole


def test_graphs_loaded_in_bulk_keep_every_literal_whole(tmp_path):
    from kgraph.store.base import GraphData
    graph = "https://w3id.org/kgraph/graph/review/tricky"
    subject = URIRef("https://w3id.org/kgraph/id/review/tricky")
    texts = ["ends with a dot .\nand a newline", 'a quote " .\n', "tab\t .\r\n", "한글 .", " . ", "\\ ."]
    triples = [(subject, KG.text, Literal(t)) for t in texts]
    provenance = [(URIRef(graph), KG.sourceFile, Literal("tricky .\n.txt"))]
    with open_store(f"oxigraph:{tmp_path / 'store'}") as store:
        store.load_graphs([GraphData.of(graph, triples, provenance)])
        stored = {(s, p, o) for s, p, o, g in store.quads() if g == URIRef(graph)}
    assert stored == set(triples) | set(provenance)
