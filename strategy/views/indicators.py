"""Indicator tables, their CSV export and the forms to add indicators and record a year."""

from functools import cached_property

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.generic import CreateView, FormView, UpdateView

from intlinks.exports import download
from strategy import exports, selectors, services
from strategy.financial_years import FinancialYear
from strategy.forms import IndicatorForm, IndicatorValueForm
from strategy.models import Indicator, Strategy
from strategy.views.common import StrategyPartFormMixin, strategy_crumbs


@permission_required("strategy.view_indicator", raise_exception=True)
def indicators(request, strategy):
    strategy = get_object_or_404(Strategy, pk=strategy)
    context = {
        "strategy": strategy,
        "years": strategy.years,
        "rows": selectors.indicator_rows(strategy=strategy),
        "crumbs": strategy_crumbs(strategy, ("Indicators", None)),
    }
    return render(request, "strategy/indicators.html", context)


@permission_required("strategy.view_indicator", raise_exception=True)
def indicators_export(request, strategy, file_format):
    """One row per indicator and financial year of the strategy: target, actual and note (streamed)."""
    strategy = get_object_or_404(Strategy, pk=strategy)
    indicators = strategy.indicators.order_by("national_indicator", "name", "pk")
    return download(exports.INDICATORS, indicators, file_format, name=f"indicators-strategy-{strategy.pk}")


class IndicatorFormMixin(StrategyPartFormMixin):
    form_class = IndicatorForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "strategy": self.get_strategy()}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.strategy = self.get_strategy()
        return form

    def get_success_url(self):
        return reverse("strategy:indicators", args=[self.get_strategy().pk])

    def save(self, form):
        return services.indicator_save(indicator=form.instance)


class IndicatorCreate(IndicatorFormMixin, CreateView):
    permission_required = "strategy.add_indicator"
    title, success_message = "Add an indicator", "Indicator added"


class IndicatorEdit(IndicatorFormMixin, UpdateView):
    permission_required = "strategy.change_indicator"
    model = Indicator
    title, success_message = "Edit the indicator", "Indicator saved"

    def get_strategy(self):
        return self.object.strategy


class IndicatorValueRecord(StrategyPartFormMixin, FormView):
    """Record the target and actual of one financial year (replacing what that year had)."""

    permission_required = "strategy.add_indicatorvalue"
    form_class = IndicatorValueForm

    @cached_property
    def indicator(self) -> Indicator:
        return get_object_or_404(Indicator.objects.select_related("strategy"), pk=self.kwargs["pk"])

    @property
    def title(self):
        return f"Record a year for {self.indicator}"

    def get_strategy(self):
        return self.indicator.strategy

    def crumbs(self):
        indicators_url = reverse("strategy:indicators", args=[self.indicator.strategy_id])
        return strategy_crumbs(self.get_strategy(), ("Indicators", indicators_url), ("Record a year", None))

    def get_success_message(self):
        return f"Target and actual for {FinancialYear(self.object.financial_year)} saved"

    def get_success_url(self):
        return reverse("strategy:indicators", args=[self.indicator.strategy_id])

    def save(self, form):
        return services.indicator_value_record(indicator=self.indicator, **form.cleaned_data)
