import pytest

from partnerships.benchmarks import SCENARIOS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.name for scenario in SCENARIOS])
def test_each_benchmark_scenario_seeds_a_page_that_answers(officer_client, scenario):
    url = scenario.url(scenario.seed(3))

    assert officer_client.get(url).status_code == 200


def test_the_activity_scenarios_rows_keep_the_services_rules():
    from partnerships.models import Activity, Cost, Gift

    scenario = next(s for s in SCENARIOS if s.name.startswith("Activity list"))
    scenario.seed(4)

    for row in [*Activity.objects.all(), *Cost.objects.all(), *Gift.objects.all()]:
        row.full_clean()
    # Business class for a two-hour journey, flagged by the rules; the venue breaks none.
    assert Cost.objects.exclude(breach="").count() == 4
    assert Cost.objects.filter(breach__startswith="Business class for a 2").count() == 4
