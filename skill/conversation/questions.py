"""How one question is put and counted: the fact asked for, the date checked, the attempts.

The room the dialog moves and the decisions share: a decision that needs one more fact
(which order, which request, the reason) asks it here, and a move asks again here. No
rule is decided: only which question is open and how often it was asked
(:data:`MAX_ATTEMPTS` misses, then the skill moves on).
"""

from __future__ import annotations

from conversation.case import (
    ALIEXPRESS,
    GENERAL,
    NARROWED_TO_ALIEXPRESS,
    Asks,
    Case,
    FactName,
    Goal,
    Question,
    span_of,
)
from conversation.steps import AskFact, ConfirmDate, Decision, OrderFacts, Outcome
from policy.model import DateSpan

#: The misses after which the skill stops asking for a fact and moves on.
MAX_ATTEMPTS = 2


def _ask(
    case: Case,
    fact: FactName,
    *,
    attempt: int = 1,
    unclear: str | None = None,
    lead: str | None = None,
    general: Decision | None = None,
    choices: tuple[OrderFacts, ...] = (),
    exact: bool = True,
) -> Outcome:
    """Ask for ``fact``, keeping how often it was asked, and a lead that narrows it."""
    goal = case.goal or Goal.WARRANTY
    if attempt == 1 and unclear is not None:
        attempt = _attempts(case, fact) + 1
    lead = lead or kept_lead(case.waiting, fact)
    data = ((GENERAL,) if general is not None else ()) + (
        (ALIEXPRESS,) if lead in NARROWED_TO_ALIEXPRESS else ()
    )
    question = Question(Asks.FACT, fact, attempt, data)
    step = AskFact(
        goal,
        fact,
        case.value(FactName.PRODUCT_NAME),
        attempt,
        unclear,
        lead,
        general,
        choices,
        exact=exact,
    )
    return Outcome(case._replace(question=question), step)


def kept_lead(waiting: Question | None, fact: FactName) -> str | None:
    """The lead a question put again keeps: AliExpress said, which store there (R2, R5).

    "On AliExpress, did you buy it from ZOSI's official store?" - "and do I pay the
    postage?" - who pays, then the same question back, not "Where did you buy it? On the
    ZOSI website, ..." as if AliExpress had never been said.
    """
    if waiting is not None and waiting.about == fact and ALIEXPRESS in waiting.data:
        return ALIEXPRESS
    return None


def _confirm(case: Case, others: tuple[str, ...], *, again: bool) -> Outcome:
    """Check the guessed purchase date; with no usable guess, ask for the date."""
    guess = case.fact(FactName.PURCHASED)
    try:
        span = span_of(guess.value) if guess is not None else None
    except ValueError:
        span = None
    if span is None:
        return _ask(case.with_facts({FactName.PURCHASED: None}), FactName.PURCHASED)
    question = Question(Asks.CONFIRM, FactName.PURCHASED, 1, others)
    other = _other_day(span, others)
    step = ConfirmDate(case.value(FactName.PRODUCT_NAME), span, again, other=other)
    return Outcome(case._replace(question=question), step)


def _other_day(span: DateSpan, others: tuple[str, ...]) -> DateSpan | None:
    """The other reading to name in a check: one other day with the same day number.

    "The 25th" and "November 25th" both arrive as 25 November when said on 20 November,
    so the check names both readings, "25 October, not 25 November 2025?", and "no,
    November" can answer it. With several other readings of that day number (a month said
    before the day), the first is far likelier and is checked alone. A reading with another
    day number (the weekday just gone, for "Wednesday") is checked later, never named.
    """
    if not span.precise:
        return None
    same_day: list[DateSpan] = []
    for text in others:
        try:
            other = span_of(text)
        except ValueError:
            return None
        if other.precise and other.earliest.day == span.earliest.day:
            same_day.append(other)
    return same_day[0] if len(same_day) == 1 else None


def _attempts(case: Case, fact: FactName) -> int:
    """How often ``fact`` has been asked for without a usable answer (0: it isn't asked)."""
    waiting = case.waiting
    return waiting.attempts if waiting is not None and waiting.about == fact else 0


def _asked_once_more(case: Case) -> Case | None:
    """The case with its open question counted as asked once more, or None.

    None when it was asked twice already (a miss, a detour, a fact answered first each
    count): then it is not asked a third time.
    """
    waiting = case.waiting
    if waiting is None or waiting.attempts >= MAX_ATTEMPTS:
        return None
    return case._replace(question=waiting._replace(attempts=waiting.attempts + 1))


def offer_made_again(before: Question | None, offer: Question) -> Question | None:
    """``offer``, made on the turn after ``before``, counted as asked again if it is the same.

    An offer the customer asked on past, or talked past, is counted like any question: the
    same offer made once more carries the count on, and None says it was made twice already,
    so it is not made a third time running (issue 17, no loops). Any other ``before``
    leaves ``offer`` as it is.
    """
    if before is None or before.kind is not Asks.OFFER or before.about != offer.about:
        return offer
    if before.attempts >= MAX_ATTEMPTS:
        return None
    return offer._replace(attempts=max(offer.attempts, before.attempts + 1))


def _asked_again(asked: Outcome, case: Case) -> Outcome | None:
    """``asked``, the question ``case`` has open, counted as asked once more; None after twice.

    For a question asked again because another question or fact came first: it is said as
    it was (no "sorry, I didn't catch that"), but still counts, so it is never asked a third
    time running; None tells the caller to go on without the fact.
    """
    counted = _asked_once_more(case)
    kept = asked.case.question
    if counted is None or counted.waiting is None or kept is None:
        return None
    kept = kept._replace(attempts=counted.waiting.attempts)
    return asked._replace(case=asked.case._replace(question=kept))
