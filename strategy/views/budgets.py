"""The budget page and the budget form (a budget and its lines saved together)."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.views.generic import CreateView, UpdateView

from strategy import selectors, services
from strategy.forms import BudgetForm, BudgetLineFormSet
from strategy.models import Budget
from strategy.views.common import SectionFormMixin, section_crumb


@permission_required("strategy.view_budget", raise_exception=True)
def budget_detail(request, pk):
    """Allocated, committed and spent per line, totals, and the 1993 Act warning."""
    get_object_or_404(Budget, pk=pk)
    summary = selectors.budget_summary(budget_id=pk)
    crumbs = [section_crumb(), (f"Budget {summary.budget.year_label}", None)]
    return render(request, "strategy/budget.html", {"summary": summary, "crumbs": crumbs})


FORMSET_INTRO = "The allocations must add up to the controllable budget total. Leave unused rows empty."


class BudgetFormMixin(SectionFormMixin):
    """The budget and its lines on one page; the service checks that the lines add up to the total."""

    form_class = BudgetForm
    formset_class = BudgetLineFormSet
    formset_prefix = "lines"

    def get_success_message(self):
        return f"Budget for {self.object.year_label} saved"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label="Save the budget",
            formset_intro=FORMSET_INTRO,
            **kwargs,
        )

    def save(self, form):
        return services.budget_save_with_lines(
            budget=form.instance,
            lines=[row.instance for row in self.kept_rows],
            removed=self.removed_rows,
        )


class BudgetCreate(BudgetFormMixin, CreateView):
    permission_required = "strategy.add_budget"
    title = "Add a budget"

    def get_initial(self):
        # "Add the 2026/27 budget", offered beside a cost of a year without one, names the year.
        return {**super().get_initial(), "financial_year": self.request.GET.get("financial_year", "")}


class BudgetEdit(BudgetFormMixin, UpdateView):
    permission_required = "strategy.change_budget"
    model = Budget

    @property
    def title(self):
        return f"Edit the budget for {self.object.year_label}"

    def crumbs(self):
        budget_crumb = (f"Budget {self.object.year_label}", self.object.get_absolute_url())
        return [section_crumb(), budget_crumb, (self.title, None)]
