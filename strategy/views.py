"""Thin views: read through selectors, write through services, answer with a page or a redirect."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import CreateView, UpdateView

from intlinks.csv_export import csv_download
from strategy import selectors, services
from strategy.filters import ActionFilter
from strategy.forms import (
    ActionForm,
    ActionPlanForm,
    ObjectiveForm,
    ProgressUpdateForm,
    StrategyForm,
    SynopsisEntryForm,
    WayForwardForm,
)
from strategy.models import (
    Action,
    ActionPlan,
    Budget,
    CorporateTheme,
    Objective,
    Strategy,
    SynopsisEntry,
    WayForward,
)


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError beside the form fields it names (the rest above the form)."""
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def strategy_crumbs(strategy, *more):
    return [("Strategy", reverse("strategy:index")), (strategy.title, strategy.get_absolute_url()), *more]


@permission_required("strategy.view_strategy", raise_exception=True)
def index(request):
    """The section's landing page: strategies with their action plans, and budgets by year."""
    strategies = Strategy.objects.prefetch_related("action_plans")
    budgets = Budget.objects.all()
    return render(
        request,
        "strategy/index.html",
        {"strategies": strategies, "budgets": budgets, "crumbs": [("Strategy", None)]},
    )


@permission_required("strategy.view_strategy", raise_exception=True)
def strategy_detail(request, pk):
    strategy = get_object_or_404(Strategy, pk=pk)
    strategy = selectors.strategy_with_contents(strategy_id=strategy.pk)
    themes = selectors.corporate_themes()
    context = {
        "strategy": strategy,
        "themes": themes,
        "synopsis": selectors.synopsis_rows(strategy=strategy, themes=themes),
        "crumbs": strategy_crumbs(strategy)[:-1] + [(strategy.title, None)],
    }
    return render(request, "strategy/strategy.html", context)


class ServiceFormMixin(PermissionRequiredMixin):
    """Create/edit through a service; a ValidationError goes back beside the fields."""

    template_name = "strategy/form.html"
    raise_exception = True
    service = None  # a function of one keyword argument, the unsaved instance
    service_argument = ""
    success_message = "Saved"
    heading = ""

    def form_valid(self, form):
        try:
            self.object = type(self).service(**{self.service_argument: form.save(commit=False)})
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, crumbs=self.get_crumbs(), **kwargs)

    def get_crumbs(self):
        return [("Strategy", reverse("strategy:index")), (self.heading, None)]


class StrategyCreate(ServiceFormMixin, CreateView):
    permission_required = "strategy.add_strategy"
    form_class = StrategyForm
    service, service_argument = services.strategy_save, "strategy"
    heading, success_message = "Add a strategy", "Strategy added"


class StrategyEdit(ServiceFormMixin, UpdateView):
    permission_required = "strategy.change_strategy"
    model, form_class = Strategy, StrategyForm
    service, service_argument = services.strategy_save, "strategy"
    heading, success_message = "Edit the strategy", "Strategy saved"

    def get_crumbs(self):
        return strategy_crumbs(self.object, (self.heading, None))


class StrategyChildMixin(ServiceFormMixin):
    """Forms for something that belongs to a strategy, reached from the strategy page."""

    def get_strategy(self):
        if not hasattr(self, "_strategy"):
            self._strategy = get_object_or_404(Strategy, pk=self.kwargs["strategy"])
        return self._strategy

    def get_crumbs(self):
        return strategy_crumbs(self.get_strategy(), (self.heading, None))

    def get_success_url(self):
        return self.get_strategy().get_absolute_url()


class ObjectiveCreate(StrategyChildMixin, CreateView):
    permission_required = "strategy.add_objective"
    form_class = ObjectiveForm
    service, service_argument = services.objective_save, "objective"
    heading, success_message = "Add an objective", "Objective added"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.strategy = self.get_strategy()
        return form


class ObjectiveEdit(StrategyChildMixin, UpdateView):
    permission_required = "strategy.change_objective"
    model, form_class = Objective, ObjectiveForm
    service, service_argument = services.objective_save, "objective"
    heading, success_message = "Edit the objective", "Objective saved"

    def get_strategy(self):
        return self.get_object().strategy


class WayForwardCreate(StrategyChildMixin, CreateView):
    permission_required = "strategy.add_wayforward"
    form_class = WayForwardForm
    service, service_argument = services.way_forward_save, "way_forward"
    success_message = "Way forward added"

    @property
    def objective(self):
        return get_object_or_404(Objective.objects.select_related("strategy"), pk=self.kwargs["objective"])

    @property
    def heading(self):
        return f"Add a way forward to objective {self.objective.number}"

    def get_strategy(self):
        return self.objective.strategy

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.objective = self.objective
        return form


class WayForwardEdit(StrategyChildMixin, UpdateView):
    permission_required = "strategy.change_wayforward"
    model, form_class = WayForward, WayForwardForm
    service, service_argument = services.way_forward_save, "way_forward"
    heading, success_message = "Edit the way forward", "Way forward saved"

    def get_strategy(self):
        return self.get_object().objective.strategy


@permission_required("strategy.change_synopsisentry", raise_exception=True)
def synopsis_entry_edit(request, objective, theme):
    """Write the synopsis cell for one objective and one corporate theme."""
    objective = get_object_or_404(Objective.objects.select_related("strategy"), pk=objective)
    theme = get_object_or_404(CorporateTheme, pk=theme)
    entry = SynopsisEntry.objects.filter(objective=objective, theme=theme).first()
    form = SynopsisEntryForm(request.POST or None, initial={"text": entry.text if entry else ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.synopsis_entry_save(objective=objective, theme=theme, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Synopsis for objective {objective.number} and {theme} saved")
            return redirect(objective.strategy)
    heading = f"Objective {objective.number} and {theme}"
    context = {
        "form": form,
        "heading": heading,
        "crumbs": strategy_crumbs(objective.strategy, (heading, None)),
    }
    return render(request, "strategy/form.html", context)


@permission_required("strategy.add_actionplan", raise_exception=True)
def action_plan_create(request, strategy):
    strategy = get_object_or_404(Strategy, pk=strategy)
    form = ActionPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.action_plan_create(strategy=strategy, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Action plan for {plan.year_label} added")
            return redirect(plan)
    heading = "Add an action plan"
    context = {"form": form, "heading": heading, "crumbs": strategy_crumbs(strategy, (heading, None))}
    return render(request, "strategy/form.html", context)


def plan_crumbs(plan, *more):
    return [
        *strategy_crumbs(plan.strategy),
        (f"Action plan {plan.year_label}", plan.get_absolute_url()),
        *more,
    ]


@permission_required("strategy.view_actionplan", raise_exception=True)
def action_plan_detail(request, pk):
    """Actions grouped by objective, with RAG counts per objective and filters."""
    plan = get_object_or_404(ActionPlan.objects.select_related("strategy"), pk=pk)
    actions = selectors.plan_actions(action_plan=plan)
    lead_officers = (
        get_user_model().objects.filter(pk__in=actions.values("lead_officer")).order_by("username")
    )
    action_filter = ActionFilter(request.GET or None, queryset=actions, lead_officers=lead_officers)
    filtered = list(action_filter.qs)
    context = {
        "plan": plan,
        "filter": action_filter,
        "groups": selectors.action_plan_groups(action_plan=plan, actions=filtered),
        "shown": len(filtered),
        "crumbs": plan_crumbs(plan)[:-1] + [(f"Action plan {plan.year_label}", None)],
    }
    return render(request, "strategy/action_plan.html", context)


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


@permission_required("strategy.view_actionplan", raise_exception=True)
def action_plan_csv(request, pk):
    """Every action of the plan, with its current status and flags, as CSV."""
    plan = get_object_or_404(ActionPlan.objects.select_related("strategy"), pk=pk)
    response, writer = csv_download(filename=f"action-plan-{plan.year_label.replace('/', '-')}.csv")
    writer.writerow(
        [
            "reference",
            "objective",
            "way forward",
            "description",
            "lead officer",
            "start date",
            "due date",
            "planned cost",
            "status",
            "RAG",
            "last update",
            "overdue",
            "no recent update",
        ]
    )
    for action in selectors.plan_actions(action_plan=plan):
        writer.writerow(
            [
                action.reference,
                action.objective.number,
                action.way_forward.letter if action.way_forward else "",
                action.description,
                _person(action.lead_officer),
                action.start_date.isoformat(),
                action.due_date.isoformat(),
                f"{action.planned_cost:.2f}",
                action.current_status,
                action.current_rag,
                action.last_update_at.date().isoformat() if action.last_update_at else "",
                "yes" if action.is_overdue else "no",
                "yes" if action.is_stale else "no",
            ]
        )
    return response


class ActionFormMixin(ServiceFormMixin):
    form_class = ActionForm
    service, service_argument = services.action_save, "action"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "strategy": self.get_plan().strategy}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.action_plan = self.get_plan()
        return form

    def get_crumbs(self):
        return plan_crumbs(self.get_plan(), (self.heading, None))


class ActionCreate(ActionFormMixin, CreateView):
    permission_required = "strategy.add_action"
    heading, success_message = "Add an action", "Action added"

    def get_plan(self):
        return get_object_or_404(ActionPlan.objects.select_related("strategy"), pk=self.kwargs["plan"])

    def get_success_url(self):
        return self.get_plan().get_absolute_url()


class ActionEdit(ActionFormMixin, UpdateView):
    permission_required = "strategy.change_action"
    model = Action
    heading, success_message = "Edit the action", "Action saved"

    def get_plan(self):
        return self.object.action_plan


def _action_with_progress(pk):
    return get_object_or_404(
        Action.objects.with_progress().select_related(
            "action_plan__strategy", "objective", "way_forward", "lead_officer"
        ),
        pk=pk,
    )


@permission_required("strategy.view_action", raise_exception=True)
def action_detail(request, pk):
    """An action, its current progress and its full history of updates."""
    action = _action_with_progress(pk)
    updates = action.updates.select_related("recorded_by").order_by("-recorded_at", "-pk")
    context = {
        "action": action,
        "updates": updates,
        "crumbs": plan_crumbs(action.action_plan, (action.reference, None)),
    }
    return render(request, "strategy/action.html", context)


@permission_required("strategy.add_progressupdate", raise_exception=True)
def progress_update_add(request, pk):
    """The quick update: status, RAG and a note, appended to the action's history."""
    action = _action_with_progress(pk)
    initial = {"status": action.current_status} if action.last_update_at else {}
    if action.last_update_at:
        initial["rag"] = action.current_rag
    form = ProgressUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_update_add(action=action, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Progress update added to {action.reference}")
            return redirect(f"{action.action_plan.get_absolute_url()}#objective-{action.objective.number}")
    heading = f"Update {action.reference}"
    context = {
        "form": form,
        "action": action,
        "heading": heading,
        "crumbs": plan_crumbs(
            action.action_plan, (action.reference, action.get_absolute_url()), ("Update", None)
        ),
    }
    return render(request, "strategy/progress_update.html", context)
