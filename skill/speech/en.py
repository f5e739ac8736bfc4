"""What the skill says in English (every en-* locale), decision first, in its own words.

Functions here turn policy decisions (NamedTuples from :mod:`policy`) into
:class:`Answer` objects: what to say, and a card with the facts a customer will
want to keep. No rule logic lives here: every condition read below is a field the
policy core already decided.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, TypeGuard, cast

from policy.contact import SUPPORT_EMAIL, SUPPORT_PHONE
from policy.model import Payer, Referral, Step, Verdict
from policy.terms import (
    CROSS_SHIP_DISPATCH_BUSINESS_DAYS,
    CROSS_SHIP_HOLD_DAYS,
    CROSS_SHIP_MAX_MONTHS,
    CROSS_SHIP_RETURN_DAYS,
    DELIVERY_BUSINESS_DAYS,
    RETURN_WINDOW_DAYS,
    WARRANTY_MONTHS,
)
from speech import Answer
from speech.ssml import Phrase, Spell, Telephone, When, phrase

if TYPE_CHECKING:
    from policy.crossship import CrossShipDecision
    from policy.delivery import DeliveryCoverage, DeliveryEstimate
    from policy.facts import Explanation
    from policy.model import Window
    from policy.returns import ReturnDecision
    from policy.warranty import WarrantyDecision
    from speech.voice import ScreenVoice

SKILL_NAME = "ZOSI Care"
SPOKEN_EMAIL = "service at zositech dot com"


# --- building blocks -------------------------------------------------------------------------

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


def _is_return(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
) -> TypeGuard[ReturnDecision]:
    """Whether a decision is about a refund (told by its fields: no rule module is loaded)."""
    return hasattr(decision, "direct_purchase")


def _is_cross_ship(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
) -> TypeGuard[CrossShipDecision]:
    """Whether a decision is about an advance replacement."""
    return hasattr(decision, "hold_days")


def _warranty(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
) -> WarrantyDecision:
    """A decision that is neither a refund's nor a replacement's: the warranty's."""
    return cast("WarrantyDecision", decision)


def _warranty_length() -> str:
    """The warranty's length as an adjective: "one-year", or "18-month"."""
    return "one-year" if WARRANTY_MONTHS == 12 else f"{WARRANTY_MONTHS}-month"


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


def _lower_first(text: str) -> str:
    """A sentence continued after a lead-in ("First, email ..."); names keep their capitals."""
    first = text.split(" ", 1)[0]
    if first.isupper() or first == "I":
        return text
    return text[:1].lower() + text[1:]


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


# --- returns (R1-R6) --------------------------------------------------------------------------


def return_answer(decision: ReturnDecision, product: str | None, exact: bool = True) -> Answer:
    """Speak a refund-return decision (R1-R6): the verdict first, one more fact at most."""
    it = the_product(product)
    window = decision.window
    if decision.blocked_by is not None:
        speech = phrase(
            CONDITION_RULES_OUT[decision.blocked_by.value].format(it=it),
            _fault_route(decision.warranty_open, damaged=decision.blocked_by.value == DAMAGED),
        )
        card = _facts((CONDITION_CARD,))
    elif decision.referral is Referral.SELLER:
        speech = phrase(
            f"Since you bought {it} from another shop, the refund goes through that shop, so "
            "please check its own return policy. If it's faulty, ask me about the warranty."
        )
        card = _facts(("Refund: through the shop you bought it from, under its own policy.",))
    elif decision.buyer_returns and window.last_day is not None:
        speech = phrase(
            "As it was a gift, a refund for a reason that isn't a fault is for the person who "
            "bought it to ask for. They can return it ",
            until(window.last_day, exact),
            ".",
        )
        card = _facts(("The buyer can ask for a refund until: ", When(window.last_day)))
    elif decision.verdict is Verdict.YES and window.last_day is not None:
        # One breath: the verdict and one note, the one the customer must act on first
        # (a gift's receipt, then the shop it must come from, then who pays); all on the card.
        gift, shop = _giver_note(decision.referral), _direct_condition(decision.direct_purchase)
        conditions = [note for note in (gift, shop) if note]
        spoken = conditions[0] if conditions else _spoken_shipping(decision.return_shipping)
        speech = phrase(
            f"Yes, you can return {it} for a full refund ",
            until(window.last_day, exact),
            f"{days_left(window)}.",
            spoken,
        )
        card = _facts(
            ("Refund possible until: ", When(window.last_day)),
            (f"Return shipping: {_return_shipping(decision.return_shipping)}",),
            *((note.strip(),) for note in conditions),
        )
    elif decision.verdict is Verdict.NO and window.last_day is not None:
        speech = phrase(
            f"Sorry, the {RETURN_WINDOW_DAYS}-day refund period for {it} ended on ",
            When(window.last_day),
            ".",
            _fault_route(decision.warranty_open),
        )
        card = _facts(
            (f"The {RETURN_WINDOW_DAYS}-day refund period ended on ", When(window.last_day))
        )
    else:
        speech, card = _depends(
            window,
            f"you can still return {it} for a full refund; if it was earlier, the "
            f"{RETURN_WINDOW_DAYS} days are over.{_direct_condition(decision.direct_purchase)}",
            "Refund possible if bought on or after: ",
        )
    body = phrase(card, steps_text(decision.steps), support_card_line())
    return Answer(speech, f"Returning {title_product(product)}", body)


def standing_answer(
    refund: ReturnDecision, warranty: WarrantyDecision, product: str | None, exact: bool
) -> Answer:
    """What a purchase's date still allows, said with no goal asked (R1, W1): both remedies."""
    it = the_product(product)
    refund_until, warranty_until = refund.window.last_day, warranty.window.last_day
    if refund_until is None or warranty_until is None:
        return Answer(phrase(OKAY), f"Refund and warranty for {title_product(product)}", ())
    if refund.direct_purchase:
        speech = phrase(
            f"You can still return {it} for a full refund ",
            until(refund_until, exact),
            ", and the warranty runs ",
            until(warranty_until, exact),
            ".",
        )
    else:  # no refund is promised before the shop is known (R2, R5)
        speech = phrase(
            f"{it[:1].upper()}{it[1:]} is under warranty ", until(warranty_until, exact), "."
        )
    card = _facts(
        ("Refund possible until: ", When(refund_until)),
        ("Under warranty until: ", When(warranty_until)),
        (f"Return shipping: {_return_shipping(refund.return_shipping)}",),
    )
    return Answer(
        speech,
        f"Refund and warranty for {title_product(product)}",
        phrase(card, support_card_line()),
    )


CONDITION_RULES_OUT: Mapping[str, str] = {
    "damaged_by_customer": (
        "Sorry, a damaged product can't go back for a refund: ZOSI takes {it} back only "
        "undamaged, in its original packaging."
    ),
    "packaging_gone": (
        "Sorry, without its original packaging in good shape, {it} can't go back for a refund."
    ),
}
CONDITION_CARD = "Refund: only for a product and original packaging returned undamaged."


DAMAGED = "damaged_by_customer"


def _fault_route(warranty_open: bool | None, *, damaged: bool = False) -> str:
    """Where a fault can still go when no refund is possible: the warranty, if it is open.

    For a product the customer damaged, nothing is promised: whether the limited
    warranty covers it is ZOSI support's call (W8).
    """
    if warranty_open and damaged:
        return " If it also has a fault, ask ZOSI support whether the warranty covers it."
    if warranty_open:
        return f" If it's faulty, the {_warranty_length()} warranty still covers a repair."
    if warranty_open is False:
        return f" The {_warranty_length()} warranty has ended too."
    return ""


def _depends(window: Window, outcome: str, card_label: str) -> tuple[Phrase, Phrase]:
    """Speech and card for an imprecise purchase date that straddles the deadline (DEPENDS)."""
    cutoff: Phrase = (When(window.cutoff),) if window.cutoff else ()
    speech = phrase(
        "That depends on the exact day you bought it. If it was on or after ",
        cutoff,
        f", {outcome}",
    )
    return speech, _facts(phrase(card_label, cutoff))


def _direct_condition(direct: bool | None) -> str:
    if direct is None:
        return " That's if it came from ZOSI's website or its official AliExpress store."
    return ""


def _spoken_shipping(payer: Payer | None) -> str:
    """Who pays the way back, spoken once the reason is known; both cases go on the card."""
    return "" if payer is None else f" {_return_shipping(payer)}"


def _return_shipping(payer: Payer | None) -> str:
    if payer is Payer.ZOSI:
        return "As it's a quality problem, ZOSI pays the return shipping."
    if payer is Payer.CUSTOMER:
        return "As it isn't a quality problem, you pay the return shipping."
    return "If it's faulty, ZOSI pays the return shipping; otherwise you pay it."


def _giver_note(referral: Referral | None) -> str:
    if referral is Referral.GIVER:
        return " As it was a gift, ask the giver for the receipt."
    return ""


# --- warranty (W1-W9) -------------------------------------------------------------------------


def warranty_answer(
    decision: WarrantyDecision, product: str | None, exact: bool = True, home_known: bool = True
) -> Answer:
    """Speak a warranty decision (W1-W9); ``home_known``: where the customer is now was said."""
    it = the_product(product)
    window = decision.window
    years = _warranty_length()
    if decision.verdict is Verdict.YES and window.last_day is not None:
        # One note at most: who pays the way back once known, a gift's receipt, else what the
        # warranty does for a fault (W2).
        note = _spoken_warranty_shipping(decision.return_shipping, home_known) or _giver_note(
            decision.referral
        )
        speech = phrase(
            f"Yes, {it} is under warranty ",
            until(window.last_day, exact),
            f"{days_left(window)}.",
            note or WARRANTY_DOES,
        )
        card = _facts(
            ("Under warranty until: ", When(window.last_day)),
        )
    elif decision.verdict is Verdict.NO and window.last_day is not None:
        speech = phrase(
            f"Sorry, the {years} warranty on {it} ended on ",
            When(window.last_day),
            f". ZOSI support can still help you troubleshoot it at {SPOKEN_EMAIL}.",
        )
        card = _facts(("The warranty ended on ", When(window.last_day)))
    else:
        speech, card = _depends(
            window,
            f"{it} is still under the {years} warranty; if it was earlier, the warranty has ended.",
            "Under warranty if bought on or after: ",
        )
    # Who pays what only while a claim is possible: an ended warranty covers no shipping.
    terms: Phrase = (
        phrase(
            "Return shipping if it's faulty: ",
            f"{_warranty_shipping(decision.return_shipping, home_known)}\n",
            "If ZOSI finds no fault, you pay for shipping it back to you.\n",
            "ZOSI never pays customs duties, taxes or carrier fees.\n",
        )
        if decision.verdict is not Verdict.NO
        else ()
    )
    body = phrase(card, terms, steps_text(decision.steps), support_card_line())
    return Answer(speech, f"Warranty for {title_product(product)}", body)


WARRANTY_DOES = " If it's faulty, ZOSI repairs or replaces it."


def _spoken_warranty_shipping(payer: Payer, home_known: bool) -> str:
    """Who pays to send it back, spoken when known; both cases go on the card (W5, W6)."""
    return f" {_warranty_shipping(payer, home_known)}" if home_known else ""


def _warranty_shipping(payer: Payer, home_known: bool = True) -> str:
    """Who pays to send a faulty product back (W5-W7); both cases when where they are is unknown."""
    if payer is Payer.CUSTOMER:
        return "Since you're outside the country of purchase, you pay the international shipping."
    if not home_known:
        return (
            "In the country you bought it in, ZOSI covers the return shipping; from another "
            "country, you pay the international shipping."
        )
    return "ZOSI covers the return shipping."


# --- advance replacement (X1-X4) --------------------------------------------------------------


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
            f"{it} that ended on ",
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


# --- delivery (D1-D5) -------------------------------------------------------------------------


#: The longest place name said back ("Nizhny Novgorod"); a longer one is not read out.
MAX_PLACE_WORDS = 3


def delivery_answer(estimate: DeliveryEstimate, today: date, place: str | None) -> Answer:
    """Speak a delivery window with concrete dates (D2-D4)."""
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


# --- claims, contact, privacy -----------------------------------------------------------------

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


def privacy_answer(ttl_days: int) -> Answer:
    """What the skill does with personal data (P1-P9, design decisions in POLICY.md)."""
    speech = phrase(
        f"I remember things only once you say yes, and forget them after {ttl_days} days "
        "unused. I never share them without your permission unless the law requires it, or "
        "store your ZOSI login. Say 'delete my data' to erase them."
    )
    body = phrase(
        "Remembered only after you agree: delivery region, a purchase you describe.\n"
        f"Deleted after {ttl_days} days without use, when you say 'delete my data', or when you "
        "disable the skill.\n"
        "Linked ZOSI account: orders are read for each question and never stored; your login "
        "token is never stored.\nNo sharing with third parties without your permission."
    )
    return Answer(speech, "Your data and ZOSI Care", body)


# --- the conversation around the answers ------------------------------------------------------

WELCOME = (
    f"Welcome to {SKILL_NAME}. I can help with returns, the warranty, and how long delivery takes."
)
WHAT_TO_ASK = "What would you like to know?"
EXAMPLES = (
    "For example: can I return the camera I bought on the fifth? Or: is my NVR still under "
    "warranty?"
)
HELP = (
    "I answer questions about ZOSI returns, the warranty, advance replacement, delivery, "
    f"contacting support, and your data. {EXAMPLES}"
)
FALLBACK = (
    "Sorry, I can't help with that. I only answer questions about ZOSI products: returns, "
    "warranty, advance replacement, delivery, tracking and contacting ZOSI support."
)
ANYTHING_ELSE = "Anything else I can help with?"
NOTHING_TO_REPEAT = "I haven't said anything yet that I could repeat."
GOODBYE = "Goodbye, and thanks for choosing ZOSI."
OKAY = "Okay."
ERROR = "Sorry, something went wrong on my side, and I couldn't finish that."
NOT_CONFIGURED = "Sorry, ZOSI Care isn't available right now. Please try again later."

ASK_PURCHASE_DATE = "When did you buy {it}?"
REPROMPT_PURCHASE_DATE = (
    "Please tell me the day you bought {it}, for example: on the fifth of November."
)
BAD_DATE = "Sorry, I didn't catch a date I can use."
FUTURE_DATE = "That date hasn't come yet, so it can't be the day you bought it."
CONFIRM_PURCHASE_DATE = "Just to check: you bought {it} "
DATE_NOTED = "Okay, bought "
CONFIRM_OTHER_READING = "Then did you buy {it} "
ASK_STORE = (
    "Where did you buy {it}? On the ZOSI website, in ZOSI's official AliExpress store, or from "
    "another shop?"
)
UNKNOWN_STORE = "I don't know the shop {store}."
ASK_ALIEXPRESS_SELLER = (
    "On AliExpress, did you buy {it} from ZOSI's official store, or from another seller there?"
)
ASK_CLAIM_TYPE = "Do you want a refund, a warranty repair, or an advance replacement?"
ASK_REGION = "Which city or region should I estimate delivery to?"
BAD_ORDER_DATE = "I couldn't use that order date. "

OFFER_REMEMBER_PURCHASE = "Shall I remember this purchase for next time?"
OFFER_REMEMBER_REGION = "Shall I remember {region} as your delivery region?"
REMEMBERED = "Done, I'll remember that."
NOT_REMEMBERED = "Sorry, I couldn't save that just now, so I won't remember it this time."
NOT_SAVING = "Okay, I won't remember it."
USING_REMEMBERED_PURCHASE = "For the {product} you told me you bought on "
STATE_UNAVAILABLE = " I couldn't check what you asked me to remember just now."

CONFIRM_DELETE = "Do you want me to delete everything I've stored about you?"
DELETED = "Done. I've deleted everything I had stored about you."
DELETE_FAILED = (
    "Sorry, I couldn't delete your data just now. Nothing has changed yet; please try again "
    "in a moment."
)
NOTHING_DELETED = "Okay, I've kept everything as it was."
NOTHING_STORED = "I haven't stored anything about you."


def _policy_version(version: str) -> Phrase:
    """A privacy policy version: versions are the policy's date, read as a date."""
    try:
        return phrase("the privacy policy of ", When(date.fromisoformat(version)))
    except ValueError:
        return phrase(f"privacy policy version {version}")


#: Every name ``domain.memory.stored_fields`` can give, each said back below (P4). A field
#: added to the stored state and not named here makes the answer refuse (and its test fail).
STORED_FIELDS = frozenset(
    {
        "region",
        "purchase.product",
        "purchase.earliest",
        "purchase.latest",
        "purchase.channel",
        "purchase.gift",
        "purchase.purchase_country",
        "linked_at",
        "accepted_policy_version",
        "policy_notice_version",
        "withdrawn_at",
    }
)
_STORED_CHANNELS = {
    "zosi_website": "from the ZOSI website",
    "zosi_official_store": "from ZOSI's AliExpress store",
    "third_party": "from another shop",
}
_STORED_COUNTRIES = {"RU": "Russia", "KZ": "Kazakhstan", "BY": "Belarus", "CN": "China"}


def _stored_purchase(stored: Mapping[str, object]) -> Phrase:
    """The remembered purchase with every part stored: product, dates, store, gift, country."""
    product = stored.get("purchase.product")
    earliest, latest = stored["purchase.earliest"], stored["purchase.latest"]
    noun = str(product).replace("_", " ") if product else "product"
    when = (
        phrase(" on ", When(cast("date", earliest)))
        if earliest == latest
        else phrase(" between ", When(cast("date", earliest)), " and ", When(cast("date", latest)))
    )
    channel = stored.get("purchase.channel")
    country = stored.get("purchase.purchase_country")
    gift = " as a gift" if stored.get("purchase.gift") else " for yourself"
    return phrase(
        f"a {noun} you bought",
        when,
        f" {_STORED_CHANNELS[str(channel)]}" if channel else "",
        gift,
        (" in ", _STORED_COUNTRIES.get(str(country)) or Spell(str(country))) if country else (),
    )


def stored_data_answer(stored: Mapping[str, object], region: str | None = None) -> Answer:
    """Say back every stored field (P4), and nothing that is not stored.

    Args:
        stored: Each stored field that holds a value, by name (``STORED_FIELDS``).
        region: The remembered delivery region's name, when the table knows it.

    Raises:
        ValueError: A field this voice cannot say back: it is never silently left out.
    """
    unknown = set(stored) - STORED_FIELDS
    if unknown:
        raise ValueError(f"stored fields with no words: {sorted(unknown)}")
    items: list[Phrase] = []  # the card's lines: every field, in full
    said: list[Phrase] = []  # the voice's: the same fields, the bookkeeping without its dates
    if "region" in stored:
        items.append(phrase(f"your delivery region, {region or stored['region']}"))
        said.append(items[-1])
    if "purchase.earliest" in stored:
        items.append(_stored_purchase(stored))
        said.append(items[-1])
    if "linked_at" in stored:
        items.append(phrase("that you linked your ZOSI account, and when"))
        said.append(phrase("when you linked your ZOSI account"))
    accepted = stored.get("accepted_policy_version")
    notice = stored.get("policy_notice_version")
    if accepted is not None:
        told = " and were told of it" if notice == accepted else ""
        items.append(phrase("that you accepted ", _policy_version(str(accepted)), told))
    if notice is not None and notice != accepted:
        items.append(phrase("that you know about ", _policy_version(str(notice))))
    if accepted is not None or notice is not None:
        policies = {
            (True, True): "which privacy policy you accepted and were told of",
            (True, False): "which privacy policy you accepted",
            (False, True): "which privacy policy you were told of",
        }
        said.append(phrase(policies[accepted is not None, notice is not None]))
    if "withdrawn_at" in stored:
        items.append(phrase("that you withdrew your consent, and when"))
        said.append(phrase("your consent withdrawal"))
    if not items:
        return Answer(phrase(NOTHING_STORED), "What ZOSI Care has stored", phrase(NOTHING_STORED))
    joined: list[Phrase] = []
    for n, item in enumerate(said):
        if n:
            joined.append(phrase(", and " if n == len(said) - 1 else ", "))
        joined.append(item)
    speech = phrase("I've stored ", *joined, ". Say 'delete my data' to erase it.")
    body = phrase("I've stored:\n", *(phrase("- ", item, "\n") for item in items))
    return Answer(speech, "What ZOSI Care has stored", body)


# --- answers from a linked ZOSI account (P2) -------------------------------------------------

LINK_NEEDED = (
    "To answer that from your own orders, link your ZOSI account in the Alexa app. I've sent a "
    "card to your Alexa app to help."
)
LINK_EXPIRED = (
    "Your ZOSI account link has expired or was removed, so I can't see your orders. Please link "
    "it again in the Alexa app; I've sent a card to help."
)
ACCOUNT_UNAVAILABLE = (
    "Sorry, I couldn't reach your ZOSI account just now. Please try again in a minute. General "
    "questions about returns, warranty and delivery still work."
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


def parcels_answer(parcels: list[tuple[str, date, str, str | None, str | None]]) -> Answer:
    """Where each parcel is: (product, ordered on, status, carrier, tracking number) (D5)."""
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
    card = phrase(
        *(phrase(line, "\n") for line in lines),
        "Track parcels with their codes, also in the AliExpress app.",
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


# --- the steps of a purchase conversation (conversation.service) -----------------------------

GENERAL_RULE = {
    "refund": (
        f"You can return a ZOSI product for a full refund within {RETURN_WINDOW_DAYS} days of "
        "buying it from ZOSI or its official AliExpress store."
    ),
    "warranty": (
        "Every ZOSI product has a {years} warranty from the purchase date: if it fails, ZOSI "
        "repairs or replaces it."
    ),
    "cross_ship": (
        "Within {months} months, ZOSI ships a replacement in {dispatch} business days against "
        "a {hold}-day card hold; you return the faulty one within {back} days."
    ),
}
OFFER_CHECK_YOURS = "Would you like me to check yours?"
CHECK_YOURS = "If you'd like me to check yours, when did you buy it?"
ASK_PURCHASE_DATE_AGAIN = (
    "A rough date is fine, like last March, and if you're not sure, just say so. When did you "
    "buy {it}?"
)
ASK_STORE_AGAIN = (
    "If you're not sure, just say so. Otherwise, was it the ZOSI website, ZOSI's official "
    "AliExpress store, another shop, or a gift?"
)
ASK_REASON_AGAIN = (
    "Is it faulty, did it arrive damaged, did you change your mind, or is it something else?"
)
ASK_PURCHASE_COUNTRY = "Which country did you buy {it} in?"
ASK_PURCHASE_COUNTRY_AGAIN = (
    "Which country was {it} bought in? For example Russia, or say you don't know."
)
ASK_CLAIM_TYPE_AGAIN = (
    "I need to know which kind. A refund, a warranty repair, or an advance replacement?"
)
BACK_TO = "Back to {it}: "
BACK_TO_PURCHASE = "Back to your purchase: "


def back_to(product: str | None, question: Phrase) -> Phrase:
    """Resume the purchase dialog after a detour: "Back to your camera: when did you buy it?"."""
    lead = BACK_TO.format(it=the_product(product)) if product else BACK_TO_PURCHASE
    first = question[0] if question else ""
    if isinstance(first, str) and first[:1].isupper() and not first.startswith(("I ", "ZOSI")):
        question = (first[:1].lower() + first[1:], *question[1:])
    return phrase(lead, question)


GAVE_UP = f"Without {{what}}, I can't check {{it}}; ZOSI support can, at {SPOKEN_EMAIL}."
GAVE_UP_AFTER_RULE = f"ZOSI support can check yours at {SPOKEN_EMAIL}."
MISSING_FACT: Mapping[str, str] = {
    "purchased": "the purchase date",
    "product": "knowing which product",
    "order": "knowing which order",
    "claim_kind": "knowing which kind of request",
}
CANT_STORE = (
    "I can't store anything for this account, so I won't remember it. I can still answer "
    "general questions."
)
HELP_IN_DIALOG = "I'm checking your purchase against ZOSI's terms, and I need one more detail."
NOT_UNDERSTOOD = "Sorry, I didn't catch that."
WHAT_ELSE = "What else would you like to know?"
WHICH_GOAL = "Would you like to return it, or is something wrong with it?"
DECLINED: Mapping[str, str] = {
    "remember_purchase": NOT_SAVING,
    "remember_region": NOT_SAVING,
    "delete_data": NOTHING_DELETED,
    "withdraw_consent": "Okay, nothing has changed: your account stays linked.",
    "open_request": CLAIM_NOT_OPENED,
    "check_own_case": OKAY,
}


def general_rule(goal: str) -> str:
    """The rule a purchase question rests on, for a question that names no purchase."""
    years = _warranty_length()
    low, high = CROSS_SHIP_DISPATCH_BUSINESS_DAYS
    return GENERAL_RULE[goal].format(
        dispatch=_range_speech(low, high),
        years=years,
        months=CROSS_SHIP_MAX_MONTHS,
        hold=CROSS_SHIP_HOLD_DAYS,
        back=CROSS_SHIP_RETURN_DAYS,
    )


def general_answer(
    goal: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
) -> Phrase:
    """The rule first, for a question that named no purchase; a claim's steps with its rule."""
    if goal != "claim":
        return phrase(general_rule(goal), _general_note(decision))
    kind, rule = _claim_of(decision)
    if kind == "cross_ship":  # its rule is long: the steps wait on the card
        return phrase(general_rule(rule), " ", CLAIM_STEPS_ON_CARD)
    # W3: what to do first is what "what do I do" asks; the card has every step.
    return phrase(general_rule(rule), " ", first_step(decision.steps) or CLAIM_STEPS_ON_CARD)


def _claim_of(decision: ReturnDecision | WarrantyDecision | CrossShipDecision) -> tuple[str, str]:
    """The request a decision governs, and the general rule it rests on."""
    if _is_return(decision):
        return "refund_return", "refund"
    if _is_cross_ship(decision):
        return "cross_ship", "cross_ship"
    return "warranty_repair", "warranty"


def _general_note(decision: ReturnDecision | WarrantyDecision | CrossShipDecision) -> Phrase:
    """What the general rule means for what the customer said (a gift, a shop, abroad)."""
    if _is_return(decision):
        if decision.referral is Referral.SELLER:
            return (
                " Bought from another shop, though, the refund goes through that shop's own "
                "return policy.",
            )
        if decision.return_shipping is not None:
            return (" ", _return_shipping(decision.return_shipping), _giver_note(decision.referral))
        return (_giver_note(decision.referral),)
    if _is_cross_ship(decision):
        return () if decision.free_shipping else (" From abroad, extra fees apply.",)
    warranty = _warranty(decision)
    # Who pays the way back is said when it is not ZOSI (from abroad, W6); asked, it is a fact.
    note = (
        " From abroad, you pay the international shipping."
        if warranty.return_shipping is Payer.CUSTOMER
        else ""
    )
    return phrase(note, _giver_note(warranty.referral))


def general_card(
    goal: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
) -> Answer | None:
    """The card of a general answer: a claim's steps, worth keeping."""
    if goal != "claim":
        return None
    from policy.claims import ClaimKind, claim_steps

    kind, _ = _claim_of(decision)
    return claim_steps_answer(kind, claim_steps(ClaimKind(kind), decision.steps))


def ask_fact(fact: str, product: str | None, attempt: int) -> str:
    """The question for one missing purchase fact (the second time, with the choices)."""
    it = the_product(product)
    first = {
        "product": ASK_WHICH_PRODUCT,
        "order": ASK_WHICH_ORDER_DAY,
        "purchased": ASK_PURCHASE_DATE,
        "channel": ASK_STORE,
        "reason": ASK_REASON,
        "purchase_country": ASK_PURCHASE_COUNTRY,
        "claim_kind": ASK_CLAIM_TYPE,
    }
    again = {
        "product": ASK_WHICH_PRODUCT,
        "order": ASK_WHICH_ORDER_DAY,
        "purchased": ASK_PURCHASE_DATE_AGAIN,
        "channel": ASK_STORE_AGAIN,
        "reason": ASK_REASON_AGAIN,
        "purchase_country": ASK_PURCHASE_COUNTRY_AGAIN,
        "claim_kind": ASK_CLAIM_TYPE_AGAIN,
    }
    table = again if attempt > 1 else first
    return table.get(fact, ASK_PURCHASE_DATE).format(it=it)


def reprompt_fact(fact: str, product: str | None) -> str:
    """The reprompt for a missing fact: the question with its choices."""
    if fact == "purchased":
        return REPROMPT_PURCHASE_DATE.format(it=the_product(product))
    return ask_fact(fact, product, 2)


def costs_of(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision, home_known: bool = True
) -> str:
    """Who pays what under a decision, said before the customer is asked to go ahead."""
    if _is_return(decision):
        return _return_shipping(decision.return_shipping)
    if _is_cross_ship(decision):
        shipping = (
            "Ground shipping is free within the country of purchase."
            if decision.free_shipping
            else "As you're outside the country of purchase, extra shipping fees apply."
        )
        return (
            f"You'll need a credit card: ZOSI places a {decision.hold_days}-day hold for the "
            "replacement's price, and charges it if the faulty one isn't back within "
            f"{decision.return_within_days} days or the fault isn't covered. {shipping}"
        )
    payer = _warranty(decision).return_shipping
    return f"{_warranty_shipping(payer, home_known)} {NO_FAULT_COSTS}"


def propose_request(
    kind: str,
    label: Phrase,
    reason: str,
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
) -> tuple[Phrase, Phrase]:
    """Whether and until when it can be done, its costs, then the question whether to open it."""
    window = claim_window(kind, decision, None, does=False)
    return phrase(window, " ", costs_of(decision)), confirm_claim(kind, label, reason)


def offer_request(kind: str) -> str:
    """After a linked customer's decision: shall I open the request it allows?

    The decision already said who pays the shipping; a repair adds what the customer
    pays whatever happens (W8, W9) before the yes is asked for.
    """
    question = f"Shall I open {KIND_NAMES[kind]} request for it?"
    if kind == "warranty_repair":
        return f"{NO_FAULT_COSTS} {question}"
    return question


def refused(
    kind: str,
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    product: str | None,
    label: Phrase | None,
    store_name: str | None,
    *,
    not_a_fault: bool = False,
) -> Phrase:
    """Why a request can't be opened, in the customer's terms (R1, R5, W1, W2, X1, X2)."""
    what = label if label is not None else (the_product(product),)
    if not_a_fault:
        return phrase(
            f"{KIND_NAMES[kind][0].upper()}{KIND_NAMES[kind][1:]} is for a product that's faulty, "
            "so I can't open one for ",
            what,
            " because you changed your mind.",
        )
    if _is_return(decision) and decision.buyer_returns:
        until_: Phrase = (
            () if decision.window.last_day is None else (" until ", When(decision.window.last_day))
        )
        return phrase(
            "As it was a gift, a refund for a reason that isn't a fault is for the person who "
            "bought it to ask for: they can return it",
            until_,
            ".",
        )
    if _is_return(decision) and decision.referral is Referral.SELLER:
        shop = store_name or "another shop"
        return phrase(
            "ZOSI can't refund ",
            what,
            f": it was bought from {shop}, so ask that shop about its own return policy.",
        )
    last_day = decision.window.last_day
    ended: Phrase = (" is over",) if last_day is None else (" ended on ", When(last_day))
    period = {
        "refund_return": f"The {RETURN_WINDOW_DAYS}-day refund period",
        "warranty_repair": "The warranty",
        "cross_ship": "The time for an advance replacement",
    }[kind]
    return phrase(f"{period} for ", what, ended, ".")


STEPS_ON_CARD = "I've sent the steps to your Alexa app."


def instead_costs(decision: ReturnDecision | WarrantyDecision | CrossShipDecision) -> str:
    """What the route still open costs the customer whatever happens, before its yes (W8).

    A repair costs what ZOSI doesn't cover if no fault is found; a refund or a replacement
    costs what ``costs_of`` says.
    """
    if _is_return(decision) or _is_cross_ship(decision):
        return costs_of(decision)
    return NO_FAULT_COSTS


def instead_offer(kind: str, last_day: date | None) -> Phrase:
    """The request the policy still allows, offered in place of the one it ruled out."""
    until_: Phrase = () if last_day is None else (" until ", When(last_day))
    still = (
        "You can still return it for a full refund"
        if kind == "refund_return"
        else "It's still under warranty"
    )
    return phrase(still, until_, f" though. Shall I open {KIND_NAMES[kind]} instead?")


ASSUMED_RUSSIA = " That's if you bought it in Russia."


def _bought_when(earliest: date, latest: date) -> Phrase:
    """When a purchase was made: on one day, or between the two ends of a span."""
    if earliest == latest:
        return ("on ", When(earliest))
    return ("between ", When(earliest), " and ", When(latest))


def confirm_date(
    product: str | None, earliest: date, latest: date, again: bool, other: date | None = None
) -> Phrase:
    """Check a purchase date read from something ambiguous: "Just to check: ... on 5 November?".

    With ``other``, the one other reading of the day said, the check names it too ("on 25
    October, not 25 November 2025?"): still one yes-or-no question, and a customer who
    meant the other can say its month.
    """
    check = CONFIRM_OTHER_READING if again else CONFIRM_PURCHASE_DATE
    rather: Phrase = () if other is None else (", not ", When(other))
    when = _bought_when(earliest, latest)
    return phrase(check.format(it=the_product(product)), when, rather, "?")


def date_noted(earliest: date, latest: date) -> Phrase:
    """A purchase date taken while another question was open: "Okay, bought on 5 November."."""
    return phrase(DATE_NOTED, _bought_when(earliest, latest), ".")


def for_remembered(product: str | None, bought_on: date) -> Phrase:
    """Introduces an answer about the purchase the customer asked the skill to remember."""
    return phrase(
        USING_REMEMBERED_PURCHASE.format(product=product or "product"), When(bought_on), ": "
    )


def refusal_advice(
    kind: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
) -> str:
    """After a repair or replacement whose time is over: support can still advise."""
    if decision.verdict is Verdict.NO and kind != "refund_return":
        return f" ZOSI support can still advise you at {SPOKEN_EMAIL}."
    return ""


def for_order(product: str, ordered_on: date, kind: str | None = None) -> Phrase:
    """Introduces an answer about one order of the linked account."""
    return phrase("For ", order_label(product, ordered_on, kind=kind), ": ")


NO_FAULT_COSTS = "If no fault is found, you pay the shipping back."

ORDERS_TITLES: Mapping[str, str] = {
    "refund": "Refunds on your orders",
    "warranty": "Warranty on your orders",
    "cross_ship": "Advance replacement on your orders",
}


CLAIM_STEPS_ON_CARD = "The steps are in your Alexa app."
REFUND_OR_REPAIR = (
    f"It's within the {RETURN_WINDOW_DAYS} days, so if you bought it from ZOSI, a full refund "
    "is possible; ZOSI can also repair or replace it under the warranty."
)


def claim_window(
    kind: str,
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    product: str | None,
    exact: bool = True,
    *,
    does: bool = True,
) -> Phrase:
    """Whether a request can be made, and until when, before its steps are read.

    ``does``: a repair also says what the warranty does for it (W2), unless its costs follow.
    """
    it = the_product(product)
    last_day = decision.window.last_day
    if decision.verdict is not Verdict.YES or last_day is None:
        cutoff = decision.window.cutoff
        on_or_after: Phrase = (
            () if cutoff is None else (" If it was on or after ", When(cutoff), ", it can.")
        )
        return phrase("That depends on the exact day you bought it.", on_or_after)
    what = {
        "refund_return": f"You can return {it} for a full refund ",
        "warranty_repair": f"{it[:1].upper()}{it[1:]} is under warranty ",
        "cross_ship": f"You can get an advance replacement for {it} ",
    }[kind]
    ending = ", so ZOSI repairs or replaces it." if kind == "warranty_repair" and does else "."
    return phrase(what, until(last_day, exact), ending)


def instead_steps(kind: str) -> str:
    """Introduces the steps of the request that is still open."""
    return {
        "warranty_repair": (
            "If it's faulty, though, it's still under warranty, so ZOSI can repair or replace it."
        ),
        "refund_return": "You can still return it for a refund.",
        "cross_ship": "An advance replacement is still possible.",
    }[kind]


# --- withdrawing consent (P6) -------------------------------------------------------------------

WITHDRAW_EXPLAINED = (
    "Withdrawing your consent means I delete everything I've stored about you and stop using "
    "it from now on."
)
WITHDRAW_EXPLAINED_LINKED = (
    "Withdrawing your consent means I unlink your ZOSI account, so I stop reading your orders, "
    "and I delete everything I've stored about you."
)
CONFIRM_WITHDRAW = "Do you want me to do that now?"
UNLINK_IN_APP = (
    "To remove the link from Alexa as well, open the Alexa app, go to this skill's settings, "
    "and choose Disable Skill or Unlink Account."
)


def withdrawn(*, revoked: bool, erased: bool, linked: bool) -> str:
    """Say what withdrawing consent did, honestly, and how to finish it in the Alexa app."""
    done = []
    if linked:
        done.append(
            "I've unlinked your ZOSI account" if revoked else "I won't read your ZOSI account again"
        )
    done.append(
        "deleted everything I had stored about you"
        if erased
        else "couldn't delete what I had stored just now, so please say 'delete my data' later"
    )
    if len(done) == 2:
        sentence = (
            f"Done. {done[0]}, and I've {done[1]}." if erased else f"{done[0]}, but I {done[1]}."
        )
    else:
        sentence = f"Done. I've {done[0]}." if erased else f"Sorry, I {done[0]}."
    return f"{sentence} {UNLINK_IN_APP}"


FOR_SAVED_REGION = "Using your saved region. "


def decision_answer(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    product: str | None,
    exact: bool = True,
    home_known: bool = True,
) -> Answer:
    """Speak whichever decision a purchase question led to."""
    if _is_return(decision):
        return return_answer(decision, product, exact)
    if _is_cross_ship(decision):
        return cross_ship_answer(decision, product, exact)
    return warranty_answer(_warranty(decision), product, exact, home_known)


UNKNOWN_TOPIC = (
    "Sorry, I don't know that part of ZOSI's policy. You can ask me about returns, the "
    "warranty, advance replacement, delivery, customs, or how I handle your data."
)


def fact_answer(explanation: Explanation) -> Answer:
    """One general policy fact, said first (the wording lives in ``speech.en_facts``)."""
    from speech.en_facts import fact_answer as render  # loaded only for a general question

    return render(explanation)


def screen() -> ScreenVoice:
    """The words on an Echo Show screen (``speech.en_screen``, loaded only for a screen)."""
    from speech import en_screen

    return en_screen
