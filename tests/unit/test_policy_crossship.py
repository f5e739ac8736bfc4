"""Advance replacement ("cross-shipping"), X1 to X4."""

from datetime import date

from policy.crossship import cross_ship_deadline, evaluate_cross_ship
from policy.model import DateSpan, PurchaseFacts, Step, Verdict

BOUGHT = date(2025, 11, 21)
IN_TIME = date(2026, 3, 2)


def bought_on(day: date = BOUGHT, **facts) -> PurchaseFacts:
    return PurchaseFacts(DateSpan.on(day), **facts)


def test_x1_cross_shipping_is_offered_up_to_12_months_to_the_day():
    assert cross_ship_deadline(BOUGHT) == date(2026, 11, 21)
    assert evaluate_cross_ship(bought_on(), date(2026, 11, 21)).verdict is Verdict.YES


def test_x1_cross_shipping_is_not_offered_the_day_after_12_months():
    decision = evaluate_cross_ship(bought_on(), date(2026, 11, 22))

    assert decision.verdict is Verdict.NO
    assert decision.steps == ()
    assert decision.rule_ids == ("X1",)


def test_x1_a_purchase_on_31_january_counts_12_months_to_31_january():
    bought = bought_on(date(2025, 1, 31))

    assert evaluate_cross_ship(bought, date(2026, 1, 31)).verdict is Verdict.YES
    assert evaluate_cross_ship(bought, date(2026, 2, 1)).verdict is Verdict.NO


def test_x1_ground_shipping_is_free_inside_the_country_of_purchase():
    assert evaluate_cross_ship(bought_on(), IN_TIME).free_shipping
    assert evaluate_cross_ship(bought_on(customer_country="RU"), IN_TIME).free_shipping


def test_x1_cross_shipping_abroad_is_not_free():
    assert not evaluate_cross_ship(bought_on(customer_country="BY"), IN_TIME).free_shipping


def test_x2_x3_x4_the_terms_of_an_advance_replacement():
    decision = evaluate_cross_ship(bought_on(), IN_TIME)

    assert decision.verdict is Verdict.YES
    assert decision.return_within_days == 30
    assert decision.hold_days == 30
    assert decision.dispatch_business_days == (2, 3)
    assert decision.rule_ids == ("W3", "X1", "X2", "X3", "X4")


def test_w3_x3_x2_support_first_then_a_credit_card_then_the_faulty_product_goes_back():
    decision = evaluate_cross_ship(bought_on(), IN_TIME)

    assert decision.steps == (
        Step.CONTACT_SUPPORT,
        Step.PROVIDE_CREDIT_CARD,
        Step.SEND_BACK_WITHIN_30_DAYS,
    )


def test_r6_a_gift_recipient_first_gets_the_receipt_that_proves_the_purchase_date():
    decision = evaluate_cross_ship(bought_on(gift=True), IN_TIME)

    assert decision.steps[0] is Step.ASK_GIVER_FOR_RECEIPT
    assert "R6" in decision.rule_ids


def test_x1_bought_sometime_in_a_month_straddling_12_months_depends_on_the_day():
    facts = PurchaseFacts(DateSpan(date(2025, 11, 1), date(2025, 11, 30)))

    decision = evaluate_cross_ship(facts, date(2026, 11, 10))

    assert decision.verdict is Verdict.DEPENDS
    assert decision.window.cutoff == date(2025, 11, 10)
