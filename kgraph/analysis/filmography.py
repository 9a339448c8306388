"""A person's filmography from the derived DuckDB table beside an on-disk store: the rows of
queries/filmography.rq, exactly, without reading the person's credits through SPARQL.

The table keeps, per named graph, every credit the graph holds whole (credit, person, title)
and six kinds of facts about any subject, wherever they are (cast type, job, character, name,
year, job label), so the union of graphs is joined here as the query joins it: a title's names
and years from any graph, a credit's type, jobs and characters from any graph, labels and
character names from any graph. From those rows `reunions._update` keeps one row per person
(`filmographies`: the person's answer rows, and whether every value in them is a plain one)
for the people a changed graph can touch. Values the table cannot order as SPARQL does (a title
that is not an IRI, a name that is not a plain string, a year that is not a canonical
xsd:integer) mark the person's row, and such a person is answered through SPARQL.
"""
from __future__ import annotations

import json
from typing import Callable

import duckdb
import pandas as pd
from rdflib import RDF, URIRef

from kgraph.store.base import Store

KG = "https://w3id.org/kgraph/ontology#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
GRAPH_CREDITS = f"""SELECT ?g ?credit ?person ?title (isIRI(?title) AS ?title_iri) WHERE {{
  GRAPH ?g {{ ?credit <{KG}title> ?title ; <{KG}person> ?person }}
}}"""
# One read per kind of fact (the predicate, and for the cast type the object, are bound).
GRAPH_FACTS = """SELECT ?g ?s ?o (DATATYPE(?o) AS ?dt) WHERE { GRAPH ?g { ?s ?p ?o } }"""
FACT_KINDS: dict[str, dict[str, URIRef]] = {
    "cast": {"p": RDF.type, "o": URIRef(KG + "CastCredit")},
    "job": {"p": URIRef(KG + "job")},
    "character": {"p": URIRef(KG + "character")},
    "name": {"p": URIRef("http://schema.org/name")},
    "year": {"p": URIRef(KG + "year")},
    "label": {"p": URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")},
}
COLUMNS = ["title", "title_name", "year", "role", "character_name"]
# ORDER BY ?year ?title_name ?role ?title ?character_name, as SPARQL orders these values:
# unbound first, integers by value, plain strings and IRIs by code point (DuckDB's binary order).
ORDER = "year NULLS FIRST, title_name, role, title, character_name NULLS FIRST"
SCHEMA = [
    "CREATE TABLE graph_credits (graph VARCHAR, credit VARCHAR, person VARCHAR, title VARCHAR, title_iri BOOLEAN)",
    "CREATE TABLE graph_facts (graph VARCHAR, kind VARCHAR, subject VARCHAR, object VARCHAR, plain BOOLEAN)",
    # answer: the rows in order, as JSON {column: [values]} (one text value is read quicker than a list column)
    "CREATE TABLE filmographies (person VARCHAR, plain BOOLEAN, answer VARCHAR)",
    "CREATE INDEX filmographies_person ON filmographies (person)",
]
TextRows = Callable[..., list[tuple]]


def graph_rows(store: Store, text_rows: TextRows, bindings: dict[str, URIRef] | None) -> dict[str, pd.DataFrame]:
    """The credits and facts of one graph (`bindings` {"g": graph}) or of every graph (None)."""
    credits = text_rows(store, GRAPH_CREDITS, bindings, order="?g ?credit ?person ?title")
    frames = {"credits": pd.DataFrame(credits, columns=["graph", "credit", "person", "title", "title_iri"],
                                      dtype="string")}
    facts = []
    for kind, pattern in FACT_KINDS.items():  # kind by kind: a bulk read holds one kind's rows at a time
        rows = text_rows(store, GRAPH_FACTS, {**(bindings or {}), **pattern}, order="?g ?s ?o")
        frame = pd.DataFrame(rows, columns=["graph", "subject", "object", "dt"], dtype="string")
        facts.append(frame.assign(kind=pd.Series(kind, index=frame.index, dtype="string")))
    frames["facts"] = pd.concat(facts, ignore_index=True)
    return frames


def insert_graph_rows(con: duckdb.DuckDBPyConnection, credits: str, facts: str) -> None:
    """Insert the registered credit and fact frames into the per-graph tables. A job or character
    that is a literal is dropped (a literal is never a subject, so the query finds nothing of it)."""
    con.execute(f"INSERT INTO graph_credits SELECT graph, credit, person, title, title_iri = 'true' FROM {credits}")
    con.execute(f"""INSERT INTO graph_facts SELECT graph, kind, subject, object, CASE kind
          WHEN 'name' THEN coalesce(dt = ?, false)
          WHEN 'year' THEN coalesce(dt = ? AND CAST(TRY_CAST(object AS BIGINT) AS VARCHAR) = object, false)
          WHEN 'label' THEN dt IS NOT NULL
          ELSE true END
        FROM {facts} WHERE kind NOT IN ('job', 'character') OR dt IS NULL""", [XSD_STRING, XSD_INTEGER])


# The people whose answer a change can alter, from the facts of the changed graphs (before and
# after, in `touched_facts`) and their credits (in `touched_people` already).
TOUCHED_PEOPLE = """
INSERT INTO touched_people
SELECT c.person FROM graph_credits c JOIN touched_facts t ON t.subject = c.credit
  WHERE t.kind IN ('cast', 'job', 'character')
UNION SELECT c.person FROM graph_credits c JOIN touched_facts t ON t.subject = c.title WHERE t.kind IN ('name', 'year')
UNION SELECT c.person FROM graph_credits c JOIN graph_facts f ON f.subject = c.credit AND f.kind = 'character'
  JOIN touched_facts t ON t.subject = f.object AND t.kind = 'name'
UNION SELECT c.person FROM graph_credits c JOIN graph_facts f ON f.subject = c.credit AND f.kind = 'job'
  JOIN touched_facts t ON t.subject = f.object AND t.kind = 'label'
"""

# filmography.rq over the union of graphs, for the people in `who`: a credit matched inside one
# graph; its title's names (required) and years (optional) from any graph; its role "actor" when
# any graph types it a cast credit, else each label of each of its jobs, else "credited"; each
# name of each of its characters (optional); distinct rows.
FILM_ROWS = """
WITH c AS (SELECT DISTINCT person, credit, title, title_iri FROM graph_credits WHERE person IN (SELECT person FROM who)),
credit_ids AS (SELECT DISTINCT credit FROM c),
title_ids AS (SELECT DISTINCT title FROM c),
names AS (SELECT DISTINCT f.subject AS title, f.object AS name, f.plain FROM graph_facts f
          JOIN title_ids t ON t.title = f.subject WHERE f.kind = 'name'),
years AS (SELECT DISTINCT f.subject AS title, TRY_CAST(f.object AS BIGINT) AS year, f.plain FROM graph_facts f
          JOIN title_ids t ON t.title = f.subject WHERE f.kind = 'year'),
links AS (SELECT DISTINCT f.kind, f.subject AS credit, f.object FROM graph_facts f
          JOIN credit_ids k ON k.credit = f.subject WHERE f.kind IN ('cast', 'job', 'character')),
cast_credits AS (SELECT DISTINCT credit FROM links WHERE kind = 'cast'),
labels AS (SELECT DISTINCT l.credit, f.object AS label, f.plain FROM links l
           JOIN graph_facts f ON f.subject = l.object AND f.kind = 'label' WHERE l.kind = 'job'),
characters AS (SELECT DISTINCT l.credit, f.object AS name, f.plain FROM links l
               JOIN graph_facts f ON f.subject = l.object AND f.kind = 'name' WHERE l.kind = 'character'),
roles AS (
  SELECT credit, 'actor' AS role, true AS plain FROM cast_credits
  UNION ALL SELECT l.credit, l.label, l.plain FROM labels l ANTI JOIN cast_credits k ON k.credit = l.credit
  UNION ALL SELECT k.credit, 'credited', true FROM credit_ids k
    ANTI JOIN cast_credits a ON a.credit = k.credit ANTI JOIN labels l ON l.credit = k.credit
),
answer AS (
  SELECT DISTINCT c.person, c.title, n.name AS title_name, y.year, r.role, ch.name AS character_name,
         c.title_iri AND n.plain AND coalesce(y.plain, true) AND r.plain AND coalesce(ch.plain, true) AS plain
  FROM c JOIN names n ON n.title = c.title LEFT JOIN years y ON y.title = c.title
  JOIN roles r ON r.credit = c.credit LEFT JOIN characters ch ON ch.credit = c.credit
)
SELECT person, bool_and(plain), to_json({{{columns}}})::VARCHAR FROM answer GROUP BY person
""".format(columns=", ".join(f"'{c}': list({c} ORDER BY {ORDER})" for c in COLUMNS))


def update_filmographies(con: duckdb.DuckDBPyConnection, everyone: bool) -> None:
    """Recompute the `filmographies` rows of the people in the temp table `touched_people`
    (of every person when `everyone`), inside the caller's transaction."""
    if everyone:
        con.execute("CREATE OR REPLACE TEMP TABLE who AS SELECT DISTINCT person FROM graph_credits")
        con.execute("DELETE FROM filmographies")
    else:
        con.execute("CREATE OR REPLACE TEMP TABLE who AS SELECT DISTINCT person FROM touched_people")
        con.execute("DELETE FROM filmographies WHERE person IN (SELECT person FROM who)")
    con.execute("INSERT INTO filmographies " + FILM_ROWS)


def from_table(con: duckdb.DuckDBPyConnection, person: str) -> pd.DataFrame | None:
    """The person's filmography rows as `to_frame` gives filmography.rq's (before `_specific`);
    None when a value in them is one the table does not order as SPARQL does."""
    row = con.execute("SELECT plain, answer FROM filmographies WHERE person = ?", [person]).fetchone()
    if row is not None and not row[0]:
        return None
    values: dict[str, list] = json.loads(row[1]) if row is not None else {c: [] for c in COLUMNS}
    frame = pd.DataFrame({column: pd.Series(values[column], dtype="string") for column in COLUMNS})
    if any(year is not None for year in values["year"]):  # to_frame: integers are Int64, a column of no value text
        frame["year"] = pd.Series(values["year"], dtype="Int64")
    return frame


def filmography(store: Store, person: str) -> pd.DataFrame | None:
    """`person`'s filmography from the derived table (refreshed first when stale, as for
    reunions); None when the store keeps no table (no folder: in memory, a server) or the rows
    hold a value only SPARQL orders."""
    from kgraph.analysis import reunions

    if reunions._table_path(store) is None:
        return None
    with reunions._connection(store) as con:
        return from_table(con, person)
