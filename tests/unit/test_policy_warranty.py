"""Warranty repair or replacement, W1 to W9 (and R6 for gifts)."""

from datetime import date

import pytest

from policy.model import (
    Channel,
    Condition,
    DateSpan,
    Payer,
    PurchaseFacts,
    Referral,
    Step,
    Verdict,
)
from policy.terms import WARRANTY_MONTHS
from policy.warranty import evaluate_warranty, warranty_deadline

BOUGHT = date(2025, 11, 21)
IN_WARRANTY = date(2026, 6, 1)
CLAIM_STEPS = (
    Step.CONTACT_SUPPORT,
    Step.WAIT_FOR_AUTHORISATION,
    Step.ASK_SHIPPING_REFUND_FIRST,
    Step.TRACK_AND_SEND_RECEIPT,
)


def bought_on(day: date = BOUGHT, **facts) -> PurchaseFacts:
    return PurchaseFacts(DateSpan.on(day), **facts)


def test_w1_the_warranty_is_12_months_never_24():
    assert WARRANTY_MONTHS == 12
    assert warranty_deadline(BOUGHT) == date(2026, 11, 21)


def test_w1_twelve_months_to_the_day_is_the_last_covered_day():
    decision = evaluate_warranty(bought_on(), date(2026, 11, 21))

    assert decision.verdict is Verdict.YES
    assert decision.window.last_day == date(2026, 11, 21)
    assert decision.window.days_left == 0


def test_w1_the_day_after_twelve_months_is_no_longer_covered():
    decision = evaluate_warranty(bought_on(), date(2026, 11, 22))

    assert decision.verdict is Verdict.NO
    assert decision.window.last_day == date(2026, 11, 21)
    assert decision.steps == ()
    assert decision.rule_ids == ("W1",)


def test_w1_a_camera_bought_on_29_february_is_covered_until_28_february():
    bought = bought_on(date(2024, 2, 29))

    assert evaluate_warranty(bought, date(2025, 2, 28)).verdict is Verdict.YES
    assert evaluate_warranty(bought, date(2025, 3, 1)).verdict is Verdict.NO


def test_w1_bought_sometime_in_a_month_straddling_the_deadline_depends_on_the_day():
    facts = PurchaseFacts(DateSpan(date(2025, 11, 1), date(2025, 11, 30)))

    decision = evaluate_warranty(facts, date(2026, 11, 21))

    assert decision.verdict is Verdict.DEPENDS
    assert decision.window.cutoff == date(2025, 11, 21)


def test_w2_w3_w4_a_covered_fault_starts_with_support_then_rma_authorisation():
    decision = evaluate_warranty(bought_on(), IN_WARRANTY)

    assert decision.verdict is Verdict.YES
    assert decision.steps == CLAIM_STEPS
    assert {"W2", "W3", "W4"} <= set(decision.rule_ids)


def test_w5_a_domestic_return_of_a_defective_product_travels_at_zosis_cost():
    decision = evaluate_warranty(bought_on(customer_country="RU"), IN_WARRANTY)

    assert decision.return_shipping is Payer.ZOSI
    assert decision.rule_ids == ("W1", "W2", "W3", "W4", "W5", "W8", "W9")


def test_w6_a_return_from_outside_the_country_of_purchase_is_shipped_at_the_customers_cost():
    decision = evaluate_warranty(bought_on(customer_country="KZ"), IN_WARRANTY)

    assert decision.return_shipping is Payer.CUSTOMER
    assert "W6" in decision.rule_ids
    assert Step.ASK_SHIPPING_REFUND_FIRST not in decision.steps


def test_w7_an_order_zosi_shipped_internationally_comes_back_at_zosis_cost_from_anywhere():
    facts = bought_on(shipped_internationally=True, customer_country="KZ")

    decision = evaluate_warranty(facts, IN_WARRANTY)

    assert decision.return_shipping is Payer.ZOSI
    assert "W7" in decision.rule_ids
    assert "W6" not in decision.rule_ids
    assert decision.steps == CLAIM_STEPS


@pytest.mark.parametrize(
    "facts",
    [bought_on(), bought_on(customer_country="KZ"), bought_on(shipped_internationally=True)],
)
def test_w8_w9_the_customer_pays_for_no_fault_found_and_all_customs(facts):
    decision = evaluate_warranty(facts, IN_WARRANTY)

    assert decision.not_defective_shipping is Payer.CUSTOMER
    assert decision.customs_paid_by_customer is True
    assert {"W8", "W9"} <= set(decision.rule_ids)


def test_w1_a_product_bought_from_a_third_party_shop_keeps_its_zosi_warranty():
    decision = evaluate_warranty(bought_on(channel=Channel.THIRD_PARTY), IN_WARRANTY)

    assert decision.verdict is Verdict.YES
    assert decision.referral is None
    assert decision.steps == CLAIM_STEPS


def test_r6_a_gift_claim_starts_with_the_givers_receipt():
    decision = evaluate_warranty(bought_on(gift=True), IN_WARRANTY)

    assert decision.referral is Referral.GIVER
    assert decision.steps == (Step.ASK_GIVER_FOR_RECEIPT, *CLAIM_STEPS)
    assert "R6" in decision.rule_ids


@pytest.mark.parametrize("condition", list(Condition), ids=str)
def test_w8_damage_the_customer_caused_is_left_to_zosi_rma_while_the_warranty_runs(condition):
    """ "I dropped it and cracked the lens": the warranty runs, but no repair is promised."""
    running = evaluate_warranty(bought_on(condition=condition), IN_WARRANTY)
    assert running.verdict is Verdict.YES
    assert running.damage_said is (condition is Condition.DAMAGED_BY_CUSTOMER)
    ended = evaluate_warranty(bought_on(condition=condition), date(2027, 1, 1))
    assert ended.damage_said is False
