"""Benchmark scenarios for the working party's pages (`manage.py benchmark` finds them).

The profile pages are timed on a whole synthetic council (`benchmark --profile large`): the dashboard
for the current year, the matrix by objective and by theme, the health table, since the last meeting,
the meetings and the papers of the latest one. The scenarios grow what each page reads.
"""

from intlinks.benchmarks import ProfilePage


def _latest_meeting_papers() -> str:
    from partnerships.models import Meeting

    return f"/reporting/meetings/{Meeting.objects.order_by('-held_on', '-pk').first().pk}/papers/"


PROFILE_PAGES = [
    ProfilePage("Dashboard (the current year)", lambda: "/reporting/"),
    ProfilePage("Annual matrix by objective", lambda: "/reporting/matrix/?by=objective"),
    ProfilePage("Annual matrix by theme", lambda: "/reporting/matrix/?by=theme"),
    ProfilePage("Partnership health", lambda: "/reporting/health/"),
    ProfilePage("Since the last meeting", lambda: "/reporting/since/"),
    ProfilePage("Working party meetings", lambda: "/reporting/meetings/"),
    ProfilePage("Meeting papers (the latest meeting)", _latest_meeting_papers),
]
