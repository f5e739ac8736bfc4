"""AMAZON.DATE values as Alexa sends them, and purchase/order dates resolved from them."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy.dates import (
    DateParseError,
    FutureDateError,
    add_months,
    parse_amazon_date,
    resolve_order_date,
    resolve_purchase_date,
)
from policy.model import DateSpan

TODAY = date(2026, 11, 21)  # a Saturday


def span(first: date, last: date) -> DateSpan:
    return DateSpan(first, last)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2026-11-05", span(date(2026, 11, 5), date(2026, 11, 5)), id="day"),
        pytest.param("2026-W47", span(date(2026, 11, 16), date(2026, 11, 22)), id="iso-week"),
        pytest.param("2026-W47-WE", span(date(2026, 11, 21), date(2026, 11, 22)), id="weekend"),
        pytest.param("2026-W01", span(date(2025, 12, 29), date(2026, 1, 4)), id="week-1"),
        pytest.param("2026-W53", span(date(2026, 12, 28), date(2027, 1, 3)), id="week-53"),
        pytest.param("2026-11", span(date(2026, 11, 1), date(2026, 11, 30)), id="month"),
        pytest.param("2024-02", span(date(2024, 2, 1), date(2024, 2, 29)), id="leap-february"),
        pytest.param("2026", span(date(2026, 1, 1), date(2026, 12, 31)), id="year"),
        pytest.param("202X", span(date(2020, 1, 1), date(2029, 12, 31)), id="decade"),
        pytest.param("2026-SP", span(date(2026, 3, 1), date(2026, 5, 31)), id="spring"),
        pytest.param("2026-SU", span(date(2026, 6, 1), date(2026, 8, 31)), id="summer"),
        pytest.param("2026-FA", span(date(2026, 9, 1), date(2026, 11, 30)), id="autumn"),
        pytest.param("2026-WI", span(date(2026, 12, 1), date(2027, 2, 28)), id="winter"),
        pytest.param("2027-WI", span(date(2027, 12, 1), date(2028, 2, 29)), id="winter-leap"),
        pytest.param("PRESENT_REF", span(TODAY, TODAY), id="present-ref"),
        pytest.param("XXXX-11-05", span(date(2026, 11, 5), date(2026, 11, 5)), id="no-year-day"),
        pytest.param("XXXX-03", span(date(2026, 3, 1), date(2026, 3, 31)), id="no-year-month"),
        pytest.param("XXXX-SU", span(date(2026, 6, 1), date(2026, 8, 31)), id="no-year-season"),
        pytest.param("  2026-11-05\n", span(date(2026, 11, 5), date(2026, 11, 5)), id="spaces"),
    ],
)
def test_every_amazon_date_form_names_the_days_it_covers(value, expected):
    assert parse_amazon_date(value, TODAY) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "banana",
        "?",
        "2026-13-01",
        "2026-02-30",
        "2025-02-29",
        "2026-00",
        "2026-W54",
        "2025-W53",
        "2026-W00",
        "2026-W1",
        "2026-w47",
        "2026-wi",
        "2026-WINTER",
        "2026-W47-SA",
        "XXXX",
        "XXXX-XX-05",
        "XXXX-WXX",
        "20XX",
        "0000",
        "present_ref",
        "2026-11-05T10:00",
        "26-11-05",
        "\uff12\uff10\uff12\uff16-11-05",  # full-width digits
    ],
)
def test_nonsense_is_rejected_as_not_a_date(value):
    with pytest.raises(DateParseError):
        parse_amazon_date(value, TODAY)


def test_date_errors_are_value_errors_so_callers_can_catch_either():
    assert issubclass(DateParseError, ValueError)
    assert issubclass(FutureDateError, ValueError)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(date(2026, 1, 31), 1, date(2026, 2, 28), id="31-jan-plus-1-common-year"),
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="31-jan-plus-1-leap-year"),
        pytest.param(date(2024, 2, 29), 12, date(2025, 2, 28), id="leap-day-plus-a-year"),
        pytest.param(date(2023, 3, 31), 11, date(2024, 2, 29), id="lands-on-leap-day"),
        pytest.param(date(2026, 8, 31), 1, date(2026, 9, 30), id="31-aug-plus-1"),
        pytest.param(date(2026, 11, 15), 2, date(2027, 1, 15), id="across-new-year"),
        pytest.param(date(2026, 3, 31), -1, date(2026, 2, 28), id="backwards"),
        pytest.param(date(2026, 5, 10), 0, date(2026, 5, 10), id="zero"),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


@given(day=st.dates(date(1900, 1, 1), date(2200, 12, 31)), months=st.integers(-240, 240))
def test_add_months_keeps_the_day_unless_the_month_is_too_short(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and result.day >= 28)


def test_spoken_march_3rd_in_november_is_moved_back_to_the_march_just_gone():
    # Alexa resolves "March 3rd" said on 21 November 2026 to the next one, 2027-03-03.
    spoken = parse_amazon_date("2027-03-03", TODAY)

    resolved = resolve_purchase_date(spoken, TODAY)

    assert resolved.span == DateSpan.on(date(2026, 3, 3))
    assert resolved.shifted_back
    assert not resolved.clipped


def test_a_future_leap_day_moves_back_to_28_february():
    today = date(2027, 11, 1)

    resolved = resolve_purchase_date(DateSpan.on(date(2028, 2, 29)), today)

    assert resolved.span == DateSpan.on(date(2027, 2, 28))
    assert resolved.shifted_back


def test_a_date_still_in_the_future_after_the_shift_is_refused():
    with pytest.raises(FutureDateError):
        resolve_purchase_date(DateSpan.on(date(2028, 1, 10)), TODAY)


def test_a_past_date_is_used_as_spoken():
    resolved = resolve_purchase_date(DateSpan.on(date(2026, 11, 1)), TODAY)

    assert resolved.span == DateSpan.on(date(2026, 11, 1))
    assert not resolved.shifted_back
    assert not resolved.clipped


def test_today_is_a_valid_purchase_date():
    resolved = resolve_purchase_date(DateSpan.on(TODAY), TODAY)

    assert resolved.span == DateSpan.on(TODAY)
    assert not resolved.shifted_back
    assert not resolved.clipped


def test_this_month_ends_today():
    resolved = resolve_purchase_date(parse_amazon_date("2026-11", TODAY), TODAY)

    assert resolved.span == DateSpan(date(2026, 11, 1), TODAY)
    assert resolved.clipped
    assert not resolved.shifted_back


def test_a_future_month_is_moved_back_a_year_whole():
    resolved = resolve_purchase_date(parse_amazon_date("2027-02", TODAY), TODAY)

    assert resolved.span == DateSpan(date(2026, 2, 1), date(2026, 2, 28))
    assert resolved.shifted_back
    assert not resolved.clipped


def test_a_future_span_that_reaches_today_once_moved_back_is_also_clipped():
    resolved = resolve_purchase_date(parse_amazon_date("2027", TODAY), TODAY)

    assert resolved.span == DateSpan(date(2026, 1, 1), TODAY)
    assert resolved.shifted_back
    assert resolved.clipped


@given(
    first=st.dates(date(2000, 1, 1), date(2040, 12, 31)),
    length=st.integers(0, 400),
    today=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
)
def test_a_resolved_purchase_date_never_ends_after_today(first, length, today):
    raw = DateSpan(first, date.fromordinal(first.toordinal() + length))
    try:
        resolved = resolve_purchase_date(raw, today)
    except FutureDateError:
        assert add_months(raw.earliest, -12) > today
        return
    assert resolved.span.latest <= today
    assert resolved.span.earliest <= resolved.span.latest


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        pytest.param(DateSpan.on(date(2026, 11, 27)), date(2026, 11, 27), id="next-friday"),
        pytest.param(DateSpan.on(TODAY), TODAY, id="today"),
        pytest.param(DateSpan(date(2026, 11, 16), date(2026, 11, 22)), TODAY, id="this-week"),
        pytest.param(
            DateSpan(date(2026, 11, 30), date(2026, 12, 6)), date(2026, 11, 30), id="next-week"
        ),
        pytest.param(DateSpan.on(date(2026, 11, 2)), date(2026, 11, 2), id="past-order"),
        pytest.param(
            DateSpan(date(2026, 10, 1), date(2026, 10, 31)), date(2026, 10, 1), id="past-month"
        ),
    ],
)
def test_the_order_date_is_the_first_day_of_the_span_not_before_today(order, expected):
    assert resolve_order_date(order, TODAY) == expected
