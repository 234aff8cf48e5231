"""The working party's pages with the demonstration's meetings and grant applications (issue 11).

The demonstration's records themselves are tested in partnerships/tests/test_demo_grants.py.
"""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Meeting

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 15)  # in 2026/27


@pytest.mark.parametrize("username", ["officer", "member", "clerk"])
def test_the_dashboard_and_meeting_pages_load_with_the_demonstration(
    settings, monkeypatch, client, django_user_model, username
):
    settings.DEMO_DATA_ALLOWED = True
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(django_user_model.objects.get(username=username))
    pages = [reverse("reporting:dashboard"), reverse("reporting:since"), reverse("reporting:meetings")]
    for meeting in Meeting.objects.all():
        pages += [
            reverse("reporting:meeting", args=[meeting.pk]),
            reverse("reporting:meeting_papers", args=[meeting.pk]),
        ]

    statuses = {page: client.get(page).status_code for page in pages}

    assert statuses == dict.fromkeys(pages, 200)
    assert len(pages) == 3 + 2 * 3


def test_the_dashboard_counts_the_demonstrations_grants_of_the_year(settings, monkeypatch, client, member):
    settings.DEMO_DATA_ALLOWED = True
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(member)

    page = client.get(reverse("reporting:dashboard")).content.decode()

    assert "£3,500.00" in page or "£3,500" in page  # awarded this year: £1,500 paid and £2,000 not yet
