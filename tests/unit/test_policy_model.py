"""The shared vocabulary: enums bound to the account API, spans, and the window arithmetic."""

from datetime import date, timedelta

import pytest

from policy.dates import add_months
from policy.model import (
    Channel,
    DateSpan,
    PurchaseFacts,
    Reason,
    Verdict,
    Window,
    evaluate_window,
    in_policy_order,
)
from policy.terms import STORE_COUNTRY


def thirty_days(purchased: date) -> date:
    return purchased + timedelta(days=30)


def twelve_months(purchased: date) -> date:
    return add_months(purchased, 12)


def test_channel_values_equal_the_account_api_enum():
    assert {channel.value for channel in Channel} == {
        "zosi_website",
        "zosi_official_store",
        "third_party",
    }


def test_reason_values_equal_the_account_api_enum():
    assert {reason.value for reason in Reason} == {
        "defect",
        "changed_mind",
        "damaged_in_transit",
        "other",
    }


def test_d1_r2_the_zosi_website_and_the_official_aliexpress_store_are_direct_purchases():
    assert Channel.ZOSI_WEBSITE.is_direct
    assert Channel.ZOSI_OFFICIAL_STORE.is_direct
    assert not Channel.THIRD_PARTY.is_direct


def test_r4_defects_and_transit_damage_are_quality_problems():
    assert Reason.DEFECT.is_quality_problem
    assert Reason.DAMAGED_IN_TRANSIT.is_quality_problem
    assert not Reason.CHANGED_MIND.is_quality_problem
    assert not Reason.OTHER.is_quality_problem


def test_a_span_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="starts after it ends"):
        DateSpan(date(2026, 11, 2), date(2026, 11, 1))


def test_a_one_day_span_is_precise():
    assert DateSpan.on(date(2026, 11, 1)) == DateSpan(date(2026, 11, 1), date(2026, 11, 1))
    assert DateSpan.on(date(2026, 11, 1)).precise
    assert not DateSpan(date(2026, 11, 1), date(2026, 11, 2)).precise


def test_purchase_facts_default_to_the_russian_store_and_a_customer_at_home():
    facts = PurchaseFacts(DateSpan.on(date(2026, 11, 1)))

    assert facts.purchase_country == STORE_COUNTRY == "RU"
    assert not facts.customer_abroad
    assert not PurchaseFacts(facts.purchased, customer_country="RU").customer_abroad
    assert PurchaseFacts(facts.purchased, customer_country="KZ").customer_abroad


def test_a_window_open_today_counts_the_days_left():
    window = evaluate_window(DateSpan.on(date(2026, 11, 1)), date(2026, 11, 21), thirty_days)

    assert window == Window(Verdict.YES, date(2026, 12, 1), 10, None)


def test_on_the_last_day_no_days_are_left_but_the_window_is_open():
    window = evaluate_window(DateSpan.on(date(2026, 11, 1)), date(2026, 12, 1), thirty_days)

    assert window == Window(Verdict.YES, date(2026, 12, 1), 0, None)


def test_a_closed_window_says_when_it_ended():
    window = evaluate_window(DateSpan.on(date(2026, 11, 1)), date(2026, 12, 2), thirty_days)

    assert window == Window(Verdict.NO, date(2026, 12, 1), None, None)


def test_an_imprecise_date_promises_only_the_earliest_possible_last_day():
    purchased = DateSpan(date(2026, 11, 1), date(2026, 11, 30))

    window = evaluate_window(purchased, date(2026, 11, 21), thirty_days)

    assert window == Window(Verdict.YES, date(2026, 12, 1), 10, None)


def test_an_imprecise_date_wholly_past_the_deadline_ended_on_the_latest_last_day():
    purchased = DateSpan(date(2026, 9, 1), date(2026, 9, 30))

    window = evaluate_window(purchased, date(2026, 11, 21), thirty_days)

    assert window == Window(Verdict.NO, date(2026, 10, 30), None, None)


def test_a_month_straddling_the_30_day_deadline_depends_on_the_day_with_a_cutoff():
    # Bought "in October", asked on 21 November: bought on 22 October or later is still in
    # (22 Oct + 30 days = 21 Nov), bought on 21 October or before is out.
    purchased = DateSpan(date(2026, 10, 1), date(2026, 10, 31))

    window = evaluate_window(purchased, date(2026, 11, 21), thirty_days)

    assert window == Window(Verdict.DEPENDS, None, None, date(2026, 10, 22))


def test_on_the_last_possible_last_day_only_the_last_day_of_the_span_is_still_in():
    # Bought "in October", asked on 30 November: only a purchase on 31 October is still in.
    purchased = DateSpan(date(2026, 10, 1), date(2026, 10, 31))

    window = evaluate_window(purchased, date(2026, 11, 30), thirty_days)

    assert window == Window(Verdict.DEPENDS, None, None, date(2026, 10, 31))


def test_a_year_straddling_the_12_month_deadline_on_a_leap_day_has_its_cutoff_on_1_march():
    # Bought "in 2027", asked on 29 February 2028. Bought on 28 February 2027 the window ended
    # on 28 February 2028; bought on 1 March 2027 it runs to 1 March 2028. Subtracting
    # 12 months from today would wrongly give 28 February 2027.
    purchased = DateSpan(date(2027, 1, 1), date(2027, 12, 31))

    window = evaluate_window(purchased, date(2028, 2, 29), twelve_months)

    assert window == Window(Verdict.DEPENDS, None, None, date(2027, 3, 1))


def test_rule_ids_come_out_once_each_in_policy_order():
    assert in_policy_order(["X1", "R6", "W3", "R1", "W3", "D4"]) == ("D4", "R1", "R6", "W3", "X1")


def test_an_unknown_rule_id_is_a_programming_error():
    with pytest.raises(ValueError, match="R7"):
        in_policy_order(["R1", "R7"])


def test_p7_a_minors_account_is_used_only_with_a_guardians_consent() -> None:
    from policy.privacy import may_use_account

    assert may_use_account(minor=False, guardian_consent=False)
    assert may_use_account(minor=True, guardian_consent=True)
    assert not may_use_account(minor=True, guardian_consent=False)
