from datetime import date

import pytest

from partnerships.models import Partnership, Status
from partnerships.models.links import twelve_months_before
from partnerships.tests.factories import ActivityFactory, AnnualReviewFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


def drifting_places(today=TODAY) -> set[str]:
    return set(Partnership.objects.drifting(today).values_list("place__name", flat=True))


def test_a_live_link_never_reviewed_is_drifting():
    link = PartnershipFactory(place__name="Krefeld")

    assert drifting_places() == {"Krefeld"}
    assert link.is_drifting


def test_a_review_in_the_last_12_months_stops_the_drift_and_an_older_one_does_not():
    recent = AnnualReviewFactory(partnership__place__name="Strasbourg", reviewed_on=date(2025, 11, 23))
    AnnualReviewFactory(partnership__place__name="Masaya", reviewed_on=date(2025, 11, 22))

    assert drifting_places() == {"Masaya"}
    assert Partnership.objects.with_drift(TODAY).get(pk=recent.partnership.pk).last_reviewed_on == date(
        2025, 11, 23
    )


def test_only_the_latest_review_counts():
    link = PartnershipFactory(place__name="Rajkot")
    AnnualReviewFactory(partnership=link, reviewed_on=date(2020, 1, 1))
    AnnualReviewFactory(partnership=link, reviewed_on=date(2026, 6, 1))

    assert drifting_places() == set()


@pytest.mark.parametrize("status", [Status.APPROACH_RECEIVED, Status.EXPLORING, Status.ENDED])
def test_prospective_and_ended_links_do_not_drift(status):
    link = PartnershipFactory(status=status)

    assert drifting_places() == set()
    assert not link.is_drifting


@pytest.mark.parametrize("status", [Status.ACTIVE, Status.UNDER_REVIEW, Status.DORMANT])
def test_formalised_links_under_review_or_dormant_drift_without_a_review(status):
    PartnershipFactory(status=status, place__name="Haskovo")

    assert drifting_places() == {"Haskovo"}


def test_the_property_of_one_row_agrees_with_the_list():
    drifting = PartnershipFactory()
    reviewed = AnnualReviewFactory().partnership
    fresh = Partnership.objects.get(pk=reviewed.pk)  # no annotation: the property asks the queryset

    assert (drifting.is_drifting, fresh.is_drifting) == (True, False)


def test_twelve_months_before_a_leap_day_is_the_28th_of_february():
    assert twelve_months_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert twelve_months_before(TODAY) == date(2025, 11, 23)


def test_once_activities_exist_a_link_without_one_in_the_last_12_months_is_drifting():
    quiet = AnnualReviewFactory(partnership__place__name="Haskovo", reviewed_on=date(2026, 9, 1)).partnership
    busy = AnnualReviewFactory(partnership__place__name="Krefeld", reviewed_on=date(2026, 9, 1)).partnership
    AnnualReviewFactory(partnership__place__name="Masaya", reviewed_on=date(2026, 9, 1))  # no activity yet
    ActivityFactory(partnership=quiet, starts_on=date(2025, 11, 22), ends_on=date(2025, 11, 22))
    ActivityFactory(partnership=busy, starts_on=date(2025, 11, 23), ends_on=date(2025, 11, 23))

    assert drifting_places() == {"Haskovo"}
