"""The four roles, as Django groups, and the permissions each one holds.

Permissions are granted by rule (app and kind of permission) rather than listed one by one, so a
model added by a later issue is covered as soon as it is migrated.
"""

from dataclasses import dataclass, field

from django.db.models import Q

OFFICER = "Officer"
MEMBER = "Working party member"
CLERK = "Committee clerk"
ADMINISTRATOR = "Administrator"

DOMAIN_APPS = ("strategy", "partnerships", "reporting")


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
        "Creates and edits partnership and planning data: places, links, activities, action plans; "
        "prepares draft Cabinet reports.",
        # Issue 12: a Cabinet report is "a draft a clerk or officer prepares, then generates"; the clerk
        # who takes it to Cabinet finalises it.
        edits=("strategy", "partnerships", "reporting"),
        # The council's conduct rules are set by the Administrator, not by those they apply to.
        excludes=("partnerships.conductpolicy", "partnerships.hotelcap"),
        extra=("partnerships.approve_breach",),
        # Grant decisions are the working party's: an officer records submission and payment (issue 11).
        withholds=("partnerships.decide_grantapplication", "reporting.finalise_reportversion"),
    ),
    Role(
        MEMBER,
        "member",
        "Reads everything and decides twinning associations' grant applications.",
        extra=("partnerships.decide_grantapplication",),
    ),
    Role(
        CLERK,
        "clerk",
        "Reads everything, prepares Cabinet reports and downloads them as PDF.",
        edits=("reporting",),
    ),
    Role(
        ADMINISTRATOR,
        "admin",
        "Manages user accounts and every record through the Django admin.",
        reads=(*DOMAIN_APPS, "intlinks", "auth"),
        edits=(*DOMAIN_APPS, "auth"),
        # Whether to publish open data is the council's decision, switched by the Administrator; a copy
        # of every record at once is theirs to take too (issue 14).
        extra=(
            "intlinks.add_sitesettings",
            "intlinks.change_sitesettings",
            "intlinks.export_council_data",
        ),
        # Whoever manages the accounts is not also the second person who approves a breach (issue 9).
        # Nor does it decide grants, which is the working party's (issue 11).
        withholds=("partnerships.approve_breach", "partnerships.decide_grantapplication"),
        staff=True,
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
