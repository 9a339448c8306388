"""Extraction of many sources in a process pool, streamed back in order.

Extraction is CPU-bound and independent per source (the resolver is read-only once the
catalogues are registered), so a build can read and extract sources on every core while the
main process writes the finished graphs to the store in order. At most a few sources per
worker are in flight, so a large build never holds every review's triples at once.

    for result in extract_sources(jobs, resolver, lexicon, workers=2):
        if result.error: ...                  # the file could not be read
        for unit in result.units:             # one per named graph the file makes
            store.replace_graph(unit.graph, unit.triples) if unit.error is None else ...
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from kgraph.errors import KGraphError, SourceError
from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.resolve import Resolver
from kgraph.store.base import Triple


@dataclass
class UnitResult:
    """One named graph a source makes: its triples, or the reason it failed."""

    graph: str
    label: str
    triples: list[Triple] | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class SourceResult:
    """What one source file gave: its graphs, or the reason it could not be read at all."""

    path: Path
    source: str
    units: list[UnitResult] = field(default_factory=list)
    error: str | None = None


def extract_source(path: Path, source: str, resolver: Resolver, lexicon: Lexicon | None = None) -> SourceResult:
    """Read one review or catalogue file and extract each of its graphs' triples (without the
    provenance triples the build adds, which need the fingerprint it computes)."""
    from kgraph.build import _units  # the build's own reading of a file into graphs
    from kgraph.mapping import facts_to_triples

    result = SourceResult(Path(path), source)
    try:
        units = _units(result.path, source, resolver, lexicon or load_lexicon())
    except SourceError as error:
        result.error = error.reason
        return result
    for graph, label, make, notes in units:
        try:
            facts = make()
            result.units.append(UnitResult(graph, label, facts_to_triples(facts), [*notes, *facts.warnings]))
        except Exception as error:  # noqa: BLE001 - as in the build: one bad source never stops it
            if isinstance(error, KGraphError):
                reason = error.reason if isinstance(error, SourceError) else str(error)
            else:
                reason = f"kgraph failed on it ({type(error).__name__}: {error}); please report this"
            result.units.append(UnitResult(graph, label, error=reason))
    return result


_WORKER: tuple[Resolver, Lexicon] | None = None


def _start_worker(resolver: Resolver, lexicon: Lexicon) -> None:
    global _WORKER
    _WORKER = (resolver, lexicon)


def _in_worker(job: tuple[Path, str]) -> SourceResult:
    assert _WORKER is not None
    return extract_source(job[0], job[1], *_WORKER)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_sources(jobs: Iterable[tuple[Path, str]], resolver: Resolver, lexicon: Lexicon | None = None,
                    workers: int | None = None, ahead: int = 4) -> Iterator[SourceResult]:
    """Extract (path, shown name) jobs in `workers` processes and yield their results in the
    jobs' order, keeping at most `ahead` jobs per worker in flight. With one worker (or one
    job) everything runs in this process."""
    lexicon = lexicon or load_lexicon()
    jobs = list(jobs)
    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1:
        for path, source in jobs:
            yield extract_source(path, source, resolver, lexicon)
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
