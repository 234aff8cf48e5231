"""Issue 15: a session ends after SESSION_IDLE_MINUTES (30) without a request and SESSION_MAX_HOURS (8)
after signing in, whatever happens in between. Time is moved by rewriting the session's stamps."""

import time

import pytest

from intlinks.models import SecurityEvent
from intlinks.sessions import LAST_SEEN_AT
from intlinks.tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

MINUTE, HOUR = 60, 3600


def move_stamps(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = int(time.time() - ago)
    session.save()


@pytest.fixture
def signed_in(client, officer):
    assert sign_in(client, "officer").status_code == 302
    return client


def test_a_session_used_within_half_an_hour_goes_on(signed_in):
    move_stamps(signed_in, last_seen_at=29 * MINUTE)

    assert signed_in.get("/").status_code == 200
    assert time.time() - signed_in.session[LAST_SEEN_AT] < MINUTE, "the use is noted"


def test_a_session_idle_for_more_than_half_an_hour_is_signed_out(signed_in):
    move_stamps(signed_in, last_seen_at=31 * MINUTE)

    response = signed_in.get("/partnerships/", follow=True)

    assert response.redirect_chain[0][0] == "/sign-in/?next=/partnerships/"
    assert "had not used the service for 30 minutes" in response.content.decode()
    assert signed_in.get("/").status_code == 302
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.SESSION_EXPIRED, username="officer").exists()


def test_a_session_ends_eight_hours_after_signing_in_however_busy(signed_in):
    move_stamps(signed_in, signed_in_at=8 * HOUR + MINUTE, last_seen_at=0)

    response = signed_in.get("/", follow=True)

    assert "signed in more than 8 hours ago" in response.content.decode()
    assert signed_in.get("/").status_code == 302


def test_a_busy_page_does_not_write_its_session_on_every_request(signed_in):
    before = signed_in.session[LAST_SEEN_AT]
    signed_in.get("/")
    signed_in.get("/")

    assert signed_in.session[LAST_SEEN_AT] == before
