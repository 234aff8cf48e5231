"""Every URL in the README's access table, for every role and for anonymous visitors.

The table in README.md is the specification: this test reads it, so the two cannot drift apart.
"""

import re

import pytest
from django.conf import settings

from intlinks.roles import ROLES

README = settings.BASE_DIR / "README.md"
COLUMNS = ["Anonymous", *[role.name for role in ROLES]]


def access_table() -> list[tuple[str, str, dict[str, int]]]:
    text = README.read_text()
    block = text.split("<!-- access-table:start -->")[1].split("<!-- access-table:end -->")[0]
    lines = [line for line in block.strip().splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header[2:] == COLUMNS, f"README access table columns must be page, URL, {COLUMNS}"
    rows = []
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        url = re.search(r"`([^`]+)`", cells[1]).group(1)
        rows.append((cells[0], url, dict(zip(COLUMNS, (int(c.split()[0]) for c in cells[2:]), strict=True))))
    return rows


CASES = [(page, url, who, code) for page, url, codes in access_table() for who, code in codes.items()]


@pytest.fixture
def url_objects(db, settings, tmp_path):
    """Objects whose ids fill the placeholders in the table's URLs, e.g. `{partnership}`; and a worker's
    heartbeat, as in a running service, for /healthz to answer 200."""
    from intlinks.services import worker_heartbeat_record

    worker_heartbeat_record(worker="celery@access-table")
    return {**strategy_objects(), **partnership_objects(settings, tmp_path), **report_objects()}


def report_objects() -> dict:
    """A draft Cabinet report with a done version (its PDF and exempt appendix in MEDIA_ROOT)."""
    from django.core.files.base import ContentFile

    from reporting.tests.factories import PDF_BYTES, ReportVersionFactory

    version = ReportVersionFactory(done=True, exempt_pdf=ContentFile(PDF_BYTES, name="exempt.pdf"))
    return {"cabinet_report": version.report_id, "report_version": version.number}


def strategy_objects() -> dict:
    from strategy.tests.factories import (
        BudgetFactory,
        CorporateThemeFactory,
        IndicatorFactory,
        ProgressUpdateFactory,
        WayForwardFactory,
    )

    update = ProgressUpdateFactory(recorded_by=make_user_for_objects())
    action = update.action
    way_forward = WayForwardFactory(objective=action.objective)
    return {
        "strategy": action.action_plan.strategy_id,
        "objective": action.objective_id,
        "way_forward": way_forward.pk,
        "action_plan": action.action_plan_id,
        "action": action.pk,
        "indicator": IndicatorFactory(strategy=action.action_plan.strategy).pk,
        "budget": BudgetFactory().pk,
        "theme": CorporateThemeFactory().pk,
    }


def make_user_for_objects():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="object-owner")


def partnership_objects(settings, tmp_path) -> dict:
    from django.core.files.base import ContentFile

    from partnerships.models import LogframeRow
    from partnerships.tests.factories import AgreementFactory, AppraisalFactory, OrganisationFactory

    settings.MEDIA_ROOT = tmp_path
    agreement = AgreementFactory(document=ContentFile(b"%PDF-1.4\n%%EOF\n", name="charter.pdf"))
    partnership = agreement.partnership
    return {
        "partnership": partnership.pk,
        "place": partnership.place.pk,
        "agreement": agreement.pk,
        "appraisal": AppraisalFactory().pk,
        "logframe_row": LogframeRow.objects.create(
            partnership=partnership, level="goal", summary="s", indicators="i", verification="v"
        ).pk,
        "organisation": OrganisationFactory().pk,
        **activity_objects(partnership),
        **grant_objects(),
    }


def grant_objects() -> dict:
    """A draft grant, one considered at a meeting that has happened, an approved one and a paid one
    (both decided at that meeting by a member, submitted and paid by an officer)."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from partnerships.models import AgendaItem, GrantApplication
    from partnerships.tests.factories import GrantApplicationFactory, MeetingFactory

    meeting = MeetingFactory()
    clerk_of_it = make_user_for_objects_named("grant-officer")
    submitted = {"submitted_on": meeting.held_on - timedelta(days=7), "submitted_by": clerk_of_it}
    considered = GrantApplicationFactory(state=GrantApplication.State.CONSIDERED, **submitted)
    AgendaItem.objects.create(meeting=meeting, kind="grant", grant_application=considered)
    decided = {
        "meeting": meeting,
        "decided_by": make_user_for_objects_named("grant-member"),
        "decided_at": timezone.now(),
        "amount_approved": Decimal("1000.00"),
        **submitted,
    }
    approved = GrantApplicationFactory(state=GrantApplication.State.APPROVED, **decided)
    paid = GrantApplicationFactory(
        state=GrantApplication.State.PAID,
        amount_paid=Decimal("800.00"),
        paid_on=meeting.held_on,
        paid_by=clerk_of_it,
        **decided,
    )
    return {
        "grant": GrantApplicationFactory().pk,
        "grant_approved": approved.pk,
        "grant_considered": considered.pk,
        "grant_paid": paid.pk,
        "meeting": meeting.pk,
    }


def sign_in(client, django_user_model, who: str, url_objects: dict):
    """Sign `client` in as a new user of role `who` (or no one, for "Anonymous").

    A working party member was present at the table's meeting, as its record would say, so the page
    of a decision taken there answers them; the other roles' users are not members of the working party.
    """
    from conftest import make_user
    from intlinks.roles import MEMBER
    from partnerships.models import Meeting

    if who == "Anonymous":
        return None
    user = make_user(django_user_model, "someone", who)
    if who == MEMBER:
        Meeting.objects.get(pk=url_objects["meeting"]).members_present.add(user)
    client.force_login(user)
    return user


def make_user_for_objects_named(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username=username)


def activity_objects(partnership) -> dict:
    from django.core.files.base import ContentFile

    from partnerships.models import Evidence
    from partnerships.tests.factories import CostFactory, ExternalFundingFactory, GiftFactory

    cost = CostFactory(activity__partnership=partnership)
    breach = CostFactory(activity=cost.activity, breach="Example: over the cap", excess_gbp=cost.amount)
    evidence = Evidence.objects.create(
        activity=cost.activity, title="Photo", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="photo.pdf")
    )
    return {
        "activity": cost.activity_id,
        "cost": cost.pk,
        "cost_breach": breach.pk,
        "evidence": evidence.pk,
        "gift": GiftFactory(partnership=partnership).pk,
        "funding": ExternalFundingFactory(partnership=partnership).pk,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "url", "who", "expected"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES])
def test_access_table(client, django_user_model, url_objects, page, url, who, expected):
    sign_in(client, django_user_model, who, url_objects)

    response = client.get(url.format(**url_objects))

    assert response.status_code == expected, f"{page} ({url}) as {who}"
