"""XLSX (Excel): the two languages plus status, confidence and note; and its reader.

Every text cell is written with data type ``s`` (a string), so a sentence that starts
with ``=`` is shown as text and never evaluated; no apostrophe is needed, and the
reader gets the exact text back. The sheet has a bold, frozen header row and wrapped
text columns. Written in openpyxl's streaming mode so 50,000 links stay fast.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from editor.core.atomic import atomic_writer

from .common import Job, Row
from .delimited import bitext_from_table, header

WIDTHS = {"#": 7, "zh": 60, "en": 70, "status": 11, "confidence": 11, "note": 40}
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)


def write(job: Job, path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Bitext")
    names = header(job)
    for k, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(k)].width = WIDTHS[name]
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, name, bold=True) for name in names])
    for row in job.iter_rows():
        sheet.append([_cell(sheet, value) for value in _values(row, job)])
    if job.options.title:
        workbook.properties.title = job.options.title
    with atomic_writer(path, "wb") as out:
        workbook.save(out)


def _values(row: Row, job: Job) -> list[str | float | int | None]:
    values: list[str | float | int | None] = [row.number] if job.options.link_numbers else []
    values += [row.text(lang) for lang in job.options.langs]
    values += [row.status, row.confidence]
    values = [*values, row.note] if job.options.notes else values
    return [None if v == "" else v for v in values]


def _cell(sheet, value: str | float | int | None, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if len(value) > 20:
            cell.alignment = _WRAP
    if bold:
        cell.font = _BOLD
    return cell


def read(path: Path):  # -> Bitext
    """The first sheet as a project, one link per row (header by name, else by script)."""
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        table = [["" if v is None else str(v) for v in values]
                 for values in sheet.iter_rows(values_only=True)
                 if any(v not in (None, "") for v in values)]
    finally:
        workbook.close()
    return bitext_from_table(table, path, kind="xlsx", guarded=False)
