"""Returns for a refund: rules R1 to R6 of POLICY.md (seed 000, return conditions)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from policy.model import (
    Channel,
    Condition,
    Payer,
    PurchaseFacts,
    Reason,
    Referral,
    Step,
    Verdict,
    Window,
    evaluate_window,
    in_policy_order,
)
from policy.terms import RETURN_WINDOW_DAYS

if TYPE_CHECKING:
    from policy.warranty import WarrantyDecision


class FaultRefund(NamedTuple):
    """W5-W7: a refund for a fault after the R1 period, while the warranty runs.

    R1's 30 days are for any reason; past them, a product the customer says is faulty
    is still under warranty, and a product found defective under warranty gets "a
    replacement or a full refund" (W5, W6, W7). Which of the two is ZOSI's finding, so
    the answer says both and promises neither alone.

    Attributes:
        until: The warranty's last day (W1).
        return_shipping: Who pays to send it to ZOSI (W5, W7: ZOSI; W6: the customer).
    """

    until: date
    return_shipping: Payer


class ReturnDecision(NamedTuple):
    """Whether a product can go back for a full refund, and how.

    Attributes:
        verdict: YES, NO, or DEPENDS on the exact day of an imprecise purchase date.
        window: The R1 window (also set when a third-party purchase makes it moot).
        direct_purchase: True when bought from ZOSI (R2), False from a third party,
            None when unknown: the answer then holds "as long as you bought it from ZOSI".
        referral: Who to turn to besides ZOSI: the seller (R5) or the giver (R6).
        return_shipping: Who pays the way back (R4); None when the reason is unknown or
            no ZOSI return is possible.
        steps: What the customer does next, in order.
        rule_ids: The rules that decided the outcome, in POLICY.md order.
        blocked_by: R3: the condition the customer described that rules the refund out
            (damaged by them, packaging gone); None when nothing said rules it out.
        warranty: For a refund ruled out, the warranty's window (W1): whether and until
            when it may still cover a fault, so the answer points there only when it can
            (R3 decision, W2); None when a refund is possible.
        buyer_returns: R6: a gift the customer wants to send back for a reason that is
            not a quality problem: the refund is the buyer's to ask, not the recipient's.
        fault_refund: W5-W7: the R1 period is over, but the customer said the product is
            faulty and its warranty runs: it can still be refunded or replaced; None
            otherwise.
        opened_allowed: R3 decision: the customer said they opened the box and tried the
            product, which a refund allows ("can I still return it, I opened it" asks that).
    """

    verdict: Verdict
    window: Window
    direct_purchase: bool | None
    referral: Referral | None
    return_shipping: Payer | None
    steps: tuple[Step, ...]
    rule_ids: tuple[str, ...]
    blocked_by: Condition | None = None
    warranty: Window | None = None
    buyer_returns: bool = False
    fault_refund: FaultRefund | None = None
    opened_allowed: bool = False


def return_deadline(purchased: date) -> date:
    """R1: the last day to ask for a refund, inclusive.

    R1 decision: 30 days after the order date in the customer's own time zone, that day
    included. Bought on 1 November, the last day is 1 December.
    """
    return purchased + timedelta(days=RETURN_WINDOW_DAYS)


def evaluate_return(facts: PurchaseFacts, today: date) -> ReturnDecision:
    """Decide whether a product can be returned for a full refund (R1 to R6).

    - R1: open until ``return_deadline`` of the purchase date; the verdict is the window's.
    - R2, R5: only direct purchases qualify; a third-party purchase is a NO that sends
      the customer to the seller's own policy, and ZOSI's R3/R4 terms do not apply.
    - R6: a gift recipient asks the giver for the receipt, which also settles the real
      purchase date; the giver's ZOSI purchase gets the usual refund.
    - R3: whenever a return is possible the product and packaging must be undamaged; a
      product the customer damaged, or whose packaging is gone, is a NO whatever the date
      (R3 decision), and a fault then goes to the warranty (W2), which the caller offers.
    - R4: the customer pays return shipping unless the reason is a quality problem.
    - R6 decision: a gift sent back without a quality problem is the buyer's refund to
      ask for (``buyer_returns``); a quality problem gets the usual refund or replacement.
    - A refund ruled out says whether the warranty (W1) is still open for a fault, and
      past the 30 days (or on a day that may be past them) a fault said while the warranty
      surely runs is still refunded or replaced (W5-W7, ``fault_refund``).

    Args:
        facts: What is known about the purchase.
        today: The customer's current date.

    Returns:
        The decision with the rules that produced it.
    """
    window = evaluate_window(facts.purchased, today, return_deadline)
    if facts.channel is Channel.THIRD_PARTY:
        return _third_party_return(window, gift=facts.gift)
    if facts.condition is not None and facts.condition.blocks_refund:
        return _condition_rules_out(window, facts, today)
    open_ = window.verdict is not Verdict.NO
    rules = {"R1", "R2"}
    steps: list[Step] = []
    if facts.gift:
        rules.add("R6")
        steps.append(Step.ASK_GIVER_FOR_RECEIPT)
    if open_:
        rules.add("R3")
        steps.append(Step.KEEP_PACKAGING)
    return_shipping = _return_shipping(facts.reason) if open_ else None
    if return_shipping is not None:
        rules.add("R4")
    fault_refund = None
    # past R1, or on a day that may be past it: a fault the warranty surely covers gets a
    # refund or a replacement whichever day it was (R1 within the 30 days, W5 after them)
    sure = window.verdict is Verdict.YES
    warranty = None if sure else _warranty_for_a_fault(facts, today)
    if warranty is not None and warranty.window.last_day is not None:
        rules.update(warranty.rule_ids)
        steps += [step for step in warranty.steps if step not in steps]
        fault_refund = FaultRefund(warranty.window.last_day, warranty.return_shipping)
    return ReturnDecision(
        verdict=window.verdict,
        window=window,
        direct_purchase=None if facts.channel is None else True,
        referral=Referral.GIVER if facts.gift else None,
        return_shipping=return_shipping,
        steps=tuple(steps),
        rule_ids=in_policy_order(rules),
        warranty=None if open_ else _warranty_window(facts, today),
        buyer_returns=_buyer_returns(facts),
        fault_refund=fault_refund,
        opened_allowed=open_ and facts.condition is Condition.OPENED,
    )


def _warranty_for_a_fault(facts: PurchaseFacts, today: date) -> WarrantyDecision | None:
    """W5-W7: past R1, or maybe past it, a fault said while the warranty runs is refunded.

    Only a quality problem the customer said (R4 decision: a defect or transit damage),
    and only while every day the purchase may have been on is still covered: a warranty
    that depends on the exact day promises nothing.
    """
    if facts.reason is None or not facts.reason.is_quality_problem:
        return None
    from policy.warranty import evaluate_warranty

    warranty = evaluate_warranty(facts, today)
    return warranty if warranty.verdict is Verdict.YES else None


def _buyer_returns(facts: PurchaseFacts) -> bool:
    """R6: a gift going back for no quality problem is a refund only its buyer can ask for."""
    return facts.gift and facts.reason is not None and not facts.reason.is_quality_problem


def _warranty_window(facts: PurchaseFacts, today: date) -> Window:
    """W1: whether and until when a fault may still be covered, for a refund ruled out."""
    from policy.warranty import warranty_deadline

    return evaluate_window(facts.purchased, today, warranty_deadline)


def _third_party_return(window: Window, *, gift: bool) -> ReturnDecision:
    """R2, R5 (and R6 for a gift): ZOSI does not refund what another shop sold.

    The seller's own policy decides; a gift recipient first needs the giver's receipt
    to deal with that seller.
    """
    steps = (Step.ASK_GIVER_FOR_RECEIPT, Step.CONTACT_SELLER) if gift else (Step.CONTACT_SELLER,)
    rules = {"R2", "R5", "R6"} if gift else {"R2", "R5"}
    return ReturnDecision(
        verdict=Verdict.NO,
        window=window,
        direct_purchase=False,
        referral=Referral.SELLER,
        return_shipping=None,
        steps=steps,
        rule_ids=in_policy_order(rules),
    )


def _condition_rules_out(window: Window, facts: PurchaseFacts, today: date) -> ReturnDecision:
    """R3: the product or its packaging is not as it came, so no refund return.

    The window is kept for what the speech may add ("the 30 days would otherwise run
    until ..."), but the verdict is NO on any day. R2 and R6 still say who could ask.
    """
    rules = {"R3"}
    if facts.gift:
        rules.add("R6")
    return ReturnDecision(
        verdict=Verdict.NO,
        window=window,
        direct_purchase=None if facts.channel is None else facts.channel.is_direct,
        referral=Referral.GIVER if facts.gift else None,
        return_shipping=None,
        steps=(),
        rule_ids=in_policy_order(rules),
        blocked_by=facts.condition,
        warranty=_warranty_window(facts, today),
    )


def _return_shipping(reason: Reason | None) -> Payer | None:
    """R4: who pays the way back; None when the reason is unknown."""
    if reason is None:
        return None
    return Payer.ZOSI if reason.is_quality_problem else Payer.CUSTOMER
