"""Writes of working party meetings: the meeting, who was present and its agenda items, in one save.

Putting a submitted grant application on a meeting's agenda moves it to "considered at a meeting";
taking it off again (before it is decided) moves it back to submitted when no other agenda holds it.
"""

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from intlinks.editing import validate_rows
from intlinks.roles import MEMBER
from intlinks.templatetags.intlinks import person_name
from partnerships.models import AgendaItem, GrantApplication, Meeting
from partnerships.services.grants import move, submitted_after_meeting

State = GrantApplication.State


def _check_members(members: Iterable) -> list:
    members = list(members)
    outsiders = [m for m in members if not any(group.name == MEMBER for group in m.groups.all())]
    if outsiders:
        names = ", ".join(person_name(m) or m.get_username() for m in outsiders)
        raise ValidationError({"members_present": f"Only working party members can be present: not {names}"})
    return members


def _check_item(item: AgendaItem, meeting: Meeting, stored: dict[int, int | None]) -> None:
    item.full_clean(exclude=["meeting"])
    if item.kind != AgendaItem.Kind.GRANT:
        return
    application = GrantApplication.objects.get(pk=item.grant_application_id)  # as stored, not as given
    already_here = application.meeting_id == meeting.pk or stored.get(item.pk) == application.pk
    if not already_here and not application.can("consider"):
        raise ValidationError({"grant_application": application.step_refusal("consider")})
    if refusal := submitted_after_meeting(application, meeting):
        raise ValidationError({"grant_application": refusal})


@transaction.atomic
def meeting_save(
    *,
    meeting: Meeting,
    members_present: Iterable,
    items: Sequence[AgendaItem] = (),
    removed_items: Iterable[AgendaItem] = (),
    by: AbstractBaseUser | None,
) -> Meeting:
    """Save a meeting with its members present and its agenda, in the order given.

    Errors of the meeting are keyed by field, the agenda's as `RowErrors` by each item's position.
    An item whose grant was decided at this meeting is not removed, nor the date moved to the future.
    """
    if meeting.pk is None:
        meeting.recorded_by = by
    meeting.full_clean()
    members = _check_members(members_present)
    decided = set(meeting.decided_grants.values_list("pk", flat=True)) if meeting.pk else set()
    if decided and not meeting.has_happened:
        raise ValidationError(
            {"held_on": "Grants were decided at this meeting: it cannot move to the future"}
        )
    stored = dict(AgendaItem.objects.filter(meeting=meeting.pk).values_list("pk", "grant_application_id"))
    validate_rows(items, lambda item: _check_item(item, meeting, stored))
    removed_items = list(removed_items)
    if any(item.grant_application_id in decided for item in removed_items):
        raise ValidationError("A grant decided at this meeting stays on its agenda")
    meeting.save()
    meeting.members_present.set(members)
    for item in removed_items:
        item.delete()
    for position, item in enumerate(items):
        item.meeting, item.position = meeting, position
        item.save()
    _settle_considered(meeting, items, removed_items, by)
    return meeting


def _settle_considered(meeting: Meeting, items, removed_items, by) -> None:
    """Submitted applications now on the agenda are considered; undecided ones taken off every agenda
    go back to submitted."""
    on_agenda = {item.grant_application_id for item in items if item.grant_application_id}
    taken_off = {item.grant_application_id for item in removed_items if item.grant_application_id} - on_agenda
    for application in GrantApplication.objects.select_for_update().filter(pk__in=on_agenda | taken_off):
        if application.pk in on_agenda and application.state == State.SUBMITTED:
            move(application, State.CONSIDERED, by=by, note=f"On the agenda of {meeting}")
        elif (
            application.pk in taken_off
            and application.state == State.CONSIDERED
            and not application.agenda_items.exists()
        ):
            move(application, State.SUBMITTED, by=by, note=f"Taken off the agenda of {meeting}")
