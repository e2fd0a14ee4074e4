"""HTML: one self-contained page, the two languages side by side, readable on a phone.

No scripts, no external files: the style sheet is inline. Rows are a CSS grid of two
columns that stack into one on narrow screens, each cell tagged with its language
(``lang="zh-TW"``) so browsers choose a Chinese font. Every piece of text goes through
``html.escape``, so ``<script>`` in a sentence is shown, never run.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import IO

from editor import APP_NAME, __version__
from editor.core.atomic import atomic_writer

from .common import Job, Row

STYLE = """
:root { color-scheme: light dark; --line: #8884; --muted: #777; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
       "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC", sans-serif;
       margin: 0 auto; max-width: 80rem; padding: 1rem; line-height: 1.6; }
h1 { font-size: 1.5rem; }
.head, .row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem;
              border-bottom: 1px solid var(--line); padding: .4rem 0; }
.head { font-weight: bold; position: sticky; top: 0; background: Canvas; }
.numbered .head, .numbered .row { grid-template-columns: 3rem 1fr 1fr; }
.num { color: var(--muted); font-size: .85em; text-align: right; }
.note { grid-column: 1 / -1; color: var(--muted); font-size: .9em; font-style: italic; }
.cell { overflow-wrap: anywhere; white-space: pre-wrap; }
.empty { color: var(--muted); }
footer { color: var(--muted); font-size: .8em; margin-top: 1rem; }
@media (max-width: 40rem) {
  .head { display: none; }
  .row, .numbered .row { grid-template-columns: 1fr; }
  .num { text-align: left; }
}
"""
LABELS = {"zh": "中文", "en": "English"}


def write(job: Job, path: Path) -> None:
    with atomic_writer(path, "w", encoding="utf-8", newline="\n") as out:
        write_stream(job, out)


def write_stream(job: Job, out: IO[str]) -> None:
    esc = html.escape
    title = job.options.title or "Bilingual text"
    numbered = " numbered" if job.options.link_numbers else ""
    out.write(
        f'<!DOCTYPE html>\n<html lang="{esc(job.code("en"))}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(APP_NAME)} {__version__}">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<main class=\"bitext{numbered}\">\n")
    heads = "".join(f'<div lang="{esc(job.code(lang))}">{LABELS[lang]}</div>'
                    for lang in job.options.langs)
    num_head = '<div class="num">#</div>' if numbered else ""
    out.write(f'<div class="head">{num_head}{heads}</div>\n')
    count = 0
    for row in job.iter_rows():
        out.write(_row(row, job))
        count += 1
    out.write(f"</main>\n<footer>{count} links · {esc(APP_NAME)} {__version__}</footer>\n"
              "</body>\n</html>\n")


def _row(row: Row, job: Job) -> str:
    esc = html.escape
    parts = [f'<div class="row {row.status}" id="l{row.number}">']
    if job.options.link_numbers:
        parts.append(f'<div class="num">{row.number}</div>')
    for lang in job.options.langs:
        text = row.text(lang)
        empty = " empty" if not text else ""
        parts.append(f'<div class="cell{empty}" lang="{esc(job.code(lang))}">{esc(text)}</div>')
    if row.note and job.options.notes:
        parts.append(f'<div class="note">{esc(row.note)}</div>')
    parts.append("</div>\n")
    return "".join(parts)
