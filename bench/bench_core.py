"""Core benchmark: every edit on a 50,000-link bitext, and project save/load.

Run: ``.venv/bin/python bench/bench_core.py``. Prints a markdown table. Each operation is
planned and applied at 200 random places (then undone, so the document stays the same
size); the median is reported. Targets: each operation <= 1 ms, save <= 1 s, load <= 1 s.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bitext_factory import random_bitext

from editor.core import edits, ops
from editor.core.errors import OperationError
from editor.core.model import Bitext
from editor.core.project import load_project, save_project

N_LINKS = 50_000
REPEATS = 200

Planner = Callable[[Bitext, int, random.Random], edits.Edit]

OPERATIONS: dict[str, Planner] = {
    "merge with next": lambda bt, i, r: ops.merge_with_next(bt, i),
    "split link": lambda bt, i, r: ops.split_link(bt, i, 1, 0),
    "shift up": lambda bt, i, r: ops.shift_up(bt, i, "zh"),
    "shift down": lambda bt, i, r: ops.shift_down(bt, i, "en"),
    "insert empty": lambda bt, i, r: ops.insert_empty(bt, i, "zh"),
    "delete empty": lambda bt, i, r: ops.delete_empty(bt, i),
    "split sentence": lambda bt, i, r: ops.split_sentence(bt, i, "en", 0, 3),
    "join sentences": lambda bt, i, r: ops.join_sentences(bt, i, "zh", 0),
    "edit text": lambda bt, i, r: ops.edit_text(bt, bt.links[i].zh[0], "改寫的句子。"),
    "set status": lambda bt, i, r: ops.set_status(bt, i, i + 1, "confirmed"),
    "set note": lambda bt, i, r: ops.set_note(bt, i, "note"),
    "replace range": lambda bt, i, r: ops.replace_links(bt, i, i + 3, bt.links[i:i + 3]),
}


def time_operation(bt: Bitext, plan: Planner, rng: random.Random) -> tuple[float, float]:
    """Median milliseconds of plan+apply, and of the undo."""
    do_times, undo_times = [], []
    while len(do_times) < REPEATS:
        i = rng.randrange(1, len(bt.links) - 4)
        start = time.perf_counter()
        try:
            inverse = edits.apply(bt, plan(bt, i, rng))
        except (OperationError, IndexError):
            continue
        middle = time.perf_counter()
        edits.apply(bt, inverse)
        do_times.append(middle - start)
        undo_times.append(time.perf_counter() - middle)
    return statistics.median(do_times) * 1e3, statistics.median(undo_times) * 1e3


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call; the result is dropped outside the timing."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    del result
    return wall, cpu


def main() -> None:
    rng = random.Random(7)
    bt = random_bitext(rng, 70_000, 70_000)
    while len(bt.links) > N_LINKS:
        bt.links.pop()
    keep = {sid for link in bt.links for sid in (*link.zh, *link.en)}
    bt.sentences = {k: v for k, v in bt.sentences.items() if k in keep}
    bt.check()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {len(bt.links):,} links, {len(bt.sentences):,} "
          f"sentences; load average {os.getloadavg()[0]:.1f}\n")
    print("| operation | median do (ms) | median undo (ms) | target |")
    print("|---|---:|---:|---|")
    for name, plan in OPERATIONS.items():
        do, undo = time_operation(bt, plan, rng)
        print(f"| {name} | {do:.3f} | {undo:.3f} | <= 1 ms |")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.bitext"
        save = [_timed(lambda: save_project(bt, path)) for _ in range(5)]
        load = [_timed(lambda: load_project(path)) for _ in range(5)]
        assert load_project(path).bitext.snapshot() == bt.snapshot()
        size = path.stat().st_size / 1e6
    for name, runs in (("save project", save), ("load project", load)):
        wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
        print(f"| {name} | {wall * 1e3:.0f} (CPU {cpu * 1e3:.0f}) | | <= 1000 ms |")
    print(f"\nProject file: {size:.1f} MB")


if __name__ == "__main__":
    main()
