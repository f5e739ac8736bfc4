"""English answers about delivery (POLICY D1-D5): a window with concrete dates, and tracking.

A place outside the estimate table and a country outside Russia are answered with
what the published terms say (D2, D4), and nothing promised beyond them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from policy.terms import CROSS_SHIP_DISPATCH_BUSINESS_DAYS, DELIVERY_BUSINESS_DAYS
from speech import Answer
from speech.en.common import SPOKEN_EMAIL, _range_speech, support_card_line
from speech.ssml import When, phrase

if TYPE_CHECKING:
    from policy.delivery import DeliveryCoverage, DeliveryEstimate


#: The longest place name said back ("Nizhny Novgorod"); a longer one is not read out.
MAX_PLACE_WORDS = 3


#: D5: how a parcel on its way is followed.
FOLLOW_THE_PARCEL = "You can follow it with its tracking code, also in the AliExpress app."


def delivery_answer(
    estimate: DeliveryEstimate, today: date, place: str | None, *, on_its_way: bool = False
) -> Answer:
    """Speak a delivery window with concrete dates (D2-D4).

    ``on_its_way``: an order placed before today, whose tracking code follows it (D5): said
    in place of the free delivery, which the customer already had.
    """
    low, high = DELIVERY_BUSINESS_DAYS
    ordered = (
        ("Ordered today",)
        if estimate.order_date == today
        else ("Ordered on ", When(estimate.order_date))
    )
    where = f" in {estimate.region.name}" if estimate.region else ""
    window = phrase(
        *ordered,
        f", it should arrive{where} between ",
        When(estimate.earliest),
        " and ",
        When(estimate.latest),
        "" if place and estimate.region is None else ".",
    )
    if estimate.region is not None:
        basis = f" That's our estimate; the official range is {low} to {high} business days."
    elif place:
        # Not a place of the estimate table: perhaps a Russian town, perhaps abroad (D2, D4
        # cover Russia only). Say what holds for Russia, and promise nothing for elsewhere.
        words = place.split()
        # A place is named back only when it is short: a long or garbled one is "that place".
        named = (
            " ".join(word.capitalize() for word in words)
            if len(words) <= MAX_PLACE_WORDS
            else "that place"
        )
        first, *rest = window
        if isinstance(first, str):
            first = first[:1].lower() + first[1:]
        window = phrase(f"I don't know {named} in Russia. Anywhere in Russia, ", first, *rest)
        basis = f", {low} to {high} business days. If it's outside Russia, ask ZOSI support."
    else:
        basis = f" That's {low} to {high} business days, depending on the region."
    free = "" if place and estimate.region is None else " Delivery is free."
    if on_its_way and free:
        free = f" {FOLLOW_THE_PARCEL}"
    speech = phrase(window, basis, free)
    body = phrase(
        window,
        "." if place and estimate.region is None else "",
        "\n",
        f"Courier delivery takes {low} to {high} business days, depending on the region. ",
        "Business days exclude weekends and Russian public holidays. Delivery is free anywhere "
        "in Russia and ships from the ZOSI warehouse in Moscow. Track the parcel with its "
        "tracking code, also in the AliExpress app.",
        "\n(Regional figures are ZOSI estimates.)" if estimate.estimated else "",
    )
    return Answer(speech, "Delivery estimate", body)


def _country(name: str) -> str:
    """A country's name as a sentence says it: "the United States", "Kazakhstan"."""
    plural_or_union = name.startswith("United ") or name.endswith(("Republic", "Netherlands"))
    return f"the {name}" if plural_or_union and not name.startswith("the ") else name


def repair_time_answer() -> Answer:
    """Say that the terms give no time for a repair, and what is faster: X4's replacement.

    "How long does the whole thing take", asked of a faulty product's warranty claim, is no
    new order's delivery (D4): no rule says how long a repair takes, and an advance
    replacement ships within 2 to 3 business days of its approval (X1, X4).
    """
    days = _range_speech(*CROSS_SHIP_DISPATCH_BUSINESS_DAYS)
    speech = phrase(
        "ZOSI's terms don't say how long a repair takes; ZOSI support can tell you. If you "
        f"can't wait, ask for an advance replacement: it ships within {days} business days."
    )
    body = phrase(
        "ZOSI's terms give no time for a warranty repair: ask ZOSI support.\n"
        f"An advance replacement ships within {days} business days of its approval, before "
        "you send the faulty product back.",
        support_card_line(),
    )
    return Answer(speech, "How long a repair takes", body)


def delivery_abroad_answer(coverage: DeliveryCoverage, country_name: str) -> Answer:
    """Say that the published delivery terms don't cover a country outside Russia (D2, D4).

    Args:
        coverage: The decision for that country (``coverage.covered`` is False).
        country_name: The country as the CountryName slot resolved it ("Kazakhstan").
    """
    country = _country(country_name)
    days = _range_speech(coverage.min_days, coverage.max_days)
    covers = (
        f"ZOSI's published delivery terms cover Russia only: delivery is free anywhere in Russia "
        f"and takes {days} business days."
    )
    speech = phrase(
        f"ZOSI's delivery terms cover Russia only, so for delivery to {country}, please ask "
        f"ZOSI support at {SPOKEN_EMAIL}."
    )
    body = phrase(
        covers,
        f"\nDelivery to {country} isn't covered by those terms: ask ZOSI support.",
        support_card_line(),
    )
    return Answer(speech, f"Delivery to {country}", body)


def tracking_help() -> Answer:
    """How to follow a parcel without a linked account (D5)."""
    speech = phrase(
        "You can follow your parcel with the tracking code from your order, including in the "
        "AliExpress app. If you link your ZOSI account in the Alexa app, I can tell you where it "
        "is myself."
    )
    body = phrase(
        "Track your parcel with the tracking code from your order, also in the AliExpress app. "
        "Link your ZOSI account in the Alexa app to hear your parcel's status.",
        support_card_line(),
    )
    return Answer(speech, "Tracking your order", body)


FOR_SAVED_REGION = "Using your saved region. "
