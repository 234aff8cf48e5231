from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    """What happens: partner places, links, activities, costs, gifts and grants."""

    name = "partnerships"
    verbose_name = "Partnerships"
