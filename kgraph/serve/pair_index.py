"""The derived (person, title) table held in memory as two sorted code arrays, so a person's
reunions are point lookups (binary searches), not a scan of the whole table per page.

Built once per table file a server opens (about a second and a few tens of MiB at 200,000
titles); the answers are those of the self-join over the same table.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


class PairIndex:
    """(person, title) pairs sorted both ways, with the display names of people and titles."""

    def __init__(self, pairs: pd.DataFrame, names: pd.DataFrame) -> None:
        person_codes, self.people = pd.factorize(pairs["person"])
        title_codes, self.titles = pd.factorize(pairs["title"])
        by_person = np.argsort(person_codes, kind="stable")
        self._person_sorted, self._titles_of = person_codes[by_person], title_codes[by_person]
        by_title = np.argsort(title_codes, kind="stable")
        self._title_sorted, self._people_on = title_codes[by_title], person_codes[by_title]
        self.names = dict(zip(names["iri"], names["name"]))

    @classmethod
    def from_table(cls, con) -> "PairIndex":
        """Read the `pairs` and `names` tables of a DuckDB connection (or cursor)."""
        return cls(con.execute("SELECT person, title FROM pairs").df(),
                   con.execute("SELECT iri, name FROM names").df())

    def _range(self, sorted_codes: np.ndarray, code: int) -> slice:
        return slice(int(np.searchsorted(sorted_codes, code, "left")), int(np.searchsorted(sorted_codes, code, "right")))

    def reunions(self, person: str, min_titles: int) -> list[tuple[str, str, str, str]]:
        """(person, name, title, title name) for everyone credited with `person` on at least
        `min_titles` titles, one row per shared title; names fall back to the IRI."""
        code = self.people.get_indexer([person])[0]
        if code < 0:
            return []
        titles = self._titles_of[self._range(self._person_sorted, code)]
        starts = np.searchsorted(self._title_sorted, titles, "left")
        ends = np.searchsorted(self._title_sorted, titles, "right")
        at = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)] or [np.arange(0)])
        others, shared = self._people_on[at], self._title_sorted[at]
        others, shared = others[others != code], shared[others != code]
        people, counts = np.unique(others, return_counts=True)  # pairs are distinct: counts are titles
        kept = np.isin(others, people[counts >= min_titles])
        rows = []
        for other, title in zip(others[kept], shared[kept]):
            iri, title_iri = str(self.people[other]), str(self.titles[title])
            rows.append((iri, self.names.get(iri, iri), title_iri, self.names.get(title_iri, title_iri)))
        return rows
