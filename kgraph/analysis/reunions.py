"""Reunions (pairs of people credited together on several titles), computed from the
(person, title) table with DuckDB, and kept as a derived table beside an on-disk store.

The derived table keeps its rows per named graph, (graph, person, title) and (graph, iri,
name), with the build-manifest fingerprint each graph had when its rows were read. A
refresh compares the manifest with what the table recorded and rereads only the graphs that
were added or changed, drops the rows of graphs that are gone, and updates the (person,
title) and name tables for the rows those graphs touched, on a copy of the file that then
replaces it; so one new review costs one review's rows (and a file copy), not the whole
store. Its answers are always SPARQL's (tests hold them together). Graphs the manifest does
not list (a store loaded by other means) are read on the first refresh and again on
`refresh(store, full=True)`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
from rdflib import URIRef

from kgraph.frames import to_frame
from kgraph.ontology import BUILD_GRAPH
from kgraph.queries import load_query
from kgraph.store.base import Store

MANIFEST_QUERY = """SELECT ?g ?f WHERE { GRAPH ?build { ?g <https://w3id.org/kgraph/ontology#fingerprint> ?f } }"""
# One short row however large the manifest: the store hashes it (in its own order, which only
# decides whether an unneeded refresh runs, and that refresh then finds nothing to do).
TOKEN_QUERY = """SELECT (SHA256(GROUP_CONCAT(CONCAT(STR(?g), " ", STR(?f)); separator="\\n")) AS ?token) WHERE {
  GRAPH ?build { ?g <https://w3id.org/kgraph/ontology#fingerprint> ?f }
}"""
GRAPH_PAIRS = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT DISTINCT ?g ?person ?title WHERE { GRAPH ?g { ?credit kg:title ?title ; kg:person ?person } }"""
GRAPH_NAMES = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?g ?iri ?name WHERE { GRAPH ?g { { ?iri a kg:Person } UNION { ?iri a kg:Title } ?iri schema:name ?name } }"""
UNTRACKED = ""  # the fingerprint recorded for a graph the build manifest does not list
LAYOUT = "per-graph/1"  # the table's layout; a file of another layout is rebuilt
REREAD_ALL = 0.05  # beyond this share of changed graphs (and 64 graphs), read every graph in one query


def _text_rows(store: Store, query: str, bindings: dict[str, URIRef] | None = None,
               order: str = "") -> list[tuple[str, ...]]:
    """Every row of a SELECT as strings: the embedded store's quick path, else paged SPARQL."""
    select_text = getattr(store, "select_text", None)
    if select_text is not None:
        return select_text(query, bindings)
    return [tuple(str(value) for value in row) for row in store.select_all(query, bindings, order=order).rows]


def _fingerprints(store: Store) -> dict[str, str]:
    """The build manifest: graph IRI -> fingerprint of the source it was built from."""
    return dict(_text_rows(store, MANIFEST_QUERY, {"build": URIRef(BUILD_GRAPH)}, order="?g ?f"))


def store_token(store: Store) -> str:
    """A hash of the build manifest: changes whenever any source graph changes."""
    rows = store.select(TOKEN_QUERY, {"build": URIRef(BUILD_GRAPH)}).rows
    return str(rows[0][0]) if rows and rows[0][0] is not None else ""


def _table_path(store: Store) -> Path | None:
    path = getattr(store, "path", None)
    return Path(f"{path}.analytics.duckdb") if path else None


def credit_pairs(store: Store) -> pd.DataFrame:
    """(person, title) pairs of every credit, from SPARQL, paged (no server cap can cut them)."""
    return to_frame(store.select_all(load_query("pairs").text, order="?person ?title"))


def display_names(store: Store) -> pd.DataFrame:
    """(iri, name) of every person and title, from SPARQL, paged."""
    return to_frame(store.select_all(load_query("names").text, order="?iri ?name"))


def _graph_rows(store: Store, graphs: list[str] | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(graph, person, title) and (graph, iri, name) rows of `graphs` (None: of every graph)."""
    pair_rows: list[tuple[str, str, str]] = []
    name_rows: list[tuple[str, str, str]] = []
    targets: list[dict[str, URIRef] | None] = [None] if graphs is None else [{"g": URIRef(g)} for g in graphs]
    for bindings in targets:  # every graph (None) is one bulk read, paged where the store pages
        pair_rows += _text_rows(store, GRAPH_PAIRS, bindings, order="?g ?person ?title")
        name_rows += _text_rows(store, GRAPH_NAMES, bindings, order="?g ?iri ?name")
    return (pd.DataFrame(pair_rows, columns=["graph", "person", "title"], dtype="string"),
            pd.DataFrame(name_rows, columns=["graph", "iri", "name"], dtype="string"))


SCHEMA = [
    "CREATE TABLE graphs (graph VARCHAR PRIMARY KEY, fingerprint VARCHAR)",
    "CREATE TABLE graph_pairs (graph VARCHAR, person VARCHAR, title VARCHAR)",
    "CREATE TABLE graph_names (graph VARCHAR, iri VARCHAR, name VARCHAR)",
    "CREATE TABLE pairs (person VARCHAR, title VARCHAR)",
    "CREATE TABLE names (iri VARCHAR, name VARCHAR)",
    "CREATE TABLE meta (token VARCHAR, layout VARCHAR)",
]


def _open_table(target: Path) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """The table file opened for writing, created (or rebuilt from an older layout) when needed;
    returns (connection, whether it is new)."""
    if target.exists():
        con = duckdb.connect(str(target))
        try:
            layout = con.execute("SELECT layout FROM meta").fetchone()
            if layout is not None and layout[0] == LAYOUT:
                return con, False
        except duckdb.Error:
            pass
        con.close()
        target.unlink()
        Path(f"{target}.wal").unlink(missing_ok=True)
    con = duckdb.connect(str(target))
    for statement in SCHEMA:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('', ?)", [LAYOUT])
    return con, True


def refresh(store: Store, token: str | None = None, full: bool = False) -> Path | None:
    """Bring the derived tables beside an on-disk store up to date with its build manifest,
    rereading only added and changed graphs (every graph when `full`); None for other stores."""
    target = _table_path(store)
    if target is None:
        return None
    fingerprints = _fingerprints(store)
    # Update a copy and move it over the table in one step: a reader (`kgraph serve`) keeps the
    # file it opened, and a refresh that fails leaves the table as it was.
    work = target.with_suffix(".tmp")
    work.unlink(missing_ok=True)
    if target.exists():
        shutil.copyfile(target, work)
    try:
        con, new = _open_table(work)
        try:
            _limits(con)
            _update(con, store, fingerprints, full or new)
            con.execute("UPDATE meta SET token = ?", [token or store_token(store)])
            con.execute("CHECKPOINT")
        finally:
            con.close()
        work.replace(target)
    finally:
        work.unlink(missing_ok=True)
        Path(f"{work}.wal").unlink(missing_ok=True)
    return target


def _update(con: duckdb.DuckDBPyConnection, store: Store, fingerprints: dict[str, str], full: bool) -> None:
    """Replace the rows of added and changed graphs and drop those of removed ones, in one
    transaction; with `full`, reread every graph."""
    recorded = dict(con.execute("SELECT graph, fingerprint FROM graphs").fetchall())
    if full:
        pairs, names = _graph_rows(store, None)
        seen = set(pairs["graph"]) | set(names["graph"]) | set(fingerprints)
        dirty = sorted(seen | set(recorded))
        graphs = [(g, fingerprints.get(g, UNTRACKED)) for g in sorted(seen)]
    else:
        changed = sorted(g for g, f in fingerprints.items() if recorded.get(g) != f)
        gone = [g for g, f in recorded.items() if g not in fingerprints and f != UNTRACKED]
        if not changed and not gone:
            return
        many = len(changed) > max(64, REREAD_ALL * len(fingerprints))
        pairs, names = _graph_rows(store, None if many else changed)
        if many:  # one query over every graph, then keep the changed ones
            pairs = pairs[pairs["graph"].isin(changed)]
            names = names[names["graph"].isin(changed)]
        dirty = sorted({*changed, *gone})
        graphs = [(g, fingerprints[g]) for g in changed]
    rewrite = full or len(dirty) > max(64, REREAD_ALL * len(recorded))
    con.register("dirty_df", pd.DataFrame({"graph": pd.Series(dirty, dtype="string")}))
    con.register("graphs_df", pd.DataFrame(graphs, columns=["graph", "fingerprint"], dtype="string"))
    con.register("pairs_df", pairs)
    con.register("names_df", names)
    con.execute("BEGIN TRANSACTION")
    try:
        if not rewrite:  # the (person, title) pairs and names the dirty graphs had or have now
            con.execute("CREATE OR REPLACE TEMP TABLE touched_pairs AS SELECT DISTINCT person, title FROM ("
                        "SELECT person, title FROM graph_pairs WHERE graph IN (SELECT graph FROM dirty_df) "
                        "UNION ALL SELECT person, title FROM pairs_df)")
            con.execute("CREATE OR REPLACE TEMP TABLE touched_names AS SELECT DISTINCT iri FROM ("
                        "SELECT iri FROM graph_names WHERE graph IN (SELECT graph FROM dirty_df) "
                        "UNION ALL SELECT iri FROM names_df)")
        for table in ("graph_pairs", "graph_names", "graphs"):
            con.execute(f"DELETE FROM {table} WHERE graph IN (SELECT graph FROM dirty_df)")
        con.execute("INSERT INTO graph_pairs SELECT graph, person, title FROM pairs_df")
        con.execute("INSERT INTO graph_names SELECT graph, iri, name FROM names_df")
        con.execute("INSERT INTO graphs SELECT graph, fingerprint FROM graphs_df")
        if rewrite:
            con.execute("DELETE FROM pairs")
            con.execute("INSERT INTO pairs SELECT DISTINCT person, title FROM graph_pairs")
            con.execute("DELETE FROM names")
            con.execute("INSERT INTO names SELECT iri, min(name) FROM graph_names GROUP BY iri")
        else:
            con.execute("DELETE FROM pairs USING touched_pairs t WHERE pairs.person = t.person AND pairs.title = t.title")
            con.execute("INSERT INTO pairs SELECT DISTINCT g.person, g.title FROM graph_pairs g "
                        "JOIN touched_pairs t ON g.person = t.person AND g.title = t.title")
            con.execute("DELETE FROM names USING touched_names t WHERE names.iri = t.iri")
            con.execute("INSERT INTO names SELECT g.iri, min(g.name) FROM graph_names g "
                        "JOIN touched_names t ON g.iri = t.iri GROUP BY g.iri")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _connection(store: Store) -> duckdb.DuckDBPyConnection:
    target = _table_path(store)
    if target is not None:
        token = store_token(store)
        if target.exists():
            con = duckdb.connect(str(target), read_only=True)
            try:
                current = con.execute("SELECT token, layout FROM meta").fetchone() == (token, LAYOUT)
            except duckdb.Error:
                current = False
            if current:
                return con
            con.close()
        refresh(store, token)
        return duckdb.connect(str(target), read_only=True)
    con = duckdb.connect()
    con.register("pairs_df", credit_pairs(store))  # a store without a folder: computed in memory
    con.register("names_df", display_names(store))
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
