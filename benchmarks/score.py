"""Extraction F1 of a built store against the generator's gold (benchmarks/realistic.py).

Facts are compared per review as names, folded the way kgraph folds spellings (hyphens,
spaces, capitals): the title and its year, each (actor, character) cast credit, each
(person, job) crew credit, each platform, each nomination (ceremony, category, nominee,
result) and each memorable line (text, speaker), each
highlight scene's name, the Hangul of the title and of people the Overview gives it for. Kinds the generator does not state
(themes, genres inferred from prose, scenes) are not scored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from kgraph.names import name_key
from kgraph.store.base import Store

PREFIXES = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX schema: <http://schema.org/>
"""
REVIEWS = PREFIXES + """SELECT ?g ?file ?url ?name ?year ?ko ?kind WHERE {
  GRAPH ?g { ?r a kg:Review ; kg:sourceFile ?file ; kg:reviews ?t . ?t schema:name ?name .
             OPTIONAL { ?r schema:url ?url } OPTIONAL { ?t kg:year ?year } OPTIONAL { ?t kg:nameKo ?ko }
             OPTIONAL { ?t a ?type FILTER(?type IN (kg:Film, kg:Series)) } }
  BIND(LCASE(STRAFTER(STR(?type), "#")) AS ?kind)
}"""
FACTS = {
    "hangul": """SELECT ?g ?a ?b WHERE { GRAPH ?g { ?p a kg:Person ; schema:name ?a ; kg:nameKo ?b } }""",
    "cast": """SELECT ?g ?a ?b WHERE { GRAPH ?g { ?c a kg:CastCredit ; kg:person ?p ; kg:character ?ch .
               ?p schema:name ?a . ?ch schema:name ?b } }""",
    "crew": """SELECT ?g ?a ?b WHERE { GRAPH ?g { ?c a kg:CrewCredit ; kg:person ?p ; kg:job ?j . ?p schema:name ?a } 
               BIND(STRAFTER(STR(?j), "#") AS ?b) }""",
    # the platform's name from the review's own graph: joined over the union of every graph it
    # repeated each row once per review naming the platform (quadratic at 10,000 reviews)
    "platform": """SELECT ?g ?a WHERE { GRAPH ?g { ?r a kg:Review ; kg:reviews ?t . ?t kg:platform ?pl .
                   ?pl schema:name ?a } }""",
    "nomination": """SELECT ?g ?a ?b ?c ?d WHERE { GRAPH ?g { ?n a kg:Nomination ; kg:ceremony ?cer ;
                     kg:category ?cat ; kg:result ?res . ?cer schema:name ?a . ?cat schema:name ?b
                     OPTIONAL { ?n kg:nominee ?p . ?p schema:name ?c } } BIND(STRAFTER(STR(?res), "#") AS ?d) }""",
    "scene": """SELECT ?g ?a WHERE { GRAPH ?g { ?s a kg:Scene ; schema:name ?a } }""",
    "quote": """SELECT ?g ?a ?b WHERE { GRAPH ?g { ?q a kg:Quote ; kg:text ?a .
                OPTIONAL { ?q kg:spokenBy ?s . ?s schema:name ?b } } }""",
}


def _k(value: object) -> str:
    return name_key(str(value)) if value is not None else ""


def expected(record: dict) -> set[tuple]:
    """The gold facts of one review as comparable tuples."""
    facts: set[tuple] = {("title", _k(record["title"])), ("year", str(record["year"])),
                         ("title_hangul", record["title_hangul"]), ("kind", record["kind"])}
    facts |= {("hangul", _k(p), h) for p, h in record["hangul"].items()}
    facts |= {("cast", _k(a), _k(c)) for a, c in record["cast"]}
    facts |= {("crew", _k(p), job) for p, job in record["crew"]}
    facts |= {("platform", _k(p)) for p in record["platforms"]}
    facts |= {("nomination", _k(c), _k(cat), _k(p), "won" if r == "won" else "nominated")
              for c, cat, p, r in record["nominations"]}
    facts |= {("quote", _k(t), _k(s)) for t, s in record["quotes"]}
    facts |= {("scene", _k(s)) for s in record["scenes"]}
    return facts


def extracted(store: Store) -> dict[str, set[tuple]]:
    """Facts per review, keyed by the review's URL (when it has one) or file name."""
    graph_key: dict[str, str] = {}
    facts: dict[str, set[tuple]] = {}
    for g, file, url, name, year, ko, kind in store.select(REVIEWS).rows:
        key = str(url) if url is not None else PurePath(str(file)).name
        graph_key[str(g)] = key
        facts.setdefault(key, set()).add(("title", _k(name)))
        for label, value in (("year", year), ("title_hangul", ko), ("kind", kind)):
            if value is not None:
                facts[key].add((label, str(value)))
    for kind, query in FACTS.items():
        for g, *values in store.select(PREFIXES + query).rows:
            key = graph_key.get(str(g))
            if key is None:
                continue
            if kind == "nomination":
                values[-1] = str(values[-1]).lower()
                values = [_k(v) for v in values[:3]] + [values[-1]]
            else:
                values = [str(v) if (kind in ("crew", "hangul") and i == 1) else _k(v) for i, v in enumerate(values)]
            facts[key].add((kind, *values))
    return facts


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    extracted: int = 0
    misses: list[tuple] = field(default_factory=list)  # (review, fact) in the gold, not extracted
    extra: list[tuple] = field(default_factory=list)  # (review, fact) extracted, not in the gold

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(store: Store, records: list[dict]) -> Score:
    """Precision, recall and F1 of the store's review facts against the gold records."""
    got = extracted(store)
    result = Score()
    for record in records:
        key = record["url"] or record["file"]
        truth, found = expected(record), got.get(key, set())
        kinds = {f[0] for f in truth}
        found = {f for f in found if f[0] in kinds or f[0] in FACTS}
        result.gold += len(truth)
        result.extracted += len(found)
        result.found += len(truth & found)
        result.misses += [(key, f) for f in sorted(truth - found)]
        result.extra += [(key, f) for f in sorted(found - truth)]
    return result
