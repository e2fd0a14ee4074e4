"""Fit the full mode's confidence curve on MAC-Dev and show its held-out figures.

The confidence of a link is a logistic function of three things the aligner knows
(``editor.core.align.confidence.calibrated``): the logit of the link's posterior among
all sentence-level paths, the log-probability that the clause-level path passes through
the link's start and end, and the log-probability that it does not cut the link inside
(``editor.core.align.boundaries``). This script fits the four numbers on all six
chapters (printed for ``confidence.CLAUSE_WEIGHTS``) and, to say what they are worth on
chapters they were not fitted on, fits them again on five chapters and applies them
to the sixth, for each chapter in turn: the pooled held-out share of wrong links among
the 10% least confident (the issue's goal: ≥ 60%) and the expected calibration error.
The same for the posterior alone (``PLATT_A``, ``PLATT_B``: documents whose clauses
are not embedded).

Run: ``.venv/bin/python bench/fit_confidence.py`` (about 10 s; skipped without the data).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

from editor.core.align import api, confidence
from editor.core.score import read_beads

MAC_DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "mac-dev"
BUCKETS = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0001)


def features() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per link of every chapter: features (logit, ends, uncut), correct, chapter."""
    xs, ys, chapters = [], [], []
    for k, gold_path in enumerate(sorted(MAC_DEV.glob("*.align"))):
        zh = gold_path.with_suffix(".zh").read_text(encoding="utf-8").splitlines()
        en = gold_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        beads, posteriors, clauses = api.confidence_features(zh, en)
        assert clauses is not None
        gold = set(read_beads(gold_path))
        xs.append(np.column_stack([np.log(posteriors / (1 - posteriors)), clauses]))
        ys.append(np.array([bead in gold for bead in beads], dtype=np.float64))
        chapters.append(np.full(len(beads), k))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(chapters)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by Newton's method: weights per column, then the offset."""
    xb = np.column_stack([x, np.ones(len(x))])
    w = np.zeros(xb.shape[1])
    for _ in range(100):
        q = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -50, 50)))
        hessian = (xb * (q * (1 - q))[:, None]).T @ xb + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, xb.T @ (q - y))
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def apply(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ w[:-1] + w[-1], -50, 50)))


def held_out(x: np.ndarray, y: np.ndarray, chapters: np.ndarray) -> np.ndarray:
    out = np.zeros(len(y))
    for k in np.unique(chapters):
        out[chapters == k] = apply(fit(x[chapters != k], y[chapters != k]), x[chapters == k])
    return out


def share(conf: np.ndarray, y: np.ndarray) -> tuple[int, int]:
    lowest = np.argsort(conf, kind="stable")[:len(conf) // 10]
    return int((y[lowest] == 0).sum()), int((y == 0).sum())


def ece(conf: np.ndarray, y: np.ndarray) -> float:
    gap = 0.0
    for lo, hi in itertools.pairwise(BUCKETS):
        inside = (conf >= lo) & (conf < hi)
        if inside.any():
            gap += inside.mean() * abs(conf[inside].mean() - y[inside].mean())
    return gap


def main() -> int:
    if not MAC_DEV.is_dir():
        print(f"skipped: {MAC_DEV} is absent")
        return 0
    x, y, chapters = features()
    print(f"links: {len(y)}, wrong (strict): {int((y == 0).sum())}\n")
    print("| confidence from | weights (all six chapters) | wrong among the 10% least "
          "confident, held out | ECE held out | ECE as shipped |")
    print("|---|---|---|---|---|")
    shipped = {"posterior alone": (confidence.PLATT_A, confidence.PLATT_B),
               "posterior and clause check": confidence.CLAUSE_WEIGHTS}
    per_chapter = []
    for name, columns in (("posterior alone", [0]), ("posterior and clause check", [0, 1, 2])):
        part = x[:, columns]
        w = fit(part, y)
        held = held_out(part, y, chapters)
        found, wrong = share(held, y)
        now = apply(np.asarray(shipped[name]), part)
        print(f"| {name} | {', '.join(f'{v:.3f}' for v in w)} | {found} of {wrong} = "
              f"**{found / wrong:.1%}** | {ece(held, y):.3f} | {ece(now, y):.3f} |")
        lowest = np.zeros(len(y), dtype=bool)
        lowest[np.argsort(held, kind="stable")[:len(y) // 10]] = True
        per_chapter.append([f"{int((lowest & (y == 0) & (chapters == k)).sum())}/"
                            f"{int(((y == 0) & (chapters == k)).sum())}"
                            for k in np.unique(chapters)])
    print("\nwrong links of each chapter among the pooled 10% least confident, held out:")
    for name, cells in zip(("posterior alone", "with the clause check"), per_chapter,
                           strict=True):
        print(f"  {name}: {', '.join(cells)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
