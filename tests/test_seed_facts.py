"""The acceptance list: every fact of ballerina-2023.expected.json is in the graph after a
build of the seed review, each with the sentence that states it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

EXPECTED = json.loads((Path(__file__).parent / "data" / "ballerina-2023.expected.json").read_text("utf-8"))
TITLE = URIRef("https://w3id.org/kgraph/id/title/ballerina-2023")
PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def plain(text: str) -> str:
    """Hyphen-like characters as '-', so "Jeon Jong‑seo" in a sentence matches "Jeon Jong-seo"."""
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


def sentences(store, query: str, **bindings) -> list[str]:
    rows = store.select(PREFIXES + query, {k: v for k, v in bindings.items()})
    return [str(r["sentence"]) for r in rows]


def attribute(store, predicate: str, label: str) -> list[str]:
    """Sentences behind the statement `title predicate X` where X is `label` or named `label`."""
    return sentences(store, """
        SELECT DISTINCT ?sentence WHERE {
          ?st rdf:subject ?title ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?s .
          ?s kg:text ?sentence .
          OPTIONAL { ?o schema:name|skos:prefLabel ?name }
          FILTER(STR(COALESCE(?name, ?o)) = ?label)
        }""", title=TITLE, p=URIRef(predicate), label=Literal(label))


KG = "https://w3id.org/kgraph/ontology#"
SCHEMA = "http://schema.org/"
TITLE_FACTS = [
    ("name", SCHEMA + "name", EXPECTED["title"]["name"]),
    ("name_ko", KG + "nameKo", EXPECTED["title"]["name_ko"]),
    ("kind", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", KG + "Film"),
    ("year", KG + "year", str(EXPECTED["title"]["year"])),
    ("country", KG + "country", EXPECTED["title"]["country"]),
    ("runtime", KG + "runtimeMinutes", str(EXPECTED["title"]["runtime_minutes"])),
    *[("genre", KG + "genre", g) for g in EXPECTED["title"]["genres"]],
    *[("platform", KG + "platform", p) for p in EXPECTED["title"]["platforms"]],
    *[("setting", KG + "setting", p) for p in EXPECTED["title"]["setting"]],
]


@pytest.mark.parametrize("what,predicate,value", TITLE_FACTS, ids=[f"{t[0]}={t[2]}" for t in TITLE_FACTS])
def test_title_attribute_with_sentence(seed_store, what, predicate, value):
    assert EXPECTED["title"]["kind"] == "film"
    found = attribute(seed_store, predicate, value)
    assert found, f"no sentence states {what} = {value}"


@pytest.mark.parametrize("credit", EXPECTED["credits"], ids=lambda c: f"{c['person']}-{c['role']}")
def test_credit_with_sentence(seed_store, credit):
    if credit["role"] == "actor":
        found = sentences(seed_store, """
            SELECT DISTINCT ?sentence WHERE {
              ?c a kg:CastCredit ; kg:title ?title ; kg:person/schema:name ?person ;
                 kg:character/schema:name ?character ; kg:evidence/kg:text ?sentence .
            }""", title=TITLE, person=Literal(credit["person"]), character=Literal(credit["character"]))
    else:
        found = sentences(seed_store, """
            SELECT DISTINCT ?sentence WHERE {
              ?c a kg:CrewCredit ; kg:title ?title ; kg:person/schema:name ?person ;
                 kg:job/skos:prefLabel ?job ; kg:evidence/kg:text ?sentence .
              FILTER(STR(?job) = ?role)
            }""", title=TITLE, person=Literal(credit["person"]), role=Literal(credit["role"]))
    assert found, f"no credit {credit}"
    surname = credit["person"].split()[0]
    assert any(surname.lower() in plain(s).lower() for s in found), found


def test_character_descriptions(seed_store):
    rows = seed_store.select(PREFIXES + """
        SELECT ?name ?d WHERE { ?c a kg:Character ; kg:characterOf ?title ; schema:name ?name ;
                                   kg:description ?d }""", {"title": TITLE})
    described = {(str(r["name"]), str(r["d"])) for r in rows}
    assert ("Choi Pro", "antagonist") in described
    assert ("Ok-ju", "former bodyguard") in described
    assert any(name == "Min-hee" and "friend" in d for name, d in described)


@pytest.mark.parametrize("role", EXPECTED["unnamed_characters"])
def test_unnamed_characters(seed_store, role):
    word = role.split()[-1].split("-")[-1]
    rows = seed_store.select(PREFIXES + """
        SELECT ?name ?sentence WHERE {
          ?c a kg:Character ; kg:characterOf ?title ; kg:named false ; schema:name ?name .
          ?st rdf:subject ?c ; kg:evidence/kg:text ?sentence .
        }""", {"title": TITLE})
    names = {str(r["name"]) for r in rows if word in str(r["name"])}
    assert names, f"no unnamed character for {role}"
    assert all(word in plain(str(r["sentence"])).lower() or "high-school" in plain(str(r["sentence"])).lower()
               for r in rows if word in str(r["name"]))


@pytest.mark.parametrize("nomination", EXPECTED["nominations"], ids=lambda n: n["category"])
def test_nomination_with_sentence(seed_store, nomination):
    found = sentences(seed_store, """
        SELECT DISTINCT ?sentence WHERE {
          ?n a kg:Nomination ; kg:title ?title ; kg:ceremony/schema:name ?award ;
             kg:category/schema:name ?category ; kg:nominee/schema:name ?nominee ;
             kg:result ?result ; kg:evidence/kg:text ?sentence .
        }""", title=TITLE, award=Literal(nomination["award"]), category=Literal(nomination["category"]),
        nominee=Literal(nomination["nominee"]),
        result=URIRef(KG + ("Won" if nomination["result"] == "won" else "Nominated")))
    assert found and nomination["category"] in found[0]


@pytest.mark.parametrize("release", EXPECTED["releases"], ids=lambda r: r["kind"])
def test_release_with_sentence(seed_store, release):
    cls = {"festival premiere": "FestivalPremiere", "streaming release": "StreamingRelease"}[release["kind"]]
    rows = seed_store.select(PREFIXES + """
        SELECT ?place ?platform ?region ?sentence WHERE {
          ?r a ?class ; kg:title ?title ; kg:date ?date ; kg:evidence/kg:text ?sentence .
          OPTIONAL { ?r kg:place/schema:name ?place }
          OPTIONAL { ?r kg:releasePlatform/schema:name ?platform }
          OPTIONAL { ?r kg:region ?region }
        }""", {"class": URIRef(KG + cls), "title": TITLE, "date": Literal(release["date"], datatype=XSD.date)})
    assert rows, f"no {release['kind']} on {release['date']}"
    row = next(iter(rows))
    if "place" in release:
        assert str(row["place"]) == release["place"]
    if "platform" in release:
        assert str(row["platform"]) == release["platform"]
    if "region" in release:
        assert str(row["region"]) == release["region"]


def test_festival_premiere_is_not_the_streaming_launch(seed_store):
    rows = seed_store.select(PREFIXES + """
        SELECT ?date WHERE { ?r a kg:StreamingRelease ; kg:title ?title ; kg:date ?date }""", {"title": TITLE})
    assert [str(r["date"]) for r in rows] == ["2023-10-06"]


@pytest.mark.parametrize("period", EXPECTED["production"], ids=lambda p: p["activity"])
def test_production_period(seed_store, period):
    found = sentences(seed_store, """
        SELECT ?sentence WHERE {
          ?p a kg:ProductionPeriod ; kg:title ?title ; kg:activity ?activity ; kg:start ?start ; kg:end ?end ;
             kg:evidence/kg:text ?sentence .
        }""", title=TITLE, activity=Literal(period["activity"]),
        start=Literal(period["start"], datatype=XSD.gYearMonth), end=Literal(period["end"], datatype=XSD.gYearMonth))
    assert found


@pytest.mark.parametrize("record", EXPECTED["viewership"], ids=lambda r: r["chart"])
def test_viewership_record(seed_store, record):
    fields = {"rank": "rank", "views": "views", "hours_viewed": "hoursViewed", "countries": "countryCount"}
    patterns = "".join(f" ; kg:{pred} ?{key}" for key, pred in fields.items() if key in record)
    bindings = {key: Literal(record[key], datatype=XSD.integer) for key in fields if key in record}
    if "period_start" in record:
        patterns += " ; kg:start ?ps ; kg:end ?pe"
        bindings["ps"] = Literal(record["period_start"], datatype=XSD.date)
        bindings["pe"] = Literal(record["period_end"], datatype=XSD.date)
    bindings.update(title=TITLE, platform=Literal(record["platform"]), chart=Literal(record["chart"]))
    found = sentences(seed_store, f"""
        SELECT ?sentence WHERE {{
          ?v a kg:ViewershipRecord ; kg:title ?title ; kg:chart ?chart ;
             kg:viewershipPlatform/schema:name ?platform {patterns} ; kg:evidence/kg:text ?sentence .
        }}""", **bindings)
    assert found, f"no viewership record {record}"


@pytest.mark.parametrize("work", EXPECTED["related_works"], ids=lambda w: w["title"])
def test_related_work(seed_store, work):
    rows = seed_store.select(PREFIXES + """
        SELECT ?person ?sentence WHERE {
          ?m a kg:Mention ; kg:title ?title ; kg:mentionedWork ?w ; kg:mentionedPerson/schema:name ?person ;
             kg:evidence/kg:text ?sentence .
          ?w schema:name|schema:alternateName ?work .
        }""", {"title": TITLE, "work": Literal(work["title"])})
    assert {str(r["person"]) for r in rows} == set(work["people"])


def test_related_work_gives_both_people_a_credit_on_it(seed_store):
    rows = seed_store.select(PREFIXES + """
        SELECT ?name WHERE { ?c kg:title ?w ; kg:person/schema:name ?name . ?w schema:alternateName ?work }""",
        {"work": Literal("Money Heist: Korea")})
    assert {str(r["name"]) for r in rows} == {"Jeon Jong-seo", "Kim Ji-hoon"}


@pytest.mark.parametrize("track", EXPECTED["soundtrack"], ids=lambda t: t["track"])
def test_soundtrack(seed_store, track):
    found = sentences(seed_store, """
        SELECT ?sentence WHERE { ?t a kg:Track ; kg:title ?title ; schema:name ?name ;
                                    kg:performer/schema:name ?performer ; kg:evidence/kg:text ?sentence }""",
                      title=TITLE, name=Literal(track["track"]), performer=Literal(track["performer"]))
    assert found and track["track"] in found[0]


def _themes(store) -> dict[str, list[str]]:
    rows = store.select(PREFIXES + """
        SELECT ?label ?sentence WHERE {
          ?st rdf:subject ?title ; rdf:predicate kg:theme ; rdf:object ?t ; kg:evidence/kg:text ?sentence .
          ?t skos:prefLabel ?label }""", {"title": TITLE})
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(str(r["label"]), []).append(str(r["sentence"]))
    return out


@pytest.mark.parametrize("theme", EXPECTED["themes"])
def test_theme_with_sentence(seed_store, theme):
    assert _themes(seed_store).get(theme), f"theme {theme} missing"


@pytest.mark.parametrize("phrase", EXPECTED["not_themes"])
def test_advertising_is_not_a_theme(seed_store, phrase):
    themes = _themes(seed_store)
    key = phrase.lower().split()[-1].rstrip("s")
    assert not any(key in label.lower() for label in themes)
    assert "identity" not in themes


@pytest.mark.parametrize("quote", EXPECTED["quotes"], ids=lambda q: q["text"][:20])
def test_quote_with_speaker(seed_store, quote):
    found = sentences(seed_store, """
        SELECT ?sentence WHERE { ?q a kg:Quote ; kg:title ?title ; kg:text ?text ;
                                    kg:spokenBy/schema:name ?speaker ; kg:evidence/kg:text ?sentence }""",
                      title=TITLE, text=Literal(quote["text"]), speaker=Literal(quote["speaker"]))
    assert found and quote["text"][:10] in found[0]


@pytest.mark.parametrize("scene", EXPECTED["scenes"])
def test_scene(seed_store, scene):
    found = sentences(seed_store, """
        SELECT ?sentence WHERE { ?x a kg:Scene ; kg:title ?title ; schema:name ?name ; kg:evidence/kg:text ?sentence }""",
                      title=TITLE, name=Literal(scene))
    assert found and found[0].startswith(scene)


@pytest.mark.parametrize("chrome", EXPECTED["page_chrome_not_about_this_title"])
def test_page_chrome_is_not_in_the_graph(seed_store, chrome):
    rows = seed_store.select("""SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isLiteral(?o) && CONTAINS(LCASE(STR(?o)), ?needle)) }""",
                             {"needle": Literal(chrome.lower())})
    assert not list(rows), f"{chrome!r} from page chrome leaked into the graph"


def test_welcome_text_and_featured_snippet_are_not_sentences(seed_store):
    rows = seed_store.select(PREFIXES + """
        SELECT ?t WHERE { ?s a kg:Sentence ; kg:text ?t . FILTER(CONTAINS(?t, "Welcome to my blog") ||
                                                              STRSTARTS(?t, "Search This Blog")) }""")
    assert not list(rows)
