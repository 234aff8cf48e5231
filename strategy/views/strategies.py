"""The section's landing page, a strategy's page, and the forms for a strategy and its parts."""

from functools import cached_property

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.views.generic import CreateView, FormView, UpdateView

from strategy import selectors, services
from strategy.forms import ObjectiveForm, StrategyForm, SynopsisEntryForm, WayForwardForm
from strategy.models import CorporateTheme, Objective, Strategy, SynopsisEntry, WayForward
from strategy.views.common import SectionFormMixin, StrategyPartFormMixin, section_crumb, strategy_crumbs


@permission_required("strategy.view_strategy", raise_exception=True)
def index(request):
    """The section's landing page: strategies with their action plans, and budgets by year."""
    context = {
        "strategies": selectors.strategies_with_plans(),
        "budgets": selectors.budgets_by_year(),
        "crumbs": [(section_crumb()[0], None)],
    }
    return render(request, "strategy/index.html", context)


@permission_required("strategy.view_strategy", raise_exception=True)
def strategy_detail(request, pk):
    strategy = get_object_or_404(Strategy, pk=pk)
    strategy = selectors.strategy_with_contents(strategy_id=strategy.pk)
    themes = selectors.corporate_themes()
    context = {
        "strategy": strategy,
        "themes": themes,
        "synopsis": selectors.synopsis_rows(strategy=strategy, themes=themes),
        "crumbs": [section_crumb(), (strategy.title, None)],
    }
    return render(request, "strategy/strategy.html", context)


class StrategyCreate(SectionFormMixin, CreateView):
    permission_required = "strategy.add_strategy"
    form_class = StrategyForm
    title, success_message = "Add a strategy", "Strategy added"

    def save(self, form):
        return services.strategy_save(strategy=form.instance)


class StrategyEdit(SectionFormMixin, UpdateView):
    permission_required = "strategy.change_strategy"
    model, form_class = Strategy, StrategyForm
    title, success_message = "Edit the strategy", "Strategy saved"

    def crumbs(self):
        return strategy_crumbs(self.object, (self.title, None))

    def save(self, form):
        return services.strategy_save(strategy=form.instance)


class ObjectiveFormMixin(StrategyPartFormMixin):
    form_class = ObjectiveForm

    def save(self, form):
        return services.objective_save(objective=form.instance)


class ObjectiveCreate(ObjectiveFormMixin, CreateView):
    permission_required = "strategy.add_objective"
    title, success_message = "Add an objective", "Objective added"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.strategy = self.get_strategy()
        return form


class ObjectiveEdit(ObjectiveFormMixin, UpdateView):
    permission_required = "strategy.change_objective"
    model = Objective
    title, success_message = "Edit the objective", "Objective saved"

    def get_strategy(self):
        return self.object.strategy


class WayForwardFormMixin(StrategyPartFormMixin):
    form_class = WayForwardForm

    def save(self, form):
        return services.way_forward_save(way_forward=form.instance)


class WayForwardCreate(WayForwardFormMixin, CreateView):
    permission_required = "strategy.add_wayforward"
    success_message = "Way forward added"

    @cached_property
    def objective(self) -> Objective:
        return get_object_or_404(Objective.objects.select_related("strategy"), pk=self.kwargs["objective"])

    @property
    def title(self):
        return f"Add a way forward to objective {self.objective.number}"

    def get_strategy(self):
        return self.objective.strategy

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.objective = self.objective
        return form


class WayForwardEdit(WayForwardFormMixin, UpdateView):
    permission_required = "strategy.change_wayforward"
    model = WayForward
    title, success_message = "Edit the way forward", "Way forward saved"

    def get_strategy(self):
        return self.object.objective.strategy


class SynopsisEntryEdit(StrategyPartFormMixin, FormView):
    """Write the synopsis cell for one objective and one corporate theme."""

    permission_required = "strategy.change_synopsisentry"
    form_class = SynopsisEntryForm

    @cached_property
    def objective(self) -> Objective:
        return get_object_or_404(Objective.objects.select_related("strategy"), pk=self.kwargs["objective"])

    @cached_property
    def theme(self) -> CorporateTheme:
        return get_object_or_404(CorporateTheme, pk=self.kwargs["theme"])

    @property
    def title(self):
        return f"Objective {self.objective.number} and {self.theme}"

    def get_strategy(self):
        return self.objective.strategy

    @cached_property
    def entry(self) -> SynopsisEntry | None:
        return SynopsisEntry.objects.filter(objective=self.objective, theme=self.theme).first()

    def get_initial(self):
        return {"text": self.entry.text if self.entry else ""}

    def versioned_record(self, form):
        return self.entry  # a colleague's text for the same cell is not overwritten unseen

    def get_success_message(self):
        return f"Synopsis for objective {self.objective.number} and {self.theme} saved"

    def save(self, form):
        return services.synopsis_entry_save(
            objective=self.objective, theme=self.theme, text=form.cleaned_data["text"]
        )
