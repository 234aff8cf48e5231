"""Writes of the reporting app, one module a subject: keyword-only, atomic, validated."""
