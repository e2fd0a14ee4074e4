"""TMX 1.4b: the translation-memory format every CAT tool imports, and its reader.

One ``<tu>`` per link with both sides non-empty (a memory entry needs both); the
link's status and confidence as ``<prop type="x-status">`` / ``x-confidence``, its note
as ``<note>``. The reader turns each ``<tu>`` back into a 1-1 link, restoring status,
confidence and note, so an existing memory can be opened, revised and written again.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO

from editor import APP_NAME, __version__
from editor.core.atomic import atomic_writer
from editor.core.errors import InputError
from editor.core.model import Bitext, Lang, other_lang

from . import xmltext
from .common import Job, Row, format_confidence
from .readers import RowData, bitext_from_rows, inline_text, xml_problems

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_INLINE_CODES = {"bpt", "ept", "ph", "it", "ut"}  # native codes, not translatable text


def tmx_date(moment: dt.datetime | None = None) -> str:
    """TMX's date form, ``YYYYMMDDThhmmssZ`` in UTC."""
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def write(job: Job, path: Path) -> None:
    with atomic_writer(path, "w", encoding="utf-8", newline="\n") as out:
        write_stream(job, out)


def write_stream(job: Job, out: IO[str]) -> None:
    date = tmx_date()
    src = job.code(job.options.source_lang)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
    out.write(
        f'  <header creationtool="{xmltext.attr(APP_NAME)}" '
        f'creationtoolversion="{__version__}" datatype="plaintext" segtype="sentence" '
        f'adminlang="en-US" srclang="{xmltext.attr(src)}" o-tmf="{xmltext.attr(APP_NAME)}" '
        f'creationdate="{date}">\n')
    if job.options.title:
        out.write(f'    {xmltext.element("prop", job.options.title, type="x-title")}\n')
    out.write("  </header>\n  <body>\n")
    order = (job.options.source_lang, other_lang(job.options.source_lang))
    for row in job.iter_rows():
        if row.paired:
            out.write(_tu(row, job, order, date))
    out.write("  </body>\n</tmx>\n")


def _tu(row: Row, job: Job, order: tuple[Lang, Lang], date: str) -> str:
    parts = [f'    <tu tuid="{row.number}" creationdate="{date}">\n',
             f'      {xmltext.element("prop", row.status, type="x-status")}\n']
    if row.confidence is not None:
        value = format_confidence(row.confidence)
        parts.append(f'      {xmltext.element("prop", value, type="x-confidence")}\n')
    if row.note and job.options.notes:
        parts.append(f"      {xmltext.element('note', row.note)}\n")
    for lang in order:
        code = xmltext.attr(job.code(lang))
        parts.append(f'      <tuv xml:lang="{code}"><seg>{xmltext.text(row.text(lang))}'
                     f"</seg></tuv>\n")
    parts.append("    </tu>\n")
    return "".join(parts)


# -- reading ---------------------------------------------------------------------------

def read(path: Path) -> Bitext:
    """A TMX as a project: one 1-1 link per ``<tu>``, statuses and notes restored."""
    data: list[RowData] = []
    codes: dict[str, str] = {}
    with xml_problems(path, "TMX"):
        for _event, elem in ET.iterparse(path, events=("end",)):
            if elem.tag == "tu":
                row = _read_tu(elem, codes)
                if row is not None:
                    data.append(row)
                elem.clear()
    if not data:
        raise InputError(path, "the TMX file holds no Chinese–English translation units")
    return bitext_from_rows(data, path, kind="tmx",
                            languages=tuple(codes[k] for k in ("zh", "en") if k in codes))


def _read_tu(tu: ET.Element, codes: dict[str, str]) -> RowData | None:
    texts: dict[str, str] = {}
    for tuv in tu.iter("tuv"):
        code = tuv.get(XML_LANG) or tuv.get("lang") or ""
        lang = lang_of_code(code)
        seg = tuv.find("seg")
        if lang is None or seg is None or lang in texts:
            continue
        codes.setdefault(lang, code)
        texts[lang] = seg_text(seg)
    if not texts.get("zh") and not texts.get("en"):
        return None
    props = {p.get("type", ""): p.text or "" for p in tu.findall("prop")}
    notes = [n.text or "" for n in tu.findall("note")]
    return RowData(zh=texts.get("zh", ""), en=texts.get("en", ""),
                   status=props.get("x-status", "auto"),
                   confidence=props.get("x-confidence", ""), note="\n".join(notes))


def lang_of_code(code: str) -> Lang | None:
    """``"zh"`` for zh-*, cmn, yue (any case, ``_`` or ``-``), ``"en"`` for en-*."""
    head = code.replace("_", "-").split("-")[0].lower()
    if head in ("zh", "cmn", "yue", "lzh", "zho", "chi"):
        return "zh"
    if head in ("en", "eng"):
        return "en"
    return None


def seg_text(seg: ET.Element) -> str:
    """The translatable text of a ``<seg>``: inline codes dropped, ``<hi>``/``<sub>`` kept."""
    return inline_text(seg, lambda child: child.tag not in _INLINE_CODES)
