"""Alignment benchmark: MAC-Dev accuracy and calibration, Bible time and memory.

* MAC-Dev (full mode): strict/lax precision, recall, F1 per chapter and overall (the
  field's measure, ``editor.core.score``), wall and CPU seconds per chapter with the
  model loaded (encoding included).
* Confidence: share of the wrong links found among the 10% least confident, and a
  reliability table (confidence bucket → observed strict accuracy).
* Bible 001/003/006 (``bitext align --presegmented``, fast and full): whole-process wall
  time and peak RSS from ``/usr/bin/time -v`` (start-up and model loading included);
  strict/lax F1 on 001 against its verse gold (English first, swapped for scoring).

* Big inputs (``--big``; issue 8, promise 6): about 200,000 sentences a side (Bible
  006 repeated, or made-up sentences without the data) in both modes, and a pair just
  over :data:`editor.core.align.limits.MAX_SENTENCES`, which must be refused at once.

Run: ``.venv/bin/python bench/bench_align.py [--skip-bible] [--sizes 001,003]
[--modes fast,full] [--big]``. Data absent → that part is skipped. Note: this machine sets
``OPENBLAS_CORETYPE``, which halves numpy's matrix-product speed compared with a user's
machine; the encoder's times here are pessimistic.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from editor.core.align import align_sentences, encoder
from editor.core.score import BeadIds, Scores, read_beads, score, score_many

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MAC_DEV = SHARED / "data" / "mac-dev"
BIBLE = SHARED / "data" / "bible"
BITEXT = Path(sys.executable).with_name("bitext")
BUCKETS = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0001)


def mac_dev() -> tuple[list[tuple[bool, float]], list[str]]:
    """Per-chapter table rows, and (correct, confidence) per predicted bead."""
    started = time.perf_counter()
    encoder.model()
    rows = [f"model load: {time.perf_counter() - started:.2f} s", "",
            "| chapter | zh | en | P strict | R strict | F1 strict | P lax | R lax | F1 lax "
            "| seconds | CPU s |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    pairs: list[tuple[list[BeadIds], list[BeadIds]]] = []
    judged: list[tuple[bool, float]] = []
    total = total_cpu = 0.0
    for gold_path in sorted(MAC_DEV.glob("*.align")):
        zh = gold_path.with_suffix(".zh").read_text(encoding="utf-8").splitlines()
        en = gold_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        started, cpu_started = time.perf_counter(), time.process_time()
        beads = align_sentences(zh, en)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        total += seconds
        total_cpu += cpu
        gold = read_beads(gold_path)
        test = [(b.zh, b.en) for b in beads]
        pairs.append((gold, test))
        gold_set = set(gold)
        judged += [((b.zh, b.en) in gold_set, b.confidence) for b in beads]
        rows.append(_score_row(gold_path.stem, len(zh), len(en), score(gold, test),
                               (seconds, cpu)))
    count = max(len(pairs), 1)
    rows.append(_score_row("**all**", "", "", score_many(pairs),
                           (total / count, total_cpu / count), mean=True))
    return judged, rows


def _score_row(name: str, n_zh: int | str, n_en: int | str, s: Scores,
               seconds: tuple[float, float], mean: bool = False) -> str:
    """One table row; ``seconds`` is (wall, CPU): the CPU figure is the one that holds
    when other work shares the machine."""
    f = s.as_dict()
    suffix = " (mean)" if mean else ""
    time_cell = f"{seconds[0]:.2f}{suffix} | {seconds[1]:.2f}{suffix}"
    return (f"| {name} | {n_zh} | {n_en} | {f['precision_strict']:.4f} | "
            f"{f['recall_strict']:.4f} | "
            f"**{f['f1_strict']:.4f}** | {f['precision_lax']:.4f} | {f['recall_lax']:.4f} | "
            f"**{f['f1_lax']:.4f}** | {time_cell} |")


def calibration(judged: Sequence[tuple[bool, float]]) -> list[str]:
    right = np.array([r for r, _ in judged], dtype=bool)
    conf = np.array([c for _, c in judged])
    order = np.argsort(conf, kind="stable")
    lowest = order[:max(1, len(order) // 10)]
    wrong = int((~right).sum())
    found = int((~right[lowest]).sum())
    rows = [f"links: {len(right)}, wrong (strict): {wrong}; among the 10% least confident "
            f"({len(lowest)} links): {found} wrong = **{found / max(wrong, 1):.1%}** of all "
            "wrong links (goal ≥ 60%)", "",
            "| confidence | links | mean confidence | observed accuracy |", "|---|---|---|---|"]
    gap = 0.0
    for lo, hi in itertools.pairwise(BUCKETS):
        inside = (conf >= lo) & (conf < hi)
        if inside.any():
            rows.append(f"| {lo:.2f}–{min(hi, 1.0):.2f} | {int(inside.sum())} | "
                        f"{conf[inside].mean():.3f} | {right[inside].mean():.3f} |")
            gap += inside.mean() * abs(conf[inside].mean() - right[inside].mean())
    rows += ["", f"expected calibration error over these buckets: {gap:.3f} (the confidence "
             "curve was fitted on these chapters; see editor/core/align/confidence.py for "
             "its held-out figure)"]
    return rows


def _timed(args: Sequence[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak RSS (MB) and first error line of a child, via
    ``/usr/bin/time -v`` (a refusal is timed too).

    CPU time (user + system) is shown too because on a shared machine the wall time
    mostly measures the other work.
    """
    done = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True,
                          check=False)
    error = done.stderr.strip().splitlines()[0] if done.returncode != 0 else ""
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)",
                                           done.stderr))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    seconds = float("nan")
    if wall:
        hours = float(wall.group(1) or 0)
        seconds = hours * 3600 + float(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, cpu, int(rss.group(1)) / 1024 if rss else float("nan"), error


def bible(sizes: Sequence[str], modes: Sequence[str]) -> list[str]:
    rows = ["| text | zh lines | en lines | mode | wall s | CPU s | peak MB | F1 strict "
            "| F1 lax |", "|---|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            zh, en = BIBLE / f"{size}.zh", BIBLE / f"{size}.en"
            if not zh.exists() or not en.exists():
                continue
            n_zh, n_en = _lines(zh), _lines(en)
            for mode in modes:
                out = Path(tmp) / f"{size}-{mode}.ids"
                seconds, cpu, peak, error = _timed([str(BITEXT), "align", "--presegmented",
                                               "--mode", mode, str(zh), str(en), "-o", str(out)])
                f1 = _bible_f1(size, out) if not error else ("", "")
                rows.append(f"| {size} | {n_zh} | {n_en} | {mode} | {seconds:.1f} | {cpu:.1f} | "
                            f"{peak:.0f} | {f1[0]} | {f1[1]} |" + (f" {error}" if error else ""))
                print(rows[-1], file=sys.stderr, flush=True)
    return rows


def big(modes: Sequence[str]) -> list[str]:
    """Whole-process time and peak memory on ~200,000 sentences a side, and a refusal."""
    from editor.core.align.limits import MAX_SENTENCES, MB, MEMORY_BOUND_BYTES

    rows = [f"stated bound: {MAX_SENTENCES:,} sentences in all, "
            f"{MEMORY_BOUND_BYTES // MB:,} MB", "",
            "| input | zh lines | en lines | mode | wall s | CPU s | peak MB | outcome |",
            "|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        zh, en = Path(tmp) / "big.zh", Path(tmp) / "big.en"
        n_zh, n_en = _big_pair(zh, en)
        cases = [("Bible 006 ×5" if BIBLE.is_dir() else "made up", m) for m in modes]
        over_zh, over_en = Path(tmp) / "over.zh", Path(tmp) / "over.en"
        _made_up(over_zh, MAX_SENTENCES // 2 + 1, "zh")
        _made_up(over_en, MAX_SENTENCES // 2 + 1, "en")
        for label, mode in [*cases, ("over the limit", "fast")]:
            files = (zh, en) if label != "over the limit" else (over_zh, over_en)
            out = Path(tmp) / "out.ids"
            seconds, cpu, peak, error = _timed([str(BITEXT), "align", "--presegmented",
                                                "--mode", mode, str(files[0]), str(files[1]),
                                                "-o", str(out)])
            counts = (n_zh, n_en) if label != "over the limit" else \
                (MAX_SENTENCES // 2 + 1, MAX_SENTENCES // 2 + 1)
            rows.append(f"| {label} | {counts[0]:,} | {counts[1]:,} | {mode} | {seconds:.1f} | "
                        f"{cpu:.1f} | {peak:.0f} | {error or 'aligned'} |")
            print(rows[-1], file=sys.stderr, flush=True)
    return rows


def _big_pair(zh: Path, en: Path) -> tuple[int, int]:
    """Bible 006 five times (213,435 + 150,000 lines), or 200,000 made-up lines a side."""
    if (BIBLE / "006.zh").exists() and (BIBLE / "006.en").exists():
        zh.write_text((BIBLE / "006.zh").read_text(encoding="utf-8") * 5, encoding="utf-8")
        en.write_text((BIBLE / "006.en").read_text(encoding="utf-8") * 5, encoding="utf-8")
        return _lines(zh), _lines(en)
    _made_up(zh, 200_000, "zh")
    _made_up(en, 200_000, "en")
    return 200_000, 200_000


def _made_up(path: Path, count: int, lang: str) -> None:
    words = (("委員會", "政府", "報告", "討論", "計劃", "香港", "今日", "措施") if lang == "zh"
             else ("committee", "government", "report", "discussed", "plan", "Hong Kong"))
    join = "" if lang == "zh" else " "
    end = "。" if lang == "zh" else "."
    lines = [join.join(words[(k + i) % len(words)] for i in range(3 + k % 9)) + f" {k}{end}"
             for k in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _bible_f1(size: str, out: Path) -> tuple[str, str]:
    gold = BIBLE / f"{size}.en-zh.align"
    if not gold.exists():
        return "", ""
    s = score(read_beads(gold, swap=True), read_beads(out))
    return f"{s.f1_strict:.4f}", f"{s.f1_lax:.4f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-bible", action="store_true")
    parser.add_argument("--skip-mac", action="store_true")
    parser.add_argument("--sizes", default="001,003,006")
    parser.add_argument("--modes", default="fast,full")
    parser.add_argument("--big", action="store_true",
                        help="also ~200,000 sentences a side and a pair over the limit")
    args = parser.parse_args()
    print(f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}; "
          f"CPUs: {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f} "
          "(other work on the machine slows every figure)\n")
    if not args.skip_mac and MAC_DEV.is_dir():
        judged, rows = mac_dev()
        print("## MAC-Dev, full mode\n\n" + "\n".join(rows) + "\n")
        print("## Confidence calibration (MAC-Dev)\n\n" + "\n".join(calibration(judged)) + "\n")
    elif not MAC_DEV.is_dir():
        print(f"MAC-Dev skipped: {MAC_DEV} is absent\n")
    if not args.skip_bible and BIBLE.is_dir():
        rows = bible(args.sizes.split(","), args.modes.split(","))
        print("## Bible, `bitext align --presegmented` (whole process)\n\n" + "\n".join(rows))
    elif not BIBLE.is_dir():
        print(f"Bible skipped: {BIBLE} is absent")
    if args.big:
        rows = big(args.modes.split(","))
        print("\n## Big inputs (issue 8, promise 6), whole process\n\n" + "\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
