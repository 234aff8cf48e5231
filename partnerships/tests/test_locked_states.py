"""Findings 2 and 3 of issue 9: a ready activity goes back to planned when its gate reopens, and a
complete or cancelled activity is read-only until it is reopened with a reason."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from conftest import make_user
from intlinks.roles import OFFICER
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships import services
from partnerships.models import Activity, ActivityStateChange, Cost, Evidence
from partnerships.tests.factories import (
    ActivityFactory,
    AnnualReviewFactory,
    ConductPolicyFactory,
    CostFactory,
    GiftFactory,
)
from partnerships.tests.pages import form_data
from partnerships.tests.test_activity_rules import with_checklist_complete


def ready_youth_exchange() -> Activity:
    activity = with_checklist_complete(ActivityFactory(kind=Activity.Kind.YOUTH_EXCHANGE, young_people=25))
    return services.activity_mark_ready(activity=activity)


def complete_visit(officer, colleague) -> Activity:
    """Finding 3's visit: a £300 meal, justified and approved, and the activity marked complete."""
    ConductPolicyFactory()
    activity = ActivityFactory()
    cost = services.cost_save(
        cost=CostFactory.build(activity=activity, category="subsistence", meals=1, amount=Decimal("300")),
        by=officer,
    )
    services.breach_justify(item=cost, justification="State banquet", by=officer)
    services.breach_approve(item=cost, by=colleague)
    return services.activity_mark_complete(activity=activity, by=officer)


# ---- the gate reopens --------------------------------------------------------------------------------


def test_refuses_to_stay_ready_when_the_checklist_is_saved_with_no_consents_or_insurance(officer_client):
    """Finding 2 exactly: 25 young people, 0 consents and no insurance saved on a ready youth exchange."""
    activity = ready_youth_exchange()
    url = f"/partnerships/activities/{activity.pk}/safeguarding/"
    data = form_data(officer_client.get(url))
    data["parental_consents"] = "0"
    data.pop("insurance_confirmed")

    response = officer_client.post(url, data, follow=True)

    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED
    page = response.content.decode()
    assert "It is back to planned: the checklist before travel now lacks insurance confirmed" in page
    assert "Ready to travel</strong>" not in page
    assert "Mark complete" not in page
    assert not activity.can_mark_complete
    with pytest.raises(ValidationError, match="must be ready to travel"):
        services.activity_mark_complete(activity=activity)
    change = activity.state_changes.last()
    assert (change.from_state, change.to_state) == ("ready", "planned")
    assert change.changed_by.username == "officer"


def test_refuses_to_stay_ready_once_the_risk_assessment_is_removed(officer):
    activity = ready_youth_exchange()

    moved = services.evidence_delete(evidence=activity.evidence.get(), by=officer)

    assert moved.gate_reopened.endswith("a risk assessment uploaded as evidence")
    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED


def test_refuses_to_stay_ready_when_a_cost_edit_makes_an_unresolved_breach(officer):
    ConductPolicyFactory()
    activity = ready_youth_exchange()
    cost = services.cost_save(
        cost=CostFactory.build(activity=activity, category="subsistence", meals=1, amount=Decimal("20")),
        by=officer,
    )
    activity.refresh_from_db()
    assert activity.state == Activity.State.READY

    cost.amount = Decimal("300.00")
    saved = services.cost_save(cost=cost, by=officer)

    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED
    assert "1 breach of the conduct rules still need a justification" in saved.gate_reopened


def test_refuses_to_mark_ready_while_a_breach_is_unresolved(officer):
    activity = with_checklist_complete(ActivityFactory(kind=Activity.Kind.YOUTH_EXCHANGE, young_people=3))
    CostFactory(activity=activity, breach="Over the limit")

    with pytest.raises(ValidationError, match="It cannot be marked ready to travel: 1 breach"):
        services.activity_mark_ready(activity=activity, by=officer)


def test_a_change_that_keeps_the_gate_closed_leaves_it_ready(officer):
    activity = ready_youth_exchange()
    activity.coordinators = "Ann Smith, 0116 000 0001"

    assert services.activity_update_safeguarding(activity=activity, by=officer).gate_reopened == ""
    activity.refresh_from_db()
    assert activity.state == Activity.State.READY


# ---- a complete activity is closed -------------------------------------------------------------------


def test_refuses_a_cost_edit_of_a_complete_activity_until_it_is_reopened(client, officer, colleague):
    """Finding 3 exactly: a complete activity's £300 meal edited to £3,000."""
    activity = complete_visit(officer, colleague)
    cost = activity.costs.get()
    client.force_login(officer)
    edit = f"/partnerships/activities/{activity.pk}/edit/"

    page = client.get(activity.get_absolute_url()).content.decode()
    refused = client.get(edit, follow=True)
    cost.amount = Decimal("3000.00")
    with pytest.raises(ValidationError, match="The activity is complete: reopen it"):
        services.cost_save(cost=cost, by=officer)

    assert edit not in page
    assert "Reopen the activity" in page
    assert "The activity is complete: reopen it, with a reason, to change it" in refused.content.decode()
    cost.refresh_from_db()
    assert cost.amount == Decimal("300.00")
    assert cost.approved_by == colleague

    response = client.post(
        f"/partnerships/activities/{activity.pk}/reopen/", {"reason": "The banquet invoice was wrong"}
    )
    assert response.status_code == 302
    data = form_data(client.get(edit))
    data["costs-0-amount"] = "3000.00"
    assert client.post(edit, data).status_code == 302
    cost.refresh_from_db()
    assert cost.amount == Decimal("3000.00")
    assert cost.approved_by is None
    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "The banquet invoice was wrong" in page
    assert "Amount: 300.00 → 3000.00" in page


@pytest.mark.parametrize(
    "write",
    [
        lambda activity, by: services.activity_update_safeguarding(activity=activity, by=by),
        lambda activity, by: services.activity_log(activity=activity, by=by),
        lambda activity, by: services.evidence_add(
            evidence=Evidence(activity=activity, title="Late photo", kind="photo"), by=by
        ),
        lambda activity, by: services.breach_justify(item=activity.costs.get(), justification="x", by=by),
        lambda activity, by: services.gift_save(gift=GiftFactory.build(activity=activity), by=by),
        lambda activity, by: services.activity_cancel(activity=activity, by=by, reason="No longer needed"),
    ],
    ids=["checklist", "activity", "evidence", "justification", "gift", "cancel"],
)
def test_refuses_every_write_to_a_complete_activity(officer, colleague, write):
    activity = complete_visit(officer, colleague)

    with pytest.raises(ValidationError, match="The activity is complete"):
        write(activity, officer)


def test_refuses_to_approve_a_breach_of_a_complete_activity(officer, colleague, django_user_model):
    third = make_user(django_user_model, "third", OFFICER)
    activity = complete_visit(officer, colleague)
    Cost.objects.update(approved_by=None, approved_on=None)
    cost = activity.costs.get()

    assert cost.approval_refusal(third) == "The activity is closed: reopen it before approving"
    with pytest.raises(ValidationError, match="The activity is closed"):
        services.breach_approve(item=cost, by=third)


@pytest.mark.parametrize("path", ["edit", "safeguarding", "evidence/new", "cancel"])
def test_the_pages_that_change_a_closed_activity_send_you_back_to_it(officer_client, path):
    activity = ActivityFactory(kind="youth_exchange", young_people=3, state=Activity.State.CANCELLED)

    response = officer_client.get(f"/partnerships/activities/{activity.pk}/{path}/")

    assert response.status_code == 302
    assert response.url == activity.get_absolute_url()


def test_refuses_to_reopen_without_a_reason_beside_the_field(officer_client, officer, colleague):
    activity = complete_visit(officer, colleague)

    response = officer_client.post(f"/partnerships/activities/{activity.pk}/reopen/", {"reason": "  "})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["Enter the reason"]
    activity.refresh_from_db()
    assert activity.state == Activity.State.COMPLETE


@pytest.mark.parametrize("reason", ["a" * 10_001, "nul\x00byte"])
def test_refuses_to_reopen_with_a_hostile_reason_and_saves_nothing(
    officer_client, officer, colleague, reason
):
    # The access table's demonstration activity is open, so the hostile-input test cannot reach this page.
    activity = complete_visit(officer, colleague)

    response = officer_client.post(f"/partnerships/activities/{activity.pk}/reopen/", {"reason": reason})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    activity.refresh_from_db()
    assert activity.state == Activity.State.COMPLETE
    assert activity.state_changes.filter(to_state=Activity.State.PLANNED).count() == 0


def test_refuses_to_reopen_an_open_activity(officer):
    with pytest.raises(ValidationError, match="Only a complete or cancelled activity can be reopened"):
        services.activity_reopen(activity=ActivityFactory(), by=officer, reason="Why not")


def test_a_member_may_not_reopen_or_cancel(client, member, officer, colleague):
    activity = complete_visit(officer, colleague)
    client.force_login(member)

    for step in ("reopen", "cancel"):
        response = client.post(f"/partnerships/activities/{activity.pk}/{step}/", {"reason": "Because"})
        assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.state == Activity.State.COMPLETE


def test_cancels_with_a_reason_kept_with_who_and_when(officer_client):
    activity = ActivityFactory()

    response = officer_client.post(
        f"/partnerships/activities/{activity.pk}/cancel/", {"reason": "The partner postponed"}, follow=True
    )

    activity.refresh_from_db()
    assert activity.state == Activity.State.CANCELLED
    change = ActivityStateChange.objects.get(activity=activity)
    assert (change.to_state, change.reason, change.changed_by.username) == (
        "cancelled",
        "The partner postponed",
        "officer",
    )
    page = response.content.decode()
    assert "Activity cancelled" in page
    assert "The partner postponed" in page
    assert "Cancel the activity</a>" not in page
    assert change.history.count() == 1


# ---- the admin does not bypass the lock --------------------------------------------------------------


def test_the_admin_shows_a_complete_activity_and_its_costs_read_only(
    client, administrator, officer, colleague
):
    activity = complete_visit(officer, colleague)
    cost = activity.costs.get()
    client.force_login(administrator)

    page = client.get(f"/admin/partnerships/activity/{activity.pk}/change/").content.decode()
    response = client.post(f"/admin/partnerships/cost/{cost.pk}/change/", {"amount": "3000.00"})

    assert 'name="title"' not in page
    assert response.status_code == 403
    cost.refresh_from_db()
    assert cost.amount == Decimal("300.00")


def test_the_admin_refuses_a_new_cost_on_a_complete_activity_beside_the_field(
    client, administrator, officer, colleague
):
    activity = complete_visit(officer, colleague)
    client.force_login(administrator)
    cost = CostFactory.build(activity=activity)

    response = client.post(
        "/admin/partnerships/cost/add/",
        {
            "activity": activity.pk,
            "category": "venue",
            "incurred_on": "2026-06-01",
            "stage": "actual",
            "amount": "10.00",
            "currency": "GBP",
            "rate_to_gbp": "1",
            "paid_by": "council",
            "budget_line": cost.budget_line.pk,
        },
    )

    assert response.status_code == 200
    assert "The activity is complete: reopen it" in response.content.decode()
    assert activity.costs.count() == 1


# ---- history on the activity's page ------------------------------------------------------------------


def test_the_history_shows_who_changed_an_approved_amount(client, officer, colleague):
    activity = complete_visit(officer, colleague)
    services.activity_reopen(activity=activity, by=officer, reason="Invoice corrected")
    client.force_login(colleague)  # through the page, as the history records who made each request
    edit = f"/partnerships/activities/{activity.pk}/edit/"
    data = form_data(client.get(edit))
    data["costs-0-amount"] = "250.00"
    client.post(edit, data)

    page = client.get(activity.get_absolute_url()).content.decode()

    assert "Colleague, Cost" in page
    assert "Amount: 300.00 → 250.00" in page
    assert "Approved by changed" in page
    assert "Invoice corrected" in page


def test_the_history_costs_the_same_queries_however_long_it_is(officer_client, officer, colleague):
    activity = complete_visit(officer, colleague)
    url = activity.get_absolute_url()
    few = queries_for(officer_client, url)
    for index in range(6):
        services.activity_reopen(activity=activity, by=officer, reason=f"Correction {index}")
        cost = activity.costs.get()
        cost.description = f"Banquet {index}"
        services.cost_save(cost=cost, by=officer)
        services.activity_cancel(activity=activity, by=officer, reason="Stop")
    many = queries_for(officer_client, url)

    assert_fixed_queries(few, many, at_most=14)


# ---- a finalised review ------------------------------------------------------------------------------


def test_refuses_to_change_a_recorded_review(client, administrator):
    review = AnnualReviewFactory()
    client.force_login(administrator)
    review.outcomes = "Rewritten after the Cabinet meeting"

    with pytest.raises(ValidationError, match="A recorded review is final"):
        services.review_record(review=review)
    response = client.post(
        f"/admin/partnerships/annualreview/{review.pk}/change/", {"outcomes": "Rewritten", "rag": "green"}
    )

    assert response.status_code == 403
    review.refresh_from_db()
    assert review.outcomes != "Rewritten"
    assert review.is_finalised


def test_the_admin_refuses_to_revert_a_complete_activitys_cost_to_an_old_version(
    client, administrator, officer, colleague
):
    activity = complete_visit(officer, colleague)
    cost = activity.costs.get()
    first = cost.history.earliest()
    client.force_login(administrator)

    response = client.post(
        f"/admin/partnerships/cost/{cost.pk}/history/{first.history_id}/",
        {"activity": activity.pk, "amount": "300.00"},
    )

    assert response.status_code == 403
    cost.refresh_from_db()
    assert cost.approved_by == colleague
