"""An action plan's page and CSV, an action's page, and the forms for plans, actions and updates."""

from functools import cached_property

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, render
from django.views.generic import CreateView, FormView, UpdateView

from intlinks.editing import ServiceFormMixin
from intlinks.exports import download
from strategy import exports, selectors, services
from strategy.filters import ActionFilter
from strategy.forms import ActionForm, ActionPlanForm, ProgressUpdateForm
from strategy.models import Action, ActionPlan
from strategy.views.common import StrategyPartFormMixin, plan_crumbs, strategy_crumbs


class ActionPlanCreate(StrategyPartFormMixin, CreateView):
    permission_required = "strategy.add_actionplan"
    form_class = ActionPlanForm
    title = "Add an action plan"

    def get_success_message(self):
        return f"Action plan for {self.object.year_label} added"

    def get_success_url(self):
        return self.object.get_absolute_url()

    def save(self, form):
        return services.action_plan_create(strategy=self.get_strategy(), **form.cleaned_data)


def _plan(pk) -> ActionPlan:
    return get_object_or_404(ActionPlan.objects.select_related("strategy"), pk=pk)


@permission_required("strategy.view_actionplan", raise_exception=True)
def action_plan_detail(request, pk):
    """Actions grouped by objective, with RAG counts per objective and filters."""
    plan = _plan(pk)
    actions = selectors.plan_actions(action_plan=plan)
    lead_officers = selectors.plan_lead_officers(actions=actions)
    action_filter = ActionFilter(request.GET or None, queryset=actions, lead_officers=lead_officers)
    filtered = list(action_filter.qs)
    context = {
        "plan": plan,
        "filter": action_filter,
        "groups": selectors.action_plan_groups(action_plan=plan, actions=filtered),
        "shown": len(filtered),
        "query": request.GET.urlencode(),
        "crumbs": strategy_crumbs(plan.strategy, (f"Action plan {plan.year_label}", None)),
    }
    return render(request, "strategy/action_plan.html", context)


@permission_required("strategy.view_actionplan", raise_exception=True)
def action_plan_export(request, pk, file_format):
    """The plan's actions the page shows (its filters applied), with their current status, as CSV or
    XLSX (streamed)."""
    plan = _plan(pk)
    actions = selectors.plan_actions(action_plan=plan)
    lead_officers = selectors.plan_lead_officers(actions=actions)
    shown = ActionFilter(request.GET or None, queryset=actions, lead_officers=lead_officers).qs
    return download(
        exports.ACTIONS, shown, file_format, name=f"action-plan-{plan.year_label.replace('/', '-')}"
    )


class ActionFormMixin(ServiceFormMixin):
    form_class = ActionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "strategy": self.get_plan().strategy}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.action_plan = self.get_plan()
        return form

    def crumbs(self):
        return plan_crumbs(self.get_plan(), (self.title, None))

    def save(self, form):
        return services.action_save(action=form.instance)


class ActionCreate(ActionFormMixin, CreateView):
    permission_required = "strategy.add_action"
    title, success_message = "Add an action", "Action added"

    @cached_property
    def plan(self) -> ActionPlan:
        return _plan(self.kwargs["plan"])

    def get_plan(self):
        return self.plan

    def get_success_url(self):
        return self.plan.get_absolute_url()


class ActionEdit(ActionFormMixin, UpdateView):
    permission_required = "strategy.change_action"
    model = Action
    title, success_message = "Edit the action", "Action saved"

    def get_plan(self):
        return self.object.action_plan


@permission_required("strategy.view_action", raise_exception=True)
def action_detail(request, pk):
    """An action, its current progress and its full history of updates."""
    action = get_object_or_404(selectors.actions_with_progress(), pk=pk)
    context = {
        "action": action,
        "updates": selectors.action_updates(action=action),
        "crumbs": plan_crumbs(action.action_plan, (action.reference, None)),
    }
    return render(request, "strategy/action.html", context)


class ProgressUpdateAdd(ServiceFormMixin, FormView):
    """The quick update: status, RAG and a note, appended to the action's history."""

    permission_required = "strategy.add_progressupdate"
    form_class = ProgressUpdateForm
    template_name = "strategy/progress_update.html"

    @cached_property
    def action(self) -> Action:
        return get_object_or_404(selectors.actions_with_progress(), pk=self.kwargs["pk"])

    @property
    def title(self):
        return f"Update {self.action.reference}"

    def get_initial(self):
        if not self.action.last_update_at:
            return {}
        return {"status": self.action.current_status, "rag": self.action.current_rag}

    def crumbs(self):
        return plan_crumbs(
            self.action.action_plan, (self.action.reference, self.action.get_absolute_url()), ("Update", None)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.action, **kwargs)

    def get_success_message(self):
        return f"Progress update added to {self.action.reference}"

    def get_success_url(self):
        return f"{self.action.action_plan.get_absolute_url()}#objective-{self.action.objective.number}"

    def save(self, form):
        return services.progress_update_add(action=self.action, by=self.request.user, **form.cleaned_data)
