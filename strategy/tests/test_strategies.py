"""A strategy's page: aims, objectives, ways forward and the synopsis matrix, and its forms."""

import pytest

from intlinks.tests.posting import page_data
from intlinks.tests.queries import assert_fixed_queries, queries_for
from strategy.tests.factories import (
    ActionPlanFactory,
    CorporateThemeFactory,
    ObjectiveFactory,
    StrategyFactory,
    SynopsisEntryFactory,
    WayForwardFactory,
)

pytestmark = pytest.mark.django_db


def build_strategy(objectives: int):
    strategy = StrategyFactory()
    themes = [CorporateThemeFactory(name=name) for name in ("Confident People", "Greater Prosperity")]
    for number in range(1, objectives + 1):
        objective = ObjectiveFactory(strategy=strategy, number=number)
        WayForwardFactory(objective=objective, letter="a")
        WayForwardFactory(objective=objective, letter="b")
        for theme in themes:
            SynopsisEntryFactory(objective=objective, theme=theme, text=f"Objective {number} serves {theme}")
    ActionPlanFactory(strategy=strategy)
    return strategy


def test_strategy_page_shows_aims_objectives_ways_forward_and_the_synopsis_table(officer_client):
    strategy = build_strategy(2)

    page = officer_client.get(f"/strategy/{strategy.pk}/").content.decode()

    assert "To raise public awareness of global issues" in page
    assert "How will this objective be taken forward?" in page
    assert '<th scope="col" class="govuk-table__header">Greater Prosperity</th>' in page
    assert "Objective 2 serves Greater Prosperity" in page
    assert 'role="region"' in page


def test_strategy_page_uses_the_same_queries_for_3_or_30_objectives(officer_client):
    small, large = build_strategy(3), build_strategy(30)
    assert_fixed_queries(
        queries_for(officer_client, f"/strategy/{small.pk}/"),
        queries_for(officer_client, f"/strategy/{large.pk}/"),
        at_most=11,
    )


def test_officer_writes_a_synopsis_cell_shown_in_the_table(officer_client):
    objective = ObjectiveFactory(number=1)
    theme = CorporateThemeFactory(name="A Beautiful Place")

    response = officer_client.post(
        f"/strategy/objectives/{objective.pk}/synopsis/{theme.pk}/",
        {"text": "We will help create a greener place"},
    )
    officer_client.post(f"/strategy/objectives/{objective.pk}/synopsis/{theme.pk}/", {"text": "Rewritten"})

    assert response.status_code == 302
    page = officer_client.get(f"/strategy/{objective.strategy_id}/").content.decode()
    assert "Rewritten" in page
    assert objective.synopsis_entries.count() == 1


def test_an_empty_synopsis_cell_is_refused(officer_client):
    objective = ObjectiveFactory(number=1)
    theme = CorporateThemeFactory(name="Confident People")

    response = officer_client.post(f"/strategy/objectives/{objective.pk}/synopsis/{theme.pk}/", {"text": " "})

    assert "govuk-error-summary" in response.content.decode()
    assert not objective.synopsis_entries.exists()


def test_the_strategy_section_is_on_the_start_page(officer_client):
    assert 'href="/strategy/"' in officer_client.get("/").content.decode()


def test_refuses_a_stale_synopsis_cell_and_shows_the_colleagues_text(officer_client):
    entry = SynopsisEntryFactory(text="First draft")
    url = f"/strategy/objectives/{entry.objective_id}/synopsis/{entry.theme_id}/"
    my_page = officer_client.get(url)
    entry.text = "The colleague's wording"
    entry.save()

    refused = officer_client.post(url, page_data(my_page, text="My wording"))
    entry.refresh_from_db()
    assert entry.text == "The colleague's wording"
    assert [(c.theirs, c.yours) for c in refused.context["stale_edit"].changes] == [
        ("The colleague's wording", "My wording")
    ]

    officer_client.post(url, page_data(refused))  # saving again re-applies
    entry.refresh_from_db()
    assert entry.text == "My wording"
