from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IntlinksConfig(AppConfig):
    """Project-wide concerns: roles, sign-in, the start page, health and the demonstration data."""

    name = "intlinks"
    verbose_name = "International links"

    def ready(self):
        from django.contrib.auth import get_user_model
        from simple_history import register

        from intlinks import security_events, sessions  # noqa: F401  (connects their receivers)
        from intlinks.roles import sync_roles_after_migrate

        # Accounts are council data too: who could do what, and since when.
        register(get_user_model(), app=self.label, table_name="intlinks_historicaluser")
        # Each issue adds models and so permissions; the roles follow them after every migrate.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
