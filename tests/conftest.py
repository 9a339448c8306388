"""Shared fixtures: the seed review, built stores, and a real `oxigraph serve` process."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import servers
from servers import free_port, oxigraph_binary, wait_for  # noqa: F401 - tests import them from here
from kgraph.build import build
from kgraph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "reviews" / "ballerina-2023.txt"
ALIASES = ROOT / "data" / "aliases.csv"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):
    """A real `oxigraph serve` on 127.0.0.1 with the union default graph; yields its query URL."""
    try:
        with servers.oxigraph_serve(tmp_path_factory.mktemp("oxigraph-server")) as url:
            yield url
    except servers.ServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory):
    """Debian's Virtuoso on 127.0.0.1, with its default 10,000-row result cap; yields its /sparql URL."""
    import os

    if not servers.virtuoso_installed():
        if os.environ.get("CI"):
            pytest.fail("Virtuoso is not installed; .ci/run installs Debian's virtuoso-opensource-7-bin")
        pytest.skip("Virtuoso is not installed here (CI installs it)")
    try:
        with servers.virtuoso(tmp_path_factory.mktemp("virtuoso")) as url:
            yield url
    except servers.ServerError as error:
        pytest.fail(str(error))


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
