"""The activity log's templates show through the shared presentation layer and ask the models' rules."""

import pytest
from django.conf import settings

ACTIVITY_TEMPLATES = [
    "activity_detail.html",
    "activity_list.html",
    "activity_form.html",
    "gift_list.html",
    "funding_list.html",
    "needs_attention.html",
    "_breach.html",
]

# What a template must not write by hand, and what to use instead.
HAND_WRITTEN = {
    "floatformat": "{{ amount|money }}",
    "get_full_name": "{{ user|person_name }}",
    "govuk-tag--": "{% tag text meaning %}, the meaning from the model",
    "app-table-wrapper": '{% table_wrapper "Label" %}',
    "govuk-error-summary": '{% include "includes/error_summary.html" %} (via form_page.html)',
    "recorded_by_id": "BreachApproval.can_be_approved_by (the |can_be_approved_by filter)",
    "activity.state ==": "Activity.ready_check / complete_check",
}


@pytest.mark.parametrize("name", ACTIVITY_TEMPLATES)
def test_the_template_formats_and_decides_nothing_by_hand(name):
    text = (settings.BASE_DIR / "templates" / "partnerships" / name).read_text()

    found = {written: instead for written, instead in HAND_WRITTEN.items() if written in text}

    assert not found, f"{name}: use {found}"
