"""How long the remote backend takes to read its lists at N recorded graphs (issue 8, item 12).

    python benchmarks/remote_lists.py 10000

Starts `oxigraph serve` on 127.0.0.1 in a temporary folder, writes N small review-shaped graphs
that carry their provenance, then times `graphs()`, the build's provenance read (both paged),
and a one-review build on top of them. One run; compare within a run.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Literal, URIRef  # noqa: E402

from kgraph.build import build, provenance  # noqa: E402
from kgraph.ontology import GRAPH_IRI  # noqa: E402
from kgraph.store import open_store  # noqa: E402
from kgraph.vocab import KG  # noqa: E402


def serve(location: Path, port: int) -> subprocess.Popen:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1).read()
            return process
        except OSError:
            time.sleep(0.1)
    raise SystemExit("oxigraph serve did not start")


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        process = serve(Path(work) / "server", 17999)
        try:
            store = open_store("sparql+http://127.0.0.1:17999/query")
            started = time.perf_counter()
            for start in range(0, count, 500):
                body = []
                for i in range(start, min(count, start + 500)):
                    g = URIRef(f"{GRAPH_IRI}review/synthetic-{i}")
                    body.append(f"GRAPH {g.n3()} {{ {g.n3()} {KG.sourceFile.n3()} {Literal(f'gone/{i}.txt').n3()} ; "
                                f"{KG.fingerprint.n3()} \"x\" . <urn:s{i}> <urn:p> \"review {i}\" }}")
                store.update("INSERT DATA { " + " ".join(body) + " }")
            print(f"wrote {count:,} graphs in {time.perf_counter() - started:.1f} s")
            for label, call in (("graphs()", store.graphs), ("provenance read", lambda: provenance(store))):
                started = time.perf_counter()
                size = len(call())
                print(f"{label:<16} {size:>7,} rows  {time.perf_counter() - started:6.2f} s")
            started = time.perf_counter()
            report = build(store, [ROOT / "data" / "reviews" / "ballerina-2023.txt"],
                           aliases=ROOT / "data" / "aliases.csv", dump=None, root=Path(work))
            print(f"one-review build {time.perf_counter() - started:6.2f} s  ok={report.ok} "
                  f"removed={len(report.removed)} (synthetic graphs whose files are outside the build stay)")
        finally:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
