"""The load script (issue 15): signed-in members reading the dashboard and lists, officers logging
activities, against gunicorn on a seeded large council. Run by `manage.py loadtest` (`make load`), which
seeds the database, creates the accounts named in LOAD_MEMBERS / LOAD_OFFICERS and the links in
LOAD_PARTNERSHIPS, and reads the figures back from locust's CSV.

Each request is named by its kind ("dashboard", "list: activities", "log: form", "log: save"), so the
figures come out per kind, not per URL.

Every user signs in through the form first, all at once (the heaviest way to start: 25 password hashes
together). The LOAD_SECONDS of pages start when the last of them is signed in, and the run ends
LOAD_SECONDS later; the sign-ins' own figures are their own rows ("sign in"). Without this, the first
12 s of a run carried the sign-ins' queue into the pages' figures (docs/security/load.md).
"""

import itertools
import os
import random
import re
from html.parser import HTMLParser

import gevent
from gevent.event import Event
from locust import HttpUser, between, task

PASSWORD = os.environ["LOAD_PASSWORD"]
MEMBERS = itertools.cycle(os.environ["LOAD_MEMBERS"].split(","))
OFFICERS = itertools.cycle(os.environ["LOAD_OFFICERS"].split(","))
PARTNERSHIPS = [int(pk) for pk in os.environ["LOAD_PARTNERSHIPS"].split(",")]
USERS = int(os.environ["LOAD_USERS"])
SECONDS = int(os.environ["LOAD_SECONDS"])
EVERYONE_SIGNED_IN = Event()
signed_in = 0
LISTS = {
    "list: activities": "/partnerships/activities/",
    "list: gifts": "/partnerships/activities/gifts/",
    "list: partnerships": "/partnerships/",
}


class HiddenInputs(HTMLParser):
    """The hidden inputs of a page's form: the CSRF token, the one-time form token, the formset's counts."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value", "")


def hidden_inputs(html: str) -> dict:
    parser = HiddenInputs()
    parser.feed(html)
    return parser.values


class SignedIn(HttpUser):
    abstract = True
    wait_time = between(1, 3)  # a person reads a page before the next
    accounts = None

    def on_start(self):
        page = self.client.get("/sign-in/", name="sign in: form")
        token = hidden_inputs(page.text)["csrfmiddlewaretoken"]
        with self.client.post(
            "/sign-in/",
            {"username": next(self.accounts), "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered {response.status_code}")
        self.wait_for_everyone()
        self.wait()  # a person reads the start page before their first click

    def wait_for_everyone(self):
        """Hold until every user has signed in; the last one starts the clock of the measured run."""
        global signed_in
        signed_in += 1
        if signed_in == USERS:
            EVERYONE_SIGNED_IN.set()
            gevent.spawn_later(SECONDS, self.environment.runner.quit)
        EVERYONE_SIGNED_IN.wait()

    def read_list(self):
        name, url = random.choice(list(LISTS.items()))
        self.client.get(url, name=name)


class Member(SignedIn):
    """A councillor before a meeting: mostly the dashboard, sometimes a list."""

    weight = 3
    accounts = MEMBERS

    @task(3)
    def dashboard(self):
        self.client.get("/reporting/", name="dashboard")

    @task(2)
    def lists(self):
        self.read_list()


class Officer(SignedIn):
    """An officer logging the week's work: lists, and an activity logged through the real form."""

    weight = 2
    accounts = OFFICERS

    @task(2)
    def lists(self):
        self.read_list()

    @task(1)
    def log_activity(self):
        url = f"/partnerships/{random.choice(PARTNERSHIPS)}/activities/new/"
        form = self.client.get(url, name="log: form")
        data = {
            **hidden_inputs(form.text),
            "kind": "incoming_delegation",
            "title": f"Load test delegation {random.randrange(10**9)}",
            "starts_on_0": "3",
            "starts_on_1": "6",
            "starts_on_2": "2026",
            "ends_on_0": "5",
            "ends_on_1": "6",
            "ends_on_2": "2026",
            "purpose": "Load test",
            "councillors": "1",
            "officers": "1",
            "young_people": "0",
            "community_members": "0",
            "businesses": "0",
        }
        with self.client.post(
            url, data, name="log: save", allow_redirects=False, catch_response=True
        ) as saved:
            if saved.status_code != 302 or not re.match(
                r"^/partnerships/activities/\d+/$", saved.headers.get("Location", "")
            ):
                saved.failure(f"the activity was not saved: {saved.status_code} {saved.text[:300]!r}")
