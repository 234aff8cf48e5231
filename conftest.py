"""Shared fixtures: one user per role, signed-in clients, and Playwright on Debian's Chromium."""

import os

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import settings as hypothesis_settings

from intlinks.roles import ADMINISTRATOR, CLERK, MEMBER, OFFICER, ROLES_BY_NAME

# Playwright's sync API runs an event loop in the test thread; Django's ORM beside it is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Hostile-input tests (intlinks/tests/hostile.py): `ci`, the default, keeps the suite's run bounded and
# repeatable (the same examples every run, none remembered between runs); `thorough` is for an evening's
# hunt: HYPOTHESIS_PROFILE=thorough pytest intlinks/tests/test_hostile_input.py
hypothesis_settings.register_profile("ci", max_examples=10, derandomize=True, database=None, deadline=None)
hypothesis_settings.register_profile("thorough", max_examples=300, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PASSWORD = "correct-horse-battery-staple"
AXE_PATH = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_SOURCE = f"{AXE_PATH.read_text()}\n;undefined"  # a statement list: evaluated, not called


def pytest_configure(config):
    # Real hashing costs ~0.3 s per password; tests create hundreds of users and prove nothing by it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The live server finds static files by name; hashed names are checked by their own test.
    # An empty STATIC_ROOT of the tests' own: whitenoise scans it for every test client.
    settings.STATIC_ROOT = settings.VAR_DIR / "test-static"
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_data_version():
    """Each test starts with a data version of its own: figures cached by an earlier test, whose rows were
    rolled back without a commit to renew it, are never read (intlinks/data_version.py)."""
    from intlinks import data_version

    data_version.renew()


@pytest.fixture(autouse=True, scope="session")
def _suite_runs_on_postgresql(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import connection

        assert connection.vendor == "postgresql", "make test runs the suite on PostgreSQL, never SQLite"


def make_user(django_user_model, username, role_name=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, first_name=username.title(), **extra
    )
    if role_name:
        from django.contrib.auth.models import Group

        user.is_staff = ROLES_BY_NAME[role_name].staff
        user.save()
        user.groups.add(Group.objects.get(name=role_name))
    return user


class FullySignedInClient(Client):
    """The test client, whose `force_login` signs in as completely as a person does: someone who signs
    in with a second factor (an Administrator, intlinks/two_factor.py) as after giving their app's code.
    The steps themselves are tested through the pages (intlinks/tests/test_two_factor.py)."""

    def force_login(self, user, backend=None):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from intlinks.two_factor import confirmed_device, needs_two_factor

        super().force_login(user, backend)
        if needs_two_factor(user):
            device = confirmed_device(user) or TOTPDevice.objects.create(
                user=user, name="The tests' authenticator", confirmed=True
            )
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client():
    return FullySignedInClient()


@pytest.fixture
def officer(django_user_model):
    return make_user(django_user_model, "officer", OFFICER)


@pytest.fixture
def member(django_user_model):
    return make_user(django_user_model, "member", MEMBER)


@pytest.fixture
def clerk(django_user_model):
    return make_user(django_user_model, "clerk", CLERK)


@pytest.fixture
def administrator(django_user_model):
    return make_user(django_user_model, "admin", ADMINISTRATOR)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


def sign_in_through_the_form(page, base_url: str, username: str, password: str = PASSWORD):
    """Sign in on `page` through the real form, as a person would; returns the page."""
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/sign-in/code/" in page.url or "/account/two-factor/" in page.url:
        give_the_apps_code(page, username)
    return page


def give_the_apps_code(page, username: str):
    """The second step of an Administrator's sign-in, with the code their app would show now."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from intlinks.tests.signing_in import current_code

    device = TOTPDevice.objects.filter(user__username=username).latest("pk")
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    return page


@pytest.fixture
def sign_in(page, live_server):
    """Sign in through the real form, as a person would; returns the page."""

    def _sign_in(username, password=PASSWORD):
        return sign_in_through_the_form(page, live_server.url, username, password)

    return _sign_in


# Chromium reports each thing the Content-Security-Policy blocked on the console with these words.
CSP_VIOLATION = "Content Security Policy"


@pytest.fixture
def page(page):
    """Playwright's page, failing the test if the Content-Security-Policy blocked anything on it: a
    script, a style or an htmx swap the policy stops would otherwise fail silently in the browser."""
    blocked = []

    def note_if_blocked(message):
        if CSP_VIOLATION in message.text:
            blocked.append(message.text)

    page.on("console", note_if_blocked)
    yield page
    assert blocked == [], f"the Content-Security-Policy blocked: {blocked}"


def axe_violations(page, minimum_impact=("serious", "critical")):
    """Run axe-core (from npm) on the page; return the WCAG 2.2 AA violations of the given impacts.
    It is evaluated through the browser's DevTools protocol rather than added as a <script>: the
    service's Content-Security-Policy rightly refuses an inline script without its nonce."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in minimum_impact
    ]


def fill_date(page, field: str, value) -> None:
    """Type a date into a GOV.UK date input, as a person would: `fill_date(page, "#id_starts_on",
    date(2026, 10, 1))` fills the day, month and year boxes `#id_starts_on_0`, `_1` and `_2`. `value`
    is a date or an ISO string ("2026-10-01")."""
    from datetime import date

    day = value if isinstance(value, date) else date.fromisoformat(value)
    for index, part in enumerate((day.day, day.month, day.year)):
        page.locator(f"{field}_{index}").fill(str(part))
