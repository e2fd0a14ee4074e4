"""Refresh the UI translation sources (``.ts``) from the code and build the ``.qm`` files.

Run ``.venv/bin/python resources/i18n/update_translations.py`` after changing UI text.

Each GUI module translates through a small ``_tr(text)`` helper bound to one context
(``QCoreApplication.translate("Files", text)``); ``pyside6-lupdate`` would file calls
made inside classes under the class name instead, so the messages are collected here
from the syntax tree with the context each module really uses. Existing translations
are kept; new messages are added unfinished (with the Simplified→Traditional
conversion filling ``zh_TW`` from ``zh_CN`` when ``zh_TW`` has none). The ``.qm`` files
are compiled with ``pyside6-lrelease`` from the virtual environment.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GUI = REPO / "editor" / "gui"
LANGUAGES = ("zh_CN", "zh_TW")
#: labels of core edits, shown in Edit ▸ Undo (context "edits")
EDIT_LABEL = re.compile(r'(?:_replace|Edit|label=)\(?\s*"([A-Z][a-z][^"]*)"')

Messages = dict[str, dict[str, None]]  # context -> ordered set of source texts


def module_context(tree: ast.Module) -> str | None:
    """The context of the module's ``_tr`` helper, if it has one."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in ("_tr", "_tr_label", "tr_label"):
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and len(call.args) >= 1
                        and isinstance(call.args[0], ast.Constant)):
                    return str(call.args[0].value)
    return None


def collect() -> Messages:
    found: Messages = {}
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        context = module_context(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)
                     and isinstance(a.value, str)]
            if name == "_tr" and context and texts:
                found.setdefault(context, {})[texts[0]] = None
            elif name == "translate" and len(texts) >= 2:
                found.setdefault(texts[0], {})[texts[1]] = None
            elif name == "_a" and len(texts) >= 3:
                for text in texts[2:3] + [k.value.value for k in node.keywords  # type: ignore[misc]
                                          if k.arg == "tip" and isinstance(k.value, ast.Constant)]:
                    found.setdefault("actions", {})[text] = None
        if path.name == "actions.py":
            for menu_text in re.findall(r'\("\w+", "([^"]+)"\)', path.read_text("utf-8")):
                found.setdefault("menus", {})[menu_text] = None
    core = (REPO / "editor" / "core" / "ops.py").read_text(encoding="utf-8")
    labels = set(EDIT_LABEL.findall(core)) | {"Edit text", "Swap", "Confirm", "Unconfirm",
                                               "Replace all", "Re-align", "Bookmark", "Flag"}
    for label in sorted(labels):
        found.setdefault("edits", {})[label] = None
    return found


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    if not path.is_file():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                out[(name, message.findtext("source") or "")] = translation.text
    return out


def write_ts(path: Path, language: str, messages: Messages,
             known: dict[tuple[str, str], str]) -> int:
    root = ET.Element("TS", version="2.1", language=language)
    missing = 0
    for context in sorted(messages):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source in messages[context]:
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            text = known.get((context, source))
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return missing


def to_traditional(known: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    try:
        import opencc  # opencc-python-reimplemented
    except ImportError:
        return {}
    converter = opencc.OpenCC("s2twp")
    return {key: converter.convert(text) for key, text in known.items()}


def lrelease(ts: Path) -> None:
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if tool is None:
        raise SystemExit("pyside6-lrelease not found beside this Python")
    subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    messages = collect()
    simplified = read_ts(HERE / "bitext_zh_CN.ts")
    for language in LANGUAGES:
        path = HERE / f"bitext_{language}.ts"
        known = read_ts(path)
        if language == "zh_TW":
            known = {**to_traditional(simplified), **known}
        missing = write_ts(path, language, messages, known)
        lrelease(path)
        total = sum(len(m) for m in messages.values())
        print(f"{path.name}: {total} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
