"""Field vocabulary every model of the plan shares: where a record came from, and amounts of £0 or more."""

from intlinks.money import NOT_NEGATIVE

SOURCE_HELP = "Where this came from, e.g. a document and its section; say 'Example' for invented data."

__all__ = ["NOT_NEGATIVE", "SOURCE_HELP"]
