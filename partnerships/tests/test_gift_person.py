"""Gifts by person: the councillor or officer named on an entry, the register filtered and grouped by
them, the CSV, and "Record a gift" from an activity returning to it."""

import csv
import io
from decimal import Decimal

import pytest

from partnerships.models import Gift
from partnerships.tests.factories import ActivityFactory, GiftFactory
from partnerships.tests.pages import form_data

pytestmark = pytest.mark.django_db

REGISTER = "/partnerships/activities/gifts/?financial_year="


def test_the_register_filters_by_the_people_it_names(officer_client):
    GiftFactory(person="Cllr Ann Smith", description="Plate")
    GiftFactory(person="Bob Jones", description="Pen")
    GiftFactory(person="", description="Tie")

    response = officer_client.get(f"{REGISTER}&person=Cllr+Ann+Smith")

    assert [gift.description for gift in response.context["gifts"]] == ["Plate"]
    choices = dict(response.context["filter"].form.fields["person"].choices)
    assert {"Bob Jones", "Cllr Ann Smith"} <= set(choices)
    assert "Cllr Ann Smith" in response.content.decode()


def test_the_register_groups_by_person_with_the_unnamed_last(officer_client):
    from datetime import date

    GiftFactory(person="Zoe", description="Z", given_on=date(2026, 6, 3))
    GiftFactory(person="", description="nobody", given_on=date(2026, 6, 4))
    GiftFactory(person="Ann", description="A old", given_on=date(2026, 6, 1))
    GiftFactory(person="Ann", description="A new", given_on=date(2026, 6, 2))

    response = officer_client.get(f"{REGISTER}&sort=person")

    assert [gift.description for gift in response.context["gifts"]] == ["A new", "A old", "Z", "nobody"]


def test_the_csv_names_the_person(officer_client):
    GiftFactory(person="Cllr Ann Smith")

    export = officer_client.get("/partnerships/activities/gifts/export.csv?financial_year=")
    rows = list(csv.reader(io.StringIO(export.getvalue().decode("utf-8-sig"))))

    assert rows[0][4] == "Councillor or officer"
    assert rows[1][4] == "Cllr Ann Smith"


def new_gift_url(activity, next_path) -> str:
    return f"/partnerships/activities/gifts/new/?activity={activity.pk}&next={next_path}"


def test_record_a_gift_from_an_activity_chooses_it_and_returns_to_it(officer_client):
    activity = ActivityFactory()
    page = officer_client.get(activity.get_absolute_url()).content.decode()
    assert f"/partnerships/activities/gifts/new/?activity={activity.pk}&amp;next=" in page
    url = new_gift_url(activity, activity.get_absolute_url())
    form = officer_client.get(url).context["form"]
    assert (form.initial["activity"], form.initial["partnership"]) == (activity.pk, activity.partnership_id)
    data = form_data(officer_client.get(url)) | {
        "direction": "received",
        "person": "  Cllr   Ann Smith ",
        "counterparty": "Krefeld",
        "counterparty_kind": "public",
        "description": "Plate",
        "value": "20.00",
        "given_on": "2026-06-02",
    }

    response = officer_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    assert response.url == activity.get_absolute_url()
    gift = Gift.objects.get()
    assert (gift.activity, gift.person, gift.value) == (activity, "Cllr Ann Smith", Decimal("20.00"))


@pytest.mark.parametrize("next_path", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_a_return_address_off_the_site_is_ignored(officer_client, next_path):
    activity = ActivityFactory()
    url = new_gift_url(activity, next_path)
    data = form_data(officer_client.get(url)) | {
        "direction": "given",
        "counterparty": "Krefeld",
        "counterparty_kind": "public",
        "description": "Plate",
        "value": "20.00",
        "given_on": "2026-06-02",
    }

    response = officer_client.post(url, data)

    assert response.status_code == 302
    assert response.url == "/partnerships/activities/gifts/"
