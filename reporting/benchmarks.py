"""Benchmark scenarios for the working party's pages (`manage.py benchmark` finds them).

The profile pages are timed on a whole synthetic council (`benchmark --profile large`): the dashboard
for the current year, the matrix by objective and by theme, the health table, since the last meeting,
the meetings and the papers of the latest one. The scenarios grow what each page reads.
"""

from intlinks import data_version
from intlinks.benchmarks import ProfilePage, Scenario


def _latest_meeting_papers() -> str:
    from partnerships.models import Meeting

    return f"/reporting/meetings/{Meeting.objects.order_by('-held_on', '-pk').first().pk}/papers/"


PROFILE_PAGES = [
    # Members read it from the cache until a record changes; the second row is the first reading after.
    ProfilePage("Dashboard (the current year)", lambda: "/reporting/"),
    ProfilePage(
        "Dashboard (the current year, after a record changed)", lambda: "/reporting/", data_version.changed
    ),
    ProfilePage("Annual matrix by objective", lambda: "/reporting/matrix/?by=objective"),
    ProfilePage("Annual matrix by theme", lambda: "/reporting/matrix/?by=theme"),
    ProfilePage("Partnership health", lambda: "/reporting/health/"),
    ProfilePage("Since the last meeting", lambda: "/reporting/since/"),
    ProfilePage("Working party meetings", lambda: "/reporting/meetings/"),
    ProfilePage("Meeting papers (the latest meeting)", _latest_meeting_papers),
]


# Scenarios (`manage.py benchmark --sizes ...`): each grows what its page reads, seeded by partnerships'
# benchmark helpers (they keep the services' rules, and are no test code).
YEAR = 2025  # the year the helpers seed


def _seed_activities(size: int) -> dict:
    from partnerships.benchmarks import bench_activities, bench_links

    bench_activities(size, bench_links(1)[0])
    return {}


def _seed_links(size: int) -> dict:
    from partnerships.benchmarks import bench_links

    bench_links(size)
    return {}


def _seed_meetings(size: int) -> dict:
    from datetime import date, timedelta

    from partnerships.models import Meeting

    Meeting.objects.bulk_create(
        Meeting(held_on=date(2025, 6, 20) - timedelta(days=30 * n)) for n in range(size)
    )
    return {}


def _seed_agenda(size: int) -> dict:
    from partnerships.benchmarks import bench_grants

    return bench_grants(size, on_agenda=True)


SCENARIOS = [
    Scenario(  # computed afresh each time: what grows with the data (read from the cache, it does not)
        "Dashboard (by activities in the year)",
        _seed_activities,
        lambda context: f"/reporting/?year={YEAR}",
        data_version.changed,
    ),
    Scenario(
        "Annual matrix by objective (by activities in the year)",
        _seed_activities,
        lambda context: f"/reporting/matrix/?year={YEAR}&by=objective",
    ),
    Scenario(
        "Annual matrix by theme (by links)",
        _seed_links,
        lambda context: f"/reporting/matrix/?year={YEAR}&by=theme",
    ),
    Scenario("Partnership health (by links)", _seed_links, lambda context: "/reporting/health/"),
    Scenario(
        "Since the last meeting (by activities)",
        _seed_activities,
        lambda context: f"/reporting/since/?from={YEAR}-04-01&to={YEAR + 1}-03-31",
    ),
    Scenario("Working party meetings (by meetings)", _seed_meetings, lambda context: "/reporting/meetings/"),
    Scenario(
        "Meeting papers (by grants on the agenda)",
        _seed_agenda,
        lambda context: f"/reporting/meetings/{context['meeting']}/papers/",
    ),
]
