"""English answers about a refund return (POLICY R1-R6): the verdict first, one more fact at most.

Who pays the way back (R4) is worded here once; the purchase conversation
(:mod:`speech.en.steps`) says it with the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from policy.model import Payer, Referral, Verdict
from policy.terms import RETURN_WINDOW_DAYS
from speech import Answer
from speech.en.common import (
    ABROAD_PAYS,
    QUALITY_PROBLEM_PAYS,
    _depends,
    _facts,
    _giver_note,
    _warranty_length,
    days_left,
    steps_text,
    support_card_line,
    the_product,
    title_product,
    until,
)
from speech.ssml import Phrase, When, phrase

if TYPE_CHECKING:
    from policy.model import Window
    from policy.returns import FaultRefund, ReturnDecision


def return_answer(decision: ReturnDecision, product: str | None, exact: bool = True) -> Answer:
    """Speak a refund-return decision (R1-R6): the verdict first, one more fact at most."""
    it = the_product(product)
    window = decision.window
    if decision.blocked_by is not None:
        speech = phrase(
            "Sorry, ",
            CONDITION_RULES_OUT[decision.blocked_by.value].format(it=it),
            _fault_route(decision.warranty, exact, damaged=decision.blocked_by.value == DAMAGED),
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
    elif (
        decision.referral is Referral.GIVER
        and decision.return_shipping is None
        and decision.verdict is Verdict.YES
        and window.last_day is not None
    ):
        # R6 with no reason said: the giver comes first; ZOSI's own refund is for a fault.
        speech = phrase(
            "As it was a gift, ask the person who gave it for the receipt, or to return it for "
            "you. If it's faulty, ZOSI still refunds it in full ",
            until(window.last_day, exact),
            ".",
        )
        card = _facts(
            ("Gift: ask the person who gave it for the receipt, or to return it for you.",),
            ("Refund for a fault possible until: ", When(window.last_day)),
        )
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
    elif decision.fault_refund is not None:
        speech, card = _fault_refund(decision.fault_refund, exact, _giver_note(decision.referral))
    elif decision.verdict is Verdict.NO and window.last_day is not None:
        speech = phrase(
            f"Sorry, the {RETURN_WINDOW_DAYS}-day refund period for {it} ended on ",
            When(window.last_day),
            ".",
            _fault_route(decision.warranty, exact),
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


def _fault_refund(fault: FaultRefund, exact: bool, gift: str = "") -> tuple[Phrase, Phrase]:
    """W5-W7: past the 30 days, a fault under warranty is still refunded or replaced.

    Both remedies are said, since which one is ZOSI support's finding; then who pays the
    way there, the customer abroad (W6) included, or for a gift (``gift``, its note) the
    receipt to ask the giver for first (R6): without it, support cannot start. Both are on
    the card.
    """
    shipping = _WARRANTY_SHIPPING[fault.return_shipping]
    speech = phrase(fault_remedy(fault, exact, lead="Yes: it's"), gift or f" {shipping}")
    card = _facts(
        ("Refund or replacement for a fault, under warranty until: ", When(fault.until)),
        (shipping,),
        *(((gift.strip(),),) if gift else ()),
    )
    return speech, card


def fault_remedy(fault: FaultRefund, exact: bool = True, *, lead: str = "It's") -> Phrase:
    """W5: what a fault said past the 30 days still gets: a full refund or a replacement.

    That it is under warranty comes first, as the fact the rest hangs on.
    """
    return phrase(
        f"{lead} under the {_warranty_length()} warranty ",
        until(fault.until, exact),
        ", and as it's faulty, you can get a full refund or a replacement once ZOSI support "
        "confirms the fault.",
    )


#: Who pays to send a faulty product under warranty to ZOSI (W5, W7; W6 from abroad).
_WARRANTY_SHIPPING: Mapping[Payer, str] = {
    Payer.ZOSI: "ZOSI pays the return shipping.",
    Payer.CUSTOMER: f"From abroad, {ABROAD_PAYS}.",
}


def refund_if_direct(decision: ReturnDecision, product: str | None, exact: bool = True) -> Phrase:
    """R1, R2: until when a refund runs for a purchase from ZOSI, said before asking the shop.

    ``exact``: the purchase day is known; a rough date's last day is said as a floor.
    """
    last_day = decision.window.last_day
    if last_day is None:
        raise ValueError("a refund that runs until a day needs its last day")
    return phrase(
        "If you bought it from ZOSI or its official AliExpress store, you can return "
        f"{the_product(product)} for a full refund ",
        until(last_day, exact),
        f"{days_left(decision.window)}.",
    )


#: Why a product's condition rules a refund out (R3), as a clause: the refusal says it after
#: "Sorry, ", a second fact (``speech.en.facts``) as a sentence of its own.
CONDITION_RULES_OUT: Mapping[str, str] = {
    "damaged_by_customer": (
        "a damaged product can't go back for a refund: ZOSI takes {it} back only undamaged, in "
        "its original packaging."
    ),
    "packaging_gone": (
        "without its original packaging in good shape, {it} can't go back for a refund."
    ),
}
CONDITION_CARD = "Refund: only for a product and original packaging returned undamaged."

DAMAGED = "damaged_by_customer"


def _fault_route(warranty: Window | None, exact: bool, *, damaged: bool = False) -> Phrase:
    """Where a fault can still go when no refund is possible: the warranty, if it is open.

    Until when it runs is said when the purchase day leaves no doubt that it does, so a
    customer who asked "can I send it back" also hears that it is covered (W1, W2). For a
    product the customer damaged, nothing is promised: whether the limited warranty covers
    it is ZOSI support's call (W8).
    """
    if warranty is None:
        return phrase()
    if warranty.verdict is Verdict.NO:
        return phrase(f" The {_warranty_length()} warranty has ended too.")
    if damaged:
        return phrase(" If it also has a fault, ask ZOSI support whether the warranty covers it.")
    if warranty.verdict is Verdict.YES and warranty.last_day is not None:
        return phrase(
            " It's still under warranty ",
            until(warranty.last_day, exact),
            ", so if it's faulty, ZOSI repairs or replaces it.",
        )
    years = _warranty_length()
    # the day is not known closely enough (or at all) to say the warranty surely runs
    return phrase(
        f" If it's faulty and still within its {years} warranty, ZOSI repairs or replaces it."
    )


def _direct_condition(direct: bool | None) -> str:
    if direct is None:
        # R2, R5: the shop is not known; bought anywhere else, the refund is that shop's
        return (
            " That's if it came from ZOSI's website or its official AliExpress store; from "
            "another shop, ask that shop."
        )
    return ""


def _spoken_shipping(payer: Payer | None) -> str:
    """Who pays the way back, spoken once the reason is known; both cases go on the card."""
    return "" if payer is None else f" {_return_shipping(payer)}"


def _return_shipping(payer: Payer | None) -> str:
    if payer is Payer.ZOSI:
        return f"{QUALITY_PROBLEM_PAYS}."
    if payer is Payer.CUSTOMER:
        return "As it isn't a quality problem, you pay the return shipping."
    return "If it's faulty, ZOSI pays the return shipping; otherwise you pay it."
