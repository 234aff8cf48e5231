import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_loads_one_account_per_role_and_is_safe_to_run_twice(settings, django_user_model, capsys):
    settings.DEMO_DATA_ALLOWED = True

    call_command("load_demo")
    officer = django_user_model.objects.get(username="officer")
    officer.set_password("changed-by-the-user-123")
    officer.save()
    call_command("load_demo")

    assert set(django_user_model.objects.values_list("username", flat=True)) == {
        "officer",
        "member",
        "clerk",
        "admin",
    }
    officer.refresh_from_db()
    assert officer.check_password("changed-by-the-user-123"), "a second run must not lose data"
    assert django_user_model.objects.get(username="admin").is_staff
    assert django_user_model.objects.get(username="member").groups.get().name == "Working party member"
    assert "officer" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("required", "said"), [(True, "the first sign-in shows the QR code"), (False, "is off")]
)
def test_says_how_the_demonstration_admin_signs_in(settings, required, said):
    from intlinks.management.commands.load_demo import two_factor_note

    settings.TWO_FACTOR_REQUIRED = required

    assert said in two_factor_note()


def test_refuses_under_production_settings(settings, django_user_model):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError, match="never under production settings"):
        call_command("load_demo")

    assert not django_user_model.objects.exists()
