"""The members' dashboard: every figure against hand-computed values on one fixed data set.

The data set (built by `council`) for the financial year 2016/17, with its neighbours:

| record | year | in 2016/17? |
| --- | --- | --- |
| Krefeld visit, 1 Apr 2016, complete, 2 councillors, 1 officer, objective 1; £1,000 spent | 2016/17 | yes |
| Krefeld youth exchange, 31 Mar 2017, 10 young people, 2 officers, obj. 2; €500 at 0.85 | 2016/17 | yes |
| Masaya cultural event, Sep 2016, cancelled, 50 community members; £200 spent Aug 2016 | 2016/17 | cost |
| Masaya trade mission, 1 Apr 2017, 5 businesses; £300 spent that day | 2017/18 | no |
| Krefeld visit, 31 Mar 2016, 1 councillor | 2015/16 | no |
| Derby's budgets: £5,000 in 2016/17 (lines £3,000 + £2,000), £20,000 in 2017/18 and 2018/19 | | |
| awards: £3,000 on 1 May 2016, £1,000 on 1 Apr 2017; a bid still submitted | | |

Hand-computed for 2016/17: 2 activities (latest 31 Mar 2017), 15 people; committed £425.00, spent
£1,200.00 (the cancelled event's £200 is money spent), remaining £3,375.00; leverage £3,000 / £1,200 =
£2.50; actions red 1, amber 0, green 1, not rated 1. Today: 2 live links (the archived and the exploring
links are not), 1 drifting (Masaya), 1 breach awaiting approval.
"""

import re
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.utils import timezone

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships import selectors as partnership_selectors
from partnerships.filters import ActivityFilter, FundingFilter, PartnershipFilter
from partnerships.models import Activity, ExternalFunding, Status, StatusChange
from partnerships.services import activities_save_imported
from partnerships.tests.factories import (
    ActivityFactory,
    AnnualReviewFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    PartnershipFactory,
    PlaceFactory,
)
from reporting.selectors import dashboard
from reporting.selectors.dashboard import headline_figures
from strategy.financial_years import FinancialYear, financial_year_of
from strategy.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    BudgetFactory,
    BudgetLineFactory,
    ObjectiveFactory,
    ProgressUpdateFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

Y2016 = FinancialYear(2016)


def budget(year: int, *lines: tuple[str, str]):
    made = BudgetFactory(financial_year=year, controllable_total=sum(Decimal(amount) for _, amount in lines))
    return {
        name: BudgetLineFactory(budget=made, name=name, allocation=Decimal(amount)) for name, amount in lines
    }


@pytest.fixture
def council(django_user_model):
    recorder = django_user_model.objects.create_user(username="recorder")
    strategy = StrategyFactory(
        title="International strategy",
        first_year=2016,
        last_year=2019,
        status="adopted",
        adopted_on=date(2016, 3, 1),
    )
    first, second = (
        ObjectiveFactory(strategy=strategy, number=1),
        ObjectiveFactory(strategy=strategy, number=2),
    )
    lines_2016 = budget(2016, ("Visits", "3000.00"), ("Grants", "2000.00"))
    lines_2017 = budget(2017, ("Programme", "20000.00"))
    budget(2018, ("Programme", "20000.00"))

    krefeld = PartnershipFactory(
        place=PlaceFactory(name="Krefeld", country="DE", latitude=Decimal("51.33"), longitude=Decimal("6.56"))
    )
    masaya = PartnershipFactory(
        place=PlaceFactory(
            name="Masaya", country="NI", latitude=Decimal("11.97"), longitude=Decimal("-86.09")
        ),
        status=Status.DORMANT,
    )
    PartnershipFactory(place=PlaceFactory(name="Old link"), archived_at=timezone.now())  # archived: not live
    PartnershipFactory(place=PlaceFactory(name="Prospect"), status=Status.EXPLORING)  # not yet live
    StatusChange.objects.create(
        partnership=masaya,
        from_status=Status.ACTIVE,
        to_status=Status.DORMANT,
        changed_on=date(2015, 1, 10),
        reason="Quiet",
    )
    AnnualReviewFactory(partnership=krefeld, reviewed_on=timezone.localdate() - timedelta(days=30))

    visit = ActivityFactory(
        partnership=krefeld,
        kind=Activity.Kind.OUTGOING_VISIT,
        starts_on=date(2016, 4, 1),
        ends_on=date(2016, 4, 3),
        state=Activity.State.COMPLETE,
        councillors=2,
        officers=1,
    )
    visit.objectives.add(first)
    CostFactory(
        activity=visit,
        incurred_on=date(2016, 4, 1),
        amount=Decimal("1000.00"),
        budget_line=lines_2016["Visits"],
    )
    exchange = ActivityFactory(
        partnership=krefeld,
        kind=Activity.Kind.YOUTH_EXCHANGE,
        starts_on=date(2017, 3, 31),
        ends_on=date(2017, 4, 5),
        young_people=10,
        officers=2,
    )
    exchange.objectives.add(second)
    CostFactory(
        activity=exchange,
        incurred_on=date(2017, 3, 31),
        stage="planned",
        amount=Decimal("500.00"),
        currency="EUR",
        rate_to_gbp=Decimal("0.850000"),
        budget_line=lines_2016["Visits"],
    )
    event = ActivityFactory(
        partnership=masaya,
        kind=Activity.Kind.CULTURAL_EVENT,
        starts_on=date(2016, 9, 10),
        ends_on=date(2016, 9, 10),
        state=Activity.State.CANCELLED,
        community_members=50,
    )
    CostFactory(
        activity=event,
        incurred_on=date(2016, 8, 1),
        amount=Decimal("200.00"),
        budget_line=lines_2016["Grants"],
    )
    mission = ActivityFactory(
        partnership=masaya,
        kind=Activity.Kind.TRADE_MISSION,
        starts_on=date(2017, 4, 1),
        ends_on=date(2017, 4, 2),
        businesses=5,
    )
    CostFactory(
        activity=mission,
        incurred_on=date(2017, 4, 1),
        amount=Decimal("300.00"),
        budget_line=lines_2017["Programme"],
    )
    ActivityFactory(
        partnership=krefeld, starts_on=date(2016, 3, 31), ends_on=date(2016, 3, 31), councillors=1
    )
    # Krefeld is healthy: reviewed and active in the last 12 months.
    recent = timezone.localdate() - timedelta(days=10)
    ActivityFactory(partnership=krefeld, kind=Activity.Kind.VIRTUAL_MEETING, starts_on=recent, ends_on=recent)

    ExternalFundingFactory(
        partnership=krefeld, amount_awarded=Decimal("3000.00"), awarded_on=date(2016, 5, 1)
    )
    ExternalFundingFactory(partnership=masaya, amount_awarded=Decimal("1000.00"), awarded_on=date(2017, 4, 1))
    ExternalFundingFactory(
        partnership=masaya, status=ExternalFunding.Status.SUBMITTED, amount_awarded=None, awarded_on=None
    )
    GiftFactory(
        partnership=krefeld,
        given_on=date(2016, 6, 2),
        registered_on=date(2016, 6, 2),
        breach="Registered late",
    )

    plan = ActionPlanFactory(strategy=strategy, financial_year=2016)
    red, green, _unrated = (ActionFactory(action_plan=plan, objective=first) for _ in range(3))
    ProgressUpdateFactory(
        action=red, rag="red", status="off_track", note="Funding fell through", recorded_by=recorder
    )
    ProgressUpdateFactory(action=green, recorded_by=recorder)
    return {
        "strategy": strategy,
        "krefeld": krefeld,
        "masaya": masaya,
        "plan": plan,
        "line": lines_2016["Visits"],
    }


def test_activities_count_the_year_of_their_start_and_not_the_cancelled_ones(council):
    data = dashboard(year=Y2016)

    assert data.activities.value == 2  # 1 April 2016 and 31 March 2017; not 31 March 2016 or 1 April 2017
    assert data.activities.latest == date(2017, 3, 31)
    assert [(figure.label, figure.value, figure.latest) for figure in data.activities_by_kind] == [
        ("Outgoing visit", 1, date(2016, 4, 1)),
        ("School or youth exchange", 1, date(2017, 3, 31)),
    ]


def test_people_involved_by_category_leave_out_the_cancelled_event(council):
    data = dashboard(year=Y2016)

    assert data.people == [
        ("Councillors", 2),
        ("Officers", 3),
        ("Young people", 10),
        ("Community members", 0),
        ("Businesses", 0),
    ]
    assert data.people_total == 15


def test_spend_against_budget_is_the_budget_pages_including_a_cancelled_activitys_cost(council):
    spend = dashboard(year=Y2016).spend

    assert spend.allocated == Decimal("5000.00")
    assert spend.committed == Decimal("425.00")  # €500 at 0.85
    assert spend.spent == Decimal("1200.00")  # £1,000 on 1 April 2016 and the cancelled event's £200
    assert spend.remaining == Decimal("3375.00")
    assert spend.latest == date(2017, 3, 31)
    assert spend.url == f"/strategy/budgets/{spend.summary.budget.pk}/"


def test_spend_by_month_runs_april_to_march_and_adds_up_to_the_year(council):
    months = dashboard(year=Y2016).spend_by_month

    assert [month for month, _, _ in months][0] == date(2016, 4, 1)
    assert [month for month, _, _ in months][-1] == date(2017, 3, 1)
    assert {month: (spent, committed) for month, spent, committed in months if spent or committed} == {
        date(2016, 4, 1): (Decimal("1000.00"), Decimal("0")),
        date(2016, 8, 1): (Decimal("200.00"), Decimal("0")),
        date(2017, 3, 1): (Decimal("0"), Decimal("425.00")),
    }


def test_funding_secured_and_leverage_follow_the_readme(council):
    funding = dashboard(year=Y2016).funding

    assert funding.awarded.value == Decimal("3000.00")
    assert funding.count == 1
    assert funding.awarded.latest == date(2016, 5, 1)
    assert funding.council_spent == Decimal("1200.00")
    assert funding.per_council_pound == Decimal("2.50")


def test_actions_by_rag_come_from_the_years_action_plan(council):
    data = dashboard(year=Y2016)

    assert [(figure.label, figure.value) for figure in data.actions_by_rag] == [
        ("Red", 1),
        ("Amber", 0),
        ("Green", 1),
        ("Not rated yet", 1),
    ]
    assert data.action_plan_url == f"/strategy/plans/{council['plan'].pk}/"
    assert data.actions_latest == timezone.localdate()


def test_todays_figures_live_links_drifting_and_breaches(council):
    data = dashboard(year=Y2016)

    assert (data.live_links.value, data.live_links.latest) == (2, date(2015, 1, 10))
    assert (data.drifting.value, data.drifting.latest) == (1, date(2017, 4, 1))  # Masaya's last activity
    assert (data.breaches.value, data.breaches.latest) == (1, date(2016, 6, 2))


def test_activity_by_objective_partnership_and_place(council):
    data = dashboard(year=Y2016)

    assert [count for _, count in data.activity_by_objective] == [1, 1, 0]
    assert data.activity_by_objective[-1][0] == "No objective recorded"
    assert data.activity_by_partnership == [(str(council["krefeld"]), 2)]
    assert [(place.name, place.activity_count) for place in data.places] == [("Krefeld", 2)]


def test_the_trend_covers_every_year_of_the_strategy_with_derbys_budgets(council):
    trend = dashboard(year=Y2016).trend

    assert [(row.year.label, row.budget, row.spent, row.external, row.activities) for row in trend] == [
        ("2016/17", Decimal("5000.00"), Decimal("1200.00"), Decimal("3000.00"), 2),
        ("2017/18", Decimal("20000.00"), Decimal("300.00"), Decimal("1000.00"), 1),
        ("2018/19", Decimal("20000.00"), Decimal("0"), Decimal("0"), 0),
        ("2019/20", None, None, Decimal("0"), 0),
    ]


def test_the_year_selector_offers_every_year_with_data_and_this_one(council):
    current = financial_year_of(timezone.localdate())

    years = [year.start for year in dashboard(year=Y2016).years]

    assert years == [current.start, 2018, 2017, 2016, 2015]


def test_the_year_selector_skips_a_gap_and_an_archived_activitys_year(council):
    # One activity a year is looked up between the first and the last: a year between with none, or
    # only an archived one, is not offered.
    ActivityFactory(partnership=council["krefeld"], starts_on=date(2005, 6, 1))
    ActivityFactory(partnership=council["krefeld"], starts_on=date(2009, 6, 1), archived_at=timezone.now())

    years = {year.start for year in dashboard(year=Y2016).years}

    assert 2005 in years
    assert not years & set(range(2006, 2015))


@pytest.mark.parametrize("start", [2016, 2017, 2030])
def test_the_papers_headline_figures_are_the_dashboards(council, start):
    year = FinancialYear(start)
    full, headlines = dashboard(year=year), headline_figures(year=year)

    for name in (
        "activities",
        "people_total",
        "funding",
        "actions_by_rag",
        "live_links",
        "breaches",
        "grants",
    ):
        assert getattr(headlines, name) == getattr(full, name), name
    assert headlines.drifting == full.drifting
    assert (headlines.spend and headlines.spend.summary) == (full.spend and full.spend.summary)


def filtered_count(url: str) -> int:
    """How many records the list at `url` shows, through the list's own FilterSet and selector."""
    parts = urlsplit(url)
    query = QueryDict(parts.query)
    if parts.path == "/partnerships/":
        return PartnershipFilter(query, queryset=partnership_selectors.partnership_list()).qs.count()
    if parts.path == "/partnerships/activities/":
        return ActivityFilter(query, queryset=partnership_selectors.activity_list()).qs.count()
    if parts.path == "/partnerships/activities/funding/":
        return FundingFilter(query, queryset=partnership_selectors.funding_list()).qs.count()
    if parts.path == "/partnerships/activities/attention/":
        attention = partnership_selectors.needs_attention()
        return attention.cost_count + attention.gift_count
    raise AssertionError(f"no list known for {url}")


def test_each_figure_links_to_a_list_showing_the_same_records(council, client, member):
    data = dashboard(year=Y2016)
    figures = [data.activities, *data.activities_by_kind, data.live_links, data.drifting, data.breaches]

    for figure in figures:
        assert filtered_count(figure.url) == figure.value, figure.label
    funding = FundingFilter(
        QueryDict(urlsplit(data.funding.awarded.url).query), queryset=partnership_selectors.funding_list()
    )
    assert sum(grant.amount_awarded for grant in funding.qs) == data.funding.awarded.value

    client.force_login(member)
    for figure in [*figures, data.funding.awarded]:
        response = client.get(figure.url)
        assert response.status_code == 200, figure.url
    page = client.get(data.activities.url).content.decode()
    assert 'value="2016" selected' in page  # the old year is offered and chosen, not refused


def test_the_page_shows_each_figure_with_its_date_and_link(council, client, member):
    client.force_login(member)

    page = client.get("/reporting/?year=2016").content.decode()

    assert "Dashboard 2016/17" in page
    assert "/partnerships/activities/?financial_year=2016&amp;state=not_cancelled" in page
    assert "31 Mar 2017" in page
    assert "£1,200.00" in page
    assert "£3,375.00" in page
    assert "£2.50" in page
    assert "/partnerships/?drifting=yes" in page
    assert "/partnerships/?live=yes" in page
    assert "No grant application on the 2016/17 budget has been decided yet." in page
    assert page.count('role="img"') == 7  # every chart drawn, each with its table
    assert page.count("Figures for:") == 7


def test_the_default_year_is_the_current_one(council, client, member):
    client.force_login(member)

    response = client.get("/reporting/")

    assert response.context["dashboard"].year == financial_year_of(timezone.localdate())


@pytest.mark.parametrize("value", ["abc", "9999", "1", "2016/18", "<script>"])
def test_a_bad_year_shows_the_current_one_with_a_message(client, member, value):
    client.force_login(member)

    response = client.get("/reporting/", {"year": value})

    assert response.status_code == 200
    assert response.context["dashboard"].year == financial_year_of(timezone.localdate())
    assert "instead" in response.content.decode()
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_a_year_typed_as_a_label_is_understood(client, member):
    client.force_login(member)

    assert client.get("/reporting/", {"year": "2016/17"}).context["dashboard"].year == Y2016


def test_a_year_with_no_data_says_so_instead_of_drawing_empty_charts(council, client, member):
    client.force_login(member)

    page = client.get("/reporting/?year=2030").content.decode()

    assert "Nothing is recorded for 2030/31" in page
    assert "<svg" not in page


def test_an_empty_register_shows_the_empty_state(client, member):
    client.force_login(member)

    page = client.get("/reporting/").content.decode()

    assert "Nothing is recorded for" in page
    assert "<svg" not in page


@pytest.mark.parametrize("who", ["officer", "member", "clerk", "administrator"])
def test_every_role_reads_the_dashboard_and_sees_it_in_the_navigation(client, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get("/reporting/")

    assert response.status_code == 200
    assert re.search(r'href="/reporting/"[^>]*aria-current="page"', response.content.decode())


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client):
    response = client.get("/reporting/")

    assert response.status_code == 302
    assert response.url.startswith("/sign-in/")


def test_a_user_without_a_role_may_not_read_it(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="nobody"))

    assert client.get("/reporting/").status_code == 403


def test_a_member_starts_on_the_dashboard(client, member):
    client.force_login(member)

    response = client.get("/")

    assert response.status_code == 302
    assert response.url == "/reporting/"


def test_a_member_with_another_role_keeps_the_start_page_with_the_dashboard_first(client, member):
    from django.contrib.auth.models import Group

    member.groups.add(Group.objects.get(name="Officer"))
    client.force_login(member)

    page = client.get("/").content.decode()

    assert page.index('href="/reporting/"') < page.index('href="/partnerships/"')


def grow(council, times: int):
    """More of everything the dashboard counts, in the same year."""
    for number in range(times):
        link = PartnershipFactory(
            place=PlaceFactory(name=f"Extra {number}", latitude=Decimal(number), longitude=Decimal(number))
        )
        activity = ActivityFactory(
            partnership=link, starts_on=date(2016, 5, 1 + number), ends_on=date(2016, 5, 1 + number)
        )
        activity.objectives.add(council["strategy"].objectives.first())
        CostFactory(activity=activity, incurred_on=date(2016, 5, 1 + number), budget_line=council["line"])
        GiftFactory(partnership=link, breach="Registered late")
        ExternalFundingFactory(partnership=link, awarded_on=date(2016, 6, 1 + number))
        ActionFactory(action_plan=council["plan"], objective=council["strategy"].objectives.first())


def test_the_query_count_does_not_grow_with_the_data(council, client, member):
    client.force_login(member)
    small = queries_for(client, "/reporting/?year=2016")
    grow(council, 12)
    large = queries_for(client, "/reporting/?year=2016")

    # Session, user and permissions; then the selector: years, strategy, activities, budget summary and
    # months, funding and leverage, actions, today's figures, objective, partnership, map and trend.
    # Each of the two budget summaries (the year's, the trend's) asks every spending source: costs and
    # grants (issue 11), one query each.
    # and the year's grant figures, one more.
    assert_fixed_queries(small, large, at_most=33)


def test_a_second_reading_comes_from_the_cache_in_a_fixed_number_of_queries(council, client, member):
    client.force_login(member)
    queries_for(client, "/reporting/?year=2016")
    small = queries_for(client, "/reporting/?year=2016")
    grow(council, 12)
    queries_for(client, "/reporting/?year=2016")  # the records changed: computed afresh once
    large = queries_for(client, "/reporting/?year=2016")

    # Session, user, and the user's and groups' permissions; the figures and charts come from the cache.
    assert_fixed_queries(small, large, at_most=4)


def _activities_shown(client, year=2016) -> int:
    return client.get(f"/reporting/?year={year}").context["dashboard"].activities.value


def test_a_cached_figure_follows_an_activity_logged_changed_or_deleted(council, client, member):
    client.force_login(member)
    before = _activities_shown(client)
    logged = ActivityFactory(
        partnership=council["krefeld"], starts_on=date(2016, 5, 2), ends_on=date(2016, 5, 2)
    )
    assert _activities_shown(client) == before + 1
    logged.state = Activity.State.CANCELLED  # a cancelled activity did not happen
    logged.save()
    assert _activities_shown(client) == before
    logged.state = Activity.State.PLANNED
    logged.save()
    Activity.objects.filter(pk=logged.pk).delete()  # as the admin's bulk delete does
    assert _activities_shown(client) == before


def test_a_cached_figure_follows_activities_imported_in_bulk(council, client, member, officer):
    """The import writes activities with bulk_create, which sends no model signal."""
    client.force_login(member)
    before = _activities_shown(client)
    imported = [
        Activity(
            partnership=council["krefeld"],
            kind=Activity.Kind.VIRTUAL_MEETING,
            title=f"Imported meeting {n}",
            starts_on=date(2016, 6, n + 1),
            ends_on=date(2016, 6, n + 1),
        )
        for n in range(3)
    ]
    activities_save_imported(created=imported, updated=[], fields=[], by=officer)
    assert _activities_shown(client) == before + 3


def test_the_dashboard_is_read_while_the_cache_cannot_be_reached(council, client, member, settings):
    client.force_login(member)
    before = _activities_shown(client)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    ActivityFactory(partnership=council["krefeld"], starts_on=date(2016, 5, 2), ends_on=date(2016, 5, 2))
    assert _activities_shown(client) == before + 1


def test_the_boundary_days_fall_in_the_right_year(council):
    assert dashboard(year=FinancialYear(2015)).activities.value == 1  # 31 March 2016
    assert dashboard(year=FinancialYear(2017)).activities.value == 1  # 1 April 2017
    assert dashboard(year=FinancialYear(2017)).spend.spent == Decimal("300.00")
    assert parse_qs(urlsplit(dashboard(year=FinancialYear(2017)).activities.url).query)["financial_year"] == [
        "2017"
    ]


def decided_grants(council, django_user_model, officer, member):
    """Three applications on 2016/17's grants line, taken through the services at a meeting on 9 Jun
    2016: one approved (£800) and paid (£750 on 1 Jul 2016), one approved (£400) not yet paid, one
    declined; a fourth is only submitted. Hand-computed: 3 decided, £1,200 approved, 1 declined, 1 paid
    (£750, latest 1 Jul 2016)."""
    from partnerships.models import AgendaItem, Meeting
    from partnerships.services import grant_decide, grant_pay, grant_submit, meeting_save
    from partnerships.tests.factories import GrantApplicationFactory

    line = council["line"].budget.lines.get(name="Grants")
    applications = [
        GrantApplicationFactory(budget_line=line, amount_requested=Decimal(amount))
        for amount in ("800.00", "400.00", "900.00", "100.00")
    ]
    for application in applications:
        grant_submit(application=application, by=officer, submitted_on=date(2016, 5, 1))
    meeting = meeting_save(
        meeting=Meeting(held_on=date(2016, 6, 9)),
        members_present=[member],
        items=[
            AgendaItem(kind=AgendaItem.Kind.GRANT, grant_application=application, title=application.title)
            for application in applications[:3]
        ],
        by=officer,
    )
    paid, approved, declined, _submitted = applications
    grant_decide(application=paid, meeting=meeting, by=member, approve=True, amount=Decimal("800.00"))
    grant_decide(application=approved, meeting=meeting, by=member, approve=True, amount=Decimal("400.00"))
    grant_decide(application=declined, meeting=meeting, by=member, approve=False, reasons="Not eligible")
    grant_pay(application=paid, by=officer, amount=Decimal("750.00"), paid_on=date(2016, 7, 1))


def test_grants_decided_and_paid_are_the_years_and_link_to_their_list(
    council, django_user_model, officer, member, client
):
    decided_grants(council, django_user_model, officer, member)
    grants = dashboard(year=Y2016).grants
    client.force_login(member)
    page = client.get("/reporting/?year=2016").content.decode()
    assert "£1,200.00" in page
    assert "3 applications decided, 1 declined" in page
    assert "£750.00 paid on 1 grant" in page

    assert (grants.decided.value, grants.declined, grants.decided.latest) == (3, 1, date(2016, 6, 9))
    assert grants.awarded.value == Decimal("1200.00")
    assert (grants.paid.value, grants.paid_count, grants.paid.latest) == (
        Decimal("750.00"),
        1,
        date(2016, 7, 1),
    )
    assert dashboard(year=FinancialYear(2017)).grants.decided.value == 0
    client.force_login(member)
    for figure, count in ((grants.decided, 3), (grants.awarded, 2), (grants.paid, 1)):
        page = client.get(figure.url)
        assert page.status_code == 200
        assert page.context["page"].paginator.count == count, figure.url


def test_the_headline_figures_come_first_as_cards_with_their_records(council, client, member):
    client.force_login(member)

    page = client.get("/reporting/?year=2016").content.decode()

    glance, charts = page.index("2016/17 at a glance"), page.index("2016/17 in charts")
    assert page.index("The links today") < glance < charts  # pictures first, numbers second
    assert len(re.findall(r'<section class="app-card[ "]', page)) == 9  # 3 today, 6 for the year
    assert "See the 2 activities" in page
    assert "See the 2 live links" in page
    assert "See the 1 breach" in page
    assert "Latest record 31 Mar 2017" in page
    # Spend against budget in words and as a bar; the bar is a picture of the words, so hidden from readers.
    assert "£1,200.00" in page[glance:charts]
    assert "of £5,000.00 budget (24% spent)" in page
    assert re.search(r'<svg class="app-card__bar"[^>]*aria-hidden="true"', page)
    # Actions by RAG read without colour: each tag names its rating.
    for words in ("Red: 1", "Amber: 0", "Green: 1", "Not rated yet: 1"):
        assert words in page
    assert "Needs attention" in page  # a drifting link and a breach, flagged in text as well as colour


def test_the_spend_chart_is_the_running_total_against_the_budget(council):
    from reporting.charts.dashboard import dashboard_charts

    data = dashboard(year=Y2016)
    chart = dashboard_charts(data)["spend_by_month"]

    assert chart.value_headings == ("Spent so far", "Spent in the month", "Committed in the month")
    assert [label for label, _ in chart.table_rows][:1] == ["Apr 2016"]
    assert chart.table_rows[-1] == ("Mar 2017", ["£1,200.00", *chart.table_rows[-1][1][1:]])
    assert sum(row.values[1] for row in chart.rows) == data.spend.spent  # every month's own amount kept
    assert sum(row.values[2] for row in chart.rows) == data.spend.committed
    assert "Budget: £5,000" in chart.svg


def test_this_years_spend_so_far_stops_at_this_month_and_a_year_to_come_is_a_gap():
    from reporting.charts.dashboard import dashboard_charts

    this_year = financial_year_of(timezone.localdate())
    strategy = StrategyFactory(
        first_year=this_year.start - 1,
        last_year=this_year.start + 2,
        status="adopted",
        adopted_on=date(2020, 1, 1),
    )
    lines = budget(this_year.start, ("Visits", "1000.00"))
    CostFactory(incurred_on=this_year.first_day, amount=Decimal("100.00"), budget_line=lines["Visits"])

    data = dashboard(year=this_year)
    charts = dashboard_charts(data)

    months_to_come = [m for m, _, _ in data.spend_by_month if m > timezone.localdate().replace(day=1)]
    so_far = [row.values[0] for row in charts["spend_by_month"].rows]
    assert so_far[0] == Decimal("100.00")
    assert so_far[len(so_far) - len(months_to_come) :] == [None] * len(months_to_come)
    trend = {row.year.start: row for row in data.trend}
    assert trend[this_year.start + 2].activities is None  # nothing planned yet: a gap, not a zero
    assert trend[this_year.start - 1].activities == 0  # a year gone by with no activity is a real zero
    assert strategy.pk
