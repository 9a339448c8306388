"""Extraction in a process pool gives what one process gives, in the order of the jobs, with
unreadable files reported by reason and the other files still extracted."""
from __future__ import annotations

from kgraph.parallel import extract_source, extract_sources
from kgraph.resolve import AliasTable, Resolver

from conftest import ALIASES, DATA, ROOT

REVIEWS = ROOT / "data" / "reviews"


def _jobs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    files = [REVIEWS / "ballerina-2023.txt", ROOT / "data" / "catalog" / "the-call-2020.json", empty,
             DATA / "blogger-export.xml", REVIEWS / "something-happened-in-bali-2004.md", REVIEWS / "my-demon-2023.html"]
    return [(path, path.name, "f") for path in files]


def _summary(result):
    return (result.source, result.error,
            [(u.graph, u.label, u.error, sorted(u.data.ntriples.splitlines()) if u.data else []) for u in result.units])


def test_pool_matches_one_process_in_order(tmp_path):
    jobs = _jobs(tmp_path)
    resolver = Resolver(AliasTable.load(ALIASES))
    pooled = list(extract_sources(jobs, resolver, workers=2, ahead=1))
    single = [extract_source(path, source, resolver, fingerprint=fp) for path, source, fp in jobs]
    assert [r.source for r in pooled] == [source for _, source, _ in jobs]
    assert [_summary(r) for r in pooled] == [_summary(r) for r in single]
    by_name = {r.source: r for r in pooled}
    assert by_name["empty.txt"].error and "empty" in by_name["empty.txt"].error and not by_name["empty.txt"].units
    assert len(by_name["blogger-export.xml"].units) == 2  # one graph per post
    ballerina = by_name["ballerina-2023.txt"].units[0]
    assert ballerina.graph.endswith("/review/ballerina-2023") and ballerina.data.count > 1000


def test_one_worker_runs_here(tmp_path):
    jobs = _jobs(tmp_path)[:2]
    results = list(extract_sources(jobs, Resolver(AliasTable.load(ALIASES)), workers=1))
    assert [r.source for r in results] == ["ballerina-2023.txt", "the-call-2020.json"]
    assert results[1].units[0].graph.endswith("/catalog/the-call-2020")


def test_build_in_a_pool_writes_what_one_process_writes(tmp_path):
    """`kgraph build -j 2` and `-j 1` give byte-identical dumps, failures reported alike."""
    import shutil

    from kgraph.build import build
    from kgraph.store import open_store

    folder = tmp_path / "reviews"
    shutil.copytree(REVIEWS, folder)
    (folder / "empty.txt").write_text("")
    dumps = {}
    for workers in (1, 2):
        with open_store(f"oxigraph:{tmp_path / f'store-{workers}'}") as store:
            report = build(store, [folder], aliases=ALIASES, dump=tmp_path / f"{workers}.nq", root=tmp_path,
                           workers=workers)
        assert report.failed and report.failed[0][0] == "reviews/empty.txt"
        assert len(report.built) >= 14
        dumps[workers] = (tmp_path / f"{workers}.nq").read_bytes()
    assert dumps[1] == dumps[2]
