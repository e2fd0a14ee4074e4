"""Frozen entry point of the desktop application."""

import multiprocessing

from editor.gui.app import main

# Worker processes (PDF export, guarded PDF parsing) start from this executable.
multiprocessing.freeze_support()
raise SystemExit(main())
