import pytest
from django.contrib.auth.models import Group

from intlinks.roles import ADMINISTRATOR, CLERK, MEMBER, OFFICER, ROLES

pytestmark = pytest.mark.django_db


def test_the_data_migration_creates_the_four_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {role.name for role in ROLES}


def test_only_the_administrator_can_manage_user_accounts(officer, member, clerk, administrator):
    assert administrator.has_perm("auth.change_user")
    for user in (officer, member, clerk):
        assert not user.has_perm("auth.change_user")
        assert not user.is_staff


def test_roles_hold_their_permissions_by_rule():
    officer = Group.objects.get(name=OFFICER)
    clerk = Group.objects.get(name=CLERK)
    member = Group.objects.get(name=MEMBER)
    administrator = Group.objects.get(name=ADMINISTRATOR)

    def labels(group):
        return {(p.content_type.app_label, p.codename.split("_")[0]) for p in group.permissions.all()}

    assert all(
        action == "view" or app in {"strategy", "partnerships", "reporting"}
        for app, action in labels(officer)
    )
    assert all(action == "view" or app == "reporting" for app, action in labels(clerk))
    assert all(action in {"view", "decide"} for _, action in labels(member))
    assert ("auth", "change") in labels(administrator)


def test_officers_prepare_cabinet_reports_and_only_clerks_finalise_them(officer, clerk, member):
    assert officer.has_perm("reporting.add_cabinetreport")
    assert officer.has_perm("reporting.change_cabinetreport")
    assert not officer.has_perm("reporting.finalise_reportversion")
    assert clerk.has_perm("reporting.finalise_reportversion")
    assert not member.has_perm("reporting.add_cabinetreport")
