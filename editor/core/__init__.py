"""The Qt-free core: document model, edits, project files, import, alignment, export.

Nothing under this package may import PySide6 (``tests/test_layering.py`` enforces it),
so the command line and the tests use exactly the code the window uses.
"""
