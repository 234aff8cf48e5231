"""What every write of the register shares."""

from typing import TypeVar

from django.db import models, transaction

M = TypeVar("M", bound=models.Model)


def validated_save(instance: M) -> M:
    """Validate the whole record (fields, `clean`, constraints) and save it; a ValidationError names the
    fields it is about, so that a form can show each message beside its field."""
    instance.full_clean()
    instance.save()
    return instance


def delete_with_file(record: models.Model, file_field: str) -> None:
    """Delete `record` and, once the deletion is committed, its stored file, so that no orphan stays on
    disk (and a rolled-back deletion keeps its file). The history keeps the record and the file's name."""
    stored = getattr(record, file_field)
    name, storage = stored.name, stored.storage
    record.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
