"""Lexicons read from the ontology: platforms, genres, themes and jobs, with their labels."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kgraph.extract.facts import SCHEMA
from kgraph.extract.prefilter import CuedPattern, cued
from kgraph.names import name_key
from kgraph.ontology import ontology_graph
from kgraph.vocab import KG


@dataclass(frozen=True)
class ThemeTrigger:
    concept: str
    label: str
    pattern: CuedPattern


@dataclass
class Lexicon:
    """Name key -> IRI for platforms, genres and jobs; compiled triggers for themes."""

    platforms: dict[str, tuple[str, str, bool]] = field(default_factory=dict)  # key -> (iri, name, broadcaster)
    genres: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (iri, label)
    jobs: dict[str, tuple[str, str]] = field(default_factory=dict)
    themes: list[ThemeTrigger] = field(default_factory=list)
    platform_pattern: re.Pattern[str] | None = None
    theme_words: frozenset[str] = frozenset()  # the first word of every theme trigger (lower case)
    theme_prefixes: tuple[str, ...] = ()  # first words given as "aveng*"

    def platform(self, name: str) -> tuple[str, str, bool] | None:
        return self.platforms.get(name_key(name))

    def genre(self, name: str) -> tuple[str, str] | None:
        return self.genres.get(name_key(name))

    def job(self, name: str) -> tuple[str, str] | None:
        return self.jobs.get(name_key(name))

    def may_name_a_theme(self, text: str) -> bool:
        """False when no theme trigger can match `text` (none of their first words is in it): a
        set lookup per word, so the triggers' patterns run only on the few sentences that may match."""
        words = _WORD.findall(text.lower())
        return bool(self.theme_words.intersection(words)) or (
            bool(self.theme_prefixes) and any(w.startswith(self.theme_prefixes) for w in words))

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


_WORD = re.compile(r"\w+")


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
    # a Korean name takes a particle ("넷플릭스에서"), so only a Latin one needs the word to end, and a particle
    # glued to a Latin name ends it too ("tvN에서", "JTBC의")
    lex.platform_pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(lbl) + ("" if re.search(r"[\uac00-\ud7a3]$", lbl) else r"(?![A-Za-z0-9_-])")
                                     for lbl in labels) + r")")
    for scheme, target in ((KG.GenreScheme, lex.genres), (KG.JobScheme, lex.jobs)):
        for concept in graph.subjects(SKOS.inScheme, scheme):
            label = str(graph.value(concept, SKOS.prefLabel))
            for lbl in [label, *map(str, graph.objects(concept, SKOS.altLabel))]:
                target[name_key(lbl)] = (str(concept), label)
    words: set[str] = set()
    prefixes: set[str] = set()
    for concept in sorted(graph.subjects(SKOS.inScheme, KG.ThemeScheme)):
        label = str(graph.value(concept, SKOS.prefLabel))
        phrases = [str(p) for p in graph.objects(concept, SKOS.hiddenLabel)]
        if phrases:
            regex = "|".join(_trigger_regex(p) for p in sorted(phrases, key=len, reverse=True))
            lex.themes.append(ThemeTrigger(str(concept), label, cued(regex, re.IGNORECASE)))
            for phrase in phrases:
                head = phrase.split()[0].lower()
                first = _WORD.match(head)
                if first is None:
                    prefixes.add("")  # a trigger opening with a symbol: every sentence may match
                elif head.endswith("*") and first.end() == len(head) - 1:
                    prefixes.add(first.group())
                else:
                    words.add(first.group())
    lex.theme_words, lex.theme_prefixes = frozenset(words), tuple(sorted(prefixes))
    return lex
