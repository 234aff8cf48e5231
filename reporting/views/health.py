"""The partnership health table: sortable by every column (django-tables2), filterable (django-filter)."""

import django_tables2 as tables
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils import dateformat
from django.utils.html import format_html
from django_tables2 import RequestConfig

from intlinks.money import format_money
from partnerships.models import AnnualReview
from reporting.filters import HealthFilter
from reporting.selectors.health import partnership_health

NUMERIC = {"td": {"class": "govuk-table__cell--numeric"}, "th": {"class": "govuk-table__header--numeric"}}


class DayColumn(tables.Column):
    """A date as "1 Apr 2026", formatted in Python: django-tables2's DateColumn renders a template for
    each cell, a third of the page's time at a hundred links."""

    def render(self, value):
        return dateformat.format(value, "j M Y")


class HealthTable(tables.Table):
    link = tables.Column(verbose_name="Link", accessor="place__name", order_by=("place__name", "kind", "pk"))
    status = tables.Column(verbose_name="Status")
    depth = tables.Column(verbose_name="Depth")
    last_activity_on = DayColumn(verbose_name="Last activity")
    last_reviewed_on = DayColumn(verbose_name="Last review")
    last_review_rag = tables.Column(verbose_name="RAG")
    next_review_due = DayColumn(verbose_name="Next review due")
    year_activities = tables.Column(verbose_name="Activities this year", attrs=NUMERIC)
    year_spend = tables.Column(verbose_name="Council spend this year", attrs=NUMERIC)
    drifting = tables.Column(verbose_name="Drifting")

    class Meta:
        template_name = "reporting/_sortable_table.html"
        orderable = True
        empty_text = "No links match."

    def render_link(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a><br><span class="govuk-body-s">{}</span>',
            record.get_absolute_url(),
            record.place.name,
            record.get_kind_display(),
        )

    def render_status(self, record):
        return record.get_status_display()

    def render_depth(self, record):
        return record.get_depth_display()

    def render_last_review_rag(self, value):
        return AnnualReview.Rag(value).label

    def render_year_spend(self, value):
        return format_money(value)

    def render_drifting(self, value):
        return (
            format_html('<strong class="govuk-tag govuk-tag--yellow">{}</strong>', "Drifting")
            if value
            else "No"
        )


@permission_required("partnerships.view_partnership", raise_exception=True)
def partnership_health_table(request):
    """Every link's status, reviews, activity and spend this year, and drift: one query for the rows."""
    links, year = partnership_health()
    filtered = HealthFilter(request.GET, queryset=links)
    table = HealthTable(filtered.qs)
    # Every link fits on one page (a council keeps tens, at most a few hundred): no pagination.
    RequestConfig(request, paginate=False).configure(table)
    context = {
        "filter": filtered,
        "table": table,
        "year": year,
        "cleared_query": "",
        "crumbs": [("Partnership health", None)],
    }
    return render(request, "reporting/health.html", context)
