"""``bitext info PROJECT``: sources, sentence and link counts by shape, confirmed share."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.project import Project


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("info", help="summarise a project file",
                            description="Print a project's sources, sentence and link "
                                        "counts (by shape) and the share of confirmed links.")
    parser.add_argument("project", help="a .bitext project file")
    parser.set_defaults(func=run)


def summary(project: Project) -> list[str]:
    bt = project.bitext
    lines = [f"project: {project.path}"]
    for src in bt.sources:
        where = project.source_paths.get(src.id)
        state = str(where) if where is not None else "MISSING"
        langs = "+".join(src.languages) or "?"
        lines.append(f"source {src.id}: {src.path} ({src.kind or '?'}, {langs}) -> {state}")
    n_zh = sum(1 for s in bt.sentences.values() if s.lang == "zh")
    edited = sum(1 for s in bt.sentences.values() if s.edited)
    lines.append(f"sentences: {n_zh} zh, {len(bt.sentences) - n_zh} en ({edited} edited)")
    confirmed = sum(1 for link in bt.links if link.status == "confirmed")
    share = confirmed / len(bt.links) if bt.links else 0.0
    lines.append(f"links: {len(bt.links)} ({confirmed} confirmed, {share:.1%})")
    shapes = Counter(link.shape for link in bt.links)
    for shape, count in sorted(shapes.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {shape}: {count}")
    return lines


def run(args: argparse.Namespace) -> int:
    from editor.core.project import load_project  # not for ``bitext --version``

    print("\n".join(summary(load_project(args.project))))
    return 0
