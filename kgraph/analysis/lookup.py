"""Find a person or a title by name: any spelling, Hangul, or IRI; a clear error otherwise."""
from __future__ import annotations

import difflib

import pandas as pd
from rdflib import URIRef

from kgraph.errors import KGraphError
from kgraph.frames import to_frame
from kgraph.names import name_key
from kgraph.queries import run_query
from kgraph.store.base import Store


class NotFound(KGraphError):
    """A name matches nobody, or several people; the message lists the closest matches."""


def _names(store: Store, kind: str) -> pd.DataFrame:
    rows = run_query(store, "people" if kind == "person" else "titles")
    if not rows.rows:
        plural = "people" if kind == "person" else "titles"
        raise NotFound(f"the store {store.selector} holds no {plural}; `kgraph build` fills it from your reviews")
    if kind == "person":
        frame = to_frame(rows).rename(columns={"person": "iri"})
        extra = frame[["iri", "spelling"]].dropna().rename(columns={"spelling": "label"})
        ko = frame[["iri", "name_ko"]].dropna().rename(columns={"name_ko": "label"})
        base = frame[["iri", "name"]].rename(columns={"name": "label"})
        names = frame[["iri", "name"]].drop_duplicates("iri")
    else:
        frame = to_frame(rows).rename(columns={"title": "iri"})
        base = frame[["iri", "name"]].rename(columns={"name": "label"})
        ko = frame[["iri", "name_ko"]].dropna().rename(columns={"name_ko": "label"})
        extra = frame.iloc[0:0][["iri"]].assign(label=pd.Series(dtype="string"))
        names = frame[["iri", "name"]].drop_duplicates("iri")
    labels = pd.concat([base, extra, ko]).drop_duplicates()
    return labels.merge(names, on="iri")


# The name `_names` gives an IRI (people.rq and titles.rq are ordered by name; the first wins).
IRI_NAME = """SELECT ?name WHERE { ?iri a ?class ; <http://schema.org/name> ?name } ORDER BY ?name LIMIT 1"""
CLASSES = {"person": URIRef("https://w3id.org/kgraph/ontology#Person"),
           "title": URIRef("https://w3id.org/kgraph/ontology#Title")}


def _by_iri(store: Store, kind: str, iri: str) -> tuple[str, str] | None:
    """(IRI, display name) of the person or title `iri`, by one point query (not every name in
    the store); None when it is none, or not an IRI the store takes."""
    try:
        rows = store.select(IRI_NAME, {"iri": URIRef(iri), "class": CLASSES[kind]}).rows
    except KGraphError:
        return None
    return (iri, str(rows[0][0])) if rows else None


def find(store: Store, kind: str, text: str) -> tuple[str, str]:
    """(IRI, display name) of the one person or title `text` names; NotFound otherwise."""
    text = text.strip()
    if text.startswith(("http://", "https://")) and (hit := _by_iri(store, kind, text.strip("<>"))):
        return hit
    labels = _names(store, kind)
    if text.startswith(("http://", "https://")):
        hit = labels[labels["iri"] == text.strip("<>")]
        if len(hit):
            return str(hit.iloc[0]["iri"]), str(hit.iloc[0]["name"])
        raise NotFound(f"no {kind} has the IRI {text}")
    key = name_key(text)
    hits = labels[[name_key(str(label)) == key for label in labels["label"]]].drop_duplicates("iri")
    exact = hits[[name_key(str(name)) == key for name in hits["name"]]]
    if len(exact) == 1:  # a person's own name wins over another's listed spelling
        hits = exact
    if len(hits) == 1:
        return str(hits.iloc[0]["iri"]), str(hits.iloc[0]["name"])
    if len(hits) > 1:
        options = "; ".join(f"{r['name']} <{r['iri']}>" for _, r in hits.iterrows())
        plural = "people" if kind == "person" else "titles"
        raise NotFound(f"{text!r} names {len(hits)} {plural}: {options}; give the IRI to choose one")
    close = difflib.get_close_matches(text, sorted(set(map(str, labels["name"]))), n=5, cutoff=0.5)
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise NotFound(f"no {kind} is called {text!r}{hint}")
