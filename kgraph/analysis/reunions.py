"""Reunions (pairs of people credited together on several titles), computed from the
(person, title) table with DuckDB, and kept as a derived table beside an on-disk store.

The derived table keeps its rows per named graph, (graph, credit, person, title), (graph,
iri, name) and the facts filmographies join (kgraph.analysis.filmography), with the
build-manifest fingerprint each graph had when its rows were read. A refresh compares the
manifest with what the table recorded and rereads only the graphs that were added or
changed, drops the rows of graphs that are gone, and updates the (person, title), name and
filmography tables for the rows those graphs touched, on a copy of the file that then
replaces it; so one new review costs one review's rows (and a file copy), not the whole
store. Its answers are always SPARQL's (tests hold them together). Graphs the manifest does
not list (a store loaded by other means) are read on the first refresh and again on
`refresh(store, full=True)`.
"""
from __future__ import annotations

import shutil
import threading
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd
from rdflib import URIRef

from kgraph.analysis import filmography as film
from kgraph.frames import to_frame
from kgraph.ontology import BUILD_GRAPH, ONTOLOGY_GRAPH
from kgraph.queries import load_query
from kgraph.store.base import Store

# The build manifest, and the ontology graph's own fingerprint (job labels live there; the
# graph's IRI, ONTOLOGY_GRAPH, is written out: a bound one is not pushed into the UNION).
MANIFEST = """
  { GRAPH ?build { ?g <https://w3id.org/kgraph/ontology#fingerprint> ?f } }
  UNION { GRAPH <https://w3id.org/kgraph/graph/ontology> {
            <https://w3id.org/kgraph/graph/ontology> <https://w3id.org/kgraph/ontology#fingerprint> ?f }
          BIND(<https://w3id.org/kgraph/graph/ontology> AS ?g) }
"""
MANIFEST_QUERY = "SELECT ?g ?f WHERE {" + MANIFEST + "}"
# One short row however large the manifest: the store hashes it (in its own order, which only
# decides whether an unneeded refresh runs, and that refresh then finds nothing to do).
TOKEN_QUERY = """SELECT (SHA256(GROUP_CONCAT(CONCAT(STR(?g), " ", STR(?f)); separator="\\n")) AS ?token) WHERE {""" + MANIFEST + "}"
assert f"<{ONTOLOGY_GRAPH}>" in MANIFEST
GRAPH_NAMES = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?g ?iri ?name WHERE { GRAPH ?g { { ?iri a kg:Person } UNION { ?iri a kg:Title } ?iri schema:name ?name } }"""
UNTRACKED = ""  # the fingerprint recorded for a graph the build manifest does not list
LAYOUT = "per-graph/2"  # the table's layout (2: credits, facts and filmographies per graph); another is rebuilt
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


_TOKENS: "weakref.WeakKeyDictionary[object, tuple[int, str]]" = weakref.WeakKeyDictionary()


def _known_token(store: Store) -> str:
    """`store_token`, remembered while the store reports no write since (its `generation`: an
    on-disk Oxigraph store counts its own writes, no other process can write to it while it is
    open for writing, and one opened read-only is a snapshot). The token reads the whole
    manifest (about 0.15 s at 20,000 graphs); a point question should not."""
    generation = getattr(store, "generation", None)
    if generation is None:
        return store_token(store)
    known = _TOKENS.get(store)
    if known is not None and known[0] == generation:
        return known[1]
    token = store_token(store)
    _TOKENS[store] = (generation, token)
    return token


def _table_path(store: Store) -> Path | None:
    path = getattr(store, "path", None)
    return Path(f"{path}.analytics.duckdb") if path else None


def credit_pairs(store: Store) -> pd.DataFrame:
    """(person, title) pairs of every credit, from SPARQL, paged (no server cap can cut them)."""
    return to_frame(store.select_all(load_query("pairs").text, order="?person ?title"))


def display_names(store: Store) -> pd.DataFrame:
    """(iri, name) of every person and title, from SPARQL, paged."""
    return to_frame(store.select_all(load_query("names").text, order="?iri ?name"))


ROW_COLUMNS = {"credits": ["graph", "credit", "person", "title", "title_iri"],
               "facts": ["graph", "subject", "object", "dt", "kind"], "names": ["graph", "iri", "name"]}


def _graph_rows(store: Store, graphs: list[str] | None) -> dict[str, pd.DataFrame]:
    """The credits (graph, credit, person, title), facts (see kgraph.analysis.filmography) and
    (graph, iri, name) rows of `graphs` (None: of every graph)."""
    parts: dict[str, list[pd.DataFrame]] = {key: [pd.DataFrame(columns=columns, dtype="string")]
                                            for key, columns in ROW_COLUMNS.items()}
    targets: list[dict[str, URIRef] | None] = [None] if graphs is None else [{"g": URIRef(g)} for g in graphs]
    for bindings in targets:  # every graph (None) is one bulk read per query, paged where the store pages
        for key, frame in film.graph_rows(store, _text_rows, bindings).items():
            parts[key].append(frame)
        names = _text_rows(store, GRAPH_NAMES, bindings, order="?g ?iri ?name")
        parts["names"].append(pd.DataFrame(names, columns=ROW_COLUMNS["names"], dtype="string"))
    return {key: pd.concat(frames, ignore_index=True)[ROW_COLUMNS[key]] for key, frames in parts.items()}


SCHEMA = [
    "CREATE TABLE graphs (graph VARCHAR PRIMARY KEY, fingerprint VARCHAR)",
    "CREATE TABLE graph_names (graph VARCHAR, iri VARCHAR, name VARCHAR)",
    "CREATE TABLE pairs (person VARCHAR, title VARCHAR)",
    "CREATE TABLE names (iri VARCHAR, name VARCHAR)",
    "CREATE TABLE meta (token VARCHAR, layout VARCHAR)",
    *film.SCHEMA,  # graph_credits (the (person, title) pairs' source too), graph_facts, filmographies
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
        rows = _graph_rows(store, None)
        seen = set().union(*(set(frame["graph"]) for frame in rows.values()), fingerprints)
        dirty = sorted(seen | set(recorded))
        graphs = [(g, fingerprints.get(g, UNTRACKED)) for g in sorted(seen)]
    else:
        changed = sorted(g for g, f in fingerprints.items() if recorded.get(g) != f)
        gone = [g for g, f in recorded.items() if g not in fingerprints and f != UNTRACKED]
        if not changed and not gone:
            return
        many = len(changed) > max(64, REREAD_ALL * len(fingerprints))
        rows = _graph_rows(store, None if many else changed)
        if many:  # one query over every graph, then keep the changed ones
            rows = {key: frame[frame["graph"].isin(changed)] for key, frame in rows.items()}
        dirty = sorted({*changed, *gone})
        graphs = [(g, fingerprints[g]) for g in changed]
    rewrite = full or len(dirty) > max(64, REREAD_ALL * len(recorded))
    con.register("dirty_df", pd.DataFrame({"graph": pd.Series(dirty, dtype="string")}))
    con.register("graphs_df", pd.DataFrame(graphs, columns=["graph", "fingerprint"], dtype="string"))
    con.register("credits_df", rows["credits"])
    con.register("facts_df", rows["facts"])
    con.register("names_df", rows["names"])
    con.execute("BEGIN TRANSACTION")
    try:
        if not rewrite:  # the (person, title) pairs, names and facts the dirty graphs had or have now
            con.execute("CREATE OR REPLACE TEMP TABLE touched_pairs AS SELECT DISTINCT person, title FROM ("
                        "SELECT person, title FROM graph_credits WHERE graph IN (SELECT graph FROM dirty_df) "
                        "UNION ALL SELECT person, title FROM credits_df)")
            con.execute("CREATE OR REPLACE TEMP TABLE touched_names AS SELECT DISTINCT iri FROM ("
                        "SELECT iri FROM graph_names WHERE graph IN (SELECT graph FROM dirty_df) "
                        "UNION ALL SELECT iri FROM names_df)")
            con.execute("CREATE OR REPLACE TEMP TABLE touched_facts AS SELECT DISTINCT kind, subject FROM ("
                        "SELECT kind, subject FROM graph_facts WHERE graph IN (SELECT graph FROM dirty_df) "
                        "UNION ALL SELECT kind, subject FROM facts_df)")
            con.execute("CREATE OR REPLACE TEMP TABLE touched_people AS SELECT DISTINCT person FROM touched_pairs")
        for table in ("graph_credits", "graph_facts", "graph_names", "graphs"):
            con.execute(f"DELETE FROM {table} WHERE graph IN (SELECT graph FROM dirty_df)")
        film.insert_graph_rows(con, "credits_df", "facts_df")
        con.execute("INSERT INTO graph_names SELECT graph, iri, name FROM names_df")
        con.execute("INSERT INTO graphs SELECT graph, fingerprint FROM graphs_df")
        if rewrite:
            con.execute("DELETE FROM pairs")
            con.execute("INSERT INTO pairs SELECT DISTINCT person, title FROM graph_credits")
            con.execute("DELETE FROM names")
            con.execute("INSERT INTO names SELECT iri, min(name) FROM graph_names GROUP BY iri")
            film.update_filmographies(con, everyone=True)
        else:
            con.execute("DELETE FROM pairs USING touched_pairs t WHERE pairs.person = t.person AND pairs.title = t.title")
            con.execute("INSERT INTO pairs SELECT DISTINCT g.person, g.title FROM graph_credits g "
                        "JOIN touched_pairs t ON g.person = t.person AND g.title = t.title")
            con.execute("DELETE FROM names USING touched_names t WHERE names.iri = t.iri")
            con.execute("INSERT INTO names SELECT g.iri, min(g.name) FROM graph_names g "
                        "JOIN touched_names t ON g.iri = t.iri GROUP BY g.iri")
            con.execute(film.TOUCHED_PEOPLE)
            film.update_filmographies(con, everyone=False)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


_READER: duckdb.DuckDBPyConnection | None = None  # this process's in-memory DuckDB, where table files are attached
_READER_LOCK = threading.RLock()


@contextmanager
def _attached(target: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the table file: attached to this process's in-memory DuckDB
    (a few ms, where opening a database costs tens) and detached after, so nothing holds the
    file between questions (a file open read-only elsewhere in the process, as `kgraph serve`
    holds it, can be attached beside it)."""
    global _READER
    with _READER_LOCK:
        if _READER is None:
            _READER = duckdb.connect()
        con = _READER.cursor()
        try:
            con.execute("ATTACH ? AS analytics (READ_ONLY)", [str(target)])
            con.execute("USE analytics")
            yield con
        finally:
            con.execute("USE memory")
            con.execute("DETACH DATABASE IF EXISTS analytics")
            con.close()


def _current(con: duckdb.DuckDBPyConnection, token: str) -> bool:
    try:
        return con.execute("SELECT token, layout FROM meta").fetchone() == (token, LAYOUT)
    except duckdb.Error:
        return False


@contextmanager
def _connection(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    """The derived tables, current with the store: the file beside an on-disk store (refreshed
    first when its token is not the store's), read-only; for other stores, pairs and names
    computed in memory."""
    target = _table_path(store)
    if target is not None:
        token = _known_token(store)
        if target.exists():
            with _attached(target) as con:
                if _current(con, token):
                    yield con
                    return
        refresh(store, token)
        with _attached(target) as con:
            yield con
        return
    con = duckdb.connect()
    try:
        con.register("pairs_df", credit_pairs(store))  # a store without a folder: computed in memory
        con.register("names_df", display_names(store))
        con.execute("CREATE TABLE pairs AS SELECT DISTINCT person, title FROM pairs_df")
        con.execute("CREATE TABLE names AS SELECT iri, min(name) AS name FROM names_df GROUP BY iri")
        yield con
    finally:
        con.close()


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
    with _connection(store) as con:
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
    frame["titles"] = frame["titles"].astype("Int64")
    for column in ("a", "a_name", "b", "b_name", *(["title_names"] if with_titles else [])):
        frame[column] = frame[column].astype("string")
    return frame.reset_index(drop=True)
