"""English answers about an advance replacement (POLICY X1-X4): until when, and on what terms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from policy.model import Verdict
from policy.terms import CROSS_SHIP_MAX_MONTHS
from speech import Answer
from speech.en.common import (
    SPOKEN_EMAIL,
    _depends,
    _facts,
    _range_speech,
    steps_text,
    support_card_line,
    the_product,
    title_product,
    until,
)
from speech.ssml import When, phrase

if TYPE_CHECKING:
    from policy.crossship import CrossShipDecision


def cross_ship_answer(
    decision: CrossShipDecision, product: str | None, exact: bool = True
) -> Answer:
    """Speak an advance-replacement decision (X1-X4)."""
    it = the_product(product)
    window = decision.window
    low, high = decision.dispatch_business_days
    terms = (
        f"ZOSI ships the replacement within {_range_speech(low, high)} business days of "
        f"approving it, and you send the faulty one back within {decision.return_within_days} "
        f"days. You'll need a credit card: ZOSI places a {decision.hold_days}-day hold for the "
        "replacement's price and charges it if the old one doesn't arrive in time, or if the "
        "fault isn't covered by the warranty."
    )
    shipping = (
        "Ground shipping is free within the country of purchase."
        if decision.free_shipping
        else "As you're outside the country of purchase, extra shipping fees apply."
    )
    spoken_terms = f" It needs a {decision.hold_days}-day hold on a credit card." + (
        "" if decision.free_shipping else " Outside the country of purchase, extra fees apply."
    )
    if decision.verdict is Verdict.YES and window.last_day is not None:
        speech = phrase(
            f"Yes, you can get an advance replacement for {it} ",
            until(window.last_day, exact),
            f".{spoken_terms}",
        )
        card = _facts(("Advance replacement possible until: ", When(window.last_day)))
    elif decision.verdict is Verdict.NO and window.last_day is not None:
        speech = phrase(
            "Sorry, advance replacement is only for purchases from the last "
            f"{CROSS_SHIP_MAX_MONTHS} months, and for "
            f"{it if product else 'yours'} that ended on ",
            When(window.last_day),
            f". ZOSI support can still advise you at {SPOKEN_EMAIL}.",
        )
        card = _facts(("Advance replacement ended on ", When(window.last_day)))
    else:
        speech, card = _depends(
            window,
            f"you can get an advance replacement.{spoken_terms}",
            "Possible if bought on or after: ",
        )
    body = phrase(
        card, terms, "\n", shipping, "\n", steps_text(decision.steps), support_card_line()
    )
    return Answer(speech, f"Advance replacement for {title_product(product)}", body)
