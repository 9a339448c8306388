"""The one exception hierarchy of kgraph; the CLI turns these into one-line messages."""
from __future__ import annotations


class KGraphError(Exception):
    """Root of every error kgraph raises on purpose."""


class SourceError(KGraphError):
    """A source file cannot be read: missing, empty, binary, or in an unknown encoding."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ExtractionError(SourceError):
    """A source was read but holds no review kgraph can extract (no title found, ...)."""


class ResolutionError(KGraphError):
    """A name cannot be resolved to one entity, or the alias table is inconsistent."""


class AliasTableError(ResolutionError):
    """The alias and disambiguation table has a bad row."""

    def __init__(self, path: object, line: int, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{path}, line {line}: {reason}")


class StoreError(KGraphError):
    """The store cannot be opened, read or written."""


class SelectorError(StoreError):
    """A store selector string names no known backend."""


class StoreMissing(StoreError):
    """There is no store where the selector points (only `kgraph build` creates one)."""


class StoreDamaged(StoreError):
    """The store's files are damaged or incomplete; `kgraph build --rebuild` is the way back."""

    def __init__(self, where: object, what: str) -> None:
        self.where, self.what = str(where), what
        super().__init__(f"the store at {where} is damaged ({what}); `kgraph build --rebuild` sets it "
                         "aside and rebuilds it from the sources")


class StoreBusy(StoreError):
    """Another process holds the store's lock."""


class ResultTruncated(StoreError):
    """A server returned a result it may have cut (a result-size cap, or an answer a time
    limit interrupted); the paged read is the way to the whole answer."""


class StoreTimeout(StoreError):
    """A remote store did not answer within the timeout."""


class QueryError(KGraphError):
    """A named query is unknown, malformed, or was given bad parameters."""


class ValidationFailed(KGraphError):
    """The graph does not conform to the SHACL shapes."""


class GoldError(KGraphError):
    """A gold file (kgraph-gold/1) is missing, not JSON, or has a bad field."""

    def __init__(self, path: object, pointer: str, reason: str) -> None:
        self.path, self.pointer, self.reason = str(path), pointer, reason
        super().__init__(f"{path}: {pointer + ': ' if pointer else ''}{reason}")
