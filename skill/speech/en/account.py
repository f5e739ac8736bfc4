"""English answers from a linked ZOSI account (POLICY P2): orders, parcels and requests.

What a linked customer hears: which orders a window still covers (R1-R5, W1, X1),
where each parcel is (D5), their support requests, and opening one (W3, W4, X1-X4);
also the account's own notices (P7 minors, P8 policy changes).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from policy.model import Referral, Step, Verdict
from policy.terms import CROSS_SHIP_MAX_MONTHS, RETURN_WINDOW_DAYS
from speech import Answer
from speech.en.common import SPOKEN_EMAIL, steps_text, support_card_line
from speech.ssml import Phrase, Spell, When, phrase

if TYPE_CHECKING:
    from policy.model import Window


LINK_NEEDED = (
    "To answer that from your own orders, link your ZOSI account in the Alexa app. I've sent a "
    "card to your Alexa app to help."
)
REQUESTS_NEED_LINK = (
    "ZOSI's terms set no time for a repair or a refund. To hear where yours is, link your ZOSI "
    f"account in the Alexa app; I've sent a card. ZOSI support can tell you too, at {SPOKEN_EMAIL}."
)
"""Where their request is, asked unlinked: no time to promise (the terms give none), and who can
tell them (C1)."""
LINK_EXPIRED = (
    "Your ZOSI account link has expired or was removed, so I can't see your orders. Please link "
    "it again in the Alexa app; I've sent a card to help."
)
ACCOUNT_UNAVAILABLE = (
    "Sorry, I couldn't reach your ZOSI account just now. Please try again in a minute. General "
    "questions about returns, warranty and delivery still work."
)
MINOR_CANNOT_CHECK = (
    "As this ZOSI account belongs to someone under 18, I can check its orders only with a "
    "parent's or guardian's consent."
)
MINOR_NO_CONSENT = (
    "This ZOSI account belongs to someone under 18 without a parent's or guardian's consent, so "
    "I can't use its orders, and I've deleted anything I had stored. I can still answer general "
    "questions."
)
LOOKING_UP = "One moment while I look up your orders."
NO_ORDERS = "I don't see any orders in your ZOSI account that this applies to."
NOT_ON_ITS_WAY = "I don't see any {product} on its way in your ZOSI orders."
NO_MATCHING_ORDER = "I don't see a {product} in your ZOSI orders."
POLICY_NOTICE = (
    "Before we start: ZOSI has updated the privacy policy for this skill. To hear how I handle "
    "your data, ask me: what do you do with my data?"
)
ASK_WHICH_ORDER = "Which one do you mean: "
ASK_REASON = "What's wrong with it, or did you change your mind?"
ASK_WHICH_PRODUCT = "Which product is it about?"
ASK_WHICH_ORDER_DAY = "Which order do you mean, by the day you ordered it?"
ASK_FAULT = "What's wrong with it? Is it faulty, or did it arrive damaged?"
CLAIM_NOT_OPENED = "Okay, I haven't opened anything."
CLAIM_NOT_ALLOWED = "ZOSI support couldn't accept that request for this order."
CHECKED_AGAIN = "I checked your order again before opening anything."
REQUEST_MAY_BE_OPEN = (
    "ZOSI didn't confirm your request in time, so it may already be open, and I couldn't check."
)
CHECK_REQUEST_AGAIN = "Shall I check, and send it again if it isn't there?"
KIND_NAMES = {
    "refund_return": "a refund return",
    "warranty_repair": "a warranty repair",
    "cross_ship": "an advance replacement",
}
REASON_NAMES = {
    "defect": "because it's faulty",
    "changed_mind": "because you changed your mind",
    "damaged_in_transit": "because it arrived damaged",
    "other": "another reason",
}
STATUS_NAMES = {
    "received": "received and waiting for ZOSI support",
    "authorized": "approved",
    "rejected": "turned down",
    "closed": "closed",
}
PARCEL_STATUS = {"processing": "is being prepared", "shipped": "is on its way"}
MAX_LISTED = 3

#: How an order's product is spoken, by its ProductType id; the card keeps the model's name.
KIND_SPOKEN: Mapping[str, str] = {
    "camera": "camera",
    "nvr": "N. V. R.",
    "dvr": "D. V. R.",
    "doorbell": "video doorbell",
    "kit": "camera kit",
    "hard_drive": "hard drive",
    "monitor": "monitor",
    "accessory": "accessory",
}


def spoken_product(kind: str | None, product: str) -> str:
    """An order's product as spoken: "camera", not "ZOSI C190 4MP PoE camera" (one breath)."""
    return KIND_SPOKEN.get(kind or "", product)


def order_label(
    product: str, ordered_on: date, *, first: bool = False, kind: str | None = None
) -> Phrase:
    """Name an order: "the camera ordered on 16 November" ("The ..." to start a line)."""
    name = spoken_product(kind, product)
    return phrase(f"{'The' if first else 'the'} {name} ordered on ", When(ordered_on))


def _listing(lines: list[Phrase]) -> Phrase:
    shown = lines[:MAX_LISTED]
    more = len(lines) - len(shown)
    out: list[Phrase] = []
    for n, line in enumerate(shown):
        out.append(phrase(" " if n else "", line))
    if more:
        out.append(phrase(f" And {more} more: I've listed them in your Alexa app."))
    return phrase(*out)


def orders_answer(
    kind: str, entries: list[tuple[str, date, Verdict, Window, Referral | None]], title: str
) -> Answer:
    """Which orders are inside a window, and until when (R1-R5, W1 or X1 per ``kind``).

    ``kind`` is "refund", "warranty" or "cross_ship"; each entry is (product, ordered on,
    the decision's verdict, its window, its referral).
    """
    wording = {
        "refund": (
            "is refundable",
            f"is past the {RETURN_WINDOW_DAYS}-day refund period",
        ),
        "warranty": ("is under warranty", "is out of warranty"),
        "cross_ship": (
            "can get an advance replacement",
            f"is past the {CROSS_SHIP_MAX_MONTHS} months for advance replacement",
        ),
    }[kind]
    lines: list[Phrase] = []
    card: list[Phrase] = []
    for product, ordered_on, verdict, window, referral in entries:
        label = order_label(product, ordered_on, first=True)
        if referral is Referral.SELLER:
            line = phrase(label, " came from another shop, so its refund goes through that shop.")
        elif verdict is Verdict.YES and window.last_day is not None:
            line = phrase(label, f" {wording[0]} until ", When(window.last_day), ".")
        else:
            line = phrase(label, f" {wording[1]}.")
        lines.append(line)
        card.append(phrase(line, "\n"))
    if not lines:
        return Answer(phrase(NO_ORDERS), title, phrase(NO_ORDERS))
    return Answer(_listing(lines), title, phrase(*card, support_card_line()))


def parcels_answer(
    parcels: list[tuple[str, date, str, str | None, str | None]],
    *,
    arrives_by: date | None = None,
    late: bool = False,
) -> Answer:
    """Where each parcel is: (product, ordered on, status, carrier, tracking number) (D5).

    ``arrives_by``: for one parcel, the last day of D4's window, said after it (D4).
    ``late``: one parcel past that day: support can look into it (C1), the address on the card.
    """
    if not parcels:
        speech = phrase("All your ZOSI orders have been delivered; nothing is on its way.")
        return Answer(speech, "Your parcels", speech)
    lines: list[Phrase] = []
    for product, ordered_on, status, carrier, number in parcels:
        line = phrase(
            f"Your {product} ordered on ",
            When(ordered_on),
            f" {PARCEL_STATUS.get(status, 'is on its way')}",
        )
        if carrier and number:
            line = phrase(line, f" with {carrier}, tracking number ", Spell(number))
        lines.append(phrase(line, "."))
    if arrives_by is not None:
        lines = [phrase(*lines, " It should arrive by ", When(arrives_by), ".")]
    if late:
        lines = [phrase(*lines, " It's running late, so ZOSI support can look into it.")]
    card = phrase(
        *(phrase(line, "\n") for line in lines),
        "Track parcels with their codes, also in the AliExpress app.",
        support_card_line() if late else "",
    )
    return Answer(_listing(lines), "Your parcels", card)


def requests_answer(requests: list[tuple[str, str, str, date, str | None]]) -> Answer:
    """The customer's support requests: (request id, kind, status, created on, RMA code)."""
    if not requests:
        speech = phrase("You don't have any return, repair or replacement requests with ZOSI.")
        return Answer(speech, "Your ZOSI requests", speech)
    lines: list[Phrase] = []
    for request_id, kind, status, created_on, rma in requests:
        line = phrase(
            f"Your request for {KIND_NAMES.get(kind, 'support')}, number ",
            Spell(request_id),
            ", opened on ",
            When(created_on),
            f", is {STATUS_NAMES.get(status, status)}",
        )
        if rma:
            line = phrase(line, ", with R M A code ", Spell(rma))
        lines.append(phrase(line, "."))
    card = phrase(*(phrase(line, "\n") for line in lines))
    return Answer(_listing(lines), "Your ZOSI requests", card)


def which_order(labels: list[Phrase]) -> Phrase:
    """Ask "Which one do you mean: the camera ordered on 16 November, or the NVR ...?"."""
    parts: list[Phrase] = []
    for n, label in enumerate(labels[:MAX_LISTED]):
        if n:
            parts.append(phrase(", or " if n == len(labels[:MAX_LISTED]) - 1 else ", "))
        parts.append(label)
    return phrase(ASK_WHICH_ORDER, *parts, "?")


def confirm_claim(kind: str, label: Phrase, reason: str) -> Phrase:
    """The question before opening a request with ZOSI support."""
    return phrase(
        f"Shall I open {KIND_NAMES[kind]} for ",
        label,
        f", {REASON_NAMES.get(reason, 'for another reason')}?",
    )


def claim_opened(
    request_id: str, kind: str, label: Phrase, steps: tuple[Step, ...], created: bool
) -> Answer:
    """Read back the request id and the next steps (W3-W4, X1-X4)."""
    opened = (
        phrase("Done. I've opened ", KIND_NAMES[kind], " for ", label, ". Your request number is ")
        if created
        else phrase("You already have a request for ", label, ". Its number is ")
    )
    next_steps = [step for step in steps if step is not Step.CONTACT_SUPPORT]
    speech = phrase(
        opened,
        Spell(request_id),
        ". I've sent what happens next to your Alexa app.",
    )
    body = phrase(
        f"Request {request_id}: {KIND_NAMES[kind]} for ",
        label,
        "\n",
        steps_text(next_steps),
        support_card_line(),
    )
    return Answer(speech, "Your ZOSI request", body)
