"""Awarded grants in the 360Giving Data Standard (JSON and its flattened spreadsheet form) and in the
Local Government Transparency Code's fields for grants to voluntary, community and social enterprise
organisations.

Identifiers: the council is `settings.GRANTS_ORG_ID_PREFIX` (its org-id, e.g. GB-LAE-LCE); a grant is
`360G-<prefix>-<reference>`; a recipient is GB-CHC-<number> when its charity number is known, else the
council's own identifier for it, `<prefix>-ORG-<id>`.
"""

from collections.abc import Iterable

from django.conf import settings

from partnerships.models import GrantApplication


def funder_id() -> str:
    return settings.GRANTS_ORG_ID_PREFIX


def grant_id(application: GrantApplication) -> str:
    return f"360G-{funder_id()}-{application.reference}"


def recipient_id(application: GrantApplication) -> str:
    number = application.registration_number.strip().replace(" ", "")
    if number.isdigit():
        return f"GB-CHC-{number}"
    return f"{funder_id()}-ORG-{application.organisation_id}"


def grant_record(application: GrantApplication) -> dict:
    """One awarded grant as a 360Giving grant object; its amounts stay Decimal, written as JSON numbers
    by `intlinks.money.json_with_exact_money`."""
    recipient = {"id": recipient_id(application), "name": application.organisation.name}
    if application.registration_number.strip().isdigit():
        recipient["charityNumber"] = application.registration_number.strip()
    record = {
        "id": grant_id(application),
        "title": application.title,
        "description": application.purpose,
        "currency": "GBP",
        "amountAppliedFor": application.amount_requested,
        "amountAwarded": application.amount_approved,
        "awardDate": application.award_date.isoformat(),
        "recipientOrganization": [recipient],
        "fundingOrganization": [{"id": funder_id(), "name": settings.COUNCIL_NAME}],
        "grantProgramme": [{"code": f"{funder_id()}-OLWP", "title": "Overseas Links Working Party grants"}],
    }
    if application.amount_paid is not None:
        record["amountDisbursed"] = application.amount_paid
    return record


def grants_package(applications: Iterable[GrantApplication]) -> dict:
    """The 360Giving data package: `{"grants": [...]}` with the publisher."""
    return {
        "grants": [grant_record(application) for application in applications],
        "publisher": {"identifier": funder_id(), "name": settings.COUNCIL_NAME},
    }


# The flattened spreadsheet form: the standard's column titles, in its order.
SPREADSHEET_COLUMNS = [
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Applied For",
    "Amount Awarded",
    "Amount Disbursed",
    "Award Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Recipient Org:Charity Number",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Grant Programme:Code",
    "Grant Programme:Title",
]


def spreadsheet_row(application: GrantApplication) -> list:
    record = grant_record(application)
    recipient, funder = record["recipientOrganization"][0], record["fundingOrganization"][0]
    programme = record["grantProgramme"][0]
    return [
        record["id"],
        record["title"],
        record["description"],
        record["currency"],
        application.amount_requested,
        application.amount_approved,
        application.amount_paid if application.amount_paid is not None else "",
        record["awardDate"],
        recipient["id"],
        recipient["name"],
        recipient.get("charityNumber", ""),
        funder["id"],
        funder["name"],
        programme["code"],
        programme["title"],
    ]


# The Local Government Transparency Code 2015's fields for grants to voluntary, community and social
# enterprise organisations.
TRANSPARENCY_COLUMNS = [
    "Organisation name",
    "Organisation code",
    "Beneficiary name",
    "Beneficiary registration number",
    "Date of award",
    "Purpose of the grant",
    "Amount awarded (£)",
    "Amount paid (£)",
    "Grant reference",
    "Budget line",
]


def transparency_row(application: GrantApplication) -> list:
    return [
        settings.COUNCIL_NAME,
        funder_id(),
        application.organisation.name,
        application.registration_number,
        application.award_date.isoformat(),
        application.purpose,
        application.amount_approved,
        application.amount_paid if application.amount_paid is not None else "",
        grant_id(application),
        f"{application.year_label}: {application.budget_line.name}",
    ]
