"""The activity log's pages: the log form and its costs, lists at two sizes, actions, CSV, uploads."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import Activity, ActivityStateChange, Cost, Evidence, ExternalFunding, Gift
from partnerships.tests.factories import (
    ActivityFactory,
    ConductPolicyFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    PartnershipFactory,
    budget_line_for,
)
from strategy.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def activities_with_everything(count: int, partnership=None) -> None:
    partnership = partnership or PartnershipFactory()
    objective = ObjectiveFactory()
    for _ in range(count):
        cost = CostFactory(activity__partnership=partnership)
        cost.activity.objectives.add(objective)
        GiftFactory(partnership=partnership, activity=cost.activity, direction="received", value=Decimal("5"))
        ExternalFundingFactory(partnership=partnership).activities.add(cost.activity)


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # three more since issue 11: the council spend of what the filters select, the theme filter's choices
        ("/partnerships/activities/", 16),  # two more (issue 13): the years that have activities
        ("/partnerships/activities/?flagged=no&financial_year=2026", 16),
        ("/partnerships/activities/export.csv", 11),  # a savepoint and its release; place names; years
        ("/partnerships/activities/attention/", 10),  # two more since issue 10: the breaches counted
        # two more since issue 10: its partnership filter; one more since issue 11: the total value
        ("/partnerships/activities/gifts/", 13),  # two (issue 13): the years that have gifts; one: the people
        ("/partnerships/activities/gifts/export.csv", 11),  # a savepoint and its release; years; people
        ("/partnerships/activities/funding/", 12),  # one more since issue 10: the count of bids; two: years
    ],
)
def test_lists_use_the_same_number_of_queries_for_3_and_12_activities(officer_client, url, budget):
    ConductPolicyFactory()
    activities_with_everything(3)
    few = queries_for(officer_client, url)
    activities_with_everything(9)
    many = queries_for(officer_client, url)

    assert_fixed_queries(few, many, at_most=budget)


@pytest.mark.parametrize(("page", "budget"), [("activity", 14), ("partnership", 17)])
def test_the_activity_and_partnership_pages_use_the_same_number_of_queries_whatever_they_hold(
    officer_client, officer, page, budget
):
    cost = CostFactory(
        breach="Business class", justification="Medical advice", recorded_by=officer, justified_by=officer
    )
    activity, link = cost.activity, cost.activity.partnership
    url = {
        "activity": f"/partnerships/activities/{activity.pk}/",
        "partnership": f"/partnerships/{link.pk}/",
    }[page]
    few = queries_for(officer_client, url)
    for _ in range(8):
        CostFactory(activity=activity, breach="Business class", justification="Medical advice")
        GiftFactory(partnership=link, activity=activity, breach="Worth £150.00")
        ActivityFactory(partnership=link)
        ActivityStateChange.objects.create(activity=activity, from_state="planned", to_state="ready")
    many = queries_for(officer_client, url)

    assert_fixed_queries(few, many, at_most=budget)


def log_form(partnership, costs: list[dict]) -> dict:
    data = {
        "kind": "outgoing_visit",
        "title": "Civic visit to Krefeld",
        "starts_on": "2026-06-01",
        "ends_on": "2026-06-04",
        "paid_from_public_funds": "on",
        "purpose": "Agree the year's school exchanges",
        "expected_benefit": "Twenty pupils abroad",
        "councillors": "2",
        "officers": "1",
        "young_people": "0",
        "community_members": "0",
        "businesses": "0",
        "costs-TOTAL_FORMS": str(len(costs)),
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "0",
        "costs-MAX_NUM_FORMS": "1000",
    }
    for index, cost in enumerate(costs):
        values = {
            "category": "venue",
            "incurred_on": "2026-06-02",
            "stage": "actual",
            "amount": "100.00",
            "currency": "GBP",
            "paid_by": "council",
            "budget_line": str(budget_line_for(2026).pk),
            **cost,
        }
        data.update({f"costs-{index}-{name}": value for name, value in values.items()})
    return data


def test_logs_an_activity_with_its_costs_in_one_form(officer_client):
    ConductPolicyFactory()
    link = PartnershipFactory()
    costs = [
        {"category": "travel", "travel_class": "business", "journey_hours": "1.5", "amount": "420.00"},
        {
            "category": "accommodation",
            "region": "europe",
            "nights": "3",
            "amount": "390.00",
            "currency": "EUR",
            "rate_to_gbp": "0.850000",
        },
        {"category": "subsistence", "meals": "3", "meal_amounts": "20.00, 25.00, 30.00", "amount": "75.00"},
    ]

    response = officer_client.post(f"/partnerships/{link.pk}/activities/new/", log_form(link, costs))

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response.url == f"/partnerships/activities/{activity.pk}/"
    saved = list(activity.costs.order_by("pk"))
    assert [cost.amount_gbp for cost in saved] == [Decimal("420.00"), Decimal("331.50"), Decimal("75.00")]
    assert [bool(cost.breach) for cost in saved] == [True, False, False]
    page = officer_client.get(response.url).content.decode()
    assert "Business class for a 1.5-hour journey: the rules allow it only above 8.0 hours" in page


def test_one_bad_cost_saves_nothing_and_shows_its_error_beside_the_field_and_in_the_summary(officer_client):
    link = PartnershipFactory()
    costs = [{}, {"amount": "-5.00"}, {"currency": "INR"}]

    response = officer_client.post(f"/partnerships/{link.pk}/activities/new/", log_form(link, costs))

    assert response.status_code == 200
    assert not Activity.objects.exists()
    assert not Cost.objects.exists()
    page = response.content.decode()
    assert 'href="#id_costs-1-amount">Cost 2: The amount cannot be negative</a>' in page
    assert 'href="#id_costs-2-rate_to_gbp">Cost 3: Enter the rate to pounds for INR</a>' in page
    assert "<title>Error: Log an activity" in page


def test_a_return_before_departure_is_shown_beside_the_field(officer_client):
    link = PartnershipFactory()
    data = log_form(link, [])
    data["ends_on"] = "2026-05-30"

    response = officer_client.post(f"/partnerships/{link.pk}/activities/new/", data)

    assert response.context["form"].errors["ends_on"] == [
        "The return date must be the same as or after the departure date"
    ]
    assert not Activity.objects.exists()


def test_justify_then_approve_as_a_second_officer(client, officer, colleague):
    ConductPolicyFactory()
    cost = CostFactory(
        category="travel",
        travel_class="business",
        journey_hours=Decimal("2"),
        recorded_by=officer,
        breach="Business class",
    )
    client.force_login(officer)
    client.post(f"/partnerships/breaches/cost/{cost.pk}/justify/", {"justification": "Medical advice"})
    response = client.post(f"/partnerships/breaches/cost/{cost.pk}/approve/", follow=True)
    assert "A second person must approve" in response.content.decode()

    client.force_login(colleague)
    client.post(f"/partnerships/breaches/cost/{cost.pk}/approve/")

    cost.refresh_from_db()
    assert cost.justification == "Medical advice"
    assert cost.approved_by == colleague


def test_a_member_may_not_approve_a_breach(client, member):
    cost = CostFactory(breach="Business class", justification="Medical advice")
    client.force_login(member)

    assert client.post(f"/partnerships/breaches/cost/{cost.pk}/approve/").status_code == 403


def test_marking_a_youth_exchange_ready_without_consents_shows_what_is_missing(officer_client):
    activity = ActivityFactory(kind="youth_exchange", young_people=10, parental_consents=4)

    response = officer_client.post(f"/partnerships/activities/{activity.pk}/ready/", follow=True)

    assert "parental consent for every young participant (4 of 10 received)" in response.content.decode()
    activity.refresh_from_db()
    assert activity.state == "planned"


def test_evidence_is_sniffed_and_downloaded_only_through_the_app(officer_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activity = ActivityFactory()
    fake = SimpleUploadedFile("photo.jpg", b"MZ not really a photo", content_type="image/jpeg")

    response = officer_client.post(
        f"/partnerships/activities/{activity.pk}/evidence/new/",
        {"kind": "photo", "title": "Photo", "file": fake},
    )
    assert "The file must be a PDF, a Word document, or a PNG or JPEG image" in response.content.decode()
    assert not Evidence.objects.exists()

    pdf = SimpleUploadedFile("risk.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    officer_client.post(
        f"/partnerships/activities/{activity.pk}/evidence/new/",
        {"kind": "risk_assessment", "title": "Risk", "file": pdf},
    )
    evidence = Evidence.objects.get()
    download = officer_client.get(f"/partnerships/evidence/{evidence.pk}/")
    assert download["Content-Type"] == "application/pdf"
    assert str(tmp_path) in evidence.file.path


def test_the_gift_register_searches_flags_and_exports(officer_client):
    ConductPolicyFactory()
    GiftFactory(
        direction="received",
        counterparty="Acme Ltd",
        counterparty_kind="private",
        description="Pen",
        value=Decimal("30"),
        given_on=date(2026, 3, 1),
        registered_on=date(2026, 3, 2),
    )
    GiftFactory(
        direction="received",
        counterparty="Acme Ltd",
        counterparty_kind="private",
        description="Dinner",
        value=Decimal("30"),
        given_on=date(2026, 5, 1),
        registered_on=date(2026, 6, 15),
    )
    GiftFactory(description="Krefeld plate")

    page = officer_client.get("/partnerships/activities/gifts/?q=acme").content.decode()
    export = officer_client.get("/partnerships/activities/gifts/export.csv?q=acme")

    assert "Krefeld plate" not in page
    assert "Registered 45 days after the date: the code asks for 28" in page
    assert "Gifts from this source add up to £60.00 in 12 months, more than £50.00" in page
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    assert [row[7] for row in rows[1:]] == ["Dinner", "Pen"]


def test_a_partnership_shows_every_gift_the_council_has_given_it(officer_client):
    link = PartnershipFactory()
    GiftFactory(partnership=link, description="Glass bowl", direction=Gift.Direction.GIVEN)
    GiftFactory(partnership=link, description="Silk scarf", direction=Gift.Direction.RECEIVED)

    page = officer_client.get(f"/partnerships/{link.pk}/").content.decode()

    assert "Glass bowl" in page
    assert "Silk scarf" not in page


def test_the_funding_list_shows_leverage_per_financial_year(officer_client):
    ExternalFundingFactory(amount_awarded=Decimal("15000.00"), awarded_on=date(2026, 5, 1))
    CostFactory(amount=Decimal("5000.00"), incurred_on=date(2026, 6, 1))
    CostFactory(amount=Decimal("999.00"), stage="planned")  # committed, not spent: not council money yet

    leverage = officer_client.get("/partnerships/activities/funding/").context["leverage"]

    assert [(row.year.label, row.external, row.council, row.per_council_pound) for row in leverage] == [
        ("2026/27", Decimal("15000.00"), Decimal("5000.00"), Decimal("3.00"))
    ]


def test_the_activity_list_filters_by_flag_and_objective(officer_client):
    objective = ObjectiveFactory()
    flagged = CostFactory(breach="Business class").activity
    plain = CostFactory().activity
    plain.objectives.add(objective)

    def titles(query):
        return [
            a.title
            for a in officer_client.get(f"/partnerships/activities/?{query}").context["page"].object_list
        ]

    assert titles("flagged=yes") == [flagged.title]
    assert titles(f"objective={objective.pk}") == [plain.title]


def test_the_navigation_shows_activities_not_partnerships_as_the_active_section(officer_client):
    navigation = officer_client.get("/partnerships/activities/attention/").context["navigation"]

    assert [item["label"] for item in navigation if item["active"]] == ["Activities"]


def funding_form(partnership, deadlines: list[dict]) -> dict:
    data = {
        "funder": "Commonwealth Local Government Forum",
        "programme": "CLGF Good Practice Scheme",
        "partnership": str(partnership.pk),
        "status": "submitted",
        "bid_on": "2026-10-01",
        "amount_bid": "12000.00",
        "deadlines-TOTAL_FORMS": str(len(deadlines)),
        "deadlines-INITIAL_FORMS": "0",
        "deadlines-MIN_NUM_FORMS": "0",
        "deadlines-MAX_NUM_FORMS": "1000",
    }
    for index, deadline in enumerate(deadlines):
        data.update({f"deadlines-{index}-{name}": value for name, value in deadline.items()})
    return data


def test_records_a_grant_with_its_reporting_deadlines_in_one_form(officer_client):
    link = PartnershipFactory()
    data = funding_form(link, [{"description": "Interim report", "due_on": "2026-12-01"}, {}])

    response = officer_client.post("/partnerships/activities/funding/new/", data)

    assert response.status_code == 302
    funding = ExternalFunding.objects.get()
    assert [(d.description, d.due_on) for d in funding.deadlines.all()] == [
        ("Interim report", date(2026, 12, 1))
    ]
    attention = officer_client.get("/partnerships/activities/attention/").content.decode()
    assert "Interim report" in attention


# ---- the kit's error summary and rows ------------------------------------------------------------------


def test_the_log_form_shows_no_empty_cost_on_the_first_visit_only_the_blank_row_to_copy(officer_client):
    link = PartnershipFactory()

    page = officer_client.get(f"/partnerships/{link.pk}/activities/new/").content.decode()

    rows, template = page.split("<template", 1)
    assert 'data-formset-row="costs"' not in rows
    assert 'data-formset-row="costs"' in template
    assert 'name="costs-TOTAL_FORMS" value="0"' in page
    assert ">Costs</h2>" in page
    assert "Remove this cost" not in page  # only a saved cost can be removed


def test_a_cost_error_is_in_the_one_summary_as_cost_1_with_the_error_title(officer_client):
    link = PartnershipFactory()
    costs = [{"category": "accommodation", "region": "europe", "nights": ""}]

    response = officer_client.post(f"/partnerships/{link.pk}/activities/new/", log_form(link, costs))

    page = response.content.decode()
    assert page.count('class="govuk-error-summary"') == 1
    assert 'href="#id_costs-0-nights">Cost 1: Enter the number of nights</a>' in page
    assert "<title>Error: Log an activity" in page
    assert not Activity.objects.exists()


def test_editing_an_activity_keeps_changes_and_archives_a_removed_cost(officer_client):
    ConductPolicyFactory()
    activity = CostFactory(description="Coach").activity
    removed = CostFactory(activity=activity, description="Taxi")
    data = log_form(activity.partnership, [])
    data.update(
        {
            "title": "Civic visit, renamed",
            "costs-TOTAL_FORMS": "2",
            "costs-INITIAL_FORMS": "2",
        }
    )
    for index, cost in enumerate(activity.costs.order_by("pk")):
        values = {
            "id": cost.pk,
            "category": "venue",
            "description": cost.description,
            "incurred_on": "2026-06-02",
            "stage": "actual",
            "amount": "100.00",
            "currency": "GBP",
            "paid_by": "council",
            "budget_line": budget_line_for(2026).pk,
        }
        data.update({f"costs-{index}-{name}": value for name, value in values.items()})
    data["costs-1-DELETE"] = "on"

    response = officer_client.post(f"/partnerships/activities/{activity.pk}/edit/", data)

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Civic visit, renamed"
    assert [cost.description for cost in activity.costs.current()] == ["Coach"]
    # Removed from the activity, the cost is archived (out of the totals), not deleted.
    removed.refresh_from_db()
    assert removed.is_archived
    assert removed.archive_reason == "Removed from the activity's costs"


def test_a_deadline_error_is_in_the_one_summary_with_its_row_label(officer_client):
    data = funding_form(PartnershipFactory(), [{"description": "Interim report", "due_on": ""}])

    page = officer_client.post("/partnerships/activities/funding/new/", data).content.decode()

    assert 'href="#id_deadlines-0-due_on_0">Deadline 1: Enter the due</a>' in page
    assert "<title>Error: Record a bid or grant" in page
    assert not ExternalFunding.objects.exists()


# ---- the page asks the rules the services apply --------------------------------------------------------


def test_the_person_who_recorded_a_breach_sees_no_approve_button_and_is_refused(client, officer, colleague):
    cost = CostFactory(
        breach="Business class", justification="Medical advice", recorded_by=officer, justified_by=officer
    )
    url = cost.activity.get_absolute_url()

    client.force_login(officer)
    assert "Approve the breach" not in client.get(url).content.decode()
    refused = client.post(f"/partnerships/breaches/cost/{cost.pk}/approve/", follow=True).content.decode()
    assert cost.approval_refusal(officer) in refused

    client.force_login(colleague)
    assert "Approve the breach" in client.get(url).content.decode()


def test_a_youth_exchange_missing_consents_has_no_ready_button_and_says_why(officer_client):
    activity = ActivityFactory(kind="youth_exchange", young_people=10, parental_consents=4)

    page = officer_client.get(activity.get_absolute_url()).content.decode()

    assert not activity.can_mark_ready
    assert "Mark ready to travel" not in page
    assert "parental consent for every young participant (4 of 10 received)" in page


def test_an_unresolved_breach_hides_mark_complete_and_a_stale_page_is_refused(officer_client):
    activity = CostFactory(breach="Business class").activity

    page = officer_client.get(activity.get_absolute_url()).content.decode()
    refused = officer_client.post(f"/partnerships/activities/{activity.pk}/complete/", follow=True)

    assert "Mark complete" not in page
    assert "It cannot be marked complete: 1 breach of the conduct rules" in page
    assert "It cannot be marked complete: 1 breach" in refused.content.decode()
    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED


def test_an_activity_with_nothing_to_resolve_offers_mark_complete(officer_client):
    activity = CostFactory().activity

    page = officer_client.get(activity.get_absolute_url()).content.decode()

    assert "Mark complete" in page
    assert "Mark ready to travel" not in page  # no young people: no gate to pass


def test_money_on_the_funding_page_goes_through_the_one_formatter(officer_client, monkeypatch):
    from partnerships.selectors import Leverage
    from strategy.financial_years import FinancialYear

    # A clawback can leave a year's external money negative: it must read "−£1.00", never "£-1.00".
    row = Leverage(FinancialYear(2026), external=Decimal("-1.00"), council=Decimal("1234.50"))
    monkeypatch.setattr("partnerships.views.funding.selectors.leverage_by_year", lambda: [row])

    page = officer_client.get("/partnerships/activities/funding/").content.decode()

    assert "\u2212£1.00" in page
    assert "£1,234.50" in page
    assert "£-" not in page
    assert "\u2212£0.00" not in page  # a ratio that rounds to nothing has no sign
