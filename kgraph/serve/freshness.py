"""Noticing a new build of the served store, cheaply: the store folder's files first (a
directory listing), and only when they changed, the build manifest's token (one short
query on a fresh read-only open). A build writes the manifest last, so a build still running
changes the files but not the token: the server keeps serving the graph it has until the
build is done."""
from __future__ import annotations

import os
from pathlib import Path

from kgraph.serve.store import open_read_only


class BuildWatcher:
    """Whether the embedded store at `selector` holds a newer build than when last asked."""

    def __init__(self, selector: str) -> None:
        self.selector = selector
        self.path = Path(selector[len("oxigraph:"):])
        self.files = self._files()
        self.token: str | None = self._token()

    def _files(self) -> tuple[tuple[str, int, int], ...]:
        """(name, size, mtime) of every file in the store folder: any write changes one."""
        try:
            with os.scandir(self.path) as entries:
                return tuple(sorted((e.name, *_size_and_time(e)) for e in entries))
        except OSError:
            return ()

    def _token(self) -> str:
        from kgraph.analysis.reunions import store_token

        with open_read_only(self.selector) as store:
            return store_token(store)

    def forget(self) -> None:
        """Make the next check find a change (after a reload that failed)."""
        self.files, self.token = (), None

    def changed(self) -> bool:
        files = self._files()
        if files == self.files:
            return False
        token = self._token()
        self.files = files
        if token == self.token:
            return False
        self.token = token
        return True


def _size_and_time(entry: os.DirEntry) -> tuple[int, int]:
    try:
        stat = entry.stat()
    except OSError:  # removed while listing (a compaction)
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)
