"""The council data's version and figures cached against it (intlinks/data_version.py, ADR 0022)."""

import os
from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction

from intlinks import data_version
from partnerships.models import Place
from partnerships.tests.factories import ActivityFactory, PlaceFactory
from strategy.tests.factories import ObjectiveFactory

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


class Counting:
    """A computation that says how often it ran."""

    def __init__(self):
        self.runs = 0

    def __call__(self):
        self.runs += 1
        return {"run": self.runs}


def test_the_suite_caches_in_redis_shared_by_every_process_and_prefixed_by_the_database(settings):
    assert isinstance(caches["default"], RedisCache)
    # The configured database's name (the suite's test database is named after it).
    database = os.environ["DATABASE_URL"].rsplit("/", 1)[-1]
    assert settings.CACHES["default"]["KEY_PREFIX"] == f"intlinks:{database}"


@pytest.mark.django_db
def test_a_figure_is_computed_once_until_the_data_changes():
    compute = Counting()
    assert data_version.cached("figure", compute, 2016) == {"run": 1}
    assert data_version.cached("figure", compute, 2016) == {"run": 1}
    assert data_version.cached("figure", compute, 2017) == {"run": 2}  # another year, its own figure
    data_version.changed()
    assert data_version.cached("figure", compute, 2016) == {"run": 3}


@pytest.mark.django_db
@pytest.mark.parametrize("write", ["save", "delete", "many-to-many"])
def test_a_record_saved_deleted_or_linked_renews_the_version(write):
    place, activity, objective = PlaceFactory(), ActivityFactory(), ObjectiveFactory()
    before = data_version.current()
    if write == "save":
        place.name = "Krefeld"
        place.save()
    elif write == "delete":
        place.delete()
    else:
        activity.objectives.add(objective)
    assert data_version.current() != before


@pytest.mark.django_db
def test_a_user_account_is_not_council_data_and_keeps_the_version(django_user_model):
    before = data_version.current()
    django_user_model.objects.create_user(username="someone")
    assert data_version.current() == before


@pytest.mark.django_db(transaction=True)
def test_a_figure_read_between_a_write_and_its_commit_is_never_served_after_the_commit():
    compute = Counting()
    with transaction.atomic():
        PlaceFactory()
        # A colleague's request reads the figures now, before the commit: it sees the old rows.
        stale = data_version.cached("figure", compute)
    fresh = data_version.cached("figure", compute)
    assert (stale, fresh) == ({"run": 1}, {"run": 2})


def test_a_new_day_computes_the_figures_again(monkeypatch):
    """Drifting links and this year's spend so far depend on today, not only on the records."""
    compute = Counting()
    monkeypatch.setattr(data_version.timezone, "localdate", lambda: date(2026, 12, 1))
    data_version.cached("figure", compute)
    monkeypatch.setattr(data_version.timezone, "localdate", lambda: date(2026, 12, 1) + timedelta(days=1))
    assert data_version.cached("figure", compute) == {"run": 2}


def test_a_figure_expires_after_the_configured_time(settings):
    settings.DATA_CACHE_SECONDS = 0  # Django: expire at once
    compute = Counting()
    data_version.cached("figure", compute)
    assert data_version.cached("figure", compute) == {"run": 2}


def test_a_cache_that_cannot_be_reached_computes_every_time_and_says_so(settings, caplog):
    settings.CACHES = UNREACHABLE_REDIS
    compute = Counting()
    data_version.cached("figure", compute)
    assert data_version.cached("figure", compute) == {"run": 2}
    assert "The cache cannot be reached" in caplog.text


@pytest.mark.django_db
def test_a_record_is_saved_while_the_cache_cannot_be_reached(settings, caplog):
    settings.CACHES = UNREACHABLE_REDIS
    PlaceFactory(name="Masaya")
    assert Place.objects.filter(name="Masaya").exists()
    assert "The data version could not be renewed" in caplog.text


@pytest.mark.django_db
def test_the_embedded_runs_folder_cache_keeps_and_renews_figures_as_redis_does(settings, tmp_path):
    """`make run` has no Redis: the version and the figures live in a folder every process shares."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    compute = Counting()
    data_version.cached("figure", compute)
    assert data_version.cached("figure", compute) == {"run": 1}
    PlaceFactory()
    assert data_version.cached("figure", compute) == {"run": 2}
    assert any((tmp_path / "cache").iterdir())


def test_a_web_process_starts_with_a_new_version_so_no_figure_of_an_earlier_start_is_read():
    """Figures pickled by an older release's code, or from a database recreated under the same name."""
    import importlib

    import intlinks.wsgi

    before = data_version.current()
    importlib.reload(intlinks.wsgi)
    assert data_version.current() != before
