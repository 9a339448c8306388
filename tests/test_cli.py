"""The CLI: thin commands over the API, one-line errors, and the README's quick start."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from kgraph.cli import main

from conftest import ALIASES, ROOT, SEED

COMMANDS = sorted(main.commands)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A project-like folder: data/reviews with the seed and data/aliases.csv."""
    (tmp_path / "data" / "reviews").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "data" / "reviews" / SEED.name)
    shutil.copy(ALIASES, tmp_path / "data" / "aliases.csv")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KGRAPH_STORE", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and result.output.strip()
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"kgraph {command}" in readme


def test_every_command_has_an_api_twin():
    from kgraph.api import KGraph
    for command in COMMANDS:
        assert callable(getattr(KGraph, command))


def test_build_then_query_then_validate(workdir):
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "1 built" in result.output and "titles" in result.output and "reunions" in result.output
    assert (workdir / "data" / "store").is_dir() and (workdir / "data" / "kgraph.nq").exists()
    again = run("build")
    assert "0 built, 1 unchanged" in again.output
    out = run("query", "cast", "-p", "title=https://w3id.org/kgraph/id/title/ballerina-2023", "--format", "json")
    rows = json.loads(out.output)
    assert {"person_name": "Kim Ji-hoon", "character_name": "Choi Pro"}.items() <= next(
        r for r in rows if r["person_name"] == "Kim Ji-hoon").items()
    csv_out = run("query", "titles", "--format", "csv")
    assert csv_out.output.splitlines()[0] == "title,name,kind,year,runtime,episodes,name_ko"
    assert "Ballerina" in csv_out.output and "발레리나" in csv_out.output
    validated = run("validate")
    assert validated.exit_code == 0 and "conforms" in validated.output
    stats = run("stats", "--format", "json")
    counts = {r["what"]: int(r["count"]) for r in json.loads(stats.output)}
    assert counts["reviews"] == 1 and counts["titles"] == 3
    exported = run("export", str(workdir / "out.trig"))
    assert exported.exit_code == 0 and (workdir / "out.trig").stat().st_size > 1000


def test_build_with_a_bad_file_exits_1_and_keeps_the_rest(workdir):
    (workdir / "data" / "reviews" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "binary" in result.output
    assert "1 built" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args,needle", [
    (["query", "nope"], "no query named 'nope'"),
    (["query", "cast", "--store", "memory:"], "needs parameter"),
    (["query", "cast", "--store", "memory:", "-p", "title=not an iri"], "not a valid iri"),
    (["query", "cast", "-p", "title"], "expected NAME=VALUE"),
    (["stats", "--store", "mysql://x"], "unknown store selector"),
    (["export", "out.xyz"], "export format"),
    (["build", "--aliases", "bad.csv"], "bad.csv, line 2"),
    (["query", "titles", "--store", "sparql+http://127.0.0.1:9/query"], "cannot reach"),
])
def test_user_errors_are_one_line_and_exit_1(workdir, args, needle):
    (workdir / "bad.csv").write_text("kind,id,name\nactor,x,X\n", "utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert needle in result.output
    assert "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("error:")]) == 1


def test_readme_quick_start_has_exactly_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["make run", "make test"]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in ci


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".ttl", ".nt"])
def test_export_formats_parse_back(workdir, suffix):
    import pyoxigraph

    run("build")
    target = workdir / f"out{suffix}"
    result = run("export", str(target))
    assert result.exit_code == 0, result.output
    count = int(result.output.split()[1])
    parsed = list(pyoxigraph.parse(path=str(target)))
    assert len(parsed) == count > 1000


def test_readme_python_example_runs(workdir):
    shutil.copytree(ROOT / "data" / "catalog", workdir / "data" / "catalog")
    for review in (ROOT / "data" / "reviews").iterdir():
        shutil.copy(review, workdir / "data" / "reviews" / review.name)
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    namespace = {"print": lambda *a, **k: None}
    exec(compile(block, "README.md", "exec"), namespace)
    assert (namespace["out"] / "kgraph.trig").exists()
    assert not (workdir / "kgraph.trig").exists()  # nothing lands in the project folder


def test_api_docstring_example(workdir):
    shutil.copytree(ROOT / "data" / "catalog", workdir / "data" / "catalog")
    for review in (ROOT / "data" / "reviews").iterdir():
        shutil.copy(review, workdir / "data" / "reviews" / review.name)
    import doctest

    import kgraph.api

    result = doctest.testmod(kgraph.api)
    assert result.attempted and not result.failed
