"""Issue 15: Administrators sign in with a code from an authenticator app after their password
(django-otp TOTP). Set up, right code, wrong code (counted towards the lock), replayed code; other
roles sign in with their password alone. The codes are the real ones an app would show."""

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from intlinks.models import SecurityEvent
from intlinks.tests.hostile import DATES, NUMBERS, ODD_TEXT
from intlinks.tests.signing_in import current_code, give_code, sign_in

pytestmark = pytest.mark.django_db

LOCKED = 429


@pytest.fixture
def app(administrator):
    return TOTPDevice.objects.create(user=administrator, name="Phone", confirmed=True)


def test_an_administrator_without_an_app_sets_one_up_before_any_page(administrator):
    client = Client()

    signed_in = sign_in(client, "admin")

    assert signed_in.url == "/"
    assert client.get("/").url == "/account/two-factor/?next=/"
    assert client.get("/admin/").url == "/account/two-factor/?next=/admin/"
    assert client.get("/exports/council.zip").status_code == 302
    page = client.get("/account/two-factor/").content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=administrator)
    assert not device.confirmed
    from intlinks.two_factor import secret_for_typing

    assert secret_for_typing(device) in page


def test_the_apps_first_code_confirms_it_and_opens_the_admin(administrator):
    client = Client()
    sign_in(client, "admin")
    client.get("/account/two-factor/?next=/admin/")
    device = TOTPDevice.objects.get(user=administrator)

    response = give_code(client, current_code(device), url="/account/two-factor/?next=/admin/")

    assert response.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_with_an_app_the_administrator_gives_its_code_after_the_password(app):
    client = Client()
    sign_in(client, "admin")

    assert client.get("/admin/").url == "/sign-in/code/?next=/admin/"
    assert client.get("/account/two-factor/").url.startswith("/sign-in/code/"), "no second app this way"
    response = give_code(client, current_code(app), url="/sign-in/code/?next=/admin/")

    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.SECOND_STEP_PASSED, username="admin").exists()


def test_a_wrong_code_is_refused_and_five_lock_the_account_and_end_the_session(app):
    client = Client()
    sign_in(client, "admin")

    answers = [give_code(client, "000000").status_code for _ in range(5)]

    assert answers == [200, 200, 200, 200, LOCKED]
    assert client.get("/sign-in/code/").status_code == 302
    assert client.get("/").url == "/sign-in/?next=/", "signed out"
    assert sign_in(Client(), "admin").status_code == LOCKED


def test_a_wrong_code_says_so_beside_the_field(app):
    client = Client()
    sign_in(client, "admin")

    page = give_code(client, "000000").content.decode()

    assert "There is a problem" in page
    assert "The code is not right, or was used already" in page


def test_a_replayed_code_is_refused(app):
    first = Client()
    sign_in(first, "admin")
    code = current_code(app)
    assert give_code(first, code).status_code == 302

    second = Client()
    sign_in(second, "admin")
    replayed = give_code(second, code)

    assert replayed.status_code == 200
    assert second.get("/admin/").status_code == 302


ODD_CODES = ["", " ", "12345", "1234567", "１２３４５６", "12 34 56", "-12345"]


@pytest.mark.parametrize("code", ODD_TEXT + NUMBERS + DATES + ODD_CODES)
def test_a_hostile_code_is_refused_without_an_error_page(app, code):
    client = Client()
    sign_in(client, "admin")

    response = give_code(client, code)

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_other_roles_sign_in_with_their_password_alone(officer):
    client = Client()
    sign_in(client, "officer")

    assert client.get("/").status_code == 200
    assert client.get("/sign-in/code/").url == "/"
    assert not TOTPDevice.objects.exists()


def test_the_admin_site_itself_refuses_a_session_without_the_second_step(administrator):
    request = RequestFactory().get("/admin/")
    request.user = administrator
    administrator.is_verified = lambda: False

    assert not admin.site.has_permission(request)

    administrator.is_verified = lambda: True
    assert admin.site.has_permission(request)


@override_settings(TWO_FACTOR_REQUIRED=False)
def test_with_two_factor_off_the_embedded_runs_admin_signs_in_with_the_password(administrator):
    client = Client()
    sign_in(client, "admin")

    assert client.get("/admin/").status_code == 200


def test_a_lost_phone_is_reset_by_the_operator_and_the_next_sign_in_sets_up_a_new_app(app, administrator):
    """The break-glass for a council whose only Administrator lost their phone."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("two_factor_reset", "admin", stdout=out)

    assert "Removed 1 authenticator app(s) of admin" in out.getvalue()
    assert not TOTPDevice.objects.filter(pk=app.pk).exists()
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.TWO_FACTOR_RESET)
    assert (event.user, event.path) == (administrator, "manage.py two_factor_reset")
    client = Client()
    sign_in(client, "admin")
    assert client.get("/admin/").url == "/account/two-factor/?next=/admin/"  # a new app, not the admin


def test_resetting_an_unknown_account_says_so():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="No account is named 'nobody'"):
        call_command("two_factor_reset", "nobody")
