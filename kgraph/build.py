"""The build: review files -> Documents -> facts -> one named graph per review, idempotently.

A source whose fingerprint (its bytes, the alias table, the ontology and the extractor's
code) is unchanged is skipped; a changed one replaces exactly its own graphs; graphs
whose source file is gone are removed. A file that cannot be read or extracted is
reported and its previous graphs stay as they were.
"""
from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Literal, URIRef

from kgraph.errors import KGraphError, SourceError
from kgraph.extract import extract, review_graph
from kgraph.catalog import catalog_graph, load_json, read_catalog, register_people, register_title
from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.mapping import facts_to_triples
from kgraph.ontology import BUILD_GRAPH, ONTOLOGY_GRAPH, ontology_files, ontology_graph
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import SUFFIXES, read_source
from kgraph.store.base import Store, write_nquads
from kgraph.vocab import KG

log = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent
PIPELINE_CODE = ("extract", "sources", "mapping.py", "names.py", "resolve.py", "vocab.py", "catalog.py")
DEFAULT_PATHS = ("data/catalog", "data/reviews")
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
    seen: set[Path] = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]


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
    if aliases is not None and aliases.exists():
        parts.append(aliases.read_bytes())
    parts += [p.read_bytes() for p in sorted(catalogs) if p.exists()]
    return _digest(*parts)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


Unit = tuple[str, str, Callable[[], object]]  # (graph, label, make the facts)


def _units(path: Path, source: str, resolver: Resolver, lexicon: Lexicon) -> list[Unit]:
    """The graphs one file makes, each with a thunk that extracts its facts."""
    if path.suffix.lower() == ".json":
        return [(catalog_graph(path), source, lambda: read_catalog(path, source, resolver, lexicon))]
    documents = read_source(path, source)
    return [(review_graph(doc), source if len(documents) == 1 else f"{source} (post {doc.post_title!r})",
             lambda doc=doc: extract(doc, resolver, lexicon)) for doc in documents]


def _register_catalogs(files: list[Path], resolver: Resolver, report: BuildReport) -> set[Path]:
    """Put the catalogues' people and titles into the resolver first; returns files that failed."""
    failed: set[Path] = set()
    people_first = sorted(files, key=lambda p: (not p.stem.startswith("people"), str(p)))
    for path in people_first:
        source = _shown(path)
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


def build(store: Store, paths: Iterable[Path | str] = DEFAULT_PATHS, aliases: Path | str | None = "data/aliases.csv",
          dump: Path | str | None = "data/kgraph.nq", progress: bool = False, force: bool = False) -> BuildReport:
    """Build catalogues and reviews under `paths` into `store`; write an N-Quads dump to `dump`."""
    started = time.perf_counter()
    report = BuildReport()
    alias_path = Path(aliases) if aliases else None
    table = AliasTable.load(alias_path) if alias_path else AliasTable()
    resolver = Resolver(table)
    lexicon = load_lexicon()
    if tuple(map(str, paths)) == DEFAULT_PATHS:  # the default folders may be absent
        paths = [p for p in DEFAULT_PATHS if Path(p).exists()]
    files = review_files(paths)
    catalogs = [f for f in files if f.suffix.lower() == ".json"]
    bad_catalogs = _register_catalogs(catalogs, resolver, report)
    pipeline = pipeline_fingerprint(alias_path, catalogs)
    _load_ontology(store)

    manifest = _manifest(store)
    built_now: dict[str, str] = {}  # graph -> source
    new_manifest = dict(manifest)
    ordered = [f for f in catalogs if f not in bad_catalogs] + [f for f in files if f.suffix.lower() != ".json"]
    iterator: Iterable[Path] = ordered
    if progress and len(ordered) > 1:
        from tqdm import tqdm
        iterator = tqdm(ordered, desc="build", unit="file", disable=None, leave=False)
    for path in iterator:
        source = _shown(path)
        absolute = str(path.resolve())
        try:
            data = path.read_bytes()
        except OSError as error:
            report.failed.append((source, f"cannot be read: {error.strerror or error}"))
            continue
        fingerprint = _digest(data, pipeline.encode())
        previous = {g for g, (f, _) in manifest.items() if f == absolute}
        if not force and previous and all(manifest[g][1] == fingerprint for g in previous):
            report.unchanged += [(source, g) for g in sorted(previous)]
            built_now.update({g: source for g in previous})
            continue
        try:
            units = _units(path, source, resolver, lexicon)
        except SourceError as error:
            report.failed.append((source, error.reason))
            continue
        produced: set[str] = set()
        file_ok = True
        for graph, label, make in units:
            if graph in built_now and built_now[graph] != source:
                report.failed.append((label, f"its graph {graph} was already built from {built_now[graph]}; "
                                             "rename one of the files"))
                file_ok = False
                continue
            try:
                facts = make()
                triples = facts_to_triples(facts)
                store.replace_graph(graph, triples)
            except KGraphError as error:
                report.failed.append((label, error.reason if isinstance(error, SourceError) else str(error)))
                file_ok = False
                produced |= {graph} & previous  # keep what an earlier build made
                continue
            report.warnings += facts.warnings
            report.built.append((label, graph, len(triples)))
            built_now[graph] = source
            produced.add(graph)
            new_manifest[graph] = (absolute, fingerprint)
        if not file_ok:  # retry the whole file next time; keep what it still produces
            for graph in produced:
                if graph in new_manifest:
                    new_manifest[graph] = (absolute, "")
        for graph in previous - produced:
            if file_ok:
                store.remove_graph(graph)
                new_manifest.pop(graph, None)
                report.removed.append(graph)

    for graph, (file, _) in list(new_manifest.items()):
        if not Path(file).exists():
            store.remove_graph(graph)
            new_manifest.pop(graph)
            report.removed.append(graph)
    _write_manifest(store, new_manifest)
    if report.built or report.removed:
        from kgraph.analysis.reunions import refresh
        refresh(store)  # the derived (person, title) table beside an on-disk store
    if dump:
        dump_path = Path(dump)
        write_nquads(store.quads(), dump_path)
        report.dump = _shown(dump_path)
    report.seconds = time.perf_counter() - started
    return report


def _load_ontology(store: Store) -> None:
    """Keep the ontology graph in the store in step with ontology/ (for labels in queries)."""
    digest = _digest(*(p.read_bytes() for p in ontology_files()))
    marker = URIRef(ONTOLOGY_GRAPH)
    if store.ask("ASK { GRAPH ?g { ?o <https://w3id.org/kgraph/ontology#fingerprint> ?d } }",
                 {"g": marker, "o": marker, "d": Literal(digest)}):
        return
    triples = list(ontology_graph()) + [(marker, KG.fingerprint, Literal(digest))]
    store.replace_graph(ONTOLOGY_GRAPH, triples)


def _manifest(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.select(MANIFEST_QUERY, {"build": URIRef(BUILD_GRAPH)})
    return {str(g): (str(f), str(fp)) for g, f, fp in rows.rows}


def _write_manifest(store: Store, manifest: dict[str, tuple[str, str]]) -> None:
    triples = []
    for graph, (file, fingerprint) in sorted(manifest.items()):
        node = URIRef(graph)
        triples += [(node, KG.sourceFile, Literal(file)), (node, KG.fingerprint, Literal(fingerprint))]
    store.replace_graph(BUILD_GRAPH, triples)
