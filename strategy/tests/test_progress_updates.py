"""Progress updates: append-only history, the current status and RAG, the flags, and the quick update."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from strategy import services
from strategy.models import Action, ProgressUpdate
from strategy.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


def current(action):
    return Action.objects.with_progress().get(pk=action.pk)


def test_a_new_action_is_not_started_and_not_rated():
    action = current(ActionFactory())
    assert (action.current_status, action.current_rag) == ("not_started", "not_rated")


def test_progress_history_is_kept_and_the_latest_update_is_current(officer):
    action = ActionFactory()
    first = services.progress_update_add(
        action=action, by=officer, status="on_track", rag="green", note="Begun"
    )
    services.progress_update_add(
        action=action,
        by=officer,
        status="off_track",
        rag="red",
        note="Partner withdrew; we will find another",
    )

    assert [u.rag for u in action.updates.order_by("recorded_at")] == ["green", "red"]
    first.refresh_from_db()
    assert (first.status, first.rag, first.note) == ("on_track", "green", "Begun")
    assert (current(action).current_status, current(action).current_rag) == ("off_track", "red")


def test_red_needs_a_note_saying_why_and_what_will_be_done(officer):
    action = ActionFactory()

    with pytest.raises(ValidationError) as error:
        services.progress_update_add(action=action, by=officer, status="off_track", rag="red", note="  ")

    assert error.value.message_dict == {"note": ["Say why the action is red and what will be done"]}
    assert not ProgressUpdate.objects.exists()


def test_a_progress_update_can_never_be_overwritten(officer):
    update = services.progress_update_add(action=ActionFactory(), by=officer, status="on_track", rag="green")
    update.note = "rewritten history"

    with pytest.raises(ValidationError):
        update.save()


def test_overdue_and_stale_flags(officer, settings):
    settings.ACTION_UPDATE_INTERVAL_DAYS = 90
    today = date(2026, 11, 23)
    overdue = ActionFactory(start_date=date(2026, 4, 1), due_date=date(2026, 11, 22))
    done_late = ActionFactory(start_date=date(2026, 4, 1), due_date=date(2026, 11, 22))
    services.progress_update_add(action=done_late, by=officer, status="complete", rag="green")
    stale = ActionFactory(due_date=date(2027, 3, 31))
    services.progress_update_add(
        action=stale,
        by=officer,
        status="on_track",
        rag="green",
        recorded_at=timezone.make_aware(datetime(2026, 8, 24, 12)),  # 91 days before today
    )
    fresh = ActionFactory(due_date=date(2027, 3, 31))
    services.progress_update_add(
        action=fresh,
        by=officer,
        status="on_track",
        rag="green",
        recorded_at=timezone.make_aware(datetime(2026, 8, 26)),
    )

    flags = {
        a.pk: (a.is_overdue, a.is_stale)
        for a in Action.objects.with_progress(today=today).filter(
            pk__in=[overdue.pk, done_late.pk, stale.pk, fresh.pk]
        )
    }

    assert flags[overdue.pk][0] is True
    assert flags[done_late.pk] == (False, False)
    assert flags[stale.pk] == (False, True)
    assert flags[fresh.pk] == (False, False)


def test_officer_turns_an_action_red_with_a_note(officer_client):
    action = ActionFactory()

    response = officer_client.post(
        f"/strategy/actions/{action.pk}/update/",
        {"status": "off_track", "rag": "red", "note": "Venue lost; we will book the library instead"},
    )

    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.rag, update.recorded_by.username) == ("red", "officer")


def test_red_without_a_note_is_refused_beside_the_note(officer_client):
    action = ActionFactory()

    response = officer_client.post(
        f"/strategy/actions/{action.pk}/update/", {"status": "off_track", "rag": "red", "note": ""}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    assert 'id="id_note_1_error"' in page  # the message sits beside the note field
    assert "Say why the action is red and what will be done" in page
    assert not ProgressUpdate.objects.exists()


def test_action_page_lists_every_update_newest_first(officer_client, officer):
    action = ActionFactory()
    services.progress_update_add(action=action, by=officer, status="on_track", rag="green", note="First note")
    services.progress_update_add(action=action, by=officer, status="at_risk", rag="amber", note="Second note")

    page = officer_client.get(f"/strategy/actions/{action.pk}/").content.decode()

    assert page.index("Second note") < page.index("First note")


def test_members_read_but_cannot_update(client, member):
    action = ActionFactory()
    client.force_login(member)

    assert client.get(f"/strategy/actions/{action.pk}/").status_code == 200
    response = client.post(f"/strategy/actions/{action.pk}/update/", {"status": "on_track", "rag": "green"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()
