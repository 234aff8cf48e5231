"""Filters for the action-plan page (django-filter), on the annotated current progress."""

import django_filters
from django import forms

from strategy.models import NOT_RATED, Action, ActionStatus, Rag

RAG_CHOICES = [*Rag.choices, (NOT_RATED, "Not rated yet")]
FLAG_CHOICES = [("overdue", "Overdue"), ("stale", "No recent update")]


class ActionFilter(django_filters.FilterSet):
    rag = django_filters.MultipleChoiceFilter(
        field_name="current_rag", label="RAG", choices=RAG_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    status = django_filters.MultipleChoiceFilter(
        field_name="current_status",
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    flag = django_filters.MultipleChoiceFilter(
        label="Flagged", choices=FLAG_CHOICES, method="filter_flags", widget=forms.CheckboxSelectMultiple
    )
    lead_officer = django_filters.ModelChoiceFilter(
        label="Lead officer", queryset=None, empty_label="Anyone", method="filter_lead_officer"
    )

    class Meta:
        model = Action
        fields = []

    def __init__(self, *args, lead_officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["lead_officer"].queryset = lead_officers

    def filter_flags(self, queryset, name, value):
        if "overdue" in value:
            queryset = queryset.filter(is_overdue=True)
        if "stale" in value:
            queryset = queryset.filter(is_stale=True)
        return queryset

    def filter_lead_officer(self, queryset, name, value):
        return queryset.filter(lead_officer=value) if value else queryset
