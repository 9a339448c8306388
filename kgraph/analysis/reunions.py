"""Reunions (pairs of people credited together on several titles), computed from the
(person, title) table with DuckDB, and kept as a derived table beside an on-disk store.

The derived table is rebuilt whenever the store's build manifest changes, so its answers
are always SPARQL's (a test holds them together); `refresh` rebuilds it on demand for a
store loaded by other means.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pandas as pd
from rdflib import URIRef

from kgraph.frames import to_frame
from kgraph.ontology import BUILD_GRAPH
from kgraph.queries import run_query
from kgraph.store.base import Store

TOKEN_QUERY = """SELECT ?g ?f WHERE { GRAPH ?build { ?g <https://w3id.org/kgraph/ontology#fingerprint> ?f } }"""


def store_token(store: Store) -> str:
    """A hash of the build manifest: changes whenever any source graph changes."""
    rows = store.select(TOKEN_QUERY, {"build": URIRef(BUILD_GRAPH)})
    return hashlib.sha256(repr(sorted((str(g), str(f)) for g, f in rows.rows)).encode()).hexdigest()


def _table_path(store: Store) -> Path | None:
    path = getattr(store, "path", None)
    return Path(f"{path}.analytics.duckdb") if path else None


def credit_pairs(store: Store) -> pd.DataFrame:
    """(person, title) pairs of every credit, from SPARQL."""
    return to_frame(run_query(store, "pairs"))


def refresh(store: Store, token: str | None = None) -> Path | None:
    """Write the derived (person, title) and name tables beside an on-disk store."""
    target = _table_path(store)
    if target is None:
        return None
    pairs = credit_pairs(store)
    names = to_frame(run_query(store, "names"))
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    with duckdb.connect(str(tmp)) as con:
        con.register("pairs_df", pairs)
        con.register("names_df", names)
        con.execute("CREATE TABLE pairs AS SELECT DISTINCT person, title FROM pairs_df")
        con.execute("CREATE TABLE names AS SELECT iri, min(name) AS name FROM names_df GROUP BY iri")
        con.execute("CREATE TABLE meta AS SELECT ? AS token", [token or store_token(store)])
    tmp.replace(target)
    return target


def _connection(store: Store) -> duckdb.DuckDBPyConnection:
    target = _table_path(store)
    if target is not None:
        token = store_token(store)
        if target.exists():
            con = duckdb.connect(str(target), read_only=True)
            if con.execute("SELECT token FROM meta").fetchone()[0] == token:
                return con
            con.close()
        refresh(store, token)
        return duckdb.connect(str(target), read_only=True)
    con = duckdb.connect()
    con.register("pairs_df", credit_pairs(store))
    con.register("names_df", to_frame(run_query(store, "names")))
    con.execute("CREATE TABLE pairs AS SELECT DISTINCT person, title FROM pairs_df")
    con.execute("CREATE TABLE names AS SELECT iri, min(name) AS name FROM names_df GROUP BY iri")
    return con


REUNIONS_SQL = """
WITH shared AS (
  SELECT a.person AS a, b.person AS b, count(*) AS titles
  FROM pairs a JOIN pairs b ON a.title = b.title AND a.person < b.person
  {person_filter}
  GROUP BY 1, 2 HAVING count(*) >= ?
){titled}
SELECT s.a, na.name AS a_name, s.b, nb.name AS b_name, s.titles{title_columns}
FROM shared s LEFT JOIN names na ON na.iri = s.a LEFT JOIN names nb ON nb.iri = s.b{title_join}
ORDER BY s.titles DESC, a_name, b_name
"""
# Titles are looked up only for the pairs that qualify, after the counting join.
TITLED = """,
titled AS (
  SELECT s.a, s.b, list(pa.title ORDER BY pa.title) AS title_iris,
         string_agg(coalesce(n.name, pa.title), ' | ' ORDER BY coalesce(n.name, pa.title)) AS title_names
  FROM shared s JOIN pairs pa ON pa.person = s.a JOIN pairs pb ON pb.person = s.b AND pb.title = pa.title
  LEFT JOIN names n ON n.iri = pa.title
  GROUP BY 1, 2
)"""


def _limits(con: duckdb.DuckDBPyConnection) -> None:
    """Keep DuckDB within a few GiB on a 2-core machine; it spills to disk beyond that."""
    con.execute("SET memory_limit = '4GB'")
    con.execute("SET preserve_insertion_order = false")


def reunions(store: Store, min_titles: int = 2, person: str | None = None, with_titles: bool = True) -> pd.DataFrame:
    """Pairs credited together on at least `min_titles` titles (optionally one person's):
    columns a, a_name, b, b_name, titles (Int64) and, with_titles, the shared titles' IRIs
    (title_iris) and names (title_names, sorted, joined by " | ")."""
    con = _connection(store)
    try:
        _limits(con)
        params: list[object] = []
        person_filter = ""
        if person:
            person_filter = "WHERE a.person = ? OR b.person = ?"
            params += [person, person]
        sql = REUNIONS_SQL.format(
            person_filter=person_filter, titled=TITLED if with_titles else "",
            title_columns=", t.title_iris, t.title_names" if with_titles else "",
            title_join=" JOIN titled t ON t.a = s.a AND t.b = s.b" if with_titles else "")
        frame = con.execute(sql, [*params, int(min_titles)]).df()
    finally:
        con.close()
    frame["titles"] = frame["titles"].astype("Int64")
    for column in ("a", "a_name", "b", "b_name", *(["title_names"] if with_titles else [])):
        frame[column] = frame[column].astype("string")
    return frame.reset_index(drop=True)
