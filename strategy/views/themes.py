"""Corporate themes: the managed list whose entries are the columns of every synopsis matrix."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from strategy import selectors, services
from strategy.forms import CorporateThemeForm
from strategy.models import CorporateTheme
from strategy.views.common import SectionFormMixin, section_crumb

THEMES_TITLE = "Corporate themes"


@permission_required("strategy.view_corporatetheme", raise_exception=True)
def themes(request):
    """Every corporate theme in synopsis order, active ones first in their columns."""
    context = {
        "themes": selectors.all_corporate_themes(),
        "crumbs": [section_crumb(), (THEMES_TITLE, None)],
    }
    return render(request, "strategy/themes.html", context)


class ThemeFormMixin(SectionFormMixin):
    form_class = CorporateThemeForm

    def crumbs(self):
        return [section_crumb(), (THEMES_TITLE, reverse("strategy:themes")), (self.title, None)]

    def get_success_url(self):
        return reverse("strategy:themes")

    def save(self, form):
        return services.corporate_theme_save(corporate_theme=form.instance)


class ThemeCreate(ThemeFormMixin, CreateView):
    permission_required = "strategy.add_corporatetheme"
    title, success_message = "Add a corporate theme", "Corporate theme added"


class ThemeEdit(ThemeFormMixin, UpdateView):
    permission_required = "strategy.change_corporatetheme"
    model = CorporateTheme
    title, success_message = "Edit the corporate theme", "Corporate theme saved"
