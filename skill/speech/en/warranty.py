"""English answers about the warranty (POLICY W1-W9): until when it covers the product.

Who pays to send a faulty product back (W5-W7) is worded here once; the purchase
conversation (:mod:`speech.en.steps`) says it with the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policy.model import Payer, Verdict
from speech import Answer
from speech.en.common import (
    ABROAD_PAYS,
    SPOKEN_EMAIL,
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
    from policy.warranty import WarrantyDecision


def warranty_answer(
    decision: WarrantyDecision,
    product: str | None,
    exact: bool = True,
    home_known: bool = True,
    *,
    route: bool = True,
) -> Answer:
    """Speak a warranty decision (W1-W9); ``home_known``: where the customer is now was said.

    ``route`` says what the warranty does for a fault (W2); an offer to open the repair
    request that follows says it already.
    """
    it = the_product(product)
    window = decision.window
    years = _warranty_length()
    if decision.verdict is Verdict.YES and window.last_day is not None:
        # One note at most: a gift's receipt (R6: no claim starts without it), who pays the way
        # back once known, else what the warranty does for a fault (W2).
        note = (
            DAMAGE_FOR_SUPPORT
            if decision.damage_said
            else _giver_note(decision.referral)
            or _spoken_warranty_shipping(
                decision.return_shipping, home_known, route, fault=decision.fault_said
            )
        )
        speech = phrase(
            f"Yes, {it} is under the {years} warranty ",
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


_IF_FAULTY = " If it's faulty, ZOSI repairs or replaces it"
_AS_FAULTY = " As it's faulty, ZOSI repairs or replaces it"
#: W8: damage the customer caused may not be covered; ZOSI RMA decides, never the skill.
DAMAGE_FOR_SUPPORT = (
    " Whether it covers damage you caused is for ZOSI support to decide; if it doesn't, you "
    "pay to have it shipped back to you."
)
WARRANTY_DOES = f"{_IF_FAULTY}."
_AT_HOME = "within the country you bought it in"


def _spoken_warranty_shipping(
    payer: Payer, home_known: bool, route: bool = True, *, fault: bool = False
) -> str:
    """What the warranty does for a fault (W2), and who pays the way back when known (W5, W6).

    Both shipping cases go on the card; spoken, only the one that is theirs. ``fault``: they
    said it is faulty, so who pays the way back is what they will want to hear next.
    """
    # a fault they said is no "if": what the warranty does for it is said as theirs
    remedy = _AS_FAULTY if fault else _IF_FAULTY
    if not home_known:
        # A fault said, where they are not: the domestic case is theirs unless they say
        # otherwise, and is worded so it promises nothing from abroad (W5, W6).
        return f"{remedy}; {_AT_HOME}, ZOSI pays the return shipping." if fault else ""
    if not route:
        return f" {_warranty_shipping(payer)}"
    if payer is Payer.CUSTOMER:
        return f"{remedy}; from abroad, {ABROAD_PAYS}."
    return f"{remedy}, and ZOSI pays the return shipping."


def _warranty_shipping(payer: Payer, home_known: bool = True) -> str:
    """Who pays to send a faulty product back (W5-W7); both cases when where they are is unknown."""
    if payer is Payer.CUSTOMER:
        return f"From abroad, {ABROAD_PAYS}."
    if not home_known:
        return (
            "In the country you bought it in, ZOSI covers the return shipping; from another "
            "country, you pay the international shipping."
        )
    return "ZOSI covers the return shipping."
