"""The build: review files -> Documents -> facts -> one named graph per review, idempotently.

Each graph carries its own provenance (`<graph> kg:sourceFile "data/reviews/x.txt" ;
kg:fingerprint "..."`, and the warnings its extraction gave), written in the same
transaction as its content, so the store's named graphs are the truth about what was
built: a build killed at any moment leaves every graph complete or as it was, and the next
build reconciles graphs that no current source explains. A source whose fingerprint (its
bytes, the alias table, the catalogues, the ontology and the extractor's code) is unchanged
is skipped; a changed one replaces exactly its own graphs; graphs whose source file is gone
are removed. A file that cannot be read or extracted is reported and its previous graphs
stay as they were. Source paths are stored relative to the folder the build runs in, so two
clones build identical dumps.
"""
from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rdflib import Literal, URIRef

from kgraph.errors import KGraphError, SourceError
from kgraph.catalog import load_json, register_people, register_title
from kgraph.extract.lexicon import load_lexicon
from kgraph.parallel import SourceResult, extract_sources
from kgraph.ontology import BUILD_GRAPH, GRAPH_IRI, ONTOLOGY_GRAPH, ontology_files, ontology_graph
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import SUFFIXES
from kgraph.store import DEFAULT_SELECTOR
from kgraph.store.base import GraphData, Store, write_nquads
from kgraph.vocab import KG

log = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent
PIPELINE_CODE = ("extract", "sources", "mapping.py", "names.py", "resolve.py", "vocab.py", "catalog.py")
DEFAULT_PATHS = ("data/catalog", "data/reviews")
DEFAULT_DUMP = "data/kgraph.nq"
AUTO = "auto"  # the default dump: data/kgraph.nq for the default store, none for any other
SOURCE_GRAPHS = (GRAPH_IRI + "review/", GRAPH_IRI + "catalog/")
BULK_TRIPLES = 100_000  # new graphs gathered before a bulk load, in a large build
POOL_FROM = 24  # sources to extract before a build starts a process pool
COMPACT_FROM = 200  # graphs built (and a tenth of the store) before a build compacts an on-disk store
PROVENANCE_QUERY = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT ?graph ?file ?fingerprint WHERE { GRAPH ?graph { ?graph kg:sourceFile ?file ; kg:fingerprint ?fingerprint } }"""
WARNINGS_QUERY = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT ?graph ?warning WHERE { GRAPH ?graph { ?graph kg:buildWarning ?warning } }"""
MANIFEST_QUERY = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT ?graph ?file ?fingerprint WHERE {
  GRAPH ?build { ?graph kg:sourceFile ?file ; kg:fingerprint ?fingerprint }
}"""


@dataclass
class BuildReport:
    """What a build did; `ok` is False when any source failed."""

    built: list[tuple[str, str, int]] = field(default_factory=list)  # (source, graph, triples)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[str] = field(default_factory=list)
    dump: str | None = None
    dump_kept: str | None = None  # why an existing dump was left as it was
    cleaned: list[str] = field(default_factory=list)  # scratch graphs a killed writer left
    set_aside: str | None = None  # where `--rebuild` moved the old store
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def review_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files to build: folders are searched for reviews and catalogue (.json) files; files are taken as given."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                          and (p.suffix.lower() in SUFFIXES or p.suffix.lower() == ".json"))
        else:
            out.append(path)
    seen: set[str] = set()
    return [p for p in out if not (_real(p) in seen or seen.add(_real(p)))]


def _real(path: Path) -> str:
    """A file's real path; a symlink loop is kept as given (reading it reports the loop)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def pipeline_fingerprint(aliases: Path | None, catalogs: Iterable[Path] = ()) -> str:
    """Hash of everything extraction depends on besides the source itself: the ontology,
    the extractor's code, the alias table and the catalogues (they decide who is who)."""
    files: list[Path] = [*ontology_files()]
    for name in PIPELINE_CODE:
        target = PACKAGE_DIR / name
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    parts = [f.read_bytes() for f in files]
    if aliases is not None and aliases.is_file():
        parts.append(aliases.read_bytes())
    parts += [p.read_bytes() for p in sorted(catalogs) if p.is_file()]
    return _digest(*parts)


def source_id(path: Path, root: Path) -> str:
    """How a source is named in the store: its path relative to `root` (POSIX), else absolute."""
    absolute = Path(_real(path)) if not path.is_symlink() else path.absolute()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.absolute().relative_to(root).as_posix()
        except ValueError:
            return absolute.as_posix()


def _relative(source: str, root: Path) -> str:
    """A stored source path as this build names it (older stores kept absolute paths)."""
    if source.startswith("/"):
        try:
            return Path(source).relative_to(root).as_posix()
        except ValueError:
            return source
    return source


def _in_scope(source: str, scope: list[str]) -> bool:
    """True when `source` is one of the build's files or lies under one of its folders."""
    return any(source == s or source.startswith(s.rstrip("/") + "/") for s in scope)


def _register_catalogs(files: list[Path], root: Path, resolver: Resolver, report: BuildReport) -> set[Path]:
    """Put the catalogues' people and titles into the resolver first; returns files that failed."""
    failed: set[Path] = set()
    people_first = sorted(files, key=lambda p: (not p.stem.startswith("people"), str(p)))
    for path in people_first:
        source = source_id(path, root)
        try:
            data = load_json(path, source)
            if "people" in data:
                register_people(data, path, source, resolver)
            else:
                register_title(data, source, resolver)
        except SourceError as error:
            report.failed.append((source, error.reason))
            failed.add(path)
    return failed


def provenance(store: Store) -> dict[str, tuple[str, str]]:
    """graph -> (source, fingerprint), read from the graphs themselves (and from the manifest
    graph of stores built before graphs carried their own provenance)."""
    found = {str(g): (str(f), str(fp)) for g, f, fp in _manifest(store).rows}
    rows = store.select_all(PROVENANCE_QUERY, order="?graph ?file ?fingerprint")
    found.update({str(g): (str(f), str(fp)) for g, f, fp in rows.rows})
    return found


def stored_warnings(store: Store) -> dict[str, list[str]]:
    """graph -> the warnings its extraction gave when it was built."""
    out: dict[str, list[str]] = {}
    for graph, warning in store.select_all(WARNINGS_QUERY, order="?graph ?warning").rows:
        out.setdefault(str(graph), []).append(str(warning))
    return out


def build(store: Store, paths: Iterable[Path | str] = DEFAULT_PATHS, aliases: Path | str | None = "data/aliases.csv",
          dump: Path | str | None = AUTO, progress: bool = False, force: bool = False,
          root: Path | str | None = None, workers: int | None = None) -> BuildReport:
    """Build catalogues and reviews under `paths` into `store` and write an N-Quads dump.

    `dump="auto"` writes data/kgraph.nq for the default store only; a build with failures
    never replaces an existing dump. Source paths are stored relative to `root` (default:
    the current folder). Sources are extracted in `workers` processes (default: one per core
    when there are many to extract) and written to the store as they come back, in their order.
    """
    started = time.perf_counter()
    report = BuildReport()
    root_path = Path(root or Path.cwd()).resolve()
    alias_path = Path(aliases) if aliases else None
    if alias_path is not None and not alias_path.is_file():
        report.warnings.append(f"{alias_path}: no alias table there; building without one")
    table = AliasTable.load(alias_path) if alias_path is not None and alias_path.is_file() else AliasTable()
    resolver = Resolver(table)
    lexicon = load_lexicon()
    given = list(paths)
    if tuple(map(str, given)) == DEFAULT_PATHS:  # the default folders may be absent
        given = [p for p in DEFAULT_PATHS if Path(p).exists()]
    scope = [source_id(Path(p), root_path) for p in (paths if tuple(map(str, paths)) == DEFAULT_PATHS else given)]
    files = review_files(given)
    catalogs = [f for f in files if f.suffix.lower() == ".json"]
    bad_catalogs = _register_catalogs(catalogs, root_path, resolver, report)
    pipeline = pipeline_fingerprint(alias_path, catalogs)
    if hasattr(store, "cleanup_staging"):
        report.cleaned = store.cleanup_staging()
    _load_ontology(store)

    state = {g: (_relative(f, root_path), fp) for g, (f, fp) in provenance(store).items()}  # what the store holds
    warnings_then = stored_warnings(store)
    built_now: dict[str, str] = {}  # graph -> source
    ordered = [f for f in catalogs if f not in bad_catalogs] + [f for f in files if f.suffix.lower() != ".json"]
    by_source: dict[str, set[str]] = {}
    for graph, (file, _) in state.items():
        by_source.setdefault(file, set()).add(graph)
    todo: list[_Job] = []
    for path in ordered:
        source = source_id(path, root_path)
        previous = set(by_source.get(source, ()))
        try:
            data = path.read_bytes()
        except OSError as error:
            report.failed.append((source, f"cannot be read: {error.strerror or error}"))
            built_now.update({g: source for g in previous})
            continue
        fingerprint = _digest(data, pipeline.encode())
        if not force and previous and all(state[g][1] == fingerprint for g in previous):
            report.unchanged += [(source, g) for g in sorted(previous)]
            report.warnings += [w for g in sorted(previous) for w in warnings_then.get(g, [])]
            built_now.update({g: source for g in previous})
            continue
        todo.append(_Job(path, source, fingerprint, previous))

    if workers is None:
        workers = 1 if len(todo) < POOL_FROM else None  # a pool pays off from a few dozen sources
    results: Iterable[SourceResult] = extract_sources([(j.path, j.source, j.fingerprint) for j in todo],
                                                      resolver, lexicon, workers=workers)
    if progress and len(todo) > 1:
        from tqdm import tqdm
        results = tqdm(results, total=len(todo), desc="build", unit="file", disable=None, leave=False)
    writer = _Writer(store, report, state, built_now, bulk=len(todo) >= POOL_FROM)
    for job, result in zip(todo, results):
        writer.add(job, result)
    writer.flush()

    _reconcile(store, state, built_now, scope, root_path, report, force)
    if report.built or report.removed or BUILD_GRAPH not in store.graphs():
        _write_manifest(store, state)  # unchanged when nothing was built or removed
    if len(report.built) >= COMPACT_FROM and len(report.built) * 10 >= len(state) and hasattr(store, "compact"):
        store.compact()  # a large build leaves RocksDB's files three times their compacted size
    if report.built or report.removed:
        from kgraph.analysis.reunions import refresh
        refresh(store)  # the derived (person, title) table beside an on-disk store
    _write_dump(store, dump, report)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Job:
    """A source to extract: its file, its name in the store, its fingerprint, the graphs it made before."""

    path: Path
    source: str
    fingerprint: str
    previous: set[str]


@dataclass
class _Source:
    """What one source gave, as the writer records it."""

    job: _Job
    graphs: list[tuple[str, str, GraphData, list[str]]] = field(default_factory=list)  # (graph, label, content, warnings)
    produced: set[str] = field(default_factory=set)  # graphs this source keeps or makes
    ok: bool = True


class _Writer:
    """Writes each source's graphs to the store as its extraction comes back (one transaction
    per graph, each with its provenance) and keeps the report and the build's view of the store in step."""

    def __init__(self, store: Store, report: BuildReport, state: dict[str, tuple[str, str]],
                 built_now: dict[str, str], bulk: bool = False) -> None:
        self.store, self.report, self.state, self.built_now = store, report, state, built_now
        # a large build gathers new sources' graphs and loads them in bulk where the store can
        self.bulk = bulk and hasattr(store, "load_graphs")
        self.pending: list[_Source] = []
        self.pending_triples = 0
        self.reserved: dict[str, str] = {}  # graph -> source, for gathered graphs not yet recorded

    def add(self, job: _Job, result: SourceResult) -> None:
        """Check what one source gave (collisions, extraction failures), then write it."""
        source, previous = job.source, job.previous
        if result.error is not None:
            self.report.failed.append((source, result.error))
            self.built_now.update({g: source for g in previous})  # what an earlier build made stays
            return
        entry = _Source(job)
        seen: set[str] = set()
        for unit in result.units:
            graph, label = unit.graph, unit.label
            if graph in seen:
                self.report.failed.append((label, f"another post of {source} already makes the graph {graph}; "
                                                  "give each post its own URL or post id"))
                entry.ok = False
                continue
            seen.add(graph)
            owner = self.built_now.get(graph) or self.reserved.get(graph)
            if owner is not None and owner != source:
                self.report.failed.append((label, f"its graph {graph} was already built from "
                                                  f"{owner}; two sources cannot share a graph: "
                                                  "rename one of the files or give one review another URL"))
                entry.ok = False
            elif unit.error is not None:
                self.report.failed.append((label, unit.error))
                entry.ok = False
                if graph in previous:
                    entry.produced.add(graph)  # keep what an earlier build made
            else:
                entry.graphs.append((graph, label, unit.data, unit.warnings))
        if self.bulk and not job.previous and entry.ok:
            self.pending.append(entry)
            self.reserved.update({graph: source for graph, _, _, _ in entry.graphs})
            self.pending_triples += sum(data.count for _, _, data, _ in entry.graphs)
            if self.pending_triples >= BULK_TRIPLES:
                self.flush()
            return
        self.flush()  # sources are recorded in their order
        self._record(entry, self._write(entry))

    def flush(self) -> None:
        """Load the gathered new sources' graphs in bulk, then record them (one by one if that fails)."""
        entries, self.pending, self.pending_triples, self.reserved = self.pending, [], 0, {}
        if not entries:
            return
        try:
            self.store.load_graphs([data for entry in entries for _, _, data, _ in entry.graphs])  # type: ignore[attr-defined]
        except KGraphError:
            for entry in entries:
                self._record(entry, self._write(entry))
            return
        for entry in entries:
            self._record(entry, {})

    def _write(self, entry: _Source) -> dict[str, KGraphError]:
        """Write a source's graphs; returns the ones that failed, with their errors."""
        failed: dict[str, KGraphError] = {}
        graphs = [data for _, _, data, _ in entry.graphs]
        try:
            self.store.replace_graphs(graphs)
        except KGraphError:  # find which graph failed: again one at a time (a graph written twice is the same)
            for data in graphs:
                try:
                    self.store.replace_graphs([data])
                except KGraphError as error:
                    failed[data.graph] = error
        return failed

    def _record(self, entry: _Source, failed: dict[str, KGraphError]) -> None:
        """Record each of a source's graphs as built or failed, and drop graphs it no longer makes."""
        job = entry.job
        for graph, label, data, warnings in entry.graphs:
            if graph in failed:
                self.report.failed.append((label, str(failed[graph])))
                entry.ok = False
                if graph in job.previous:
                    entry.produced.add(graph)
                continue
            log.info("built %s -> %s (%d triples)", label, graph, data.count)
            self.report.warnings += warnings
            self.report.built.append((label, graph, data.count))
            entry.produced.add(graph)
            self.state[graph] = (job.source, job.fingerprint)
        self.built_now.update({g: job.source for g in entry.produced})
        for graph in job.previous - entry.produced:
            if entry.ok:
                _remove(self.store, graph, self.state, self.report)
            else:
                self.built_now[graph] = job.source


def _remove(store: Store, graph: str, state: dict, report: BuildReport) -> None:
    store.remove_graph(graph)
    state.pop(graph, None)
    report.removed.append(graph)
    log.info("removed %s", graph)


def _reconcile(store: Store, state: dict[str, tuple[str, str]], built_now: dict[str, str], scope: list[str],
               root: Path, report: BuildReport, force: bool) -> None:
    """Remove graphs no current source explains: their source lies in this build's scope and is
    gone, or (with `force`, kgraph's own source graphs) they say nothing of where they came from."""
    for graph, (source, _) in sorted(state.items()):
        if graph in built_now:
            continue
        if _in_scope(source, scope) and not (root / source).exists():
            _remove(store, graph, state, report)
    if not force:
        return
    orphans = [g for g in store.graphs() if g.startswith(SOURCE_GRAPHS) and g not in state and g not in built_now]
    for graph in orphans:
        _remove(store, graph, state, report)


def _write_dump(store: Store, dump: Path | str | None, report: BuildReport) -> None:
    """The dump belongs to its store: `auto` only for the default store; never after a failure."""
    if dump == AUTO:
        dump = DEFAULT_DUMP if store.selector == DEFAULT_SELECTOR else None
    if not dump:
        return
    dump_path = Path(dump)
    if not report.ok and dump_path.exists():
        report.dump_kept = f"{dump_path} was left as it was: this build had errors"
        return
    try:
        write_nquads(store.quads(), dump_path)
    except OSError as error:
        raise KGraphError(f"cannot write the dump to {dump_path}: {error.strerror or error} "
                          "(the store was built; give --dump PATH or --no-dump)") from None
    report.dump = str(dump_path)


def _load_ontology(store: Store) -> None:
    """Keep the ontology graph in the store in step with ontology/ (for labels in queries)."""
    digest = _digest(*(p.read_bytes() for p in ontology_files()))
    marker = URIRef(ONTOLOGY_GRAPH)
    if store.ask("ASK { GRAPH ?g { ?o <https://w3id.org/kgraph/ontology#fingerprint> ?d } }",
                 {"g": marker, "o": marker, "d": Literal(digest)}):
        return
    triples = list(ontology_graph()) + [(marker, KG.fingerprint, Literal(digest))]
    store.replace_graph(ONTOLOGY_GRAPH, triples)


def _manifest(store: Store):
    return store.select_all(MANIFEST_QUERY, {"build": URIRef(BUILD_GRAPH)}, order="?graph ?file ?fingerprint")


def _write_manifest(store: Store, manifest: dict[str, tuple[str, str]]) -> None:
    """A summary of the graphs' own provenance in one graph (what analytics tables key on)."""
    triples = []
    for graph, (file, fingerprint) in sorted(manifest.items()):
        node = URIRef(graph)
        triples += [(node, KG.sourceFile, Literal(file)), (node, KG.fingerprint, Literal(fingerprint))]
    store.replace_graph(BUILD_GRAPH, triples)
