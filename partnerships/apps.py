from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    """What happens: partner places, links, activities, costs, gifts and grants."""

    name = "partnerships"
    verbose_name = "Partnerships"

    def ready(self):
        from intlinks import data_version

        data_version.watch(self)  # the working party's cached figures follow every write (ADR 0022)

        from partnerships.spending import activity_cost_spending, grant_spending
        from strategy.spending import register_spending_source

        register_spending_source(activity_cost_spending)
        register_spending_source(grant_spending)

        from intlinks.exports import register
        from partnerships.exports import ALL

        register(*ALL)

        from intlinks.imports.kinds import register_import_kind
        from partnerships.imports import IMPORT_KINDS

        for kind in IMPORT_KINDS:
            register_import_kind(kind)
