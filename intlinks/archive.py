"""Archive, not delete: what every record of the register that an auditor may ask about shares.

An archived record is withdrawn from the register (lists, pickers and totals) but stays in the database
with who archived it, when and why, keeps its history, and can be restored by an Administrator. Nothing
that points at it is deleted or nulled. The writes are `intlinks.services.record_archive` and
`record_restore`; the rules they ask are the predicates below, which a model may add to.
"""

from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

# A record may be deleted outright only by the person who created it, within this long of creating it:
# the "created by mistake" case. After that, or by anyone else, it is archived.
MISTAKE_WINDOW = timedelta(hours=1)

CURRENT = Q(archived_at__isnull=True)
ARCHIVED_IS_READ_ONLY = "This record is archived: an Administrator must restore it before it can be changed"


class ArchivableQuerySet(models.QuerySet):
    def current(self, *, keep: int | Iterable[int] | models.QuerySet | None = None):
        """Records not archived, for lists and pickers; `keep` (a pk, pks or a values("pk") queryset)
        also keeps what a form already points at, so that editing a gift whose activity was archived
        keeps its link rather than refusing the save."""
        if keep is None:
            return self.filter(CURRENT)
        if isinstance(keep, int):
            keep = [keep]
        return self.filter(CURRENT | Q(pk__in=keep))

    def archived(self):
        return self.filter(archived_at__isnull=False)


class Archivable(models.Model):
    """Who archived a record, when and why; empty while the record is current."""

    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    archive_reason = models.CharField("why it was archived", max_length=1000, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def full_clean(self, *args, as_read: bool = False, **kwargs):
        # Every service validates before it saves, so this is the one place that keeps an archived
        # record read-only; archive and restore change only their own fields and do not come here.
        # Asked of the database, not of this copy: a copy read before the archive must not undo it.
        # `as_read`: a bulk import read this copy and its parents once for the whole file, in this
        # transaction, and asks again for a whole batch before it writes (`refuse_stale_parents`).
        if self.pk is None:
            self._refuse_archived_parents(as_read=as_read)
        elif self.is_archived if as_read else self._stored_is_archived():
            raise ValidationError(ARCHIVED_IS_READ_ONLY)
        super().full_clean(*args, **kwargs)

    def _stored_is_archived(self) -> bool:
        return type(self)._base_manager.filter(pk=self.pk, archived_at__isnull=False).exists()

    def archived_parents(self, *, as_read: bool = False) -> dict[str, "Archivable"]:
        """The archived records this one points at, by field name (read from the database, or with
        `as_read` judged on the parents this copy holds)."""
        found = {}
        for field in self._meta.concrete_fields:
            if not (field.many_to_one and issubclass(field.related_model, Archivable)):
                continue
            parent_id = getattr(self, field.attname)
            if parent_id is None:
                continue
            if as_read and field.is_cached(self):
                parent = getattr(self, field.name)
                parent = parent if parent.is_archived else None
            else:
                parents = field.related_model._base_manager.filter(pk=parent_id, archived_at__isnull=False)
                parent = parents.first()
            if parent is not None:
                found[field.name] = parent
        return found

    def _refuse_archived_parents(self, *, as_read: bool = False) -> None:
        """A new record is not attached to an archived one (an activity logged under an archived link)."""
        errors = {
            name: f"{parent} is archived: choose a current one, or ask to restore it"
            for name, parent in self.archived_parents(as_read=as_read).items()
        }
        if errors:
            raise ValidationError(errors)

    def archive_blockers(self) -> list[str]:
        """Current records that would be left pointing at this one, in words; a model lists its own
        (a link with current activities, the last conduct policy). Empty when it may be archived."""
        return []

    def archive_refusal(self) -> str:
        """Why this record cannot be archived now ("" when it can): the rule the admin and service ask."""
        if self.is_archived:
            return f"{self} is already archived"
        blockers = self.archive_blockers()
        if blockers:
            return f"{self} cannot be archived while it has " + "; ".join(blockers)
        return ""

    def restore_refusal(self) -> str:
        """Why this record cannot be restored now: it is current, or what it belongs to is archived."""
        if not self.is_archived:
            return f"{self} is not archived"
        parents = self.archived_parents()
        if parents:
            return f"Restore {', '.join(map(str, parents.values()))} first: {self} belongs to it"
        return ""

    def _records_pointing_here(self) -> list[str]:
        """Every kind of record that points at this one (reverse foreign keys and many-to-many)."""
        found = []
        for relation in self._meta.related_objects:
            manager = relation.related_model._base_manager
            if manager.filter(**{relation.field.name: self.pk}).exists():
                found.append(str(relation.related_model._meta.verbose_name_plural))
        return found

    def deletion_refusal(self, user) -> str:
        """Why `user` may not delete this record outright ("" when they may).

        Only a record created by mistake: by `user`, within the last hour (read from its history), with
        nothing pointing at it, so that no cascade or nulling can ever run.
        """
        created = self.history.filter(history_type="+").order_by("history_date").first()
        mistake_window_open = created and timezone.now() - created.history_date <= MISTAKE_WINDOW
        if not (created and created.history_user_id == user.pk and mistake_window_open):
            return "Only the person who created it may delete it, within an hour: archive it instead"
        linked = self._records_pointing_here()
        if linked:
            return "Other records point at it (" + ", ".join(linked) + "): archive it instead"
        return ""

    def can_be_deleted_by(self, user) -> bool:
        return not self.deletion_refusal(user)


def count_phrase(count: int, singular: str, plural: str) -> str:
    return f"{count} current {singular if count == 1 else plural}"


def refuse_stale_parents(records: Sequence[models.Model]) -> None:
    """Before a bulk import writes a batch validated on copies read once for the file (`full_clean(as_read=
    True)`, foreign keys not asked one query each): every record they point at still exists and, if it
    can be archived, is not archived now. One query per kind of parent; raises naming the records."""
    problems = []
    for field in records[0]._meta.concrete_fields if records else ():
        if not field.many_to_one:
            continue
        ids = {getattr(record, field.attname) for record in records} - {None}
        parents = field.related_model._base_manager.filter(**{f"{field.remote_field.field_name}__in": ids})
        if issubclass(field.related_model, Archivable):
            parents = parents.filter(CURRENT)
        gone = ids - set(parents.values_list(field.remote_field.field_name, flat=True)) if ids else set()
        problems += [
            f"{record}: its {field.verbose_name} has been archived or removed since the file was read"
            for record in records
            if getattr(record, field.attname) in gone
        ]
    if problems:
        raise ValidationError(problems)
