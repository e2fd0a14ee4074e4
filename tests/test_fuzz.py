"""Promise: hostile inputs never crash or hang the program (reduced run; see fuzzing.py).

The everyday suite runs ``BITEXT_FUZZ_CASES`` cases (default 30) from our own files and
the small real fixtures; ``bench/reliability.py`` runs thousands.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fuzzing import make_seeds, mutate_cases, run_case

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASES = int(os.environ.get("BITEXT_FUZZ_CASES", "30"))
SMALL_FIXTURES = [
    "bilingual-single/parskip-manual_alternating_en-zh.pdf",
    "pairs/bitcoin/zh.pdf",
    "problem/encrypted_password-is-test.pdf",
    "problem/scanned_image-only_zh.pdf",
    "problem/fakebold-text-drawn-4-times_zh-en.pdf",
    "problem/bad-fonts_zh.pdf",
]


def seeds(folder: Path) -> list[Path]:
    found = make_seeds(folder / "seeds")
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "seed-sample.pdf"
    if sample.exists():
        found.append(sample)
    found += [SHARED / "fixtures" / rel for rel in SMALL_FIXTURES
              if (SHARED / "fixtures" / rel).exists()]
    return found


@pytest.mark.slow
def test_mutated_files_end_in_success_or_a_one_line_error(tmp_path: Path) -> None:
    cases = mutate_cases(seeds(tmp_path), CASES, seed=20261125, folder=tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = list(pool.map(lambda c: run_case(c[0], out, c[1]), cases))
    failures = [f"{o.case}: {o.problem}" for o in outcomes if o.problem]
    assert not failures, "\n".join(failures)
