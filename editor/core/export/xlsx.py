"""XLSX (Excel): the two languages plus status, confidence and note; and its reader.

The workbook is written directly as SpreadsheetML (a zip of a few XML parts), streamed
row by row: openpyxl needs about 20 s for 50,000 rows, this about 2 s. Every text cell
is an inline *string* cell, so a sentence that starts with ``=`` is shown as text and
never evaluated; no apostrophe is needed and the reader gets the exact text back.
The sheet has a bold, frozen header row, an auto-filter and wrapped text columns.
Reading uses openpyxl (any workbook, ours or another tool's).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import IO

from editor import APP_NAME
from editor.core.atomic import atomic_writer
from editor.core.errors import ExportError, InputError
from editor.core.model import Bitext

from . import xmltext
from .common import Job, Row, format_confidence
from .delimited import bitext_from_table, header

WIDTHS = {"#": 7, "zh": 60, "en": 70, "status": 11, "confidence": 11, "note": 40}
MAX_CELL = 32_767  # Excel refuses longer cells
STYLE_BOLD, STYLE_WRAP = 1, 2
_ESCAPED_X = re.compile(r"_(x[0-9A-Fa-f]{4}_)")  # literal "_x000D_" must not decode
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT = "application/vnd.openxmlformats-officedocument"

CONTENT_TYPES = (
    f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{CT}.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{CT}.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml"/>'
    "</Types>")
ROOT_RELS = (
    f'{XML_HEAD}<Relationships xmlns="{NS_PKG}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{NS_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>")
WORKBOOK = (
    f'{XML_HEAD}<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>'
    '<sheet name="Bitext" sheetId="1" r:id="rId1"/></sheets>'
    '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
    "{filter}</definedName></definedNames></workbook>")
WORKBOOK_RELS = (
    f'{XML_HEAD}<Relationships xmlns="{NS_PKG}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{NS_REL}/styles" Target="styles.xml"/></Relationships>')
STYLES = (
    f'{XML_HEAD}<styleSheet xmlns="{NS_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>")


def write(job: Job, path: Path) -> None:
    names = header(job)
    with atomic_writer(path, "wb") as out, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as package:
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            count = _write_sheet(job, names, sheet, path)
        last = f"{_column(len(names) - 1)}{count + 1}"
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", WORKBOOK.format(filter=f"Bitext!$A$1:${last}"))
        package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        package.writestr("xl/styles.xml", STYLES)
        package.writestr("docProps/core.xml", _core(job.options.title))
        package.writestr("docProps/app.xml", _app())


def _write_sheet(job: Job, names: list[str], sheet: IO[bytes], path: Path) -> int:
    """The worksheet part, streamed; returns the number of data rows."""
    cols = "".join(f'<col min="{k}" max="{k}" width="{WIDTHS[n]}" customWidth="1"/>'
                   for k, n in enumerate(names, start=1))
    sheet.write((f'{XML_HEAD}<worksheet xmlns="{NS_MAIN}"><sheetViews>'
                 '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                 'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                 f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
                 ).encode())
    sheet.write(_row_xml(1, names, STYLE_BOLD).encode())
    count = 0
    batch: list[str] = []
    for row in job.iter_rows():
        count += 1
        batch.append(_row_xml(count + 1, _values(row, job, path), STYLE_WRAP))
        if len(batch) == 500:
            sheet.write("".join(batch).encode())
            batch.clear()
    sheet.write("".join(batch).encode())
    last = f"{_column(len(names) - 1)}{count + 1}"
    sheet.write(f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'.encode())
    return count


def _values(row: Row, job: Job, path: Path) -> list[str | float | int | None]:
    if max(len(row.zh), len(row.en), len(row.note)) > MAX_CELL:
        raise ExportError(path, f"link {row.number} has a text longer than Excel's "
                                f"{MAX_CELL:,}-character cell limit; split it or use TSV")
    values: list[str | float | int | None] = [row.number] if job.options.link_numbers else []
    values += [row.text(lang) for lang in job.options.langs]
    values += [row.status, row.confidence]
    return [*values, row.note] if job.options.notes else values


def _row_xml(number: int, values: list, style: int) -> str:
    cells = []
    for k, value in enumerate(values):
        ref = f"{_column(k)}{number}"
        if value is None or value == "":
            continue
        if isinstance(value, str):
            text = xmltext.text(_ESCAPED_X.sub(r"_x005F_\1", value) if "_x" in value else value)
            cells.append(f'<c r="{ref}" t="inlineStr" s="{style if len(value) > 20 else 0}">'
                         f'<is><t xml:space="preserve">{text}</t></is></c>'
                         if style != STYLE_BOLD else
                         f'<c r="{ref}" t="inlineStr" s="{style}"><is><t>{text}</t></is></c>')
        else:
            number_text = format_confidence(value) if isinstance(value, float) else str(value)
            cells.append(f'<c r="{ref}"><v>{number_text}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _column(index: int) -> str:
    """0 → A, 25 → Z (we never need more than six columns)."""
    return chr(ord("A") + index)


def _core(title: str) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
            'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xmltext.text(title)}</dc:title>"
            f"<dc:creator>{APP_NAME}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            "</cp:coreProperties>")


def _app() -> str:
    return (f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/extended-properties"><Application>{APP_NAME}</Application>'
            "</Properties>")


def read(path: Path) -> Bitext:
    """The first sheet as a project, one link per row (header by name, else by script)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError(path, f"not a readable Excel workbook ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        table = [["" if v is None else str(v) for v in values]
                 for values in sheet.iter_rows(values_only=True)
                 if any(v not in (None, "") for v in values)]
    finally:
        workbook.close()
    return bitext_from_table(table, path, kind="xlsx", guarded=False)
