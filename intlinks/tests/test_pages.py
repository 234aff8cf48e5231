import pytest
from django.core.management import call_command
from django.test import override_settings

from conftest import PASSWORD
from intlinks.tests.queries import assert_fixed_queries, queries_for

pytestmark = pytest.mark.django_db


def test_start_page_shows_each_role_where_to_go(client, administrator, officer):
    client.force_login(administrator)
    page = client.get("/").content.decode()
    assert "Administrator" in page
    assert 'href="/admin/"' in page

    client.force_login(officer)
    page = client.get("/").content.decode()
    assert "Keeps the register and the plan" in page
    assert 'href="/admin/"' not in page


def test_a_wrong_password_shows_the_error_summary_and_the_message(client, officer):
    response = client.post("/sign-in/", {"username": "officer", "password": "wrong"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "There is a problem" in page
    assert "<title>Error: Sign in" in page


def test_signing_in_lands_on_the_start_page(client, officer):
    response = client.post("/sign-in/", {"username": "officer", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/"
    assert "You are signed in as" in response.content.decode()


def test_404_page_is_in_the_site_layout(client, officer):
    client.force_login(officer)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert "govuk-header" in page


def test_500_page_is_in_the_site_layout(client):
    from intlinks.views import server_error

    response = server_error(None)

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert "govuk-header" in response.content.decode()


def test_changing_password_keeps_the_user_signed_in(client, officer):
    client.force_login(officer)

    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-much-longer-passphrase",
            "new_password2": "a-much-longer-passphrase",
        },
        follow=True,
    )

    assert "Your password has been changed." in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password("a-much-longer-passphrase")


def test_start_page_query_count_does_not_grow_with_users(client, officer, django_user_model):
    from conftest import make_user

    client.force_login(officer)
    few_users = queries_for(client, "/")
    for number in range(40):
        make_user(django_user_model, f"user{number}", "Officer")
    many_users = queries_for(client, "/")

    # Session, user, groups, and the user's and groups' permissions, read once for the navigation's sections.
    assert_fixed_queries(few_users, many_users, at_most=5)


def test_static_files_get_hashed_names(tmp_path):
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.templatetags.static import static

        url = static("css/intlinks.css")

    assert url.startswith("/static/css/intlinks.")
    assert url.endswith(".css")
    assert url != "/static/css/intlinks.css"
    assert (tmp_path / url.removeprefix("/static/")).exists()
    assert (tmp_path / (url.removeprefix("/static/") + ".gz")).exists()
