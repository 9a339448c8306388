"""A synthetic film graph of realistic shape, in kgraph's own vocabulary, as N-Quads.

Most people appear in one to three titles and a few in fifty or more (people are drawn
with a Zipf-like popularity); each title has 8 to 25 credits, mostly cast credits with a
character, some crew credits with a job. Deterministic for a given size and seed.

With `per_title=True`, as a build lays a store out, each title's facts are a named graph of
their own (as one review's would be), the people are described in one more graph, and the
build manifest lists every graph with a fingerprint, so the derived analytics table can
follow a change to one title; otherwise everything is one graph.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

KG = "https://w3id.org/kgraph/ontology#"
ID = "https://w3id.org/kgraph/id/"
SCHEMA = "http://schema.org/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
GRAPHS = "https://w3id.org/kgraph/graph/"
GRAPH = f"<{GRAPHS}synthetic>"
PEOPLE_GRAPH = f"<{GRAPHS}synthetic-people>"
BUILD_GRAPH = f"<{GRAPHS}build>"


def title_graph(t: int) -> str:
    return f"<{GRAPHS}review/t{t}>"


def manifest_lines(graph: str, fingerprint: str = "v1") -> list[str]:
    """The build manifest's two quads for one graph."""
    return [f'{graph} <{KG}sourceFile> "{graph[1:-1].rsplit("/", 1)[-1]}.txt" {BUILD_GRAPH} .',
            f'{graph} <{KG}fingerprint> "{fingerprint}" {BUILD_GRAPH} .']
JOBS = ["director", "writer", "composer", "cinematographer", "editor"]


def credits(titles: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(title, person, is_cast) arrays: one row per credit, no person twice on a title."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(8, 26, size=titles)
    people = int(sizes.sum() / 2.6)
    weights = 1.0 / np.power(np.arange(1, people + 1) + 300.0, 1.1)
    weights /= weights.sum()
    draws = rng.choice(people, size=int(sizes.sum()), p=weights)  # one draw for all credits
    title_of = np.repeat(np.arange(titles), sizes)
    pairs = np.unique(np.stack([title_of, draws], axis=1), axis=0)  # a person once per title
    return pairs[:, 0], pairs[:, 1], rng.random(len(pairs)) < 0.8


def write_nquads(titles: int, path: Path, seed: int = 7, per_title: bool = False) -> int:
    """Write the graph to `path` as N-Quads, streaming; returns the number of quads."""
    t_ids, p_ids, cast = credits(titles, seed)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        def emit(lines: list[str]) -> None:
            nonlocal count
            out.write("\n".join(lines) + "\n")
            count += len(lines)

        for t in range(titles):
            s, g = f"<{ID}title/t{t}>", title_graph(t) if per_title else GRAPH
            if per_title:
                emit(manifest_lines(g))
            emit([f"{s} {RDF_TYPE} <{KG}Title> {g} .", f"{s} {RDF_TYPE} <{KG}Film> {g} .",
                  f'{s} <{SCHEMA}name> "Title {t}" {g} .',
                  f'{s} <{KG}year> "{1960 + t % 65}"^^<http://www.w3.org/2001/XMLSchema#integer> {g} .'])
        g = PEOPLE_GRAPH if per_title else GRAPH
        if per_title:
            emit(manifest_lines(g))
        for p in np.unique(p_ids):
            s = f"<{ID}person/p{p}>"
            emit([f"{s} {RDF_TYPE} <{KG}Person> {g} .", f'{s} <{SCHEMA}name> "Person {p}" {g} .'])
        for i, (t, p, is_cast) in enumerate(zip(t_ids, p_ids, cast)):
            c, g = f"<{ID}credit/c{i}>", title_graph(t) if per_title else GRAPH
            lines = [f"{c} {RDF_TYPE} <{KG}Credit> {g} .", f"{c} <{KG}title> <{ID}title/t{t}> {g} .",
                     f"{c} <{KG}person> <{ID}person/p{p}> {g} ."]
            if is_cast:
                ch = f"<{ID}character/t{t}/c{i}>"
                lines += [f"{c} {RDF_TYPE} <{KG}CastCredit> {g} .", f"{c} <{KG}character> {ch} {g} .",
                          f'{ch} <{SCHEMA}name> "Character {i}" {g} .']
            else:
                lines += [f"{c} {RDF_TYPE} <{KG}CrewCredit> {g} .",
                          f"{c} <{KG}job> <https://w3id.org/kgraph/ontology/job#{JOBS[i % len(JOBS)]}> {g} ."]
            emit(lines)
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("titles", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(write_nquads(args.titles, args.out), "quads")
