"""Query-count checks every page test shares: a page's queries do not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str) -> int:
    """The number of SQL queries one GET of `url` makes (the page must answer 200). A streamed answer (a
    CSV export) reads the database while it is sent, so it is read to the end inside the count."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            response.getvalue()
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(context)


def assert_fixed_queries(small: int, large: int, *, at_most: int) -> None:
    """The same number of queries at two data sizes, and no more than the page's budget."""
    assert small == large, f"queries grow with the data: {small} at the small size, {large} at the large"
    assert large <= at_most, f"{large} queries, over the page's budget of {at_most}"
