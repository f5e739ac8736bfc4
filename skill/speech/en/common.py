"""Building blocks of the English voice, shared by every answer family.

The skill's name, support's email as spoken, the text of each claim step (W3, W4,
X1-X4), how a product, a last day and the days left are said, and the contact line
every card ends with (C1). No rule logic lives here: every condition read is a
field the policy core already decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from policy.contact import SUPPORT_EMAIL, SUPPORT_PHONE
from policy.model import Referral, Step
from policy.terms import CROSS_SHIP_HOLD_DAYS, CROSS_SHIP_RETURN_DAYS, WARRANTY_MONTHS
from speech.ssml import Phrase, When, phrase

if TYPE_CHECKING:
    from policy.model import Window


SKILL_NAME = "ZOSI Care"
#: W6 with W9: what a customer sending a product back across a border pays, said once here.
ABROAD_PAYS = "you pay the international shipping and any customs and other fees"
#: R4's decision for a quality problem (arrived broken, stopped working): ZOSI pays the way back.
QUALITY_PROBLEM_PAYS = "As it's a quality problem, ZOSI pays the return shipping"
SPOKEN_EMAIL = "service at zositech dot com"

STEP_TEXT: dict[Step, str] = {
    Step.CONTACT_SUPPORT: f"Email ZOSI support at {SUPPORT_EMAIL} and describe the problem.",
    Step.WAIT_FOR_AUTHORISATION: (
        "Once support approves the request, the ZOSI RMA team sends you a return label or "
        "address and an RMA code."
    ),
    Step.ASK_SHIPPING_REFUND_FIRST: (
        "If you'd rather not pay the postage, tell support before you send anything: "
        "ZOSI refunds the shipping cost first."
    ),
    Step.TRACK_AND_SEND_RECEIPT: (
        "Send the parcel with tracking, and email ZOSI a screenshot of the shipping receipt."
    ),
    Step.KEEP_PACKAGING: "Keep the product and its packaging undamaged.",
    Step.CONTACT_SELLER: (
        "Contact the shop you bought it from about its own return and refund policy."
    ),
    Step.ASK_GIVER_FOR_RECEIPT: (
        "Ask whoever gave it to you for a copy of the receipt, or to claim for you."
    ),
    Step.PROVIDE_CREDIT_CARD: (
        f"Have a credit card ready: ZOSI places a {CROSS_SHIP_HOLD_DAYS}-day hold for the "
        "replacement's price."
    ),
    Step.SEND_BACK_WITHIN_30_DAYS: (
        f"Send the faulty product back within {CROSS_SHIP_RETURN_DAYS} days of the authorisation."
    ),
}


def _warranty_length() -> str:
    """The warranty's length as an adjective: "one-year", or "18-month"."""
    return "one-year" if WARRANTY_MONTHS == 12 else f"{WARRANTY_MONTHS}-month"


def capitalised(text: str) -> str:
    """Text that starts a sentence ("your camera" -> "Your camera")."""
    return text[:1].upper() + text[1:]


def the_product(product: str | None) -> str:
    """``"your camera"``, or ``"it"`` when the product is not known."""
    return f"your {product}" if product else "it"


#: Beyond this many days, the date alone says it: "that's 231 days from now" is a breath wasted.
DAYS_LEFT_SPOKEN = 31


def days_left(window: Window) -> str:
    """How far away the last day is, in words, when it is near enough to matter."""
    if window.days_left is None or window.days_left > DAYS_LEFT_SPOKEN:
        return ""
    if window.days_left == 0:
        return ", and that's today"
    if window.days_left == 1:
        return ", that's tomorrow"
    return f", in {window.days_left} days"


def until(last_day: date, exact: bool) -> Phrase:
    """Say "until 1 December", or "until at least 1 December" for an imprecise purchase date.

    For a purchase known only as a month or a season, the policy's last day is the
    one for its earliest possible day, so it is a floor, and said as one.
    """
    return ("until " if exact else "until at least ", When(last_day))


def title_product(product: str | None) -> str:
    """The product as a card title names it."""
    return f"your {product}" if product else "your ZOSI product"


def steps_text(steps: Iterable[Step]) -> str:
    """Numbered steps for a card."""
    return "\n".join(f"{n}. {STEP_TEXT[step]}" for n, step in enumerate(steps, start=1))


def support_card_line() -> str:
    """The contact line every card ends with (C1)."""
    return f"\nZOSI support: {SUPPORT_EMAIL}, phone {SUPPORT_PHONE} (China)."


def _facts(*lines: Phrase | None) -> Phrase:
    out: list[Phrase] = []
    for line in lines:
        if line:
            out.append(phrase(line, "\n"))
    return phrase(*out)


def _range_speech(first: int, last: int) -> str:
    return f"{first} to {last}"


def _depends(window: Window, outcome: str, card_label: str) -> tuple[Phrase, Phrase]:
    """Speech and card for an imprecise purchase date that straddles the deadline (DEPENDS)."""
    cutoff: Phrase = (When(window.cutoff),) if window.cutoff else ()
    speech = phrase(
        "That depends on the exact day you bought it. If you bought it on or after ",
        cutoff,
        f", {outcome}",
    )
    return speech, _facts(phrase(card_label, cutoff))


def _giver_note(referral: Referral | None) -> str:
    if referral is Referral.GIVER:
        return " As it was a gift, ask the giver for the receipt."
    return ""
