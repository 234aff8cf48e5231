"""Reads for the working party's pages, one module a subject (the matrix, the health table, ...)."""
