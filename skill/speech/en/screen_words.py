"""English words on the Echo Show screen: the same decisions the speech renders, laid out to read.

Every function here returns :data:`ScreenWords`: the fields a screen document binds
(``title``, ``headline``, ``keyDate``...), each a phrase, a list or a nested mapping of
them. :mod:`screens` writes the phrases as text and sends the document; nothing here
knows which document shows the words, and nothing decides anything: every value is read
from a decision of the policy core (R1-R6, W1-W9, X1-X4, D2-D5, C1, P1-P9).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from policy.contact import SUPPORT_EMAIL, SUPPORT_PHONE
from policy.model import Payer, Referral, Verdict
from speech.en.common import STEP_TEXT
from speech.en.support import CLAIM_INTRO
from speech.ssml import Phrase, When, phrase

if TYPE_CHECKING:
    from policy.crossship import CrossShipDecision
    from policy.delivery import DeliveryEstimate
    from policy.model import Step, Window
    from policy.returns import ReturnDecision
    from policy.warranty import WarrantyDecision

ScreenWords = dict[str, Any]
"""Field name -> a phrase, a string, or a list or mapping of them (JSON once written out)."""

#: The label of the touch target that answers yes, by what the yes would do.
YES_BUTTON: Mapping[str, str] = {
    "remember_purchase": "Yes, remember this purchase",
    "remember_region": "Yes, remember my region",
    "delete_data": "Yes, delete my data",
    "withdraw_consent": "Yes, withdraw my consent",
    "open_request": "Yes, open the request",
    "check_own_case": "Yes, check mine",
    "confirm": "Yes, that's right",
}
#: Under the button: the touch target is the same as saying it.
YES_HINT = "or say “yes”"
#: The first line of the next steps on a decision screen.
NEXT_STEP = "Next step"
DAY_KINDS: Mapping[str, str] = {
    "order": "Order day",
    "arrival": "Arrival window",
    "business": "Business day",
    "weekend": "Weekend",
    "holiday": "Public holiday",
}
#: The en dash of a range of numbers on screen ("2 to 3" is written with it).
DASH = "\u2013"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _days_left(window: Window) -> str:
    if window.days_left is None:
        return ""
    if window.days_left == 0:
        return "Last day today"
    if window.days_left == 1:
        return "1 day left"
    return f"{window.days_left} days left"


def _key(window: Window, open_label: str, closed_label: str, depends_label: str) -> ScreenWords:
    """The large date of a decision and the line above it, for YES, NO and DEPENDS."""
    if window.verdict is Verdict.YES and window.last_day is not None:
        return {
            "verdict": "yes",
            "headline": open_label,
            "keyDate": (When(window.last_day),),
            "daysLeft": _days_left(window),
        }
    if window.verdict is Verdict.NO and window.last_day is not None:
        return {
            "verdict": "no",
            "headline": closed_label,
            "keyDate": (When(window.last_day),),
            "daysLeft": "",
        }
    cutoff: Phrase = (When(window.cutoff),) if window.cutoff else ()
    return {"verdict": "depends", "headline": depends_label, "keyDate": cutoff, "daysLeft": ""}


def _fact(label: str, value: Phrase | str) -> ScreenWords:
    return {"label": label, "value": value}


def _return_payer(payer: Payer | None) -> str:
    if payer is Payer.ZOSI:
        return "ZOSI pays (a quality problem)"
    if payer is Payer.CUSTOMER:
        return "You pay, and any fees"
    return "ZOSI if it's faulty, otherwise you"


def return_screen(decision: ReturnDecision) -> ScreenWords:
    """A refund decision: the last day large, who pays the way back, the next step (R1-R6)."""
    if decision.referral is Referral.SELLER:
        return {
            "verdict": "no",
            "headline": "Refund through the shop you bought it from",
            "keyDate": "",
            "daysLeft": "",
            "facts": [_fact("ZOSI's own refund", "ZOSI website and official stores only")],
            "nextStep": _next(decision.steps),
        }
    words = _key(
        decision.window,
        "Refund possible until",
        "Refund period ended on",
        "Refund possible if bought on or after",
    )
    facts = [_fact("Return shipping", _return_payer(decision.return_shipping))]
    if decision.direct_purchase is None:
        facts.append(_fact("Bought from", "the ZOSI website or ZOSI's AliExpress store"))
    if decision.referral is Referral.GIVER:
        facts.append(_fact("A gift", "the buyer's receipt is needed"))
    return {**words, "facts": facts, "nextStep": _next(decision.steps)}


def warranty_screen(decision: WarrantyDecision, home_known: bool) -> ScreenWords:
    """A warranty decision: the last covered day large, who pays which shipping (W1-W9)."""
    words = _key(
        decision.window,
        "Under warranty until",
        "Warranty ended on",
        "Under warranty if bought on or after",
    )
    if decision.verdict is Verdict.NO:
        return {**words, "facts": [], "nextStep": _next(decision.steps)}
    if decision.return_shipping is Payer.CUSTOMER:
        shipping = "You pay (international)"
    elif home_known:
        shipping = "ZOSI pays"
    else:
        shipping = "ZOSI pays in the country of purchase"
    facts = [
        _fact("Shipping a faulty product to ZOSI", shipping),
        _fact("If ZOSI finds no fault", "You pay the shipping back"),
        _fact("Customs, duties and taxes", "You pay"),
    ]
    return {**words, "facts": facts, "nextStep": _next(decision.steps)}


def cross_ship_screen(decision: CrossShipDecision) -> ScreenWords:
    """An advance-replacement decision: the hold and the 30 days to send back (X1-X4)."""
    words = _key(
        decision.window,
        "Advance replacement until",
        "Advance replacement ended on",
        "Possible if bought on or after",
    )
    low, high = decision.dispatch_business_days
    facts = [
        _fact("Card hold", f"{decision.hold_days} days, the replacement's price"),
        _fact("Send the faulty one back", f"within {decision.return_within_days} days"),
        _fact("ZOSI ships the replacement", f"within {low}{DASH}{high} business days"),
        _fact(
            "Ground shipping",
            "free in the country of purchase" if decision.free_shipping else "extra fees apply",
        ),
    ]
    if decision.verdict is Verdict.NO:
        facts = []
    return {**words, "facts": facts, "nextStep": _next(decision.steps)}


def _next(steps: Sequence[Step]) -> str:
    return STEP_TEXT[steps[0]] if steps else f"Questions? {SUPPORT_EMAIL}"


def steps_screen(claim_type: str, steps: Sequence[Step]) -> ScreenWords:
    """The steps of a claim as a numbered list (W3, W4, X1-X4)."""
    return {
        "intro": CLAIM_INTRO[claim_type],
        "steps": [{"number": str(n), "text": STEP_TEXT[s]} for n, s in enumerate(steps, 1)],
        "contact": contact_line(),
    }


def contact_line() -> str:
    """The support contact under a list (C1)."""
    return f"ZOSI support: {SUPPORT_EMAIL} · {SUPPORT_PHONE} (China)"


def delivery_screen(
    estimate: DeliveryEstimate, days: Sequence[tuple[date, str]], place: str | None
) -> ScreenWords:
    """A delivery window on a strip of days, each marked with its kind (D2-D4).

    ``days`` pairs every day from the order day to the last arrival day with its kind
    (a key of :data:`DAY_KINDS`), as the policy core's calendar says.
    """
    where = f"to {estimate.region.name}" if estimate.region else "anywhere in Russia"
    if estimate.region is None and place:
        where = "anywhere in Russia (the range for every region)"
    return {
        "headline": phrase(
            "Arrives between ", When(estimate.earliest), " and ", When(estimate.latest)
        ),
        "subline": f"{estimate.min_days}{DASH}{estimate.max_days} business days {where}",
        "days": [
            {
                "weekday": WEEKDAYS[day.weekday()],
                "day": str(day.day),
                "month": MONTHS[day.month - 1],
                "kind": kind,
                "label": DAY_KINDS[kind] if kind in {"holiday", "order"} else "",
            }
            for day, kind in days
        ],
        "legend": [{"kind": kind, "label": label} for kind, label in DAY_KINDS.items()],
        "note": (
            "Free delivery anywhere in Russia, from the ZOSI warehouse in Moscow."
            + (" Regional figures are ZOSI estimates." if estimate.estimated else "")
        ),
    }


ORDER_LINES: Mapping[str, tuple[str, str]] = {
    "refund": ("Refund until ", "Refund period over"),
    "warranty": ("Warranty until ", "Warranty ended"),
    "cross_ship": ("Advance replacement until ", "Advance replacement period over"),
}


def orders_screen(
    kind: str, entries: Sequence[tuple[str, date, Verdict, Window, Referral | None]]
) -> ScreenWords:
    """A linked customer's orders and what each can still get (R1-R5, W1, X1 by ``kind``)."""
    open_label, closed = ORDER_LINES[kind]
    orders = []
    for product, ordered_on, verdict, window, referral in entries:
        if referral is Referral.SELLER:
            status: Phrase = ("Refund through the shop that sold it",)
            state = "no"
        elif verdict is Verdict.YES and window.last_day is not None:
            status, state = phrase(open_label, When(window.last_day)), "yes"
        else:
            status, state = (closed,), "no"
        orders.append(
            {
                "name": product,
                "ordered": phrase("Ordered ", When(ordered_on)),
                "status": status,
                "state": state,
            }
        )
    return {"orders": orders}


def card_screen(body: str) -> ScreenWords:
    """Any other answer: its card's lines, one item each (privacy P1-P9, contact C1, ...)."""
    return {"lines": [line for line in body.splitlines() if line.strip()]}
