"""The synthetic council: every row keeps the rules the services keep, reproducibly, in an empty database."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from pypdf import PdfReader

from intlinks.money import ZERO
from intlinks.seeding import HISTORY_REASON
from partnerships.conduct import breach_text, check_cost, check_gift
from partnerships.models import (
    ALLOWED_MOVES,
    STARTING_STATUSES,
    Activity,
    ConductPolicy,
    Cost,
    Evidence,
    Gift,
    Partnership,
    Place,
    Status,
)
from partnerships.seeding import PROFILES, SEEDED_APPS, refusal, seed_council
from partnerships.uploads import validate_agreement_document
from strategy.financial_years import financial_year_of
from strategy.models import Budget

pytestmark = pytest.mark.django_db

TODAY = date(2025, 8, 14)  # fixed, so the council is the same whenever the test runs
SAMPLE = 20


def seeded_models():
    for app in SEEDED_APPS:
        for model in apps.get_app_config(app).get_models():
            if not model.__name__.startswith("Historical"):
                yield model


def sample(model):
    """Up to SAMPLE rows spread over the whole table."""
    pks = list(model.objects.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(pks) // SAMPLE)
    return model.objects.filter(pk__in=pks[::step])


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the one example risk assessment is written here


@pytest.fixture
def small():
    seed_council(profile=PROFILES["small"], seed=7, today=TODAY)


def test_every_model_has_rows_and_a_sample_of_each_passes_full_clean(small):
    for model in seeded_models():
        rows = list(sample(model))
        assert rows, f"no {model._meta.label} seeded"
        for row in rows:
            row.full_clean()


def test_the_large_profiles_shape_passes_full_clean_on_a_sample_of_every_model():
    # All of the large profile but its volume: 100 links, twenty years, its plans and officers, with
    # fewer activities and gifts a year so that the test stays quick. What differs is only how many.
    seed_council(profile=PROFILES["large"].scaled(activities_per_year=15, gifts=150), seed=1, today=TODAY)
    for model in seeded_models():
        for row in sample(model):
            row.full_clean()


def policy_on(day):
    return ConductPolicy.objects.prefetch_related("hotel_caps").in_force_on(day)


def test_costs_are_converted_and_flagged_as_the_service_would(small):
    for cost in sample(Cost).union(Cost.objects.exclude(breach="")[:SAMPLE]):
        stored_gbp, stored_breach = cost.amount_gbp, cost.breach
        cost.full_clean()
        assert cost.converted_amount() == stored_gbp
        assert breach_text(check_cost(cost, policy_on(cost.incurred_on))) == stored_breach
    for gift in sample(Gift):
        assert breach_text(check_gift(gift, policy_on(gift.given_on))) == gift.breach


def test_breaches_currencies_kinds_and_statuses_are_all_there(small):
    assert Cost.objects.exclude(breach="").exists()
    assert Cost.objects.exclude(breach="").filter(approved_by__isnull=False).exists()
    assert Cost.objects.unresolved().exists()
    assert Cost.objects.values("currency").distinct().count() >= 3
    assert set(Partnership.objects.values_list("kind", flat=True)) == set(Partnership.Kind)
    assert set(Partnership.objects.values_list("status", flat=True)) == set(Status)


def test_every_links_status_history_follows_the_life_cycle(small):
    for link in Partnership.objects.prefetch_related("status_changes"):
        changes = list(link.status_changes.order_by("changed_on", "pk"))
        assert changes[0].from_status == ""
        assert changes[0].to_status in STARTING_STATUSES
        for before, after in zip(changes, changes[1:], strict=False):
            assert after.from_status == before.to_status
            assert after.to_status in ALLOWED_MOVES[before.to_status]
        assert changes[-1].to_status == link.status
        assert changes[-1].changed_on <= TODAY


def test_budget_lines_add_up_and_costs_are_charged_to_their_own_years_budget(small):
    for budget in Budget.objects.all():
        assert budget.lines.aggregate(total=Sum("allocation"))["total"] == budget.controllable_total
    council = Cost.objects.filter(paid_by=Cost.PaidBy.COUNCIL).select_related("budget_line__budget")
    assert council.exists()
    for cost in council:
        assert cost.budget_line.budget.financial_year == financial_year_of(cost.incurred_on).start
    assert not Cost.objects.exclude(paid_by=Cost.PaidBy.COUNCIL).filter(budget_line__isnull=False).exists()


def test_activities_are_complete_only_when_their_breaches_are_resolved(small):
    complete = Activity.objects.filter(state=Activity.State.COMPLETE)
    assert complete.exists()
    assert not Cost.objects.unresolved().filter(activity__in=complete).exists()
    gated = Activity.objects.filter(Q(young_people__gt=0) | Q(kind__in=Activity.TRAVELLING_KINDS))
    ready_or_complete = gated.filter(state__in=[Activity.State.READY, Activity.State.COMPLETE])
    assert ready_or_complete.filter(young_people=0).exists()
    assert ready_or_complete.filter(young_people__gt=0).exists()
    for activity in ready_or_complete.prefetch_related("evidence"):
        assert activity.readiness_missing() == []
    assert not Activity.objects.filter(
        paid_from_public_funds=False, costs__paid_by=Cost.PaidBy.COUNCIL
    ).exists()


def test_the_example_risk_assessment_is_a_pdf_the_upload_check_accepts(small):
    evidence = Evidence.objects.first()
    assert evidence.kind == Evidence.Kind.RISK_ASSESSMENT
    with evidence.file.open("rb") as stored:
        document = ContentFile(stored.read(), name="risk-assessment.pdf")
    validate_agreement_document(document)  # what an officer's upload must pass
    assert "Example" in PdfReader(document).pages[0].extract_text()


def test_the_small_profile_has_its_sizes(small):
    profile = PROFILES["small"]
    assert Partnership.objects.count() == profile.partnerships
    assert Activity.objects.count() == profile.years * profile.activities_per_year
    assert Gift.objects.count() == profile.gifts
    assert Budget.objects.count() == profile.years
    assert max(Budget.objects.values_list("financial_year", flat=True)) == financial_year_of(TODAY).start


def test_grants_go_through_every_state_decided_by_a_member_present_at_a_meeting(small):
    from intlinks.roles import MEMBER
    from partnerships.models import GrantApplication, Meeting

    assert set(GrantApplication.objects.values_list("state", flat=True)) == set(GrantApplication.State)
    decided = GrantApplication.objects.filter(meeting__isnull=False).select_related("meeting")
    assert decided.exists()
    for grant in decided:
        assert grant.meeting.members_present.filter(pk=grant.decided_by_id).exists()
        assert grant.decided_by.groups.filter(name=MEMBER).exists()
        assert grant.decided_by_id not in (grant.submitted_by_id, grant.paid_by_id)
        assert timezone.localtime(grant.decided_at).date() == grant.meeting.held_on <= TODAY
        assert grant.meeting.items.filter(grant_application=grant).exists()
        assert grant.budget_line.name == "Grants to twinning associations"
        assert grant.budget_line.budget.financial_year == financial_year_of(grant.meeting.held_on).start
        if grant.amount_paid is not None:
            assert grant.amount_paid <= grant.amount_approved <= grant.amount_requested
            assert grant.meeting.held_on <= grant.paid_on <= TODAY
    for meeting in Meeting.objects.prefetch_related("members_present__groups"):
        assert meeting.members_present.exists()
        assert all(m.groups.filter(name=MEMBER).exists() for m in meeting.members_present.all())
        assert set(meeting.items.values_list("kind", flat=True)) >= {"dashboard", "other", "review"}
    # Every step of an application's life is in its trail, in order, ending at its state.
    for grant in GrantApplication.objects.prefetch_related("state_changes"):
        states = ["draft", *[change.to_state for change in grant.state_changes.all()]]
        assert [change.from_state for change in grant.state_changes.all()] == states[:-1]
        assert states[-1] == grant.state


class Rollback(Exception):
    pass


def fingerprint(profile, seed) -> dict:
    """Counts and sample values of a council seeded inside a transaction that is then rolled back."""
    try:
        with transaction.atomic():
            seed_council(profile=profile, seed=seed, today=TODAY)
            result = {model._meta.label: model.objects.count() for model in seeded_models()}
            result["activities"] = list(
                Activity.objects.order_by("starts_on", "title", "ends_on").values_list(
                    "title", "starts_on", "state"
                )
            )[::17]
            result["costs"] = list(
                Cost.objects.order_by("incurred_on", "amount").values_list("amount", "currency")
            )[::23]
            result["spend"] = Cost.objects.aggregate(total=Sum("amount_gbp"))["total"]
            raise Rollback
    except Rollback:
        return result


def test_the_same_seed_gives_the_same_council_and_another_seed_another():
    tiny = PROFILES["large"].scaled(
        partnerships=14, years=5, activities_per_year=30, gifts=40, actions_per_plan=6
    )
    first, again, other = fingerprint(tiny, 3), fingerprint(tiny, 3), fingerprint(tiny, 4)
    assert first == again
    assert first["spend"] > ZERO
    assert first["activities"] != other["activities"]
    assert first["partnerships.Partnership"] == 14


def test_refuses_a_database_that_already_holds_records():
    Place.objects.create(name="Strasbourg", country="FR")
    assert "already holds" in refusal()
    with pytest.raises(ValueError, match="empty database"):
        seed_council(profile=PROFILES["small"], seed=1, today=TODAY)
    with pytest.raises(CommandError, match="empty database") as refused:
        call_command("seed_scale", profile="small", stdout=io.StringIO())
    assert "\n" not in str(refused.value)
    assert not Partnership.objects.exists()


def test_command_seeds_and_prints_the_rows_of_every_model():
    out = io.StringIO()
    call_command("seed_scale", profile="small", seed=2, stdout=out)
    assert "Seeded the small profile (seed 2)" in out.getvalue()
    assert "partnerships.Activity " in out.getvalue()
    assert Activity.objects.count() == 200
    # Seeded rows keep their history from the day they are created, saying where they came from.
    assert Activity.history.count() == 200
    assert set(Cost.history.values_list("history_change_reason", flat=True)) == {HISTORY_REASON}
