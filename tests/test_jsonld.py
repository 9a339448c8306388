"""JSON-LD for review pages: what it says, how it is embedded, and how the web reads it back."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import rdflib
from rdflib import URIRef

from kgraph.api import KGraph
from kgraph.jsonld import CONTEXT_FILE, dumps, embed
from kgraph.richresults import check_document

from conftest import ALIASES, DATA, ROOT, SEED

SCHEMA = rdflib.Namespace("http://schema.org/")
REVIEWS = sorted((ROOT / "data" / "reviews").iterdir())


@pytest.fixture(scope="module")
def kg():
    graph = KGraph("memory:")
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def seed_doc(kg):
    return kg.jsonld(SEED, aliases=ALIASES)


def test_seed_document(seed_doc):
    assert seed_doc["@type"] == "CriticReview" and "reviewRating" not in seed_doc
    item = seed_doc["itemReviewed"]
    assert (item["@type"], item["name"], item["duration"], item["dateCreated"]) == ("Movie", "Ballerina", "PT93M", "2023")
    assert item["alternateName"] == [{"@value": "발레리나", "@language": "ko"}]
    roles = {(r["actor"]["name"], r["characterName"]) for r in item["actor"]}
    assert roles == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro"), ("Park Yu-rim", "Min-hee")}
    assert [p["name"] for p in item["director"]] == ["Lee Chung-hyun"] == [p["name"] for p in item["author"]]
    assert [p["name"] for p in item["musicBy"]] == ["GRAY"]
    assert "Blue Dragon Film Awards — Best Music, GRAY (nominated)" in item["award"]
    events = {(e.get("startDate"), e.get("publishedOn", {}).get("name"), e.get("location", {}).get("name"))
              for e in item["publication"]}
    assert events == {("2023-10-05", None, "Busan"), ("2023-10-06", "Netflix", None)}
    assert all(e["publishedOn"]["@type"] == "BroadcastService" for e in item["publication"] if "publishedOn" in e)
    assert "revenge" in item["keywords"] and "identity" not in item["keywords"]
    assert item["countryOfOrigin"] == [{"@type": "Country", "name": "South Korea"}]


def test_a_series_gets_episodes_and_a_start_date(kg):
    doc = kg.jsonld(ROOT / "data" / "reviews" / "beating-again-2015.txt", aliases=ALIASES)
    item = doc["itemReviewed"]
    assert (item["@type"], item["numberOfEpisodes"], item["startDate"]) == ("TVSeries", 16, "2015-04-03")
    assert "duration" not in item


def test_rating_only_when_the_review_gives_one(kg, tmp_path):
    path = tmp_path / "rated.txt"
    path.write_text("Overview\nTitle: Ballerina (발레리나)\nYear: 2023\nMy Rating: 9 out of 10\n", "utf-8")
    assert kg.jsonld(path, aliases=ALIASES)["reviewRating"] == {"@type": "Rating", "ratingValue": "9", "bestRating": "10"}
    assert check_document(kg.jsonld(path, aliases=ALIASES)).missing["review snippet"] == ["author"]


@pytest.mark.parametrize("review", REVIEWS, ids=lambda p: p.name)
def test_every_review_uses_schema_org_correctly(kg, review):
    report = check_document(kg.jsonld(review, aliases=ALIASES))
    assert report.problems == []
    assert "reviewRating.ratingValue" in report.missing["review snippet"]  # no review states a rating


def test_vocabulary_check_catches_mistakes(seed_doc):
    bad = json.loads(json.dumps(seed_doc))
    bad["itemReviewed"]["numberOfEpisodes"] = 3          # a Movie has no episodes
    bad["itemReviewed"]["starring"] = "Jeon Jong-seo"    # not a schema.org property
    bad["itemReviewed"]["director"][0]["@type"] = "Persn"
    problems = check_document(bad).problems
    assert any("numberOfEpisodes: not allowed on Movie" in p for p in problems)
    assert any("starring: not a schema.org property" in p for p in problems)
    assert any("unknown type Persn" in p for p in problems)


HOSTILE = 'Evil </script><script>alert(1)</script> <!-- & "quotes" \u2028'


def test_script_text_cannot_break_out(seed_doc):
    doc = json.loads(json.dumps(seed_doc))
    doc["name"] = HOSTILE
    text = dumps(doc)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == HOSTILE


def _blocks(html: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)


def test_embed_twice_leaves_one_block(kg, tmp_path, seed_doc):
    page = tmp_path / "page.html"
    shutil.copy(DATA / "ballerina.html", page)
    before = page.read_text("utf-8")
    kg.embed(page, aliases=ALIASES)
    once = page.read_text("utf-8")
    kg.embed(page, aliases=ALIASES)
    twice = page.read_text("utf-8")
    assert once == twice
    ours = [b for b in _blocks(twice) if "CriticReview" in b]
    assert len(ours) == 1
    assert twice.replace(re.search(r'<script type="application/ld\+json" data-generator="kgraph">.*?</script>\n',
                                   twice, re.S).group(0), "") == before


def test_embedded_title_with_script_end_tag(kg, tmp_path):
    review = tmp_path / "odd.txt"
    review.write_text(f"Overview\nTitle: {HOSTILE}\nYear: 2024\n", "utf-8")
    doc = kg.jsonld(review, aliases=ALIASES)
    assert "</script><script>" in doc["itemReviewed"]["name"]
    page = embed("<html><head><title>x</title></head><body><p>Hello</p></body></html>", doc)
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(page, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and soup.find("p").get_text() == "Hello"
    assert json.loads(scripts[0].string) == doc


def test_blogger_export_gets_a_block_per_post(kg, tmp_path):
    result = kg.embed_blogger(DATA / "blogger-export.xml", aliases=ALIASES)
    assert result.embedded == ["The Call — a phone line across twenty years", "Money Heist: Korea — the mint, remade"]
    out = tmp_path / "export.xml"
    out.write_bytes(result.xml)
    again = kg.embed_blogger(out, aliases=ALIASES)
    from kgraph.sources import read_source
    posts = read_source(out)
    assert len(posts) == 2
    text = again.xml.decode("utf-8")
    assert text.count('data-generator="kgraph"') == 2


def test_blogger_posts_that_cannot_be_read_are_left_untouched(kg, tmp_path):
    xml = (DATA / "blogger-export.xml").read_text("utf-8").replace(
        "</feed>", '<entry><id>x</id><category scheme="http://schemas.google.com/g/2005#kind" '
                   'term="http://schemas.google.com/blogger/2008/kind#post"/><title type="text"></title>'
                   '<content type="html">&lt;p&gt;just a photo&lt;/p&gt;</content></entry></feed>')
    path = tmp_path / "export.xml"
    path.write_text(xml, "utf-8")
    result = kg.embed_blogger(path, aliases=ALIASES)
    assert len(result.embedded) == 2 and [t for t, _ in result.untouched] == ["(untitled)"]
    assert "&lt;p&gt;just a photo&lt;/p&gt;" in result.xml.decode("utf-8")


def _expand_to_graph(doc: dict) -> rdflib.Graph:
    """What a JSON-LD processor makes of the document, with the pinned context (no network)."""
    from pyld import jsonld

    context = json.loads(CONTEXT_FILE.read_text("utf-8"))

    def loader(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise RuntimeError(f"no network: {url}")

    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    return rdflib.Graph().parse(data=nquads, format="nt")


def test_round_trip_gives_back_the_graphs_facts(kg, seed_doc):
    graph = _expand_to_graph(seed_doc)
    movie = URIRef("https://w3id.org/kgraph/id/title/ballerina-2023")
    assert (movie, rdflib.RDF.type, SCHEMA.Movie) in graph
    assert (movie, SCHEMA.duration, rdflib.Literal("PT93M")) in graph
    assert (movie, SCHEMA.alternateName, rdflib.Literal("발레리나", lang="ko")) in graph
    cast = {(str(graph.value(graph.value(role, SCHEMA.actor), SCHEMA.name)), str(graph.value(role, SCHEMA.characterName)))
            for role in graph.objects(movie, SCHEMA.actor)}
    # the same pairs the store holds for the review
    from kgraph.build import build
    from kgraph.queries import run_query
    from kgraph.store import open_store
    with open_store("memory:") as store:
        build(store, [SEED], aliases=ALIASES, dump=None)
        expected = {(str(r["person_name"]), str(r["character_name"]))
                    for r in run_query(store, "cast", {"title": str(movie)}) if r["character_name"] is not None}
        crew = {(str(r["person_name"]), str(r["role"])) for r in run_query(store, "cast", {"title": str(movie)})
                if str(r["role"]) != "actor"}
    assert cast == expected
    by_role = {"director": SCHEMA.director, "writer": SCHEMA.author, "composer": SCHEMA.musicBy}
    got = {(str(graph.value(p, SCHEMA.name)), role) for role, prop in by_role.items() for p in graph.objects(movie, prop)}
    assert got == {c for c in crew if c[1] in by_role}
    genres = {str(g) for g in graph.objects(movie, SCHEMA.genre)}
    assert genres == {"Action", "Thriller", "Revenge Drama"}
    platforms = {str(graph.value(graph.value(e, SCHEMA.publishedOn), SCHEMA.name)) for e in graph.objects(movie, SCHEMA.publication)
                 if graph.value(e, SCHEMA.publishedOn) is not None}
    assert platforms == {"Netflix"}


def test_extruct_reads_the_embedded_block(kg, tmp_path, seed_doc):
    import extruct

    html = embed((DATA / "ballerina.html").read_text("utf-8"), seed_doc)
    found = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
    ours = [d for d in found if d.get("@type") == "CriticReview"]
    assert ours == [seed_doc]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_a_real_browser_reads_the_block(tmp_path, seed_doc):
    import os

    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed here (CI installs it)")
    doc = json.loads(json.dumps(seed_doc))
    doc["name"] = HOSTILE
    page = embed("<html><head><title>Ballerina review</title></head><body><h1>My review</h1>"
                 "<p id='text'>Ballerina is a 2023 South Korean action thriller.</p>"
                 "<pre id='out'></pre><script>document.getElementById('out').textContent = JSON.stringify("
                 "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent));</script>"
                 "</body></html>", doc)
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, timeout=120)
    from bs4 import BeautifulSoup
    dom = BeautifulSoup(done.stdout, "html.parser")
    assert dom.find(id="text").get_text() == "Ballerina is a 2023 South Korean action thriller."
    assert json.loads(dom.find(id="out").get_text()) == doc
