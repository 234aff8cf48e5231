"""The four roles, as Django groups, and the permissions each one holds.

Permissions are granted by rule (app and kind of permission) rather than listed one by one, so a
model added by a later issue is covered as soon as it is migrated.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

OFFICER = "Officer"
MEMBER = "Working party member"
CLERK = "Committee clerk"
ADMINISTRATOR = "Administrator"

DOMAIN_APPS = ("strategy", "partnerships", "reporting")
AXES_RECORDS = ("axes.view_accessattempt", "axes.view_accessfailurelog", "axes.view_accesslog")


@dataclass(frozen=True)
class Role:
    name: str
    username: str  # the demonstration account for the role
    summary: str
    reads: tuple[str, ...] = DOMAIN_APPS
    edits: tuple[str, ...] = ()
    extra: tuple[str, ...] = field(default=())  # "app_label.codename"
    excludes: tuple[str, ...] = ()  # "app_label.model" whose add/change/delete this role does not get
    withholds: tuple[str, ...] = ()  # "app_label.codename" this role never gets, whatever the rules say
    staff: bool = False
    # What the role does today, each with the page where it starts: (what, URL name). The start page
    # lists them; every URL name must resolve, so nothing is promised that does not exist.
    tasks: tuple[tuple[str, str], ...] = ()

    def task_links(self) -> list[tuple[str, str]]:
        """(what, URL) for each of the role's tasks, for the start page."""
        return [(what, reverse(url_name)) for what, url_name in self.tasks]

    def permission_filter(self) -> Q:
        rule = Q(content_type__app_label__in=self.reads, codename__startswith="view_")
        edit_rule = Q(content_type__app_label__in=self.edits)
        for qualified in self.excludes:
            app_label, model = qualified.split(".", 1)
            edit_rule &= ~Q(content_type__app_label=app_label, content_type__model=model)
        rule |= edit_rule
        for qualified in self.extra:
            app_label, codename = qualified.split(".", 1)
            rule |= Q(content_type__app_label=app_label, codename=codename)
        for qualified in self.withholds:
            app_label, codename = qualified.split(".", 1)
            rule &= ~Q(content_type__app_label=app_label, codename=codename)
        return rule


ROLES = (
    Role(
        OFFICER,
        "officer",
        "Keeps the register and the plan: links, activities, gifts, funding, grants, the strategy and "
        "budgets; prepares draft Cabinet reports.",
        # Issue 12: a Cabinet report is "a draft a clerk or officer prepares, then generates"; the clerk
        # who takes it to Cabinet finalises it.
        edits=("strategy", "partnerships", "reporting"),
        # The council's conduct rules are set by the Administrator, not by those they apply to.
        excludes=("partnerships.conductpolicy", "partnerships.hotelcap"),
        extra=("partnerships.approve_breach",),
        # Grant decisions are the working party's: an officer records submission and payment (issue 11).
        withholds=("partnerships.decide_grantapplication", "reporting.finalise_reportversion"),
        tasks=(
            ("Record links, partner places, agreements, annual reviews and appraisals", "partnerships:list"),
            (
                "Log visits, exchanges and events with their costs, gifts and external funding",
                "partnerships:activities",
            ),
            (
                "Justify and approve breaches of the conduct rules, and see what else needs attention",
                "partnerships:attention",
            ),
            ("Record grant applications' submission, payment and monitoring report", "partnerships:grants"),
            ("Keep the strategy, action plans and progress, indicators and budgets", "strategy:index"),
            ("Record the working party's meetings and agendas", "reporting:meetings"),
            ("Prepare a draft Cabinet report and generate its PDF", "reporting:reports"),
        ),
    ),
    Role(
        MEMBER,
        "member",
        "Reads everything and decides twinning associations' grant applications at the meetings they attend.",
        extra=("partnerships.decide_grantapplication",),
        tasks=(
            ("See a financial year at a glance on the dashboard", "reporting:dashboard"),
            ("Read the annual matrix of international activity", "reporting:matrix"),
            ("Check every link's health: reviews, drift, this year's activity and spend", "reporting:health"),
            ("See what has changed since the last meeting", "reporting:since"),
            ("Read a meeting's papers and decide the grant applications on its agenda", "reporting:meetings"),
        ),
    ),
    Role(
        CLERK,
        "clerk",
        "Reads everything, prepares Cabinet reports, generates and finalises their PDF and downloads them.",
        edits=("reporting",),
        tasks=(
            ("Prepare a Cabinet report, generate its PDF, finalise and download it", "reporting:reports"),
            ("Read the working party's meetings and their papers", "reporting:meetings"),
            ("See a financial year at a glance on the dashboard", "reporting:dashboard"),
        ),
    ),
    Role(
        ADMINISTRATOR,
        "admin",
        "Manages user accounts and roles, sets the conduct policy, archives and restores records in the "
        "Django admin, and can edit what an officer edits.",
        reads=(*DOMAIN_APPS, "intlinks", "auth"),
        edits=(*DOMAIN_APPS, "auth"),
        # Whether to publish open data is the council's decision, switched by the Administrator; a copy
        # of every record at once is theirs to take too (issue 14).
        extra=(
            "intlinks.add_sitesettings",
            "intlinks.change_sitesettings",
            "intlinks.export_council_data",
            # Sign-in locks (issue 15): the lockout page sends people to the Administrator, who sees the
            # attempts and releases a lock by deleting them; and resets a lost authenticator app.
            *AXES_RECORDS,
            "axes.delete_accessattempt",
            "otp_totp.view_totpdevice",
            "otp_totp.delete_totpdevice",
        ),
        # Whoever manages the accounts is not also the second person who approves a breach (issue 9).
        # Nor does it decide grants, which is the working party's (issue 11).
        withholds=("partnerships.approve_breach", "partnerships.decide_grantapplication"),
        staff=True,
        tasks=(("Manage user accounts and roles, the conduct policy and archived records", "admin:index"),),
    ),
)
ROLES_BY_NAME = {role.name: role for role in ROLES}


def sync_role_permissions(group_model, permission_model) -> None:
    """Create the four groups and give each exactly the permissions its rules grant.

    Takes the models as arguments so the roles data migration can pass its historical models.
    """
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role.name)
        group.permissions.set(permission_model.objects.filter(role.permission_filter()))


def sync_roles_after_migrate(sender, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    sync_role_permissions(Group, Permission)


def roles_of(user) -> list[Role]:
    """The roles a signed-in user holds, in the order of ROLES."""
    names = {group.name for group in user.groups.all()}
    return [role for role in ROLES if role.name in names]
