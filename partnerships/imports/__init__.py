"""The partnerships app's spreadsheet imports, registered with `intlinks.imports` by the app config."""

from intlinks.imports.kinds import ImportKind
from partnerships.imports.activities import ActivityResource, CostResource
from partnerships.imports.gifts import GiftResource
from partnerships.imports.links import LinkResource
from partnerships.imports.places import PlaceResource

IMPORT_KINDS = (
    ImportKind(
        "places",
        "Partner places",
        PlaceResource,
        ("partnerships.add_place", "partnerships.change_place"),
        "Cities, counties, provinces and regions abroad.",
        order=10,
    ),
    ImportKind(
        "links",
        "Links",
        LinkResource,
        ("partnerships.add_partnership", "partnerships.change_partnership"),
        "The council's links with partner places (import the places first). A link's status changes only "
        "on its page, which records why.",
        order=20,
    ),
    ImportKind(
        "activities",
        "Activities",
        ActivityResource,
        ("partnerships.add_activity", "partnerships.change_activity"),
        "Visits, delegations, exchanges and events of a link (import the links first). They are imported "
        "as planned; mark them ready or complete on their page.",
        order=30,
    ),
    ImportKind(
        "costs",
        "Costs of activities",
        CostResource,
        ("partnerships.add_cost", "partnerships.change_cost"),
        "The costs of activities (import the activities first), converted to pounds and checked against "
        "the conduct rules in force on their date.",
        order=40,
    ),
    ImportKind(
        "gifts",
        "Gifts and hospitality",
        GiftResource,
        ("partnerships.add_gift", "partnerships.change_gift"),
        "The register of gifts and hospitality, checked against the conduct rules.",
        order=50,
    ),
)
