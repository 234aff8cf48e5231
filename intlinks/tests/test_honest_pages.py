"""Issue 13's honest pages and consistency: titles, footer pages, one drift sentence, distinct words for
depth and status, counts for people, year filters from the data, appraisals on the timeline, the start
page's role tasks and a link to a new place in one flow."""

from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from intlinks.roles import ROLES
from intlinks.tests.posting import page_data
from intlinks.tests.queries import assert_fixed_queries, queries_for
from intlinks.tests.test_access import access_table, url_objects  # noqa: F401 (a fixture)
from partnerships.models import DRIFT_RULE, Partnership, Place, Status
from partnerships.tests.factories import (
    ActivityFactory,
    AnnualReviewFactory,
    AppraisalFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db

SUFFIX = " – International links – Leicester City Council</title>"
NOT_HTML = (
    ".csv",
    ".json",
    ".xlsx",
    ".zip",
    "/download/",
    "/draft/",
    "/exempt-appendix/",
    "/document/",
    "/evidence/",
)
# A Cabinet report's preview is the report's own document; its versions table is a fragment the page polls.
NOT_HTML += ("/preview/", "/versions/")
HTML_PAGES = [
    url
    for _, url, codes in access_table()
    if codes["Administrator"] == 200 and not url.startswith("/admin/") and url != "/healthz"
    if not any(part in url for part in NOT_HTML)
]


# ---- page titles --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", HTML_PAGES)
def test_every_page_title_names_the_page_the_service_and_the_council(client, administrator, url_objects, url):  # noqa: F811
    client.force_login(administrator)

    page = client.get(url.format(**url_objects)).content.decode()

    title = page.split("<title>")[1].split("</title>")[0]
    assert f"<title>{title}</title>".endswith(SUFFIX), title
    assert not title.startswith(" – "), f"{url} has no page name in its title"


def test_a_filter_error_marks_the_title(officer_client):
    page = officer_client.get("/partnerships/activities/?financial_year=abc").content.decode()

    assert "<title>Error: Activities – International links" in page


# ---- footer: accessibility statement and privacy notice -------------------------------------------------


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/accessibility/", "Accessibility statement for"), ("/privacy/", "Privacy notice for")],
)
def test_the_footer_pages_are_public_and_linked_from_every_page(client, url, heading):
    page = client.get(url).content.decode()

    assert heading in page
    assert "To be completed by the council" in page
    sign_in = client.get("/sign-in/").content.decode()
    assert f'href="{url}"' in sign_in


def test_the_accessibility_statement_follows_govuks_sample_and_says_how_it_was_tested(client):
    page = client.get("/accessibility/").content.decode()

    for section in [
        "How accessible this service is",
        "Feedback and contact information",
        "Reporting accessibility problems",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ]:
        assert section in page
    for fact in ["axe-core", "WCAG 2.2", "375 pixels"]:
        assert fact in page


# ---- drift: one rule, said one way ---------------------------------------------------------------------


def test_the_drift_property_agrees_with_the_annotation_for_every_kind_of_link():
    today = timezone.localdate()
    long_ago = today - timedelta(days=800)
    never_reviewed_but_busy = PartnershipFactory(place__name="Krefeld")
    ActivityFactory(partnership=never_reviewed_but_busy, starts_on=today, ends_on=today)
    reviewed_but_quiet = AnnualReviewFactory(
        partnership__place__name="Haskovo", reviewed_on=today
    ).partnership
    ActivityFactory(partnership=reviewed_but_quiet, starts_on=long_ago, ends_on=long_ago)
    healthy = AnnualReviewFactory(partnership__place__name="Rajkot", reviewed_on=today).partnership
    prospective = PartnershipFactory(place__name="Hefei", status=Status.EXPLORING)

    annotated = {link.pk: link.drifting for link in Partnership.objects.with_drift()}
    for link in [never_reviewed_but_busy, reviewed_but_quiet, healthy, prospective]:
        fresh = Partnership.objects.get(pk=link.pk)  # no annotation: the property asks the queryset
        assert fresh.is_drifting == annotated[link.pk], link.place.name
    assert {pk for pk, drifting in annotated.items() if drifting} == {
        never_reviewed_but_busy.pk,
        reviewed_but_quiet.pk,
    }


def test_a_busy_link_without_a_review_says_why_it_drifts_without_blaming_its_activity(officer_client):
    today = timezone.localdate()
    link = PartnershipFactory(place__name="Krefeld")
    ActivityFactory(partnership=link, starts_on=today, ends_on=today)

    page = officer_client.get(f"/partnerships/{link.pk}/").content.decode()

    assert (
        "This link is drifting: it has had no annual review in the last 12 months (never reviewed)." in page
    )
    assert "more than 12 months ago</strong>" not in page
    assert DRIFT_RULE in page


def test_a_quiet_reviewed_link_says_its_last_activity_is_over_a_year_old(officer_client):
    long_ago = timezone.localdate() - timedelta(days=800)
    link = AnnualReviewFactory(reviewed_on=timezone.localdate()).partnership
    ActivityFactory(partnership=link, starts_on=long_ago, ends_on=long_ago)

    page = officer_client.get(f"/partnerships/{link.pk}/").content.decode()

    assert f"its last activity was on {long_ago:%-d %B %Y}, more than 12 months ago" in page
    assert "no annual review in the last 12 months (" not in page


@pytest.mark.parametrize("url", ["/partnerships/", "/reporting/health/"])
def test_the_lists_explain_drifting_in_the_same_sentence(officer_client, url):
    PartnershipFactory()

    assert DRIFT_RULE in officer_client.get(url).content.decode()


# ---- depth and status ----------------------------------------------------------------------------------


def test_no_depth_of_commitment_reads_like_a_status():
    assert not {label for _, label in Partnership.Depth.choices} & {label for _, label in Status.choices}


def test_the_depth_codes_are_unchanged_so_stored_links_keep_their_depth():
    assert Partnership.Depth.values == ["strategic", "project", "exploring"]


# ---- numbers for people --------------------------------------------------------------------------------


def test_the_number_filter_groups_thousands_and_leaves_the_rest_alone():
    rendered = Template("{% load intlinks %}{{ a|number }} {{ b|number }} {{ c|number }}").render(
        Context({"a": 12000000, "b": None, "c": "not known"})
    )
    assert rendered == "12,000,000 None not known"


def test_a_population_shows_with_thousands_separated(officer_client):
    link = PartnershipFactory(place__population=12000000)

    assert "population 12,000,000" in officer_client.get(f"/partnerships/{link.pk}/").content.decode()
    assert ">12,000,000<" in officer_client.get("/partnerships/places/").content.decode()


# ---- year filters --------------------------------------------------------------------------------------


def test_the_activity_year_filter_offers_every_year_with_activities_however_old(officer_client):
    ActivityFactory(starts_on=date(2002, 9, 1), ends_on=date(2002, 9, 2))
    ActivityFactory(starts_on=date(1995, 5, 1), ends_on=date(1995, 5, 1))

    page = officer_client.get("/partnerships/activities/?financial_year=2002").content.decode()

    assert '<option value="2002" selected>2002/03</option>' in page
    assert '<option value="1995">1995/96</option>' in page
    assert '<option value="1996">' not in page  # a year with nothing is not offered
    assert "There is a problem" not in page


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/partnerships/activities/?financial_year=2002", "There are no activities in 2002/03"),
        ("/partnerships/activities/?financial_year=abc", "“abc” is not a financial year"),
        (
            "/partnerships/activities/gifts/?financial_year=2002",
            "There are no gifts or hospitality in 2002/03",
        ),
        ("/partnerships/activities/funding/?awarded_in=1999", "There are no awards in 1999/00"),
        ("/partnerships/grants/?financial_year=1999", "There are no grant applications in 1999/00"),
    ],
)
def test_an_unknown_year_in_the_address_is_an_error_that_says_so(officer_client, url, message):
    page = officer_client.get(url).content.decode()

    assert "There is a problem" in page
    assert page.count(message) == 2  # in the summary and beside the field
    assert "govuk-select--error" in page


def test_the_activity_list_makes_the_same_number_of_queries_with_one_year_or_twenty(officer_client):
    ActivityFactory(starts_on=date(2010, 6, 1), ends_on=date(2010, 6, 1))
    few = queries_for(officer_client, "/partnerships/activities/?financial_year=2010")
    for year in range(1990, 2010):
        ActivityFactory(starts_on=date(year, 6, 1), ends_on=date(year, 6, 1))
    many = queries_for(officer_client, "/partnerships/activities/?financial_year=2010")

    assert_fixed_queries(few, many, at_most=16)


# ---- the appraisal on the link's timeline --------------------------------------------------------------


def test_the_timeline_shows_kents_appraisal(officer_client):
    appraisal = AppraisalFactory()

    page = officer_client.get(f"/partnerships/{appraisal.partnership_id}/").content.decode()

    timeline = page.split('class="govuk-list app-timeline"')[1]
    assert f"Appraised: {appraisal.criteria_score} out of 12" in timeline


# ---- the start page: what each role does, with links ---------------------------------------------------


@pytest.mark.parametrize("role", ROLES, ids=[role.username for role in ROLES])
def test_every_task_a_role_is_promised_leads_to_a_page_that_exists(role):
    assert role.tasks
    for _, url in role.task_links():
        assert url.startswith("/")


def test_the_start_page_links_each_task_of_the_officer(officer_client):
    page = officer_client.get("/").content.decode()

    assert 'href="/partnerships/activities/attention/">Justify and approve breaches' in page
    assert 'href="/reporting/reports/">Prepare a draft Cabinet report' in page


# ---- a link to a new place in one flow -----------------------------------------------------------------


def test_add_a_new_place_keeps_the_link_typed_so_far_and_returns_with_the_place_chosen(officer_client):
    form_page = officer_client.get("/partnerships/new/")
    typed = page_data(
        form_page,
        kind=Partnership.Kind.FRIENDSHIP,
        status=Status.EXPLORING,
        lead_councillor="Cllr Example",
        summary="Example: a friendship link",
        add_place="1",
    )
    typed.pop("place", None)

    to_place = officer_client.post("/partnerships/new/", typed)

    assert to_place.status_code == 302
    assert to_place.url == "/partnerships/places/new/?for=link"
    assert not Partnership.objects.exists()
    place_page = officer_client.get(to_place.url)
    back = officer_client.post(
        to_place.url, page_data(place_page, name="Hefei", country="CN", kind=Place.Kind.CITY)
    )
    assert back.status_code == 302, back.context["form"].errors
    hefei = Place.objects.get(name="Hefei")
    assert back.url == f"/partnerships/new/?place={hefei.pk}"

    link_form = officer_client.get(back.url).context["form"]
    assert link_form["place"].value() == hefei.pk
    assert link_form["kind"].value() == Partnership.Kind.FRIENDSHIP
    assert link_form["lead_councillor"].value() == "Cllr Example"
    assert link_form["summary"].value() == "Example: a friendship link"


def test_the_place_form_goes_back_to_the_places_list_when_not_opened_from_the_link_form(officer_client):
    page = officer_client.get(reverse("partnerships:place_create"))
    response = officer_client.post(
        reverse("partnerships:place_create") + "?for=https://evil.example",
        page_data(page, name="Xian", country="CN", kind=Place.Kind.CITY),
    )

    assert response.url == "/partnerships/places/"


def test_a_member_cannot_use_add_a_new_place(client, member):
    client.force_login(member)

    assert client.post("/partnerships/new/", {"add_place": "1"}).status_code == 403
