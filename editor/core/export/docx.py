"""DOCX (Word): a title and a two-column table, Chinese | English (order selectable).

The header row repeats on every page; link numbers and a note column are optional.
Every run names an East Asian font (``w:eastAsia`` on ``w:rFonts``) and carries the
East Asian language, so Word and LibreOffice set the Chinese in a CJK font instead of
falling back glyph by glyph. The table is built as one XML fragment and parsed once:
python-docx's ``add_row`` is far too slow for 50,000 links.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from editor.core.atomic import atomic_writer

from . import xmltext
from .common import Job, Row

LABELS = {"zh": "中文", "en": "English"}
TRADITIONAL_FONT = "Microsoft JhengHei"
SIMPLIFIED_FONT = "Microsoft YaHei"
NUMBER_WIDTH = 620  # twips
_EMU_PER_TWIP = 635


def cjk_font(zh_code: str) -> str:
    """Simplified for zh-CN / zh-SG / zh-Hans, Traditional otherwise (HK, MO, TW, Hant)."""
    code = zh_code.lower()
    simplified = any(tag in code.replace("_", "-").split("-") for tag in ("cn", "sg", "hans"))
    return SIMPLIFIED_FONT if simplified else TRADITIONAL_FONT


def write(job: Job, path: Path) -> None:
    rows = job.rows()
    document = Document()
    style = _RunStyle(cjk_font(job.code("zh")), job.code("zh"), job.code("en"))
    _set_default_fonts(document, style)
    title = job.options.title or "Bilingual text"
    document.core_properties.title = title
    heading = document.add_heading(level=0)
    heading._p.append(parse_xml(f"<w:r {nsdecls('w')}>{style.rpr('en')}"
                                f"{_text_xml(title)}</w:r>"))
    columns = _columns(job, rows)
    widths = _widths(document, columns)
    table = parse_xml(_table_xml(job, rows, columns, widths, style))
    document.element.body.insert(len(document.element.body) - 1, table)  # before sectPr
    with atomic_writer(path, "wb") as out:
        document.save(out)


class _RunStyle:
    """The ``w:rPr`` of the runs: East Asian font and languages (bold for the header)."""

    def __init__(self, font: str, zh_code: str, en_code: str) -> None:
        self.font_name = font
        self.font = xmltext.attr(font)
        self.zh = xmltext.attr(zh_code)
        self.en = xmltext.attr(en_code)

    def rpr(self, lang: str, *, bold: bool = False) -> str:
        hint = ' w:hint="eastAsia"' if lang == "zh" else ""
        return (f'<w:rPr><w:rFonts w:eastAsia="{self.font}"{hint}/>{"<w:b/>" if bold else ""}'
                f'<w:lang w:val="{self.en}" w:eastAsia="{self.zh}"/></w:rPr>')


def _set_default_fonts(document, style: _RunStyle) -> None:
    """Document defaults name the CJK font too, so text typed later in Word keeps it."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), style.font_name)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)


def _columns(job: Job, rows: list[Row]) -> list[str]:
    columns = ["#"] if job.options.link_numbers else []
    columns += list(job.options.langs)
    if job.options.notes and any(row.note for row in rows):
        columns.append("note")
    return columns


def _widths(document, columns: list[str]) -> dict[str, int]:
    """Column widths in twips filling the text width; notes get a fifth."""
    section = document.sections[0]
    usable = (section.page_width - section.left_margin - section.right_margin) // _EMU_PER_TWIP
    rest = usable - (NUMBER_WIDTH if "#" in columns else 0)
    note = rest // 5 if "note" in columns else 0
    text = (rest - note) // 2
    return {"#": NUMBER_WIDTH, "zh": text, "en": text, "note": note}


def _table_xml(job: Job, rows: list[Row], columns: list[str], widths: dict[str, int],
               style: _RunStyle) -> str:
    grid = "".join(f'<w:gridCol w:w="{widths[c]}"/>' for c in columns)
    labels = {"#": "#", "note": "Note", **{lang: f"{LABELS[lang]} ({job.code(lang)})"
                                           for lang in ("zh", "en")}}
    head = "".join(_cell(labels[c], widths[c], style, "zh" if c == "zh" else "en", bold=True)
                   for c in columns)
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
             '<w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
             f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
             f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
             f"<w:tblGrid>{grid}</w:tblGrid>"
             f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>']
    for row in rows:
        values = {"#": str(row.number), "zh": row.zh, "en": row.en, "note": row.note}
        cells = "".join(_cell(values[c], widths[c], style, "zh" if c == "zh" else "en")
                        for c in columns)
        parts.append(f"<w:tr>{cells}</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _cell(value: str, width: int, style: _RunStyle, lang: str, *, bold: bool = False) -> str:
    run = f"<w:r>{style.rpr(lang, bold=bold)}{_text_xml(value)}</w:r>" if value else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"<w:p>{run}</w:p></w:tc>")


def _text_xml(value: str) -> str:
    """Run content: line breaks as ``<w:br/>``, tabs as ``<w:tab/>``, spaces kept."""
    pieces = []
    for k, line in enumerate(value.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if k:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{xmltext.text(chunk)}</w:t>')
    return "".join(pieces)
