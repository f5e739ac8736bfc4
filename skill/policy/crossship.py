"""Advance replacement ("cross-shipping"): rules X1 to X4 of POLICY.md (seed 000)."""

from datetime import date
from typing import NamedTuple

from policy.dates import add_months
from policy.model import PurchaseFacts, Step, Verdict, Window, evaluate_window, in_policy_order
from policy.terms import (
    CROSS_SHIP_DISPATCH_BUSINESS_DAYS,
    CROSS_SHIP_HOLD_DAYS,
    CROSS_SHIP_MAX_MONTHS,
    CROSS_SHIP_RETURN_DAYS,
)


class CrossShipDecision(NamedTuple):
    """Whether ZOSI can send a replacement before the faulty product comes back.

    Attributes:
        verdict: YES, NO, or DEPENDS on the exact day of an imprecise purchase date.
        window: The X1 window.
        free_shipping: Free ground cross-shipping: only inside the country of purchase (X1).
        return_within_days: Calendar days to send the faulty product back (X2).
        hold_days: Length of the credit-card authorisation hold (X3).
        dispatch_business_days: ZOSI ships the replacement within this range (X4).
        steps: What the customer does next, in order.
        rule_ids: The rules that decided the outcome, in POLICY.md order.
    """

    verdict: Verdict
    window: Window
    free_shipping: bool
    return_within_days: int
    hold_days: int
    dispatch_business_days: tuple[int, int]
    steps: tuple[Step, ...]
    rule_ids: tuple[str, ...]


def cross_ship_deadline(purchased: date) -> date:
    """X1: the last day cross-shipping can be offered, inclusive.

    "No more than 12 months" since the original purchase, counted like W1: the same
    calendar day 12 months later is still in.
    """
    return add_months(purchased, CROSS_SHIP_MAX_MONTHS)


def evaluate_cross_ship(facts: PurchaseFacts, today: date) -> CrossShipDecision:
    """Decide whether an advance replacement can be offered (X1 to X4, W3, R6).

    The customer first reports the fault to support (W3), gives a credit card for a
    30-day hold of the replacement's price (X3), and sends the faulty product back
    within 30 calendar days of the authorisation (X2); ZOSI ships the replacement in
    2-3 business days (X4). Ground shipping is free only when the customer is in the
    country of purchase (X1). A gift recipient first asks the giver for the receipt
    (R6), which proves the original purchase date.

    Args:
        facts: What is known about the purchase.
        today: The customer's current date.

    Returns:
        The decision with the rules that produced it.
    """
    window = evaluate_window(facts.purchased, today, cross_ship_deadline)
    rules = {"X1"}
    steps: list[Step] = []
    if facts.gift:
        rules.add("R6")
        steps.append(Step.ASK_GIVER_FOR_RECEIPT)
    if window.verdict is not Verdict.NO:
        rules.update({"W3", "X2", "X3", "X4"})
        steps += [Step.CONTACT_SUPPORT, Step.PROVIDE_CREDIT_CARD, Step.SEND_BACK_WITHIN_30_DAYS]
    return CrossShipDecision(
        verdict=window.verdict,
        window=window,
        free_shipping=not facts.customer_abroad,
        return_within_days=CROSS_SHIP_RETURN_DAYS,
        hold_days=CROSS_SHIP_HOLD_DAYS,
        dispatch_business_days=CROSS_SHIP_DISPATCH_BUSINESS_DAYS,
        steps=tuple(steps),
        rule_ids=in_policy_order(rules),
    )
