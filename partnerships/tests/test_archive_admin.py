"""Finding 6 of issue 9, reproduced through the Django admin: deleting cascaded, lost council records,
orphaned files and silently nulled links. Now the admin archives, and nothing is lost."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from partnerships import services
from partnerships.models import (
    Activity,
    Agreement,
    ConductPolicy,
    Contact,
    Cost,
    Evidence,
    HotelCap,
    LogframeRow,
    Partnership,
    Place,
    StatusChange,
)
from partnerships.tests.factories import (
    ActivityFactory,
    AgreementFactory,
    AnnualReviewFactory,
    AppraisalFactory,
    ConductPolicyFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    PartnershipFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def admin_url(model, *parts) -> str:
    return "/admin/partnerships/" + "/".join([model._meta.model_name, *map(str, parts)]) + "/"


def archive_through_admin(client, model, records, reason="Recorded twice by mistake"):
    return client.post(
        admin_url(model),
        {
            "action": "archive_selected",
            "_selected_action": [record.pk for record in records],
            "archive_reason": reason,
            "confirm": "yes",
        },
        follow=True,
    )


def restore_through_admin(client, model, records):
    return client.post(
        admin_url(model),
        {"action": "restore_selected", "_selected_action": [record.pk for record in records]},
        follow=True,
    )


def page_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def a_link_with_its_records(user):
    link = PartnershipFactory()
    services.partnership_change_status(
        partnership=link, to="under_review", by=user, reason="Annual review due"
    )
    AgreementFactory(partnership=link)
    AnnualReviewFactory(partnership=link)
    AppraisalFactory(partnership=link)
    LogframeRow.objects.create(partnership=link, level="goal", summary="S", indicators="I", verification="V")
    Contact.objects.create(partnership=link, name="Anna Weber", purpose="Arranging school exchanges")
    return link


def test_refuses_to_delete_a_link_in_the_admin_and_archives_it_with_every_record(admin_client, administrator):
    link = a_link_with_its_records(administrator)

    assert admin_client.get(admin_url(Partnership, link.pk, "delete")).status_code == 403
    assert admin_client.post(admin_url(Partnership, link.pk, "delete"), {"post": "yes"}).status_code == 403
    response = admin_client.post(
        admin_url(Partnership),
        {"action": "delete_selected", "_selected_action": [link.pk], "post": "yes"},
        follow=True,
    )
    assert "No action selected." in page_messages(response)  # the admin offers no bulk delete
    assert Partnership.objects.filter(pk=link.pk).exists()

    response = archive_through_admin(admin_client, Partnership, [link])

    link.refresh_from_db()
    assert link.is_archived
    assert link.archived_by == administrator
    assert link.archive_reason == "Recorded twice by mistake"
    assert "Archived 1" in page_messages(response)[-1]
    # Nothing of the link is lost.
    assert StatusChange.objects.filter(partnership=link).count() == 1
    assert Agreement.objects.filter(partnership=link).count() == 1
    assert link.reviews.count() == link.appraisals.count() == link.logframe_rows.count() == 1
    assert link.contacts.count() == 1
    # The history shows who archived it and why.
    latest = link.history.first()
    assert latest.archive_reason == "Recorded twice by mistake"
    assert latest.history_user == administrator


def test_restores_an_archived_link_in_the_admin_and_history_shows_it(admin_client, administrator):
    link = a_link_with_its_records(administrator)
    archive_through_admin(admin_client, Partnership, [link])

    response = restore_through_admin(admin_client, Partnership, [link])

    link.refresh_from_db()
    assert not link.is_archived
    assert page_messages(response) == ["Restored 1"]
    archived, restored = link.history.all()[1], link.history.first()
    assert archived.archived_at is not None
    assert restored.archived_at is None
    assert restored.history_user == administrator


def test_refuses_to_archive_without_a_reason_and_asks_for_one(admin_client, administrator):
    link = PartnershipFactory()

    response = archive_through_admin(admin_client, Partnership, [link], reason="  ")

    assert "Enter why they are being archived" in response.content.decode()
    link.refresh_from_db()
    assert not link.is_archived


def test_refuses_to_delete_an_activity_and_keeps_its_costs_evidence_and_files(admin_client, administrator):
    activity = ActivityFactory()
    cost = CostFactory(activity=activity)
    evidence = Evidence.objects.create(activity=activity, title="Programme", file=ContentFile(PDF, "p.pdf"))

    assert admin_client.post(admin_url(Activity, activity.pk, "delete"), {"post": "yes"}).status_code == 403
    refused = archive_through_admin(admin_client, Activity, [activity])

    assert page_messages(refused) == [
        f"{activity} cannot be archived while it has 1 current cost",
    ]
    archive_through_admin(admin_client, Cost, [cost], reason="Booked twice")
    archive_through_admin(admin_client, Activity, [activity], reason="Visit logged twice")

    activity.refresh_from_db()
    assert activity.is_archived
    assert Cost.objects.get(pk=cost.pk).is_archived
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    assert default_storage.exists(evidence.file.name)


def test_never_nulls_a_gifts_or_fundings_link_to_an_archived_activity(admin_client):
    activity = ActivityFactory()
    gift = GiftFactory(partnership=activity.partnership, activity=activity)
    funding = ExternalFundingFactory(partnership=activity.partnership)
    funding.activities.add(activity)

    archive_through_admin(admin_client, Activity, [activity])

    gift.refresh_from_db()
    assert gift.activity_id == activity.pk
    assert list(funding.activities.all()) == [activity]


def test_refuses_to_delete_an_activity_a_gift_or_funding_points_at_even_for_its_creator(administrator):
    activity = ActivityFactory()
    activity.history.update(history_user=administrator)
    GiftFactory(partnership=activity.partnership, activity=activity)

    assert "archive it instead" in activity.deletion_refusal(administrator)
    assert "gifts" in activity.deletion_refusal(administrator)


def test_refuses_to_archive_or_delete_the_only_conduct_policy_with_its_hotel_caps(admin_client):
    policy = ConductPolicyFactory()

    assert (
        admin_client.post(admin_url(ConductPolicy, policy.pk, "delete"), {"post": "yes"}).status_code == 403
    )
    response = archive_through_admin(admin_client, ConductPolicy, [policy])

    assert "the last one in force cannot be removed" in page_messages(response)[0]
    policy.refresh_from_db()
    assert not policy.is_archived
    assert HotelCap.objects.filter(policy=policy).count() == 1


def test_archives_a_conduct_policy_recorded_by_mistake_when_another_stays_in_force(admin_client):
    kept = ConductPolicyFactory()
    mistaken = ConductPolicyFactory(in_force_from=kept.in_force_from + timedelta(days=30))

    archive_through_admin(admin_client, ConductPolicy, [mistaken])

    assert ConductPolicy.objects.in_force_on(mistaken.in_force_from + timedelta(days=1)) == kept


@pytest.mark.parametrize(
    "make",
    [
        PlaceFactory,
        lambda: GiftFactory(),
        lambda: ExternalFundingFactory(),
        lambda: CostFactory(),
    ],
    ids=["place", "gift", "funding", "cost"],
)
def test_archives_and_restores_each_kind_of_record_in_the_admin(admin_client, make):
    record = make()
    model = type(record)

    assert admin_client.post(admin_url(model, record.pk, "delete"), {"post": "yes"}).status_code == 403
    archive_through_admin(admin_client, model, [record])
    assert model.objects.get(pk=record.pk).is_archived
    assert model.objects.current().filter(pk=record.pk).exists() is False
    restore_through_admin(admin_client, model, [record])
    assert not model.objects.get(pk=record.pk).is_archived


def test_shows_an_archived_record_read_only_in_the_admin(admin_client):
    place = PlaceFactory(notes="Before")
    archive_through_admin(admin_client, Place, [place])

    admin_client.post(admin_url(Place, place.pk, "change"), {"name": place.name, "notes": "After"})

    place.refresh_from_db()
    assert place.notes == "Before"


def test_deletes_a_place_its_creator_added_by_mistake_within_the_hour(admin_client):
    admin_client.post(admin_url(Place, "add"), {"name": "Mistake", "country": "FR", "kind": "city"})
    place = Place.objects.get(name="Mistake")

    assert admin_client.get(admin_url(Place, place.pk, "delete")).status_code == 200
    admin_client.post(admin_url(Place, place.pk, "delete"), {"post": "yes"})

    assert not Place.objects.filter(pk=place.pk).exists()


def test_refuses_to_delete_a_record_after_the_hour_or_by_someone_else(admin_client, officer):
    admin_client.post(admin_url(Place, "add"), {"name": "Mistake", "country": "FR", "kind": "city"})
    place = Place.objects.get(name="Mistake")

    assert place.deletion_refusal(officer)  # not its creator
    place.history.update(history_date=timezone.now() - timedelta(hours=1, minutes=1))
    assert admin_client.get(admin_url(Place, place.pk, "delete")).status_code == 403


def test_deleting_evidence_in_the_admin_removes_its_file(admin_client, django_capture_on_commit_callbacks):
    evidence = Evidence.objects.create(
        activity=ActivityFactory(), title="Wrong file", file=ContentFile(PDF, "wrong.pdf")
    )
    name = evidence.file.name

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url(Evidence, evidence.pk, "delete"), {"post": "yes"})

    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not default_storage.exists(name)
    assert evidence.history.filter(history_type="-").exists()


def test_deleting_an_agreement_in_the_admin_removes_its_document(
    admin_client, django_capture_on_commit_callbacks
):
    agreement = AgreementFactory(document=ContentFile(PDF, "charter.pdf"))
    name = agreement.document.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(admin_url(Agreement, agreement.pk, "delete"), {"post": "yes"})

    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    assert not default_storage.exists(name)


def test_keeps_the_file_when_the_deletion_is_rolled_back(django_capture_on_commit_callbacks):
    evidence = Evidence.objects.create(
        activity=ActivityFactory(), title="Programme", file=ContentFile(PDF, "programme.pdf")
    )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.evidence_delete(evidence=evidence)

    # Until the transaction commits, the file stays: a rolled-back deletion loses nothing.
    assert default_storage.exists(evidence.file.name)
    for after_commit in callbacks:  # the commit, which a rolled-back deletion never reaches
        after_commit()
    assert not default_storage.exists(evidence.file.name)


def test_refuses_to_delete_a_links_status_history_in_the_admin(admin_client, administrator):
    link = a_link_with_its_records(administrator)
    change = link.status_changes.get()

    assert admin_client.post(admin_url(StatusChange, change.pk, "delete"), {"post": "yes"}).status_code == 403
    assert StatusChange.objects.filter(pk=change.pk).exists()
