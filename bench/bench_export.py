"""Benchmark: export a synthetic 50,000-link project to every format.

Each format runs in a fresh child process that builds the project, imports the format's
modules (so library start-up is not counted), times ``export_bitext`` and reports its
own peak resident memory (``ru_maxrss``, which includes building the project) and that
of its largest worker process (the PDF layout runs in one process per CPU). Targets
from issue 6: TMX, XLIFF, TSV, XLSX, TXT ≤ 5 s; DOCX ≤ 20 s; PDF ≤ 30 s; ≤ 1 GB each.

"CPU" is the processor time of the export (all processes): on a busy machine it shows
what the export costs when wall time is inflated by other work (see the load average
printed above the table).

Run: ``.venv/bin/python bench/bench_export.py [N_LINKS] [FORMAT ...]``.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

N_LINKS = 50_000
TARGETS = {"tmx": 5, "xliff": 5, "tsv": 5, "csv": 5, "xlsx": 5, "txt": 5, "html": 5,
           "docx": 20, "pdf": 30}
MODULES = {"tsv": "delimited", "csv": "delimited", "txt": "text"}
ZH = "香港特別行政區政府今日公布第{i}項新措施，包括支援創新科技、培育人才及推動「新質生產力」發展。"
EN = ("The HKSAR Government today announced measure {i}, which supports innovation and "
      "technology, nurtures talent and promotes \"new quality productive forces\".")


def synthetic(n: int):  # -> Bitext
    """n links: mostly 1-1, some 2-1 and 1-0; half confirmed; every 50th with a note."""
    from editor.core.model import Bitext, make_sentences

    rng = random.Random(6)
    beads, zh_texts, en_texts = [], [], []
    for i in range(n):
        shape = rng.choices([(1, 1), (2, 1), (1, 0), (0, 1)], weights=[90, 6, 2, 2])[0]
        zi = list(range(len(zh_texts), len(zh_texts) + shape[0]))
        ei = list(range(len(en_texts), len(en_texts) + shape[1]))
        zh_texts += [ZH.format(i=f"{i}.{k}") for k in range(shape[0])]
        en_texts += [EN.format(i=f"{i}.{k}") for k in range(shape[1])]
        beads.append((zi, ei))
    bt = Bitext.from_beads(make_sentences("zh", zh_texts), make_sentences("en", en_texts), beads,
                           confidences=[rng.random() for _ in beads])
    bt.links = [replace(link, status="confirmed" if k % 2 else "auto",
                        note="請核對術語" if k % 50 == 0 else "")
                for k, link in enumerate(bt.links)]
    return bt


def child(fmt: str, n: int) -> None:
    """Run one export and print {seconds, peak_mb, size_mb} as JSON."""
    from editor.core.export import export_bitext

    bt = synthetic(n)
    importlib.import_module(f"editor.core.export.{MODULES.get(fmt, fmt)}")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"bench.{fmt}"
        cpu_before = _cpu_seconds()
        start = time.perf_counter()
        export_bitext(bt, out, fmt)
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu_before
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "worker_mb": worker,
                      "size_mb": size / 2**20}))


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers (robust to a busy machine)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_child(fmt: str, n: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", fmt, str(n)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1], int(argv[2]))
        return 0
    n = int(argv[0]) if argv and argv[0].isdigit() else N_LINKS
    formats = [a for a in argv if not a.isdigit()] or list(TARGETS)
    print(f"Export benchmark: {n:,} links; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| format | time (s) | CPU (s) | target (s) | peak memory (MB) | largest worker (MB) "
          "| file (MB) | ok |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    failures = 0
    for fmt in formats:
        result = run_child(fmt, n)
        if "error" in result:
            print(f"| {fmt} | error: {result['error'][0]} | {TARGETS[fmt]} | | | | | no |")
            failures += 1
            continue
        ok = result["seconds"] <= TARGETS[fmt] and result["peak_mb"] <= 1024
        failures += not ok
        worker = f"{result['worker_mb']:.0f}" if result["worker_mb"] else "–"
        print(f"| {fmt} | {result['seconds']:.2f} | {result['cpu']:.2f} | {TARGETS[fmt]} | "
              f"{result['peak_mb']:.0f} | {worker} | {result['size_mb']:.1f} | "
              f"{'yes' if ok else 'NO'} |", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    raise SystemExit(main(sys.argv[1:]))
