"""Extraction of many sources in a process pool, streamed back in order.

Extraction is CPU-bound and independent per source (the resolver is read-only once the
catalogues are registered), so a build can read and extract sources on every core while the
main process writes the finished graphs to the store in order. At most a few sources per
worker are in flight, so a large build never holds every review's triples at once.

    for result in extract_sources(jobs, resolver, lexicon, workers=2):
        if result.error: ...                  # the file could not be read
        for unit in result.units:             # one per named graph the file makes
            ...                               # unit.data (N-Triples), or unit.error

`kgraph.build` writes each source's graphs as they come back (`Store.replace_graphs`).
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Literal, URIRef

from kgraph.catalog import catalog_graph, read_catalog
from kgraph.errors import KGraphError, SourceError
from kgraph.extract import extract, review_graph
from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.mapping import facts_to_triples
from kgraph.resolve import Resolver
from kgraph.sources import read_source
from kgraph.store.base import GraphData, Triple
from kgraph.vocab import KG


Unit = tuple[str, str, Callable[[], object], list[str]]  # (graph, label, make the facts, source warnings)


def read_units(path: Path, source: str, resolver: Resolver, lexicon: Lexicon) -> list[Unit]:
    """The graphs one file makes, each with a thunk that extracts its facts."""
    if path.suffix.lower() == ".json":
        return [(catalog_graph(path), source, lambda: read_catalog(path, source, resolver, lexicon), [])]
    documents = read_source(path, source)
    return [(review_graph(doc), source if len(documents) == 1 else f"{source} (post {doc.post_title!r})",
             lambda doc=doc: extract(doc, resolver, lexicon), list(getattr(doc, "warnings", [])))
            for doc in documents]


@dataclass
class UnitResult:
    """One named graph a source makes: its content with its provenance, or the reason it failed."""

    graph: str
    label: str
    data: GraphData | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class SourceResult:
    """What one source file gave: its graphs, or the reason it could not be read at all."""

    path: Path
    source: str
    units: list[UnitResult] = field(default_factory=list)
    error: str | None = None


def extract_source(path: Path, source: str, resolver: Resolver, lexicon: Lexicon | None = None,
                   fingerprint: str = "") -> SourceResult:
    """Read one review or catalogue file and extract each of its graphs, written as N-Triples
    with the graph's provenance: its source, `fingerprint` and the warnings extraction gave."""
    result = SourceResult(Path(path), source)
    try:
        units = read_units(result.path, source, resolver, lexicon or load_lexicon())
    except SourceError as error:
        result.error = error.reason
        return result
    except Exception as error:  # noqa: BLE001 - one bad source never stops the build
        result.error = _unexpected(error)
        return result
    for graph, label, make, notes in units:
        try:
            facts = make()
            warnings = [*notes, *facts.warnings]
            data = GraphData.of(graph, facts_to_triples(facts), provenance_triples(graph, source, fingerprint, warnings))
            result.units.append(UnitResult(graph, label, data, warnings))
        except Exception as error:  # noqa: BLE001 - as in the build: one bad source never stops it
            if isinstance(error, KGraphError):
                reason = error.reason if isinstance(error, SourceError) else str(error)
            else:
                reason = _unexpected(error)
            result.units.append(UnitResult(graph, label, error=reason))
    return result


def provenance_triples(graph: str, source: str, fingerprint: str, warnings: list[str]) -> list[Triple]:
    """What a graph says of itself: `<graph> kg:sourceFile ...; kg:fingerprint ...; kg:buildWarning ...`."""
    node = URIRef(graph)
    return [(node, KG.sourceFile, Literal(source)), (node, KG.fingerprint, Literal(fingerprint)),
            *((node, KG.buildWarning, Literal(w)) for w in dict.fromkeys(warnings))]


def _unexpected(error: Exception) -> str:
    return f"kgraph failed on it ({type(error).__name__}: {error}); please report this"


_WORKER: tuple[Resolver, Lexicon] | None = None


def _start_worker(resolver: Resolver, lexicon: Lexicon) -> None:
    global _WORKER
    _WORKER = (resolver, lexicon)


Job = tuple[Path, str, str]  # (file, its name in the store, its fingerprint)


def _in_worker(job: Job) -> SourceResult:
    assert _WORKER is not None
    path, source, fingerprint = job
    return extract_source(path, source, *_WORKER, fingerprint=fingerprint)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_sources(jobs: Iterable[Job], resolver: Resolver, lexicon: Lexicon | None = None,
                    workers: int | None = None, ahead: int = 4) -> Iterator[SourceResult]:
    """Extract (path, name, fingerprint) jobs in `workers` processes and yield their results in the
    jobs' order, keeping at most `ahead` jobs per worker in flight. With one worker (or one
    job) everything runs in this process."""
    lexicon = lexicon or load_lexicon()
    jobs = list(jobs)
    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1:
        for path, source, fingerprint in jobs:
            yield extract_source(path, source, resolver, lexicon, fingerprint)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(resolver, lexicon)) as pool:
        pending: deque[Future[SourceResult]] = deque()
        queue = iter(jobs)
        try:
            for job in queue:
                pending.append(pool.submit(_in_worker, job))
                if len(pending) >= workers * ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
