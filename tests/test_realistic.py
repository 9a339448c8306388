"""The benchmark's review generator: deterministic, in every layout kgraph reads, and every
fact it renders is extracted (F1 1.0 against its gold), so a regression in extraction shows."""
from __future__ import annotations

import sys

from kgraph.build import build
from kgraph.store import open_store

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import realistic  # noqa: E402
from score import score  # noqa: E402


def test_same_seed_same_reviews_and_every_layout(tmp_path):
    a, b = realistic.catalogue(60), realistic.catalogue(60)
    assert [realistic.render(s) for s in a if s.layout != "blogger"] == [realistic.render(s) for s in b if s.layout != "blogger"]
    assert {s.layout for s in a} == {"blog", "markdown", "blogger"}
    names = [p.name for s in a for p, _ in s.cast]
    assert any(" " in n and "-" not in n.split(" ", 1)[1] for n in names)  # unhyphenated given names
    pool = realistic.people(500, __import__("random").Random(1))
    assert len({p.name for p in pool}) < len({p.id for p in pool})  # homonyms: one name, two people


def test_generated_reviews_are_extracted_completely(tmp_path):
    specs = realistic.catalogue(40)
    records = realistic.write_corpus(specs, tmp_path / "reviews", gold_path=tmp_path / "gold.jsonl")
    assert (tmp_path / "gold.jsonl").read_text(encoding="utf-8").count("\n") == 40
    store = open_store("memory:")
    report = build(store, [tmp_path / "reviews"], aliases=None, dump=None)
    assert report.ok and len(report.built) == 40
    result = score(store, records)
    assert result.gold > 40 * 15
    assert (result.misses, result.extra) == ([], [])
    assert result.f1 == 1.0
    records[0]["cast"].append(["Moon Ga-ram", "Da-on"])  # a fact the review does not state
    worse = score(store, records)
    assert [fact for _, fact in worse.misses] == [("cast", "moon-ga-ram", "da-on")] and worse.f1 < 1.0
