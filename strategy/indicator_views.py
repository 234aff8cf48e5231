"""Indicator tables, their CSV export and the forms to add indicators and record a year."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from intlinks.csv_export import csv_download
from strategy import selectors, services
from strategy.financial_years import FinancialYear
from strategy.forms import IndicatorForm, IndicatorValueForm
from strategy.models import Indicator, Strategy
from strategy.views import StrategyChildMixin, add_errors, strategy_crumbs


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
def indicators_csv(request, strategy):
    """One row per indicator and financial year: target, actual and note."""
    strategy = get_object_or_404(Strategy, pk=strategy)
    response, writer = csv_download(filename=f"indicators-strategy-{strategy.pk}.csv")
    writer.writerow(
        [
            "indicator",
            "national indicator",
            "unit",
            "direction",
            "baseline",
            "baseline year",
            "financial year",
            "target",
            "actual",
            "note",
        ]
    )
    for row in selectors.indicator_rows(strategy=strategy):
        indicator = row.indicator
        baseline_year = FinancialYear(indicator.baseline_year).label if indicator.baseline_year else ""
        for year, value in zip(strategy.years, row.cells, strict=True):
            writer.writerow(
                [
                    indicator.name,
                    indicator.national_indicator,
                    indicator.unit,
                    indicator.get_direction_display(),
                    "" if indicator.baseline is None else indicator.baseline,
                    baseline_year,
                    year.label,
                    "" if value is None or value.target is None else value.target,
                    "" if value is None or value.actual is None else value.actual,
                    value.note if value else "",
                ]
            )
    return response


class IndicatorFormMixin(StrategyChildMixin):
    form_class = IndicatorForm
    service, service_argument = services.indicator_save, "indicator"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "strategy": self.get_strategy()}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.strategy = self.get_strategy()
        return form

    def get_success_url(self):
        return reverse("strategy:indicators", args=[self.get_strategy().pk])


class IndicatorCreate(IndicatorFormMixin, CreateView):
    permission_required = "strategy.add_indicator"
    heading, success_message = "Add an indicator", "Indicator added"


class IndicatorEdit(IndicatorFormMixin, UpdateView):
    permission_required = "strategy.change_indicator"
    model = Indicator
    heading, success_message = "Edit the indicator", "Indicator saved"

    def get_strategy(self):
        return self.get_object().strategy


@permission_required("strategy.add_indicatorvalue", raise_exception=True)
def indicator_value_record(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("strategy"), pk=pk)
    form = IndicatorValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            value = services.indicator_value_record(indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Target and actual for {FinancialYear(value.financial_year)} saved")
            return redirect("strategy:indicators", strategy=indicator.strategy_id)
    heading = f"Record a year for {indicator}"
    crumbs = strategy_crumbs(
        indicator.strategy,
        ("Indicators", reverse("strategy:indicators", args=[indicator.strategy_id])),
        ("Record a year", None),
    )
    return render(request, "strategy/form.html", {"form": form, "heading": heading, "crumbs": crumbs})
