import io

import pytest
from django.core.management import call_command

from partnerships import demo
from partnerships.models import Appraisal, Organisation, Partnership, Status

pytestmark = pytest.mark.django_db


def leicester_twinnings():
    return Partnership.objects.filter(kind="twinning").select_related("place").order_by("place__name")


def test_loads_leicesters_six_twin_cities_with_the_years_the_2008_strategy_gives():
    demo.load(io.StringIO())

    years = {link.place.name: link.began_year for link in leicester_twinnings()}
    assert years == {
        "Strasbourg": 1960,
        "Krefeld": 1962,
        "Masaya": 1987,
        "Rajkot": 1992,
        "Haskovo": 2008,
        "Chongqing": None,
    }
    assert {link.place.country.code for link in leicester_twinnings()} == {"FR", "DE", "NI", "IN", "BG", "CN"}
    assert all(
        link.status == Status.ACTIVE and "International Development Strategy" in link.source
        for link in leicester_twinnings()
    )
    assert "2 September 2002" not in Partnership.objects.get(place__name="Haskovo").source
    assert "2 September 2002" in Partnership.objects.get(place__name="Krefeld").source


def test_loads_the_twinning_associations_with_their_full_names_and_links():
    demo.load(io.StringIO())

    names = dict(Organisation.objects.values_list("short_name", "name"))
    assert names == {
        "CLETA": "City of Leicester European Twinning Association",
        "LRTA": "Leicester Rajkot Twinning Association",
        "LMLG": "Leicester Masaya Link Group",
    }
    cleta_links = Organisation.objects.get(short_name="CLETA").partnerships.values_list(
        "place__name", flat=True
    )
    assert sorted(cleta_links) == ["Krefeld", "Strasbourg"]


def test_derbys_approaches_are_labelled_as_an_example_with_their_source():
    demo.load(io.StringIO())

    examples = Partnership.objects.filter(kind="economic_twinning")
    assert sorted(examples.values_list("place__name", flat=True)) == ["Hefei", "Xian", "Zhejiang"]
    assert all(
        link.summary.startswith("Example") and "Derby City Council" in link.source for link in examples
    )
    appraisal = Appraisal.objects.get()
    assert appraisal.estimated_yearly_cost == 4000
    assert appraisal.partnership.status == Status.EXPLORING


def test_running_twice_adds_nothing_and_keeps_an_officers_edits(settings):
    settings.DEMO_DATA_ALLOWED = True
    call_command("load_demo", stdout=io.StringIO())
    krefeld = Partnership.objects.get(place__name="Krefeld")
    krefeld.lead_councillor = "Councillor Example"
    krefeld.save()
    counts = (Partnership.objects.count(), Organisation.objects.count(), krefeld.status_changes.count())

    call_command("load_demo", stdout=io.StringIO())

    krefeld.refresh_from_db()
    assert krefeld.lead_councillor == "Councillor Example"
    assert (
        Partnership.objects.count(),
        Organisation.objects.count(),
        krefeld.status_changes.count(),
    ) == counts
