"""Where the ontology files live, and what is derived from them (the namespace module)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import rdflib

from kgraph.resources import resource_dir

ONTOLOGY_DIR = resource_dir("ontology")
KG_IRI = "https://w3id.org/kgraph/ontology#"
RESOURCE_IRI = "https://w3id.org/kgraph/id/"
GRAPH_IRI = "https://w3id.org/kgraph/graph/"
ONTOLOGY_GRAPH = GRAPH_IRI + "ontology"
BUILD_GRAPH = GRAPH_IRI + "build"
VOCAB_MODULE = Path(__file__).resolve().parent / "vocab.py"


def ontology_files() -> list[Path]:
    """The Turtle files of the ontology and its concept schemes, shapes excluded."""
    return sorted(p for p in ONTOLOGY_DIR.glob("*.ttl") if p.name != "shapes.ttl")


@lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The ontology and its concept schemes as one rdflib graph (parsed once)."""
    graph = rdflib.Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def render_vocab_module() -> str:
    """Python source of kgraph/vocab.py: a closed namespace of every kg: term."""
    graph = rdflib.Graph().parse(ONTOLOGY_DIR / "kgraph.ttl", format="turtle")
    terms = sorted(
        {str(s)[len(KG_IRI):] for s in graph.subjects() if str(s).startswith(KG_IRI)}
    )
    lines = [
        '"""The kg: namespace, generated from ontology/kgraph.ttl by',
        "`python -m kgraph.ontology`. Do not edit; a test fails when it is out of date.",
        '"""',
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KG(DefinedNamespace):",
        '    """Terms of the kgraph ontology; a misspelt term raises AttributeError."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{KG_IRI}")',
        "",
    ]
    lines += [f"    {term}: URIRef" for term in terms]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    VOCAB_MODULE.write_text(render_vocab_module(), encoding="utf-8")
    print(f"wrote {VOCAB_MODULE}")
