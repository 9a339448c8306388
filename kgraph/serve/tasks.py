"""The store work of each page, run in a worker process (kgraph.serve.worker) so that the
server's timeout bounds it: each task takes the worker's read-only store and returns plain,
picklable data for the page to render. TASKS names the ones a worker will run."""
from __future__ import annotations

import json
from typing import Callable

from rdflib import Graph, URIRef

from kgraph.errors import KGraphError
from kgraph.serve import facts
from kgraph.serve.facts import run_query
from kgraph.store.base import Store

RDF_FORMATS = {"turtle": ("turtle", "text/turtle"), "ntriples": ("nt", "application/n-triples"),
               "jsonld": ("json-ld", "application/ld+json")}
LABELS = ("http://schema.org/name", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://www.w3.org/2000/01/rdf-schema#label")


def home(store: Store, shown: int = 200) -> tuple[dict[str, int], list[dict], int]:
    """The graph's counts, its first `shown` titles (one row per title) and how many there are."""
    counts = {str(r["what"]): int(r["count"]) for r in run_query(store, "stats")}
    seen: dict[str, dict] = {}
    for row in run_query(store, "titles"):
        seen.setdefault(str(row["title"]), row)
    return counts, list(seen.values())[:shown], len(seen)


def void(store: Store) -> tuple[dict[str, int], list[str]]:
    """The counts and named graphs a VoID description states."""
    return {str(r["what"]): int(r["count"]) for r in run_query(store, "stats")}, store.graphs()


def search(store: Store, text: str):
    from kgraph.serve.search import search as find
    return find(store, text)


def healthy(store: Store) -> bool:
    """Whether the store holds anything."""
    return store.ask("ASK { ?s ?p ?o }")


def entity(store: Store, iri: str, fmt: str, path_to: str = "") -> dict | None:
    """What the page of `iri` shows in `fmt` (html, turtle, ntriples, jsonld); None when
    nothing in the graph has this IRI."""
    rows, kinds = facts.types(store, iri)
    if not rows:
        return None
    if fmt != "html":
        body, media = _rdf(store, iri, rows, kinds, fmt)
        return {"body": body, "media": media}
    if facts.KG + "Title" in kinds:
        page = facts.title_page(store, iri)
        doc = _title_document(store, page["reviews"])
        from kgraph import jsonld
        return {"template": "title.html", "page": page, "jsonld_script": jsonld.script_tag(doc) if doc else None}
    if facts.KG + "Person" in kinds:
        path, path_error = None, None
        if path_to:
            try:
                path = _path(store, iri, path_to)
            except KGraphError as error:
                path_error = str(error)
        return {"template": "person.html", "page": facts.person_page(store, iri), "path_to": path_to,
                "path": path, "path_error": path_error}
    label = next((str(r["value"]) for r in rows if str(r["predicate"]) in LABELS), iri.rsplit("/", 1)[-1])
    return {"template": "entity.html", "page": facts.entity_page(store, iri, rows), "label": label,
            "kinds": sorted(kinds)}


def _path(store: Store, iri: str, other: str) -> list[dict]:
    from kgraph.api import KGraph
    return KGraph(store).path(iri, other).to_dict("records")


def _title_document(store: Store, reviews: list[dict]) -> dict | None:
    """The document `kgraph jsonld TITLE` makes, from the title's reviews (None without any)."""
    from kgraph import jsonld
    graphs = [str(r["graph"]) for r in sorted(reviews, key=lambda r: str(r["review"]))]
    return jsonld.reviews_document(store, list(dict.fromkeys(graphs))) if graphs else None


def _rdf(store: Store, iri: str, rows: list[dict], kinds: set[str], fmt: str) -> tuple[bytes, str]:
    if fmt == "jsonld" and facts.KG + "Title" in kinds:
        doc = _title_document(store, list(run_query(store, "page-reviews", {"title": URIRef(iri)})))
        if doc is not None:
            return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"), "application/ld+json"
    graph = Graph()
    graph.bind("kg", "https://w3id.org/kgraph/ontology#")
    graph.bind("schema", "http://schema.org/")
    for row in rows:
        graph.add((URIRef(iri), row["predicate"], row["value"]))
    rdflib_format, media = RDF_FORMATS[fmt]
    return graph.serialize(format=rdflib_format, encoding="utf-8"), media + "; charset=utf-8"


TASKS: dict[str, Callable] = {"home": home, "void": void, "search": search, "healthy": healthy, "entity": entity}
