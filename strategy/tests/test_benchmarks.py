import pytest

from strategy.benchmarks import SCENARIOS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_each_benchmark_scenario_seeds_a_page_that_answers(officer_client, scenario):
    url = scenario.url(scenario.seed(3))

    assert officer_client.get(url).status_code == 200
