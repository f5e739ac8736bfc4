"""Returns for a refund, R1 to R6."""

from datetime import date

import pytest

from policy.model import Channel, DateSpan, Payer, PurchaseFacts, Reason, Referral, Step, Verdict
from policy.returns import evaluate_return, return_deadline

BOUGHT = date(2026, 11, 1)


def bought_on(day: date = BOUGHT, **facts) -> PurchaseFacts:
    return PurchaseFacts(DateSpan.on(day), **facts)


def test_r1_bought_on_1_november_the_last_day_to_return_is_1_december():
    assert return_deadline(BOUGHT) == date(2026, 12, 1)


def test_r1_a_camera_bought_30_days_ago_can_still_be_refunded():
    decision = evaluate_return(bought_on(channel=Channel.ZOSI_WEBSITE), date(2026, 12, 1))

    assert decision.verdict is Verdict.YES
    assert decision.window.last_day == date(2026, 12, 1)
    assert decision.window.days_left == 0


def test_r1_a_camera_bought_31_days_ago_cannot_be_refunded():
    decision = evaluate_return(bought_on(channel=Channel.ZOSI_WEBSITE), date(2026, 12, 2))

    assert decision.verdict is Verdict.NO
    assert decision.window.last_day == date(2026, 12, 1)
    assert decision.steps == ()
    assert decision.return_shipping is None


def test_r1_a_window_crossing_29_february_counts_the_leap_day():
    decision = evaluate_return(bought_on(date(2024, 2, 10)), date(2024, 3, 11))

    assert decision.verdict is Verdict.YES
    assert decision.window.last_day == date(2024, 3, 11)
    assert evaluate_return(bought_on(date(2024, 2, 10)), date(2024, 3, 12)).verdict is Verdict.NO


def test_r1_bought_sometime_in_october_depends_on_the_day_and_gives_the_cutoff():
    facts = PurchaseFacts(DateSpan(date(2026, 10, 1), date(2026, 10, 31)))

    decision = evaluate_return(facts, date(2026, 11, 21))

    assert decision.verdict is Verdict.DEPENDS
    assert decision.window.cutoff == date(2026, 10, 22)
    assert Step.KEEP_PACKAGING in decision.steps


def test_r2_r3_a_direct_purchase_in_the_window_is_refunded_with_packaging_intact():
    decision = evaluate_return(bought_on(channel=Channel.ZOSI_OFFICIAL_STORE), date(2026, 11, 21))

    assert decision.verdict is Verdict.YES
    assert decision.direct_purchase is True
    assert decision.referral is None
    assert decision.steps == (Step.KEEP_PACKAGING,)
    assert decision.rule_ids == ("R1", "R2", "R3")


def test_r2_an_unknown_channel_leaves_the_direct_purchase_condition_open():
    decision = evaluate_return(bought_on(), date(2026, 11, 21))

    assert decision.verdict is Verdict.YES
    assert decision.direct_purchase is None
    assert "R2" in decision.rule_ids


@pytest.mark.parametrize("today", [date(2026, 11, 2), date(2027, 6, 1)])
def test_r2_r5_a_third_party_purchase_is_never_refunded_by_zosi_and_goes_to_the_seller(today):
    decision = evaluate_return(bought_on(channel=Channel.THIRD_PARTY), today)

    assert decision.verdict is Verdict.NO
    assert decision.direct_purchase is False
    assert decision.referral is Referral.SELLER
    assert decision.steps == (Step.CONTACT_SELLER,)
    assert decision.return_shipping is None
    assert decision.rule_ids == ("R2", "R5")


def test_r4_a_change_of_mind_is_returned_at_the_customers_cost():
    facts = bought_on(channel=Channel.ZOSI_WEBSITE, reason=Reason.CHANGED_MIND)

    decision = evaluate_return(facts, date(2026, 11, 21))

    assert decision.return_shipping is Payer.CUSTOMER
    assert decision.rule_ids == ("R1", "R2", "R3", "R4")


def test_r4_another_reason_is_not_a_quality_problem_and_the_customer_pays():
    decision = evaluate_return(bought_on(reason=Reason.OTHER), date(2026, 11, 21))

    assert decision.return_shipping is Payer.CUSTOMER


@pytest.mark.parametrize("reason", [Reason.DEFECT, Reason.DAMAGED_IN_TRANSIT])
def test_r4_a_quality_problem_is_returned_at_zosis_cost(reason):
    decision = evaluate_return(bought_on(reason=reason), date(2026, 11, 21))

    assert decision.return_shipping is Payer.ZOSI
    assert "R4" in decision.rule_ids


def test_r4_without_a_reason_nobody_is_named_to_pay_yet():
    decision = evaluate_return(bought_on(), date(2026, 11, 21))

    assert decision.return_shipping is None
    assert "R4" not in decision.rule_ids


def test_r6_a_gift_is_refunded_through_the_givers_receipt():
    facts = bought_on(channel=Channel.ZOSI_WEBSITE, gift=True)

    decision = evaluate_return(facts, date(2026, 11, 21))

    assert decision.verdict is Verdict.YES
    assert decision.referral is Referral.GIVER
    assert decision.steps == (Step.ASK_GIVER_FOR_RECEIPT, Step.KEEP_PACKAGING)
    assert decision.rule_ids == ("R1", "R2", "R3", "R6")


def test_r6_a_gift_past_the_window_still_points_to_the_giver_whose_receipt_has_the_real_date():
    decision = evaluate_return(bought_on(gift=True), date(2026, 12, 2))

    assert decision.verdict is Verdict.NO
    assert decision.referral is Referral.GIVER
    assert decision.steps == (Step.ASK_GIVER_FOR_RECEIPT,)


def test_r5_r6_a_gift_from_a_third_party_shop_goes_to_that_shop_with_the_givers_receipt():
    facts = bought_on(channel=Channel.THIRD_PARTY, gift=True)

    decision = evaluate_return(facts, date(2026, 11, 21))

    assert decision.verdict is Verdict.NO
    assert decision.referral is Referral.SELLER
    assert decision.steps == (Step.ASK_GIVER_FOR_RECEIPT, Step.CONTACT_SELLER)
    assert decision.rule_ids == ("R2", "R5", "R6")


@pytest.mark.parametrize("reason", [Reason.DEFECT, Reason.DAMAGED_IN_TRANSIT])
def test_w5_past_the_30_days_a_fault_under_warranty_is_still_refunded_or_replaced(reason):
    """R1 is over on 2 December, but W5: a defective product under warranty gets a refund
    or a replacement, at ZOSI's cost, until the warranty's last day."""
    decision = evaluate_return(bought_on(reason=reason), date(2027, 3, 1))

    assert decision.verdict is Verdict.NO  # R1 itself is over
    assert decision.fault_refund is not None
    assert decision.fault_refund.until == date(2027, 11, 1)
    assert decision.fault_refund.return_shipping is Payer.ZOSI
    assert {"R1", "W1", "W5"} <= set(decision.rule_ids)
    assert Step.CONTACT_SUPPORT in decision.steps


def test_w5_a_fault_on_a_day_that_may_be_past_the_30_days_is_refunded_or_replaced_either_way():
    """R1 depends on the day in October, but a fault is refunded within the 30 days (R1, R4)
    and refunded or replaced after them (W5): the answer no longer hangs on the day."""
    facts = PurchaseFacts(DateSpan(date(2026, 10, 1), date(2026, 10, 31)), reason=Reason.DEFECT)

    decision = evaluate_return(facts, date(2026, 11, 21))

    assert decision.verdict is Verdict.DEPENDS  # R1 itself still depends on the day
    assert decision.fault_refund is not None
    assert decision.fault_refund.until == date(2027, 10, 1)
    assert decision.fault_refund.return_shipping is Payer.ZOSI
    no_fault = evaluate_return(facts._replace(reason=Reason.CHANGED_MIND), date(2026, 11, 21))
    assert no_fault.fault_refund is None


def test_w6_a_fault_refund_from_abroad_travels_at_the_customers_cost():
    facts = bought_on(reason=Reason.DEFECT, customer_country="DE")

    fault = evaluate_return(facts, date(2027, 3, 1)).fault_refund

    assert fault is not None
    assert fault.return_shipping is Payer.CUSTOMER


@pytest.mark.parametrize(
    ("facts", "today"),
    [
        (bought_on(reason=Reason.CHANGED_MIND), date(2027, 3, 1)),  # R1 only: no fault said
        (bought_on(), date(2027, 3, 1)),  # no reason: nothing to refund under warranty
        (bought_on(reason=Reason.DEFECT), date(2027, 11, 2)),  # W1 over too
        (bought_on(reason=Reason.DEFECT), date(2026, 11, 20)),  # R1 still open: the refund
        # a purchase sometime in 2026: the warranty depends on the day, nothing is promised
        (
            PurchaseFacts(DateSpan(date(2026, 1, 1), date(2026, 12, 31)), reason=Reason.DEFECT),
            date(2027, 3, 1),
        ),
        # R5: another shop's refund is that shop's, whatever the fault
        (bought_on(reason=Reason.DEFECT, channel=Channel.THIRD_PARTY), date(2027, 3, 1)),
    ],
)
def test_no_fault_refund_without_a_fault_said_and_a_warranty_that_surely_runs(facts, today):
    assert evaluate_return(facts, today).fault_refund is None
