"""Names to entities: the user's alias and disambiguation table, then spelling keys.

`data/aliases.csv` has one row per entity the user wants to pin down:

    kind,id,name,hangul,aliases,distinct_from,note

`aliases` are other spellings separated by "|"; `distinct_from` lists ids that must
never be merged with this one (two actors both written 김지훈). A name resolves to a
table entity when its key (see kgraph.names.name_key) matches the entity's name or one
of its aliases; a Hangul name shared by several entities is ambiguous and is never
merged on its own. Names the table does not know get an IRI minted from their key.
"""
from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import AliasTableError
from kgraph.names import display, name_key, romanised, slug
from kgraph.ontology import RESOURCE_IRI

log = logging.getLogger(__name__)

KINDS = ("person", "title")
COLUMNS = ("kind", "id", "name", "hangul", "aliases", "distinct_from", "note")


@dataclass(frozen=True)
class Entity:
    """One row of the alias table."""

    kind: str
    id: str
    name: str
    hangul: str | None = None
    aliases: tuple[str, ...] = ()
    distinct_from: tuple[str, ...] = ()
    note: str = ""

    @property
    def iri(self) -> str:
        return f"{RESOURCE_IRI}{self.kind}/{self.id}"


@dataclass(frozen=True)
class Ref:
    """A resolved name: the entity's IRI, its display name, and how the source spelled it."""

    iri: str
    name: str
    spelled: str
    hangul: str | None = None
    ambiguous: tuple[str, ...] = ()  # candidate IRIs when the name could not be decided


@dataclass
class AliasTable:
    """The alias and disambiguation table, indexed by name key and by Hangul."""

    entities: list[Entity] = field(default_factory=list)
    path: str = "<memory>"

    def __post_init__(self) -> None:
        self._by_key: dict[tuple[str, str], list[Entity]] = {}
        for entity in self.entities:
            self._index(entity)

    def _index(self, entity: Entity) -> None:
        spellings = {entity.name, *entity.aliases} | ({entity.hangul} if entity.hangul else set())
        for spelling in spellings:
            bucket = self._by_key.setdefault((entity.kind, name_key(spelling)), [])
            if entity not in bucket:
                bucket.append(entity)

    def add(self, entity: Entity) -> Entity:
        """Register an entity from a catalogue; one the table already has keeps the table's id.

        The entity is the table's when its name (or, failing that, its unique Hangul name)
        matches a table entity; the catalogue's other spellings then become its aliases.
        """
        existing = [e for e in self.candidates(entity.kind, entity.name) if name_key(e.name) == name_key(entity.name)]
        if not existing and entity.hangul:
            by_hangul = self.candidates(entity.kind, entity.hangul)
            same = [e for e in by_hangul if e.hangul == entity.hangul]
            if len(same) == 1 and not (set(entity.aliases) & {x.name for x in by_hangul if x is not same[0]}):
                existing = same if name_key(same[0].name) in {name_key(a) for a in entity.aliases} else []
        if existing:
            base = existing[0]
            merged = Entity(base.kind, base.id, base.name, base.hangul or entity.hangul,
                            tuple(dict.fromkeys([*base.aliases, *entity.aliases, entity.name])),
                            base.distinct_from, base.note)
            self.entities[self.entities.index(base)] = merged
            for bucket in self._by_key.values():
                if base in bucket:
                    bucket[bucket.index(base)] = merged
            self._index(merged)
            return merged
        taken = {e.id for e in self.entities if e.kind == entity.kind}
        if entity.id in taken:
            entity = Entity(entity.kind, f"{entity.id}-{len(taken)}", entity.name, entity.hangul,
                            entity.aliases, entity.distinct_from, entity.note)
        self.entities.append(entity)
        self._index(entity)
        return entity

    @classmethod
    def load(cls, path: Path | str) -> AliasTable:
        """Read the CSV table; a bad row raises AliasTableError naming the line."""
        path = Path(path)
        if not path.exists():
            return cls([], str(path))
        entities: list[Entity] = []
        seen: dict[tuple[str, str], int] = {}
        text = _read_table(path)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [c for c in ("kind", "id", "name") if c not in (reader.fieldnames or [])]
        if missing:
            raise AliasTableError(path, 1, f"missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}")
        for row in reader:
            line = reader.line_num
            kind = (row.get("kind") or "").strip()
            ident = (row.get("id") or "").strip()
            name = (row.get("name") or "").strip()
            if kind not in KINDS:
                raise AliasTableError(path, line, f"kind {kind!r} is not one of {', '.join(KINDS)}")
            if not ident or slug(ident) != ident:
                raise AliasTableError(path, line, f"id {ident!r} must be lower-case words joined by '-'")
            if not name:
                raise AliasTableError(path, line, "name is empty")
            if (kind, ident) in seen:
                raise AliasTableError(path, line, f"id {ident!r} is already used on line {seen[kind, ident]}")
            seen[kind, ident] = line
            entities.append(Entity(
                kind=kind, id=ident, name=name,
                hangul=(row.get("hangul") or "").strip() or None,
                aliases=_split(row.get("aliases")),
                distinct_from=_split(row.get("distinct_from")),
                note=(row.get("note") or "").strip(),
            ))
        table = cls(entities, str(path))
        known = {(e.kind, e.id) for e in entities}
        for entity in entities:
            for other in entity.distinct_from:
                if (entity.kind, other) not in known:
                    raise AliasTableError(path, seen[entity.kind, entity.id],
                                          f"distinct_from names unknown id {other!r}")
        return table

    def candidates(self, kind: str, spelling: str) -> list[Entity]:
        return list(self._by_key.get((kind, name_key(spelling)), []))

    def known_names(self, kind: str) -> list[str]:
        """Every name and alias of the table's entities of one kind."""
        return [n for e in self.entities if e.kind == kind for n in (e.name, *e.aliases)]

    def by_id(self, kind: str, ident: str) -> Entity | None:
        return next((e for e in self.entities if e.kind == kind and e.id == ident), None)


def _read_table(path: Path) -> str:
    """The table's text; a file that is not UTF-8 is an AliasTableError naming the line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AliasTableError(path, 0, f"cannot be read: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise AliasTableError(path, line, f"byte 0x{data[error.start]:02x} is not UTF-8; save the table "
                                          "as UTF-8 CSV") from None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


class Resolver:
    """Turns names into Refs using the table; never merges on a shared Hangul name alone."""

    def __init__(self, table: AliasTable | None = None) -> None:
        self.table = table or AliasTable()
        self._characters: dict[str, list[tuple[str, str]]] = {}  # title IRI -> [(name, IRI)]

    def register_character(self, title_iri: str, name: str, iri: str) -> None:
        """A character a catalogue names, so reviews that drop the family name meet it."""
        known = self._characters.setdefault(title_iri, [])
        if (name, iri) not in known:
            known.append((name, iri))

    def character(self, title_iri: str, name: str) -> tuple[str, str] | None:
        """(canonical name, IRI) of a registered character of `title_iri` that `name` denotes:
        the same name, or the same given name without the family name ("Ok-ju" for
        "Jang Ok-ju"); None when there is no such character or more than one."""
        tokens = name_key(name).split("-")
        known = self._characters.get(title_iri, [])
        exact = [(n, i) for n, i in known if name_key(n).split("-") == tokens]
        if exact:
            return exact[0]
        partial = {(n, i) for n, i in known
                   if len(tokens) >= 2 and name_key(n).split("-")[-len(tokens):] == tokens
                   and len(name_key(n).split("-")) == len(tokens) + 1}
        return partial.pop() if len(partial) == 1 else None

    def person(self, name: str, hangul: str | None = None) -> Ref:
        return self._resolve("person", name, hangul, mint=slug(name))

    def title(self, name: str, year: int | None = None, hangul: str | None = None) -> Ref:
        """A title the table does not know is minted from its Hangul name (romanised) and year when
        the source gives one, so two reviews that romanise one title differently meet."""
        base = name
        if hangul and not self.table.candidates("title", name) and not self.table.candidates("title", hangul):
            base = romanised(hangul)
        minted = slug(base) + (f"-{year}" if year else "")
        return self._resolve("title", name, hangul, mint=minted)

    def _resolve(self, kind: str, name: str, hangul: str | None, mint: str) -> Ref:
        spelled = display(name)
        found = self.table.candidates(kind, name)
        if not found and hangul:
            found = self.table.candidates(kind, hangul)
        if len(found) == 1:
            entity = found[0]
            return Ref(entity.iri, entity.name, spelled, entity.hangul or hangul)
        if len(found) > 1:
            exact = [e for e in found if name_key(e.name) == name_key(name)]
            if len(exact) == 1:
                entity = exact[0]
                return Ref(entity.iri, entity.name, spelled, entity.hangul or hangul)
            names = ", ".join(f"{e.name} ({e.id})" for e in found)
            log.warning("%s %r is ambiguous (%s); kept apart until the alias table decides", kind, name, names)
            return Ref(f"{RESOURCE_IRI}{kind}/{mint}", spelled, spelled, hangul,
                       ambiguous=tuple(e.iri for e in found))
        return Ref(f"{RESOURCE_IRI}{kind}/{mint}", spelled, spelled, hangul)
