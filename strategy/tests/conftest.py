import pytest

from strategy import spending


@pytest.fixture(autouse=True)
def _spending_sources_restored():
    """A test may register spending sources; each test starts from the sources registered at start-up."""
    before = list(spending._sources)
    yield
    spending._sources[:] = before
