"""Speed of kgraph's interactive questions on synthetic graphs of 2,000 to 200,000 titles.

    python benchmarks/run.py                 # 2,000 and 20,000 titles
    python benchmarks/run.py 200000          # one size

Each size runs in a fresh process (so peak memory is its own): generate the graph, bulk-load
it into an on-disk Oxigraph store, then time
  - point queries through kgraph (filmography, filmography with co-stars, a title's cast),
    median of 20 runs; the busiest person's filmography both through SPARQL (filmography.rq)
    and as `kg.filmography` answers it on an on-disk store, from the derived table;
  - all reunions end to end (store to DataFrame) with kgraph: warm (the derived (person,
    title) table is current) and cold (one title's graph and its manifest fingerprint changed,
    as a build leaves them, so the table first updates that graph's rows), and the time to
    build the table from scratch (every graph read through SPARQL);
  - the baselines in the same run: a DuckDB and a pandas self-join on the same pairs;
  - at 2,000 titles, the plain SPARQL reunion query, to check the answers agree.
Prints one table; times are wall-clock on this machine and vary between runs.
"""
from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

ID = "https://w3id.org/kgraph/id/"
KG = "https://w3id.org/kgraph/ontology#"


def _median_ms(fn, runs: int = 20) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(titles: int) -> dict:
    import duckdb
    import numpy as np
    import pandas as pd
    import pyoxigraph as ox

    from kgraph.analysis import reunions as reunion_module
    from kgraph.api import KGraph, _specific
    from kgraph.frames import to_frame
    from kgraph.queries import run_query
    from kgraph.store import open_store
    from synthetic import credits, write_nquads

    out: dict = {"titles": titles}
    work = Path(tempfile.mkdtemp(prefix=f"kgraph-bench-{titles}-"))
    try:
        nq = work / "graph.nq"
        out["quads"] = write_nquads(titles, nq, per_title=True)
        started = time.perf_counter()
        raw = ox.Store(str(work / "store"))
        raw.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        raw.optimize()
        del raw
        out["load_s"] = time.perf_counter() - started
        nq.unlink()
        store = open_store(f"oxigraph:{work / 'store'}")
        kg = KGraph(store)

        t_ids, p_ids, _ = credits(titles)
        counts = pd.Series(p_ids).value_counts()
        typical = int(counts[counts >= 5].index[len(counts[counts >= 5]) // 2])
        busiest = int(counts.index[0])
        out["typical_titles"], out["busiest_titles"] = int(counts[typical]), int(counts[busiest])
        person = f"{ID}person/p{typical}"
        out["filmography_ms"] = _median_ms(lambda: run_query(store, "filmography", {"person": person}))
        out["filmography_busiest_ms"] = _median_ms(
            lambda: run_query(store, "filmography", {"person": f"{ID}person/p{busiest}"}))
        out["costars_ms"] = _median_ms(lambda: run_query(store, "costars", {"person": person}))
        out["cast_ms"] = _median_ms(lambda: run_query(store, "cast", {"title": f"{ID}title/t{titles // 2}"}))

        started = time.perf_counter()
        reunion_module.refresh(store, full=True)
        out["table_from_scratch_s"] = time.perf_counter() - started
        started = time.perf_counter()
        kg.reunions(2)
        out["reunions_warm_s"] = time.perf_counter() - started
        busiest_iri = f"{ID}person/p{busiest}"
        out["filmography_busiest_table_ms"] = _median_ms(lambda: kg.filmography(busiest_iri))
        out["filmography_table_agrees"] = kg.filmography(busiest_iri).equals(
            _specific(to_frame(run_query(store, "filmography", {"person": busiest_iri}))))

        # One review changes: its graph gains a credit and its manifest fingerprint changes, as a
        # build would leave it; the next reunions question pays for the derived table's update.
        store.close()
        raw = ox.Store(str(work / "store"))
        changed = ox.NamedNode(f"https://w3id.org/kgraph/graph/review/t{titles // 3}")
        credit = ox.NamedNode(f"{ID}credit/changed")
        raw.extend([ox.Quad(credit, ox.NamedNode(f"{KG}title"), ox.NamedNode(f"{ID}title/t{titles // 3}"), changed),
                    ox.Quad(credit, ox.NamedNode(f"{KG}person"), ox.NamedNode(f"{ID}person/p{busiest}"), changed)])
        build = ox.NamedNode("https://w3id.org/kgraph/graph/build")
        fingerprint = ox.NamedNode(f"{KG}fingerprint")
        raw.remove(ox.Quad(changed, fingerprint, ox.Literal("v1"), build))
        raw.add(ox.Quad(changed, fingerprint, ox.Literal("v2"), build))
        raw.flush()
        del raw
        store = open_store(f"oxigraph:{work / 'store'}")
        kg = KGraph(store)
        started = time.perf_counter()
        after = kg.reunions(2)
        out["reunions_cold_s"] = time.perf_counter() - started
        out["table_mib"] = Path(f"{work / 'store'}.analytics.duckdb").stat().st_size / 1024 ** 2
        if titles <= 20000:  # the incremental update equals a recompute from scratch
            reunion_module.refresh(store, full=True)
            out["incremental_agrees"] = after.equals(kg.reunions(2))
        if busiest not in set(p_ids[t_ids == titles // 3]):  # the baselines see the changed pairs too
            t_ids, p_ids = np.append(t_ids, titles // 3), np.append(p_ids, busiest)
        started = time.perf_counter()
        reunion_module.reunions(store, 2, with_titles=False)
        out["reunions_pairs_only_s"] = time.perf_counter() - started
        out["reunion_pairs"] = len(after)
        out["rss_after_kgraph_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024

        pairs = pd.DataFrame({"person": [f"{ID}person/p{p}" for p in p_ids], "title": [f"{ID}title/t{t}" for t in t_ids]})
        started = time.perf_counter()
        con = duckdb.connect()
        con.register("pairs_df", pairs)
        baseline = con.execute("SELECT a.person AS a, b.person AS b, count(*) AS n FROM pairs_df a JOIN pairs_df b "
                               "ON a.title = b.title AND a.person < b.person GROUP BY 1, 2 HAVING count(*) >= 2").df()
        out["duckdb_s"] = time.perf_counter() - started
        con.close()
        started = time.perf_counter()
        joined = pairs.merge(pairs, on="title")
        joined = joined[joined["person_x"] < joined["person_y"]]
        sizes = joined.groupby(["person_x", "person_y"]).size()
        out["pandas_s"] = time.perf_counter() - started
        out["pandas_pairs"] = int((sizes >= 2).sum())
        del joined, sizes
        out["answers_agree"] = (set(zip(after["a"], after["b"], after["titles"].astype(int)))
                                == set(zip(baseline["a"], baseline["b"], baseline["n"].astype(int))))
        if titles <= 2000:
            started = time.perf_counter()
            sparql = run_query(store, "reunions", {"min_titles": 2})
            out["sparql_reunions_s"] = time.perf_counter() - started
            out["answers_agree"] = out["answers_agree"] and (
                {(str(r["a"]), str(r["b"]), int(r["titles"])) for r in sparql}
                == set(zip(after["a"], after["b"], after["titles"].astype(int))))
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        Path(f"{work / 'store'}.analytics.duckdb").unlink(missing_ok=True)
    out["peak_rss_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    return out


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--one":
        print(json.dumps(measure(int(argv[2]))))
        return 0
    sizes = [int(a) for a in argv[1:]] or [2000, 20000]
    results = []
    for size in sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    columns = [("titles", "titles", "{:,}"), ("quads", "quads", "{:,}"), ("load_s", "load s", "{:.1f}"),
               ("filmography_ms", "filmography ms", "{:.1f}"), ("costars_ms", "film.+co-stars ms", "{:.1f}"),
               ("cast_ms", "cast ms", "{:.1f}"), ("filmography_busiest_ms", "busiest filmography ms", "{:.1f}"),
               ("filmography_busiest_table_ms", "busiest filmography, table ms", "{:.1f}"),
               ("busiest_titles", "busiest's titles", "{:,}"),
               ("reunion_pairs", "reunion pairs", "{:,}"), ("reunions_warm_s", "reunions warm s", "{:.2f}"),
               ("reunions_cold_s", "reunions cold s", "{:.2f}"),
               ("table_from_scratch_s", "table from scratch s", "{:.1f}"), ("table_mib", "table MiB", "{:.0f}"), ("duckdb_s", "DuckDB s", "{:.2f}"),
               ("pandas_s", "pandas s", "{:.2f}"), ("rss_after_kgraph_gib", "peak RSS through kgraph's reunions GiB", "{:.2f}"),
               ("peak_rss_gib", "peak RSS with baselines GiB", "{:.2f}"),
               ("answers_agree", "agree", "{}"), ("incremental_agrees", "incremental = scratch", "{}"),
               ("filmography_table_agrees", "table filmography = SPARQL", "{}")]
    print("| " + " | ".join(label for _, label, _ in columns) + " | warm/DuckDB | cold/DuckDB |")
    print("|" + "---|" * (len(columns) + 2))
    for r in results:
        cells = [fmt.format(r[key]) if key in r else "-" for key, _, fmt in columns]
        ratio_warm = r["reunions_warm_s"] / r["duckdb_s"]
        ratio_cold = r["reunions_cold_s"] / r["duckdb_s"]
        print("| " + " | ".join(cells) + f" | {ratio_warm:.2f} | {ratio_cold:.2f} |")
    for r in results:
        if "sparql_reunions_s" in r:
            print(f"SPARQL reunion query at {r['titles']:,} titles: {r['sparql_reunions_s']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
