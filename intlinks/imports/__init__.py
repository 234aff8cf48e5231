"""Spreadsheet import with preview: the kit every app's import kinds use (see kinds.py)."""
