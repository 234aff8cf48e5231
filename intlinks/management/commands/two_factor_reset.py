from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intlinks.services import two_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app (a lost phone): they set up a new one at their next sign-in. "
        "Another Administrator can do the same in the admin; this is for a council with only one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No account is named {username!r}") from error
        removed = two_factor_reset(user=user)
        self.stdout.write(
            f"Removed {removed} authenticator app(s) of {username}; they set up a new one at their next "
            "sign-in (written to the security log)."
        )
