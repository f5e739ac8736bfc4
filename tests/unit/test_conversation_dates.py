"""The service layer's purchase dates alone: next_step with AMAZON.DATE values as Alexa sends them.

Today is Friday 20 November 2026, the day of the customer audit (C2, loops). Each test plays
one customer's turns, each from the case the turn before returned.
"""

from __future__ import annotations

from datetime import date

from conversation.case import Case, FactName, Goal, Source
from conversation.service import next_step
from conversation.steps import (
    AskFact,
    ConfirmDate,
    Decided,
    GaveUp,
    Heard,
    Known,
    Outcome,
    Signal,
)
from policy.model import DateSpan

TODAY = date(2026, 11, 20)
KNOWN = Known(TODAY)


def turns(*heard: Heard, known: Known = KNOWN) -> list[Outcome]:
    """Play the turns in order, each starting from the case the last one returned."""
    outcomes = []
    current = Case()
    for said in heard:
        outcome = next_step(current, said, known)
        outcomes.append(outcome)
        current = outcome.case
    return outcomes


def warranty(date_value: str | None = None) -> Heard:
    return Heard(goal=Goal.WARRANTY, product="camera", date=date_value)


def test_two_unusable_dates_after_the_question_move_on_with_the_rule() -> None:
    """W1: asked, a date ahead, asked again, a date ahead: no third question, the rule."""
    asked, again, gave_up = turns(warranty(), warranty("2028-06-01"), warranty("2028-06-01"))
    assert isinstance(asked.step, AskFact)
    assert isinstance(again.step, AskFact)
    assert (again.step.attempt, again.step.lead) == (2, "future_date")
    assert isinstance(gave_up.step, GaveUp)
    assert gave_up.step.general is not None
    assert gave_up.case.question is None


def detail(date_value: str) -> Heard:
    """A turn that only gives a date ("no, November"): PurchaseDetailsIntent."""
    return Heard(date=date_value)


def purchased(outcome: Outcome) -> tuple[str, Source] | None:
    fact = outcome.case.fact(FactName.PURCHASED)
    return None if fact is None else (fact.value, fact.source)


def test_the_check_of_a_day_alexa_put_ahead_names_its_other_reading() -> None:
    """ "November 25th" and "the 25th" both arrive as 2026-11-25: both readings are named."""
    (check,) = turns(warranty("2026-11-25"))
    assert check.step == ConfirmDate(
        "camera",
        DateSpan.on(date(2026, 10, 25)),
        again=False,
        other=DateSpan.on(date(2025, 11, 25)),
    )


def test_a_month_said_to_the_check_keeps_the_day_and_decides_on_it() -> None:
    """W1: "no, November" (2026-11) to "25 October, not 25 November 2025?": 25 Nov 2025."""
    _, decided = turns(warranty("2026-11-25"), detail("2026-11"))
    assert purchased(decided) == ("2025-11-25/2025-11-25", Source.CONFIRMED)
    assert isinstance(decided.step, Decided)
    assert decided.step.decision.window.last_day == date(2026, 11, 25)


def test_a_month_said_to_the_check_asked_again_still_places_the_guessed_day() -> None:
    """The check repeated after something unrecognised: "October" still keeps the 25th."""
    _, repeated, placed = turns(
        warranty("2026-11-25"), Heard(signal=Signal.NOT_UNDERSTOOD), detail("2027-10")
    )
    assert isinstance(repeated.step, ConfirmDate)
    assert repeated.step.repeated
    assert purchased(placed) == ("2026-10-25/2026-10-25", Source.CONFIRMED)


def test_a_month_after_a_settled_day_is_a_new_date_not_a_place_for_the_day() -> None:
    """Only a guess is placed: a day the customer confirmed and then "in November" is a month."""
    _, _, month = turns(warranty("2026-11-25"), Heard(signal=Signal.YES), detail("2026-11"))
    assert purchased(month) == ("2026-11-01/2026-11-20", Source.SAID)


def test_a_month_without_the_day_guessed_is_read_as_the_month() -> None:
    """ "The 31st" checked as 31 October, then "November": no 31 November, so the month."""
    _, month = turns(warranty("2026-12-31"), detail("2026-11"))
    assert purchased(month) == ("2026-11-01/2026-11-20", Source.SAID)


def test_the_same_ambiguous_date_again_checks_the_next_reading_then_gives_up() -> None:
    first, second, third = turns(warranty("2026-11-25"), detail("2026-11-25"), detail("2026-11-25"))
    assert isinstance(first.step, ConfirmDate)
    assert second.step == ConfirmDate("camera", DateSpan.on(date(2025, 11, 25)), again=False)
    assert isinstance(third.step, GaveUp)
