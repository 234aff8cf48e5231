"""The activity log's one-row rules, asked by the services, the views and the templates alike:
when an activity may be marked ready or complete, who may approve a breach, which policy is in force."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from partnerships import selectors, services
from partnerships.models import Activity, ConductPolicy, Evidence, Gift, policy_in_force
from partnerships.tests.factories import (
    ActivityFactory,
    ConductPolicyFactory,
    CostFactory,
    GiftFactory,
)

pytestmark = pytest.mark.django_db


def youth_exchange(**fields) -> Activity:
    return ActivityFactory(kind=Activity.Kind.YOUTH_EXCHANGE, young_people=10, **fields)


def with_checklist_complete(activity: Activity) -> Activity:
    activity.parental_consents = activity.young_people
    activity.insurance_confirmed = activity.code_of_behaviour_agreed = True
    activity.coordinators = "Ann Smith, 0116 000 0000"
    activity.save()
    Evidence.objects.create(
        activity=activity, kind="risk_assessment", title="Risk", file=ContentFile(b"%PDF-1.4\n", name="r.pdf")
    )
    return activity


# ---- ready to travel ---------------------------------------------------------------------------------


def test_a_youth_exchange_missing_consents_cannot_be_marked_ready_and_says_why():
    activity = youth_exchange(parental_consents=4)

    check = activity.ready_check()

    assert not activity.can_mark_ready
    assert check.offered
    assert "parental consent for every young participant (4 of 10 received)" in check.reason


def test_a_youth_exchange_with_its_checklist_complete_can_be_marked_ready(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activity = with_checklist_complete(youth_exchange())

    assert activity.readiness_missing() == []
    assert activity.can_mark_ready


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            {"kind": Activity.Kind.INCOMING_DELEGATION},
            "Only an activity that travels or has young people is marked ready to travel",
        ),
        (
            {"kind": Activity.Kind.YOUTH_EXCHANGE, "young_people": 3, "state": Activity.State.READY},
            "Only a planned activity can be marked ready to travel",
        ),
    ],
)
def test_ready_to_travel_is_not_offered_outside_the_gate(fields, reason):
    activity = ActivityFactory(**fields)

    check = activity.ready_check()

    assert (check.offered, check.allowed, check.reason) == (False, False, reason)
    with pytest.raises(ValidationError, match=reason):
        services.activity_mark_ready(activity=activity)


def test_an_activity_nobody_travels_to_without_young_people_needs_no_checklist():
    assert ActivityFactory(kind=Activity.Kind.INCOMING_DELEGATION).readiness_missing() == []


# ---- complete ----------------------------------------------------------------------------------------


def test_an_unresolved_breach_stops_an_activity_being_marked_complete():
    activity = CostFactory(breach="Business class").activity

    check = activity.complete_check()

    assert not activity.can_mark_complete
    assert check.offered
    assert check.reason.startswith("It cannot be marked complete: 1 breach of the conduct rules")


def test_an_approved_breach_lets_it_complete(colleague):
    activity = CostFactory(
        breach="Business class", justification="Medical advice", approved_by=colleague
    ).activity

    assert activity.unresolved_breach_count() == 0
    assert activity.can_mark_complete


def test_a_youth_exchange_must_be_ready_before_it_is_complete():
    activity = youth_exchange()

    assert not activity.can_mark_complete
    assert activity.complete_check().reason == (
        "An activity with young people must be ready to travel before it is complete"
    )


@pytest.mark.parametrize("state", [Activity.State.COMPLETE, Activity.State.CANCELLED])
def test_completing_is_not_offered_once_complete_or_cancelled(state):
    activity = ActivityFactory(state=state)

    check = activity.complete_check()

    assert not check.offered
    assert not activity.can_mark_complete


def test_the_count_of_unresolved_breaches_comes_from_the_selector_when_it_has_counted():
    activity = CostFactory(breach="Business class").activity
    GiftFactory(activity=activity, partnership=activity.partnership, breach="Worth £150.00")

    assert activity.unresolved_breach_count() == 2
    assert selectors.activity_detail(activity.pk).unresolved_breach_count() == 2


# ---- approving a breach ------------------------------------------------------------------------------


def test_only_a_second_person_with_the_permission_may_approve_a_justified_breach(officer, colleague, member):
    cost = CostFactory(
        breach="Business class", justification="Medical advice", recorded_by=officer, justified_by=officer
    )

    assert not cost.can_be_approved_by(officer)
    assert cost.approval_refusal(officer) == "A second person must approve: you recorded this yourself"
    assert not cost.can_be_approved_by(member)
    assert cost.can_be_approved_by(colleague)


def test_the_service_refuses_the_recorder_with_the_same_rule(officer):
    cost = CostFactory(
        breach="Business class", justification="Medical advice", recorded_by=officer, justified_by=officer
    )

    with pytest.raises(ValidationError) as error:
        services.breach_approve(item=cost, by=officer)

    assert error.value.messages == [cost.approval_refusal(officer)]


@pytest.mark.parametrize(
    ("fields", "refusal"),
    [
        ({"breach": ""}, "This breaks none of the rules: there is nothing to approve"),
        ({"justification": ""}, "A breach needs a written justification before approval"),
    ],
)
def test_a_breach_is_approved_only_once_justified(colleague, fields, refusal):
    gift = GiftFactory(**{"breach": "Worth £150.00", "justification": "Protocol", **fields})

    assert not gift.can_be_approved_by(colleague)
    assert gift.approval_refusal(colleague) == refusal


def test_an_approved_breach_is_not_approved_again(officer, colleague):
    cost = CostFactory(breach="Business class", justification="Medical advice", approved_by=colleague)

    assert not cost.can_be_approved_by(officer)
    with pytest.raises(ValidationError, match="already approved"):
        services.breach_approve(item=cost, by=officer)


# ---- the conduct policy in force ---------------------------------------------------------------------


def policies() -> list[ConductPolicy]:
    return [
        ConductPolicy(in_force_from=date(2020, 4, 1)),
        ConductPolicy(in_force_from=date(2026, 7, 1)),
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2020, 3, 31), None),
        (date(2020, 4, 1), date(2020, 4, 1)),
        (date(2026, 6, 30), date(2020, 4, 1)),
        (date(2026, 7, 1), date(2026, 7, 1)),
        (date(2030, 1, 1), date(2026, 7, 1)),
    ],
)
def test_the_policy_in_force_is_the_latest_in_force_on_or_before_the_day(day, expected):
    for order in (policies(), list(reversed(policies()))):
        policy = policy_in_force(order, day)
        assert (policy.in_force_from if policy else None) == expected


def test_the_database_and_a_loaded_list_agree_on_the_policy_in_force():
    ConductPolicyFactory(in_force_from=date(2020, 4, 1))
    ConductPolicyFactory(in_force_from=date(2026, 7, 1))
    loaded = list(ConductPolicy.objects.all())

    for day in (date(2020, 3, 31), date(2026, 6, 30), date(2026, 7, 1)):
        assert ConductPolicy.objects.in_force_on(day) == policy_in_force(loaded, day)


# ---- gift flags, from the selector -------------------------------------------------------------------


def test_the_gift_selector_flags_each_gift_under_the_policy_of_its_date():
    ConductPolicyFactory()
    late = GiftFactory(
        direction=Gift.Direction.RECEIVED,
        counterparty="Acme Ltd",
        value=Decimal("150.00"),
        given_on=date(2026, 5, 1),
        registered_on=date(2026, 6, 15),
        declared=True,
    )
    GiftFactory(direction=Gift.Direction.GIVEN, counterparty="Acme Ltd", value=Decimal("150.00"))

    gifts = {gift.pk: gift for gift in selectors.with_gift_flags(selectors.gift_register())}

    assert [flag.code for flag in gifts[late.pk].flags] == ["late", "not_handed_over", "source_total"]
    given = next(gift for pk, gift in gifts.items() if pk != late.pk)
    assert given.flags == []  # a gift the council gave counts toward no source's total
