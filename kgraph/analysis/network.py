"""The collaboration network with networkx: person–title graph, its projection, paths,
rankings, communities, similar titles, exports and drawings."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from kgraph.errors import KGraphError
from kgraph.frames import to_frame
from kgraph.queries import run_query
from kgraph.store.base import Store


def credit_table(store: Store) -> pd.DataFrame:
    """One row per credit: person, person_name, title, title_name, year, role, character_name."""
    return to_frame(run_query(store, "credits"))


def person_title_graph(credits: pd.DataFrame) -> nx.Graph:
    """Bipartite graph: people and titles as nodes (kind, name), an edge per credited pair,
    carrying the roles (actor, director, ...) and characters."""
    graph = nx.Graph()
    has_ko = "person_ko" in credits.columns
    for row in credits.itertuples(index=False):
        graph.add_node(row.person, kind="person", name=row.person_name,
                       label=_label(row.person_name, row.person_ko if has_ko else None))
        year = None if pd.isna(row.year) else int(row.year)
        graph.add_node(row.title, kind="title", name=row.title_name,
                       label=_label(row.title_name, row.title_ko if has_ko else None), **({"year": year} if year else {}))
        data = graph.get_edge_data(row.person, row.title) or {"roles": set(), "characters": set()}
        data["roles"].add(row.role)
        if not pd.isna(row.character_name):
            data["characters"].add(row.character_name)
        graph.add_edge(row.person, row.title, **data)
    return graph


def _label(name: str, korean: object) -> str:
    return name if korean is None or pd.isna(korean) else f"{name}\n{korean}"


def collaboration_graph(bipartite: nx.Graph) -> nx.Graph:
    """People joined when credited on a shared title; weight = number of shared titles."""
    people = [n for n, kind in bipartite.nodes(data="kind") if kind == "person"]
    graph = nx.Graph()
    graph.add_nodes_from((p, {"name": bipartite.nodes[p]["name"], "label": bipartite.nodes[p]["label"]}) for p in people)
    for title, kind in bipartite.nodes(data="kind"):
        if kind != "title":
            continue
        for a, b in itertools.combinations(sorted(bipartite[title]), 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["titles"].append(title)
            else:
                graph.add_edge(a, b, weight=1, titles=[title])
    return graph


def reunions(collab: nx.Graph, min_titles: int = 2, person: str | None = None) -> pd.DataFrame:
    """Edges of weight >= min_titles: the same pairs as the SPARQL and DuckDB reunions."""
    rows = []
    edges = collab.edges(person, data=True) if person else collab.edges(data=True)
    for a, b, data in edges:
        if data["weight"] >= min_titles:
            a, b = sorted((a, b))
            rows.append((a, collab.nodes[a]["name"], b, collab.nodes[b]["name"], data["weight"], sorted(data["titles"])))
    frame = pd.DataFrame(rows, columns=["a", "a_name", "b", "b_name", "titles", "title_iris"])
    return frame.astype({"titles": "Int64"}).sort_values(["titles", "a_name", "b_name"], ascending=[False, True, True],
                                                          ignore_index=True)


@dataclass(frozen=True)
class Step:
    person: str
    person_name: str
    title: str | None = None
    title_name: str | None = None


def collaboration_path(bipartite: nx.Graph, a: str, b: str) -> list[Step]:
    """The shortest chain person -> title -> person ... from `a` to `b`."""
    try:
        nodes = nx.shortest_path(bipartite, a, b)
    except nx.NetworkXNoPath:
        raise KGraphError(f"{bipartite.nodes[a]['name']} and {bipartite.nodes[b]['name']} are not connected "
                          "by any chain of shared titles") from None
    except nx.NodeNotFound as error:
        raise KGraphError(str(error)) from None
    steps = []
    for i in range(0, len(nodes), 2):
        title = nodes[i + 1] if i + 1 < len(nodes) else None
        steps.append(Step(nodes[i], bipartite.nodes[nodes[i]]["name"], title,
                          bipartite.nodes[title]["name"] if title else None))
    return steps


def rankings(collab: nx.Graph, betweenness_sample: int | None = None, seed: int = 7) -> pd.DataFrame:
    """Degree (number of collaborators), weighted degree and betweenness centrality of people.

    Betweenness is exact on small graphs; `betweenness_sample` estimates it from that many
    source nodes on large ones.
    """
    k = betweenness_sample if betweenness_sample and betweenness_sample < collab.number_of_nodes() else None
    between = nx.betweenness_centrality(collab, k=k, seed=seed)
    frame = pd.DataFrame({
        "person": list(collab.nodes),
        "name": [collab.nodes[n]["name"] for n in collab.nodes],
        "collaborators": [collab.degree(n) for n in collab.nodes],
        "shared_credits": [collab.degree(n, weight="weight") for n in collab.nodes],
        "betweenness": [between[n] for n in collab.nodes],
    })
    return frame.astype({"person": "string", "name": "string", "collaborators": "Int64",
                         "shared_credits": "Int64"}).sort_values(
        ["betweenness", "collaborators", "name"], ascending=[False, False, True], ignore_index=True)


def communities(collab: nx.Graph, seed: int = 7) -> pd.DataFrame:
    """Louvain communities of the weighted collaboration graph: person, name, community."""
    groups = nx.community.louvain_communities(collab, weight="weight", seed=seed)
    rows = [(p, collab.nodes[p]["name"], i) for i, group in
            enumerate(sorted(groups, key=lambda g: (-len(g), min(g)))) for p in sorted(group)]
    return pd.DataFrame(rows, columns=["person", "name", "community"]).astype(
        {"person": "string", "name": "string", "community": "Int64"})


def export(graph: nx.Graph, path: Path | str) -> Path:
    """Write a graph as GraphML (.graphml) or GEXF (.gexf, for Gephi); list attributes become text."""
    path = Path(path)
    plain = nx.Graph()
    for node, data in graph.nodes(data=True):
        plain.add_node(node, **{k: _plain(v) for k, v in data.items()})
    for a, b, data in graph.edges(data=True):
        plain.add_edge(a, b, **{k: _plain(v) for k, v in data.items()})
    if path.suffix.lower() == ".graphml":
        nx.write_graphml(plain, path)
    elif path.suffix.lower() == ".gexf":
        nx.write_gexf(plain, path)
    else:
        raise KGraphError(f"cannot export a network to {path.name!r}: use .graphml or .gexf")
    return path


def _plain(value: object) -> object:
    if isinstance(value, (set, list, tuple)):
        return " | ".join(sorted(map(str, value)))
    return value


def draw_neighbourhood(bipartite: nx.Graph, person: str, path: Path | str, radius: int = 2) -> Path:
    """A PNG of a person's titles and collaborators, labelled in Hangul and Latin script."""
    from matplotlib import font_manager
    from matplotlib.figure import Figure  # not pyplot: drawing must not switch the caller's backend

    font = _hangul_font()
    if font is not None:
        font_manager.fontManager.addfont(font)
        family = font_manager.FontProperties(fname=font).get_name()
    else:  # pragma: no cover - only without the font package
        family = "DejaVu Sans"
    sub = nx.ego_graph(bipartite, person, radius=radius)
    positions = nx.spring_layout(sub, seed=7, k=0.9)
    figure = Figure(figsize=(11, 8), dpi=110)
    axes = figure.subplots()
    titles = [n for n in sub if sub.nodes[n]["kind"] == "title"]
    people = [n for n in sub if sub.nodes[n]["kind"] == "person"]
    nx.draw_networkx_edges(sub, positions, ax=axes, alpha=0.4)
    nx.draw_networkx_nodes(sub, positions, nodelist=titles, node_shape="s", node_color="#f2c14e", ax=axes)
    nx.draw_networkx_nodes(sub, positions, nodelist=people, node_color="#5fa8d3", ax=axes)
    nx.draw_networkx_nodes(sub, positions, nodelist=[person], node_color="#e4572e", node_size=500, ax=axes)
    labels = {n: sub.nodes[n].get("label") or sub.nodes[n]["name"] for n in sub}
    nx.draw_networkx_labels(sub, positions, labels, font_family=family, font_size=9, ax=axes)
    axes.set_title(f"{bipartite.nodes[person]['name']}: titles and collaborators", fontfamily=family)
    axes.axis("off")
    figure.tight_layout()
    path = Path(path)
    figure.savefig(path)
    return path


def _hangul_font() -> str | None:
    """NanumGothic from the koreanize-matplotlib package, found without importing it
    (importing it would change matplotlib's global settings)."""
    import importlib.util

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or spec.origin is None:  # pragma: no cover
        return None
    candidate = Path(spec.origin).parent / "fonts" / "NanumGothic.ttf"
    return str(candidate) if candidate.exists() else None


def similar_titles(credits: pd.DataFrame, features: pd.DataFrame, title: str, limit: int = 10) -> pd.DataFrame:
    """Titles like `title`, scored by shared people (1 each), genres (0.5) and themes (0.5),
    each with the reason it was suggested."""
    people = credits.groupby("title")["person"].apply(set).to_dict()
    names = dict(zip(credits["person"], credits["person_name"]))
    titles = dict(zip(credits["title"], credits["title_name"]))
    feats: dict[str, dict[str, set[str]]] = {}
    for row in features.itertuples(index=False):
        feats.setdefault(row.title, {}).setdefault(row.kind, set()).add(row.label)
        titles.setdefault(row.title, row.title_name)
    if title not in titles:
        raise KGraphError(f"no title {title} in the graph")
    mine = people.get(title, set())
    rows = []
    for other in titles:
        if other == title:
            continue
        shared = sorted(names[p] for p in mine & people.get(other, set()))
        genres = sorted(feats.get(title, {}).get("genre", set()) & feats.get(other, {}).get("genre", set()))
        themes = sorted(feats.get(title, {}).get("theme", set()) & feats.get(other, {}).get("theme", set()))
        score = len(shared) + 0.5 * len(genres) + 0.5 * len(themes)
        if score == 0:
            continue
        reasons = []
        if shared:
            reasons.append("shares " + ", ".join(shared))
        if genres:
            reasons.append("also " + ", ".join(genres))
        if themes:
            reasons.append("also about " + ", ".join(themes))
        rows.append((other, titles[other], score, "; ".join(reasons)))
    frame = pd.DataFrame(rows, columns=["title", "title_name", "score", "why"])
    frame = frame.astype({"title": "string", "title_name": "string", "score": "Float64", "why": "string"})
    return frame.sort_values(["score", "title_name"], ascending=[False, True], ignore_index=True).head(limit)
