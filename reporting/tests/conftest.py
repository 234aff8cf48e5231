"""Fixtures the working party's pages share: a signed-in working-party member."""

import pytest


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
