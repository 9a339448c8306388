"""Fault injection: `kgraph build` killed with SIGKILL at several moments, on the embedded store
and on a real `oxigraph serve` (whose process is killed too). After every kill the store opens,
every review graph is complete or absent, nothing stray is visible to queries, and the next
build converges to exactly the dump of a clean build (issue 8, item 22)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgraph.store import open_store
from kgraph.store.base import write_nquads

from conftest import ROOT, free_port, oxigraph_binary, wait_for

REVIEWS = ("ballerina-2023.txt", "the-call-2020.txt", "burning-2018.txt", "my-demon-2023.html",
           "something-happened-in-bali-2004.md", "money-heist-korea-2022.txt")
KILL_AFTER = (0, 1, 8, 17)  # graphs written before the kill (0: during start-up)


def make_project(where: Path) -> Path:
    """A kgraph folder: the catalogue, a few reviews in every layout, the alias table."""
    (where / "data" / "reviews").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "catalog", where / "data" / "catalog")
    shutil.copy(ROOT / "data" / "aliases.csv", where / "data" / "aliases.csv")
    for name in REVIEWS:
        shutil.copy(ROOT / "data" / "reviews" / name, where / "data" / "reviews" / name)
    return where


def start_build(project: Path, store: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kgraph.cli", "-v", "build", "--store", store, "--no-dump"],
                            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def kill_after(process: subprocess.Popen, graphs: int, also: subprocess.Popen | None = None) -> int:
    """SIGKILL the build once it has logged `graphs` written graphs; returns how many it logged."""
    written = 0
    if graphs == 0:
        time.sleep(0.3)
    else:
        for line in process.stderr:
            written += line.startswith("INFO built ")
            if written >= graphs:
                break
    for victim in (also, process):
        if victim is not None and victim.poll() is None:
            victim.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return written


def dump_of(store_selector: str, path: Path) -> bytes:
    with open_store(store_selector, create=False) as store:
        write_nquads(store.quads(), path)
    return path.read_bytes()


def graphs_of(dump: bytes) -> dict[str, set[bytes]]:
    graphs: dict[str, set[bytes]] = {}
    for line in dump.splitlines():
        graph = line.rsplit(b" ", 2)[-2]
        graphs.setdefault(graph.decode(), set()).add(line)
    return graphs


def assert_complete_or_absent(after_kill: bytes, clean: bytes) -> None:
    """Every source graph present after the kill is exactly the clean build's; none is stray."""
    clean_graphs = graphs_of(clean)
    for graph, lines in graphs_of(after_kill).items():
        if "/graph/review/" in graph or "/graph/catalog/" in graph:
            assert graph in clean_graphs, f"stray graph {graph}"
            assert lines == clean_graphs[graph], f"{graph} is incomplete or differs from a clean build"
        else:
            assert graph.rstrip(">").endswith(("/graph/ontology", "/graph/build")), f"stray graph {graph}"
    assert b"kgraph-staging" not in after_kill


@pytest.fixture(scope="module")
def clean_dump(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    project = make_project(tmp_path_factory.mktemp("clean"))
    result = subprocess.run([sys.executable, "-m", "kgraph.cli", "build"], cwd=project, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return (project / "data" / "kgraph.nq").read_bytes()


@pytest.mark.parametrize("graphs", KILL_AFTER)
def test_killed_embedded_build_converges(tmp_path, clean_dump, graphs):
    project = make_project(tmp_path)
    selector = f"oxigraph:{project / 'data' / 'store'}"
    written = kill_after(start_build(project, selector), graphs)
    assert written == graphs
    if (project / "data" / "store").exists():  # killed at start-up there may be no store yet
        assert_complete_or_absent(dump_of(selector, tmp_path / "after-kill.nq"), clean_dump)
    result = subprocess.run([sys.executable, "-m", "kgraph.cli", "build"], cwd=project, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (project / "data" / "kgraph.nq").read_bytes() == clean_dump


class Server:
    """`oxigraph serve` on a folder of its own, so a test can kill it and start it again."""

    def __init__(self, location: Path) -> None:
        self.location, self.port, self.process = location, free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> "Server":
        self.process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for(self.url, self.process, 30, lambda: self.process.stderr.read().decode()[:500])
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.mark.server
@pytest.mark.parametrize("graphs,kill_server", [(3, False), (9, True)])
def test_killed_remote_build_converges(tmp_path, clean_dump, graphs, kill_server):
    project = make_project(tmp_path / "project")
    server = Server(tmp_path / "server").start()
    try:
        selector = f"sparql+{server.url}"
        written = kill_after(start_build(project, selector), graphs, also=server.process if kill_server else None)
        assert written == graphs
        if kill_server:
            server.process.wait(timeout=30)
            server.start()
        assert_complete_or_absent(dump_of(selector, tmp_path / "after-kill.nq"), clean_dump)
        result = subprocess.run([sys.executable, "-m", "kgraph.cli", "build", "--store", selector,
                                 "--dump", "data/kgraph.nq"], cwd=project, capture_output=True, text=True,
                                timeout=600)
        assert result.returncode == 0, result.stderr
        assert (project / "data" / "kgraph.nq").read_bytes() == clean_dump
    finally:
        server.stop()
