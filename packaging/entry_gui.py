"""Frozen entry point of the desktop application."""

import multiprocessing

# Worker processes (PDF export, guarded PDF parsing) start from this executable: let them
# take over before the window's modules (Qt) are imported, which they do not need.
multiprocessing.freeze_support()

from editor.gui.app import main  # noqa: E402

raise SystemExit(main())
