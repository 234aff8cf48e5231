"""The register's downloads, one declaration a list: links, places, activities, costs, gifts and
hospitality, external funding and grant applications (intlinks.exports, issue 14).

Each list page's "Download" links and the whole-council export read these same columns.
"""

from operator import itemgetter

from django.db.models import QuerySet

from intlinks.csv_export import in_chunks
from intlinks.exports import Column, Export
from intlinks.templatetags.intlinks import person_name
from partnerships import selectors
from partnerships.models import Activity, Cost
from strategy.financial_years import financial_year_of


def _yes(value) -> bool:
    return bool(value)


def _place(record) -> str:
    return str(record.partnership.place) if record.partnership_id else ""


LINKS = Export(
    name="partnerships",
    title="Partnerships",
    about="Every current link with a partner place, one row a link.",
    columns=[
        Column("Place", lambda link: link.place.name),
        Column("Country", lambda link: link.place.country.name),
        Column("Kind of link", lambda link: link.get_kind_display()),
        Column("Depth", lambda link: link.get_depth_display()),
        Column("Status", lambda link: link.get_status_display()),
        Column("Began", lambda link: link.began_year, "The year the link began, if known."),
        Column("Lead officer", lambda link: person_name(link.lead_officer) if link.lead_officer else ""),
        Column("Lead councillor", lambda link: link.lead_councillor),
        Column(
            "Themes", lambda link: "; ".join(theme.name for theme in link.themes.all()), "Separated by «; »."
        ),
        Column("Last review", lambda link: link.last_reviewed_on, "Date of the latest annual review."),
        Column(
            "Drifting", lambda link: _yes(link.drifting), "yes when there has been no review in 12 months."
        ),
    ],
    everything=selectors.partnership_list,
)

PLACES = Export(
    name="partner-places",
    title="Partner places",
    about="Every current partner place, whether or not a link is live.",
    columns=[
        Column("Name", lambda place: place.name),
        Column("Country", lambda place: place.country.name),
        Column("Kind of place", lambda place: place.get_kind_display()),
        Column("Population", lambda place: place.population),
        Column("Latitude", lambda place: place.latitude),
        Column("Longitude", lambda place: place.longitude),
        Column("Links", lambda place: place.link_count, "Current links with the place."),
        Column(
            "Live links", lambda place: place.live_links, "Formalised or active, under review or dormant."
        ),
        Column("Notes", lambda place: place.notes),
    ],
    everything=selectors.place_list,
)

ACTIVITIES = Export(
    name="activities",
    title="Activities",
    about="Every current activity (visit, delegation, exchange, event, project) with its total cost.",
    columns=[
        Column("Title", itemgetter("title")),
        Column("Kind", lambda row: Activity.Kind(row["kind"]).label),
        Column("Partnership", itemgetter("place"), "The partner place, as it names itself."),
        Column("Start", itemgetter("starts_on")),
        Column("End", itemgetter("ends_on")),
        Column("Financial year", lambda row: financial_year_of(row["starts_on"]).label, "Of its start."),
        Column("Status", lambda row: Activity.State(row["state"]).label),
        Column(
            "Participants", itemgetter("participant_count"), "Councillors, officers, young people, others."
        ),
        Column(
            "Objectives", lambda row: "; ".join(map(str, row["objectives"])), "Strategy objective numbers."
        ),
        Column("Total cost (£)", itemgetter("total_gbp"), "Every current cost, in pounds.", money=True),
        Column("Breaches needing attention", itemgetter("unresolved_breaches")),
    ],
    read=selectors.activity_export_rows,
    everything=selectors.activity_list,
)


def _costs() -> QuerySet[Cost]:
    return (
        Cost.objects.current()
        .filter(activity__archived_at__isnull=True)
        .select_related("activity__partnership__place", "budget_line__budget")
        .order_by("incurred_on", "pk")
    )


COSTS = Export(
    name="costs",
    title="Costs",
    about="Every current cost of a current activity, as recorded, with the conduct rule it breaks if any.",
    columns=[
        Column("Activity", lambda cost: cost.activity.title),
        Column("Partnership", lambda cost: str(cost.activity.partnership.place)),
        Column("Date", lambda cost: cost.incurred_on),
        Column("Category", lambda cost: cost.get_category_display()),
        Column("Description", lambda cost: cost.description),
        Column("Stage", lambda cost: cost.get_stage_display(), "Planned or actual."),
        Column("Amount", lambda cost: cost.amount, "In the currency of the next column.", money=True),
        Column("Currency", lambda cost: cost.currency, "ISO 4217 code."),
        Column("Rate to £", lambda cost: cost.rate_to_gbp),
        Column("Amount (£)", lambda cost: cost.amount_gbp, money=True),
        Column("Paid by", lambda cost: cost.get_paid_by_display()),
        Column("Budget line", lambda cost: str(cost.budget_line) if cost.budget_line_id else ""),
        Column("Travel class", lambda cost: cost.get_travel_class_display()),
        Column("Journey hours", lambda cost: cost.journey_hours),
        Column("Hotel region", lambda cost: cost.get_region_display()),
        Column("Nights", lambda cost: cost.nights),
        Column("Meals", lambda cost: cost.meals),
        Column("Days", lambda cost: cost.days),
        Column("Breach", lambda cost: cost.breach, "The conduct rule the cost breaks, if any."),
        Column("Breach approved on", lambda cost: cost.approved_on, "Blank while a breach awaits approval."),
    ],
    everything=_costs,
)

GIFTS = Export(
    name="gifts-and-hospitality",
    title="Gifts and hospitality",
    about="The register of gifts and hospitality given, received or refused, with the flags of each entry.",
    columns=[
        Column("Date", lambda gift: gift.given_on),
        Column("Registered", lambda gift: gift.registered_on),
        Column("Given, received or refused", lambda gift: gift.get_direction_display()),
        Column("Gift or hospitality", lambda gift: gift.get_kind_display()),
        Column("Councillor or officer", lambda gift: gift.person, "Who received or gave it, as registered."),
        Column("From or to", lambda gift: gift.counterparty),
        Column("Who they are", lambda gift: gift.get_counterparty_kind_display()),
        Column("Description", lambda gift: gift.description),
        Column("Estimated value (£)", lambda gift: gift.value, money=True),
        Column("Declared", lambda gift: gift.declared),
        Column("Handed to the council", lambda gift: gift.handed_to_council),
        Column("Partnership", _place),
        Column("Activity", lambda gift: gift.activity.title if gift.activity_id else ""),
        Column(
            "Flags", lambda gift: "; ".join(flag.message for flag in gift.flags), "Conduct rules it meets."
        ),
    ],
    read=lambda gifts: selectors.flagged_gifts(in_chunks(gifts)),
    everything=selectors.gift_register,
)

FUNDING = Export(
    name="external-funding",
    title="External funding",
    about="Bids for and grants of external funding, newest bid first.",
    columns=[
        Column("Funder", lambda funding: funding.funder),
        Column("Programme", lambda funding: funding.programme),
        Column("Project title", lambda funding: funding.title),
        Column("Partnership", _place),
        Column("Status", lambda funding: funding.get_status_display()),
        Column("Bid date", lambda funding: funding.bid_on),
        Column("Amount bid (£)", lambda funding: funding.amount_bid, money=True),
        Column("Amount awarded (£)", lambda funding: funding.amount_awarded, money=True),
        Column("Date awarded", lambda funding: funding.awarded_on),
        Column("Activities", lambda funding: "; ".join(a.title for a in funding.activities.all())),
    ],
    everything=selectors.funding_list,
)

GRANTS = Export(
    name="grant-applications",
    title="Grant applications",
    about="Applications from local organisations for the council's grants, newest first.",
    columns=[
        Column("Title", lambda grant: grant.title),
        Column("Organisation", lambda grant: grant.organisation.name),
        Column("Partnership", _place),
        Column("State", lambda grant: grant.get_state_display()),
        Column("Amount requested (£)", lambda grant: grant.amount_requested, money=True),
        Column("Budget line", lambda grant: str(grant.budget_line) if grant.budget_line_id else ""),
        Column("Submitted", lambda grant: grant.submitted_on),
        Column("Meeting", lambda grant: str(grant.meeting) if grant.meeting_id else ""),
        Column("Amount approved (£)", lambda grant: grant.amount_approved, money=True),
        Column("Amount paid (£)", lambda grant: grant.amount_paid, money=True),
        Column("Paid on", lambda grant: grant.paid_on),
        Column("Monitoring report received", lambda grant: grant.monitoring_received_on),
    ],
    everything=selectors.grant_list,
)

# The whole-council export's files from this app, in this order.
ALL = (PLACES, LINKS, ACTIVITIES, COSTS, GIFTS, FUNDING, GRANTS)
