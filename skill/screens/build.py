"""From a decision to a :class:`~screens.Screen`: which document, and the words in it.

Each function takes the decision the speech was rendered from (and the spoken
:class:`~speech.Answer`, whose card title heads the screen), asks the request's voice
for the screen's words, and writes every phrase as text for the request's locale.
There is no second source of facts: a date on screen is the decision's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from screens import Screen
from speech import say
from speech.ssml import Piece, to_text

if TYPE_CHECKING:
    from policy.claims import ClaimKind
    from policy.crossship import CrossShipDecision
    from policy.delivery import DeliveryEstimate
    from policy.model import Referral, Step, Verdict, Window
    from policy.returns import ReturnDecision
    from policy.warranty import WarrantyDecision
    from speech import Answer


def written(value: object, locale: str) -> Any:  # noqa: ANN401 - JSON of any shape
    """``value`` as JSON for the datasource: every phrase (a tuple) written out as text."""
    if isinstance(value, tuple):
        return to_text(cast("tuple[Piece, ...]", value), locale)
    if isinstance(value, list):
        return [written(item, locale) for item in value]
    if isinstance(value, dict):
        return {key: written(item, locale) for key, item in value.items()}
    return value


def _screen(document: str, answer: Answer, words: dict[str, Any], locale: str) -> Screen:
    return Screen(document, written({"title": answer.card_title, **words}, locale))


def decision_screen(
    answer: Answer,
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    locale: str,
    *,
    home_known: bool = True,
) -> Screen:
    """A refund, warranty or advance-replacement decision (R1-R6, W1-W9, X1-X4)."""
    from policy.crossship import CrossShipDecision
    from policy.returns import ReturnDecision

    words = say.screen()
    if isinstance(decision, ReturnDecision):
        fields = words.return_screen(decision)
    elif isinstance(decision, CrossShipDecision):
        fields = words.cross_ship_screen(decision)
    else:
        fields = words.warranty_screen(decision, home_known)
    return _screen("decision", answer, {**fields, "nextLabel": words.NEXT_STEP}, locale)


def steps_screen(answer: Answer, kind: ClaimKind, steps: Sequence[Step], locale: str) -> Screen:
    """The steps of a claim, numbered (W3, W4, X1-X4)."""
    return _screen("steps", answer, say.screen().steps_screen(kind.value, steps), locale)


def delivery_screen(
    answer: Answer, estimate: DeliveryEstimate, place: str | None, locale: str
) -> Screen:
    """The delivery window on a strip of days, holidays and weekends marked (D2-D4)."""
    from policy.delivery import delivery_days

    days = [(day, kind.value) for day, kind in delivery_days(estimate)]
    return _screen("delivery", answer, say.screen().delivery_screen(estimate, days, place), locale)


def orders_screen(
    answer: Answer,
    kind: str,
    entries: Sequence[tuple[str, date, Verdict, Window, Referral | None]],
    locale: str,
) -> Screen:
    """A linked customer's orders and what each can still get (R1-R5, W1, X1)."""
    return _screen("orders", answer, say.screen().orders_screen(kind, entries), locale)


def card_screen(answer: Answer, locale: str) -> Screen:
    """Any other answer, line by line from its card (privacy, contact, a general rule...)."""
    body = to_text(answer.card_body, locale)
    return _screen("info", answer, say.screen().card_screen(body), locale)


def yes_button(offer: str) -> dict[str, str]:
    """The touch target for an offer or a check: its label and the "or say yes" hint."""
    words = say.screen()
    return {"label": words.YES_BUTTON[offer], "hint": words.YES_HINT}
