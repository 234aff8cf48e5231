"""Fixtures the activity log's tests share."""

import pytest

from conftest import make_user
from intlinks.roles import OFFICER


@pytest.fixture
def colleague(django_user_model):
    """A second officer, to approve a breach another officer recorded."""
    return make_user(django_user_model, "colleague", OFFICER)
