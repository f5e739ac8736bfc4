"""English answers about making a claim and reaching ZOSI support (POLICY W3, W4, X1-X4, C1)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from policy.contact import SUPPORT_EMAIL, SUPPORT_PHONE
from policy.model import Step
from speech import Answer
from speech.en.common import SPOKEN_EMAIL, STEP_TEXT, steps_text, support_card_line
from speech.ssml import Telephone, phrase


def _lower_first(text: str) -> str:
    """A sentence continued after a lead-in ("First, email ..."); names keep their capitals."""
    first = text.split(" ", 1)[0]
    if first.isupper() or first == "I":
        return text
    return text[:1].lower() + text[1:]


CLAIM_INTRO: Mapping[str, str] = {
    "refund_return": "To return a product for a refund, here's what to do.",
    "warranty_repair": "To make a warranty claim, here's what to do.",
    "cross_ship": "To ask for an advance replacement, here's what to do.",
}


def claim_steps_answer(claim_type: str, steps: tuple[Step, ...]) -> Answer:
    """Read the steps of a return, warranty or cross-shipping claim (W3, W4, X1-X4)."""
    titles = {
        "refund_return": "Returning a product",
        "warranty_repair": "Making a warranty claim",
        "cross_ship": "Advance replacement",
    }
    speech = phrase(first_step(steps), " I've sent all the steps to your Alexa app.")
    return Answer(speech, titles[claim_type], phrase(steps_text(steps), support_card_line()))


#: W3, said briefly: how a warranty claim starts (the card lists every step).
REPORT_FIRST = f"First, email ZOSI support at {SPOKEN_EMAIL}."


def first_step(steps: Iterable[Step]) -> str:
    """The first thing to do, spoken (the email said as words); the card lists them all."""
    for step in steps:
        text = STEP_TEXT[step].replace(SUPPORT_EMAIL, SPOKEN_EMAIL)
        return f"First, {_lower_first(text)}"
    return ""


def contact_answer() -> Answer:
    """How to reach ZOSI support (C1)."""
    speech = phrase(
        f"You can email ZOSI support at {SPOKEN_EMAIL}, or call ",
        Telephone(SUPPORT_PHONE),
        ", a number in China. I've sent both to your Alexa app.",
    )
    body = phrase(f"Email: {SUPPORT_EMAIL}\nPhone: {SUPPORT_PHONE} (China)")
    return Answer(speech, "Contacting ZOSI support", body)
