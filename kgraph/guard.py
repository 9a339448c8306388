"""A bound on the memory a kgraph command may use: a damaged store (or a runaway query) must
end with one line, not grow until the kernel kills the machine's other work."""
from __future__ import annotations

import os
import sys
import threading
import time

ENV = "KGRAPH_MEMORY_LIMIT"


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (OSError, ValueError):
        return 16 << 30


def memory_limit() -> int:
    """Bytes a command may hold: $KGRAPH_MEMORY_LIMIT (e.g. 8G, 500M), else half the machine."""
    raw = os.environ.get(ENV, "").strip().upper()
    if not raw:
        return _physical_memory() // 2
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    scale = units.get(raw[-1:], 1)
    number = raw[:-1] if raw[-1:] in units else raw
    try:
        value = int(float(number.rstrip("I").rstrip("B") or "x") * scale)
    except ValueError:
        sys.stderr.write(f"error: {ENV}={raw!r}: expected a size such as 8G or 500M\n")
        sys.exit(2)
    return max(value, 64 << 20)


def resident_bytes() -> int:
    """This process's resident memory, from /proc (0 where there is none)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def watch_memory(limit: int | None = None, every: float = 0.1) -> threading.Thread | None:
    """Start a daemon thread that ends the process with one line on stderr (exit 1) when its
    resident memory passes `limit`. The store stays consistent: its writes are transactional."""
    if not os.path.exists("/proc/self/statm"):
        return None
    bound = limit or memory_limit()

    def watch() -> None:
        while True:
            used = resident_bytes()
            if used > bound:
                sys.stderr.write(
                    f"error: kgraph used {used / (1 << 30):.1f} GiB, more than its limit of "
                    f"{bound / (1 << 30):.1f} GiB, and stopped. A damaged store can do this: "
                    f"`kgraph build --rebuild` sets it aside and rebuilds it from the sources; a large "
                    f"graph may need more ({ENV}=16G)\n")
                sys.stderr.flush()
                os._exit(1)
            time.sleep(every)

    thread = threading.Thread(target=watch, name="kgraph-memory-guard", daemon=True)
    thread.start()
    return thread
