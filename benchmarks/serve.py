"""Speed of `kgraph serve` through HTTP on a synthetic graph: title and person pages, and
/sparql point queries (a title's cast, a person's filmography), median and 95th percentile.

    python benchmarks/serve.py 20000        # titles; prints a table row per measurement

Targets (the issue): a title page under 50 ms, a /sparql point query under 20 ms. One
client, sequential requests, keep-alive off (urllib), so every number includes a TCP connect.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent

ID = "https://w3id.org/kgraph/id/"


def named(name: str, param: str, iri: str) -> str:
    """The text of a named query of queries/ with `param` bound to `iri` as an RDF term (as kgraph binds it)."""
    from rdflib import URIRef

    from kgraph.queries import load_query
    from kgraph.store.base import bind

    return bind(load_query(name).text, {param: URIRef(iri)})


def _free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> float:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url}: HTTP {error.code}: {error.read()[:300]!r}") from None
    return (time.perf_counter() - started) * 1000


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(titles: int, requests: int = 200, reuse: Path | None = None) -> list[tuple[str, float, float]]:
    """Time the cases; `reuse` is a store folder this script loaded before with the same size."""
    import pyoxigraph as ox

    from synthetic import credits, write_nquads

    work = Path(tempfile.mkdtemp(prefix=f"kgraph-serve-bench-{titles}-"))
    store = reuse or work / "store"
    process = None
    try:
        if reuse is None:
            nq = work / "graph.nq"
            quads = write_nquads(titles, nq)
            raw = ox.Store(str(store))
            raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            raw.optimize()
            del raw
            nq.unlink()
            print(f"{titles} titles, {quads} quads loaded", file=sys.stderr)
        if not Path(f"{store}.analytics.duckdb").exists():  # what `kgraph build` keeps beside a store
            from kgraph.analysis.reunions import refresh
            from kgraph.store import open_store
            with open_store(f"oxigraph:{store}") as opened:
                refresh(opened)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        process = subprocess.Popen([sys.executable, "-m", "kgraph.cli", "serve", "--store", f"oxigraph:{store}",
                                    "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                _get(base + "/healthz")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("kgraph serve did not start")
                time.sleep(0.3)
        t_ids, p_ids, _ = credits(titles)
        rng = random.Random(7)
        some_titles = [rng.randrange(titles) for _ in range(requests)]
        some_people = [int(p_ids[rng.randrange(len(p_ids))]) for _ in range(requests)]
        cases = {
            "title page (HTML)": [f"{base}/id/title/t{t}" for t in some_titles],
            "person page (HTML)": [f"{base}/id/person/p{p}" for p in some_people],
            "title as Turtle": [f"{base}/id/title/t{t}?format=ttl" for t in some_titles],
            "/sparql cast of a title": [f"{base}/sparql?" + urllib.parse.urlencode({"query": named("cast", "title", f"{ID}title/t{t}")})
                                        for t in some_titles],
            "/sparql filmography of a person": [
                f"{base}/sparql?" + urllib.parse.urlencode({"query": named("filmography", "person", f"{ID}person/p{p}")})
                for p in some_people],
        }
        out = []
        for name, urls in cases.items():
            for url in urls[:10]:  # warm up
                _get(url)
            median, p95 = _stats([_get(url) for url in urls])
            out.append((name, median, p95))
            print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms", file=sys.stderr, flush=True)
        return out
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("titles", type=int, nargs="?", default=20_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--reuse", type=Path, help="a store folder loaded by an earlier run of the same size")
    args = parser.parse_args()
    print(f"| {args.titles:,} titles | median | 95th percentile |")
    print("|---|---|---|")
    for name, median, p95 in measure(args.titles, args.requests, args.reuse):
        print(f"| {name} | {median:.1f} ms | {p95:.1f} ms |")
