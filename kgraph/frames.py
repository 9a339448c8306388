"""Query results as pandas DataFrames with proper dtypes.

Integers become nullable Int64, decimals Float64, dates and date-times datetime64, booleans
the nullable boolean dtype; IRIs and text become the string dtype. A column whose values
mix kinds stays as strings.
"""
from __future__ import annotations

import pandas as pd
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kgraph.store.base import Rows

INTEGERS = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.gYear}
DECIMALS = {XSD.decimal, XSD.double, XSD.float}
DATES = {XSD.date, XSD.dateTime}


def _kind(term: object) -> str:
    if isinstance(term, URIRef):
        return "iri"
    if isinstance(term, Literal):
        if term.datatype in INTEGERS:
            return "int"
        if term.datatype in DECIMALS:
            return "float"
        if term.datatype in DATES:
            return "date"
        if term.datatype == XSD.boolean:
            return "bool"
    return "str"


def to_frame(rows: Rows) -> pd.DataFrame:
    """A DataFrame with one column per variable, typed by the RDF datatypes of its values."""
    columns: dict[str, pd.Series] = {}
    for index, name in enumerate(rows.variables):
        values = [row[index] for row in rows.rows]
        kinds = {_kind(v) for v in values if v is not None}
        kind = kinds.pop() if len(kinds) == 1 else "str"
        if kind == "int":
            series = pd.Series([None if v is None else int(str(v)[:4]) if v.datatype == XSD.gYear else int(v)
                                for v in values], dtype="Int64")
        elif kind == "float":
            series = pd.Series([None if v is None else float(v) for v in values], dtype="Float64")
        elif kind == "date":
            series = pd.to_datetime(pd.Series([None if v is None else str(v) for v in values], dtype="object"),
                                    errors="coerce", utc=False, format="ISO8601")
        elif kind == "bool":
            series = pd.Series([None if v is None else bool(v.toPython()) for v in values], dtype="boolean")
        else:
            series = pd.Series([None if v is None else str(v) for v in values], dtype="string")
        columns[name] = series
    return pd.DataFrame(columns, columns=rows.variables)
