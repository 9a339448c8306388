"""The Python API: one object over a store, with the same verbs as the CLI. Questions come
back as pandas DataFrames with proper dtypes.

    >>> from kgraph import KGraph
    >>> kg = KGraph("memory:")
    >>> report = kg.build(["data/catalog", "data/reviews"], dump=None)
    >>> kg.stats()["titles"]
    14
    >>> kg.reunions(person="Kim Ji-hoon")[["a_name", "b_name", "titles"]].values.tolist()
    [['Jeon Jong-seo', 'Kim Ji-hoon', 2]]
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pandas as pd

from kgraph.build import AUTO, DEFAULT_PATHS, BuildReport
from kgraph.build import build as _build
from kgraph.errors import KGraphError, StoreMissing
from kgraph.export import export as _export
from kgraph.frames import to_frame
from kgraph.queries import load_query, run_query
from kgraph.store import DEFAULT_SELECTOR, Rows, Store, open_store
from kgraph.validate import ValidationReport
from kgraph.validate import validate as _validate


def default_selector() -> str:
    """The store selector from $KGRAPH_STORE, else the embedded default."""
    return os.environ.get("KGRAPH_STORE", DEFAULT_SELECTOR)


class KGraph:
    """A knowledge graph in a store: build it, ask it questions, analyse it, export it.

    The store is opened on first use. Only `build` creates an on-disk store; every other
    verb on a selector where no store exists raises StoreMissing. `read_only=True` opens
    without the write lock (queries beside a running build, or on a read-only copy).
    """

    def __init__(self, store: str | Store | None = None, *, read_only: bool = False) -> None:
        self.selector = store.selector if hasattr(store, "select") else (store or default_selector())  # type: ignore[union-attr]
        self._store: Store | None = store if hasattr(store, "select") else None  # type: ignore[assignment]
        self.read_only = read_only

    @property
    def store(self) -> Store:
        """The open store (opened now if it was not yet)."""
        if self._store is None:
            self._store = open_store(self.selector, create=False, read_only=self.read_only)
        return self._store

    # ------------------------------------------------------------------ building
    def build(self, paths: Iterable[Path | str] = DEFAULT_PATHS, aliases: Path | str | None = "data/aliases.csv",
              dump: Path | str | None = AUTO, progress: bool = False, force: bool = False,
              rebuild: bool = False, workers: int | None = None) -> BuildReport:
        """Ingest catalogue and review files into the store (see kgraph.build.build).

        `workers` extraction processes (default: one per core when many sources changed).
        `rebuild=True` sets a damaged (or any) on-disk store aside as PATH.broken-TIMESTAMP and
        builds a new one from the sources; on a SPARQL server it drops kgraph's source graphs first.
        """
        if self.read_only:
            raise KGraphError(f"the store {self.selector} was opened read-only; open it writable to build")
        if rebuild:
            from kgraph.store.repair import set_aside
            self.close()
            kept = set_aside(self.selector)
            force = True
        if self._store is None:
            self._store = open_store(self.selector, create=True)
        report = _build(self.store, paths, aliases=aliases, dump=dump, progress=progress, force=force,
                        workers=workers)
        report.set_aside = kept if rebuild else None
        return report

    def validate(self) -> ValidationReport:
        """Check the graph against ontology/shapes.ttl."""
        return _validate(self.store)

    def export(self, path: Path | str, format: str | None = None) -> int:
        """Write the whole dataset to `path` (N-Quads, TriG, Turtle or N-Triples); returns the count."""
        from kgraph.export import export_format
        fmt = export_format(Path(path), format)  # a bad suffix is the error to report, before any store
        return _export(self.store, path, fmt)

    # ------------------------------------------------------------------ questions
    def rows(self, name: str | Path, **params: object) -> Rows:
        """A named query's raw result: RDF terms."""
        named = load_query(name)  # an unknown name is the error to report, before any store
        return run_query(self.store, named, params)

    def query(self, name: str | Path, **params: object) -> pd.DataFrame:
        """Run a named query from queries/ (or a .rq file) with its parameters bound."""
        return to_frame(self.rows(name, **params))

    def stats(self) -> dict[str, int]:
        """Counts of titles, people, characters, credits, claims, reviews, catalogues, sentences, ..."""
        counts = {str(what): int(count) for what, count in run_query(self.store, "stats").rows}
        for key in ("titles", "people", "characters", "credits", "reviews", "catalogues", "claims", "sentences"):
            counts.setdefault(key, 0)
        counts["graphs"] = len(self.store.graphs())
        return counts

    def person(self, name: str) -> tuple[str, str]:
        """(IRI, name) of the person `name` denotes (any spelling, Hangul or IRI)."""
        from kgraph.analysis.lookup import find
        return find(self.store, "person", name)

    def title(self, name: str) -> tuple[str, str]:
        """(IRI, name) of the title `name` denotes."""
        from kgraph.analysis.lookup import find
        return find(self.store, "title", name)

    def cast(self, title: str) -> pd.DataFrame:
        """A title's cast and crew: person, role and character."""
        return _specific(self.query("cast", title=self.title(title)[0]))

    def filmography(self, person: str) -> pd.DataFrame:
        """A person's titles, years, roles and characters: filmography.rq's rows, read from the
        derived table beside an on-disk store (refreshed first when stale), else through SPARQL."""
        from kgraph.analysis.filmography import filmography
        iri = self.person(person)[0]
        frame = filmography(self.store, iri)
        return _specific(self.query("filmography", person=iri) if frame is None else frame)

    def costars(self, person: str) -> pd.DataFrame:
        """A person's titles with everyone else credited on each."""
        return self.query("costars", person=self.person(person)[0])

    def conflicts(self) -> pd.DataFrame:
        """Where sources disagree (year, runtime, episodes, Korean name, character, release date),
        Wikidata included once `link_wikidata(enrich=True)` has run."""
        frames = [self.query("conflicts"), self.query("wikidata-conflicts")]
        return pd.concat([f for f in frames if not f.empty] or frames[:1], ignore_index=True)

    def link(self, target: str = "wikidata", **options):
        """Link the graph to another knowledge graph; `target` is "wikidata" (see link_wikidata)."""
        if target != "wikidata":
            raise KGraphError(f"cannot link to {target!r}: the only target is wikidata")
        return self.link_wikidata(**options)

    def link_wikidata(self, settings=None, enrich: bool = False,
                      decisions: Path | str | None = "data/wikidata-decisions.csv",
                      aliases: Path | str | None = "data/aliases.csv"):
        """Reconcile titles and people with Wikidata into the graph .../graph/wikidata
        (see kgraph.wikidata); returns a LinkReport with the links and the candidates left."""
        from kgraph.wikidata import Settings, default_cache, link
        if self.read_only:
            raise KGraphError(f"the store {self.selector} was opened read-only; open it writable to link")
        if settings is None:
            settings = Settings(cache=default_cache(self.store))
        return link(self.store, settings, enrich=enrich, decisions=decisions, aliases=aliases)

    def people(self, duplicates: bool = False, aliases: Path | str = "data/aliases.csv") -> pd.DataFrame:
        """Every person, or (duplicates=True) the pairs that may be one person, with why."""
        if not duplicates:
            return self.query("people")
        from kgraph.people import likely_duplicates
        from kgraph.resolve import AliasTable

        found = likely_duplicates(self.store, AliasTable.load(aliases))
        return pd.DataFrame([(d.a, d.a_name, d.b, d.b_name, d.why) for d in found],
                            columns=["a", "a_name", "b", "b_name", "why"], dtype="string")

    # ------------------------------------------------------------------ analyses
    def reunions(self, min_titles: int = 2, person: str | None = None) -> pd.DataFrame:
        """Pairs credited together on at least `min_titles` titles (optionally one person's)."""
        from kgraph.analysis.reunions import reunions
        return reunions(self.store, min_titles, self.person(person)[0] if person else None)

    def network(self):
        """(person–title graph, collaboration graph) as networkx graphs."""
        from kgraph.analysis import network
        bipartite = network.person_title_graph(network.credit_table(self.store))
        return bipartite, network.collaboration_graph(bipartite)

    def path(self, a: str, b: str) -> pd.DataFrame:
        """The shortest chain of shared titles from person `a` to person `b`."""
        from kgraph.analysis.network import collaboration_path
        bipartite, _ = self.network()
        steps = collaboration_path(bipartite, self.person(a)[0], self.person(b)[0])
        return pd.DataFrame([(s.person, s.person_name, s.title, s.title_name) for s in steps],
                            columns=["person", "person_name", "title", "title_name"], dtype="string")

    def similar(self, title: str, limit: int = 10) -> pd.DataFrame:
        """Titles like `title` by shared people, genres and themes, each with why."""
        from kgraph.analysis.network import credit_table, similar_titles
        return similar_titles(credit_table(self.store), self.query("title-features"), self.title(title)[0], limit)

    def rankings(self) -> pd.DataFrame:
        """People by betweenness and degree in the collaboration graph."""
        from kgraph.analysis.network import rankings
        return rankings(self.network()[1], betweenness_sample=500)

    def communities(self) -> pd.DataFrame:
        """Louvain communities of the collaboration graph."""
        from kgraph.analysis.network import communities
        return communities(self.network()[1])

    def export_network(self, path: Path | str, which: str = "collaboration") -> Path:
        """Write the collaboration (or person–title) graph as GraphML or GEXF."""
        from kgraph.analysis.network import export
        bipartite, collab = self.network()
        return export(collab if which == "collaboration" else bipartite, path)

    def draw(self, person: str, path: Path | str) -> Path:
        """A PNG of a person's neighbourhood: their titles and collaborators."""
        from kgraph.analysis.network import draw_neighbourhood
        return draw_neighbourhood(self.network()[0], self.person(person)[0], path)

    # ------------------------------------------------------------------ JSON-LD
    def jsonld(self, target: str | Path, aliases: Path | str | None = "data/aliases.csv") -> dict:
        """schema.org JSON-LD for one review: a review file (read on the fly, no build needed),
        a review's IRI or URL, or a title in the store (a title several reviews cover gets
        each review's document, by review IRI, in one `@graph`)."""
        from kgraph import jsonld

        path = Path(str(target))
        if path.is_file():
            return _jsonld_of_file(path, aliases)
        reviews = self.query("review-graphs")
        text = str(target).strip()
        if text.startswith(("http://", "https://")):
            hit = reviews[(reviews["review"] == text) | (reviews["url"] == text)]
        else:
            iri = self.title(text)[0]
            hit = reviews[reviews["title"] == iri]
        if hit.empty:
            raise KGraphError(f"no review in the store matches {text!r}")
        graphs = hit.sort_values("review").drop_duplicates("graph")["graph"]
        return jsonld.reviews_document(self.store, [str(g) for g in graphs])

    def embed(self, page: Path | str, out: Path | str | None = None,
              aliases: Path | str | None = "data/aliases.csv") -> Path:
        """Put the page's JSON-LD block into an HTML review page (replacing kgraph's earlier one)."""
        from kgraph.embed import embed_page
        return embed_page(Path(page), lambda html, label: self._page_document(html, label, aliases),
                          Path(out) if out else None)

    def embed_blogger(self, export: Path | str, aliases: Path | str | None = "data/aliases.csv"):
        """A new Blogger export with a JSON-LD block in every post kgraph can read."""
        from kgraph.embed import embed_blogger
        return embed_blogger(Path(export), lambda html, label: self._page_document(html, label, aliases))

    def _page_document(self, html: str, label: str, aliases: Path | str | None) -> dict:
        from kgraph.sources import read_text
        [doc] = read_text(html, label, "html")
        if doc.url:
            try:
                reviews = self.query("review-graphs")
            except StoreMissing:  # no store yet: the page is described on its own, as `jsonld FILE` is
                return _jsonld_of_documents([doc], aliases)
            hit = reviews[reviews["url"] == doc.url]
            if hit["graph"].nunique() == 1:
                from kgraph import jsonld
                return jsonld.document(self.store, str(hit["graph"].iloc[0]))
        return _jsonld_of_documents([doc], aliases)

    def evaluate(self, gold_dir: Path | str, pages: Path | str = "data/devset/pages",
                 aliases: Path | str | None = "data/aliases.csv"):
        """Score extraction against the gold files of `gold_dir` (kgraph-gold/1), each page read
        from `pages` and extracted in memory: an EvaluationReport (see kgraph.evaluation)."""
        from kgraph.evaluation import evaluate
        return evaluate(gold_dir, pages, aliases)

    # ------------------------------------------------------------------ the web
    def serve(self, host: str = "127.0.0.1", port: int = 8000, **settings: object) -> None:
        """Serve this graph's store read-only over HTTP (see `kgraph serve` and `serve` below)."""
        serve(self.selector, host=host, port=port, **settings)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> "KGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve_app(store: str | None = None, **settings: object):
    """The ASGI app of `kgraph serve` for `store` (read-only), for uvicorn or any ASGI server;
    settings: base, max_rows, timeout, max_query_bytes, workers, refresh."""
    from kgraph.serve import Settings, create_app
    return create_app(Settings(store or default_selector(), **settings))  # type: ignore[arg-type]


def serve(store: str | None = None, host: str = "127.0.0.1", port: int = 8000, **settings: object) -> None:
    """Serve the graph read-only over HTTP until interrupted (see `kgraph serve`)."""
    from kgraph.serve import Settings
    from kgraph.serve import serve as _serve
    _serve(Settings(store or default_selector(), **settings), host=host, port=port)  # type: ignore[arg-type]


def _jsonld_of_file(path: Path, aliases: Path | str | None) -> dict:
    from kgraph.sources import read_source
    documents = read_source(path, str(path))
    if len(documents) != 1:
        raise KGraphError(f"{path} holds {len(documents)} posts; use `kgraph embed --blogger` for an export")
    return _jsonld_of_documents(documents, aliases)


def _jsonld_of_documents(documents: list, aliases: Path | str | None) -> dict:
    """Extract one review in memory and describe it: no store, no build."""
    from kgraph import jsonld
    from kgraph.extract import extract, review_graph
    from kgraph.mapping import facts_to_triples
    from kgraph.resolve import AliasTable, Resolver

    table = AliasTable.load(aliases) if aliases and Path(aliases).exists() else AliasTable()
    [doc] = documents
    facts = extract(doc, Resolver(table))
    with open_store("memory:") as store:
        from kgraph.build import _load_ontology
        _load_ontology(store)
        graph = review_graph(doc)
        store.replace_graph(graph, facts_to_triples(facts))
        return jsonld.document(store, graph)


def _specific(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop bare "credited" rows (a source said only "worked together in ...") where another
    source gives the same person's job or character on the same title."""
    if "role" not in frame.columns or frame.empty:
        return frame
    key = ["person"] if "person" in frame.columns else ["title"]
    known = frame[frame["role"] != "credited"][key].drop_duplicates()
    bare = frame["role"] == "credited"
    redundant = bare & frame[key[0]].isin(known[key[0]])
    return frame[~redundant].reset_index(drop=True)


__all__ = ["KGraph", "KGraphError", "default_selector", "serve", "serve_app"]
