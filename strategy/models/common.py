"""Field vocabulary every model of the plan shares: where a record came from, and amounts of £0 or more."""

from django.core.validators import MinValueValidator

from intlinks.money import ZERO

SOURCE_HELP = "Where this came from, e.g. a document and its section; say 'Example' for invented data."
NOT_NEGATIVE = [MinValueValidator(ZERO, message="Enter an amount of £0 or more")]
