"""The credits catalogue: its format, its converter, and how its facts meet the reviews'."""
from __future__ import annotations

import json
import shutil
import sys

import pytest
from rdflib import URIRef

from kgraph.build import build
from kgraph.catalog import read_catalog
from kgraph.errors import SourceError
from kgraph.queries import run_query
from kgraph.resolve import AliasTable, Resolver
from kgraph.store import open_store

from conftest import ALIASES, DATA, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import catalog_from_reference  # noqa: E402

CATALOG = ROOT / "data" / "catalog"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference" / "titles.json"


def test_converter_splits_characters_and_leaves_out_unsure_facts():
    titles, people = catalog_from_reference.convert(json.loads((DATA / "reference-mini.json").read_text("utf-8")))
    ballerina = titles["ballerina-2023"]
    assert [c["person"] for c in ballerina["credits"] if c["job"] == "actor"] == ["Jeon Jong-seo"]
    assert ballerina["excluded"] == [{"fact": "cast: Jang Yoon-ju",
                                      "reason": "probable only: rests on one credit list (miracool), not confirmed"}]
    call = titles["the-call-2020"]
    assert {"person": "Kim Sung-ryung", "job": "actor", "character": "Eun-ae",
            "character_note": "Seo-yeon's mother"} in call["credits"]
    assert {"person": "Park Ho-san", "job": "actor", "character": None,
            "character_description": "Seo-yeon's father"} in call["credits"]
    assert call["awards"] == [{"ceremony": "Baeksang Arts Awards", "edition": 57, "year": 2021,
                               "category": "Best Actress – Film", "result": "won", "nominees": ["Jeon Jong-seo"]}]
    assert people["people"][0]["variants"] == ["Jeon Jong Seo", "Jun Jong-seo"]


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="the team's reference file is not beside the project")
def test_committed_catalogue_is_what_the_converter_makes():
    titles, people = catalog_from_reference.convert(json.loads(SHARED_REFERENCE.read_text("utf-8")))
    for tid, record in titles.items():
        assert json.loads((CATALOG / f"{tid}.json").read_text("utf-8")) == record
    assert json.loads((CATALOG / "people.json").read_text("utf-8")) == people


def test_catalogue_holds_14_titles_and_125_people():
    files = sorted(p for p in CATALOG.glob("*.json") if p.name != "people.json")
    assert len(files) == 14
    assert len(json.loads((CATALOG / "people.json").read_text("utf-8"))["people"]) == 125


@pytest.mark.parametrize("change,message", [
    ({"kind": "documentary"}, "/kind: expected one of film, series"),
    ({"year": "2020"}, "/year: expected a number"),
    ({"credits": [{"job": "actor"}]}, "/credits/0/person: expected a string"),
    ({"awards": [{"ceremony": "X", "category": "Y", "result": "lost"}]}, "/awards/0/result: expected won or nominated"),
    ({"releases": [{"kind": "streaming", "date": "06/10/2023"}]}, "/releases/0/date: expected a date"),
])
def test_bad_catalogue_fields_are_named(tmp_path, change, message):
    record = json.loads((CATALOG / "the-call-2020.json").read_text("utf-8"))
    record.update(change)
    path = tmp_path / "the-call-2020.json"
    path.write_text(json.dumps(record), "utf-8")
    with pytest.raises(SourceError) as error:
        read_catalog(path, str(path), Resolver(AliasTable.load(ALIASES)))
    assert str(path) in str(error.value) and message in str(error.value)


def test_not_json_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "kgraph-catalog/1", "name": ', "utf-8")
    with pytest.raises(SourceError, match="line 1, column"):
        read_catalog(path, str(path), Resolver())


def test_rebuild_after_a_catalogue_change(tmp_path):
    shutil.copytree(CATALOG, tmp_path / "catalog")
    shutil.copytree(ROOT / "data" / "reviews", tmp_path / "reviews")
    paths = [tmp_path / "catalog", tmp_path / "reviews"]
    with open_store("memory:") as store:
        build(store, paths, aliases=ALIASES, dump=None)
        graph = "https://w3id.org/kgraph/graph/catalog/the-call-2020"
        def burning() -> set:  # its content; its provenance records the new fingerprint
            return {q for q in store.quads() if str(q[3]).endswith("/catalog/burning-2018")
                    and not str(q[1]).endswith("#fingerprint")}
        untouched = burning()
        record_path = tmp_path / "catalog" / "the-call-2020.json"
        record = json.loads(record_path.read_text("utf-8"))
        record["runtime_minutes"] = 111  # another source's figure (koreafilm.co.kr)
        record_path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
        report = build(store, paths, aliases=ALIASES, dump=None)
        assert report.ok and graph in {g for _, g, _ in report.built}
        assert burning() == untouched
        rows = [r for r in run_query(store, "conflicts") if str(r["title_name"]) == "The Call"]
        assert {(str(r["what"]), str(r["value_a"]), str(r["value_b"])) for r in rows} == {
            ("runtime in minutes", "111", "112")}
        sources = {str(rows[0]["source_a"]), str(rows[0]["source_b"])}
        assert any(s.endswith("catalog/the-call-2020.json") for s in sources)
        assert any(s.endswith("reviews/the-call-2020.txt") for s in sources)
        record_path.unlink()
        report = build(store, paths, aliases=ALIASES, dump=None)
        assert graph in report.removed
        assert not store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})
