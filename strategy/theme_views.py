"""Corporate themes: the managed list whose entries are the columns of every synopsis matrix."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from strategy import services
from strategy.forms import CorporateThemeForm
from strategy.models import CorporateTheme
from strategy.views import ServiceFormMixin

THEMES_HEADING = "Corporate themes"


@permission_required("strategy.view_corporatetheme", raise_exception=True)
def themes(request):
    """Every corporate theme in synopsis order, active ones first in their columns."""
    return render(
        request,
        "strategy/themes.html",
        {
            "themes": CorporateTheme.objects.order_by("-is_active", "position", "name"),
            "crumbs": [("Strategy", reverse("strategy:index")), (THEMES_HEADING, None)],
        },
    )


class ThemeFormMixin(ServiceFormMixin):
    form_class = CorporateThemeForm
    service, service_argument = services.corporate_theme_save, "corporate_theme"

    def get_crumbs(self):
        return [
            ("Strategy", reverse("strategy:index")),
            (THEMES_HEADING, reverse("strategy:themes")),
            (self.heading, None),
        ]

    def get_success_url(self):
        return reverse("strategy:themes")


class ThemeCreate(ThemeFormMixin, CreateView):
    permission_required = "strategy.add_corporatetheme"
    heading, success_message = "Add a corporate theme", "Corporate theme added"


class ThemeEdit(ThemeFormMixin, UpdateView):
    permission_required = "strategy.change_corporatetheme"
    model = CorporateTheme
    heading, success_message = "Edit the corporate theme", "Corporate theme saved"
