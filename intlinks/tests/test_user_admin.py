"""Finding 6 of issue 9 (its last sentence) and the admin half of finding 1: an Administrator who is not
a superuser manages accounts and roles, but cannot raise anyone to superuser, nor give themselves the
approval of breaches (the second person an approval needs), directly or through a group."""

import pytest
from django.contrib.auth.models import Group, Permission

from conftest import make_user
from intlinks.roles import ADMINISTRATOR, OFFICER


def approval_permission():
    return Permission.objects.get(codename="approve_breach", content_type__app_label="partnerships")


def change_user(client, user, **changes):
    """Post the user's admin form back with `changes`, as an Administrator ticking boxes would."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [str(group.pk) for group in user.groups.all()],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        "initial-date_joined_0": "2026-01-01",
        "initial-date_joined_1": "09:00:00",
        **changes,
    }
    return client.post(f"/admin/auth/user/{user.pk}/change/", {k: v for k, v in data.items() if v != ""})


@pytest.fixture
def administrator_without_approval(administrator):
    """The Administrator: the role manages accounts and never holds the approval permission."""
    assert not administrator.has_perm("partnerships.approve_breach")
    return administrator


def test_refuses_an_administrator_ticking_their_own_superuser_box(client, administrator):
    client.force_login(administrator)

    response = change_user(client, administrator, is_superuser="on")

    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_superuser


def test_refuses_an_administrator_making_someone_else_a_superuser(client, administrator, officer):
    client.force_login(administrator)

    response = change_user(client, officer, is_superuser="on")

    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_superuser


def test_refuses_an_administrator_giving_themselves_the_approval_permission_directly(
    client, administrator_without_approval
):
    admin = administrator_without_approval
    client.force_login(admin)

    response = change_user(client, admin, user_permissions=[str(approval_permission().pk)])

    assert response.status_code == 302
    admin = type(admin).objects.get(pk=admin.pk)  # a fresh permission cache
    assert not admin.user_permissions.exists()
    assert not admin.has_perm("partnerships.approve_breach")


def test_refuses_an_administrator_joining_a_group_that_approves(client, administrator_without_approval):
    admin = administrator_without_approval
    client.force_login(admin)
    officers = Group.objects.get(name=OFFICER)

    response = change_user(
        client, admin, groups=[str(group.pk) for group in admin.groups.all()] + [str(officers.pk)]
    )

    assert response.status_code == 302
    admin = type(admin).objects.get(pk=admin.pk)
    assert not admin.groups.filter(name=OFFICER).exists()
    assert not admin.has_perm("partnerships.approve_breach")


def test_refuses_an_administrator_adding_the_approval_to_their_own_group(
    client, administrator_without_approval
):
    admin = administrator_without_approval
    group = Group.objects.get(name=ADMINISTRATOR)
    client.force_login(admin)

    response = client.post(
        f"/admin/auth/group/{group.pk}/change/",
        {
            "name": group.name,
            "permissions": [str(p.pk) for p in group.permissions.all()] + [str(approval_permission().pk)],
        },
    )

    assert response.status_code == 302
    assert not group.permissions.filter(codename="approve_breach").exists()


def test_an_administrator_still_gives_other_people_their_roles(client, administrator, django_user_model):
    newcomer = make_user(django_user_model, "newcomer")
    client.force_login(administrator)

    response = change_user(client, newcomer, groups=[str(Group.objects.get(name=OFFICER).pk)])

    assert response.status_code == 302
    assert newcomer.groups.filter(name=OFFICER).exists()


def test_a_superuser_may_still_grant_superuser(client, django_user_model, officer):
    root = django_user_model.objects.create_superuser("root", password="x-long-password-1")
    client.force_login(root)

    response = change_user(client, officer, is_superuser="on")

    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.is_superuser
