"""The sections of the service, in the order they appear in the navigation and on the start page.

Each app adds its section here when its pages exist; a user sees the sections their role can open.
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    summary: str
    permission: str | tuple[str, ...] | None = None  # None: every signed-in user; a tuple: all of them
    staff_only: bool = False

    def is_open_to(self, user) -> bool:
        if self.staff_only and not user.is_staff:
            return False
        if self.permission is None:
            return True
        wanted = (self.permission,) if isinstance(self.permission, str) else self.permission
        return user.has_perms(wanted)

    @property
    def url(self) -> str:
        return reverse(self.url_name)


SECTIONS: tuple[Section, ...] = (
    Section(
        "Dashboard",
        "reporting:dashboard",
        "A financial year at a glance: links, activities, spend against budget, funding, actions, charts.",
        # The dashboard view's own permissions (reporting.views.dashboard.DASHBOARD_PERMISSIONS).
        permission=(
            "partnerships.view_partnership",
            "partnerships.view_activity",
            "strategy.view_budget",
            "strategy.view_actionplan",
        ),
    ),
    Section(
        "Working party",
        "reporting:meetings",
        "Meetings with their agenda, decisions and printable papers; what changed since the last one; the "
        "annual matrix of international activity and the partnership health table.",
        permission="partnerships.view_meeting",
    ),
    Section(
        "Cabinet reports",
        "reporting:reports",
        "The annual evaluation of international activity for Cabinet: front matter drafted from the data, "
        "generated as PDF and finalised.",
        permission="reporting.view_cabinetreport",
    ),
    Section(
        "Partnerships",
        "partnerships:list",
        "The register of international links: partner places, agreements, annual reviews and drift.",
        permission="partnerships.view_partnership",
    ),
    Section(
        "Activities",
        "partnerships:activities",
        "Visits, exchanges and events with their costs, the gifts register and external funding.",
        permission="partnerships.view_activity",
    ),
    Section(
        "Grants",
        "partnerships:grants",
        "Twinning associations' applications for grant funding, from submission to decision, payment and "
        "monitoring; the 360Giving export.",
        permission="partnerships.view_grantapplication",
    ),
    Section(
        "Strategy",
        "strategy:index",
        "The international strategy: objectives, annual action plans and progress, indicators, budgets.",
        permission="strategy.view_strategy",
    ),
    Section(
        "Import",
        "imports:index",
        "Bring records kept in spreadsheets into the register: places, links, activities and their costs, "
        "gifts and hospitality, action-plan actions and indicators, with a preview before anything is saved.",
        # Open to whoever may add partner places, the first thing imported; each kind checks its own.
        permission=("partnerships.add_place",),
    ),
    Section(
        "Administration",
        "admin:index",
        "Manage user accounts and their roles, and correct any record.",
        staff_only=True,
    ),
    Section(
        "Your account",
        "password_change",
        "Change your password.",
    ),
)


def sections_for(user) -> list[Section]:
    """The sections this user may open, in navigation order."""
    if not user.is_authenticated:
        return []
    return [section for section in SECTIONS if section.is_open_to(user)]


def navigation_for(user, path: str) -> list[dict]:
    """Navigation items for the header: the section holding `path` is active, its own page current."""
    sections = sections_for(user)
    # Sections may nest (/partnerships/activities/ inside /partnerships/): the longest match is active.
    matching = [section.url for section in sections if path.startswith(section.url)]
    active = max(matching, key=len, default=None)
    return [
        {"label": s.label, "url": s.url, "active": s.url == active, "current": path == s.url}
        for s in sections
    ]
