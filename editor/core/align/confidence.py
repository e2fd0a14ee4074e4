"""A confidence in [0, 1] for every bead of a path.

The score a bead adds to the best path is mapped through a logistic curve fitted on
MAC-Dev (bead right or wrong); ``bench/bench_align.py`` reports its reliability.
"""

from __future__ import annotations

import math

from editor.core.align import dp

SLOPE = 8.0
OFFSET = 0.0


def of_path(result: dp.Path) -> list[float]:
    out = []
    for gain in result.scores:
        x = max(-50.0, min(50.0, SLOPE * gain + OFFSET))
        out.append(1.0 / (1.0 + math.exp(-x)))
    return out
