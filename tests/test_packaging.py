"""A built wheel works on its own: installed into a fresh virtual environment and run from another
folder, kgraph finds its ontology, shapes and named queries inside the installed package.

Slow-ish (it builds a wheel), but part of the suite. The fresh environment borrows this
environment's third-party packages through a .pth file, so nothing is downloaded.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

TOOLING = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                 "*.duckdb", "kgraph.nq", ".ipynb_checkpoints")


def _ignore(folder: str, names: list[str]) -> set[str]:
    """Tooling folders and the local store are not part of the source."""
    skipped = set(TOOLING(folder, names))
    return skipped | ({"store"} if Path(folder) == ROOT / "data" else set())


def _run(*args: str | Path, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict]:
    """(wheel, the fresh environment's bin folder, the environment to run it in)."""
    tmp = tmp_path_factory.mktemp("packaging")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=_ignore)  # build from a copy: nothing is written into the repository
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", tmp / "dist", ".", cwd=source)
    [wheel] = (tmp / "dist").glob("kgraph-*.whl")
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=tmp)
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp).stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KGRAPH_STORE", "VIRTUAL_ENV")}
    return wheel, venv / "bin", env


def test_the_wheel_carries_every_module_the_ontology_and_the_queries(installed):
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "kgraph").rglob("*.py")}
    assert modules <= names, f"missing from the wheel: {sorted(modules - names)}"
    for folder, pattern in (("ontology", "*.ttl"), ("queries", "*.rq")):
        shipped = {Path(n).name for n in names if n.startswith(f"kgraph/data/{folder}/")}
        assert shipped == {p.name for p in (ROOT / folder).glob(pattern)}
    assert not [n for n in names if n.startswith(("ontology/", "queries/", "tests/"))]


def test_an_installed_kgraph_builds_queries_and_describes_from_another_folder(installed, tmp_path):
    _, bin_dir, env = installed
    work = tmp_path / "elsewhere"
    (work / "data" / "catalog").mkdir(parents=True)
    (work / "data" / "reviews").mkdir()
    shutil.copy(ROOT / "data" / "catalog" / "ballerina-2023.json", work / "data" / "catalog")
    shutil.copy(ROOT / "data" / "reviews" / "ballerina-2023.txt", work / "data" / "reviews")
    shutil.copy(ROOT / "data" / "aliases.csv", work / "data")
    kgraph = bin_dir / "kgraph"
    where = _run(bin_dir / "python", "-c", "import kgraph; print(kgraph.__file__)", cwd=work, env=env).stdout
    assert where.startswith(str(bin_dir.parent)), where  # the installed copy, not the source tree
    store = "oxigraph:" + str(tmp_path / "store")
    built = _run(kgraph, "build", "data/catalog", "data/reviews", "--store", store, "--no-dump", cwd=work, env=env)
    assert "2 built" in built.stdout, built.stdout
    listed = _run(kgraph, "query", "--list", cwd=work, env=env).stdout
    assert "stats" in listed and "cast" in listed
    rows = json.loads(_run(kgraph, "query", "stats", "--store", store, "--format", "json", cwd=work, env=env).stdout)
    counts = {row["what"]: int(row["count"]) for row in rows}
    assert counts["titles"] >= 1 and counts["credits"] > 5 and counts["reviews"] == 1
    doc = json.loads(_run(kgraph, "jsonld", "Ballerina", "--store", store, cwd=work, env=env).stdout)
    assert doc["@type"] == "CriticReview" and doc["itemReviewed"]["name"] == "Ballerina"
    valid = _run(kgraph, "validate", "--store", store, cwd=work, env=env).stdout
    assert valid.startswith("conforms")
    assert sorted(p.name for p in work.iterdir()) == ["data"]
