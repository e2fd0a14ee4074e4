"""Render the app icon (resources/app/bitext-editor.svg) to PNG sizes, .ico and .icns.

Run after changing the SVG: ``.venv/bin/python packaging/make_icons.py``. The outputs are
committed so a build needs no rendering step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

APP = Path(__file__).resolve().parents[1] / "resources" / "app"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(APP / "bitext-editor.svg"))
    if not renderer.isValid():
        print("cannot read the SVG icon", file=sys.stderr)
        return 1
    out = APP / "icons"
    out.mkdir(exist_ok=True)
    for size in SIZES:
        render(renderer, size).save(str(out / f"bitext-editor-{size}.png"))
    for fmt, size in (("ico", 256), ("icns", 512)):
        writer = QImageWriter(str(APP / f"bitext-editor.{fmt}"), fmt.encode())
        if not writer.write(render(renderer, size)):
            print(f"cannot write .{fmt}: {writer.errorString()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
