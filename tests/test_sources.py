"""Input formats and bad input: every failure names the file and says what was expected."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

from kgraph.build import build
from kgraph.errors import ExtractionError, SourceError
from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_source, read_text
from kgraph.store import open_store

from conftest import ALIASES, DATA, SEED

RESOLVER = Resolver(AliasTable.load(ALIASES))


def facts_of(path: Path):
    return [extract(doc, RESOLVER) for doc in read_source(path)]


def cast_of(facts) -> set[tuple[str, str | None]]:
    people = {e.iri: e.name for e in facts.entities if type(e).__name__ == "PersonEntity"}
    chars = {e.iri: e.name for e in facts.entities if type(e).__name__ == "CharacterEntity"}
    return {(people[c.person.value], chars.get(c.character.value) if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}


def test_seed_is_byte_for_byte_the_users_review():
    shared = SEED.parent.parent.parent.parent / "shared" / "reviews" / SEED.name
    if shared.exists():
        assert SEED.read_bytes() == shared.read_bytes()
    assert SEED.read_bytes().startswith(b"Search This Blog\n")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert str(path) in str(error.value) and "empty" in str(error.value)


def test_binary_file(tmp_path):
    path = tmp_path / "poster.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(SourceError) as error:
        read_source(path)
    assert "poster.txt" in str(error.value) and "binary" in str(error.value)


def test_unknown_encoding_names_the_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Overview\nTitle: Amélie\nYear: 2001\n".encode("latin-1"))
    with pytest.raises(SourceError) as error:
        read_source(path)
    message = str(error.value)
    assert "latin1.txt" in message and "line 2" in message and "UTF-8" in message


def test_cp949_korean_text_is_read():
    [facts] = facts_of(DATA / "ballerina-cp949.txt")
    assert facts.title.name == "Ballerina"
    hangul = {e.name: e.hangul for e in facts.entities if type(e).__name__ == "PersonEntity"}
    assert hangul["Jeon Jong-seo"] == "전종서" and hangul["Lee Chung-hyun"] == "이충현"
    assert ("Jeon Jong-seo", None) in cast_of(facts)  # the Hangul in parentheses is not a character
    korean = [s.text for s in facts.sentences if "옥주" in s.text]
    assert korean == ["전종서는 발레리나에서 옥주를 연기한다."]


def test_euc_kr_is_read_too(tmp_path):
    path = tmp_path / "euckr.txt"
    path.write_bytes("Overview\nTitle: 콜 (The Call)\nYear: 2020\n".encode("euc-kr"))
    [doc] = read_source(path)
    assert "콜" in doc.text


def test_review_without_overview_takes_the_post_title(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text("Ballerina — a short note\nIntroduction\nI watched it twice. It is a 2023 South Korean film.\n",
                    "utf-8")
    [facts] = facts_of(path)
    assert facts.title.name == "Ballerina"
    assert any("no 'Title:' line" in w for w in facts.warnings)


def test_review_with_no_title_at_all_is_a_clear_error(tmp_path):
    path = tmp_path / "notitle.txt"
    path.write_text("Introduction\nI watched something last night and it was fine.\n", "utf-8")
    with pytest.raises(ExtractionError) as error:
        facts_of(path)
    assert "notitle.txt" in str(error.value) and "Overview" in str(error.value)


def test_html_scripts_and_chrome_are_not_content():
    [doc] = read_source(DATA / "ballerina.html")
    assert doc.post_title == "Ballerina — grief with a blade"
    assert doc.url == "https://example.org/2025/11/ballerina-review.html"
    assert doc.date_published == "2025-11-02" and doc.author == "K-Review Notes"
    for leaked in ("Evil Twin", "Someone Else", "Injected Movie", "Kim Tae-ri", "Our Unwritten Seoul",
                   "Search This Blog", "Not A Film"):
        assert leaked not in doc.text
    facts = extract(doc, RESOLVER)
    assert facts.title.name == "Ballerina"
    assert ("Jeon Jong-seo", "Ok-ju") in cast_of(facts) and ("Kim Ji-hoon", "Choi Pro") in cast_of(facts)


def test_markdown_review_with_front_matter_and_bullets():
    [facts] = facts_of(DATA / "the-call.md")
    assert facts.title.name == "The Call"
    assert facts.review.url.value == "https://example.org/2025/03/the-call-review.html"
    values = {(s.predicate.rsplit("#", 1)[-1], str(s.value)) for s in facts.statements}
    assert ("runtimeMinutes", "112") in values and ("runtimeNote", "~112 minutes") in values
    assert ("year", "2020") in values and ("nameKo", "콜") in values
    assert {("Park Shin-hye", "Kim Seo-yeon"), ("Jeon Jong-seo", "Oh Young-sook")} <= cast_of(facts)
    nominations = facts.of_type(__import__("kgraph.extract.facts", fromlist=["Nomination"]).Nomination)
    assert [n.result.value.rsplit("#", 1)[-1] for n in nominations] == ["Won"]


def test_blogger_export_gives_one_review_per_post():
    documents = read_source(DATA / "blogger-export.xml")
    assert [d.post_title for d in documents] == ["The Call — a phone line across twenty years",
                                                 "Money Heist: Korea — the mint, remade"]
    assert all(d.date_published for d in documents)
    heist = extract(documents[1], RESOLVER)
    assert heist.title.iri.endswith("/title/money-heist-korea-2022")
    assert heist.title.kind == "series"
    values = {(s.predicate.rsplit("#", 1)[-1], str(s.value)) for s in heist.statements}
    assert ("episodeCount", "12") in values


def test_blogger_export_builds_a_graph_per_post(tmp_path):
    with open_store("memory:") as store:
        report = build(store, [DATA / "blogger-export.xml"], aliases=ALIASES, dump=None)
        assert report.ok and len(report.built) == 2
        graphs = [g for g in store.graphs() if "/review/" in g]
        assert graphs == ["https://w3id.org/kgraph/graph/review/2025-11-money-heist-korea",
                          "https://w3id.org/kgraph/graph/review/2025-03-the-call-review"] or len(graphs) == 2


def test_two_actors_named_kim_ji_hoon_stay_two_people():
    documents = read_source(DATA / "blogger-export.xml")
    heist = extract(documents[1], RESOLVER)
    cast = cast_of(heist)
    assert ("Kim Ji-hoon", "Denver") in cast and ("Kim Ji-hun", "Helsinki") in cast
    iris = {e.name: e.iri for e in heist.entities if type(e).__name__ == "PersonEntity"}
    assert iris["Kim Ji-hoon"] != iris["Kim Ji-hun"]
    assert iris["Kim Ji-hoon"].endswith("/person/kim-ji-hoon")


def test_title_with_quotes_and_braces(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text('Overview\nTitle: The "Best" {Film} #1 }; DROP ALL\nYear: 2024\nRuntime: 90 minutes\n', "utf-8")
    with open_store("memory:") as store:
        report = build(store, [path], aliases=ALIASES, dump=None)
        assert report.ok, report.failed
        rows = store.select("""SELECT ?t WHERE { ?t <http://schema.org/name> ?name }""",
                            {"name": Literal('The "Best" {Film} #1 }; DROP ALL')})
        assert len(rows) == 1
        assert "https://w3id.org/kgraph/graph/ontology" in store.graphs()


def test_overview_variants_are_read_generally():
    text = """My post title
Overview
• Title: Hometown Cha-Cha-Cha
• Korean Title: 갯마을 차차차
- Year Released: 2021.
- Number of Episodes: 16
- Episode Duration: Approx. 70 min per episode
- Broadcast Network: tvN
- Streaming Platforms: Netflix; Disney+ (rental)
- Cast: Shin Min-a, Kim Seon-ho
"""
    [doc] = read_text(text, "variants.txt")
    facts = extract(doc, RESOLVER)
    values = {(s.predicate.rsplit("#", 1)[-1], str(s.value)) for s in facts.statements}
    assert facts.title.kind == "series"
    assert ("nameKo", "갯마을 차차차") in values and ("year", "2021") in values
    assert ("episodeCount", "16") in values and ("runtimeMinutes", "70") in values
    platforms = {e.name for e in facts.entities if type(e).__name__ == "PlatformEntity"}
    assert platforms == {"tvN", "Netflix", "Disney+"}
    assert ("platformNote", "Disney+ (rental)") in values
    assert {p for p, _ in cast_of(facts)} == {"Shin Min-a", "Kim Seon-ho"}


def test_runtime_ranges_are_kept_as_notes():
    [doc] = read_text("Overview\nTitle: Doctor John\nRuntime: 60–70 minutes\nEpisodes: 32\n", "range.txt")
    facts = extract(doc, RESOLVER)
    values = {(s.predicate.rsplit("#", 1)[-1], str(s.value)) for s in facts.statements}
    assert ("runtimeNote", "60-70 minutes") in values
    assert not any(p == "runtimeMinutes" for p, _ in values)
