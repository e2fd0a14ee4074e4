"""Frozen entry point of the ``bitext`` command line."""

import multiprocessing

from editor.cli.main import main

# Worker processes (PDF export, guarded PDF parsing) start from this executable.
multiprocessing.freeze_support()
raise SystemExit(main())
