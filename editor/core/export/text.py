"""Plain text: Chinese only, English only, or both as two files aligned line by line.

``text_unit="sentence"``: one sentence per line for one side; for both sides one link
per line (line *n* of the Chinese file translates line *n* of the English file, a blank
line standing for the missing side of a 1-0 / 0-1 link). ``text_unit="paragraph"``:
consecutive links whose sentences come from the same source paragraph share a line;
sentences without paragraph information are a line each.

Naming for ``text_side="both"``: ``OUT.txt`` becomes ``OUT.zh.txt`` and ``OUT.en.txt``
(the language tag goes before the extension; a name without extension gets ``.zh.txt``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from editor.core.atomic import atomic_writer
from editor.core.model import LANGS, Lang, Link

from .common import Job, join_sentences, keep, one_line


def paired_paths(path: str | Path) -> dict[Lang, Path]:
    """Where ``text_side="both"`` writes: ``OUT.zh.txt`` and ``OUT.en.txt``."""
    base = Path(path)
    suffix = base.suffix or ".txt"
    stem = base.name[: -len(base.suffix)] if base.suffix else base.name
    return {lang: base.with_name(f"{stem}.{lang}{suffix}") for lang in LANGS}


def write(job: Job, path: Path) -> None:
    side = job.options.text_side
    if side != "both":
        with atomic_writer(path, "w", encoding="utf-8", newline="\n") as out:
            for line in single_side_lines(job, side):
                out.write(line + "\n")
        return
    targets = paired_paths(path)
    with contextlib.ExitStack() as stack:
        outs = {lang: stack.enter_context(atomic_writer(p, "w", encoding="utf-8",
                                                        newline="\n"))
                for lang, p in targets.items()}
        for pair in paired_lines(job):
            for lang in LANGS:
                outs[lang].write(pair[lang] + "\n")


def single_side_lines(job: Job, lang: Lang) -> Iterator[str]:
    """One sentence (or paragraph) of one language per line, empty lines skipped."""
    groups = _groups(job) if job.options.text_unit == "paragraph" else (
        [link] for link in _links(job))
    for group in groups:
        texts = _texts(job, group, lang)
        if job.options.text_unit == "paragraph":
            texts = [join_sentences(texts, lang)]
        for text in texts:
            line = one_line(text)
            if line.strip():
                yield line


def paired_lines(job: Job) -> Iterator[dict[Lang, str]]:
    """Aligned lines: one link (or paragraph of links) per line in both files."""
    groups = _groups(job) if job.options.text_unit == "paragraph" else (
        [link] for link in _links(job))
    for group in groups:
        yield {lang: one_line(join_sentences(_texts(job, group, lang), lang))
               for lang in LANGS}


def _links(job: Job) -> Iterator[Link]:
    total = len(job.bitext.links)
    for index, link in enumerate(job.bitext.links):
        if job.progress is not None and index % 1000 == 0:
            job.progress(index, total)
        if keep(link, job.options):
            yield link
    if job.progress is not None:
        job.progress(total, total)


def _texts(job: Job, links: list[Link], lang: Lang) -> list[str]:
    sentences = job.bitext.sentences
    original = job.options.use_original_text
    return [sentences[sid].original if original else sentences[sid].text
            for link in links for sid in link.side(lang)]


def _groups(job: Job) -> Iterator[list[Link]]:
    """Runs of kept links that belong to the same source paragraph."""
    group: list[Link] = []
    key: object = None
    for link in _links(job):
        link_key = _paragraph_key(job, link)
        if group and (link_key is None or link_key != key):
            yield group
            group = []
        group.append(link)
        key = link_key
    if group:
        yield group


def _paragraph_key(job: Job, link: Link) -> tuple | None:
    """The paragraph of the link's first source-language sentence (else of the other)."""
    first = job.options.source_lang
    for lang in (first, "en" if first == "zh" else "zh"):
        for sid in link.side(lang):
            prov = job.bitext.sentences[sid].provenance
            if prov is not None and prov.paragraph is not None:
                return (lang, prov.source, prov.paragraph)
    return None
