"""`kgraph jsonld --check` is a linter: its exit status says whether the page earns a search feature."""
from __future__ import annotations

from click.testing import CliRunner

from kgraph.cli import main

from conftest import SEED

RATED = """---
title: Ballerina review
author: K-Review Notes
---
# Overview

- Title: Ballerina (발레리나)
- Year: 2023
- My Rating: 9 out of 10
"""


def _check(path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["jsonld", str(path), "--check", "--store", "memory:"])
    return result.exit_code, result.stdout, result.stderr


def test_a_page_that_qualifies_for_nothing_fails_the_check():
    code, out, err = _check(SEED)  # the seed review states no rating and has no image
    assert '"CriticReview"' in out  # the JSON-LD is still printed
    assert "review snippet: missing" in err and "movie carousel: missing" in err
    assert code == 1
    assert "qualifies for no search feature" in err


def test_a_page_that_qualifies_passes_the_check(tmp_path):
    page = tmp_path / "rated.md"
    page.write_text(RATED, "utf-8")
    code, _, err = _check(page)
    assert "review snippet: qualifies" in err and "movie carousel: missing itemReviewed.image" in err
    assert code == 0


def test_without_check_the_exit_status_stays_zero():
    result = CliRunner().invoke(main, ["jsonld", str(SEED), "--store", "memory:"])
    assert result.exit_code == 0 and '"CriticReview"' in result.stdout


def test_help_says_how_the_exit_status_is_set():
    text = " ".join(CliRunner().invoke(main, ["jsonld", "--help"]).output.split())
    assert "exit status 1" in text


def test_schema_org_problems_fail_the_check_too(tmp_path):
    import json

    from kgraph.api import KGraph
    from kgraph.richresults import check_document

    page = tmp_path / "rated.md"
    page.write_text(RATED, "utf-8")
    with KGraph("memory:") as kg:
        doc = kg.jsonld(page)
    assert check_document(doc).verdict() is None
    bad = json.loads(json.dumps(doc))
    bad["itemReviewed"]["starring"] = "Jeon Jong-seo"
    assert check_document(bad).verdict() == "1 schema.org problem(s)"
