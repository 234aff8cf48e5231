from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerships import services
from partnerships.models import Agreement, AnnualReview, Partnership, Status, StatusChange
from partnerships.tests.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    AppraisalFactory,
    PartnershipFactory,
    PlaceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(raised) -> dict[str, list[str]]:
    return raised.value.message_dict


# ---- life cycle ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (Status.APPROACH_RECEIVED, Status.EXPLORING),
        (Status.EXPLORING, Status.ACTIVE),
        (Status.ACTIVE, Status.UNDER_REVIEW),
        (Status.UNDER_REVIEW, Status.DORMANT),
        (Status.DORMANT, Status.ACTIVE),
        (Status.ACTIVE, Status.ENDED),
    ],
)
def test_allowed_moves_change_the_status_and_record_when_who_and_why(officer, start, to):
    link = PartnershipFactory(status=start)

    change = services.partnership_change_status(
        partnership=link, to=to, by=officer, reason="Agreed at the working party", on=date(2026, 3, 1)
    )

    link.refresh_from_db()
    assert link.status == to
    assert (change.from_status, change.to_status, change.changed_by, change.changed_on, change.reason) == (
        start,
        to,
        officer,
        date(2026, 3, 1),
        "Agreed at the working party",
    )


def test_refuses_move_from_ended_to_active_and_records_nothing(officer):
    link = PartnershipFactory(status=Status.ENDED)

    with pytest.raises(ValidationError) as raised:
        services.partnership_change_status(partnership=link, to=Status.ACTIVE, by=officer, reason="Revive it")

    assert "an ended link cannot move again" in errors_of(raised)["to"][0]
    link.refresh_from_db()
    assert link.status == Status.ENDED
    assert not StatusChange.objects.exists()


def test_refuses_skipping_exploration_with_a_message_naming_the_allowed_moves(officer):
    link = PartnershipFactory(status=Status.APPROACH_RECEIVED)

    with pytest.raises(ValidationError) as raised:
        services.partnership_change_status(partnership=link, to=Status.ACTIVE, by=officer, reason="Sign it")

    assert errors_of(raised)["to"] == [
        "A link cannot move from approach received to formalised/active; it can move to: exploring, ended"
    ]


def test_refuses_a_change_dated_in_the_future_or_before_the_last_change_or_without_a_reason(officer):
    link = PartnershipFactory(status=Status.APPROACH_RECEIVED)
    services.partnership_change_status(
        partnership=link, to=Status.EXPLORING, by=officer, reason="Visit", on=date(2026, 5, 1)
    )

    with pytest.raises(ValidationError) as future:
        services.partnership_change_status(
            partnership=link, to=Status.ACTIVE, by=officer, reason="x", on=date.today() + timedelta(days=9)
        )
    with pytest.raises(ValidationError) as earlier:
        services.partnership_change_status(
            partnership=link, to=Status.ACTIVE, by=officer, reason="x", on=date(2026, 4, 30)
        )
    with pytest.raises(ValidationError) as no_reason:
        services.partnership_change_status(partnership=link, to=Status.ACTIVE, by=officer, reason="  ")

    assert errors_of(future)["on"] == ["The date of the change cannot be in the future"]
    assert "before the last recorded change (1 May 2026)" in errors_of(earlier)["on"][0]
    assert errors_of(no_reason)["reason"] == ["Enter why the status is changing"]
    assert StatusChange.objects.count() == 1


def test_creating_a_link_records_its_first_status_and_themes(officer):
    theme = ThemeFactory(name="Culture")
    link = Partnership(place=PlaceFactory(), kind="friendship", status=Status.APPROACH_RECEIVED)

    services.partnership_create(partnership=link, themes=[theme], by=officer)

    assert list(link.themes.all()) == [theme]
    first = link.status_changes.get()
    assert (first.from_status, first.to_status, first.changed_by) == ("", Status.APPROACH_RECEIVED, officer)


def test_a_new_link_cannot_start_as_ended_or_dormant(officer):
    link = Partnership(place=PlaceFactory(), kind=Partnership.Kind.FRIENDSHIP, status=Status.DORMANT)

    with pytest.raises(ValidationError) as raised:
        services.partnership_create(partnership=link, by=officer)

    assert "status" in errors_of(raised)
    assert not Partnership.objects.exists()


def test_editing_a_link_cannot_change_its_status_behind_the_life_cycle():
    link = PartnershipFactory(status=Status.ENDED)
    link.status = Status.ACTIVE

    with pytest.raises(ValidationError) as raised:
        services.partnership_update(partnership=link, themes=[])

    assert "Change status" in errors_of(raised)["status"][0]


# ---- bad input -----------------------------------------------------------------------------------------


def test_refuses_a_second_live_link_of_the_same_kind_to_the_same_place(officer):
    existing = PartnershipFactory(status=Status.ACTIVE)
    duplicate = Partnership(place=existing.place, kind=existing.kind, status=Status.EXPLORING)

    with pytest.raises(ValidationError) as raised:
        services.partnership_create(partnership=duplicate, by=officer)

    assert errors_of(raised)["place"] == ["This place already has a link of this kind that has not ended"]
    assert Partnership.objects.count() == 1


def test_a_place_may_have_a_new_link_once_the_old_one_has_ended(officer):
    ended = PartnershipFactory(status=Status.ENDED)

    services.partnership_create(
        partnership=Partnership(place=ended.place, kind=ended.kind, status=Status.EXPLORING), by=officer
    )

    assert ended.place.partnerships.count() == 2


def test_refuses_a_future_start_year_for_an_established_link_but_not_for_a_prospective_one(officer):
    next_year = timezone.localdate().year + 1
    established = Partnership(place=PlaceFactory(), kind="mou", status=Status.ACTIVE, began_year=next_year)
    prospective = Partnership(place=PlaceFactory(), kind="mou", status=Status.EXPLORING, began_year=next_year)

    with pytest.raises(ValidationError) as raised:
        services.partnership_create(partnership=established, by=officer)
    services.partnership_create(partnership=prospective, by=officer)

    assert errors_of(raised)["began_year"] == [
        f"An established link cannot begin after this year ({timezone.localdate().year})"
    ]
    assert list(Partnership.objects.all()) == [prospective]


def test_refuses_an_agreement_ending_before_it_was_signed():
    link = PartnershipFactory()
    agreement = Agreement(
        partnership=link, kind="mou", signed_on=date(2024, 5, 1), ends_on=date(2024, 4, 1), signatories="x"
    )

    with pytest.raises(ValidationError) as raised:
        services.agreement_save(agreement=agreement)

    assert errors_of(raised)["ends_on"] == ["The end date must be after the date signed"]
    assert not Agreement.objects.exists()


def test_a_charter_has_no_end_date():
    agreement = AgreementFactory.build(partnership=PartnershipFactory(), ends_on=date(2030, 1, 1))

    with pytest.raises(ValidationError) as raised:
        services.agreement_save(agreement=agreement)

    assert "A twinning charter has no end date" in errors_of(raised)["ends_on"][0]


def test_refuses_a_review_whose_next_review_is_due_before_it():
    review = AnnualReviewFactory.build(
        partnership=PartnershipFactory(), reviewed_on=date(2026, 6, 1), next_review_due=date(2026, 5, 1)
    )

    with pytest.raises(ValidationError) as raised:
        services.review_record(review=review)

    assert errors_of(raised)["next_review_due"] == [
        "The next review must be due after the date of this review"
    ]
    assert not AnnualReview.objects.exists()


def test_agreement_warns_before_it_lapses():
    today = date(2026, 11, 23)
    lapsing = AgreementFactory.build(kind=Agreement.Kind.MOU, ends_on=today + timedelta(days=60))
    distant = AgreementFactory.build(kind=Agreement.Kind.MOU, ends_on=today + timedelta(days=400))
    lapsed = AgreementFactory.build(kind=Agreement.Kind.MOU, ends_on=today - timedelta(days=1))

    assert [a.lapse_state(today) for a in (lapsing, distant, lapsed)] == ["lapsing", "", "lapsed"]


# ---- appraisal -----------------------------------------------------------------------------------------


def test_appraisal_scores_add_up_out_of_twelve_and_meet_the_criteria_only_when_each_is_partly_met():
    scores = {"similar_characteristics_score": 3, "similar_opportunities_score": 3}
    appraisal = AppraisalFactory.build(**scores, accessible_score=2, local_relevance_score=2)
    weak = AppraisalFactory.build(**scores, accessible_score=3, local_relevance_score=1)

    assert (appraisal.criteria_score, appraisal.meets_criteria) == (10, True)
    assert (weak.criteria_score, weak.meets_criteria) == (10, False)


def test_accepting_an_appraisal_formalises_the_link_being_explored(officer):
    appraisal = AppraisalFactory()

    change = services.appraisal_accept(appraisal=appraisal, by=officer)

    appraisal.refresh_from_db()
    assert appraisal.partnership.status == Status.ACTIVE
    assert (change.from_status, change.to_status) == (Status.EXPLORING, Status.ACTIVE)
    assert "criteria score 9 out of 12" in change.reason
    assert appraisal.accepted_by == officer


def test_refuses_to_accept_an_appraisal_that_does_not_recommend_formalising(officer):
    appraisal = AppraisalFactory(recommendation="decline")

    with pytest.raises(ValidationError, match="recommends formalising"):
        services.appraisal_accept(appraisal=appraisal, by=officer)

    appraisal.partnership.refresh_from_db()
    assert appraisal.partnership.status == Status.EXPLORING


def test_refuses_to_accept_an_appraisal_of_a_link_not_being_explored(officer):
    appraisal = AppraisalFactory(partnership=PartnershipFactory(status=Status.APPROACH_RECEIVED))

    with pytest.raises(ValidationError, match="Only a link being explored can be formalised"):
        services.appraisal_accept(appraisal=appraisal, by=officer)

    assert not StatusChange.objects.exists()


@pytest.mark.parametrize(
    ("recommendation", "status", "already_accepted"),
    [
        ("proceed", Status.EXPLORING, False),
        ("proceed", Status.EXPLORING, True),
        ("decline", Status.EXPLORING, False),
        ("explore_further", Status.EXPLORING, False),
        ("proceed", Status.APPROACH_RECEIVED, False),
        ("proceed", Status.ACTIVE, False),
    ],
)
def test_the_page_offers_acceptance_exactly_when_the_service_would_accept(
    officer, recommendation, status, already_accepted
):
    appraisal = AppraisalFactory(
        recommendation=recommendation,
        partnership=PartnershipFactory(status=status),
        accepted_on=date(2026, 1, 1) if already_accepted else None,
    )
    offered, refusal = appraisal.can_be_accepted, appraisal.acceptance_refusal()

    try:
        services.appraisal_accept(appraisal=appraisal, by=officer)
    except ValidationError as error:
        refused_with = error.messages
    else:
        refused_with = []

    assert (offered, refused_with) == (not refusal, [refusal] if refusal else [])


@pytest.mark.parametrize("status", Status.values)
def test_a_status_change_is_offered_exactly_when_the_life_cycle_allows_a_move(officer, status):
    offered = dict(PartnershipFactory(status=status).allowed_moves())

    def service_allows(to) -> bool:
        try:
            services.partnership_change_status(
                partnership=PartnershipFactory(status=status), to=to, by=officer, reason="r"
            )
        except ValidationError:
            return False
        return True

    assert set(offered) == {to for to in Status.values if service_allows(to)}
    assert PartnershipFactory(status=status).can_change_status == bool(offered)
