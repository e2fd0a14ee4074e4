"""Frozen entry point of the desktop application."""

from editor.gui.app import main

raise SystemExit(main())
