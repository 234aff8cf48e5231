"""Reads that decide how many queries a page makes, one module a subject.

Each page's data comes from one function here, which owns its select_related, prefetch_related and
aggregation.
"""

from partnerships.selectors.activities import (
    Attention,
    HistoryEntry,
    activity_detail,
    activity_export_rows,
    activity_history,
    activity_list,
    council_spend_of,
    needs_attention,
    with_activity_totals,
)
from partnerships.selectors.funding import AWARDED, Leverage, funding_list, leverage_by_year
from partnerships.selectors.gifts import flagged_gifts, gift_register, total_value_of, with_gift_flags
from partnerships.selectors.grants import (
    GrantTotals,
    GrantYear,
    awarded_grants,
    grant_detail,
    grant_list,
    grant_totals,
    grant_year,
)
from partnerships.selectors.links import (
    RECENT_ACTIVITIES,
    RECENT_GIFTS,
    ActivityLog,
    ActivityYear,
    TimelineEntry,
    activity_years,
    partnership_detail,
    partnership_list,
    partnership_timeline,
)
from partnerships.selectors.meetings import (
    MeetingPapers,
    grants_open_for_agenda,
    meeting_detail,
    meeting_list,
    meeting_papers,
)
from partnerships.selectors.open_data import (
    LATEST_GIFTS_SHOWN,
    PRIVATE_INDIVIDUAL,
    gift_record,
    link_record,
    published_counterparty,
    published_gifts,
    published_links,
)
from partnerships.selectors.places import organisation_list, place_list, places_for_map

__all__ = [
    "LATEST_GIFTS_SHOWN",
    "PRIVATE_INDIVIDUAL",
    "gift_record",
    "link_record",
    "published_counterparty",
    "published_gifts",
    "published_links",
    "RECENT_ACTIVITIES",
    "RECENT_GIFTS",
    "ActivityLog",
    "ActivityYear",
    "activity_years",
    "Attention",
    "HistoryEntry",
    "AWARDED",
    "Leverage",
    "TimelineEntry",
    "activity_detail",
    "activity_export_rows",
    "activity_history",
    "activity_list",
    "council_spend_of",
    "flagged_gifts",
    "funding_list",
    "gift_register",
    "leverage_by_year",
    "needs_attention",
    "organisation_list",
    "partnership_detail",
    "partnership_list",
    "partnership_timeline",
    "place_list",
    "places_for_map",
    "total_value_of",
    "with_activity_totals",
    "with_gift_flags",
    "GrantTotals",
    "GrantYear",
    "grant_year",
    "MeetingPapers",
    "awarded_grants",
    "grant_detail",
    "grant_list",
    "grant_totals",
    "grants_open_for_agenda",
    "meeting_detail",
    "meeting_list",
    "meeting_papers",
]
