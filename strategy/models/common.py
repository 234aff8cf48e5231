"""Field vocabulary every model of the plan shares: where a record came from."""

SOURCE_HELP = "Where this came from, e.g. a document and its section; say 'Example' for invented data."

__all__ = ["SOURCE_HELP"]
