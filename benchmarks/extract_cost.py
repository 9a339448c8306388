"""Where one review's CPU goes: reading, extraction, mapping to RDF, N-Triples, and the store's write.

    python benchmarks/extract_cost.py 300        # 300 generated reviews (benchmarks/realistic.py)

Runs in one process (no pool), so each stage's CPU time is its own: reading the file into
documents, extracting facts, mapping them to Oxigraph terms, writing the graph as checked
N-Triples, then loading the graphs into a fresh on-disk Oxigraph store two ways: one
transaction per graph (`replace_graphs`, what a small build does) and in bulk (`load_graphs`,
what a build of many new sources does). Prints milliseconds of CPU per review; the first
review of each kind is read once before timing so imports and pattern compilation are not
counted. The numbers bound a build: two cores run the first four stages in parallel, while
the store's write happens in the main process.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def measure(n: int) -> dict[str, float]:
    from realistic import catalogue, write_corpus

    from kgraph.extract.lexicon import load_lexicon
    from kgraph.mapping import facts_to_triples
    from kgraph.parallel import provenance_triples, read_units
    from kgraph.resolve import AliasTable, Resolver
    from kgraph.store import open_store
    from kgraph.store.base import GraphData

    cpu = time.process_time
    with tempfile.TemporaryDirectory(prefix="kgraph-extract-cost-") as tmp:
        folder = Path(tmp) / "reviews"
        write_corpus(catalogue(n), folder)
        files = sorted(p for p in folder.iterdir() if p.suffix != ".jsonl")
        resolver, lexicon = Resolver(AliasTable()), load_lexicon()
        for warm in {p.suffix: p for p in files}.values():  # imports and compiled patterns, once
            for _, _, make, _ in read_units(warm, warm.name, Resolver(AliasTable()), lexicon):
                make()
        spent = dict.fromkeys(("read", "extract", "map", "ntriples"), 0.0)
        graphs: list[GraphData] = []
        for path in files:
            started = cpu()
            units = read_units(path, path.name, resolver, lexicon)
            spent["read"] += cpu() - started
            for graph, label, make, _ in units:
                started = cpu()
                facts = make()
                extracted = cpu()
                triples = facts_to_triples(facts)
                mapped = cpu()
                graphs.append(GraphData.of(graph, triples, provenance_triples(graph, label, "", [])))
                spent["extract"] += extracted - started
                spent["map"] += mapped - extracted
                spent["ntriples"] += cpu() - mapped
        for way in ("transaction", "bulk"):
            with open_store(f"oxigraph:{Path(tmp) / way}") as store:
                started = cpu()
                if way == "bulk":
                    for start in range(0, len(graphs), 200):
                        store.load_graphs(graphs[start:start + 200])
                else:
                    store.replace_graphs(graphs)
                spent[f"store ({way})"] = cpu() - started
    out = {stage: 1000 * seconds / len(graphs) for stage, seconds in spent.items()}
    out["reviews"] = len(graphs)
    out["quads per review"] = sum(g.count for g in graphs) / len(graphs)
    return out


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 300
    result = measure(n)
    print(f"{result.pop('reviews'):.0f} reviews, {result.pop('quads per review'):.0f} quads each; "
          "CPU ms per review (store: includes RocksDB's background threads)")
    for stage, ms in result.items():
        print(f"  {stage:22s} {ms:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
