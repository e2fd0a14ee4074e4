"""Promise: hostile inputs never crash or hang the program (reduced run; see fuzzing.py).

The everyday suite runs ``BITEXT_FUZZ_CASES`` cases (default 30) from our own files and
the small real fixtures; ``bench/reliability.py`` runs thousands. With
``BITEXT_FUZZ_LOG=FILE`` every case and a summary (cases per kind and mutation, slowest
case, largest memory) are written to FILE for the README's figures.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fuzzing import Outcome, kind_of, make_seeds, mutate_cases, run_case

from editor.core.cpus import usable_cpus

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASES = int(os.environ.get("BITEXT_FUZZ_CASES", "30"))
SEED = int(os.environ.get("BITEXT_FUZZ_SEED", "20261125"))
SMALL_FIXTURES = [
    "bilingual-single/parskip-manual_alternating_en-zh.pdf",
    "pairs/bitcoin/zh.pdf",
    "problem/encrypted_password-is-test.pdf",
    "problem/scanned_image-only_zh.pdf",
    "problem/fakebold-text-drawn-4-times_zh-en.pdf",
    "problem/bad-fonts_zh.pdf",
    "text/effective-go_zh-en/README.md",
]


def seeds(folder: Path) -> list[Path]:
    found = make_seeds(folder / "seeds")
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "seed-sample.pdf"
    if sample.exists():
        found.append(sample)
    found += [SHARED / "fixtures" / rel for rel in SMALL_FIXTURES
              if (SHARED / "fixtures" / rel).exists()]
    return found


def case_line(o: Outcome) -> str:
    return (f"{o.case}\t{o.status}\t{o.seconds:.1f} s\t{o.max_rss >> 20} MB\t"
            f"{o.problem or 'ok'}\n")


def summary(cases: Sequence[tuple[Path, str]], outcomes: Sequence[Outcome],
            seconds: float) -> str:
    """The figures of a run: cases per kind and mutation, statuses, extremes, failures."""
    kinds = Counter(kind_of(Path(o.case.split()[0])) for o in outcomes)
    mutations = Counter(p.stem.split("-", 1)[1] for p, _ in cases)
    statuses = Counter(str(o.status) for o in outcomes)
    slowest = max(outcomes, key=lambda o: o.seconds)
    largest = max(outcomes, key=lambda o: o.max_rss)
    lines = [f"cases: {len(outcomes)} in {seconds:.0f} s (seed {SEED})",
             "by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()),
             "by mutation: " + ", ".join(f"{k} {n}" for k, n in mutations.most_common()),
             "exit statuses: " + ", ".join(f"{k}: {n}" for k, n in statuses.most_common()),
             f"slowest: {slowest.case} {slowest.seconds:.1f} s",
             f"largest: {largest.case} {largest.max_rss >> 20} MB",
             f"failures: {sum(1 for o in outcomes if o.problem)}"]
    return "\n".join(lines) + "\n"


@pytest.mark.slow
def test_mutated_files_end_in_success_or_a_one_line_error(tmp_path: Path) -> None:
    cases = mutate_cases(seeds(tmp_path), CASES, seed=SEED, folder=tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    log_path = Path(os.environ.get("BITEXT_FUZZ_LOG") or os.devnull)
    start = time.monotonic()
    outcomes = []
    workers = usable_cpus()
    with log_path.open("w", encoding="utf-8") as log, ThreadPoolExecutor(workers) as pool:
        for outcome in pool.map(lambda c: run_case(c[0], out, c[1]), cases):
            outcomes.append(outcome)
            log.write(case_line(outcome))
            log.flush()
        log.write("\n" + summary(cases, outcomes, time.monotonic() - start))
    failures = [f"{o.case}: {o.problem}" for o in outcomes if o.problem]
    assert not failures, "\n".join(failures)
