"""The shell's own forms, attacked as the council's are (`test_hostile_input.py`): signing in and
changing one's password with NUL bytes, control characters, 10,000+ characters and right-to-left marks
never answers 500, never signs anybody in and never changes a password. (The two-factor code is
attacked in `test_two_factor.py::test_a_hostile_code_is_refused_without_an_error_page`.)"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intlinks.tests import hostile
from intlinks.tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

FIELD = st.one_of(hostile.text(), hostile.anything())


def test_hostile_sign_ins_never_fail_and_never_sign_anybody_in(client, officer):
    stored = officer.password

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(username=st.one_of(st.just("officer"), FIELD), password=FIELD, host=st.integers(1, 254))
    def attack(username, password, host):
        response = sign_in(client, username, password, address=f"192.0.2.{host}")
        assert response.status_code in {200, 429}, response.status_code  # the form again, or locked
        assert "_auth_user_id" not in client.session
        officer.refresh_from_db()
        assert officer.password == stored

    attack()


def test_hostile_password_changes_never_fail_and_never_change_the_password(client, officer):
    stored = officer.password

    @settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(old=FIELD, new=FIELD, again=st.one_of(st.none(), FIELD))
    def attack(old, new, again):
        client.force_login(officer)
        response = client.post(
            "/account/password/",
            {"old_password": old, "new_password1": new, "new_password2": new if again is None else again},
        )
        # The form again with its errors, locked (429), or signed out after too many wrong passwords.
        assert response.status_code in {200, 302, 429}, response.status_code
        if response.status_code == 302:
            assert response["Location"].startswith("/sign-in/")
        officer.refresh_from_db()
        assert officer.password == stored

    attack()


def test_a_user_name_longer_than_any_account_is_refused_beside_the_field(client):
    """Found by the test above (thorough profile): 256 characters reached the sign-in limits' log, whose
    column refused them, and the page answered 500."""
    response = sign_in(client, "a" * 256, "guess")
    assert response.status_code == 200
    assert "User name must be 150 characters or fewer" in response.content.decode()
