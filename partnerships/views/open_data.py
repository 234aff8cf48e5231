"""Open data: the public page and JSON feeds of the council's partner places and live links and of its
gifts and hospitality register. No sign-in, read-only, and absent (404) unless the Administrator has
switched open data on in the site settings (intlinks.models.SiteSettings).

Here rather than in `intlinks`: the records are the register's, and the shell may not reach into an
app's models; the switch is the shell's, which every app may read.
"""

import json
from collections.abc import Iterator
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from intlinks.csv_export import in_chunks
from intlinks.models import SiteSettings
from partnerships import selectors

# Published data changes a few times a month: an hour's caching spares the database, anyone's cache
# may keep the feeds (they are the same for everyone); the page names who is signed in, so only theirs.
FEED_CACHE = {"public": True, "max_age": 3600}
PAGE_CACHE = {"private": True, "max_age": 300}


def open_data_page(view):
    """A public, read-only view that exists only while open data is switched on."""

    @login_not_required
    @require_GET
    @wraps(view)
    def public_view(request, *args, **kwargs):
        if not SiteSettings.current().open_data:
            raise Http404("The council does not publish open data here")
        return view(request, *args, **kwargs)

    return public_view


@open_data_page
@cache_control(**PAGE_CACHE)
def open_data(request):
    """What the council publishes: its live links, the latest gifts and hospitality, and the feeds."""
    context = {
        "links": selectors.published_links(),
        "gifts": [
            selectors.gift_record(gift)
            for gift in selectors.published_gifts()[: selectors.LATEST_GIFTS_SHOWN]
        ],
        "latest_gifts_shown": selectors.LATEST_GIFTS_SHOWN,
        "crumbs": [("Open data", None)],
    }
    return render(request, "partnerships/open_data.html", context)


@open_data_page
@cache_control(**FEED_CACHE)
def links_json(request):
    """The live links with place, country, kind, the year they began and their themes."""
    links = [selectors.link_record(link) for link in selectors.published_links()]
    return JsonResponse({"links": links}, json_dumps_params={"ensure_ascii": False})


def _gifts_json() -> Iterator[str]:
    yield '{"gifts": ['
    # One read transaction, as for the CSV exports: PostgreSQL then streams the chunks as it reads them.
    with transaction.atomic():
        for number, gift in enumerate(in_chunks(selectors.published_gifts())):
            record = json.dumps(selectors.gift_record(gift), cls=DjangoJSONEncoder, ensure_ascii=False)
            yield ("," if number else "") + record
    yield "]}"


@open_data_page
@cache_control(**FEED_CACHE)
def gifts_json(request):
    """Every current entry of the register, newest first, streamed however long it is; values in
    pounds as strings with two decimals ("30.00"), never through a float."""
    return StreamingHttpResponse(_gifts_json(), content_type="application/json")
