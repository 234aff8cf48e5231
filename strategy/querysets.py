"""Queryset methods that decide what the action pages read, in a fixed number of queries."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, ExpressionWrapper, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone


class ActionQuerySet(models.QuerySet):
    def with_progress(self, *, today: date | None = None) -> "ActionQuerySet":
        """Annotate each action's current status and RAG (from its latest update) and its flags.

        `current_status`, `current_rag` (``not_rated`` before any update), `last_update_at`,
        `is_overdue` (past its due date and neither complete nor dropped) and `is_stale` (open, and no
        update for longer than settings.ACTION_UPDATE_INTERVAL_DAYS, counted from its creation when it
        has never had one).
        """
        from strategy.models import CLOSED_STATUSES, NOT_RATED, ActionStatus, ProgressUpdate

        today = today or timezone.localdate()
        stale_before = today - timedelta(days=settings.ACTION_UPDATE_INTERVAL_DAYS)
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-recorded_at", "-pk")
        open_ = ~Q(current_status__in=CLOSED_STATUSES)
        return self.annotate(
            current_status=Coalesce(Subquery(latest.values("status")[:1]), Value(ActionStatus.NOT_STARTED)),
            current_rag=Coalesce(Subquery(latest.values("rag")[:1]), Value(NOT_RATED)),
            last_update_at=Subquery(latest.values("recorded_at")[:1]),
            last_activity_on=ExpressionWrapper(
                TruncDate(Coalesce(F("last_update_at"), F("created_at"))), output_field=models.DateField()
            ),
        ).annotate(
            is_overdue=Case(
                When(open_ & Q(due_date__lt=today), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
            is_stale=Case(
                When(open_ & Q(last_activity_on__lt=stale_before), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
        )
