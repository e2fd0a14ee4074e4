"""The ``bitext`` command line: the window's jobs without a window."""
