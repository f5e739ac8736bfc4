"""The service layer's purchase dates alone: next_step with AMAZON.DATE values as Alexa sends them.

Today is Friday 20 November 2026, the day of the customer audit (C2, loops). Each test plays
one customer's turns, each from the case the turn before returned.
"""

from __future__ import annotations

from datetime import date

from conversation.case import Case, Goal
from conversation.service import (
    AskFact,
    GaveUp,
    Heard,
    Known,
    Outcome,
    next_step,
)

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
