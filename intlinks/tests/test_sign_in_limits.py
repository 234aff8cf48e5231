"""Issue 15, sign-in findings: password spraying was not limited; behind the TLS proxy anyone could lock
any named person out for an hour with five requests; a successful sign-in did not reset the failures;
the Administrator could not see or release locks; wrong old passwords were not counted.

The limits (docs/adr/0020): 5 failures at one account from one address lock that pair for an hour; 20
from one address across accounts lock the address for an hour; 20 at one account from everywhere lock
the account for 15 minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client, override_settings

from conftest import PASSWORD
from intlinks.tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

LOCKED = 429
PROXY = "10.0.0.1"


def test_thirty_user_names_with_one_guess_each_from_one_address_are_throttled_after_twenty(client, officer):
    answers = [sign_in(client, f"person{index}", "Spring2026!").status_code for index in range(30)]

    assert answers[:19] == [200] * 19
    assert answers[19:] == [LOCKED] * 11
    assert sign_in(client, "officer").status_code == LOCKED, "the address is throttled, whoever it tries"
    assert sign_in(Client(), "officer", address="198.51.100.7").status_code == 302, "not elsewhere"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_wrong_guesses_from_many_addresses_do_not_lock_the_person_out(client, officer):
    for index in range(19):
        forwarded = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{index + 1}"}
        assert sign_in(Client(), "officer", "wrong", address=PROXY, **forwarded).status_code == 200

    mine = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert sign_in(client, "officer", address=PROXY, **mine).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_five_guesses_lock_only_the_guessers_address(client, officer):
    theirs = {"HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    answers = [sign_in(Client(), "officer", "wrong", address=PROXY, **theirs).status_code for _ in range(5)]

    assert answers == [200, 200, 200, 200, LOCKED]
    assert sign_in(Client(), "officer", address=PROXY, **theirs).status_code == LOCKED
    mine = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert sign_in(client, "officer", address=PROXY, **mine).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_guessing_one_account_from_everywhere_locks_it_for_fifteen_minutes_only(client, officer):
    for index in range(20):
        forwarded = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{index + 1}"}
        sign_in(Client(), "officer", "wrong", address=PROXY, **forwarded)
    mine = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}

    refused = sign_in(client, "officer", address=PROXY, **mine)
    assert refused.status_code == LOCKED
    assert "Try again in 15 minutes" in refused.content.decode()

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert sign_in(client, "officer", address=PROXY, **mine).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_address_is_the_one_the_proxy_saw_not_one_the_client_wrote(client):
    sign_in(client, "officer", "wrong", address=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")

    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"


def test_without_a_configured_proxy_a_forwarded_for_header_is_ignored(client):
    sign_in(client, "officer", "wrong", address="192.0.2.5", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert AccessAttempt.objects.get().ip_address == "192.0.2.5"


def test_a_successful_sign_in_forgets_ones_own_failures(client, officer):
    for _ in range(4):
        sign_in(Client(), "officer", "wrong")
    assert sign_in(client, "officer").status_code == 302

    answers = [sign_in(Client(), "officer", "wrong").status_code for _ in range(4)]
    assert answers == [200] * 4, "without the reset the first of these would have locked the account"


def test_a_successful_sign_in_keeps_failures_from_elsewhere(client, officer):
    for _ in range(3):
        sign_in(Client(), "officer", "wrong", address="203.0.113.66")

    sign_in(client, "officer")

    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"


def test_the_lockout_page_says_how_long_and_who_can_release_it(client, officer):
    for _ in range(5):
        response = sign_in(client, "officer", "wrong")

    page = response.content.decode()
    assert response.status_code == LOCKED
    assert "Try again in an hour" in page
    assert "ask an Administrator to release the lock" in page
    assert "Access attempts" in page


def test_the_administrator_sees_and_releases_a_lock_without_being_superuser(client, administrator, officer):
    for _ in range(5):
        sign_in(Client(), "officer", "wrong")
    assert sign_in(Client(), "officer").status_code == LOCKED
    assert not administrator.is_superuser
    client.force_login(administrator)

    listing = client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "officer" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="officer")
    released = client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert released.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(Client(), "officer").status_code == 302


def test_the_administrator_also_reads_the_failure_and_access_logs(client, administrator):
    client.force_login(administrator)

    assert client.get("/admin/axes/accesslog/").status_code == 200
    assert client.get("/admin/axes/accessfailurelog/").status_code == 200


def test_wrong_old_passwords_are_counted_and_lock_the_account_and_end_the_session(officer_client):
    def change(old):
        data = {
            "old_password": old,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        }
        return officer_client.post("/account/password/", data)

    answers = [change("wrong").status_code for _ in range(5)]

    assert answers == [200, 200, 200, 200, LOCKED]
    assert officer_client.get("/").status_code == 302, "the session is ended"
    assert sign_in(Client(), "officer").status_code == LOCKED
    assert "a-new-long-passphrase" not in AccessAttempt.objects.get().post_data


def test_the_right_old_password_still_changes_it(officer_client, officer):
    data = {
        "old_password": PASSWORD,
        "new_password1": "a-new-long-passphrase",
        "new_password2": "a-new-long-passphrase",
    }

    assert officer_client.post("/account/password/", data).status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("a-new-long-passphrase")
