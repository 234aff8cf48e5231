import io
from datetime import date, timedelta

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
    # Written only by their services (a meeting and its agenda: on the meeting pages, which keep their rules)
    if model.__name__ not in ("StatusChange", "ActivityStateChange", "Meeting", "AgendaItem"):
        assert client.get(f"{base}add/").status_code == 200
    if instance:
        assert client.get(f"{base}{instance.pk}/change/").status_code == 200
        assert client.get(f"{base}{instance.pk}/history/").status_code == 200


# A link's admin form, with no rows in its inlines (organisations, status history, logframe).
NO_INLINE_ROWS = {
    f"{prefix}-{count}": 0
    for prefix in ("organisation_roles", "status_changes", "logframe_rows")
    for count in ("TOTAL_FORMS", "INITIAL_FORMS")
}


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
            **NO_INLINE_ROWS,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    link = place.partnerships.get()
    assert link.status_changes.get().reason == "Link recorded in the admin"


def test_the_admin_changes_a_link_through_the_service_but_never_its_status(
    client, administrator, monkeypatch
):
    from partnerships import services
    from partnerships.models import Status
    from partnerships.tests.factories import PartnershipFactory

    link = PartnershipFactory(status=Status.ACTIVE)
    saved = []
    real_update = services.partnership_update
    monkeypatch.setattr(services, "partnership_update", lambda **kwargs: saved.append(real_update(**kwargs)))
    client.force_login(administrator)

    response = client.post(
        f"/admin/partnerships/partnership/{link.pk}/change/",
        {
            "place": link.place.pk,
            "kind": link.kind,
            "depth": link.depth,
            "summary": "Changed in the admin",
            "status": "ended",
            **NO_INLINE_ROWS,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    link.refresh_from_db()
    assert saved == [link]
    assert (link.summary, link.status) == ("Changed in the admin", Status.ACTIVE)
    assert not link.status_changes.exists()


def test_an_accepted_appraisal_cannot_be_changed_in_the_admin(client, administrator):
    from partnerships import services
    from partnerships.tests.factories import AppraisalFactory

    appraisal = AppraisalFactory()
    services.appraisal_accept(appraisal=appraisal, by=administrator)
    client.force_login(administrator)
    url = f"/admin/partnerships/appraisal/{appraisal.pk}/change/"

    page = client.get(url)
    refused = client.post(url, {"recommendation_reason": "Rewritten afterwards"})

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert refused.status_code == 403
    appraisal.refresh_from_db()
    assert appraisal.recommendation_reason != "Rewritten afterwards"


@pytest.mark.parametrize(
    ("model", "service", "factory"),
    [
        ("place", "place_save", "PlaceFactory"),
        ("organisation", "organisation_save", "OrganisationFactory"),
    ],
)
def test_the_admin_saves_the_register_through_its_services(
    client, administrator, monkeypatch, model, service, factory
):
    from django.forms.models import model_to_dict

    from partnerships import services
    from partnerships.tests import factories

    record = getattr(factories, factory)()
    called = []
    real = getattr(services, service)
    monkeypatch.setattr(services, service, lambda **kwargs: called.append(real(**kwargs)))
    client.force_login(administrator)
    data = {key: value for key, value in model_to_dict(record).items() if value is not None}
    data.update({"contacts-TOTAL_FORMS": 0, "contacts-INITIAL_FORMS": 0})

    response = client.post(f"/admin/partnerships/{model}/{record.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert called == [record]


def test_the_admin_neither_deletes_a_meeting_nor_changes_its_members_date_or_agenda(
    client, administrator, officer, member
):
    from partnerships.models import AgendaItem, Meeting
    from partnerships.services import meeting_save

    meeting = meeting_save(
        meeting=Meeting(held_on=date.today() - timedelta(days=1)),
        members_present=[member],
        items=[AgendaItem(kind=AgendaItem.Kind.OTHER, title="Any other business")],
        by=officer,
    )
    client.force_login(administrator)
    members = set(meeting.members_present.values_list("pk", flat=True))
    base = f"/admin/partnerships/meeting/{meeting.pk}/"

    assert client.get(f"{base}delete/").status_code == 403
    assert client.get("/admin/partnerships/meeting/add/").status_code == 403
    page = client.get(f"{base}change/").content.decode()
    assert 'name="members_present"' not in page
    assert 'name="held_on"' not in page
    assert 'name="items-0-kind"' not in page
    assert client.get(f"/admin/partnerships/agendaitem/{meeting.items.first().pk}/delete/").status_code == 403
    meeting.refresh_from_db()
    assert set(meeting.members_present.values_list("pk", flat=True)) == members
