"""Finding 5 of issue 9: a double-click or a replayed POST must make one record, not two."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client

from intlinks.models import FormToken
from intlinks.tests.posting import page_data
from partnerships import services
from partnerships.models import Activity, Gift
from partnerships.tests.factories import ConductPolicyFactory, PartnershipFactory
from partnerships.tests.test_activity_views import log_form

GIFT = {
    "direction": "received",
    "kind": "gift",
    "counterparty": "Mayor of Krefeld",
    "counterparty_kind": "public",
    "description": "Engraved glass bowl",
    "value": "40.00",
    "given_on": "2026-06-02",
    "registered_on": "2026-06-03",
    "declared": "on",
}


@pytest.mark.django_db
def test_the_same_gift_form_posted_twice_makes_one_gift(officer_client):
    data = page_data(officer_client.get("/partnerships/activities/gifts/new/"), **GIFT)

    first = officer_client.post("/partnerships/activities/gifts/new/", data)
    second = officer_client.post("/partnerships/activities/gifts/new/", data, follow=True)

    assert Gift.objects.count() == 1
    assert first.status_code == 302
    assert second.redirect_chain == [(first.url, 302)]
    assert "This was already saved" in second.content.decode()


@pytest.mark.django_db
def test_each_visit_to_the_form_may_record_a_gift_of_its_own(officer_client):
    for _ in range(2):
        data = page_data(officer_client.get("/partnerships/activities/gifts/new/"), **GIFT)
        officer_client.post("/partnerships/activities/gifts/new/", data)

    assert Gift.objects.count() == 2  # two renders, two tokens: two gifts meant


@pytest.mark.django_db
def test_a_refused_post_does_not_use_up_its_token(officer_client):
    data = page_data(officer_client.get("/partnerships/activities/gifts/new/"), **GIFT)

    refused = officer_client.post("/partnerships/activities/gifts/new/", {**data, "value": "-1"})
    corrected = officer_client.post("/partnerships/activities/gifts/new/", page_data(refused, value="40.00"))

    assert refused.status_code == 200
    assert corrected.status_code == 302
    assert Gift.objects.count() == 1


@pytest.mark.django_db
def test_an_edit_posted_twice_answers_the_second_like_the_first(officer_client):
    data = page_data(officer_client.get("/partnerships/activities/gifts/new/"), **GIFT)
    officer_client.post("/partnerships/activities/gifts/new/", data)
    url = f"/partnerships/activities/gifts/{Gift.objects.get().pk}/edit/"
    edit = page_data(officer_client.get(url), description="Glass bowl")

    officer_client.post(url, edit)
    second = officer_client.post(url, edit, follow=True)  # not refused as a stale edit of one's own save

    assert "This was already saved" in second.content.decode()
    assert Gift.objects.get().description == "Glass bowl"


def _post_in_thread(user, url, data, answers):
    client = Client()
    client.force_login(user)
    try:
        answers.append(client.post(url, data))
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("token", "activities"), [(True, 1), (False, 2)], ids=["with-token", "finding-5"])
def test_two_simultaneous_posts_of_one_activity_form_make_one_activity(
    officer, monkeypatch, token, activities
):
    """The race made certain: the first post has saved its activity but not committed when the second
    arrives; the second waits on the token's unique key, then answers with the first one's page.
    Without the token (the form as it was before issue 9) the same two posts make two activities."""
    ConductPolicyFactory()
    link = PartnershipFactory()
    url = f"/partnerships/{link.pk}/activities/new/"
    client = Client()
    client.force_login(officer)
    data = log_form(link, [{}])
    if token:
        data["form_token"] = page_data(client.get(url))["form_token"]
    first_saved, release = threading.Event(), threading.Event()
    save = services.activity_log

    def save_then_hold(**kwargs):
        activity = save(**kwargs)
        first_saved.set()
        release.wait(10)
        return activity

    monkeypatch.setattr(services, "activity_log", save_then_hold)
    first_answer, second_answer = [], []
    first = threading.Thread(target=_post_in_thread, args=(officer, url, data, first_answer))
    first.start()
    assert first_saved.wait(10)
    second = threading.Thread(target=_post_in_thread, args=(officer, url, data, second_answer))
    second.start()
    time.sleep(0.5)  # the second is now waiting on the first's uncommitted token (or its own hold)
    assert not second_answer
    release.set()
    first.join(10)
    second.join(10)

    assert Activity.objects.count() == activities
    if not token:
        return
    activity = Activity.objects.get()
    assert first_answer[0].url == second_answer[0].url == activity.get_absolute_url()
    assert activity.costs.count() == 1
    assert FormToken.objects.get().redirect_to == activity.get_absolute_url()
