"""Corporate themes: the council's community-plan themes, the columns of every synopsis matrix."""

from django.db import models
from simple_history.models import HistoricalRecords

from intlinks.bounds import SOURCE_MAX_LENGTH, BoundedTextField, texts_in_bounds
from strategy.models.common import SOURCE_HELP


class CorporateTheme(models.Model):
    """A theme of the council's community plan, e.g. One Leicester's "Confident People"."""

    council = models.CharField(max_length=200, default="", blank=True, help_text="Blank: this council")
    name = models.CharField(max_length=120)
    description = BoundedTextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order of the column in the synopsis")
    is_active = models.BooleanField(default=True)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            *texts_in_bounds("description"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            models.UniqueConstraint(fields=["council", "name"], name="theme_unique_per_council"),
        ]

    def __str__(self):
        return self.name
