"""The activity log form that works first time (issue 13): every error in one round, costs added one at a
time (also without JavaScript), ways forward under their objectives, the action by reference and short
text, and a budget-line error that says what is missing and, to those allowed, how to add it."""

import html
import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from conftest import make_user
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships import services
from partnerships.forms.activities import shortened
from partnerships.models import Activity, Cost
from partnerships.tests.factories import (
    ConductPolicyFactory,
    CostFactory,
    PartnershipFactory,
    budget_line_for,
)
from partnerships.tests.test_activity_views import log_form
from strategy.models import Budget, BudgetLine
from strategy.tests.factories import ActionFactory, ActionPlanFactory, WayForwardFactory

pytestmark = pytest.mark.django_db


def summary_of(response) -> list[tuple[str, str]]:
    """The error summary's entries as (link target, words)."""
    page = response.content.decode()
    assert page.count('class="govuk-error-summary"') == 1
    summary = page.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    return [
        (target, html.unescape(re.sub(r"\s+", " ", words).strip()))
        for target, words in re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary, re.S)
    ]


def remove_every_budget() -> None:
    """`log_form` charges its costs to a line of the 2026/27 budget; these tests need none."""
    BudgetLine.objects.all().delete()
    Budget.objects.all().delete()


def new_activity_url(link) -> str:
    return f"/partnerships/{link.pk}/activities/new/"


# ---- one round of errors ---------------------------------------------------------------------------------


def test_every_kind_of_mistake_is_shown_in_one_summary_in_one_round(officer_client):
    ConductPolicyFactory()
    link = PartnershipFactory()
    budget_line_for(2026)
    data = log_form(
        link,
        [
            {"amount": ""},
            {"currency": "EUR", "rate_to_gbp": ""},
            {"category": "travel", "journey_hours": "2"},
            {"incurred_on": "2027-10-05", "budget_line": ""},  # 2027/28 has no budget
            {"incurred_on": "2026-02-30"},
            {"category": "accommodation", "region": "europe", "nights": ""},
        ],
    )
    data.update(
        {
            "title": "",
            "starts_on": "2026-06-10",
            "ends_on": "2026-06-01",
            "purpose": "",
            "expected_benefit": "",
            "paid_from_public_funds": "",  # the council pays its costs: a rule across activity and costs
        }
    )

    response = officer_client.post(new_activity_url(link), data)

    assert summary_of(response) == [
        ("id_title", "Enter the title"),
        ("id_ends_on_0", "The return date must be the same as or after the departure date"),
        ("id_paid_from_public_funds", "The council pays some of its costs: it is paid from public funds"),
        ("id_purpose", "Enter the purpose: every visit paid from public funds needs one"),
        ("id_expected_benefit", "Enter the expected benefit: every visit paid from public funds needs one"),
        ("id_costs-0-amount", "Cost 1: Enter the amount in the currency"),
        ("id_costs-1-rate_to_gbp", "Cost 2: Enter the rate to pounds for EUR"),
        ("id_costs-2-travel_class", "Cost 3: Select the class of travel"),
        ("id_costs-3-budget_line", "Cost 4: There is no budget for 2027/28 yet: add the 2027/28 budget"),
        ("id_costs-4-incurred_on_0", "Cost 5: Date must be a real date"),
        ("id_costs-5-nights", "Cost 6: Enter the number of nights"),
    ]
    assert not Activity.objects.exists()


def test_a_cost_row_shows_its_date_amount_rate_class_and_journey_errors_together(officer_client):
    link = PartnershipFactory()
    data = log_form(link, [{"incurred_on": "", "amount": "", "category": "travel", "currency": "EUR"}])

    targets = [target for target, _ in summary_of(officer_client.post(new_activity_url(link), data))]

    assert targets == [
        "id_costs-0-incurred_on_0",
        "id_costs-0-amount",
        "id_costs-0-rate_to_gbp",
        "id_costs-0-travel_class",
        "id_costs-0-journey_hours",
    ]


def test_the_rule_across_activity_and_costs_does_not_repeat_an_error_already_shown(officer_client):
    link = PartnershipFactory()
    data = log_form(link, [{}])
    data.update({"paid_from_public_funds": "", "purpose": "x" * 20_000})

    entries = summary_of(officer_client.post(new_activity_url(link), data))

    assert [target for target, _ in entries].count("id_purpose") == 1


def test_a_council_paid_cost_on_an_activity_not_from_public_funds_is_still_refused_by_the_service(officer):
    day = date(2026, 6, 1)
    activity = Activity(
        partnership=PartnershipFactory(),
        kind="other",
        title="Concert",
        starts_on=day,
        ends_on=day,
        paid_from_public_funds=False,
    )
    cost = Cost(
        category="venue", incurred_on=day, amount=100, currency="GBP", budget_line=budget_line_for(2026)
    )

    with pytest.raises(ValidationError, match="paid from public funds"):
        services.activity_log(activity=activity, costs=[cost], by=officer)


# ---- costs one at a time ---------------------------------------------------------------------------------


def test_add_another_cost_without_javascript_keeps_what_was_typed_adds_a_blank_row_and_saves_nothing(
    officer_client,
):
    link = PartnershipFactory()
    data = log_form(link, [{"category": "travel", "description": "Flights to Düsseldorf", "amount": ""}])
    data.update({"title": "", "add_cost": "1"})

    response = officer_client.post(new_activity_url(link), data)

    assert response.status_code == 200
    assert not Activity.objects.exists()
    page = response.content.decode()
    assert "govuk-error-summary" not in page  # nothing was checked: the person has not finished
    assert 'name="costs-TOTAL_FORMS" value="2"' in page
    assert 'value="Flights to Düsseldorf"' in page
    rows = page.split("<template", 1)[0]
    assert rows.count('data-formset-row="costs"') == 2
    assert 'id="id_costs-1-category"' in rows


def test_a_blank_row_added_and_left_blank_is_ignored_when_the_activity_is_saved(officer_client):
    link = PartnershipFactory()
    data = log_form(link, [])
    # The blank row as "Add another cost" shows it: only the values a new cost starts with.
    data.update(
        {
            "costs-TOTAL_FORMS": "1",
            "costs-0-currency": "GBP",
            "costs-0-stage": "planned",
            "costs-0-paid_by": "council",
        }
    )

    response = officer_client.post(new_activity_url(link), data)

    assert response.status_code == 302
    assert Activity.objects.get().costs.count() == 0


def test_add_another_cost_on_an_edit_keeps_the_saved_costs(officer_client):
    cost = CostFactory(description="Coach")
    url = f"/partnerships/activities/{cost.activity.pk}/edit/"
    form = officer_client.get(url).context["form"]
    data = log_form(cost.activity.partnership, [])
    data.update(
        {
            "costs-TOTAL_FORMS": "1",
            "costs-INITIAL_FORMS": "1",
            "costs-0-id": str(cost.pk),
            "costs-0-category": cost.category,
            "costs-0-description": "Coach",
            "costs-0-incurred_on": cost.incurred_on.isoformat(),
            "costs-0-stage": cost.stage,
            "costs-0-amount": str(cost.amount),
            "costs-0-currency": "GBP",
            "costs-0-paid_by": cost.paid_by,
            "costs-0-budget_line": str(cost.budget_line_id or ""),
            "form_token": form["form_token"].value(),
            "add_cost": "1",
        }
    )

    page = officer_client.post(url, data).content.decode()

    assert 'name="costs-TOTAL_FORMS" value="2"' in page
    assert 'value="Coach"' in page
    assert "Remove this cost" in page


# ---- the budget line -------------------------------------------------------------------------------------


def test_a_cost_of_a_year_without_a_budget_says_so_and_links_to_adding_it(officer_client):
    link = PartnershipFactory()
    data = log_form(link, [{"incurred_on": "2026-10-05", "budget_line": ""}])
    data.update({"starts_on": "2026-10-05", "ends_on": "2026-10-06"})
    remove_every_budget()

    page = officer_client.post(new_activity_url(link), data).content.decode()

    assert (
        'There is no budget for 2026/27 yet: <a class="govuk-link" '
        'href="/strategy/budgets/new/?financial_year=2026%2F27">add the 2026/27 budget</a>'
    ) in page
    # The summary's entry is a link to the field: it carries the words, not a second link.
    summary_entry = "Cost 1: There is no budget for 2026/27 yet: add the 2026/27 budget</a>"
    assert f'href="#id_costs-0-budget_line">{summary_entry}' in page


def test_a_person_who_may_not_add_budgets_is_told_without_a_link(client, django_user_model):
    logger = make_user(django_user_model, "logger")
    logger.user_permissions.set(
        Permission.objects.filter(content_type__app_label="partnerships", codename__in=["add_activity"])
    )
    client.force_login(logger)
    link = PartnershipFactory()
    data = log_form(link, [{"incurred_on": "2026-10-05", "budget_line": ""}])
    remove_every_budget()

    page = client.post(new_activity_url(link), data).content.decode()

    assert "There is no budget for 2026/27 yet" in page
    assert "/strategy/budgets/new/" not in page


def test_a_budget_without_lines_says_so_and_links_to_its_lines(officer_client):
    link = PartnershipFactory()
    data = log_form(link, [{"incurred_on": "2026-10-05", "budget_line": ""}])
    budget = budget_line_for(2026).budget
    budget.lines.all().delete()

    page = officer_client.post(new_activity_url(link), data).content.decode()

    link_to_lines = f'<a class="govuk-link" href="/strategy/budgets/{budget.pk}/edit/">add its lines</a>'
    assert f"The budget for 2026/27 has no lines yet: {link_to_lines}" in page


def test_a_cost_with_a_budget_of_its_year_is_asked_to_choose_a_line(officer_client):
    link = PartnershipFactory()
    budget_line_for(2026)
    data = log_form(link, [{"budget_line": ""}])

    entries = summary_of(officer_client.post(new_activity_url(link), data))

    assert entries == [
        ("id_costs-0-budget_line", "Cost 1: Select the budget line the council's cost is charged to")
    ]


def test_the_budget_lines_are_grouped_by_year_with_the_cost_year_first(officer_client):
    link = PartnershipFactory()
    budget_line_for(2025, "Visits 2025")
    budget_line_for(2026, "Visits 2026")
    budget_line_for(2027, "Visits 2027")
    data = log_form(link, [{"incurred_on": "2025-06-02", "budget_line": "", "amount": ""}])

    page = officer_client.post(new_activity_url(link), data).content.decode()

    select = page.split('id="id_costs-0-budget_line"', 1)[1].split("</select>", 1)[0]
    groups = re.findall(r'<optgroup label="([^"]+)"', select)
    assert groups == ["2025/26 budget", "2027/28 budget", "2026/27 budget"]
    assert "Choose a budget line" in select


def test_the_budget_create_page_starts_with_the_year_it_was_asked_for(officer_client):
    page = officer_client.get("/strategy/budgets/new/?financial_year=2026/27").content.decode()

    assert 'value="2026/27"' in page


# ---- strategy: ways forward and the action ---------------------------------------------------------------


def test_ways_forward_are_grouped_under_their_objective_and_open_only_where_one_is_chosen(officer_client):
    chosen = WayForwardFactory(text="Exchange teachers")
    WayForwardFactory(objective=chosen.objective, text="Share lesson plans")
    other = WayForwardFactory(text="Hold a trade fair")
    cost = CostFactory()
    cost.activity.ways_forward.add(chosen)

    page = officer_client.get(f"/partnerships/activities/{cost.activity.pk}/edit/").content.decode()

    details = re.findall(r"<details[^>]*>.*?</details>", page, re.S)
    assert len(details) == 2
    opened = [d for d in details if re.match(r"<details[^>]*\sopen", d)]
    assert len(opened) == 1
    assert "Exchange teachers" in opened[0]
    assert "Share lesson plans" in opened[0]
    assert other.text not in opened[0]


def test_the_action_is_chosen_by_reference_and_short_text_grouped_by_plan_year(officer_client):
    long_text = (
        "Hold a civic visit to Krefeld with the Mayor and two members of the youth council to agree the "
        "next three years of school exchanges"
    )
    plan = ActionPlanFactory(financial_year=2026)
    ActionFactory(action_plan=plan, reference="3.2", description=long_text)
    ActionFactory(action_plan=ActionPlanFactory(strategy=plan.strategy, financial_year=2025), reference="1.1")
    link = PartnershipFactory()

    page = officer_client.get(new_activity_url(link)).content.decode()

    select = page.split('id="id_action"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'<optgroup label="([^"]+)"', select) == ["Action plan 2026/27", "Action plan 2025/26"]
    assert '<option value="" selected>Choose an action</option>' in select
    assert f">3.2: {shortened(long_text)}</option>" in select
    assert f'title="3.2: {long_text}"' in select


def test_text_is_shortened_on_a_word_boundary_with_an_ellipsis():
    text = "Hold a civic visit to Krefeld with the Mayor and two members of the youth council"

    assert shortened(text) == "Hold a civic visit to Krefeld with the Mayor and two…"
    assert len(shortened(text)) <= 60
    assert shortened("Short") == "Short"


def test_the_chosen_action_full_text_is_the_hint(officer_client):
    action = ActionFactory(reference="3.2", description="Hold a civic visit to Krefeld " * 5)
    cost = CostFactory()
    cost.activity.action = action
    cost.activity.save()

    page = officer_client.get(f"/partnerships/activities/{cost.activity.pk}/edit/").content.decode()

    hint = page.split('id="id_action_hint"', 1)[1].split("</div>", 1)[0]
    assert action.description.strip()[:60] in hint


# ---- sections and queries --------------------------------------------------------------------------------


def test_the_form_is_in_sections_with_the_outcomes_after_the_costs(officer_client):
    page = officer_client.get(new_activity_url(PartnershipFactory())).content.decode()

    headings = re.findall(r'<h2 class="govuk-heading-m[^"]*">\s*(.*?)\s*</h2>', page)
    assert headings == ["What and when", "Where and why", "Strategy", "People", "Costs", "Outcomes"]


def test_the_edit_page_uses_the_same_number_of_queries_whatever_its_costs(officer_client):
    cost = CostFactory()
    WayForwardFactory()
    url = f"/partnerships/activities/{cost.activity.pk}/edit/"
    few = queries_for(officer_client, url)
    for year in (2024, 2025, 2027):
        budget_line_for(year)
    for _ in range(8):
        CostFactory(activity=cost.activity)
    WayForwardFactory.create_batch(5)
    many = queries_for(officer_client, url)

    assert_fixed_queries(few, many, at_most=25)
