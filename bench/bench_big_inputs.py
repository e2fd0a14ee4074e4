"""Benchmark: big inputs are imported within the stated memory bound, or refused at once.

Issue 8, promise 6: "a 100 MB text file, a 2,000-page PDF … either processed within a
stated memory bound or refused with a message saying the limit". The limits live in
:mod:`editor.core.extract.limits`. Each case generates its input in a temporary folder
and runs ``bitext extract FILE`` in a fresh child process (which forks its own PDF
worker, as the CLI does); wall time and the peak resident memory of the largest process
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``) are reported with the outcome.

Inputs: bilingual plain text (Chinese and English paragraphs alternating, 1–3 sentences
each) of a given size in MB, translation memories (TSV, XLIFF) of a given size read with
``bitext export``, and PDFs of a given page count, each page 12 Chinese and 12
English lines (about 1,000 characters), made by copying a 10-page document.

Run: ``.venv/bin/python bench/bench_big_inputs.py [--quick] [--only WORD]`` (``--quick``
skips the cases at the limits, which take a minute each; ``--only memory`` runs the cases
whose label holds that word).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZH = ("香港特別行政區政府今日公布第{i}項新措施，包括支援創新科技。",
      "委員會於第{i}次會議上討論了報告的內容。",
      "這項計劃預計在{i}年內完成，費用由政府承擔。")
EN = ("The HKSAR Government today announced measure {i}, which supports innovation.",
      "The committee discussed the report at its meeting number {i}.",
      "The plan is expected to be completed within {i} years, at the Government's expense.")
PDF_LINES = 12  # Chinese/English line pairs per generated page


def make_text(path: Path, megabytes: float) -> Path:
    """A bilingual text file of about ``megabytes`` MB (MiB) of alternating paragraphs."""
    rng = random.Random(8)
    limit, size, i = int(megabytes * 2**20), 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < limit:
            k, n = rng.randrange(3), rng.randrange(1, 4)
            zh = "".join(ZH[(k + j) % 3].format(i=i + j) for j in range(n))
            en = " ".join(EN[(k + j) % 3].format(i=i + j) for j in range(n))
            chunk = f"{zh}\n\n{en}\n\n"
            fh.write(chunk)
            size, i = size + len(chunk.encode()), i + n
    return path


def make_memory(path: Path, megabytes: float) -> Path:
    """A translation memory of about ``megabytes`` MB: TSV (``.tsv``) or XLIFF 1.2 (``.xlf``),
    one Chinese–English sentence pair a row or unit."""
    rng = random.Random(9)
    limit, i = int(megabytes * 2**20), 0
    xliff = path.suffix == ".xlf"
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis'
                 ':names:tc:xliff:document:1.2"><file original="m" datatype="plaintext" '
                 'source-language="zh-TW" target-language="en-US"><body>\n'
                 if xliff else "zh\ten\tstatus\n")
        while fh.tell() < limit:
            k = rng.randrange(3)
            zh, en = ZH[k].format(i=i), EN[k].format(i=i)
            fh.write(f'<trans-unit id="{i}"><source>{zh}</source><target state="translated">'
                     f"{en}</target></trans-unit>\n" if xliff else f"{zh}\t{en}\tauto\n")
            i += 1
        fh.write("</body></file></xliff>\n" if xliff else "")
    return path


def make_pdf(path: Path, pages: int) -> Path:
    """A bilingual PDF of ``pages`` pages, by copying a 10-page document (fast)."""
    import pymupdf

    unit = pymupdf.open()
    for p in range(10):
        page = unit.new_page()
        for k in range(PDF_LINES):
            # pages start with different sentences: the same line at the top of every
            # page would be taken for a running head and dropped
            y, i, t = 100 + 50 * k, p * PDF_LINES + k, (p + k) % 3
            page.insert_text((50, y), ZH[t].format(i=i), fontname="china-t", fontsize=10)
            page.insert_text((50, y + 16), EN[t].format(i=i), fontname="helv", fontsize=10)
    doc = pymupdf.open()
    while doc.page_count < pages:
        doc.insert_pdf(unit, to_page=min(9, pages - doc.page_count - 1))
    doc.save(path, garbage=1, deflate=True)
    return path


def make_dense_pdf(path: Path, draws: int, *, normal_page: bool = False) -> Path:
    """A small file whose first page draws ``draws`` tiny strings (its content stream
    written directly, as a hostile file would be), then optionally an ordinary page."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((10, 10), "x", fontname="helv")
    ops = [f"BT /F1 1 Tf {10 + k % 100 * 5} {10 + k // 100 % 800} Td (a{k % 10}) Tj ET"
           for k in range(draws)]
    doc.update_stream(page.get_contents()[0], "\n".join(ops).encode())
    if normal_page:
        page = doc.new_page()
        page.insert_text((50, 100), "香港特別行政區政府今日公布新措施。", fontname="china-t")
        page.insert_text((50, 130), "The Government announced a measure today.", fontname="helv")
    doc.save(path, deflate=True)
    return path


def command(path: Path) -> list[str]:
    """The CLI call that reads ``path``: ``extract`` for documents, ``export`` for memories
    (read as a project, written as TSV to nowhere)."""
    if path.suffix in (".tsv", ".xlf"):
        return ["export", str(path), "-f", "tsv", "-o", os.devnull, "-q"]
    return ["extract", str(path)]


def measure(path: Path, limit_as: int | None = None) -> dict[str, object]:
    """``bitext extract path`` (or ``export``, see :func:`command`) in a child: seconds,
    peak MB, exit status, stderr tail.

    Runs through a fresh interpreter so the peak memory is that case's alone;
    ``limit_as`` caps the child's address space (``RLIMIT_AS``) in bytes.
    """
    code = ("import json, resource, subprocess, sys, time\n"
            "limit = int(sys.argv[2])\n"
            "def cap():\n"
            "    if limit: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
            "t = time.perf_counter()\n"
            "p = subprocess.run([sys.executable, '-m', 'editor.cli.main', *sys.argv[3:]], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, preexec_fn=cap)\n"
            "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(json.dumps({'seconds': time.perf_counter() - t, 'peak_mb': peak / 1024,"
            " 'status': p.returncode, 'stderr': p.stderr.strip().splitlines()}))\n")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(limit_as or 0),
                          *command(path)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def cases(quick: bool) -> list[tuple[str, str, float]]:
    """(label, kind, size): text and memory sizes in MB, PDF sizes in pages."""
    from editor.core.extract.limits import MAX_MEMORY_FILE_BYTES, MAX_PDF_PAGES, MAX_TEXT_BYTES, MB

    text_limit, memory_limit = MAX_TEXT_BYTES / MB, MAX_MEMORY_FILE_BYTES / MB
    chosen = [("text", "txt", 5.0), ("text", "txt", 20.0),
              ("text at the limit", "txt", text_limit - 0.5),
              ("text (issue 8)", "txt", 100.0),
              ("PDF", "pdf", 500), ("PDF (issue 8)", "pdf", 2_000),
              ("PDF at the limit", "pdf", MAX_PDF_PAGES),
              ("PDF over the limit", "pdf", MAX_PDF_PAGES + 400),
              ("PDF page of 600,000 characters", "dense", 200_000),
              ("memory", "tsv", 16.0), ("memory at the limit", "tsv", memory_limit - 0.5),
              ("XLIFF memory at the limit", "xlf", memory_limit - 0.5),
              ("memory (100 MB)", "tsv", 100.0)]
    if quick:
        chosen = [c for c in chosen if "limit" not in c[0]]
    return chosen


def outcome(result: dict[str, object]) -> str:
    lines = result["stderr"]
    assert isinstance(lines, list)
    if result["status"] == 0:
        return lines[0] if lines else "ok"
    return f"refused: {lines[-1] if lines else '?'}"


def main() -> None:
    quick = "--quick" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    from editor.core.extract.limits import MB, MEMORY_BOUND_BYTES

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
          f"stated bound {MEMORY_BOUND_BYTES // MB} MB\n")
    print("| input | size | seconds | peak MB | outcome |")
    print("|---|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for label, kind, size in cases(quick):
            if only not in label:
                continue
            path = Path(tmp) / f"big.{kind}"
            if kind in ("txt", "tsv", "xlf"):
                (make_text if kind == "txt" else make_memory)(path, size)
                shown = f"{path.stat().st_size / MB:.1f} MB"
            elif kind == "dense":
                path = make_dense_pdf(path.with_suffix(".pdf"), int(size), normal_page=True)
                shown = f"2 pages ({path.stat().st_size / 1024:.0f} kB)"
            else:
                make_pdf(path, int(size))
                shown = f"{int(size):,} pages ({path.stat().st_size / MB:.0f} MB)"
            result = measure(path)
            print(f"| {label} | {shown} | {result['seconds']:.1f} | "
                  f"{result['peak_mb']:.0f} | {outcome(result)} |", flush=True)
            path.unlink()


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
