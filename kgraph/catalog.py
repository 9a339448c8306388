"""Catalogue files: structured credits (titles, people, credits with characters, awards,
releases) in JSON, each file a source with a named graph of its own.

Format "kgraph-catalog/1" (documented in the README): a title file has `id`, `name`,
`kind` and optional `name_ko`, `alt_names`, `year`, `country`, `original_language`,
`runtime_minutes`, `episodes`, `networks`, `platforms`, `credits`, `awards`,
`releases`, `sources` and `excluded`; a people file has `people`. Every fact read from
a file carries a catalogue record (the file and a JSON pointer) as its evidence.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from rdflib import Literal
from rdflib.namespace import RDF

from kgraph.errors import SourceError
from kgraph.extract.context import Context, character_iri
from kgraph.extract.facts import (
    SCHEMA, CastCredit, CatalogEntity, CatalogFacts, CrewCredit, Iri, Nomination, PersonEntity, Record,
    Release, TitleEntity, YearMonth,
)
from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.names import display, slug
from kgraph.ontology import GRAPH_IRI, RESOURCE_IRI
from kgraph.resolve import Entity, Resolver
from kgraph.vocab import KG

FORMAT = "kgraph-catalog/1"
KINDS = ("film", "series")
RESULTS = ("won", "nominated")
RELEASE_KINDS = ("festival-premiere", "premiere", "streaming", "broadcast", "theatrical")


def catalog_graph(path: Path) -> str:
    return f"{GRAPH_IRI}catalog/{slug(path.stem)}"


def load_json(path: Path, shown: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise SourceError(shown, "a catalogue file must be UTF-8 JSON") from None
    except json.JSONDecodeError as error:
        raise SourceError(shown, f"line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SourceError(shown, f'expected a JSON object with "format": "{FORMAT}"')
    return data


class _Reader:
    """Field access that names the JSON path of anything missing or of the wrong type."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def fail(self, where: str, expected: str) -> SourceError:
        return SourceError(self.shown, f"{where or '/'}: expected {expected}")

    def get(self, obj: dict, key: str, where: str, kind: type | tuple, required: bool = False) -> Any:
        value = obj.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}/{key}", f"a {_name(kind)} (the field is required)")
            return None
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise self.fail(f"{where}/{key}", f"a {_name(kind)}, found {type(value).__name__} {value!r}")
        return value

    def items(self, obj: dict, key: str, where: str) -> list:
        value = self.get(obj, key, where, list) or []
        return value


def _name(kind: type | tuple) -> str:
    names = {str: "string", int: "number", list: "list", dict: "object", bool: "true/false"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def register_people(data: dict, path: Path, shown: str, resolver: Resolver) -> None:
    """Add a people file's people to the resolver, so every source meets them on one IRI."""
    reader = _Reader(shown)
    for i, person in enumerate(reader.items(data, "people", "")):
        where = f"/people/{i}"
        if not isinstance(person, dict):
            raise reader.fail(where, "an object")
        name = reader.get(person, "name", where, str, required=True)
        variants = [v for v in reader.items(person, "variants", where) if isinstance(v, str)]
        resolver.table.add(Entity("person", slug(name), display(name), reader.get(person, "name_ko", where, str),
                                  tuple([*variants, *generated_variants(name)])))


def register_title(data: dict, shown: str, resolver: Resolver) -> None:
    """Add a title file's title and its named characters to the resolver."""
    reader = _Reader(shown)
    name = reader.get(data, "name", "", str, required=True)
    ident = reader.get(data, "id", "", str, required=True)
    alt = [a for a in reader.items(data, "alt_names", "") if isinstance(a, str)]
    entity = resolver.table.add(Entity("title", slug(ident), display(name), reader.get(data, "name_ko", "", str),
                                       tuple(alt)))
    for credit in reader.items(data, "credits", ""):
        if isinstance(credit, dict) and isinstance(credit.get("character"), str):
            resolver.register_character(entity.iri, display(credit["character"]),
                                        character_iri(entity.iri, credit["character"]))


def generated_variants(name: str) -> list[str]:
    """Other spellings of a Korean name: given name first, and the given name unhyphenated."""
    parts = display(name).split(" ")
    if len(parts) != 2 or not re.fullmatch(r"[A-Za-z]+(-[A-Za-z]+)?", parts[1]):
        return []
    family, given = parts
    joined = given.replace("-", "").capitalize()
    return list(dict.fromkeys([f"{given} {family}", f"{family} {joined}", f"{joined} {family}"]))


URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def _urls(reader: "_Reader", values: object, pointer: str) -> list[str]:
    """The http(s) URLs of a `sources` list; anything else there is an error naming its place."""
    if values is None:
        return []
    if not isinstance(values, list):
        raise reader.fail(pointer, "a list of URLs")
    for i, value in enumerate(values):
        if not isinstance(value, str) or not URL.fullmatch(value):
            raise reader.fail(f"{pointer}/{i}", f"an http(s) URL without spaces, quotes, <, >, braces or "
                                                f"backslashes, found {value!r}")
    return list(values)


def read_catalog(path: Path, shown: str, resolver: Resolver, lexicon: Lexicon | None = None) -> CatalogFacts:
    """Facts of one catalogue file (a title file or a people file)."""
    data = load_json(path, shown)
    graph = catalog_graph(path)
    source = f"{RESOURCE_IRI}catalog/{slug(path.stem)}"
    reader = _Reader(shown)
    urls = [Iri(u) for u in _urls(reader, data.get("sources"), "/sources")]
    catalog = CatalogEntity(iri=source, name=data.get("name", path.stem) if "people" not in data else "people",
                            source_file=shown, urls=urls, graph=Iri(graph))
    facts = CatalogFacts(catalog=catalog)
    ctx = Context(None, resolver, lexicon or load_lexicon())

    def record(pointer: str, pages: tuple[str, ...] = ()) -> Record:
        return Record(source, pointer, pages)  # a title file's pages are on the catalogue node

    if "people" in data:
        for i, person in enumerate(reader.items(data, "people", "")):
            name = reader.get(person, "name", f"/people/{i}", str, required=True)
            ref = resolver.person(name, person.get("name_ko"))
            variants = [v for v in person.get("variants", []) if isinstance(v, str) and v != ref.name]
            entity = PersonEntity(iri=ref.iri, name=ref.name, hangul=ref.hangul or person.get("name_ko"),
                                  spellings=sorted(set(variants)))
            facts.entities.append(entity)
            pages = tuple(_urls(reader, person.get("sources"), f"/people/{i}/sources"))
            for variant in generated_variants(ref.name):
                ctx.state(Iri(ref.iri), KG.generatedVariant, Literal(variant), record(f"/people/{i}", pages))
            if entity.hangul:
                ctx.state(Iri(ref.iri), KG.nameKo, Literal(entity.hangul, lang="ko"), record(f"/people/{i}", pages))
        facts.statements = list(ctx.statements.values())
        return facts

    name = reader.get(data, "name", "", str, required=True)
    kind = reader.get(data, "kind", "", str, required=True)
    if kind not in KINDS:
        raise reader.fail("/kind", f"one of {', '.join(KINDS)}, found {kind!r}")
    year = reader.get(data, "year", "", int)
    ref = resolver.title(name, year, reader.get(data, "name_ko", "", str))
    title = TitleEntity(iri=ref.iri, name=ref.name, kind=kind, spellings=list(data.get("alt_names") or []))
    ctx.title = title
    facts.titles.append(title)
    t = Iri(ref.iri)
    ctx.state(t, SCHEMA.name, Literal(ref.name), record("/name"))
    ctx.state(t, RDF.type, KG.Film if kind == "film" else KG.Series, record("/kind"))
    if data.get("name_ko"):
        ctx.state(t, KG.nameKo, Literal(data["name_ko"], lang="ko"), record("/name_ko"))
    for key, predicate in (("year", KG.year), ("runtime_minutes", KG.runtimeMinutes), ("episodes", KG.episodeCount)):
        value = reader.get(data, key, "", int)
        if value is not None:
            ctx.state(t, predicate, Literal(value), record(f"/{key}"))
    if reader.get(data, "country", "", str):
        ctx.state(t, KG.country, ctx.place(data["country"]), record("/country"))
    if reader.get(data, "original_language", "", str):
        ctx.state(t, KG.originalLanguage, Literal(data["original_language"]), record("/original_language"))
    for key in ("platforms", "networks"):
        for i, platform in enumerate(reader.items(data, key, "")):
            ctx.state(t, KG.platform, ctx.platform(platform), record(f"/{key}/{i}"))
    _credits(ctx, reader, data, record)
    _awards(ctx, reader, data, record)
    _releases(ctx, reader, data, record)
    facts.entities = [*ctx.people.values(), *ctx.all_characters(), *ctx.entities.values()]
    facts.statements = list(ctx.statements.values())
    facts.claims = list(ctx.claims.values())
    facts.warnings = ctx.warnings
    return facts


def _credits(ctx: Context, reader: _Reader, data: dict, record) -> None:
    for i, credit in enumerate(reader.items(data, "credits", "")):
        where = f"/credits/{i}"
        if not isinstance(credit, dict):
            raise reader.fail(where, "an object")
        person = ctx.person(reader.get(credit, "person", where, str, required=True))
        job = reader.get(credit, "job", where, str, required=True)
        evidence = [record(where)]
        if job != "actor":
            concept = ctx.concept(job, KG.JobScheme, ctx.lexicon.job(job), "job")
            ctx.claim(CrewCredit(title=ctx.title_iri, person=person, job=concept, evidence=evidence))
            continue
        character = None
        if reader.get(credit, "character", where, str):
            character = ctx.character(credit["character"], description=reader.get(credit, "character_note", where, str))
            entity = ctx.characters[next(k for k, v in ctx.characters.items() if v.iri == character.value)]
            for alias in reader.items(credit, "character_aliases", where):
                if alias not in entity.spellings:
                    entity.spellings.append(alias)
        elif reader.get(credit, "character_description", where, str):
            character = ctx.character(credit["character_description"], named=False)
        ctx.claim(CastCredit(title=ctx.title_iri, person=person, character=character, evidence=evidence))
        if character is not None:
            ctx.state(character, KG.characterOf, ctx.title_iri, record(where))


def _awards(ctx: Context, reader: _Reader, data: dict, record) -> None:
    for i, award in enumerate(reader.items(data, "awards", "")):
        where = f"/awards/{i}"
        ceremony = ctx.ceremony(reader.get(award, "ceremony", where, str, required=True))
        category = ctx.category(ceremony, reader.get(award, "category", where, str, required=True))
        result = reader.get(award, "result", where, str, required=True)
        if result not in RESULTS:
            raise reader.fail(f"{where}/result", f"won or nominated, found {result!r}")
        nominees = [ctx.person(n) for n in reader.items(award, "nominees", where)] or [None]
        for nominee in nominees:
            ctx.claim(Nomination(title=ctx.title_iri, ceremony=ceremony, category=category, nominee=nominee,
                                 result=Iri(str(KG.Won if result == "won" else KG.Nominated)),
                                 year=reader.get(award, "year", where, int), evidence=[record(where)]))


def _date(value: str | None, where: str, reader: _Reader) -> dt.date | YearMonth | None:
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return YearMonth(int(value[:4]), int(value[5:]))
        return dt.date.fromisoformat(value)
    except ValueError:
        raise reader.fail(where, f"a date as YYYY-MM-DD or YYYY-MM, found {value!r}") from None


def _releases(ctx: Context, reader: _Reader, data: dict, record) -> None:
    for i, release in enumerate(reader.items(data, "releases", "")):
        where = f"/releases/{i}"
        kind = reader.get(release, "kind", where, str, required=True)
        if kind not in RELEASE_KINDS:
            raise reader.fail(f"{where}/kind", f"one of {', '.join(RELEASE_KINDS)}")
        start = _date(reader.get(release, "date", where, str), f"{where}/date", reader)
        end = _date(reader.get(release, "end", where, str), f"{where}/end", reader)
        if start is None and end is None:
            raise reader.fail(where, "a date or an end date")
        ctx.claim(Release(kind=kind, title=ctx.title_iri, date=start, end=end,
                          place=ctx.place(release["place"]) if release.get("place") else None,
                          platform=ctx.platform(release["platform"]) if release.get("platform") else None,
                          description=release.get("note"), evidence=[record(where)]))
