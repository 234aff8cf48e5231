"""The budget page and the budget form (a budget and its lines saved together)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from strategy import selectors, services
from strategy.forms import BudgetForm, BudgetLineFormSet
from strategy.models import Budget


@permission_required("strategy.view_budget", raise_exception=True)
def budget_detail(request, pk):
    """Allocated, committed and spent per line, totals, and the 1993 Act warning."""
    get_object_or_404(Budget, pk=pk)
    summary = selectors.budget_summary(budget_id=pk)
    label = f"Budget {summary.budget.year_label}"
    crumbs = [("Strategy", reverse("strategy:index")), (label, None)]
    return render(request, "strategy/budget.html", {"summary": summary, "crumbs": crumbs})


def _budget_form(request, budget: Budget | None):
    budget = budget or Budget()
    form = BudgetForm(request.POST or None, instance=budget)
    formset = BudgetLineFormSet(request.POST or None, instance=budget, prefix="lines")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        kept = [f for f in formset.forms if f.has_changed() or f.instance.pk]
        kept = [f for f in kept if not formset._should_delete_form(f)]
        removed = [f.instance for f in formset.deleted_forms if f.instance.pk]
        try:
            services.budget_save_with_lines(
                budget=form.save(commit=False),
                lines=[f.save(commit=False) for f in kept],
                removed=removed,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"Budget for {budget.year_label} saved")
            return redirect(budget)
    heading = f"Edit the budget for {budget.year_label}" if budget.pk else "Add a budget"
    crumbs = [("Strategy", reverse("strategy:index"))]
    if budget.pk:
        crumbs.append((f"Budget {budget.year_label}", budget.get_absolute_url()))
    crumbs.append((heading, None))
    context = {"form": form, "formset": formset, "heading": heading, "crumbs": crumbs}
    return render(request, "strategy/budget_form.html", context)


@permission_required("strategy.add_budget", raise_exception=True)
def budget_create(request):
    return _budget_form(request, None)


@permission_required("strategy.change_budget", raise_exception=True)
def budget_edit(request, pk):
    return _budget_form(request, get_object_or_404(Budget, pk=pk))
