"""Forms of the working party's pages, one module a subject."""
