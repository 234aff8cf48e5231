"""Fixtures shared by the project kit's tests."""

import pytest
from django.db import connection


@pytest.fixture
def read_only_database():
    """Every transaction on the connection read-only, as on a standby or a database made read-only."""
    with connection.cursor() as cursor:
        cursor.execute("SET SESSION default_transaction_read_only = on")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET SESSION default_transaction_read_only = off")
