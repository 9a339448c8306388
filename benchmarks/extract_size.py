"""Extraction time and memory against review size: near-linear, up to the size limit.

    python benchmarks/extract_size.py              # 1 MB and 10 MB reviews, and a long cast line
    python benchmarks/extract_size.py 1 2 5        # other sizes, in MB

Each case runs in a fresh process (so peak memory is its own). A review is one section of
plain paragraphs with a cast sentence now and then (the shape that was super-linear in issue
8); a cast case is one "Cast:" line of N distinct names. Prints CPU seconds (reading and
extracting), peak resident memory, and seconds per MB or per 10,000 names: when these stay
flat as the size grows, the cost is linear.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FILLER = ("the long middle stretch keeps circling the same rooftop while the city hums below and "
          "nothing much else happens for a while, ") * 8
PARAGRAPH = "Jeon Jong-seo plays Ok-ju here. " + FILLER.strip(", ").capitalize() + ".\n"


def review(megabytes: float) -> str:
    return "Overview\nTitle: Ballerina\nStory\n" + PARAGRAPH * int(megabytes * 1_000_000 // len(PARAGRAPH))


def cast_line(names: int) -> str:
    given = [f"{a}{b}-{c}" for a in ("Ji", "Min", "Seo", "Ha", "Yu") for b in ("", "n", "ng", "k")
             for c in ("hoon", "ah", "woo", "jin", "eun", "seo", "young", "su", "ho", "ri")]
    people = [f"Kim {g} {i}" for i in range(names // len(given) + 1) for g in given][:names]
    return "Overview\nTitle: Ballerina\nCast: " + ", ".join(people) + "\n"


def one(kind: str, size: float) -> dict:
    """Run one case in this process and return its measurements."""
    from kgraph.extract import extract
    from kgraph.resolve import Resolver
    from kgraph.sources import read_text

    text = review(size) if kind == "review" else cast_line(int(size))
    resolver = Resolver()
    extract(read_text("Overview\nTitle: Ballerina\nStory\nA warm-up.\n", "warm.txt")[0], resolver)
    start = time.process_time()
    [doc] = read_text(text, "bench.txt")
    read = time.process_time() - start
    facts = extract(doc, resolver)
    total = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    return {"kind": kind, "size": size, "bytes": len(text.encode()), "read_s": read, "total_s": total,
            "peak_mib": peak, "claims": len(facts.claims), "sentences": len(facts.sentences)}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(one(argv[1], float(argv[2]))))
        return
    cases = [("review", float(a)) for a in argv] or [("review", 1.0), ("review", 10.0),
                                                       ("cast", 10_000), ("cast", 100_000)]
    print("| case | bytes | read (CPU s) | read + extract (CPU s) | per unit | peak memory |")
    print("|---|---|---|---|---|---|")
    for kind, size in cases:
        out = subprocess.run([sys.executable, __file__, "--one", kind, str(size)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout)
        unit = (f"{row['total_s'] / (row['bytes'] / 1e6):.2f} s/MB" if kind == "review"
                else f"{row['total_s'] / (size / 1e4):.2f} s per 10,000 names")
        label = f"review {size:g} MB" if kind == "review" else f"cast line of {int(size):,} names"
        print(f"| {label} | {row['bytes']:,} | {row['read_s']:.2f} | {row['total_s']:.2f} | {unit} "
              f"| {row['peak_mib']:.0f} MiB |")


if __name__ == "__main__":
    main(sys.argv[1:])
