"""XLIFF 1.2 and 2.1: one unit per link, for CAT tools that revise or reuse the work.

The user chooses the direction (``source_lang``): the source side goes in ``<source>``,
the other in ``<target>``. States follow the link status — confirmed links are
``final`` (with ``approved="yes"`` in 1.2), automatic links ``translated``, a unit with
no target ``initial`` (2.1) / no target element (1.2). The link's note becomes a
``<note>``. Whitespace is kept (``xml:space="preserve"``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from editor import APP_NAME, __version__
from editor.core.atomic import atomic_writer
from editor.core.errors import InputError
from editor.core.model import Bitext, Lang, other_lang

from . import xmltext
from .common import Job, Row
from .readers import RowData, bitext_from_rows, inline_text, xml_problems
from .tmx import lang_of_code

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_2 = "urn:oasis:names:tc:xliff:document:2.0"


def write(job: Job, path: Path) -> None:
    src, trg = job.options.source_lang, other_lang(job.options.source_lang)
    layout = _LAYOUTS[job.options.xliff_version]
    notes = job.options.notes
    with atomic_writer(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(layout.head(job.code(src), job.code(trg), path.name))
        for row in job.iter_rows():
            out.write(render(layout, row, src, trg, notes))
        out.write(layout.tail)


class _Layout(NamedTuple):
    """One version's markup, as f-string functions that :func:`render` fills.

    Functions rather than an element tree or ``str.format`` templates because a
    50,000-link export spends its time here: a tree built and walked per unit took
    twice as long, ``str.format`` 1.8 times as long.
    """

    head: Callable[[str, str, str], str]  # source code, target code, file name
    #: number, approved, state, source text, target and note markup (all escaped)
    unit: Callable[[str, str, str, str, str, str], str]
    target: Callable[[str, str], str]  # state, text; left out when there is no target
    note: Callable[[str], str]  # text; left out when there is no note
    approved: str  # what a confirmed unit carries in its opening tag
    tail: str


def render(layout: _Layout, row: Row, src: Lang, trg: Lang, notes: bool) -> str:
    """One link as a unit in ``layout``'s markup: what both versions say about it.

    The state is ``initial`` without a target, else ``final`` when confirmed and
    ``translated`` when not; a confirmed link is approved even without a target.
    """
    target, confirmed = row.text(trg), row.status == "confirmed"
    state = "initial" if not target else "final" if confirmed else "translated"
    note = row.note if notes else ""
    return layout.unit(str(row.number), layout.approved if confirmed else "", state,
                       xmltext.text(row.text(src)),
                       layout.target(state, xmltext.text(target)) if target else "",
                       layout.note(xmltext.text(note)) if note else "")


def _head_12(src: str, trg: str, original: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NS_12}">\n'
            f'  <file original="{xmltext.attr(original)}" datatype="plaintext" '
            f'source-language="{xmltext.attr(src)}" target-language="{xmltext.attr(trg)}" '
            'tool-id="bitext-editor">\n'
            f'    <header><tool tool-id="bitext-editor" tool-name="{xmltext.attr(APP_NAME)}" '
            f'tool-version="{__version__}"/></header>\n    <body>\n')


def _unit_12(number: str, approved: str, state: str, source: str, target: str,
             note: str) -> str:
    """``<trans-unit>``: approved when confirmed; the state goes on the target."""
    return (f'      <trans-unit id="{number}"{approved} xml:space="preserve">\n'
            f"        <source>{source}</source>\n{target}{note}      </trans-unit>\n")


def _head_21(src: str, trg: str, original: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{NS_2}" version="2.1" '
            f'srcLang="{xmltext.attr(src)}" trgLang="{xmltext.attr(trg)}">\n'
            f'  <file id="f1" original="{xmltext.attr(original)}">\n')


def _unit_21(number: str, approved: str, state: str, source: str, target: str,
             note: str) -> str:
    """``<unit>``: notes first, then one segment carrying the state."""
    return (f'    <unit id="u{number}">\n{note}      <segment state="{state}">\n'
            f'        <source xml:space="preserve">{source}</source>\n{target}'
            "      </segment>\n    </unit>\n")


_LAYOUTS = {
    "1.2": _Layout(
        _head_12, _unit_12,
        target=lambda state, text: f'        <target state="{state}">{text}</target>\n',
        note=lambda text: f"        <note>{text}</note>\n",
        approved=' approved="yes"', tail="    </body>\n  </file>\n</xliff>\n"),
    "2.1": _Layout(
        _head_21, _unit_21,
        target=lambda state, text: f'        <target xml:space="preserve">{text}</target>\n',
        note=lambda text: f"      <notes>\n        <note>{text}</note>\n      </notes>\n",
        approved="", tail="  </file>\n</xliff>\n"),
}


# -- reading ---------------------------------------------------------------------------

_CONFIRMED_STATES = {"final", "signed-off", "reviewed"}
_CODES = {"ph", "x", "bx", "ex", "it", "bpt", "ept", "sc", "ec", "cp"}  # no translatable text


def read(path: Path) -> Bitext:
    """XLIFF 1.2 or 2.x (ours or a CAT tool's) as a project, one link per unit.

    The file's source/target languages tell which side is Chinese; a unit is confirmed
    when approved (1.2) or in state final / signed-off / reviewed.
    """
    with xml_problems(path, "XLIFF"):
        root = ET.parse(path).getroot()
    if _local(root.tag) != "xliff":
        raise InputError(path, "not an XLIFF file (the root element is not <xliff>)")
    version2 = root.get("version", "1.2").startswith("2")
    rows: list[RowData] = []
    codes: dict[str, str] = {}
    for file in _children(root, "file"):
        src_code = (root.get("srcLang") if version2 else file.get("source-language")) or ""
        trg_code = (root.get("trgLang") if version2 else file.get("target-language")) or ""
        source_lang = lang_of_code(src_code) or "zh"
        if lang_of_code(src_code) and lang_of_code(trg_code):
            codes.setdefault(source_lang, src_code)
            codes.setdefault(other_lang(source_lang), trg_code)
        units = _descendants(file, "unit" if version2 else "trans-unit")
        rows += [_unit_row(unit, version2, source_lang) for unit in units]
    return bitext_from_rows(rows, path, kind="xliff",
                            languages=tuple(codes[k] for k in ("zh", "en") if k in codes))


def _unit_row(unit: ET.Element, version2: bool, source_lang: Lang) -> RowData:
    texts = {"source": "", "target": ""}
    confirmed = unit.get("approved") == "yes"
    parents = _descendants(unit, "segment") if version2 else [unit]
    for parent in parents:
        confirmed = confirmed or parent.get("state") in _CONFIRMED_STATES
        for side in texts:
            found = _children(parent, side)
            if found:
                texts[side] += _inline_text(found[0])
                confirmed = confirmed or found[0].get("state") in _CONFIRMED_STATES
    notes = [n.text or "" for n in _descendants(unit, "note")]
    by_lang = {source_lang: texts["source"], other_lang(source_lang): texts["target"]}
    return RowData(zh=by_lang["zh"], en=by_lang["en"],
                   status="confirmed" if confirmed else "auto", note="\n".join(notes))


def _inline_text(element: ET.Element) -> str:
    return inline_text(element, lambda child: _local(child.tag) not in _CODES)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _descendants(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element.iter() if _local(child.tag) == name]
