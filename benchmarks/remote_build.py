"""A whole build into a real SPARQL server: `oxigraph serve` and Debian's Virtuoso (issue 12).

    python benchmarks/remote_build.py 2000              # both servers (Virtuoso when installed)
    python benchmarks/remote_build.py 2000 oxigraph     # one of them

Generates N realistic reviews (benchmarks/realistic.py), starts each server on 127.0.0.1 in a
temporary folder (the same starters the tests use, tests/servers.py), and runs `kgraph build`
against it as a child process: graphs go with one Graph Store Protocol PUT each. Reports the
build's time, reviews per second, failures (a timeout would be one), the quads the server then
holds, whether `kgraph stats` on the server equals an embedded build of the same reviews, and
an unchanged rebuild. Times are wall-clock on this machine and vary between runs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests"), str(HERE.parent)]

import realistic  # noqa: E402
import servers  # noqa: E402

KGRAPH = [sys.executable, "-m", "kgraph.cli"]
BUILD = ("build", "reviews", "--no-dump", "--aliases", "no-aliases.csv")


def _run(work: Path, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run([*KGRAPH, *args], cwd=work, capture_output=True, text=True)
    return time.perf_counter() - started, done


def _stats(work: Path, selector: str) -> str:
    """`kgraph stats` without its graphs row (Virtuoso holds system graphs of its own)."""
    _, done = _run(work, "stats", "--store", selector)
    return "\n".join(line for line in done.stdout.splitlines() if not line.startswith("graphs "))


def measure(work: Path, name: str, selector: str, reviews: int, embedded_stats: str) -> dict:
    out: dict = {"server": name, "reviews": reviews}
    out["build_s"], done = _run(work, *BUILD, "--store", selector)
    out["reviews_per_s"] = reviews / out["build_s"]
    out["failed"] = [line for line in done.stderr.splitlines() if line.startswith("error:")][:5]
    out["exit"] = done.returncode
    out["same_stats_as_embedded"] = _stats(work, selector) == embedded_stats
    out["unchanged_s"], _ = _run(work, *BUILD, "--store", selector)
    out["load_average"] = os.getloadavg()[0]
    return out


def main(argv: list[str]) -> int:
    count = int(argv[1]) if len(argv) > 1 else 2000
    wanted = argv[2:] or ["oxigraph", "virtuoso"]
    with tempfile.TemporaryDirectory(prefix="kgraph-remote-build-") as folder:
        work = Path(folder)
        specs = realistic.catalogue(count)
        realistic.write_corpus(specs, work / "reviews", gold_path=work / "gold.jsonl")
        embedded = f"oxigraph:{work / 'embedded'}"
        seconds, done = _run(work, *BUILD, "--store", embedded)
        print(json.dumps({"server": "embedded", "reviews": count, "build_s": seconds,
                          "reviews_per_s": count / seconds, "exit": done.returncode}), flush=True)
        embedded_stats = _stats(work, embedded)
        for name in wanted:
            if name == "virtuoso" and not servers.virtuoso_installed():
                print(json.dumps({"server": name, "skipped": "not installed"}), flush=True)
                continue
            start = servers.oxigraph_serve if name == "oxigraph" else servers.virtuoso
            location = work / name
            location.mkdir()
            with start(location) as url:
                print(json.dumps(measure(work, name, f"sparql+{url}", count, embedded_stats)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
