"""Reads for the action plan pages: actions with their current progress, grouped by objective."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count

from strategy.models import NOT_RATED, Action, ActionPlan, Objective, Rag

RAG_ORDER = [Rag.RED.value, Rag.AMBER.value, Rag.GREEN.value, NOT_RATED]


def plan_actions(*, action_plan: ActionPlan):
    """The plan's actions with their current progress and what the page shows beside them."""
    return (
        Action.objects.filter(action_plan=action_plan)
        .with_progress()
        .select_related("action_plan", "objective", "way_forward", "lead_officer")
        .order_by("objective__number", "reference")
    )


def plan_lead_officers(*, actions):
    """The people who lead any of `actions`, by user name: the choices of the lead-officer filter."""
    return get_user_model().objects.filter(pk__in=actions.values("lead_officer")).order_by("username")


def actions_with_progress():
    """Actions with their current progress and what an action's pages show beside it."""
    return Action.objects.with_progress().select_related(
        "action_plan__strategy", "objective", "way_forward", "lead_officer"
    )


def action_updates(*, action: Action):
    """The action's progress updates, newest first, with who recorded each (one query)."""
    return action.updates.select_related("recorded_by").order_by("-recorded_at", "-pk")


@dataclass
class ObjectiveGroup:
    objective: Objective
    actions: list = field(default_factory=list)
    rag_counts: dict = field(default_factory=dict)


def rag_counts_by_objective(*, action_plan: ActionPlan) -> dict[int, Counter]:
    """For each objective id, how many of the plan's actions are red, amber, green or not rated."""
    rows = (
        Action.objects.filter(action_plan=action_plan)
        .with_progress()
        .order_by()
        .values("objective_id", "current_rag")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, Counter] = {}
    for row in rows:
        counts.setdefault(row["objective_id"], Counter())[row["current_rag"]] = row["n"]
    return counts


def action_plan_groups(*, action_plan: ActionPlan, actions) -> list[ObjectiveGroup]:
    """Actions grouped under every objective of the strategy, with RAG counts over the whole plan."""
    counts = rag_counts_by_objective(action_plan=action_plan)
    groups = {
        objective.pk: ObjectiveGroup(
            objective, rag_counts={rag: counts.get(objective.pk, Counter())[rag] for rag in RAG_ORDER}
        )
        for objective in Objective.objects.filter(strategy_id=action_plan.strategy_id).order_by("number")
    }
    for action in actions:
        groups[action.objective_id].actions.append(action)
    return list(groups.values())
