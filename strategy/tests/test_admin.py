import pytest
from django.apps import apps

from strategy.tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db

MODELS = [m for m in apps.get_app_config("strategy").get_models() if not m.__name__.startswith("Historical")]


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.model_name for m in MODELS])
def test_every_strategy_model_is_in_the_admin(client, administrator, model):
    client.force_login(administrator)

    assert client.get(f"/admin/strategy/{model._meta.model_name}/").status_code == 200
    assert client.get(f"/admin/strategy/{model._meta.model_name}/add/").status_code == 200


def test_progress_updates_are_read_only_in_the_admin(client, administrator):
    update = ProgressUpdateFactory(recorded_by=administrator)
    client.force_login(administrator)

    response = client.post(
        f"/admin/strategy/progressupdate/{update.pk}/change/", {"status": "complete", "rag": "green"}
    )

    assert response.status_code == 403
    update.refresh_from_db()
    assert update.status == "on_track"
