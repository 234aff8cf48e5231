"""Synthetic annual reviews of formalised links (some years missed: drift), appraisals of explored ones,
and strategic links' logical frameworks.

Links are `partnerships.seeding.links.SeededLink`s: their dates decide when a review or appraisal can be.
"""

import random
from datetime import date, timedelta

from intlinks.seeding import save_rows
from partnerships.models import AnnualReview, Appraisal, LogframeRow, Partnership

REVIEWS = [
    (AnnualReview.Rag.GREEN, AnnualReview.Decision.CONTINUE, True),
    (AnnualReview.Rag.GREEN, AnnualReview.Decision.CONTINUE, True),
    (AnnualReview.Rag.AMBER, AnnualReview.Decision.REENERGISE, True),
    (AnnualReview.Rag.AMBER, AnnualReview.Decision.CHANGE_FOCUS, True),
    (AnnualReview.Rag.RED, AnnualReview.Decision.REENERGISE, False),
]


def seed_reviews(*, rng: random.Random, links: list, years: list, users: list, today: date) -> None:
    """An annual review most years of a formalised link's life (a few are missed: drift)."""
    rows = []
    for seeded in links:
        if not seeded.formalised:
            continue
        until = min(seeded.active_until, today)
        for year in years:
            day = year.first_day + timedelta(days=rng.randint(30, 330))
            if not seeded.formalised < day <= until or rng.random() > 0.85:
                continue
            rag, decision, supports = rng.choice(REVIEWS)
            rows.append(
                AnnualReview(
                    partnership=seeded.partnership,
                    reviewed_on=day,
                    reviewer=rng.choice(users),
                    supports_objectives=supports,
                    outcomes="Example: exchanges and visits as planned.",
                    rag=rag,
                    decision=decision,
                    next_review_due=day + timedelta(days=365),
                )
            )
    save_rows(AnnualReview, rows)


def seed_appraisals(*, rng: random.Random, links: list, users: list) -> None:
    """An appraisal against Kent's four criteria for each link explored within the period; the ones
    formalised since were accepted on the day they became active."""
    rows = []
    for seeded in links:
        if not seeded.explored:
            continue
        formalised = seeded.formalised if seeded.formalised and seeded.formalised > seeded.explored else None
        on = seeded.explored + (formalised - seeded.explored) / 2 if formalised else seeded.explored
        scores = {
            f"{key}_score": rng.randint(2, 3) if formalised else rng.randint(0, 3)
            for key, _ in Appraisal.CRITERIA
        }
        evidence = {
            f"{key}_evidence": "Example: seen on the exploratory visit." for key, _ in Appraisal.CRITERIA
        }
        recommendation = (
            Appraisal.Recommendation.PROCEED if formalised else Appraisal.Recommendation.EXPLORE_FURTHER
        )
        rows.append(
            Appraisal(
                partnership=seeded.partnership,
                appraised_on=on,
                appraiser=rng.choice(users),
                **scores,
                **evidence,
                external_funding=rng.randint(0, 3),
                estimated_yearly_cost=rng.randrange(2000, 20000, 500),
                cost_basis="Example: a four-person, four-night visit costs about £4,000 (Derby, 2015).",
                recommendation=recommendation,
                recommendation_reason="Example: meets the criteria.",
                accepted_on=formalised,
                accepted_by=rng.choice(users) if formalised else None,
            )
        )
    save_rows(Appraisal, rows)


# The handbook's logical framework, one row a level (goal, purpose, output, activity), as an example.
LOGFRAME = [
    (LogframeRow.Level.GOAL, "Example: stronger links between the two cities' communities"),
    (LogframeRow.Level.PURPOSE, "Example: schools and associations in both places work together each year"),
    (LogframeRow.Level.OUTPUT, "Example: school links and an exchange visit each year"),
    (LogframeRow.Level.ACTIVITY, "Example: a teachers' visit to agree the exchange programme"),
]


def seed_logframes(*, links: list) -> None:
    """A logical framework for each strategic link that is formalised and not ended."""
    rows = [
        LogframeRow(
            partnership=seeded.partnership,
            level=level,
            position=1,
            summary=summary,
            indicators="Example: number of schools linked",
            verification="Example: the annual review",
        )
        for seeded in links
        if seeded.formalised and seeded.partnership.depth == Partnership.Depth.STRATEGIC
        for level, summary in LOGFRAME
    ]
    save_rows(LogframeRow, rows)
