"""Open data: public and read-only once the Administrator switches it on, 404 until then; live links
and the gifts register with nothing personal about private individuals; a fixed number of queries."""

import json
from decimal import Decimal

import pytest

from intlinks.models import SiteSettings
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import Gift, Status
from partnerships.tests.factories import GiftFactory, PartnershipFactory, ThemeFactory

pytestmark = pytest.mark.django_db

URLS = ["/open-data/", "/open-data/links.json", "/open-data/gifts.json"]


@pytest.fixture
def published():
    SiteSettings(open_data=True).save()


def feed(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(b"".join(response.streaming_content) if response.streaming else response.content)


def test_open_data_is_off_by_default():
    assert SiteSettings.current().open_data is False


@pytest.mark.parametrize("url", URLS)
def test_every_open_data_address_is_404_while_switched_off(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", URLS)
def test_anyone_reads_open_data_once_switched_on_without_signing_in(client, published, url):
    response = client.get(url)

    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]


@pytest.mark.parametrize("url", URLS)
def test_open_data_is_read_only(client, published, url):
    assert client.post(url).status_code == 405


def test_the_links_feed_holds_live_links_with_place_country_kind_since_and_themes(client, published):
    link = PartnershipFactory(
        place__name="Krefeld", place__country="DE", status=Status.ACTIVE, began_year=1979
    )
    link.themes.add(ThemeFactory(name="Culture"))
    PartnershipFactory(place__name="Prospect", status=Status.EXPLORING)
    PartnershipFactory(place__name="Former", status=Status.ENDED)

    links = feed(client, "/open-data/links.json")["links"]

    assert links == [
        {
            "place": "Krefeld",
            "country": "Germany",
            "country_code": "DE",
            "kind": link.get_kind_display(),
            "since": 1979,
            "themes": ["Culture"],
        }
    ]


def test_the_gifts_feed_never_names_a_private_individual_and_writes_money_as_strings(client, published):
    GiftFactory(
        counterparty="Jane Smith", counterparty_kind=Gift.CounterpartyKind.PERSON, value=Decimal("30")
    )
    GiftFactory(counterparty="Krefeld City Council", counterparty_kind=Gift.CounterpartyKind.PUBLIC)

    gifts = feed(client, "/open-data/gifts.json")["gifts"]
    page = client.get("/open-data/").content.decode()

    assert {gift["from_or_to"] for gift in gifts} == {"A private individual", "Krefeld City Council"}
    assert "Jane Smith" not in json.dumps(gifts)
    assert "Jane Smith" not in page
    assert {gift["value_gbp"] for gift in gifts} == {"30.00", "25.00"}


def test_the_switch_is_the_administrators_in_the_admin_with_its_history(client, administrator, officer):
    client.force_login(officer)
    assert client.get("/admin/intlinks/sitesettings/add/").status_code in (302, 403)
    client.force_login(administrator)

    response = client.post("/admin/intlinks/sitesettings/add/", {"open_data": "on"})

    assert response.status_code == 302
    assert SiteSettings.current().open_data is True
    assert SiteSettings.history.count() == 1
    assert client.get("/admin/intlinks/sitesettings/add/").status_code == 403  # one row only


@pytest.mark.parametrize("url", URLS)
def test_open_data_reads_the_same_whatever_the_number_of_records(client, published, url):
    PartnershipFactory(status=Status.ACTIVE).themes.add(ThemeFactory())
    GiftFactory()
    few = queries_for(client, url)
    for _ in range(5):
        PartnershipFactory(status=Status.ACTIVE).themes.add(ThemeFactory())
        GiftFactory()

    assert_fixed_queries(few, queries_for(client, url), at_most=6)
