"""Reads for working party meetings: the list, one meeting with its agenda, and its papers."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from intlinks.money import MONEY_FIELD, ZERO_MONEY
from partnerships.models import AgendaItem, Cost, GrantApplication, Meeting, Partnership
from strategy.financial_years import financial_year_of
from strategy.selectors.budgets import budget_lines_remaining


def meeting_list() -> QuerySet[Meeting]:
    """Every meeting, the latest first, with how many items its agenda has."""
    from django.db.models import Count

    return Meeting.objects.annotate(item_count=Count("items")).order_by("-held_on", "-pk")


def _items_queryset():
    return AgendaItem.objects.select_related(
        "grant_application__organisation",
        "grant_application__budget_line__budget",
        "grant_application__meeting",
        "grant_application__decided_by",
        "partnership__place",
    )


def meeting_detail(pk: int) -> Meeting:
    """One meeting with its members present and agenda (each grant with its organisation and line)."""
    return (
        Meeting.objects.select_related("recorded_by")
        .prefetch_related("members_present", Prefetch("items", queryset=_items_queryset()))
        .get(pk=pk)
    )


@dataclass
class MeetingPapers:
    meeting: Meeting
    line_remaining: dict[int, Decimal] = field(default_factory=dict)
    links: dict[int, Partnership] = field(default_factory=dict)
    year_label: str = ""


def meeting_papers(pk: int) -> MeetingPapers:
    """Everything the meeting's papers print, from live data, in a fixed number of queries: each grant
    item's application and what its budget line has left; each link's status, last review, last
    activity and this financial year's spend."""
    meeting = meeting_detail(pk)
    items = list(meeting.items.all())
    year = financial_year_of(timezone.localdate())
    lines = [item.grant_application.budget_line for item in items if item.grant_application_id]
    spend = (
        Cost.objects.current()
        .filter(
            activity__partnership=OuterRef("pk"),
            stage=Cost.Stage.ACTUAL,
            paid_by=Cost.PaidBy.COUNCIL,
            incurred_on__range=(year.first_day, year.last_day),
        )
        .values("activity__partnership")
        .annotate(total=Sum("amount_gbp"))
        .values("total")
    )
    link_ids = [item.partnership_id for item in items if item.partnership_id]
    links = (
        Partnership.objects.with_drift()
        .select_related("place")
        .filter(pk__in=link_ids)
        .annotate(spend_this_year=Coalesce(Subquery(spend, output_field=MONEY_FIELD), ZERO_MONEY))
        if link_ids
        else []
    )
    papers = MeetingPapers(
        meeting=meeting,
        line_remaining=budget_lines_remaining(lines=lines) if lines else {},
        links={link.pk: link for link in links},
        year_label=year.label,
    )
    for item in items:  # what each item prints, on the item the template walks through
        if item.grant_application_id:
            item.line_left = papers.line_remaining[item.grant_application.budget_line_id]
        if item.partnership_id:
            item.link = papers.links[item.partnership_id]
    return papers


def grants_open_for_agenda() -> QuerySet[GrantApplication]:
    """Applications a meeting's agenda may take: submitted, or already considered."""
    return (
        GrantApplication.objects.current()
        .filter(state__in=GrantApplication.STEP_FROM["consider"])
        .select_related("organisation")
    )
