"""``python -m editor`` starts the desktop application."""

from editor.gui.app import main

raise SystemExit(main())
