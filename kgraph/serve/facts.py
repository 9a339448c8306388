"""What an entity page shows, gathered with the named queries (parameters bound as RDF terms)."""
from __future__ import annotations

import functools
import threading
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
    credits = _specific(list(run_query(store, "page-filmography", params)), "title", index)
    titles = len({str(c["title"]) for c in credits})
    return {"values": values, "credits": credits, "evidence": index,
            "reunions": reunions(store, iri) if titles >= 2 else []}


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
    """People credited with `iri` on `min_titles` or more titles, and on which: from the derived
    table `kgraph build` keeps beside the store (an in-memory index of it) when it matches the
    store, else from the co-star join in SPARQL."""
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
_INDEXES: dict[int, tuple[object, object]] = {}  # id of a _TABLES connection -> (it, its PairIndex)
_INDEX_LOCK = threading.Lock()


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


def _pair_index(store: Store):
    """The in-memory index of the derived table the store's `_table` connection reads, built once
    per table file; None when no table is usable."""
    from kgraph.serve.pair_index import PairIndex

    con = _table(store)
    if con is None:
        return None
    with _INDEX_LOCK:
        if id(con) not in _INDEXES:
            cursor = con.cursor()  # one per call: a connection is not shared across threads
            try:
                _INDEXES[id(con)] = (con, PairIndex.from_table(cursor))
            finally:
                cursor.close()
        return _INDEXES[id(con)][1]


def _reunions_from_table(store: Store, iri: str, min_titles: int) -> list[dict] | None:
    """Reunions from the analytics table (never rebuilt here: the server writes nothing), by
    binary search in its in-memory index."""
    import duckdb

    try:
        index = _pair_index(store)
    except duckdb.Error:
        return None
    if index is None:
        return None
    shared: dict[str, dict] = {}
    for person, name, title, title_name in index.reunions(iri, int(min_titles)):
        entry = shared.setdefault(person, {"person": person, "name": name, "titles": {}})
        entry["titles"][title] = (title_name, None)
    return sorted(shared.values(), key=lambda e: (-len(e["titles"]), e["name"]))
