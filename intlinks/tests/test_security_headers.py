"""Issue 15's header findings: a Content-Security-Policy with no inline script or style but the nonced
GOV.UK snippets, no-store on signed-in pages and downloads, Permissions-Policy and Referrer-Policy."""

import re

import pytest
from django.conf import settings

from intlinks.models import SiteSettings
from partnerships.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

TEMPLATES = settings.BASE_DIR / "templates"
# PDF templates are drawn by WeasyPrint on the server, never by a browser under the policy.
BROWSER_TEMPLATES = [path for path in TEMPLATES.rglob("*.html") if "pdf" not in path.parts]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_every_page_has_a_policy_with_no_unsafe_inline_script_or_style(officer_client):
    response = officer_client.get("/")
    policy = directives(response)

    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_each_inline_script_carries_the_nonce_the_policy_names_and_it_changes_every_request(client):
    first, second = client.get("/sign-in/"), client.get("/sign-in/")
    nonce = next(value for value in directives(first)["script-src"] if value.startswith("'nonce-"))[7:-1]
    page = first.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)

    assert len(inline_scripts) == 2  # GOV.UK Frontend's js-enabled snippet and its initAll
    assert all(f'nonce="{nonce}"' in attributes for attributes in inline_scripts)
    assert nonce not in second.content.decode()


@pytest.mark.parametrize("path", BROWSER_TEMPLATES, ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_no_template_has_an_inline_handler_a_style_or_a_script_without_the_nonce(path):
    source = path.read_text()

    assert not re.search(r"\son[a-z]+\s*=", source), "an inline event handler (onclick=…) breaks the policy"
    assert not re.search(r"\sstyle\s*=", source), "an inline style attribute breaks the policy"
    assert "<style" not in source, "a <style> element breaks the policy: put it in static/scss"
    for attributes in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", source):
        assert 'nonce="{{ request.csp_nonce }}"' in attributes, "an inline script needs the request's nonce"


def test_the_cabinet_report_page_keeps_htmx_from_injecting_its_indicator_styles():
    source = (TEMPLATES / "reporting" / "report_detail.html").read_text()

    assert '"includeIndicatorStyles": false' in source.replace("&quot;", '"')


def test_signed_in_pages_are_never_stored(officer_client):
    assert officer_client.get("/partnerships/")["Cache-Control"] == "private, no-store"


def test_exports_are_never_stored(officer_client):
    PartnershipFactory(place__name="Kraków")

    csv_export = officer_client.get("/partnerships/export.csv")
    xlsx_export = officer_client.get("/partnerships/export.xlsx")

    assert csv_export["Cache-Control"] == "private, no-store"
    assert xlsx_export["Cache-Control"] == "private, no-store"


def test_public_open_data_keeps_its_own_caching_even_for_a_signed_in_reader(officer_client):
    site = SiteSettings.current()
    site.open_data = True
    site.save()

    feed = officer_client.get("/open-data/links.json")

    assert feed["Cache-Control"] == "public, max-age=3600"


@pytest.mark.parametrize("path", ["/sign-in/", "/healthz", "/no-such-page/"])
def test_every_answer_denies_powerful_features_and_keeps_the_referrer_to_the_site(client, path):
    response = client.get(path)

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
