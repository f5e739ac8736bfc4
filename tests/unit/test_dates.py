"""AMAZON.DATE values as Alexa sends them, and purchase/order dates resolved from them."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy.dates import (
    DateParseError,
    FutureDateError,
    add_months,
    date_of_age,
    day_in_month,
    day_of_month_reading,
    day_within,
    last_leap_day,
    parse_amazon_date,
    resolve_order_date,
    resolve_purchase_date,
    weekday_reading,
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


@pytest.mark.parametrize(
    ("sent", "today", "meant"),
    [
        # "February 29th" said on 20 November 2026 arrives as 2028-02-29.
        (date(2028, 2, 29), date(2026, 11, 20), date(2024, 2, 29)),
        (date(2028, 2, 29), date(2027, 11, 1), date(2024, 2, 29)),
        (date(2024, 2, 29), date(2024, 2, 28), date(2020, 2, 29)),
        # 2100 is no leap year: the 29 February before 2104's is 2096's.
        (date(2104, 2, 29), date(2100, 3, 1), date(2096, 2, 29)),
    ],
)
def test_a_leap_day_said_without_a_year_is_the_last_29_february_on_or_before_today(
    sent, today, meant
):
    """R1, W1, X1 count from a real purchase day, never one four years ahead or a 28th."""
    resolved = resolve_purchase_date(DateSpan.on(sent), today)

    assert resolved.span == DateSpan.on(meant)
    assert resolved.shifted_back
    assert last_leap_day(today) == meant


def test_a_29_february_beyond_the_next_one_was_said_with_its_year_and_has_not_come():
    with pytest.raises(FutureDateError):
        resolve_purchase_date(DateSpan.on(date(2032, 2, 29)), date(2026, 11, 20))


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


@pytest.mark.parametrize(
    ("sent", "today", "meant"),
    [
        # "the 5th" on 21 November: Alexa sends 5 December; meant 5 November.
        (date(2026, 12, 5), TODAY, date(2026, 11, 5)),
        # "the 25th" on 21 November: Alexa sends 25 November; meant 25 October.
        (date(2026, 11, 25), TODAY, date(2026, 10, 25)),
        # "the 30th" on 20 March: no 30 February, so the last 30th was 30 January.
        (date(2026, 3, 30), date(2026, 3, 20), date(2026, 1, 30)),
        # "the 31st" on 5 April: Alexa sends 31 May; the last 31st was 31 March.
        (date(2026, 5, 31), date(2026, 4, 5), date(2026, 3, 31)),
        # "the 10th" on 20 December: Alexa sends 10 January; meant 10 December.
        (date(2027, 1, 10), date(2026, 12, 20), date(2026, 12, 10)),
    ],
)
def test_a_day_that_may_have_been_named_without_a_month_reads_as_the_one_just_gone(
    sent, today, meant
):
    assert day_of_month_reading(DateSpan.on(sent), today) == DateSpan.on(meant)
    resolved = resolve_purchase_date(DateSpan.on(sent), today)
    assert resolved.day_of_month == DateSpan.on(meant)
    assert resolved.span == DateSpan.on(add_months(sent, -12))  # the other reading


@pytest.mark.parametrize(
    ("sent", "why"),
    [
        (date(2026, 12, 21), "'the 21st' said today is today, never next month"),
        (date(2026, 12, 22), "'the 22nd' would be tomorrow, not a month ahead"),
        (date(2027, 3, 3), "more than a month ahead: a month was named"),
        (date(2026, 11, 5), "already in the past: nothing to reread"),
        (TODAY, "today"),
    ],
)
def test_a_day_no_bare_day_of_the_month_could_produce_has_no_such_reading(sent, why):
    assert day_of_month_reading(DateSpan.on(sent), TODAY) is None, why


def test_a_span_of_several_days_has_no_day_of_the_month_reading():
    december = parse_amazon_date("2026-12", TODAY)
    assert day_of_month_reading(december, TODAY) is None
    assert resolve_purchase_date(december, TODAY).day_of_month is None


@given(
    sent=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
    today=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
)
def test_a_day_of_the_month_reading_is_the_same_day_number_in_the_month_before_today(sent, today):
    reading = day_of_month_reading(DateSpan.on(sent), today)
    if reading is None:
        return
    assert reading.precise
    assert reading.earliest.day == sent.day
    assert reading.earliest < today < sent
    assert (sent - reading.earliest).days <= 62
    # Alexa would have sent this day number's next occurrence from today: ``sent`` itself.
    between = range(today.toordinal(), sent.toordinal())
    assert all(date.fromordinal(day).day != sent.day for day in between)


def test_a_bare_weekday_is_the_one_just_gone() -> None:
    """ "I got it Tuesday", said on Sunday 6 December 2026, arrives as Tuesday 8 December."""
    sunday = date(2026, 12, 6)
    resolved = resolve_purchase_date(DateSpan.on(date(2026, 12, 8)), sunday)
    assert resolved.last_week == DateSpan.on(date(2026, 12, 1))
    # "the 8th" arrives the same: its reading is kept beside the weekday's
    assert resolved.day_of_month == DateSpan.on(date(2026, 11, 8))


@pytest.mark.parametrize(
    ("sent", "why"),
    [
        pytest.param(TODAY, "today is no day ahead", id="today"),
        pytest.param(date(2026, 11, 28), "a week ahead is no bare weekday", id="a-week-ahead"),
        pytest.param(date(2026, 11, 5), "a past day needs no reading", id="past"),
    ],
)
def test_only_a_day_less_than_a_week_ahead_has_a_weekday_reading(sent: date, why: str) -> None:
    assert weekday_reading(DateSpan.on(sent), TODAY) is None, why
    assert weekday_reading(DateSpan(date(2026, 11, 23), date(2026, 11, 24)), TODAY) is None


@given(
    sent=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
    today=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
)
def test_a_weekday_reading_is_the_same_weekday_in_the_week_before_today(sent, today):
    reading = weekday_reading(DateSpan.on(sent), today)
    if reading is None:
        return
    assert reading.precise
    assert reading.earliest.weekday() == sent.weekday()
    assert 0 < (today - reading.earliest).days < 7


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


def test_an_order_day_alexa_put_a_year_ahead_is_the_one_just_gone() -> None:
    """ "I ordered on November 19th", said on 21 November 2026, arrives as 2027-11-19."""
    today = date(2026, 11, 21)
    assert resolve_order_date(DateSpan.on(date(2027, 11, 19)), today) == date(2026, 11, 19)


@pytest.mark.parametrize(
    ("sent", "meant"),
    [
        # "I ordered on the 10th", said on 20 November: Alexa sends 10 December.
        pytest.param(date(2026, 12, 10), date(2026, 11, 10), id="bare-day-just-gone"),
        # "I ordered on November 19th", said on 20 November: Alexa sends 19 November 2027.
        pytest.param(date(2027, 11, 19), date(2026, 11, 19), id="a-year-back"),
        pytest.param(date(2026, 11, 2), date(2026, 11, 2), id="already-past"),
        pytest.param(date(2026, 11, 20), date(2026, 11, 20), id="today"),
        # "I ordered on Tuesday", said on Friday 20 November: Alexa sends Tuesday 24 November.
        pytest.param(date(2026, 11, 24), date(2026, 11, 17), id="weekday-just-gone"),
    ],
)
def test_an_order_already_placed_is_dated_as_a_purchase_in_the_past(sent, meant) -> None:
    """D4 counts from the order day, read as resolve_purchase_date reads a purchase date."""
    assert resolve_order_date(DateSpan.on(sent), date(2026, 11, 20), placed=True) == meant


def test_an_order_already_placed_cannot_be_further_ahead_than_a_year() -> None:
    with pytest.raises(FutureDateError):
        resolve_order_date(DateSpan.on(date(2028, 6, 1)), date(2026, 11, 20), placed=True)


def test_an_order_day_a_few_months_ahead_is_a_planned_order() -> None:
    today = date(2026, 11, 21)
    assert resolve_order_date(DateSpan.on(date(2027, 3, 3)), today) == date(2027, 3, 3)


# --- a bare day inside a span already given ("in March", then "the third") ---------------


@pytest.mark.parametrize(
    ("span", "day", "expected"),
    [
        ((date(2026, 3, 1), date(2026, 3, 31)), 3, date(2026, 3, 3)),
        ((date(2026, 2, 1), date(2026, 2, 28)), 30, None),  # February has no 30th
        ((date(2026, 11, 1), date(2026, 11, 21)), 25, None),  # this month, not yet the 25th
        ((date(2026, 11, 1), date(2026, 11, 21)), 5, date(2026, 11, 5)),
        ((date(2026, 6, 1), date(2026, 8, 31)), 5, None),  # a summer: three 5ths
        ((date(2026, 6, 20), date(2026, 7, 10)), 25, date(2026, 6, 25)),
        ((date(2025, 12, 15), date(2026, 1, 14)), 1, date(2026, 1, 1)),  # across a year
        ((date(2026, 3, 3), date(2026, 3, 3)), 3, None),  # a day already
    ],
)
def test_a_day_number_inside_a_span_is_found_only_when_it_is_one_day(
    span: tuple[date, date], day: int, expected: date | None
) -> None:
    found = day_within(DateSpan(*span), day)
    assert found == (None if expected is None else DateSpan.on(expected))


# --- a month said after a day ("the 25th", then "no, November") ---------------------------

AUDIT_DAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("month", "meant"),
    [
        pytest.param("2026-11", date(2025, 11, 25), id="november-this-month-is-last-years"),
        pytest.param("2027-10", date(2026, 10, 25), id="october-just-gone"),
        pytest.param("2026-12", date(2025, 12, 25), id="december-ahead-is-last-years"),
        pytest.param("2027-09", date(2026, 9, 25), id="september-matches-no-reading"),
        pytest.param("2025-11", date(2025, 11, 25), id="a-year-said-is-kept"),
        pytest.param("2024-03", date(2024, 3, 25), id="long-ago"),
    ],
)
def test_a_month_said_after_a_day_keeps_the_day_and_lies_in_the_past(month, meant):
    """R1, W1, X1: the day the customer said, in the month they said, never ahead of today."""
    said = parse_amazon_date(month, AUDIT_DAY)
    assert day_in_month(25, said, AUDIT_DAY) == DateSpan.on(meant)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        pytest.param("2026-11", 31, id="november-has-no-31st"),
        pytest.param("2027-02", 29, id="february-2027-has-no-29th"),
        pytest.param("2026-W46", 10, id="a-week-is-no-month"),
        pytest.param("2026", 10, id="a-year-is-no-month"),
        pytest.param("2026-11-10", 10, id="a-day-is-no-month"),
        pytest.param("2026-SU", 10, id="a-season-is-no-month"),
    ],
)
def test_a_day_is_placed_only_in_one_whole_month_that_has_it(value, day):
    assert day_in_month(day, parse_amazon_date(value, AUDIT_DAY), AUDIT_DAY) is None


def test_a_day_placed_in_a_month_still_ahead_after_a_year_back_is_refused():
    with pytest.raises(FutureDateError):
        day_in_month(25, parse_amazon_date("2027-11", AUDIT_DAY), AUDIT_DAY)


@given(
    day=st.integers(1, 31),
    month=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
    today=st.dates(date(2001, 1, 1), date(2039, 12, 31)),
)
def test_a_day_placed_in_a_month_is_that_day_number_and_never_after_today(day, month, today):
    whole = parse_amazon_date(month.strftime("%Y-%m"), today)
    try:
        placed = day_in_month(day, whole, today)
    except FutureDateError:
        return
    if placed is None:
        assert day > whole.latest.day
        return
    assert placed.precise
    assert placed.earliest.day == day
    assert placed.earliest.month == month.month
    assert placed.earliest <= today


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("P8M", "2026-03"),  # "eight months old": that month, as "eight months ago" is
        ("P1Y6M", "2025-05"),
        ("P1Y", "2025-11"),
        ("P2W", "2026-W45"),  # that ISO week
        ("P10D", "2026-11-11"),  # that day
        ("P1M15D", "2026-10"),
    ],
)
def test_an_age_names_the_purchase_date_as_precisely_as_ago_would(age, expected):
    assert date_of_age(age, TODAY) == expected


@pytest.mark.parametrize("age", ["PT5M", "P", "P0D", "P60Y", "five months", ""])
def test_a_time_of_day_nothing_or_an_impossible_age_is_no_age(age):
    assert date_of_age(age, TODAY) is None
