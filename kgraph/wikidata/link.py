"""`kgraph link wikidata`: reconcile the store's titles and people with Wikidata, record the
matches and their evidence in a named graph of their own, and (with `enrich`) copy what
Wikidata states about the linked items into that graph, statement by statement."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kgraph.errors import KGraphError
from kgraph.names import is_hangul, slug
from kgraph.ontology import GRAPH_IRI, RESOURCE_IRI
from kgraph.queries import run_query
from kgraph.store.base import Store, Triple
from kgraph.vocab import KG
from kgraph.wikidata.client import Asked, Settings, WikidataClient
from kgraph.wikidata.decisions import Decisions
from kgraph.wikidata.reconcile import (Candidate, LocalPerson, LocalTitle, Matches, decide, person_candidates,
                                       title_candidates)

log = logging.getLogger(__name__)

WIKIDATA_GRAPH = GRAPH_IRI + "wikidata"
SOURCE = URIRef(RESOURCE_IRI + "source/wikidata")
SCHEMA_SAME_AS = URIRef("http://schema.org/sameAs")
SCHEMA_NAME = URIRef("http://schema.org/name")


@dataclass
class LinkReport:
    """What a link run found: links and candidates for titles and people, and what it asked."""

    titles: Matches
    people: Matches
    local_titles: int
    local_people: int
    statements: int = 0
    asked: Asked = field(default_factory=Asked)
    graph: str = WIKIDATA_GRAPH

    @property
    def linked(self) -> list[Candidate]:
        return self.titles.linked + self.people.linked

    @property
    def candidates(self) -> list[Candidate]:
        """Candidates left for the user: below the rules, ambiguous, or contested."""
        return self.titles.undecided + self.people.undecided


def default_cache(store: Store) -> Path | None:
    """The cache beside an on-disk store (`data/store.wikidata-cache.sqlite`), else none."""
    path = getattr(store, "path", None)
    return Path(f"{path}.wikidata-cache.sqlite") if path else None


def local_titles(store: Store) -> list[LocalTitle]:
    out: dict[str, LocalTitle] = {}
    for row in run_query(store, "titles"):
        iri = str(row["title"])
        t = out.setdefault(iri, LocalTitle(iri, str(row["name"])))
        if row["kind"] is not None and t.kind == "title":
            t.kind = str(row["kind"])
        if row["year"] is not None:
            t.years.add(int(row["year"]))
        t.names_en.add(str(row["name"]))
        if row["name_ko"] is not None:
            t.names_ko.add(str(row["name_ko"]))
    return list(out.values())


def local_people(store: Store, aliases: Path | str | None) -> list[LocalPerson]:
    out: dict[str, LocalPerson] = {}
    for row in run_query(store, "people"):
        iri = str(row["person"])
        p = out.setdefault(iri, LocalPerson(iri, str(row["name"])))
        for value in (row["name"], row["name_ko"], row["spelling"]):
            if value is not None:
                (p.names_ko if is_hangul(str(value)) else p.names_en).add(str(value))
    for row in run_query(store, "credits"):
        p = out.get(str(row["person"]))
        if p is not None:
            names = p.credits.setdefault(str(row["title"]), set())
            if row["character_name"] is not None:
                names.add(str(row["character_name"]))
    if aliases and Path(aliases).exists():
        from kgraph.resolve import AliasTable
        for entity in AliasTable.load(aliases).entities:
            if entity.kind == "person" and entity.iri in out:
                out[entity.iri].distinct_from |= {f"{RESOURCE_IRI}person/{d}" for d in entity.distinct_from}
    return list(out.values())


def _labels(names_ko: set[str], names_en: set[str]) -> list[Literal]:
    return [Literal(n, lang="ko") for n in sorted(names_ko)] + [Literal(n, lang="en") for n in sorted(names_en)]


def link(store: Store, settings: Settings | None = None, enrich: bool = False,
         decisions: Path | str | None = "data/wikidata-decisions.csv",
         aliases: Path | str | None = "data/aliases.csv") -> LinkReport:
    """Reconcile, write the Wikidata graph (replacing the previous one), return the report."""
    settings = settings or Settings()
    decided = Decisions.load(decisions)
    titles = local_titles(store)
    people = local_people(store, aliases)
    client = WikidataClient(settings)
    try:
        title_matches = _match_titles(client, titles, decided)
        linked_titles = {c.entity: c.item for c in title_matches.linked}
        person_matches = _match_people(client, people, linked_titles, decided)
        report = LinkReport(title_matches, person_matches, len(titles), len(people))
        triples = [*source_triples(settings.endpoint), *match_triples(report.linked)]
        if enrich:
            extra, report.statements = enrichment_triples(client, sorted({c.item for c in report.linked}))
            triples += extra
        store.replace_graph(WIKIDATA_GRAPH, list(dict.fromkeys(triples)))
        report.asked = client.asked
        return report
    finally:
        client.close()


def _match_titles(client: WikidataClient, titles: list[LocalTitle], decided: Decisions) -> Matches:
    keys = {t.iri: _labels(t.names_ko, t.names_en) for t in titles}
    answers = client.rows("title-candidates", "label", [l for ls in keys.values() for l in ls])
    candidates = []
    for t in titles:
        found: dict[str, dict] = {}
        for label in keys[t.iri]:
            for row in answers.get(label, []):
                info = found.setdefault(str(row["item"]), {"labels": [], "types": set(), "years": set()})
                if label not in info["labels"]:
                    info["labels"].append(label)
                if row.get("korean") is not None and row["korean"] not in info["labels"]:
                    info["labels"].append(row["korean"])
                if row.get("type") is not None:
                    info["types"].add(row["type"])
                if row.get("date") is not None and str(row["date"])[:4].isdigit():
                    info["years"].add(int(str(row["date"])[:4]))
        candidates += title_candidates(t, found)
    return _decide("title", candidates, titles, decided, by_strength=False)


def _match_people(client: WikidataClient, people: list[LocalPerson], linked_titles: dict[str, str],
                  decided: Decisions) -> Matches:
    keys = {p.iri: _labels(p.names_ko, p.names_en) for p in people}
    answers = client.rows("person-candidates", "label", [l for ls in keys.values() for l in ls])
    works = client.rows("credits", "work", [URIRef(i) for i in sorted(set(linked_titles.values()))])
    credits: dict[tuple[str, str], set[str]] = {}
    for work, rows in works.items():
        for row in rows:
            names = credits.setdefault((str(work), str(row["person"])), set())
            if row.get("character_label") is not None:
                names.add(str(row["character_label"]))
    candidates = []
    for p in people:
        found: dict[str, list[Literal]] = {}
        for label in keys[p.iri]:
            for row in answers.get(label, []):
                labels = found.setdefault(str(row["item"]), [])
                if label not in labels:
                    labels.append(label)
        candidates += person_candidates(p, found, linked_titles, credits)
    matches = _decide("person", candidates, people, decided, by_strength=True)
    owner: dict[str, Candidate] = {}
    apart = {p.iri: p.distinct_from for p in people}
    for c in matches.linked:
        other = owner.get(c.item)
        if other is not None:  # only user decisions can get here: decide() never shares an item
            kept = " (aliases.csv keeps them apart)" if c.entity in apart.get(other.entity, ()) else ""
            raise KGraphError(f"{decided.path}: {c.item} is accepted for both {other.entity_name} and "
                              f"{c.entity_name}{kept}; one item is one person")
        owner[c.item] = c
    return matches


def _decide(kind: str, candidates: list[Candidate], entities: list, decided: Decisions, by_strength: bool) -> Matches:
    iris = {e.iri for e in entities}
    forced = {e.iri: decided.accepted(e.iri) for e in entities if decided.accepted(e.iri)}
    refused = {(c.entity, c.item) for c in candidates if decided.refused(c.entity, c.item)}
    for d in decided.rows:
        if d.kind == kind and d.iri not in iris:
            log.warning("%s: %s %s is not in the store; its decision is not used", decided.path, kind, d.id)
    return decide(kind, candidates, forced, refused, {e.iri: e.name for e in entities}, by_strength)


def source_triples(endpoint: str) -> list[Triple]:
    return [(SOURCE, RDF.type, KG.WikidataSource), (SOURCE, RDF.type, KG.Source),
            (SOURCE, SCHEMA_NAME, Literal("Wikidata")), (SOURCE, KG.graph, URIRef(WIKIDATA_GRAPH)),
            (SOURCE, KG.endpoint, URIRef(endpoint))]


def match_iri(c: Candidate) -> URIRef:
    local = c.entity.rsplit("/", 1)[-1]
    return URIRef(f"{RESOURCE_IRI}wikidata-match/{c.kind}/{slug(local)}/{slug(c.item.rsplit('/', 1)[-1])}")


def match_triples(linked: list[Candidate]) -> list[Triple]:
    """owl:sameAs and schema:sameAs for each link, and a kg:WikidataMatch node with its evidence."""
    out: list[Triple] = []
    for c in linked:
        entity, item, node = URIRef(c.entity), URIRef(c.item), match_iri(c)
        out += [(entity, OWL.sameAs, item), (entity, SCHEMA_SAME_AS, item),
                (node, RDF.type, KG.WikidataMatch), (node, KG.matchOf, entity), (node, KG.matchedItem, item),
                (node, KG.matchScore, Literal(f"{c.score:.2f}", datatype=XSD.decimal)),
                (node, KG.decision, Literal(c.decision)), (node, RDFS.comment, Literal(c.why))]
        out += [(node, KG.matchedLabel, label) for label in c.labels]
        if c.year is not None:
            out.append((node, KG.matchedYear, Literal(c.year, datatype=XSD.integer)))
        if c.type:
            out.append((node, KG.matchedType, URIRef(c.type)))
        out += [(node, KG.sharedCredit, URIRef(t)) for t in c.shared]
        out += [(node, KG.matchedCharacter, Literal(n)) for n in c.characters]
    return out


def enrichment_triples(client: WikidataClient, items: list[str]) -> tuple[list[Triple], int]:
    """Wikidata's statements about `items`, as Wikidata states them: the p: statement node
    (the provenance), its ps: value and pq: qualifiers, wdt: for best-rank values, labels;
    and how many statements that is."""
    out: list[Triple] = []
    statements: set = set()
    keys = [URIRef(i) for i in items]
    for item, rows in client.rows("statements", "item", keys).items():
        for row in rows:
            statement, value = row["statement"], row["value"]
            statements.add(statement)
            out += [(item, row["claim"], statement), (statement, row["value_property"], value)]
            if str(row.get("truthy")).lower() in ("true", "1"):
                out.append((item, row["direct"], value))
            if row.get("qualifier") is not None and row.get("qualifier_value") is not None:
                out.append((statement, row["qualifier"], row["qualifier_value"]))
                if row.get("qualifier_label") is not None:
                    out.append((row["qualifier_value"], RDFS.label, row["qualifier_label"]))
            if row.get("value_label") is not None:
                out.append((value, RDFS.label, row["value_label"]))
    for item, rows in client.rows("labels", "item", keys).items():
        out += [(item, row["property"], row["label"]) for row in rows]
    return out, len(statements)
