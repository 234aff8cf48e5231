"""Reads for partner places and local organisations."""

from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
)

from partnerships.models import (
    Organisation,
    PartnershipOrganisation,
    Place,
)

# A place's current links, and those of them that have not ended.
CURRENT_LINK = Q(partnerships__archived_at__isnull=True)
LIVE_LINK = CURRENT_LINK & ~Q(partnerships__status="ended")


def places_for_map() -> QuerySet[Place]:
    """Partner places with coordinates, with the number of their links that have not ended."""
    return (
        Place.objects.current()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(live_links=Count("partnerships", filter=LIVE_LINK))
        .order_by("name")
    )


def place_list() -> QuerySet[Place]:
    return (
        Place.objects.current()
        .annotate(
            link_count=Count("partnerships", filter=CURRENT_LINK),
            live_links=Count("partnerships", filter=LIVE_LINK),
        )
        .order_by("name")
    )


def organisation_list() -> QuerySet[Organisation]:
    """Local organisations with their contacts and the links they take part in."""
    return (
        Organisation.objects.current()
        .prefetch_related(
            "contacts",
            Prefetch(
                "partnership_roles",
                queryset=PartnershipOrganisation.objects.filter(
                    partnership__archived_at__isnull=True
                ).select_related("partnership__place"),
            ),
        )
        .order_by("name")
    )
