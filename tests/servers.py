"""Real SPARQL servers on 127.0.0.1 for tests and benchmarks: `oxigraph serve` and Debian's Virtuoso."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class ServerError(RuntimeError):
    """A server is not installed or did not start."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    candidate = Path(sys.executable).parent / "oxigraph"
    found = str(candidate) if candidate.exists() else shutil.which("oxigraph")
    if not found:
        raise ServerError("the `oxigraph` server (PyPI package oxigraph) is not installed; run `make test`")
    return found


def wait_for(endpoint: str, process: subprocess.Popen, seconds: float, log) -> None:
    """Wait until a SPARQL endpoint answers ASK {}; fail with the server's log if it dies or times out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise ServerError(f"the SPARQL server at {endpoint} did not start: {log()}")
        time.sleep(0.2)


@contextmanager
def oxigraph_serve(location: Path) -> Iterator[str]:
    """A real `oxigraph serve` on 127.0.0.1 with the union default graph; yields its query URL."""
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/query", process, 30, lambda: process.stderr.read().decode()[:500])
        yield f"{base}/query"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 200M
DirsAllowed = .
MaxSortedTopRows = 10000000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 10000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 120
"""


_RUNNING: dict[str, tuple[int, Path]] = {}  # a running Virtuoso's SPARQL URL -> (its SQL port, its folder)


def isql(url: str, statement: str) -> str:
    """Run one SQL statement as dba on the Virtuoso serving `url`; its output (ServerError on failure)."""
    done = subprocess.run([shutil.which("isql-vt") or "isql-vt", f"127.0.0.1:{_RUNNING[url][0]}", "dba", "dba",
                           f"exec={statement}"], capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise ServerError(f"isql {statement!r} failed: {(done.stdout + done.stderr)[-500:]}")
    return done.stdout


def virtuoso_bulk_load(url: str, dump: Path) -> None:
    """Load an N-Quads file with Virtuoso's bulk loader, as the README's guide does: copy it into
    a folder the server may read (DirsAllowed), `ld_dir`, `rdf_loader_run()`, `checkpoint`."""
    folder = _RUNNING[url][1] / f"load-{time.monotonic_ns()}"
    folder.mkdir()
    shutil.copy(dump, folder / dump.name)
    isql(url, f"ld_dir('{folder}', '*.nq', 'urn:kgraph:no-default-graph');")
    isql(url, "rdf_loader_run();")
    isql(url, "checkpoint;")
    errors = isql(url, f"SELECT ll_error FROM DB.DBA.load_list WHERE ll_file LIKE '{folder}/%' AND ll_error IS NOT NULL;")
    if "0 Rows" not in errors:
        raise ServerError(f"Virtuoso's bulk loader reported: {errors[-500:]}")


def virtuoso_installed() -> bool:
    return bool(shutil.which("virtuoso-t") and shutil.which("isql-vt"))


@contextmanager
def virtuoso(folder: Path) -> Iterator[str]:
    """Debian's Virtuoso on 127.0.0.1, with its default 10,000-row result cap; yields its /sparql URL."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if not binary or not isql:
        raise ServerError("Virtuoso is not installed; .ci/run installs Debian's virtuoso-opensource-7-bin")
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http), "utf-8")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        wait_for(url, process, 60, lambda: (folder / "virtuoso.log").read_text()[-500:])
        subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        _RUNNING[url] = (sql, folder)
        yield url
    finally:
        _RUNNING.pop(url, None)
        subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", "exec=shutdown;"], capture_output=True, timeout=60)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
