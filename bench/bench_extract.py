"""Benchmark: import (extraction + segmentation) time and peak memory per document.

Each case runs in a fresh child process, which times ``import_documents`` (modules
already imported, so interpreter start-up is not counted) and reports its CPU time
(its own plus Tesseract's; on a busy machine this is the steadier figure) and its peak
resident memory (``ru_maxrss``). Targets from issue 3: RISC-V pair ≤ 15 s and ≤ 600 MB,
paracol ≤ 5 s, seed sample ≤ 0.5 s. Cases whose files are absent are skipped.

Run: ``.venv/bin/python bench/bench_extract.py [--ocr]`` (``--ocr`` adds the scanned
fixture, read by Tesseract: minutes, not seconds).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / ".." / "shared" / "fixtures"
SAMPLE = ROOT / "resources" / "samples" / "seed-sample.pdf"

#: (name, files, OCR on?, target seconds, target MB)
CASES: list[tuple[str, list[Path], bool, float | None, float | None]] = [
    ("seed sample (text layer only)", [SAMPLE], False, 0.5, None),
    ("seed sample (with OCR of the garbled author block)", [SAMPLE], True, None, None),
    ("parskip (10 pp, alternating)",
     [FIX / "bilingual-single/parskip-manual_alternating_en-zh.pdf"], True, None, None),
    ("paracol (65 pp, side by side)",
     [FIX / "bilingual-single/paracol-manual_side-by-side_en-zh.pdf"], True, 5.0, None),
    ("bitcoin pair (9 + 9 pp)", [FIX / "pairs/bitcoin/zh.pdf", FIX / "pairs/bitcoin/en.pdf"],
     True, None, None),
    ("RISC-V pair (191 + 155 pp; text layer, garbled pages reported)",
     [FIX / "pairs/riscv_privileged/zh.pdf", FIX / "pairs/riscv_privileged/en.pdf"],
     False, 15.0, 600.0),
]
OCR_CASES = [
    ("scanned (8 pp, OCR)", [FIX / "problem/scanned_image-only_zh.pdf"], True, None, None),
    ("RISC-V pair with OCR of its 25 garbled pages",
     [FIX / "pairs/riscv_privileged/zh.pdf", FIX / "pairs/riscv_privileged/en.pdf"],
     True, None, 600.0),
]

CHILD = r"""
import json, resource, sys, time
from editor.core.extract import api
import editor.core.segment
files, ocr = json.loads(sys.argv[1]), sys.argv[2] == "1"
def cpu():
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # Tesseract processes
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
start, cpu_start = time.perf_counter(), cpu()
result = api.import_documents(files, ocr=ocr)
seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "peak_mb": peak, "zh": len(result.zh),
                  "en": len(result.en), "layout": result.layout,
                  "warnings": sorted({w.code for w in result.warnings})}))
"""


def run_case(files: list[Path], ocr: bool) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps([str(f) for f in files]),
                           "1" if ocr else "0"], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"≤ {target:g} {'✓' if value <= target else '✗'}"


DETECTOR_FILES = [SAMPLE, *sorted(FIX.glob("*/*.pdf")), *sorted(FIX.glob("pairs/*/*.pdf"))]


def detector_table() -> None:
    """How many lines of each PDF the garbage detector rejects, and the measurements."""
    import pymupdf

    from editor.core.extract.diagnostics import combined, score_text
    from editor.core.extract.pdf_lines import lines_from_dict

    print("\n| PDF | lines | flagged garbled | foreign share | common-Han share |")
    print("|---|---|---|---|---|")
    for path in DETECTOR_FILES:
        if not path.exists() or "encrypted" in path.name:
            continue
        with pymupdf.open(path) as doc:
            lines = [ln for page in doc
                     for ln in lines_from_dict(page.get_text("dict"), page.number or 0)]
        scores = [score_text(ln.text) for ln in lines]
        total = combined(scores)
        flagged = sum(s.garbled for s in scores)
        print(f"| {path.name} | {len(lines)} | {flagged} | {total.foreign_share:.3f} | "
              f"{total.common_han_share:.3f} |")


def main(argv: list[str]) -> int:
    cases = CASES + (OCR_CASES if "--ocr" in argv else [])
    print("| document | layout | zh / en sentences | time (s) | CPU (s) | target | peak MB "
          "| target | warnings |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, files, ocr, t_target, m_target in cases:
        if not all(f.exists() for f in files):
            print(f"| {name} | (absent) | | | | | | | |")
            continue
        r = run_case(files, ocr)
        seconds, peak = float(r["seconds"]), float(r["peak_mb"])  # type: ignore[arg-type]
        print(f"| {name} | {r['layout']} | {r['zh']} / {r['en']} | {seconds:.2f} | "
              f"{float(r['cpu']):.2f} | {verdict(seconds, t_target)} | {peak:.0f} | "  # type: ignore[arg-type]
              f"{verdict(peak, m_target)} | "
              f"{', '.join(r['warnings']) or '-'} |")  # type: ignore[arg-type]
    detector_table()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
