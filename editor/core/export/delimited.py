"""TSV and CSV: UTF-8 tables for spreadsheets and scripts, and their reader.

Columns (with a header row): optional ``#``, the two languages in the chosen order,
``status``, ``confidence`` and (unless notes are off) ``note``. Quoting is the ``csv``
module's, so tabs, commas, quotes and line breaks inside a sentence survive.

Formula injection: a spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``,
tab or CR as a formula. Such cells get a leading apostrophe (OWASP's advice); a cell
that already starts with apostrophes before one of those characters gets one more, so
the reader can remove exactly one and give back the original text.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from editor.core.atomic import atomic_writer
from editor.core.errors import InputError
from editor.core.model import Bitext

from .common import Job, Row, format_confidence
from .readers import RowData, bitext_from_rows

_RISKY = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")
_SCRIPT_SAMPLE = 50
HEADER_NAMES = {
    "zh": {"zh", "chinese", "中文", "zh-hant", "zh-hans"},
    "en": {"en", "english", "英文"},
    "status": {"status", "state"},
    "confidence": {"confidence", "score"},
    "note": {"note", "notes", "comment", "comments"},
    "number": {"#", "no", "number", "link"},
}


def neutralise(cell: str) -> str:
    """``=1+1`` → ``'=1+1``; ``'=x`` → ``''=x`` (so :func:`restore` is its inverse)."""
    return "'" + cell if _RISKY.match(cell) else cell


def restore(cell: str) -> str:
    return cell[1:] if _GUARDED.match(cell) else cell


def header(job: Job) -> list[str]:
    names = ["#"] if job.options.link_numbers else []
    names += [*job.options.langs, "status", "confidence"]
    return [*names, "note"] if job.options.notes else names


def cells(row: Row, job: Job) -> list[str]:
    out = [str(row.number)] if job.options.link_numbers else []
    out += [neutralise(row.text(lang)) for lang in job.options.langs]
    out += [row.status, format_confidence(row.confidence)]
    return [*out, neutralise(row.note)] if job.options.notes else out


def write_tsv(job: Job, path: Path) -> None:
    _write(job, path, "\t")


def write_csv(job: Job, path: Path) -> None:
    _write(job, path, ",")


def _write(job: Job, path: Path, delimiter: str) -> None:
    encoding = "utf-8-sig" if job.options.bom else "utf-8"
    with atomic_writer(path, "w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header(job))
        for row in job.iter_rows():
            writer.writerow(cells(row, job))


# -- reading ---------------------------------------------------------------------------

def read(path: Path) -> Bitext:
    """A TSV/CSV as a project, one link per row (our files, or any two-column table)."""
    text = _decode(path)
    delimiter = _delimiter(path, text)
    try:
        table = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
                 if any(r)]
    except csv.Error as exc:
        raise InputError(path, f"cannot read the table ({exc})") from exc
    return bitext_from_table(table, path, kind=path.suffix.lstrip(".").lower() or "tsv")


def bitext_from_table(table: list[list[str]], path: Path, *, kind: str,
                      guarded: bool = True) -> Bitext:
    """Shared by the TSV/CSV and XLSX readers: map columns by header, else by script.

    ``guarded``: cells were neutralised against formulas (CSV/TSV) and are restored.
    """
    unguard = restore if guarded else str
    if not table:
        raise InputError(path, "the table is empty")
    columns = header_columns(table[0])
    body = table[1:] if columns else table
    if not columns:
        columns = script_columns(body)
    if "zh" not in columns and "en" not in columns:
        raise InputError(path, "no Chinese or English column found")

    def cell(r: list[str], name: str) -> str:
        k = columns.get(name)
        return unguard(r[k]) if k is not None and k < len(r) else ""

    rows = [RowData(zh=cell(r, "zh"), en=cell(r, "en"), status=cell(r, "status"),
                    confidence=cell(r, "confidence"), note=cell(r, "note")) for r in body]
    return bitext_from_rows(rows, path, kind=kind)


def header_columns(first: list[str]) -> dict[str, int]:
    """Column index by name when ``first`` is a header row we recognise, else ``{}``."""
    found: dict[str, int] = {}
    for k, raw in enumerate(first):
        name = _column_name(raw.strip().lower())
        if name is not None and name not in found:
            found[name] = k
    return found if ("zh" in found or "en" in found) else {}


def _column_name(cell: str) -> str | None:
    for name, aliases in HEADER_NAMES.items():
        if cell in aliases:
            return name
    head = cell.replace("_", "-").split("-")[0].split(" ")[0]
    return {"zh": "zh", "en": "en"}.get(head) if "-" in cell or " " in cell else None


def script_columns(body: list[list[str]]) -> dict[str, int]:
    """No header: the column with most Han characters is Chinese, the next one English."""
    from editor.core.script import script_counts

    width = max((len(r) for r in body), default=0)
    han = [0] * width
    latin = [0] * width
    for r in body[:_SCRIPT_SAMPLE]:
        for k, value in enumerate(r):
            h, lat = script_counts(value)
            han[k] += h
            latin[k] += lat
    if width < 2:
        return {"zh": 0} if han and han[0] >= latin[0] else {"en": 0}
    zh = max(range(width), key=lambda k: han[k])
    en = max((k for k in range(width) if k != zh), key=lambda k: latin[k])
    return {"zh": zh, "en": en}


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "the file is not text in any encoding we recognise")
    return str(best)


def _delimiter(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab", ".txt"):
        return "\t"
    if suffix == ".csv":
        return ","
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") >= first.count(",") else ","
