"""English for the steps of a purchase conversation (:mod:`conversation.steps`).

The general rule for a question that names no purchase (R1, W1, X1-X4), the question
for each missing fact, what a request costs before its yes (R4, W5-W9, X1-X3), why
one can't be opened, and the dispatch from any decision to its family's answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, TypeGuard, cast

from policy.model import Payer, Referral, Verdict
from policy.terms import (
    CROSS_SHIP_DISPATCH_BUSINESS_DAYS,
    CROSS_SHIP_HOLD_DAYS,
    CROSS_SHIP_MAX_MONTHS,
    CROSS_SHIP_RETURN_DAYS,
    RETURN_WINDOW_DAYS,
)
from speech import Answer
from speech.en.account import (
    ASK_REASON,
    ASK_WHICH_ORDER_DAY,
    ASK_WHICH_PRODUCT,
    CLAIM_NOT_OPENED,
    KIND_NAMES,
    confirm_claim,
    order_label,
)
from speech.en.common import (
    ABROAD_PAYS,
    SPOKEN_EMAIL,
    _facts,
    _giver_note,
    _range_speech,
    _warranty_length,
    capitalised,
    support_card_line,
    the_product,
    title_product,
    until,
)
from speech.en.crossship import cross_ship_answer
from speech.en.dialog import (
    ASK_CLAIM_TYPE,
    ASK_PURCHASE_DATE,
    ASK_STORE,
    ASK_STORE_BRIEF,
    CONFIRM_OTHER_READING,
    CONFIRM_PURCHASE_DATE,
    DATE_NOTED,
    NOT_SAVING,
    OKAY,
    REPROMPT_PURCHASE_DATE,
    USING_REMEMBERED_PURCHASE,
)
from speech.en.privacy import NOTHING_DELETED
from speech.en.returns import _return_shipping, fault_remedy, return_answer
from speech.en.support import REPORT_FIRST, claim_steps_answer, first_step
from speech.en.warranty import DAMAGE_FOR_SUPPORT, _warranty_shipping, warranty_answer
from speech.ssml import Phrase, When, phrase

if TYPE_CHECKING:
    from policy.crossship import CrossShipDecision
    from policy.returns import FaultRefund, ReturnDecision
    from policy.warranty import WarrantyDecision


def _is_return(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
) -> TypeGuard[ReturnDecision]:
    """Whether a decision is about a refund (told by its fields: no rule module is loaded)."""
    return hasattr(decision, "direct_purchase")


def _fault_refund_of(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision | None,
) -> FaultRefund | None:
    """W5's remedy a refused refund says itself, if any.

    A fault said past the 30 days is still refunded or replaced under the warranty: the
    refusal says so, and the warranty's route is not said again after it.
    """
    if decision is None or not _is_return(decision):
        return None
    return decision.fault_refund


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


GENERAL_RULE = {
    "refund": (
        f"A full refund is possible within {RETURN_WINDOW_DAYS} days of purchase, for products "
        "bought from ZOSI or its official AliExpress store."
    ),
    "refund_direct": (
        f"Bought from ZOSI, you can return it for a full refund within {RETURN_WINDOW_DAYS} days "
        "of purchase."
    ),
    "warranty": (
        "Every ZOSI product has a {years} warranty from the purchase date: if it fails, ZOSI "
        "repairs or replaces it."
    ),
    "cross_ship": (
        "Within {months} months, ZOSI ships a replacement in {dispatch} business days against "
        "a {hold}-day card hold; you send the faulty one back within {back} days."
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
_GAVE_UP_AFTER_RULE = f"ZOSI support can check yours at {SPOKEN_EMAIL}."


def gave_up_after_rule(
    goal: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
) -> Phrase:
    """The rule, then who can check a purchase the customer could not date (C1).

    A claim's rule already says to email support (W3): the address is not said twice.
    """
    general = general_answer(goal, decision, closing=True)
    said = any(isinstance(piece, str) and SPOKEN_EMAIL in piece for piece in general)
    return phrase(general, " ", "ZOSI support can check yours." if said else _GAVE_UP_AFTER_RULE)


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


#: R3 decision: opening the box and trying the product does not stop a refund.
REFUND_IF_UNDAMAGED = "The refund holds if it and its box come back undamaged."
OPENED_IS_FINE = "Yes, you can still return it opened, as long as it and its box are undamaged."


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
    goal: str,
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    *,
    closing: bool = False,
) -> Phrase:
    """The rule first, for a question that named no purchase; a claim's steps with its rule.

    ``closing``: said before who can check instead (no question follows), the answer
    keeps to the rule and what it means for them, with no second route.
    """
    if goal != "claim":
        rule = goal
        if _is_return(decision) and decision.direct_purchase and decision.referral is None:
            rule = "refund_direct"  # R2: the shop said is ZOSI's, so only the date is left
        # R3 decision: "can I still return it, I've opened it" hears that first
        opened = (OPENED_IS_FINE, " ") if _is_return(decision) and decision.opened_allowed else ()
        return phrase(opened, general_rule(rule), _general_note(decision, route=not closing))
    kind, rule = _claim_of(decision)
    if kind == "cross_ship":  # its rule is long: the steps wait on the card
        # closing, who can check comes next and the card is not announced: one breath
        return phrase(general_rule(rule), () if closing else (" ", CLAIM_STEPS_ON_CARD))
    # W3: what to do first is what "what do I do" asks; the card has every step. The first
    # is the claim's, as the card lists them (a return starts with support's authorisation,
    # W4), never the decision's own first condition ("keep the product undamaged", R3) said
    # to a product that arrived broken.
    from policy.claims import ClaimKind, claim_steps

    steps = claim_steps(ClaimKind(kind), decision.steps)
    return phrase(general_rule(rule), " ", first_step(steps) or CLAIM_STEPS_ON_CARD)


def _claim_of(decision: ReturnDecision | WarrantyDecision | CrossShipDecision) -> tuple[str, str]:
    """The request a decision governs, and the general rule it rests on."""
    if _is_return(decision):
        return "refund_return", "refund"
    if _is_cross_ship(decision):
        return "cross_ship", "cross_ship"
    return "warranty_repair", "warranty"


def _general_note(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision, *, route: bool = True
) -> Phrase:
    """What the general rule means for what the customer said (a gift, a shop, abroad).

    ``route``: a fault also hears the warranty's route (W2), when there is room for it.
    """
    if _is_return(decision):
        if decision.referral is Referral.SELLER:
            return (
                " Bought from another shop, though, the refund goes through that shop's own "
                "return policy.",
            )
        if route and decision.return_shipping is Payer.ZOSI and decision.referral is None:
            # W2: a fault has the warranty's route too, for as long as the warranty runs
            return (
                " ",
                _return_shipping(decision.return_shipping),
                " ZOSI can also repair or replace it under warranty.",
            )
        if decision.return_shipping is not None:
            return (" ", _return_shipping(decision.return_shipping), _giver_note(decision.referral))
        return (_giver_note(decision.referral),)
    if _is_cross_ship(decision):
        return () if decision.free_shipping else (" From abroad, extra fees apply.",)
    warranty = _warranty(decision)
    # Who pays the way back is said when it is not ZOSI (from abroad, W6); asked, it is a fact.
    note = f" From abroad, {ABROAD_PAYS}." if warranty.return_shipping is Payer.CUSTOMER else ""
    # W8: "is water damage covered by the warranty" is support's call, never a yes
    damage = DAMAGE_IS_SUPPORTS_CALL if warranty.damage_said else ""
    # W3: a fault said ("I'm going to post the broken NVR back to you") hears what to do
    # first, before the date is asked: nothing goes back before support has heard of it
    first = f" {first_step(warranty.steps)}" if route and warranty.fault_said and not note else ""
    return phrase(note, damage, first, _giver_note(warranty.referral))


#: W8, said with the general warranty rule: whether damage the customer caused is covered.
DAMAGE_IS_SUPPORTS_CALL = " Whether it covers damage you caused is ZOSI support's call."


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


def brief_question(fact: str, product: str | None) -> Phrase:
    """The question for a fact without its choices, when the answer before it is long.

    Only a question whose first asking lists choices has one; the reprompt lists them.
    """
    if fact != "channel":
        return ()
    return (ASK_STORE_BRIEF.format(it=the_product(product)),)


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

    The decision already said who pays the shipping. What the customer pays if no fault
    is found (W8) and the fees ZOSI never pays (W9) are on the card: spoken between "ZOSI
    covers the return shipping" and the question, they answered "who pays" with two payers.
    """
    return f"Shall I open {KIND_NAMES[kind]} request for it?"


def _refund_refused(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    what: Phrase,
    product: str | None,
    store_name: str | None,
    exact: bool,
) -> Phrase | None:
    """Why a refund can't be had whatever its date, if that is so.

    A gift's change of mind (R6), another shop (R5), or what the customer said of the
    product and its box (R3).
    """
    if not _is_return(decision):
        return None
    if decision.buyer_returns:
        until_: Phrase = (
            () if decision.window.last_day is None else (" until ", When(decision.window.last_day))
        )
        return phrase(
            "As it was a gift, a refund for a reason that isn't a fault is for the person who "
            "bought it to ask for: they can return it",
            until_,
            ".",
        )
    if decision.referral is Referral.SELLER:
        shop = store_name or "another shop"
        return phrase(
            "ZOSI can't refund ",
            what,
            f": it was bought from {shop}, so ask that shop about its own return policy.",
        )
    if decision.blocked_by is not None:
        # never "it's too late" for a camera bought five days ago with its box thrown away
        return return_answer(decision, product, exact).speech
    return None


def refused(
    kind: str,
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    product: str | None,
    label: Phrase | None,
    store_name: str | None,
    *,
    not_a_fault: bool = False,
    exact: bool = True,
) -> Phrase:
    """Why a request can't be opened, in the customer's terms (R1, R3, R5, W1, W2, X1, X2).

    ``exact``: the purchase day is known to the day; else a last day is "at least".
    """
    what = label if label is not None else (the_product(product),)
    if not_a_fault:
        return phrase(
            f"{KIND_NAMES[kind][0].upper()}{KIND_NAMES[kind][1:]} is for a product that's faulty, "
            "so I can't open one for ",
            what,
            " because you changed your mind.",
        )
    why = _refund_refused(decision, what, product, store_name, exact)
    if why is not None:
        return why
    remedy = _fault_refund_of(decision)
    if kind == "refund_return" and remedy is not None:
        # W5: past the 30 days, a fault said still gets a refund or a replacement
        return fault_remedy(remedy, exact)
    last_day = decision.window.last_day
    ended: Phrase = (" is over",) if last_day is None else (" ended on ", When(last_day))
    if kind == "refund_return":
        # the answer first: no refund now, then why (R1)
        return phrase(
            "Sorry, it's too late for a refund on ",
            what,
            f": the {RETURN_WINDOW_DAYS} days",
            (" are over",) if last_day is None else (" ended on ", When(last_day)),
            ".",
        )
    period = {
        "warranty_repair": "The warranty",
        "cross_ship": "The time for an advance replacement",
    }[kind]
    return phrase(f"{period} for ", what, ended, ".")


STEPS_ON_CARD = "I've sent the steps to your Alexa app."


def instead_offer(
    kind: str,
    last_day: date | None,
    refused: ReturnDecision | WarrantyDecision | CrossShipDecision | None = None,
) -> Phrase:
    """The request the policy still allows, offered in place of the one it ruled out.

    When the refusal said already what the warranty does for their fault (W5), only the
    offer is left to say.
    """
    if _fault_refund_of(refused) is not None:
        return (f"Shall I open {KIND_NAMES[kind]} for it?",)
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


#: Weekday names, Monday first as ``date.weekday()`` counts.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def confirm_date(
    product: str | None,
    earliest: date,
    latest: date,
    again: bool,
    other: date | None = None,
    *,
    today: date | None = None,
) -> Phrase:
    """Check a purchase date read from something ambiguous: "Just to check: ... on 5 November?".

    With ``other``, the one other reading of the day said, the check names it too ("on 25
    October, not 25 November 2025?"): still one yes-or-no question, and a customer who
    meant the other can say its month. Without one, a day in the week before ``today`` is
    named with its weekday ("on Tuesday, 1 December?"), as a customer who said "Tuesday"
    knows it.
    """
    check = CONFIRM_OTHER_READING if again else CONFIRM_PURCHASE_DATE
    rather: Phrase = () if other is None else (", not ", When(other))
    when = _bought_when(earliest, latest)
    recent = today is not None and 0 < (today - earliest).days < len(DAY_NAMES)
    if recent and earliest == latest and other is None:
        when = ("on ", DAY_NAMES[earliest.weekday()], ", ", When(earliest))
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


def refund_or_repair(direct: bool, zosi_pays: bool) -> str:
    """A fault inside the 30 days: both routes are open, said before asking which (R1, W2).

    ``direct``: bought from ZOSI, so the refund needs no "if" (R2); ``zosi_pays``: ZOSI
    pays the way back on either route (R4 decision, W5).
    """
    shop = "" if direct else "if you bought it from ZOSI, "
    paid = f" {_return_shipping(Payer.ZOSI)}" if zosi_pays else ""
    return (
        f"It's within the {RETURN_WINDOW_DAYS} days, so {shop}you can get a full refund; "
        f"ZOSI can also repair or replace it under the warranty.{paid}"
    )


REFUND_OR_REPAIR_GIFT = "As it was a gift, ask the person who gave it for the receipt. " + (
    refund_or_repair(direct=True, zosi_pays=False)
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
        "warranty_repair": f"{capitalised(it)} is under warranty ",
        "cross_ship": f"You can get an advance replacement for {it} ",
    }[kind]
    ending = ", so ZOSI repairs or replaces it." if kind == "warranty_repair" and does else "."
    if kind == "warranty_repair" and does and _warranty(decision).return_shipping is Payer.CUSTOMER:
        # W6: from abroad the way back is theirs, the one cost they would not expect
        ending = "; from abroad, you pay the international shipping."
    if kind == "warranty_repair" and _warranty(decision).damage_said:
        ending = f".{DAMAGE_FOR_SUPPORT}"  # W8: no repair promised for damage they caused
    return phrase(what, until(last_day, exact), ending)


def instead_steps(
    kind: str, refused: ReturnDecision | WarrantyDecision | CrossShipDecision | None = None
) -> str:
    """Introduces the steps of the request that is still open, unless the refusal said it."""
    if _fault_refund_of(refused) is not None:
        return ""
    return {
        "warranty_repair": (
            "If it's faulty, though, it's still under warranty, so ZOSI can repair or replace it."
        ),
        "refund_return": "You can still return it for a refund.",
        "cross_ship": "An advance replacement is still possible.",
    }[kind]


def decision_answer(
    decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    product: str | None,
    exact: bool = True,
    home_known: bool = True,
    *,
    route: bool = True,
) -> Answer:
    """Speak whichever decision a purchase question led to (``route``: see warranty_answer)."""
    if _is_return(decision):
        return return_answer(decision, product, exact)
    if _is_cross_ship(decision):
        return cross_ship_answer(decision, product, exact)
    return warranty_answer(_warranty(decision), product, exact, home_known, route=route)


def claim_start(decision: ReturnDecision | WarrantyDecision | CrossShipDecision) -> str:
    """How a warranty claim starts (W3: support first), after a yes for a fault the customer told.

    Empty for any other decision, and for damage they caused (support decides whether the
    warranty covers it, W8, and the answer already says to ask).
    """
    if _is_return(decision) or _is_cross_ship(decision):
        return ""
    warranty = _warranty(decision)
    if warranty.verdict is not Verdict.YES or not warranty.fault_said or warranty.damage_said:
        return ""
    if warranty.referral is Referral.GIVER:
        return ""  # the giver's receipt comes first, and the answer says so (R6)
    return f" {REPORT_FIRST}"


def standing_answer(
    refund: ReturnDecision, warranty: WarrantyDecision, product: str | None, exact: bool
) -> Answer:
    """What a purchase's date still allows, said with no goal asked (R1, W1): both remedies.

    A refund is promised only once the shop is known to be ZOSI's (R2, R5): until then it
    is said as a condition, and the question after it asks what the customer wants.
    """
    it = the_product(product)
    refund_until, warranty_until = refund.window.last_day, warranty.window.last_day
    title = f"Refund and warranty for {title_product(product)}"
    if refund_until is None or warranty_until is None:
        return Answer(phrase(OKAY), title, ())
    lead = "You can" if refund.direct_purchase else "If you bought it from ZOSI, you can"
    speech = phrase(
        f"{lead} still return {it} for a full refund ",
        until(refund_until, exact),
        ", and the warranty runs ",
        until(warranty_until, exact),
        ".",
    )
    card = _facts(
        ("Refund possible until: ", When(refund_until)),
        ("Under warranty until: ", When(warranty_until)),
        (f"Return shipping: {_return_shipping(refund.return_shipping)}",),
    )
    return Answer(speech, title, phrase(card, support_card_line()))
