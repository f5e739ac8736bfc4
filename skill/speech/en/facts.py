"""English answers to general policy questions: the fact first, then at most one condition.

A table holds the wording of facts that need no number; one function per other
:class:`policy.facts.Topic` words its :class:`~policy.facts.Explanation`;
every number comes from the explanation's fields, never from the text. :mod:`speech.en`
loads this module the first time a general fact is asked (``speech.en.fact_answer``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from policy.contact import SUPPORT_PHONE
from policy.facts import Explanation, Topic
from policy.model import Payer
from speech import Answer
from speech.en.common import (
    ABROAD_PAYS,
    QUALITY_PROBLEM_PAYS,
    SPOKEN_EMAIL,
    capitalised,
    support_card_line,
)
from speech.en.returns import CONDITION_RULES_OUT
from speech.en.support import REPORT_FIRST
from speech.ssml import Phrase, Telephone, first_sentence, phrase

T = TypeVar("T")

Wording = tuple[str, Phrase]
"""A card title and the spoken answer."""


def fact_answer(explanation: Explanation) -> Answer:
    """Say one policy fact (any rule of POLICY.md), with a card that repeats it.

    Raises:
        ValueError: If the explanation lacks a value its topic's wording needs.
    """
    topic = explanation.topic
    title, speech = _FIXED[topic] if topic in _FIXED else _WORDINGS[topic](explanation)
    return Answer(speech, title, phrase(speech, support_card_line()))


def _needed(value: T | None, topic: Topic) -> T:
    """A field the topic's wording cannot do without."""
    if value is None:
        raise ValueError(f"the explanation of {topic} lacks a value its wording needs")
    return value


def _range(explanation: Explanation) -> str:
    low, high = _needed(explanation.business_days, explanation.topic)
    return f"{low} to {high}"


def _days(explanation: Explanation) -> int:
    return _needed(explanation.days, explanation.topic)


def _months(explanation: Explanation) -> int:
    return _needed(explanation.months, explanation.topic)


_WHO_PAYS = {Payer.CUSTOMER: "you pay", Payer.ZOSI: "ZOSI pays"}


def _who_pays(explanation: Explanation) -> str:
    """``"you pay"`` or ``"ZOSI pays"``, as the explanation's payer says."""
    return _WHO_PAYS[_needed(explanation.payer, explanation.topic)]


def _abroad_pays(explanation: Explanation) -> str:
    """W6, W9: from abroad the customer pays the way back and the customs on it."""
    if _needed(explanation.payer, explanation.topic) is not Payer.CUSTOMER:
        raise ValueError("from abroad, the policy has the customer pay (W6)")
    return ABROAD_PAYS


# --- delivery (D1-D5) -------------------------------------------------------------------------


def _ships_from(explanation: Explanation) -> Wording:
    place = _needed(explanation.place, explanation.topic)
    return "Where orders ship from", phrase(
        f"Every order leaves from ZOSI's warehouse in {place}, and delivery in Russia is free."
    )


def _delivery_time(explanation: Explanation) -> Wording:
    return "Delivery time", phrase(
        f"Delivery takes {_range(explanation)} business days, depending on how far your region "
        "is from the warehouse. Weekends and Russian public holidays don't count."
    )


# --- returns (R1-R6) --------------------------------------------------------------------------


def _return_window(explanation: Explanation) -> Wording:
    return "Return window", phrase(
        f"You have {_days(explanation)} days from the day you bought it to return it for a full "
        "refund. That's for anything bought from ZOSI's website or its official stores."
    )


def _return_reason(explanation: Explanation) -> Wording:
    return "Returning without a reason", phrase(
        f"No reason is needed: within {_days(explanation)} days of buying it from ZOSI, you can "
        "send it back for a full refund whatever the reason. If it isn't faulty, though, "
        f"{_who_pays(explanation)} the return shipping."
    )


def _return_shipping(explanation: Explanation) -> Wording:
    if explanation.own_reason and explanation.payer is Payer.ZOSI:
        return "Return shipping", phrase(
            QUALITY_PROBLEM_PAYS, ", and under warranty you get a replacement or a full refund."
        )
    if explanation.own_reason:
        return "Return shipping", phrase(
            f"As it isn't a quality problem, {_who_pays(explanation)} the return shipping and "
            "any fees."
        )
    return "Return shipping", phrase(
        "If you're sending it back for a reason that isn't a quality problem, like a change of "
        f"mind, {_who_pays(explanation)} the shipping and any fees. If it's faulty or arrived "
        "damaged, ZOSI pays."
    )


def _return_condition(explanation: Explanation) -> Wording:
    """R3: the rule, or for a product whose condition rules a refund out, that it can't."""
    title = "Condition of a return"
    if explanation.condition is not None:
        # said after another answer, as a fact: no apology ("Sorry, ...") mid-turn
        return title, phrase(
            capitalised(CONDITION_RULES_OUT[explanation.condition].format(it="it"))
        )
    return title, phrase(
        "The product and its packaging need to come back undamaged, so keep the box in good shape."
    )


def _return_steps(explanation: Explanation) -> Wording:
    """R1, W4: how a refund return goes; who pays the postage for their reason (R4)."""
    if explanation.own_reason and explanation.payer is Payer.ZOSI:
        postage = "As it's a quality problem, ZOSI pays the postage."
    elif explanation.own_reason:
        postage = f"As it isn't a quality problem, {_who_pays(explanation)} the postage."
    else:
        postage = f"Unless it's faulty, {_who_pays(explanation)} the postage."
    return "Sending a return", phrase(
        f"To start a return, email ZOSI support at {SPOKEN_EMAIL}. Once it's approved, they "
        f"send a return address or label and an RMA code. {postage}"
    )


# --- warranty (W1-W9) -------------------------------------------------------------------------


def _purchase_date(explanation: Explanation) -> Wording:
    """R1, W1: what the purchase date is, and the two periods that count from it.

    So "why do you need the date?" hears what the date changes.
    """
    return "The purchase date", phrase(
        f"The {_days(explanation)}-day refund period and the {_months(explanation)}-month "
        "warranty both count from the purchase date: the day you placed the order, in your own "
        "time zone, not the day it arrived."
    )


def _warranty_length(explanation: Explanation) -> Wording:
    return "Warranty length", phrase(
        f"Every ZOSI product has a {_months(explanation)}-month warranty from the original "
        "purchase date: if it fails, ZOSI repairs or replaces it."
    )


def _gift_warranty(explanation: Explanation) -> Wording:
    return "Warranty on a gift", phrase(
        f"A gift has the same {_months(explanation)}-month warranty, counted from the day it "
        "was bought. Ask the person who gave it for a copy of the receipt: it shows that date."
    )


def _warranty_coverage(explanation: Explanation) -> Wording:
    return "What the warranty covers", phrase(
        f"If a ZOSI product fails within {_months(explanation)} months of purchase, ZOSI "
        "repairs or replaces it. Start by telling ZOSI support about the fault."
    )


def _warranty_shipping(explanation: Explanation) -> Wording:
    return "Shipping a faulty product", phrase(
        "When a faulty product under warranty is sent back within the country you bought it "
        f"in, {_who_pays(explanation)} the return shipping, and you get a replacement or a "
        "full refund."
    )


def _warranty_abroad(explanation: Explanation) -> Wording:
    return "Warranty returns from abroad", phrase(
        "If you send it from outside the country you bought it in, "
        f"{_abroad_pays(explanation)}. A product found faulty under warranty is still refunded "
        "or replaced."
    )


def _international_orders(explanation: Explanation) -> Wording:
    return "Orders shipped from abroad", phrase(
        "If ZOSI shipped your order to you from another country, such as China or the US, and "
        f"it's found faulty under warranty, you get a full refund, and {_who_pays(explanation)} "
        "the return shipping."
    )


def _not_defective(explanation: Explanation) -> Wording:
    return "When no fault is found", phrase(
        "If ZOSI tests the product and finds no fault, or the problem isn't covered by the "
        f"warranty, {_who_pays(explanation)} the shipping to get it back from ZOSI's warehouse."
    )


# --- advance replacement (X1-X4) --------------------------------------------------------------


def _cross_shipping(explanation: Explanation) -> Wording:
    return "Advance replacement", phrase(
        "With an advance replacement, ZOSI ships the new product within "
        f"{_range(explanation)} business days, before you return the faulty one, which you "
        f"then send back within {_days(explanation)} days. It's for products bought in the last "
        f"{_months(explanation)} months."
    )


def _cross_ship_return(explanation: Explanation) -> Wording:
    return "Sending the faulty product back", phrase(
        f"You send the faulty product back within {_days(explanation)} days of ZOSI approving "
        "the advance replacement. If it doesn't arrive in time, ZOSI charges the hold on your "
        "card."
    )


def _cross_ship_hold(explanation: Explanation) -> Wording:
    return "The credit card hold", phrase(
        f"ZOSI puts a {_days(explanation)}-day hold on your credit card for the replacement's "
        "price; it's charged only if your faulty product arrives late or the fault isn't covered."
    )


def _cross_ship_dispatch(explanation: Explanation) -> Wording:
    return "When the replacement ships", phrase(
        f"ZOSI ships the replacement within {_range(explanation)} business days of approving "
        "the advance replacement."
    )


# --- contact (C1) -----------------------------------------------------------------------------


# --- privacy (P1-P9) --------------------------------------------------------------------------


def _minors(explanation: Explanation) -> Wording:
    age = _needed(explanation.age, explanation.topic)
    return "Children and the skill", phrase(
        f"Anyone under {age} needs a parent's or guardian's consent first. Anything collected "
        "from a child without it is deleted as soon as possible."
    )


def _data_retention(explanation: Explanation) -> Wording:
    years = _needed(explanation.years, explanation.topic)
    limit = f"ZOSI keeps personal data only as long as it's needed, and at most {years} years."
    if explanation.days is None:
        return "How long data is kept", phrase(f"{limit} After that it's deleted or anonymised.")
    return "How long data is kept", phrase(
        f"I keep what you've asked me to remember for {explanation.days} days after you last "
        f"use it, then it's deleted. {limit}"
    )


#: Facts whose wording needs no value from the explanation: a card title and the speech.
_FIXED: dict[Topic, Wording] = {
    Topic.WHERE_TO_BUY: (
        "Where to buy",
        phrase(
            "ZOSI sells its products through its official store on AliExpress. Buying there counts "
            "as buying directly from ZOSI."
        ),
    ),
    Topic.DELIVERY_COST: ("Delivery cost", phrase("Delivery is free, wherever you are in Russia.")),
    Topic.TRACKING: (
        "Tracking a parcel",
        phrase(
            "Each parcel gets a tracking code once you've bought it, and you can follow it in the "
            "AliExpress app too."
        ),
    ),
    Topic.RETURN_ELIGIBILITY: (
        "Which purchases can be refunded",
        phrase(
            "ZOSI refunds products bought straight from ZOSI: on its website or in its own online "
            "stores, and the official ZOSI store on AliExpress counts. Anything bought from "
            "another seller goes back under that seller's own rules."
        ),
    ),
    Topic.THIRD_PARTY: (
        "Bought from another shop",
        phrase(
            "If another shop or reseller sold it to you, that shop handles the return and refund, "
            "under its own policy. ZOSI's official AliExpress store isn't another shop: it counts "
            "as ZOSI."
        ),
    ),
    Topic.GIFT: (
        "Products received as a gift",
        phrase(
            "For a gift, ask the person who gave it to you for a copy of the receipt, or to make "
            "the return for you. From ZOSI, a quality problem still gets a full refund or a "
            "replacement."
        ),
    ),
    Topic.WARRANTY_CLAIM: (
        "Starting a warranty claim",
        phrase(
            f"The first step is to email ZOSI support at {SPOKEN_EMAIL} and describe the fault, "
            "before you ask for a replacement."
        ),
    ),
    Topic.CLAIM_AFTER_REPORT: (
        "After you report the fault",
        phrase(
            f"First you email ZOSI support at {SPOKEN_EMAIL}. Once they approve the claim, they "
            "send a return label or address and an RMA code. Ship it with tracking and email "
            "ZOSI the shipping receipt."
        ),
    ),
    Topic.RMA_PROCESS: (
        "After a claim is approved",
        phrase(
            "Once support approves your claim, ZOSI's returns team sends a return label or address "
            "and an RMA code. Ship it with tracking and email ZOSI the shipping receipt. Rather "
            "not pay the postage? Say so first, and ZOSI refunds it."
        ),
    ),
    Topic.CUSTOMS: (
        "Customs and duties",
        phrase(
            "ZOSI doesn't pay customs clearance, duties, taxes or carrier fees: those are always "
            "yours to pay."
        ),
    ),
    Topic.CROSS_SHIP_COST: (
        "Advance replacement shipping",
        phrase(
            "Ground shipping for an advance replacement is free within the country you bought "
            "the product in. Anywhere else, extra shipping and other fees apply."
        ),
    ),
    Topic.CONTACT: (
        "Contacting ZOSI support",
        phrase(
            f"You can reach ZOSI support by email at {SPOKEN_EMAIL}, or by phone on ",
            Telephone(SUPPORT_PHONE),
            ", which is a number in China.",
        ),
    ),
    Topic.DATA_USE: (
        "How your data is used",
        phrase(
            "I use only the data I need to answer you, for the purpose you gave it, and only with "
            "your agreement. Nothing is remembered unless you say yes."
        ),
    ),
    Topic.DATA_SHARING: (
        "Sharing your data",
        phrase(
            "Your data isn't shared with anyone else without your permission, unless the law "
            "requires it."
        ),
    ),
    Topic.ACCOUNT_LINKING: (
        "Linking your ZOSI account",
        phrase(
            "To hear about your own orders, link your ZOSI account in the Alexa app, in this "
            "skill's settings. I read your orders fresh for each question, and never store your "
            "login."
        ),
    ),
    Topic.DATA_SECURITY: (
        "Keeping your data safe",
        phrase(
            "Your data travels encrypted, is stored encrypted and kept apart from other data, and "
            "can only be reached for what you've allowed."
        ),
    ),
    Topic.DATA_ACCESS: (
        "Seeing your data",
        phrase(
            "You can find out what I hold about you at any time: just say, 'what do you know "
            "about me'."
        ),
    ),
    Topic.DATA_DELETION: (
        "Deleting your data",
        phrase(
            "Say 'delete my data', and I erase everything I've stored about you. Disabling the "
            "skill or unlinking your account does the same. Backups are deleted as they roll "
            "over."
        ),
    ),
    Topic.DATA_BACKUPS: (
        "Backups of your data",
        phrase(
            "Backups are deleted too, as they roll over. Saying 'delete my data' erases "
            "everything I've stored about you straight away."
        ),
    ),
    Topic.WITHDRAW_CONSENT: (
        "Withdrawing consent",
        phrase(
            "You can withdraw your consent at any time: say 'I withdraw my consent', and I unlink "
            "your ZOSI account, delete what I've stored and use nothing further. Disabling the "
            "skill in the Alexa app does the same."
        ),
    ),
    Topic.POLICY_CHANGES: (
        "Changes to the privacy policy",
        phrase(
            "When ZOSI makes a major change to this skill's privacy policy, I tell you once, the "
            "next time you open the skill."
        ),
    ),
}


def facts_answer(explanations: Sequence[Explanation]) -> Answer:
    """Say the facts one question asked: one as :func:`fact_answer` does, two in one breath.

    Two facts asked at once ("is my data encrypted, and do you share it?") get one short
    sentence each, in the order asked; the card carries both in full.

    Raises:
        ValueError: If a fact lacks a value its wording needs.
    """
    if len(explanations) == 1:
        return fact_answer(explanations[0])
    said = [short_fact(explanation) for explanation in explanations]
    full = [fact_answer(explanation) for explanation in explanations]
    speech = phrase(*(phrase(" " if n else "", sentence) for n, sentence in enumerate(said)))
    title = " and ".join(answer.card_title for answer in full)
    body = phrase(*(phrase(answer.speech, "\n") for answer in full), support_card_line())
    return Answer(speech, title, body)


def short_fact(explanation: Explanation) -> Phrase:
    """One fact in one sentence: its own short wording, else the first sentence of its answer.

    Said after the answer to another question asked in the same breath ("and do I pay
    customs?"), so the turn stays one breath; the card carries the fact in full.
    """
    if explanation.topic in _SHORT:
        return (_SHORT[explanation.topic](explanation),)
    if explanation.topic is Topic.RETURN_SHIPPING and not explanation.own_reason:
        return (_EITHER_REASON_SHIPPING,)
    if explanation.topic is Topic.RETURN_SHIPPING and explanation.payer is Payer.ZOSI:
        return (f"{QUALITY_PROBLEM_PAYS}.",)
    return first_sentence(fact_answer(explanation).speech)


#: R4 in one sentence, for a customer whose reason is not known: who pays, each way.
_EITHER_REASON_SHIPPING = "Unless it's faulty or arrived damaged, you pay the return shipping."


def _short_retention(explanation: Explanation) -> str:
    years = _needed(explanation.years, explanation.topic)
    if explanation.days is None:
        return f"ZOSI keeps personal data only as long as it's needed, and at most {years} years."
    return (
        f"I keep what you ask me to remember {explanation.days} days after you last use it, and "
        f"ZOSI keeps personal data at most {years} years."
    )


def _short_minors(explanation: Explanation) -> str:
    age = _needed(explanation.age, explanation.topic)
    return f"Anyone under {age} needs a parent's or guardian's consent first."


def _fixed(sentence: str) -> Callable[[Explanation], str]:
    return lambda _explanation: sentence


#: One short sentence for a fact asked with another: every privacy fact (P1-P9), and the facts
#: whose answer's first sentence says more than the one thing asked.
_SHORT: dict[Topic, Callable[[Explanation], str]] = {
    Topic.CUSTOMS: _fixed("Customs and taxes are always yours to pay."),
    Topic.WARRANTY_LENGTH: lambda explanation: (
        f"The warranty lasts {_months(explanation)} months from the purchase date."
    ),
    Topic.SHIPS_FROM: lambda explanation: (
        f"Every order ships from ZOSI's warehouse in {_needed(explanation.place, Topic.SHIPS_FROM)}"
        "."
    ),
    Topic.WHERE_TO_BUY: _fixed("ZOSI sells through its official store on AliExpress."),
    Topic.WARRANTY_CLAIM: _fixed(REPORT_FIRST),
    Topic.GIFT_WARRANTY: _fixed(
        "Ask whoever gave it for the receipt: the warranty counts from the day it was bought."
    ),
    Topic.DELIVERY_TIME: lambda explanation: (
        f"Delivery in Russia is free and takes {_range(explanation)} business days."
    ),
    Topic.TRACKING: _fixed("Every parcel has a tracking code, also in the AliExpress app."),
    Topic.WARRANTY_ABROAD: lambda explanation: (
        f"From outside the country you bought it in, {_abroad_pays(explanation)}."
    ),
    Topic.WARRANTY_SHIPPING: _fixed(
        "Within the country you bought it in, ZOSI pays the return shipping for a faulty product."
    ),
    Topic.INTERNATIONAL_ORDERS: _fixed(
        "If ZOSI shipped it to you from another country, ZOSI pays the return shipping for a "
        "faulty one."
    ),
    Topic.CROSS_SHIPPING: lambda explanation: (
        f"With an advance replacement, ZOSI ships the new one within {_range(explanation)} "
        "business days, before you send the faulty one back."
    ),
    Topic.CROSS_SHIP_RETURN: lambda explanation: (
        f"You send the faulty one back within {_days(explanation)} days; if it's late, ZOSI "
        "charges the hold on your card."
    ),
    Topic.NOT_DEFECTIVE: _fixed("If ZOSI finds no fault, you pay the shipping to get it back."),
    Topic.CROSS_SHIP_HOLD: lambda explanation: (
        f"ZOSI puts a {_days(explanation)}-day hold on your credit card for the replacement's "
        "price."
    ),
    Topic.DATA_USE: _fixed("I use only the data I need, and only with your agreement."),
    Topic.DATA_SHARING: _fixed(
        "Your data isn't shared with anyone without your permission, unless the law requires it."
    ),
    Topic.ACCOUNT_LINKING: _fixed(
        "To hear about your orders, link your ZOSI account in the Alexa app."
    ),
    Topic.DATA_SECURITY: _fixed("Your data is encrypted, in transit and in storage."),
    Topic.DATA_ACCESS: _fixed("Say 'what do you know about me' to hear what I hold."),
    Topic.DATA_DELETION: _fixed("Say 'delete my data', and I erase everything I've stored."),
    Topic.DATA_BACKUPS: _fixed("Backups are deleted too, as they roll over."),
    Topic.WITHDRAW_CONSENT: _fixed(
        "Say 'I withdraw my consent', and I stop using your data and delete it."
    ),
    Topic.MINORS: _short_minors,
    Topic.POLICY_CHANGES: _fixed(
        "I tell you about a major privacy policy change once, the next time you open the skill."
    ),
    Topic.DATA_RETENTION: _short_retention,
}


_WORDINGS: dict[Topic, Callable[[Explanation], Wording]] = {
    Topic.SHIPS_FROM: _ships_from,
    Topic.DELIVERY_TIME: _delivery_time,
    Topic.RETURN_WINDOW: _return_window,
    Topic.PURCHASE_DATE: _purchase_date,
    Topic.RETURN_REASON: _return_reason,
    Topic.RETURN_SHIPPING: _return_shipping,
    Topic.RETURN_CONDITION: _return_condition,
    Topic.RETURN_STEPS: _return_steps,
    Topic.WARRANTY_LENGTH: _warranty_length,
    Topic.GIFT_WARRANTY: _gift_warranty,
    Topic.WARRANTY_COVERAGE: _warranty_coverage,
    Topic.WARRANTY_SHIPPING: _warranty_shipping,
    Topic.WARRANTY_ABROAD: _warranty_abroad,
    Topic.INTERNATIONAL_ORDERS: _international_orders,
    Topic.NOT_DEFECTIVE: _not_defective,
    Topic.CROSS_SHIPPING: _cross_shipping,
    Topic.CROSS_SHIP_RETURN: _cross_ship_return,
    Topic.CROSS_SHIP_HOLD: _cross_ship_hold,
    Topic.CROSS_SHIP_DISPATCH: _cross_ship_dispatch,
    Topic.MINORS: _minors,
    Topic.DATA_RETENTION: _data_retention,
}
