"""What an entity page shows, gathered with the named queries (parameters bound as RDF terms)."""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from kgraph.queries import NamedQuery, load_query
from kgraph.queries import run_query as _run_query
from kgraph.store.base import Rows, Store

SPARQL_REUNIONS_UP_TO = 8  # titles; measured at 20,000 titles: the co-star join is quicker up to about here
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
    credits = _specific(list(run_query(store, "page-filmography", params)), "title", index)
    titles = len({str(c["title"]) for c in credits})
    return {"values": values, "credits": credits, "evidence": index,
            "reunions": reunions(store, iri, titles=titles) if titles >= 2 else []}


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


def reunions(store: Store, iri: str, min_titles: int = 2, titles: int | None = None) -> list[dict]:
    """People credited with `iri` on `min_titles` or more titles, and on which. For someone on
    many titles (`titles`, when known) from the derived DuckDB table `kgraph build` keeps beside
    the store, when it matches the store; else from the co-star join in SPARQL, which is faster
    for the many people on a few titles."""
    if titles is None or titles > SPARQL_REUNIONS_UP_TO:
        from_table = _reunions_from_table(store, iri, min_titles)
        if from_table is not None:
            return from_table
    return _reunions_from_sparql(store, iri, min_titles)


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


_TABLES: dict[str, tuple[tuple[int, int] | None, object]] = {}


def _table(store: Store):
    """A read-only DuckDB connection to the derived table when its token is the store's. The
    answer is kept per store while the table file stays as it is (the store is a read-only
    snapshot, and an open file stays the one that matched even if a build replaces it); a
    build that rewrites the table makes it be looked at again. None when no table is usable."""
    import duckdb

    from kgraph.analysis import reunions as derived

    key = str(getattr(store, "path", None))
    path = derived._table_path(store)
    try:
        stat = path.stat() if path is not None else None
        seen = (stat.st_size, stat.st_mtime_ns) if stat is not None else None
    except OSError:
        seen = None
    if key in _TABLES and (_TABLES[key][1] is not None or _TABLES[key][0] == seen):
        return _TABLES[key][1]
    con = None
    if seen is not None:
        try:
            con = duckdb.connect(str(path), read_only=True, config={"threads": 1})
            if con.execute("SELECT token FROM meta").fetchone()[0] != derived.store_token(store):
                con.close()
                con = None
        except duckdb.Error:
            con = None
    _TABLES[key] = (seen, con)
    return con


def _reunions_from_table(store: Store, iri: str, min_titles: int) -> list[dict] | None:
    """Reunions from the analytics table (never rebuilt here: the server writes nothing)."""
    import duckdb

    con = _table(store)
    if con is None:
        return None
    cursor = con.cursor()  # one per call: a connection is not shared across threads
    try:
        rows = cursor.execute("""
            WITH mine AS (SELECT title FROM pairs WHERE person = ?),
            near AS (SELECT p.person, p.title FROM pairs p JOIN mine USING (title) WHERE p.person <> ?),
            kept AS (SELECT person FROM near GROUP BY person HAVING count(DISTINCT title) >= ?)
            SELECT near.person, coalesce(n.name, near.person), near.title, coalesce(tn.name, near.title)
            FROM near JOIN kept USING (person)
            LEFT JOIN names n ON n.iri = near.person LEFT JOIN names tn ON tn.iri = near.title""",
                              [iri, iri, int(min_titles)]).fetchall()
    except duckdb.Error:
        return None
    finally:
        cursor.close()
    shared: dict[str, dict] = {}
    for person, name, title, title_name in rows:
        entry = shared.setdefault(person, {"person": person, "name": name, "titles": {}})
        entry["titles"][title] = (title_name, None)
    return sorted(shared.values(), key=lambda e: (-len(e["titles"]), e["name"]))
