"""The working party's pages, one module a subject."""
