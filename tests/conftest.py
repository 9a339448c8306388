"""Shared fixtures: the seed review, built stores, and a real `oxigraph serve` process."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kgraph.build import build
from kgraph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "reviews" / "ballerina-2023.txt"
ALIASES = ROOT / "data" / "aliases.csv"
DATA = Path(__file__).resolve().parent / "data"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    candidate = Path(sys.executable).parent / "oxigraph"
    found = str(candidate) if candidate.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` server (PyPI package oxigraph) is not installed; run `make test`")
    return found


def wait_for(endpoint: str, process: subprocess.Popen, seconds: float, log) -> None:
    """Wait until a SPARQL endpoint answers ASK {}; fail with the server's log if it dies or times out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the SPARQL server at {endpoint} did not start: {log()}")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):
    """A real `oxigraph serve` on 127.0.0.1 with the union default graph; yields its query URL."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_for(f"{base}/query", process, 30, lambda: process.stderr.read().decode()[:500])
    yield f"{base}/query"
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 200M
DirsAllowed = .
MaxSortedTopRows = 10000000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 10000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory):
    """Debian's Virtuoso on 127.0.0.1, with its default 10,000-row result cap; yields its /sparql URL."""
    import os

    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not binary or not isql:
        if os.environ.get("CI"):
            pytest.fail("Virtuoso is not installed; .ci/run installs Debian's virtuoso-opensource-7-bin")
        pytest.skip("Virtuoso is not installed here (CI installs it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http), "utf-8")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    wait_for(url, process, 60, lambda: (folder / "virtuoso.log").read_text()[-500:])
    subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                   check=True, capture_output=True, timeout=60)
    yield url
    subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", "exec=shutdown;"], capture_output=True, timeout=60)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def seed_store():
    """An in-memory store holding the seed review, built once for read-only tests."""
    store = open_store("memory:")
    report = build(store, [SEED], aliases=ALIASES, dump=None)
    assert report.ok, report.failed
    yield store
    store.close()


@pytest.fixture(params=["oxigraph", "oxigraph-server", "virtuoso"])
def any_store(request, tmp_path):
    """Each backend in turn, empty: Oxigraph on disk, `oxigraph serve`, and Virtuoso (both cleared)."""
    if request.param == "oxigraph":
        store = open_store(f"oxigraph:{tmp_path / 'store'}")
    else:
        url = request.getfixturevalue("oxigraph_server" if request.param == "oxigraph-server" else "virtuoso_server")
        store = open_store(f"sparql+{url}")
        for graph in store.graphs():
            store.remove_graph(graph)
    yield store
    store.close()


@pytest.fixture
def reviews_dir(tmp_path: Path) -> Path:
    """A writable copy of data/reviews with the seed in it."""
    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder
