"""The log form that works first time (issue 13): the Krefeld visit logged by keyboard only in one
submission, with the breach flagged per meal; every kind of mistake at once in one error summary."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from partnerships.tests.factories import (
    ConductPolicyFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


def accessible(page, name):
    page.screenshot(path=f"var/screenshots/log-form-{name}.png", full_page=True)
    assert axe_violations(page) == [], name


# ---- the keyboard, and nothing else ------------------------------------------------------------------


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement?.matches(selector) ?? false", selector)


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user moves on."""
    for _ in range(limit):
        if focused_matches(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose(page, selector: str, starts_with: str) -> None:
    """On a select: arrow keys to the option whose text starts with `starts_with` (no list opened)."""
    tab_to(page, selector)
    target, current = page.evaluate(
        """([selector, text]) => {
            const select = document.querySelector(selector);
            const options = Array.from(select.options);
            return [options.findIndex((o) => o.text.trim().startsWith(text)), select.selectedIndex];
        }""",
        [selector, starts_with],
    )
    assert target >= 0, f"{selector} has no option {starts_with!r}"
    key = "ArrowDown" if target > current else "ArrowUp"
    for _ in range(abs(target - current)):
        page.keyboard.press(key)
    expect(page.locator(selector)).to_have_value(
        page.evaluate("([s, i]) => document.querySelector(s).options[i].value", [selector, target])
    )


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def type_date(page, field_id: str, day: date | tuple[int, int, int]) -> None:
    """Type a date into the GOV.UK date input (day, month, year: `#<id>_0`, `_1`, `_2`) by keyboard. A
    tuple (day, month, year) may be impossible (30 February), as a person may type it."""
    d, m, y = (day.day, day.month, day.year) if isinstance(day, date) else day
    for part, value in enumerate((d, m, y)):
        type_into(page, f"#{field_id}_{part}", str(value))


def add_cost(page, index: int, category: str, **fields) -> None:
    """ "Add another cost" by keyboard, then the cost's fields in the order the page gives them."""
    tab_to(page, "button[data-add-row='costs']")
    page.keyboard.press("Enter")
    prefix = f"#id_costs-{index}-"
    expect(page.locator(f"{prefix}category")).to_be_focused()
    choose(page, f"{prefix}category", category)
    for name, value in fields.items():
        if name == "incurred_on":
            type_date(page, f"id_costs-{index}-incurred_on", value)
        elif isinstance(value, tuple):  # a select: the start of the option's text
            choose(page, f"{prefix}{name}", value[0])
        else:
            type_into(page, f"{prefix}{name}", value)
    choose(page, f"{prefix}budget_line", "Visits and delegations")


def test_an_officer_logs_the_krefeld_visit_by_keyboard_only_in_one_submission(
    page, live_server, officer, sign_in
):
    ConductPolicyFactory()
    budget_line_for(2026)
    krefeld = PartnershipFactory(place=PlaceFactory(name="Krefeld", country="DE"))
    sign_in("officer")
    page.goto(f"{live_server.url}/partnerships/{krefeld.pk}/activities/new/")
    accessible(page, "empty")

    choose(page, "#id_kind", "Outgoing visit")
    type_into(page, "#id_title", "Civic visit to Krefeld")
    type_date(page, "id_starts_on", date(2026, 6, 1))
    type_date(page, "id_ends_on", date(2026, 6, 4))
    type_into(page, "#id_places", "Krefeld and Düsseldorf")
    type_into(page, "#id_purpose", "Agree the year's school exchanges")
    type_into(page, "#id_expected_benefit", "Twenty pupils abroad")
    type_into(page, "#id_councillors", "2")
    the_day = date(2026, 6, 2)
    add_cost(
        page,
        0,
        "Travel",
        description="Flights to Düsseldorf",
        incurred_on=date(2026, 6, 1),
        amount="420.00",
        travel_class=("Economy",),
        journey_hours="1.5",
    )
    add_cost(
        page,
        1,
        "Accommodation",
        description="Hotel, three nights",
        incurred_on=the_day,
        amount="390.00",
        currency=("EUR",),
        rate_to_gbp="0.85",
        region=("Europe",),
        nights="3",
    )
    for index, amount in enumerate(("20.00", "25.00", "45.00"), start=2):
        add_cost(
            page,
            index,
            "Subsistence",
            description=f"Meal {index - 1}",
            incurred_on=the_day,
            amount=amount,
            meals="1",
        )
    accessible(page, "filled")
    tab_to(page, "main form > button[type='submit']")  # "Save the activity", after the outcomes
    expect(page.locator("main form > button[type='submit']")).to_have_text("Save the activity")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator(".govuk-error-summary").count() == 0, page.locator(
        ".govuk-error-summary"
    ).inner_text()
    expect(page.get_by_role("heading", level=1)).to_have_text("Civic visit to Krefeld")
    costs = page.locator("main")
    expect(costs).to_contain_text("Subsistence of £45.00 a meal: the cap is £30.00 a meal")
    expect(page.get_by_text(re.compile(r"Subsistence of £\d+\.\d\d a meal"))).to_have_count(1)
    expect(page.locator(".govuk-tag", has_text=re.compile(r"^\s*Breach\s*$"))).to_have_count(1)
    accessible(page, "krefeld-logged")
    page.set_viewport_size(PHONE)
    accessible(page, "krefeld-logged-phone")


def test_every_kind_of_mistake_is_in_one_summary_each_linking_to_its_field(
    page, live_server, officer, sign_in
):
    budget_line_for(2026)
    link = PartnershipFactory()
    sign_in("officer")
    page.goto(f"{live_server.url}/partnerships/{link.pk}/activities/new/")

    page.locator("#id_kind").select_option("outgoing_visit")
    type_date(page, "id_starts_on", date(2026, 6, 10))
    type_date(page, "id_ends_on", date(2026, 6, 1))  # before the start
    costs = [
        {"category": "venue", "incurred_on": (30, 2, 2026), "amount": "10"},  # an impossible date
        {"category": "venue", "incurred_on": date(2026, 6, 2)},  # no amount
        {"category": "venue", "incurred_on": date(2026, 6, 2), "amount": "10", "currency": "EUR"},  # no rate
        {"category": "travel", "incurred_on": date(2026, 6, 2), "amount": "10", "journey_hours": "2"},
        {"category": "venue", "incurred_on": date(2027, 10, 5), "amount": "10"},  # no 2027/28 budget
    ]
    for index, cost in enumerate(costs):
        page.get_by_role("button", name="Add another cost").click()
        for name, value in cost.items():
            field = page.locator(f"#id_costs-{index}-{name}")
            if name == "incurred_on":
                type_date(page, f"id_costs-{index}-incurred_on", value)
            elif field.evaluate("element => element.tagName") == "SELECT":
                field.select_option(value)
            else:
                field.fill(value)
        if cost["incurred_on"] != date(2027, 10, 5):
            page.locator(f"#id_costs-{index}-budget_line").select_option(label="Visits and delegations")
    page.get_by_role("button", name="Save the activity").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_have_count(1)
    entries = summary.locator("a")
    expected = [
        ("#id_title", "Enter the title"),
        ("#id_ends_on_0", "The return date must be the same as or after the departure date"),
        ("#id_purpose", "Enter the purpose"),
        ("#id_expected_benefit", "Enter the expected benefit"),
        ("#id_costs-0-incurred_on_0", "Cost 1: Date must be a real date"),
        ("#id_costs-1-amount", "Cost 2: Enter the amount"),
        ("#id_costs-2-rate_to_gbp", "Cost 3: Enter the rate to pounds for EUR"),
        ("#id_costs-3-travel_class", "Cost 4: Select the class of travel"),
        ("#id_costs-4-budget_line", "Cost 5: There is no budget for 2027/28 yet"),
    ]
    expect(entries).to_have_count(len(expected))
    for number, (target, words) in enumerate(expected):
        entry = entries.nth(number)
        expect(entry).to_contain_text(words)
        href = entry.get_attribute("href")
        assert href.startswith(target), (href, target)
        assert page.locator(href).count() == 1, f"{href} is not on the page"
    # Beside the budget line, the way on: a link to add the year's budget.
    expect(page.get_by_role("link", name="add the 2027/28 budget", exact=True)).to_be_visible()
    accessible(page, "every-mistake")
    page.set_viewport_size(PHONE)
    accessible(page, "every-mistake-phone")
