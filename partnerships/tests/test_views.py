import csv
import io
from datetime import date

import pytest

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import AnnualReview, LogframeRow, Partnership, Place, Status, StatusChange
from partnerships.tests.factories import (
    ActivityFactory,
    AgreementFactory,
    AnnualReviewFactory,
    AppraisalFactory,
    CostFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlaceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def links_with_everything(count: int) -> list[Partnership]:
    theme = ThemeFactory(name="Culture")
    links = []
    for _ in range(count):
        link = PartnershipFactory()
        link.themes.add(theme, ThemeFactory())
        AnnualReviewFactory(partnership=link)
        AgreementFactory(partnership=link)
        links.append(link)
    return links


# ---- fixed query counts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/partnerships/", 10),
        ("/partnerships/?drifting=no&theme=1", 11),
        ("/partnerships/export.csv", 9),  # with the savepoint the stream reads in, and its release
        ("/partnerships/map/", 5),
        ("/partnerships/places/", 5),
        ("/partnerships/organisations/", 5),
    ],
)
def test_lists_use_the_same_number_of_queries_for_3_and_30_links(officer_client, url, budget):
    links_with_everything(3)
    few = queries_for(officer_client, url)
    links_with_everything(27)
    many = queries_for(officer_client, url)

    assert_fixed_queries(few, many, at_most=budget)


def test_the_partnership_page_uses_the_same_number_of_queries_whatever_it_holds(officer_client, officer):
    link = PartnershipFactory()
    few = queries_for(officer_client, f"/partnerships/{link.pk}/")
    for year in range(2000, 2020):
        AnnualReviewFactory(partnership=link, reviewed_on=date(year, 1, 1), reviewer=officer)
        AgreementFactory(partnership=link, signed_on=date(year, 2, 1))
        LogframeRow.objects.create(
            partnership=link, level="output", summary="x", indicators="y", verification="z"
        )
        StatusChange.objects.create(
            partnership=link, to_status="active", changed_on=date(year, 3, 1), reason="r"
        )
        CostFactory(
            activity=ActivityFactory(partnership=link, starts_on=date(year, 6, 1), ends_on=date(year, 6, 2))
        )
    AppraisalFactory(partnership=link)
    link.organisation_roles.create(organisation=OrganisationFactory())
    many = queries_for(officer_client, f"/partnerships/{link.pk}/")

    # Two of them count the link's activities and sum their costs by financial year (issue 10).
    assert_fixed_queries(few, many, at_most=17)


# ---- the list ------------------------------------------------------------------------------------------


def test_the_list_filters_by_status_country_theme_and_drift_and_searches(officer_client):
    culture = ThemeFactory(name="Culture")
    krefeld = PartnershipFactory(place__name="Krefeld", place__country="DE")
    krefeld.themes.add(culture)
    AnnualReviewFactory(partnership=PartnershipFactory(place__name="Strasbourg"))
    PartnershipFactory(
        place__name="Zhejiang", place__country="CN", status=Status.EXPLORING, kind="economic_twinning"
    )

    def places(query):
        page = officer_client.get(f"/partnerships/?{query}").context["page"]
        return [link.place.name for link in page.object_list]

    assert places("") == ["Krefeld", "Strasbourg", "Zhejiang"]
    assert places("status=exploring") == ["Zhejiang"]
    assert places("country=DE") == ["Krefeld"]
    assert places(f"theme={culture.pk}") == ["Krefeld"]
    assert places("drifting=yes") == ["Krefeld"]
    assert places("drifting=no") == ["Strasbourg", "Zhejiang"]
    assert places("kind=economic_twinning") == ["Zhejiang"]
    assert places("q=stras") == ["Strasbourg"]


def test_the_list_shows_drifting_links_and_is_paginated(officer_client):
    for number in range(30):
        PartnershipFactory(place__name=f"Place {number:02}")

    first = officer_client.get("/partnerships/").content.decode()
    second = officer_client.get("/partnerships/?page=2").content.decode()

    assert "30 links" in first
    assert first.count('govuk-tag--red">Drifting<') == 25
    assert "Place 29" in second
    assert "Place 29" not in first


def test_the_csv_export_holds_the_filtered_list(officer_client):
    AnnualReviewFactory(
        partnership=PartnershipFactory(place__name="Strasbourg"), reviewed_on=date(2026, 6, 1)
    )
    PartnershipFactory(place__name="Masaya", place__country="NI", began_year=1987)

    response = officer_client.get("/partnerships/export.csv?drifting=yes")

    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert response["Content-Disposition"].startswith('attachment; filename="partnerships-')
    assert rows[0][:3] == ["Place", "Country", "Kind of link"]
    assert rows[1:] == [
        [
            "Masaya",
            "Nicaragua",
            "Formal twinning with a charter",
            "",
            "Formalised/active",
            "1987",
            "",
            "",
            "",
            "",
            "yes",
        ]
    ]


# ---- the partnership page ------------------------------------------------------------------------------


def test_the_partnership_page_shows_the_timeline_newest_first(officer_client, officer):
    link = PartnershipFactory(place__name="Rajkot", status=Status.ACTIVE)
    StatusChange.objects.create(
        partnership=link, to_status="active", changed_on=date(1992, 1, 1), reason="Twinned"
    )
    AgreementFactory(partnership=link, signed_on=date(1992, 6, 1), signatories="The Lord Mayor")
    AnnualReviewFactory(partnership=link, reviewed_on=date(2026, 6, 1), reviewer=officer)

    page = officer_client.get(f"/partnerships/{link.pk}/").content.decode()
    timeline = page[page.index(">Timeline<") :]

    assert timeline.index("Annual review: Green, continue") < timeline.index("Twinning charter signed")
    assert timeline.index("Twinning charter signed") < timeline.index("Recorded as formalised/active")
    assert "Drifting" not in page


def test_the_logframe_is_shown_goal_first(officer_client):
    link = PartnershipFactory()
    for level in ["activity", "output", "goal", "purpose"]:
        LogframeRow.objects.create(
            partnership=link, level=level, summary=f"{level} summary", indicators="i", verification="v"
        )

    page = officer_client.get(f"/partnerships/{link.pk}/").content.decode()

    positions = [page.index(f"{level} summary") for level in ["goal", "purpose", "output", "activity"]]
    assert positions == sorted(positions)


def test_the_map_draws_each_place_with_coordinates_and_lists_them_in_a_table(officer_client):
    PartnershipFactory(
        place=PlaceFactory(name="Masaya", country="NI", latitude="11.97440", longitude="-86.09420")
    )
    PlaceFactory(name="Nowhere", latitude=None, longitude=None)

    page = officer_client.get("/partnerships/map/").content.decode()

    assert '<svg class="app-map"' in page
    assert ">Masaya</text>" in page
    assert '<th scope="row" class="govuk-table__header">Masaya</th>' in page
    assert "Nowhere" not in page


# ---- forms: bad input beside the field, nothing saved ----------------------------------------------------


def test_an_officer_records_a_place_and_a_link(officer_client, officer):
    officer_client.post(
        "/partnerships/places/new/",
        {"name": "Haskovo", "country": "BG", "kind": "city", "latitude": "41.93440", "longitude": "25.55560"},
    )
    place = Place.objects.get(name="Haskovo")

    response = officer_client.post(
        "/partnerships/new/",
        {"place": place.pk, "kind": "twinning", "status": "active", "began_year": "2008", "depth": ""},
    )

    link = Partnership.objects.get()
    assert response.url == f"/partnerships/{link.pk}/"
    assert link.status_changes.get().changed_by == officer


def test_a_duplicate_live_link_is_refused_beside_the_place(officer_client):
    existing = PartnershipFactory()

    response = officer_client.post(
        "/partnerships/new/", {"place": existing.place.pk, "kind": existing.kind, "status": "exploring"}
    )

    assert response.context["form"].errors["place"] == [
        "This place already has a link of this kind that has not ended"
    ]
    assert Partnership.objects.count() == 1


def test_a_future_year_for_an_established_link_is_refused_beside_the_field(officer_client):
    response = officer_client.post(
        "/partnerships/new/",
        {"place": PlaceFactory().pk, "kind": "twinning", "status": "active", "began_year": "2099"},
    )

    assert (
        "An established link cannot begin after this year" in response.context["form"].errors["began_year"][0]
    )
    assert response.content.decode().count("An established link cannot begin after this year") == 2  # summary
    assert not Partnership.objects.exists()


def test_a_review_with_dates_in_the_wrong_order_is_refused_beside_the_field(officer_client):
    link = PartnershipFactory()

    response = officer_client.post(
        f"/partnerships/{link.pk}/reviews/new/",
        {
            "reviewed_on": "2026-06-01",
            "supports_objectives": "yes",
            "outcomes": "Exchanges",
            "rag": "green",
            "decision": "continue",
            "next_review_due": "2026-01-01",
        },
    )

    assert response.context["form"].errors["next_review_due"] == [
        "The next review must be due after the date of this review"
    ]
    assert not AnnualReview.objects.exists()


def test_an_illegal_status_move_is_refused_beside_the_field(officer_client):
    link = PartnershipFactory(status=Status.APPROACH_RECEIVED)

    response = officer_client.post(
        f"/partnerships/{link.pk}/status/", {"to": "active", "on": "2026-11-01", "reason": "Sign it"}
    )

    assert response.context["form"].errors["to"] == [
        "A link cannot move from approach received to formalised/active; it can move to: exploring, ended"
    ]
    assert 'class="govuk-error-message"' in response.content.decode()
    link.refresh_from_db()
    assert link.status == Status.APPROACH_RECEIVED
    assert not StatusChange.objects.exists()


def test_an_ended_link_offers_no_move_and_refuses_one(officer_client):
    link = PartnershipFactory(status=Status.ENDED)

    page = officer_client.get(f"/partnerships/{link.pk}/status/").content.decode()
    response = officer_client.post(
        f"/partnerships/{link.pk}/status/", {"to": "active", "on": "2026-11-01", "reason": "Revive"}
    )

    assert "an ended link cannot move again" in page
    assert "<form" not in page.split('id="main-content"')[1]
    assert "an ended link cannot move again" in response.context["form"].errors["to"][0]
    link.refresh_from_db()
    assert link.status == Status.ENDED


def test_a_status_change_is_recorded_with_who_and_why(officer_client, officer):
    link = PartnershipFactory(status=Status.ACTIVE)

    response = officer_client.post(
        f"/partnerships/{link.pk}/status/", {"to": "dormant", "on": "2026-11-01", "reason": "No activity"}
    )

    assert response.url == f"/partnerships/{link.pk}/"
    change = link.status_changes.get()
    assert (change.to_status, change.changed_by, change.reason) == ("dormant", officer, "No activity")


def test_accepting_an_appraisal_from_the_page_formalises_the_link(officer_client):
    appraisal = AppraisalFactory()

    officer_client.post(f"/partnerships/appraisals/{appraisal.pk}/accept/")

    appraisal.partnership.refresh_from_db()
    assert appraisal.partnership.status == Status.ACTIVE


def test_a_contact_needs_the_purpose_of_holding_their_details(officer_client):
    link = PartnershipFactory()

    response = officer_client.post(f"/partnerships/{link.pk}/contacts/new/", {"name": "A. Person"})

    assert "purpose" in response.context["form"].errors
    assert not link.contacts.exists()


def test_map_projection_and_labels_that_do_not_overlap():
    from partnerships.worldmap import HEIGHT, WIDTH, _label_box, land_path, map_points, project

    close = [
        PlaceFactory.build(name="Hefei", country="CN", latitude=31.82, longitude=117.22),
        PlaceFactory.build(name="Zhejiang", country="CN", latitude=30.27, longitude=120.15),
        PlaceFactory.build(name="Chongqing", country="CN", latitude=29.56, longitude=106.55),
    ]

    points = map_points(close)
    boxes = [_label_box(p.label_x, p.label_y, p.anchor, p.name) for p in points]

    assert project(-180, 90) == (0, 0)
    assert project(180, -90) == (WIDTH, HEIGHT)
    assert project(0, 0) == (WIDTH / 2, HEIGHT / 2)
    assert land_path().startswith("M"), "the world outline comes from the world-atlas npm package"
    assert not any(
        a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
    )


def test_the_csv_export_quotes_text_a_spreadsheet_would_run_as_a_formula(officer_client):
    PartnershipFactory(place__name="=HYPERLINK(1)", lead_councillor="@SUM(A1)")

    export = officer_client.get("/partnerships/export.csv")
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"))))

    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][7] == "'@SUM(A1)"


def test_a_member_cannot_accept_an_appraisal_or_change_a_status(client, member):
    appraisal = AppraisalFactory()
    client.force_login(member)

    accept = client.post(f"/partnerships/appraisals/{appraisal.pk}/accept/")
    move = client.post(
        f"/partnerships/{appraisal.partnership.pk}/status/",
        {"to": "ended", "on": "2026-11-01", "reason": "x"},
    )

    assert (accept.status_code, move.status_code) == (403, 403)
    appraisal.partnership.refresh_from_db()
    assert appraisal.partnership.status == Status.EXPLORING


def test_an_empty_appraisal_says_what_each_field_needs(officer_client):
    link = PartnershipFactory(status=Status.EXPLORING)

    errors = officer_client.post(f"/partnerships/{link.pk}/appraisals/new/", {}).context["form"].errors

    assert errors["accessible_score"] == [
        "Select how far the partner would be reasonably accessible at reasonable cost"
    ]
    assert errors["local_relevance_evidence"] == [
        "Enter the evidence that the partner would provide linkages of relevance to local communities "
        "on both sides"
    ]
    assert errors["recommendation"] == ["Select the recommendation"]
    assert errors["estimated_yearly_cost"] == ["Enter the estimated yearly cost (£)"]


def test_the_page_offers_only_the_actions_the_rules_allow(officer_client, member):
    exploring = AppraisalFactory(partnership=PartnershipFactory(status=Status.EXPLORING)).partnership
    ended = AppraisalFactory(partnership=PartnershipFactory(status=Status.ENDED)).partnership

    def page(link):
        return officer_client.get(f"/partnerships/{link.pk}/").content.decode()

    accept = "Accept the appraisal and formalise the link"
    assert accept in page(exploring)
    assert "Change status" in page(exploring)
    assert "Appraise the prospective link" in page(exploring)
    assert accept not in page(ended)
    assert "Change status" not in page(ended)
    assert "Appraise the prospective link" not in page(ended)
    officer_client.force_login(member)
    assert accept not in page(exploring)  # a member may read the page but not accept
