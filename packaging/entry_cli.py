"""Frozen entry point of the ``bitext`` command line."""

import multiprocessing

# Worker processes (PDF export, guarded PDF parsing) start from this executable: let them
# take over before the command line's modules are imported.
multiprocessing.freeze_support()

from editor.cli.main import main  # noqa: E402

raise SystemExit(main())
