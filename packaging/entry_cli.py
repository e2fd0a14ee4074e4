"""Frozen entry point of the ``bitext`` command line."""

from editor.cli.main import main

raise SystemExit(main())
