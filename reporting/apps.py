from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """The evaluation: dashboards, the annual matrix and Cabinet reports."""

    name = "reporting"
    verbose_name = "Reporting"
