"""What every service of the plan does before it writes: validate the whole record."""

from django.db import models


def validated_save(instance: models.Model, *, exclude: list[str] | None = None) -> models.Model:
    """Run the model's full validation, then save; a ValidationError leaves the database untouched."""
    instance.full_clean(exclude=exclude)
    instance.save()
    return instance
