import pytest

from reporting.benchmarks import SCENARIOS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_each_benchmark_scenario_seeds_a_page_that_answers(officer_client, scenario):
    url = scenario.url(scenario.seed(3))

    assert officer_client.get(url).status_code == 200


def test_the_grant_scenarios_rows_keep_the_models_rules():
    from partnerships.benchmarks import bench_grants
    from partnerships.models import AgendaItem, GrantApplication

    bench_grants(3, on_agenda=True)

    for row in [*GrantApplication.objects.all(), *AgendaItem.objects.all()]:
        row.full_clean()
    assert GrantApplication.objects.filter(state="considered", agenda_items__isnull=False).count() == 3
