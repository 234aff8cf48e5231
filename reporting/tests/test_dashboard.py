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
    assert "GRANTS" not in page  # the placeholder is a template comment, not text
    assert "Grants decided and paid will be shown here" in page
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
    assert_fixed_queries(small, large, at_most=32)


def test_the_boundary_days_fall_in_the_right_year(council):
    assert dashboard(year=FinancialYear(2015)).activities.value == 1  # 31 March 2016
    assert dashboard(year=FinancialYear(2017)).activities.value == 1  # 1 April 2017
    assert dashboard(year=FinancialYear(2017)).spend.spent == Decimal("300.00")
    assert parse_qs(urlsplit(dashboard(year=FinancialYear(2017)).activities.url).query)["financial_year"] == [
        "2017"
    ]
