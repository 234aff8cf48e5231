import io

import pytest
from django.apps import apps

from partnerships import demo

pytestmark = pytest.mark.django_db

MODELS = [
    model
    for model in apps.get_app_config("partnerships").get_models()
    if not model.__name__.startswith("Historical")
]


@pytest.mark.parametrize("model", MODELS, ids=[model.__name__ for model in MODELS])
def test_every_model_has_admin_list_add_change_and_history_pages(client, administrator, model):
    demo.load(io.StringIO())
    client.force_login(administrator)
    base = f"/admin/partnerships/{model._meta.model_name}/"
    instance = model.objects.first()

    assert client.get(base).status_code == 200
    if model.__name__ != "StatusChange":  # written only by the life-cycle service
        assert client.get(f"{base}add/").status_code == 200
    if instance:
        assert client.get(f"{base}{instance.pk}/change/").status_code == 200
        assert client.get(f"{base}{instance.pk}/history/").status_code == 200


def test_a_link_added_in_the_admin_starts_its_status_history(client, administrator):
    from partnerships.tests.factories import PlaceFactory

    place = PlaceFactory()
    client.force_login(administrator)

    response = client.post(
        "/admin/partnerships/partnership/add/",
        {
            "place": place.pk,
            "kind": "mou",
            "depth": "",
            "themes": [],
            "organisation_roles-TOTAL_FORMS": 0,
            "organisation_roles-INITIAL_FORMS": 0,
            "status_changes-TOTAL_FORMS": 0,
            "status_changes-INITIAL_FORMS": 0,
            "logframe_rows-TOTAL_FORMS": 0,
            "logframe_rows-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    link = place.partnerships.get()
    assert link.status_changes.get().reason == "Link recorded in the admin"
