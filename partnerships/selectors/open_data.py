"""Reads for the open-data page and feeds: the partner places and live links, and the gifts and
hospitality register as councils publish it, with nothing personal about private individuals."""

from django.db.models import QuerySet

from intlinks.money import to_pennies
from partnerships.models import Gift, Partnership
from partnerships.models.links import LIVE_STATUSES

# A private individual's name is their personal data: the published register says only this.
PRIVATE_INDIVIDUAL = "A private individual"
# The open-data page shows this many of the latest gifts; the JSON feed holds every one.
LATEST_GIFTS_SHOWN = 50


def published_links() -> QuerySet[Partnership]:
    """The council's live links (formalised/active, under review or dormant) with their places and
    themes, by place: two queries."""
    return (
        Partnership.objects.current()
        .filter(status__in=LIVE_STATUSES, place__archived_at__isnull=True)
        .select_related("place")
        .prefetch_related("themes")
        .order_by("place__name", "kind", "pk")
    )


def published_gifts() -> QuerySet[Gift]:
    """The current entries of the gifts and hospitality register, newest first, with their link."""
    return Gift.objects.current().select_related("partnership__place").order_by("-given_on", "-pk")


def link_record(link: Partnership) -> dict:
    """A live link as the open data publishes it."""
    return {
        "place": link.place.name,
        "country": link.place.country.name,
        "country_code": link.place.country.code,
        "kind": link.get_kind_display(),
        "since": link.began_year,
        "themes": [theme.name for theme in link.themes.all()],
    }


def published_counterparty(gift: Gift) -> str:
    """Who gave or received it: an organisation by its name, a private individual never by theirs."""
    if gift.counterparty_kind == Gift.CounterpartyKind.PERSON:
        return PRIVATE_INDIVIDUAL
    return gift.counterparty


def gift_record(gift: Gift) -> dict:
    """An entry of the register as the open data publishes it: its value a string with two decimals."""
    return {
        "date": gift.given_on,
        "given_received_or_refused": gift.get_direction_display(),
        "gift_or_hospitality": gift.get_kind_display(),
        "description": gift.description,
        "value_gbp": f"{to_pennies(gift.value):.2f}",
        "from_or_to": published_counterparty(gift),
        "who_they_are": gift.get_counterparty_kind_display(),
        "partnership": str(gift.partnership.place) if gift.partnership_id else None,
    }
