"""Bitext Editor: align, revise and export Chinese–English bilingual documents."""

__version__ = "0.1.0"
APP_NAME = "Bitext Editor"
