"""What an entity page shows, gathered with the named queries (parameters bound as RDF terms)."""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from kgraph.queries import NamedQuery, load_query
from kgraph.queries import run_query as _run_query
from kgraph.store.base import Rows, Store

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KG = "https://w3id.org/kgraph/ontology#"


@functools.lru_cache(maxsize=None)
def _named(name: str) -> NamedQuery:
    return load_query(name)


def run_query(store: Store, name: str, params: dict | None = None) -> Rows:
    """kgraph.queries.run_query with each .rq file read once per process."""
    return _run_query(store, _named(name), params)


@dataclass(frozen=True)
class Evidence:
    """A sentence of a review (with its URL) or a field of a catalogue record."""

    sentence: str | None
    review: str | None
    url: str | None
    start: int | None
    end: int | None
    pointer: str | None
    source_file: str | None


@dataclass
class EvidenceIndex:
    """Evidence by fact IRI and by (predicate, value) of a reified statement."""

    by_fact: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    by_value: dict[tuple[str, str], list[Evidence]] = field(default_factory=lambda: defaultdict(list))

    def fact(self, iri: object) -> list[Evidence]:
        return self.by_fact.get(str(iri), []) if iri is not None else []

    def value(self, predicate: object, value: object) -> list[Evidence]:
        return self.by_value.get((str(predicate), str(value)), [])


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def evidence(store: Store, node: str) -> EvidenceIndex:
    index = EvidenceIndex()
    for row in run_query(store, "page-evidence", {"node": URIRef(node)}):
        item = Evidence(_text(row["sentence"]), _text(row["review"]), _text(row["url"]),
                        int(row["start"]) if row["start"] is not None else None,
                        int(row["end"]) if row["end"] is not None else None,
                        _text(row["pointer"]), _text(row["source_file"]))
        if item.sentence is None and item.pointer is None:
            continue
        for bucket in (index.by_fact[str(row["fact"])], index.by_value[(str(row["predicate"]), str(row["value"]))]):
            if item not in bucket:
                bucket.append(item)
    return index


def types(store: Store, node: str) -> tuple[list[dict], set[str]]:
    """The entity's (predicate, value, label) rows and its rdf:type IRIs."""
    rows = list(run_query(store, "page-entity", {"node": URIRef(node)}))
    return rows, {str(r["value"]) for r in rows if str(r["predicate"]) == RDF_TYPE}


def title_page(store: Store, iri: str) -> dict:
    params = {"title": URIRef(iri)}
    values: dict[str, list[dict]] = defaultdict(list)
    for row in run_query(store, "page-title", params):
        values[str(row["what"])].append(row)
    index = evidence(store, iri)
    credits = _specific(list(run_query(store, "page-credits", params)), "person", index)
    cast = [c for c in credits if str(c["role"]) == "actor"]
    crew = [c for c in credits if str(c["role"]) != "actor"]
    reviews = list(run_query(store, "page-reviews", params))
    return {"values": values, "cast": cast, "crew": crew, "reviews": reviews,
            "releases": list(run_query(store, "page-releases", params)),
            "nominations": list(run_query(store, "page-nominations", params)),
            "conflicts": [row for part in ("values", "characters", "releases")
                          for row in run_query(store, f"page-conflicts-{part}", params)],
            "evidence": index}


def person_page(store: Store, iri: str) -> dict:
    params = {"person": URIRef(iri)}
    values: dict[str, list[str]] = defaultdict(list)
    for row in run_query(store, "page-person", params):
        values[str(row["what"])].append(str(row["value"]))
    index = evidence(store, iri)
    return {"values": values, "credits": _specific(list(run_query(store, "page-filmography", params)), "title", index),
            "reunions": reunions(store, iri), "evidence": index}


def _specific(credits: list[dict], key: str, index: EvidenceIndex) -> list[dict]:
    """Drop a bare "credited" row (a source said only "worked together in ...") where another
    row gives the same person's job or character on the title; its evidence joins that row's."""
    specific = {}
    for row in credits:
        if str(row["role"]) != "credited":
            specific.setdefault(str(row[key]), row)
    kept = []
    for row in credits:
        first = specific.get(str(row[key]))
        if str(row["role"]) == "credited" and first is not None:
            bucket = index.by_fact[str(first["credit"])]
            bucket.extend(e for e in index.fact(row["credit"]) if e not in bucket)
        else:
            kept.append(row)
    return kept


def reunions(store: Store, iri: str, min_titles: int = 2) -> list[dict]:
    """People credited with `iri` on `min_titles` or more titles, and on which: from the
    derived DuckDB table `kgraph build` keeps beside the store when it matches the store,
    else from the co-star join in SPARQL."""
    from_table = _reunions_from_table(store, iri, min_titles)
    return from_table if from_table is not None else _reunions_from_sparql(store, iri, min_titles)


def _reunions_from_sparql(store: Store, iri: str, min_titles: int) -> list[dict]:
    shared: dict[str, dict] = {}
    for row in run_query(store, "costars", {"person": URIRef(iri)}):
        entry = shared.setdefault(str(row["costar"]), {"person": str(row["costar"]),
                                                        "name": str(row["costar_name"]), "titles": {}})
        entry["titles"][str(row["title"])] = (str(row["title_name"]), _text(row["year"]))
    out = [e for e in shared.values() if len(e["titles"]) >= min_titles]
    return sorted(out, key=lambda e: (-len(e["titles"]), e["name"]))


def entity_page(store: Store, iri: str, rows: list[dict]) -> dict:
    return {"outgoing": rows, "incoming": list(run_query(store, "page-incoming", {"node": URIRef(iri)})),
            "evidence": evidence(store, iri)}


def _reunions_from_table(store: Store, iri: str, min_titles: int) -> list[dict] | None:
    """Reunions from the analytics table, opened read-only and only when its token is the
    store's (never rebuilt here: the server writes nothing); None when it cannot be used."""
    import duckdb

    from kgraph.analysis import reunions as derived

    path = derived._table_path(store)
    if path is None or not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        if con.execute("SELECT token FROM meta").fetchone()[0] != derived.store_token(store):
            return None
        rows = con.execute("""
            SELECT other.person, coalesce(n.name, other.person), other.title, coalesce(tn.name, other.title)
            FROM pairs me JOIN pairs other ON other.title = me.title AND other.person <> me.person
            LEFT JOIN names n ON n.iri = other.person LEFT JOIN names tn ON tn.iri = other.title
            WHERE me.person = ? AND other.person IN (
                SELECT o.person FROM pairs m JOIN pairs o ON o.title = m.title AND o.person <> m.person
                WHERE m.person = ? GROUP BY o.person HAVING count(DISTINCT o.title) >= ?)""",
                           [iri, iri, int(min_titles)]).fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    shared: dict[str, dict] = {}
    for person, name, title, title_name in rows:
        entry = shared.setdefault(person, {"person": person, "name": name, "titles": {}})
        entry["titles"][title] = (title_name, None)
    return sorted(shared.values(), key=lambda e: (-len(e["titles"]), e["name"]))
