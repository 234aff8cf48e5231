"""Every page the benchmark times on a synthetic council answers an officer on a small one."""

from datetime import date

import pytest

from intlinks.management.commands.benchmark import Command
from partnerships.seeding import PROFILES, seed_council

pytestmark = pytest.mark.django_db

PAGES = list(Command().scenarios("PROFILE_PAGES"))


@pytest.fixture
def council(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed_council(profile=PROFILES["small"], seed=1, today=date(2025, 8, 14))


def test_the_health_check_and_every_apps_pages_are_timed():
    names = [page.name for page in PAGES]
    assert names[0] == "Health check"
    assert any(name.startswith("Strategy page") for name in names)
    assert any(name.startswith("Partnership page") for name in names)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_each_profile_page_answers_on_a_seeded_council(council, officer_client, page):
    assert officer_client.get(page.url()).status_code == 200
