"""A fallback font for the PDF: the characters PyMuPDF's built-in CJK font lacks.

PyMuPDF's built-in CJK font (Droid Sans Fallback) has no glyph for many Hong Kong
characters (HKSCS, CJK Extension A/B: 㗎, 𨋢 …); MuPDF would leave them blank. When a
document uses such characters, the installed font that covers most of them (Noto Sans
CJK, Source Han Sans, PingFang, Microsoft JhengHei, MingLiU-ExtB …) is cut down to just
those characters with fontTools, and the PDF sets them alone in it. Without such a font
(or without fontTools) they stay blank and a warning is logged. Private-use characters
(Hong Kong EUDC) are left alone: no installed font can know the user's own glyphs.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pymupdf

log = logging.getLogger(__name__)
FAMILY = "bitextfallback"
_FIRST_CJK = 0x2E80
_PRIVATE_USE = range(0xE000, 0xF900)
_PATTERNS = (
    "/usr/share/fonts/**/NotoSansCJK*-Regular.tt[cf]", "/usr/share/fonts/**/NotoSansCJK*.otf",
    "/usr/share/fonts/**/SourceHanSans*.[ot]t[cf]", "/usr/share/fonts/**/NotoSerifCJK*.tt[cf]",
    "~/.local/share/fonts/**/*CJK*.[ot]t[cf]", "~/Library/Fonts/*.[ot]t[cf]",
    "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
_WINDOWS_FONTS = ("msjh.ttc", "mingliub.ttc", "msyh.ttc", "simsunb.ttf", "mingliu.ttc")
_FACE_TAGS = {"hk": "HK", "mo": "HK", "tw": "TC", "hant": "TC", "cn": "SC", "sg": "SC",
              "hans": "SC"}


@dataclass(frozen=True, slots=True)
class Fallback:
    """A subset font file in ``folder`` and the characters it is used for."""

    folder: str
    file_name: str
    chars: str

    @property
    def css(self) -> str:
        return (f'@font-face {{ font-family: {FAMILY}; src: url("{self.file_name}"); }}\n'
                f"span.fb {{ font-family: {FAMILY}; }}\n")


@cache
def _builtin() -> pymupdf.Font:
    return pymupdf.Font("cjk")


def uncovered(chars: Iterable[str]) -> str:
    """The CJK characters among ``chars`` that the built-in font cannot draw, sorted."""
    font = _builtin()
    return "".join(sorted(c for c in set(chars) if ord(c) >= _FIRST_CJK
                          and ord(c) not in _PRIVATE_USE and c != "\ufffd"
                          and not font.has_glyph(ord(c))))


def build_fallback(chars: str, folder: Path, zh_code: str) -> Fallback | None:
    """Subset the best installed font to ``chars`` in ``folder``; ``None`` if impossible."""
    best = _best_font(chars)
    if best is None:
        log.warning("no installed font has %d characters of this document (%s); "
                    "they will be blank in the PDF", len(chars), chars[:20])
        return None
    try:
        file_name = _subset(best, chars, folder, zh_code)
    except ImportError:
        log.warning("fontTools is not installed: %d rare characters will be blank in the PDF",
                    len(chars))
        return None
    return Fallback(folder=str(folder), file_name=file_name, chars=chars)


def candidate_files() -> list[Path]:
    """Installed CJK fonts worth trying, most likely first (deduplicated)."""
    found: list[Path] = []
    for pattern in _PATTERNS:
        found += [Path(p) for p in sorted(glob.glob(os.path.expanduser(pattern),
                                                    recursive=True))]
    windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    found += [windows / name for name in _WINDOWS_FONTS]
    found += _fontconfig_files()
    unique = dict.fromkeys(p for p in found if p.is_file())
    return list(unique)


def _fontconfig_files() -> list[Path]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh-hk", "file"], capture_output=True,
                             text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()]


def _best_font(chars: str) -> Path | None:
    best, best_count = None, 0
    for path in candidate_files():
        try:
            font = pymupdf.Font(fontfile=str(path))
        except (RuntimeError, ValueError):
            continue
        count = sum(1 for c in chars if font.has_glyph(ord(c)))
        if count > best_count:
            best, best_count = path, count
        if count == len(chars):
            break
    return best


def _subset(path: Path, chars: str, folder: Path, zh_code: str) -> str:
    """``path`` cut down to ``chars``, as TrueType, saved in ``folder``; its file name."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), fontNumber=_face_index(path, zh_code), lazy=False) as font:
        _subset_font(font, chars)
        font.save(str(folder / "fallback.ttf"))
    return "fallback.ttf"


def _subset_font(font, chars: str) -> None:
    from fontTools import subset

    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    if "CFF " in font:
        _cff_to_truetype(font)


def _cff_to_truetype(font) -> None:
    """Replace CFF outlines by TrueType ones, in place.

    MuPDF draws nothing from a subset CID-keyed CFF font (Noto Sans CJK, Source Han
    Sans); the same glyphs as quadratic TrueType outlines draw correctly. This is
    fontTools' own otf2ttf recipe, reduced to what a few glyphs need.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["maxp"] = _maxp_v1()
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _maxp_v1():
    from fontTools.ttLib import newTable

    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
                  "maxComponentDepth"):
        setattr(maxp, field, 0)
    return maxp


def _face_index(path: Path, zh_code: str) -> int:
    """In a font collection, the face for the document's region (HK, TC or SC)."""
    if path.suffix.lower() != ".ttc":
        return 0
    from fontTools.ttLib import TTCollection

    tags = [part.lower() for part in zh_code.replace("_", "-").split("-")]
    wanted = next((_FACE_TAGS[t] for t in reversed(tags) if t in _FACE_TAGS), "TC")
    with TTCollection(str(path), lazy=True) as collection:
        for index, face in enumerate(collection.fonts):
            if wanted in str(face["name"].getDebugName(4) or "").split():
                return index
    return 0
