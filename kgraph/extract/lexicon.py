"""Lexicons read from the ontology: platforms, genres, themes and jobs, with their labels."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kgraph.extract.facts import SCHEMA
from kgraph.names import name_key
from kgraph.ontology import ontology_graph
from kgraph.vocab import KG


@dataclass(frozen=True)
class ThemeTrigger:
    concept: str
    label: str
    pattern: re.Pattern[str]


@dataclass
class Lexicon:
    """Name key -> IRI for platforms, genres and jobs; compiled triggers for themes."""

    platforms: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # key -> (iri, name, broadcaster)
    genres: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (iri, label)
    jobs: dict[str, tuple[str, str]] = field(default_factory=dict)
    themes: list[ThemeTrigger] = field(default_factory=list)
    platform_pattern: re.Pattern[str] | None = None
    any_theme: re.Pattern[str] | None = None  # every theme trigger at once: a sentence no trigger matches is skipped

    def platform(self, name: str) -> tuple[str, str, bool] | None:
        return self.platforms.get(name_key(name))

    def genre(self, name: str) -> tuple[str, str] | None:
        return self.genres.get(name_key(name))

    def job(self, name: str) -> tuple[str, str] | None:
        return self.jobs.get(name_key(name))

    def platforms_in(self, text: str) -> list[tuple[int, str, str, bool]]:
        """Known platform names in `text`: (offset, iri, name, is_broadcaster)."""
        out = []
        if self.platform_pattern is None:
            return out
        for match in self.platform_pattern.finditer(text):
            found = self.platform(match.group(0))
            if found:
                out.append((match.start(), *found))
        return out


def _trigger_regex(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.lower().replace("*", " *").split()]
    body = r"[\s-]+".join(w for w in words if w != r"\*")
    body = body.replace(r"\'", "['’]")
    tail = r"\w*" if phrase.endswith("*") else ""
    return rf"(?<![\w-]){body}{tail}(?![\w-])"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Build the lexicon from the ontology files (once per process)."""
    graph = ontology_graph()
    lex = Lexicon()
    for cls, broadcaster in ((KG.StreamingService, False), (KG.Broadcaster, True)):
        for node in graph.subjects(RDF.type, cls):
            name = str(graph.value(node, SCHEMA.name))
            for label in [name, *map(str, graph.objects(node, SKOS.altLabel))]:
                lex.platforms[name_key(label)] = (str(node), name, broadcaster)
    labels = sorted({lbl for node, *_ in lex.platforms.values()
                     for lbl in [str(graph.value(URIRef(node), SCHEMA.name)),
                                 *map(str, graph.objects(URIRef(node), SKOS.altLabel))]},
                    key=len, reverse=True)
    lex.platform_pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(lbl) for lbl in labels) + r")(?![\w-])")
    for scheme, target in ((KG.GenreScheme, lex.genres), (KG.JobScheme, lex.jobs)):
        for concept in graph.subjects(SKOS.inScheme, scheme):
            label = str(graph.value(concept, SKOS.prefLabel))
            for lbl in [label, *map(str, graph.objects(concept, SKOS.altLabel))]:
                target[name_key(lbl)] = (str(concept), label)
    for concept in sorted(graph.subjects(SKOS.inScheme, KG.ThemeScheme)):
        label = str(graph.value(concept, SKOS.prefLabel))
        phrases = [str(p) for p in graph.objects(concept, SKOS.hiddenLabel)]
        if phrases:
            regex = "|".join(_trigger_regex(p) for p in sorted(phrases, key=len, reverse=True))
            lex.themes.append(ThemeTrigger(str(concept), label, re.compile(regex, re.IGNORECASE)))
    if lex.themes:
        lex.any_theme = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in lex.themes), re.IGNORECASE)
    return lex
