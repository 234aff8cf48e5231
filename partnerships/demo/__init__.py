"""Demonstration data: Leicester's links exactly as the council documents give them.

Facts come from /work/shared/domain/: 000 is Leicester's Cabinet report of 2 September 2002, 001 its
International Development Strategy (2008), 004 Derby's Cabinet report of 9 September 2015. Each record
says where it came from. Coordinates are not in the documents: they are the places' approximate centres,
added so the map has something to show, and say so. Derby's approaches are shown as an example.

Safe to run twice: records are found by their natural key and only created when missing, so an
officer's later edits are never overwritten. The example records of the years around the day it runs
are in `recent_years`; its STEPS list is where a later feature adds its own examples.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from partnerships import services
from partnerships.demo import activities as demo_activities
from partnerships.demo import recent_years
from partnerships.models import (
    Appraisal,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    Status,
    Theme,
)

STRATEGY_2008 = "Leicester City Council, International Development Strategy (2008)"
CABINET_2002 = "Leicester City Council, Cabinet report, 2 September 2002, paragraph 3.1"
DERBY_2015 = "Derby City Council, Cabinet report, 9 September 2015 (overseas economic twinning)"
COORDINATES_NOTE = "Coordinates: approximate centre of the place, added for the map, not from the documents."

THEMES = {
    "Economy and trade": "Named in issue 3; the 2008 strategy's business links (e.g. Chongqing).",
    "Education and young people": "Named in issue 3; the 2008 strategy's school exchanges.",
    "Culture": "Named in issue 3; the 2008 strategy's cultural festivals and exchanges.",
    "Environment": "Named in issue 3; the 2008 strategy's Asia-Urbs project in Rajkot.",
    "Social justice": "Named in issue 3; the 2008 strategy's north–south solidarity links (Masaya).",
    "Community cohesion": "The 2008 strategy: twinning links and community cohesion (indicator NI 1).",
}

# name, ISO 3166 code, kind, latitude, longitude
PLACES = [
    ("Strasbourg", "FR", Place.Kind.CITY, "48.57340", "7.75210"),
    ("Krefeld", "DE", Place.Kind.CITY, "51.33880", "6.58530"),
    ("Masaya", "NI", Place.Kind.CITY, "11.97440", "-86.09420"),
    ("Rajkot", "IN", Place.Kind.CITY, "22.30390", "70.80220"),
    ("Haskovo", "BG", Place.Kind.CITY, "41.93440", "25.55560"),
    ("Chongqing", "CN", Place.Kind.CITY, "29.56300", "106.55160"),
]

# place, year it began (None where the documents give none), themes, what the 2008 strategy says of it
TWIN_CITIES = [
    (
        "Strasbourg",
        1960,
        ["Culture", "Education and young people"],
        "Civic and friendship link of traditional post-war European twinning: people to people exchanges "
        "(choirs, sports clubs, schools). The 2002 report notes Strasbourg's emphasis on technical links.",
    ),
    (
        "Krefeld",
        1962,
        ["Culture", "Education and young people"],
        "Civic and friendship link of traditional post-war European twinning: people to people exchanges "
        "(choirs, sports clubs, schools).",
    ),
    (
        "Masaya",
        1987,
        ["Social justice", "Education and young people", "Environment"],
        "Comes out of the solidarity movement: north–south linking builds support for international "
        "cooperation and understanding of development issues.",
    ),
    (
        "Rajkot",
        1992,
        ["Community cohesion", "Economy and trade", "Environment"],
        "Community to community linking with a significant population base in Leicester with roots in "
        "Gujarat; EU Asia-Urbs and CLGF projects with Rajkot Municipal Corporation.",
    ),
    (
        "Haskovo",
        2008,
        ["Community cohesion"],
        "Newly established twinning: a positive example of the linking opportunities offered by "
        "EU enlargement.",
    ),
    (
        "Chongqing",
        None,
        ["Economy and trade"],
        "The focus is on business and economic links. The 2008 strategy gives no year for this twinning.",
    ),
]

# name, short name, where the full name is given, the links it serves and its part in them
ORGANISATIONS = [
    (
        "City of Leicester European Twinning Association",
        "CLETA",
        "2008 strategy, Appendix: “The City of Leicester European Twinning Association”. "
        "The education section calls it “The City of Leicester Twinning Association (CLETA)”.",
        {
            "Strasbourg": "Practical support and contact schools for exchanges with schools in Strasbourg",
            "Krefeld": "Practical support and contact schools for exchanges with schools in Krefeld",
        },
    ),
    (
        "Leicester Rajkot Twinning Association",
        "LRTA",
        "2008 strategy, Appendix: “The Leicester Rajkot Twinning Association”.",
        {"Rajkot": "Links with museum outreach; events across Leicester's communities"},
    ),
    (
        "Leicester Masaya Link Group",
        "LMLG",
        "2008 strategy: established in 1987; a registered Development Education Centre (DEC).",
        {"Masaya": "Development education programme with some 25 schools; projects in Masaya"},
    ),
]


def load(stdout, *, today: date | None = None) -> None:
    """Create what is missing of Leicester's register; existing records are left as they are. Then the
    example records of the previous and current financial years (of `today`, by default the day it
    runs), which also complete or cancel example activities whose dates have passed (`recent_years`)."""
    with transaction.atomic():
        themes = _themes()
        places = _places()
        links = _twin_cities(places, themes)
        _organisations(links)
        _derby_example(themes)
    stdout.write(f"Partnerships: {len(links)} Leicester twin cities, their associations, Derby's example.")
    with transaction.atomic():
        demo_activities.load(stdout)
    with transaction.atomic():
        recent_years.load(stdout, today=today)


def _themes() -> dict[str, Theme]:
    return {
        name: Theme.objects.get_or_create(name=name, defaults={"description": source})[0]
        for name, source in THEMES.items()
    }


def _places() -> dict[str, Place]:
    places = {}
    for name, country, kind, latitude, longitude in PLACES:
        place = Place.objects.filter(name=name, country=country).first()
        if place is None:
            place = services.place_save(
                place=Place(
                    name=name,
                    country=country,
                    kind=kind,
                    latitude=Decimal(latitude),
                    longitude=Decimal(longitude),
                    source=f"{STRATEGY_2008}: Leicester is twinned with {name}. {COORDINATES_NOTE}",
                )
            )
        places[name] = place
    return places


def _twin_cities(places: dict[str, Place], themes: dict[str, Theme]) -> dict[str, Partnership]:
    links = {}
    for name, year, theme_names, summary in TWIN_CITIES:
        link = Partnership.objects.filter(place=places[name], kind=Partnership.Kind.TWINNING).first()
        if link is None:
            in_2002 = name != "Haskovo"  # the 2002 report names five twin cities; Haskovo came in 2008
            source = f"{STRATEGY_2008}, town-twinning section: " + (
                f"twinning began in {year}." if year else "no year given."
            )
            if in_2002:
                source += f" Also one of the five twin cities in {CABINET_2002}."
            link = services.partnership_create(
                partnership=Partnership(
                    place=places[name],
                    kind=Partnership.Kind.TWINNING,
                    status=Status.ACTIVE,
                    began_year=year,
                    summary=summary,
                    source=source,
                ),
                themes=[themes[theme] for theme in theme_names],
                by=None,
                on=date(2008, 4, 1),
                reason=f"Recorded from {STRATEGY_2008}: “Leicester is currently twinned with” {name}.",
            )
        links[name] = link
    return links


def _organisations(links: dict[str, Partnership]) -> None:
    for name, short_name, source, roles in ORGANISATIONS:
        organisation = Organisation.objects.filter(short_name=short_name).first()
        if organisation is None:
            organisation = services.organisation_save(
                organisation=Organisation(
                    name=name,
                    short_name=short_name,
                    kind=Organisation.Kind.TWINNING_ASSOCIATION,
                    source=source,
                )
            )
        for place_name, role in roles.items():
            if not PartnershipOrganisation.objects.filter(
                partnership=links[place_name], organisation=organisation
            ).exists():
                services.partnership_organisation_save(
                    involvement=PartnershipOrganisation(
                        partnership=links[place_name], organisation=organisation, role=role, source=source
                    )
                )


def _derby_example(themes: dict[str, Theme]) -> None:
    """Derby's approaches from Zhejiang, Hefei and Xian, shown as prospective links of an example."""
    approaches = [
        ("Zhejiang", Place.Kind.PROVINCE, "30.26700", "120.15300", Status.EXPLORING, "4.9"),
        ("Hefei", Place.Kind.CITY, "31.82060", "117.22720", Status.APPROACH_RECEIVED, "4.10"),
        ("Xian", Place.Kind.CITY, "34.34160", "108.93980", Status.APPROACH_RECEIVED, "4.7 and 4.8"),
    ]
    for name, kind, latitude, longitude, status, paragraph in approaches:
        place = Place.objects.filter(name=name, country="CN").first()
        if place is None:
            place = services.place_save(
                place=Place(
                    name=name,
                    country="CN",
                    kind=kind,
                    latitude=Decimal(latitude),
                    longitude=Decimal(longitude),
                    notes="Example: an approach made to Derby, not to this council.",
                    source=f"{DERBY_2015}, paragraph {paragraph}. {COORDINATES_NOTE}",
                )
            )
        if Partnership.objects.filter(place=place, kind=Partnership.Kind.ECONOMIC_TWINNING).exists():
            continue
        link = services.partnership_create(
            partnership=Partnership(
                place=place,
                kind=Partnership.Kind.ECONOMIC_TWINNING,
                depth=Partnership.Depth.EXPLORING,
                status=Status.APPROACH_RECEIVED,
                summary=_derby_summary(name),
                source=f"Example based on {DERBY_2015}, paragraph {paragraph}.",
            ),
            themes=[themes["Economy and trade"]],
            by=None,
            on=date(2015, 9, 9),
            reason=f"Example: approach reported in {DERBY_2015}.",
        )
        if status == Status.EXPLORING:
            services.partnership_change_status(
                partnership=link,
                to=Status.EXPLORING,
                by=None,
                on=date(2015, 9, 16),
                reason="Example: the Zhejiang province delegation visited Derby on 15 and 16 September "
                f"({DERBY_2015}, paragraph 4.9).",
            )
            _example_appraisal(link)


def _derby_summary(name: str) -> str:
    summary = (
        f"Example: {name} approached Derby City Council about economic twinning; shown here as a "
        "prospective link to demonstrate appraisals."
    )
    if name == "Xian":
        summary += " Derby's report also calls Xian an existing economic twinning (paragraph 4.5)."
    return summary


def _example_appraisal(link: Partnership) -> None:
    services.appraisal_save(
        appraisal=Appraisal(
            partnership=link,
            appraised_on=date(2015, 10, 1),
            similar_characteristics_score=Appraisal.Score.PARTLY,
            similar_characteristics_evidence="Example: a manufacturing economy, at a far larger scale.",
            similar_opportunities_score=Appraisal.Score.FULLY,
            similar_opportunities_evidence="Example: exchanges, tourism, commercial contracts and inward "
            "investment, as the Derby report seeks (paragraph 1.2).",
            accessible_score=Appraisal.Score.PARTLY,
            accessible_evidence="Example: a four-person, four-night visit costs circa £4,000 "
            "(Derby report, paragraph 4.11).",
            local_relevance_score=Appraisal.Score.PARTLY,
            local_relevance_evidence="Example: local companies with overseas interests to be consulted "
            "(Derby report, recommendation 2.3).",
            external_funding=Appraisal.Funding.MODERATE,
            external_funding_evidence="The Foreign and Commonwealth Office funds exploratory visits "
            "(Derby report, paragraph 4.12).",
            estimated_yearly_cost=Decimal("4000.00"),
            cost_basis="A four-person visit to China taking four nights, circa £4,000 (Derby report, 4.11).",
            recommendation=Appraisal.Recommendation.PROCEED,
            recommendation_reason="Example: every criterion at least partly met; exploratory visits funded.",
        )
    )
