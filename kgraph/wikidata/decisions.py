"""The user's Wikidata decisions (`data/wikidata-decisions.csv`, beside the alias table).

    kind,id,wikidata,decision,note
    person,kim-ji-hun,http://www.wikidata.org/entity/Q...,accept,"Helsinki in Money Heist: Korea"
    title,ballerina-2023,http://www.wikidata.org/entity/Q...,refuse,"the 2025 film"

`accept` forces the link whatever the evidence; `refuse` means that item is never linked to
that entity (and is not offered again). `wikidata` is the item's IRI or a bare Q-id. The file
lives with the data, not the store, so rebuilding the store keeps every decision.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import KGraphError
from kgraph.ontology import RESOURCE_IRI

COLUMNS = ("kind", "id", "wikidata", "decision", "note")
ENTITY = "http://www.wikidata.org/entity/"


class DecisionsError(KGraphError):
    """The decisions file has a bad row."""

    def __init__(self, path: object, line: int, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{path}, line {line}: {reason}")


@dataclass(frozen=True)
class Decision:
    kind: str
    id: str
    item: str
    accept: bool
    note: str = ""

    @property
    def iri(self) -> str:
        return f"{RESOURCE_IRI}{self.kind}/{self.id}"


@dataclass
class Decisions:
    rows: list[Decision]
    path: str = "<none>"

    def accepted(self, iri: str) -> list[str]:
        return [d.item for d in self.rows if d.iri == iri and d.accept]

    def refused(self, iri: str, item: str) -> bool:
        return any(d.iri == iri and d.item == item and not d.accept for d in self.rows)

    @classmethod
    def load(cls, path: Path | str | None) -> "Decisions":
        """Read the CSV; a missing file is no decisions, a bad row raises DecisionsError."""
        if path is None or not Path(path).exists():
            return cls([], str(path))
        path = Path(path)
        rows: list[Decision] = []
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS[:4] if c not in (reader.fieldnames or [])]
            if missing:
                raise DecisionsError(path, 1, f"missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
            seen: dict[tuple[str, str, str], int] = {}
            for line, row in enumerate(reader, start=2):
                kind = (row.get("kind") or "").strip()
                ident = (row.get("id") or "").strip()
                item = _item((row.get("wikidata") or "").strip())
                decision = (row.get("decision") or "").strip().lower()
                if kind not in ("title", "person"):
                    raise DecisionsError(path, line, f"kind: expected title or person, got {kind!r}")
                if not re.fullmatch(r"[\w\-]+", ident):
                    raise DecisionsError(path, line, f"id: expected a kgraph id such as kim-ji-hoon, got {ident!r}")
                if item is None:
                    raise DecisionsError(path, line, "wikidata: expected a Wikidata item IRI or a Q-id such as "
                                                     f"Q123, got {row.get('wikidata')!r}")
                if decision not in ("accept", "refuse"):
                    raise DecisionsError(path, line, f"decision: expected accept or refuse, got {decision!r}")
                key = (kind, ident, item)
                if key in seen:
                    raise DecisionsError(path, line, f"the same decision was already made on line {seen[key]}")
                seen[key] = line
                rows.append(Decision(kind, ident, item, decision == "accept", (row.get("note") or "").strip()))
        return cls(rows, str(path))


def _item(text: str) -> str | None:
    """The item's IRI: a bare Q-id and Wikidata's page or entity URLs become wd:Q..., other IRIs stay."""
    wikidata = re.fullmatch(r"(?:https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/)?(Q[1-9]\d*)", text)
    if wikidata:
        return ENTITY + wikidata.group(1)
    if re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+/Q[1-9]\d*", text):
        return text
    return None
