"""What every write of the register shares."""

from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def validated_save(instance: M) -> M:
    """Validate the whole record (fields, `clean`, constraints) and save it; a ValidationError names the
    fields it is about, so that a form can show each message beside its field."""
    instance.full_clean()
    instance.save()
    return instance
