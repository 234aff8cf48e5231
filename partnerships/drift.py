"""The one place that decides whether a link is *drifting*.

Kent's strategy reviews every partnership each year "to avoid drift". A link is drifting when it is
live (formalised/active, under review or dormant) and has had no annual review in the last 12 months,
or, once it has activities in the log, no activity (other than a cancelled one) in the last 12 months.
"""

from datetime import date

from django.db import models
from django.db.models import BooleanField, Case, Max, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

# Links in these states are expected to be reviewed every year; prospective and ended ones are not.
REVIEWED_STATUSES = ("active", "under_review", "dormant")


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


class PartnershipQuerySet(models.QuerySet):
    def with_drift(self, today: date | None = None):
        """Annotate `last_reviewed_on`, `last_activity_on` and `drifting` on every link, in the same query."""
        from partnerships.models import Activity

        since = twelve_months_before(today or timezone.localdate())
        # Spelled out, not negated: a link never reviewed has a NULL last review, which NOT(>=) misses.
        not_reviewed_recently = Q(last_reviewed_on__isnull=True) | Q(last_reviewed_on__lt=since)
        # A link with no activity logged at all is judged on its reviews alone.
        no_recent_activity = Q(last_activity_on__isnull=False, last_activity_on__lt=since)
        last_activity = (
            Activity.objects.filter(partnership=OuterRef("pk"))
            .exclude(state=Activity.State.CANCELLED)
            .order_by("-starts_on")
            .values("starts_on")[:1]
        )
        return self.annotate(
            last_reviewed_on=Max("reviews__reviewed_on"), last_activity_on=Subquery(last_activity)
        ).annotate(
            drifting=Case(
                When(
                    Q(status__in=REVIEWED_STATUSES) & (not_reviewed_recently | no_recent_activity),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )

    def drifting(self, today: date | None = None):
        return self.with_drift(today).filter(drifting=True)
