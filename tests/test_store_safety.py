"""Stores that are damaged, missing, locked or shared: one line that names the store and the
way back, never a traceback, never an empty store where a store was (issue 8, items 1, 14, 15)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.store import open_store
from kgraph.store.oxigraph import OxigraphStore

from conftest import ALIASES, SEED

KGRAPH = [sys.executable, "-m", "kgraph.cli"]


def kgraph(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KGRAPH, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the seed review, closed (so its files can be damaged in copies)."""
    folder = tmp_path_factory.mktemp("good") / "store"
    result = kgraph("build", str(SEED), "--store", f"oxigraph:{folder}", "--aliases", str(ALIASES), cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    return folder


def damaged_copy(good: Path, tmp_path: Path, how: str) -> Path:
    store = tmp_path / "store"
    shutil.copytree(good, store)
    tables = sorted(store.glob("*.sst"))
    assert tables, "the store has no table files to damage"
    if how == "overwrite":  # 8 bytes inside the first data block of every table
        for table in tables:
            with table.open("r+b") as handle:
                handle.seek(100)
                handle.write(b"\xff" * 8)
    elif how == "truncate":
        biggest = max(tables, key=lambda p: p.stat().st_size)
        os.truncate(biggest, biggest.stat().st_size // 3)
    elif how == "no-current":
        (store / "CURRENT").unlink()
    return store


@pytest.mark.parametrize("how", ["overwrite", "truncate", "no-current"])
def test_a_damaged_store_is_one_line_naming_it_and_the_way_back(good_store, tmp_path, how):
    store = damaged_copy(good_store, tmp_path, how)
    selector = f"oxigraph:{store}"
    for attempt in range(2):  # the second command must not find an empty store either
        line = one_line_error(kgraph("export", str(tmp_path / "out.nq"), "--store", selector, cwd=tmp_path))
        assert str(store) in line and "damaged" in line and "kgraph build --rebuild" in line, line
    assert not (tmp_path / "out.nq").exists()
    line = one_line_error(kgraph("stats", "--store", selector, cwd=tmp_path))
    assert "damaged" in line


def test_rebuild_sets_the_damaged_store_aside_and_builds_it_again(good_store, tmp_path):
    store = damaged_copy(good_store, tmp_path, "no-current")
    result = kgraph("build", str(SEED), "--rebuild", "--store", f"oxigraph:{store}", "--aliases", str(ALIASES),
                    cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "set aside:" in result.stdout
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("store.broken-")]
    assert len(aside) == 1 and (aside[0] / "IDENTITY").exists()  # the old files are kept, not deleted
    stats = kgraph("stats", "--store", f"oxigraph:{store}", "--format", "csv", cwd=tmp_path)
    assert stats.returncode == 0 and "reviews,1" in stats.stdout


def test_memory_stays_bounded_and_the_stop_is_one_line(good_store, tmp_path):
    result = kgraph("stats", "--store", f"oxigraph:{good_store}", cwd=tmp_path, env={"KGRAPH_MEMORY_LIMIT": "64M"})
    line = one_line_error(result)
    assert "limit of 0.1 GiB" in line and "--rebuild" in line


def test_only_build_creates_a_store(tmp_path):
    typo = tmp_path / "stroe"
    for command in (["stats"], ["query", "titles"], ["export", str(tmp_path / "x.nq")], ["cast", "Ballerina"]):
        line = one_line_error(kgraph(*command, "--store", f"oxigraph:{typo}", cwd=tmp_path))
        assert "no kgraph store" in line and "kgraph build" in line
    assert not typo.exists()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    one_line_error(kgraph("stats", cwd=outside))
    assert list(outside.iterdir()) == []  # no ./data/store made outside a kgraph folder


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    line = one_line_error(kgraph("build", str(SEED), "--store", f"oxigraph:{tmp_path}", cwd=tmp_path))
    assert "holds no kgraph store" in line
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_second_writer_is_told_another_process_has_the_store(good_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(good_store, store)
    holder = OxigraphStore(store)  # this test process holds the write lock, as a running build would
    try:
        line = one_line_error(kgraph("build", str(SEED), "--store", f"oxigraph:{store}", cwd=tmp_path))
        assert "another kgraph process is using the store" in line and "IO error" not in line
        reading = kgraph("stats", "--store", f"oxigraph:{store}", "--format", "csv", cwd=tmp_path)
        assert reading.returncode == 0, reading.stderr  # read-only commands run beside the writer
        assert "reviews,1" in reading.stdout
    finally:
        holder.close()


def test_read_only_store_refuses_changes(good_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(good_store, store)
    with open_store(f"oxigraph:{store}", read_only=True) as reader:
        assert reader.graphs()
        with pytest.raises(Exception, match="read-only"):
            reader.remove_graph(reader.graphs()[0])
