"""XLIFF 1.2 and 2.1: one unit per link, for CAT tools that revise or reuse the work.

The user chooses the direction (``source_lang``): the source side goes in ``<source>``,
the other in ``<target>``. States follow the link status — confirmed links are
``final`` (with ``approved="yes"`` in 1.2), automatic links ``translated``, a unit with
no target ``initial`` (2.1) / no target element (1.2). The link's note becomes a
``<note>``. Whitespace is kept (``xml:space="preserve"``).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from editor import APP_NAME, __version__
from editor.core.atomic import atomic_writer
from editor.core.model import Lang, other_lang

from . import xmltext
from .common import Job, Row

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_2 = "urn:oasis:names:tc:xliff:document:2.0"


def write(job: Job, path: Path) -> None:
    with atomic_writer(path, "w", encoding="utf-8", newline="\n") as out:
        if job.options.xliff_version == "2.1":
            write_21(job, out, path.name)
        else:
            write_12(job, out, path.name)


def _langs(job: Job) -> tuple[Lang, Lang]:
    src = job.options.source_lang
    return src, other_lang(src)


def write_12(job: Job, out: IO[str], original: str) -> None:
    src, trg = _langs(job)
    out.write(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{NS_12}">\n'
        f'  <file original="{xmltext.attr(original)}" datatype="plaintext" '
        f'source-language="{xmltext.attr(job.code(src))}" '
        f'target-language="{xmltext.attr(job.code(trg))}" tool-id="bitext-editor">\n'
        f'    <header><tool tool-id="bitext-editor" tool-name="{xmltext.attr(APP_NAME)}" '
        f'tool-version="{__version__}"/></header>\n    <body>\n')
    for row in job.iter_rows():
        out.write(_unit_12(row, job, src, trg))
    out.write("    </body>\n  </file>\n</xliff>\n")


def _unit_12(row: Row, job: Job, src: Lang, trg: Lang) -> str:
    approved = ' approved="yes"' if row.status == "confirmed" else ""
    parts = [f'      <trans-unit id="{row.number}"{approved} xml:space="preserve">\n',
             f"        <source>{xmltext.text(row.text(src))}</source>\n"]
    if row.text(trg):
        state = "final" if row.status == "confirmed" else "translated"
        parts.append(f'        <target state="{state}">{xmltext.text(row.text(trg))}'
                     "</target>\n")
    if row.note and job.options.notes:
        parts.append(f"        {xmltext.element('note', row.note)}\n")
    parts.append("      </trans-unit>\n")
    return "".join(parts)


def write_21(job: Job, out: IO[str], original: str) -> None:
    src, trg = _langs(job)
    out.write(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{NS_2}" version="2.1" '
        f'srcLang="{xmltext.attr(job.code(src))}" trgLang="{xmltext.attr(job.code(trg))}">\n'
        f'  <file id="f1" original="{xmltext.attr(original)}">\n')
    for row in job.iter_rows():
        out.write(_unit_21(row, job, src, trg))
    out.write("  </file>\n</xliff>\n")


def _unit_21(row: Row, job: Job, src: Lang, trg: Lang) -> str:
    parts = [f'    <unit id="u{row.number}">\n']
    if row.note and job.options.notes:
        parts.append(f"      <notes>{xmltext.element('note', row.note)}</notes>\n")
    target = row.text(trg)
    state = "initial" if not target else "final" if row.status == "confirmed" else "translated"
    parts.append(f'      <segment state="{state}">\n        <source xml:space="preserve">'
                 f"{xmltext.text(row.text(src))}</source>\n")
    if target:
        parts.append(f'        <target xml:space="preserve">{xmltext.text(target)}</target>\n')
    parts.append("      </segment>\n    </unit>\n")
    return "".join(parts)
