"""Warranty repair or replacement: rules W1 to W9 of POLICY.md (seed 000)."""

from datetime import date
from typing import NamedTuple

from policy.dates import add_months
from policy.model import (
    Condition,
    Payer,
    PurchaseFacts,
    Referral,
    Step,
    Verdict,
    Window,
    evaluate_window,
    in_policy_order,
)
from policy.terms import WARRANTY_MONTHS


class WarrantyDecision(NamedTuple):
    """Whether a faulty product is still under warranty, and how the claim goes.

    Attributes:
        verdict: YES, NO, or DEPENDS on the exact day of an imprecise purchase date.
        window: The W1 window.
        return_shipping: Who pays shipping to ZOSI for a product found defective (W5-W7).
        not_defective_shipping: Who pays shipping back if ZOSI RMA finds no covered
            defect (W8: always the customer).
        customs_paid_by_customer: Customs, duties, taxes and carrier fees are never paid
            by ZOSI (W9: always True).
        referral: The giver for a gift (R6), else None.
        steps: What the customer does next, in order; none once the warranty has ended
            except asking a giver for the receipt, which may show a later date.
        rule_ids: The rules that decided the outcome, in POLICY.md order.
        damage_said: The customer said they damaged it (a drop, a crack, water) while the
            warranty runs: whether the limited warranty covers that is ZOSI RMA's finding,
            and if it doesn't, the customer pays the shipping back (W8). No repair is promised.
        fault_said: The customer said it has a quality problem (a fault, or it arrived
            damaged) while the warranty runs: the return shipping is theirs to hear (W5).
    """

    verdict: Verdict
    window: Window
    return_shipping: Payer
    not_defective_shipping: Payer
    customs_paid_by_customer: bool
    referral: Referral | None
    steps: tuple[Step, ...]
    rule_ids: tuple[str, ...]
    damage_said: bool = False
    fault_said: bool = False


def warranty_deadline(purchased: date) -> date:
    """W1: the last day the warranty covers, inclusive.

    W1 decision: 12 months (``terms.WARRANTY_MONTHS``, never 24) from the original
    purchase date, counted like R1: the same calendar day 12 months later is still
    covered, the day after is not. A purchase on 29 February is covered until
    28 February of the next year.
    """
    return add_months(purchased, WARRANTY_MONTHS)


def evaluate_warranty(facts: PurchaseFacts, today: date) -> WarrantyDecision:
    """Decide whether a fault is covered by the warranty (W1 to W9, R6).

    While covered (W2: repair or replacement), the claim starts with ZOSI support (W3);
    damage the customer says they caused may not be covered (W8), so it is flagged;
    RMA support authorises it and issues the label and RMA code; the customer tracks the
    parcel and sends a screenshot of the receipt (W4). Asking ZOSI to refund shipping
    first (W4) only applies when ZOSI pays that shipping.

    Third-party decision: W1 covers every ZOSI product from its original purchase date,
    and seed 000 sends third-party buyers to the seller only for that shop's return and
    refund policy (R5). So the channel does not change the warranty: a product bought
    from a reseller is covered the same way, with the seller's receipt as proof of date.

    Args:
        facts: What is known about the purchase.
        today: The customer's current date.

    Returns:
        The decision with the rules that produced it.
    """
    window = evaluate_window(facts.purchased, today, warranty_deadline)
    return_shipping, shipping_rule = _defective_return_shipping(facts)
    rules = {"W1"}
    steps: list[Step] = []
    if facts.gift:
        rules.add("R6")
        steps.append(Step.ASK_GIVER_FOR_RECEIPT)
    if window.verdict is not Verdict.NO:
        rules.update({"W2", "W3", "W4", shipping_rule, "W8", "W9"})
        steps += [Step.CONTACT_SUPPORT, Step.WAIT_FOR_AUTHORISATION]
        if return_shipping is Payer.ZOSI:
            steps.append(Step.ASK_SHIPPING_REFUND_FIRST)
        steps.append(Step.TRACK_AND_SEND_RECEIPT)
    damage_said = (
        window.verdict is not Verdict.NO and facts.condition is Condition.DAMAGED_BY_CUSTOMER
    )
    fault_said = (
        window.verdict is not Verdict.NO
        and facts.reason is not None
        and facts.reason.is_quality_problem
    )
    return WarrantyDecision(
        damage_said=damage_said,
        fault_said=fault_said,
        verdict=window.verdict,
        window=window,
        return_shipping=return_shipping,
        not_defective_shipping=Payer.CUSTOMER,
        customs_paid_by_customer=True,
        referral=Referral.GIVER if facts.gift else None,
        steps=tuple(steps),
        rule_ids=in_policy_order(rules),
    )


def _defective_return_shipping(facts: PurchaseFacts) -> tuple[Payer, str]:
    """Who pays to send a defective product back, and the rule that says so.

    W7 first: an order ZOSI itself shipped across a border comes back at ZOSI's cost
    wherever the customer is. Otherwise W6: a return from outside the country of
    purchase travels at the customer's cost. Otherwise W5: a domestic return is free.
    """
    if facts.shipped_internationally:
        return Payer.ZOSI, "W7"
    if facts.customer_abroad:
        return Payer.CUSTOMER, "W6"
    return Payer.ZOSI, "W5"
