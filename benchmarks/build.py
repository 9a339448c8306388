"""End-to-end build benchmark on realistic generated reviews (benchmarks/realistic.py).

    python benchmarks/build.py 1000              # one size
    python benchmarks/build.py 1000 10000        # a row per size

For each size: generate N reviews (synthetic; the layouts kgraph reads) in a temporary
folder, then run `kgraph build` as a child process into an on-disk Oxigraph store there and
report reviews per second, quads, the store's size on disk (the analytics table included),
the child's peak memory and CPU time (wait4 of that child, its extraction workers included), and the time of a rebuild when nothing
changed, after one review changed, after one was deleted and after 1% more were added;
then the extraction F1 of the first build against the generator's gold (a regression guard:
1.0 means every rendered fact was extracted and nothing else of the scored kinds).
Times are wall-clock on this machine and vary between runs.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

KGRAPH = [sys.executable, "-m", "kgraph.cli"]


CPU: dict[str, float] = {}  # command -> CPU seconds (user + system) of the child and its workers


def _kgraph(work: Path, *args: str) -> tuple[float, float]:
    """Run one kgraph command in `work`; (seconds, peak RSS GiB of that child). Its CPU time,
    the extraction workers' included, is kept in CPU under the command's first two words."""
    started = time.perf_counter()
    with open(work / "kgraph.log", "a") as log:
        child = subprocess.Popen([*KGRAPH, *args, "--store", f"oxigraph:{work / 'store'}"], cwd=work,
                                 stdout=log, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    CPU[" ".join(args[:2])] = usage.ru_utime + usage.ru_stime
    if child.returncode not in (0,):
        log_text = (work / "kgraph.log").read_text(errors="replace")[-2000:]
        raise SystemExit(f"kgraph {' '.join(args)} exited {child.returncode}:\n{log_text}")
    return seconds, usage.ru_maxrss / 1024 / 1024


def _progress(out: dict) -> None:
    """What is measured so far, on stderr (a long run that is stopped still tells something)."""
    print(json.dumps(out), file=sys.stderr, flush=True)


def _size_gib(work: Path) -> float:
    files = [p for p in (work / "store").rglob("*") if p.is_file()]
    files += [p for p in work.glob("store.analytics.duckdb*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1024 ** 3


# Benchmark probes (not user questions): who has the most credits, and some titles, to time the named queries on.
BUSIEST = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT ?person (COUNT(DISTINCT ?title) AS ?titles) WHERE { ?credit kg:person ?person ; kg:title ?title }
GROUP BY ?person ORDER BY DESC(?titles) ?person"""
TITLES = "PREFIX kg: <https://w3id.org/kgraph/ontology#> SELECT ?title WHERE { ?title a kg:Title } ORDER BY ?title"


def point_queries(store) -> dict:
    """Median ms of the named point queries over 25 people (spread over the credit counts) and 25
    titles, each query run once per entity after one warm-up; plus the busiest person's filmography."""
    import statistics

    from kgraph.queries import run_query

    people = [row[0] for row in store.select(BUSIEST).rows]
    titles = [row[0] for row in store.select(TITLES).rows]
    sample_people = people[:: max(1, len(people) // 25)][:25]
    sample_titles = titles[:: max(1, len(titles) // 25)][:25]

    def median_ms(name: str, param: str, values: list) -> float:
        run_query(store, name, {param: values[0]})
        times = []
        for value in values:
            started = time.perf_counter()
            run_query(store, name, {param: value})
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    return {"filmography_ms": median_ms("filmography", "person", sample_people),
            "costars_ms": median_ms("costars", "person", sample_people),
            "cast_ms": median_ms("cast", "title", sample_titles),
            "busiest_filmography_ms": median_ms("filmography", "person", people[:1] * 5),
            "busiest_titles": int(store.select(BUSIEST).rows[0][1])}


def measure(n: int, keep: bool = False) -> dict:
    import pyoxigraph as ox

    import realistic
    from kgraph.store import open_store
    from score import score

    out: dict = {"reviews": n}
    work = Path(tempfile.mkdtemp(prefix=f"kgraph-build-{n}-"))
    try:
        added = max(1, n // 100)
        specs = realistic.catalogue(n + added)
        first, later = specs[:n], specs[n:]
        while later and realistic.file_name(later[0]) == realistic.file_name(first[-1]):
            first.append(later.pop(0))  # keep the added reviews in files of their own
        reviews = work / "reviews"
        records = realistic.write_corpus(first, reviews, gold_path=work / "gold.jsonl")
        out["reviews"] = len(first)
        out["files"] = len(list(reviews.iterdir()))
        build = ("build", "reviews", "--no-dump", "--aliases", "no-aliases.csv")

        out["build_s"], out["peak_gib"] = _kgraph(work, *build)
        out["reviews_per_s"] = len(first) / out["build_s"]
        out["cpu_ms_per_review"] = 1000 * CPU["build reviews"] / len(first)
        out["load_average"] = os.getloadavg()[0]
        _progress(out)
        out["store_gib"] = _size_gib(work)
        raw = ox.Store(str(work / "store"))
        out["quads"] = len(raw)
        del raw
        with open_store(f"oxigraph:{work / 'store'}") as store:
            result = score(store, records)
            out.update(point_queries(store))
        out["f1"], out["precision"], out["recall"] = result.f1, result.precision, result.recall
        out["misses"], out["extra"] = result.misses[:5], result.extra[:5]

        out["unchanged_s"], _ = _kgraph(work, *build)
        _progress(out)
        victim = next(p for p in sorted(reviews.glob("review-*.txt")))
        text = victim.read_text(encoding="utf-8")
        victim.write_text(text.replace("Overall Story\n", "Overall Story\nI rewatched it last week.\n", 1),
                          encoding="utf-8")
        out["one_changed_s"], _ = _kgraph(work, *build)
        _progress(out)
        out["reunions_after_change_s"], _ = _kgraph(work, "reunions", "--min-titles", "2")
        sorted(reviews.glob("review-*.txt"))[-1].unlink()
        out["one_deleted_s"], _ = _kgraph(work, *build)
        _progress(out)
        realistic.write_corpus(later, reviews, gold_path=work / "gold-added.jsonl")
        out["added"] = len(later)
        out["one_percent_added_s"], peak = _kgraph(work, *build)
        out["peak_gib"] = max(out["peak_gib"], peak)
    finally:
        if keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return out


COLUMNS = [("reviews", "reviews", "{:,}"), ("files", "files", "{:,}"), ("quads", "quads", "{:,}"),
           ("build_s", "build s", "{:.0f}"), ("reviews_per_s", "reviews/s", "{:.1f}"),
           ("cpu_ms_per_review", "CPU ms/review", "{:.0f}"), ("load_average", "load", "{:.1f}"),
           ("store_gib", "store GiB", "{:.2f}"), ("peak_gib", "peak memory GiB", "{:.2f}"),
           ("unchanged_s", "unchanged rebuild s", "{:.1f}"), ("one_changed_s", "one changed s", "{:.1f}"),
           ("reunions_after_change_s", "next `kgraph reunions` s", "{:.1f}"),
           ("one_deleted_s", "one deleted s", "{:.1f}"), ("one_percent_added_s", "1% added s", "{:.1f}"),
           ("filmography_ms", "filmography ms", "{:.1f}"), ("costars_ms", "co-stars ms", "{:.1f}"),
           ("cast_ms", "cast ms", "{:.1f}"), ("busiest_filmography_ms", "busiest filmography ms", "{:.1f}"),
           ("f1", "extraction F1", "{:.3f}")]


def main(argv: list[str]) -> int:
    keep = "--keep" in argv
    argv = [a for a in argv if a != "--keep"]
    if len(argv) == 3 and argv[1] == "--one":
        print(json.dumps(measure(int(argv[2]), keep)))
        return 0
    sizes = [int(a) for a in argv[1:]] or [1000]
    rows = []
    for size in sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size), *(["--keep"] if keep else [])],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr)
    print("| " + " | ".join(label for _, label, _ in COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in rows:
        print("| " + " | ".join(fmt.format(row[key]) for key, _, fmt in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
