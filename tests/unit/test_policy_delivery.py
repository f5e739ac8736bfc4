"""Delivery dates in Russian business days and the countries the terms cover, D2 to D4.

Expected dates are counted by hand on the 2025-2027 Russian production calendar.
"""

from datetime import date, timedelta

import pytest

from policy.delivery import (
    add_business_days,
    delivery_coverage,
    estimate_delivery,
    is_business_day,
)
from policy.regions import REGIONS


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 11, 21), "Saturday"),
        (date(2026, 11, 22), "Sunday"),
        (date(2026, 1, 5), "New Year holidays"),
        (date(2026, 1, 7), "Orthodox Christmas"),
        (date(2026, 1, 9), "day off moved from Saturday 3 January"),
        (date(2026, 2, 23), "Defender of the Fatherland Day"),
        (date(2026, 3, 9), "Women's Day observed on Monday"),
        (date(2026, 5, 1), "Spring and Labour Day"),
        (date(2026, 5, 11), "Victory Day observed on Monday"),
        (date(2026, 6, 12), "Russia Day"),
        (date(2026, 11, 4), "Unity Day"),
        (date(2026, 12, 31), "day off moved from Sunday 4 January"),
    ],
)
def test_d4_weekends_holidays_and_moved_days_off_are_not_business_days(day, reason):
    assert not is_business_day(day), reason


@pytest.mark.parametrize("day", [date(2026, 11, 23), date(2026, 12, 30), date(2027, 1, 11)])
def test_d4_ordinary_weekdays_are_business_days(day):
    assert is_business_day(day)


@pytest.mark.parametrize(
    ("day", "decree"),
    [
        (date(2025, 11, 1), "Saturday worked for the day off on Monday 3 November 2025"),
        (date(2027, 2, 20), "Saturday worked for the day off on Monday 22 February 2027"),
    ],
)
def test_d4_a_transferred_working_saturday_counts_as_a_business_day(day, decree):
    assert day.weekday() == 5
    assert is_business_day(day), decree


def test_d4_the_only_working_weekend_days_of_2025_to_2027_are_the_two_decreed_saturdays():
    # 2026 has none: its transfers move days off from 3 and 4 January, themselves holidays.
    days = (date(2025, 1, 1) + timedelta(days=n) for n in range(365 * 3))
    working_weekend_days = [day for day in days if day.weekday() >= 5 and is_business_day(day)]

    assert working_weekend_days == [date(2025, 11, 1), date(2027, 2, 20)]


def test_d4_an_order_spanning_the_working_saturday_of_1_november_2025_arrives_a_day_sooner():
    # Thu 30 October; Fri 31 (1), Sat 1 November worked (2); Sun 2, Mon 3 (day off moved
    # from the Saturday) and Tue 4 Unity Day do not count; Wed 5 (3). Counting the Saturday
    # as a day off would have given Thursday 6 November.
    assert estimate_delivery(date(2025, 10, 30)).earliest == date(2025, 11, 5)


def test_d4_an_order_spanning_the_working_saturday_of_20_february_2027_arrives_a_day_sooner():
    # Thu 18 February; Fri 19 (1), Sat 20 worked (2); Sun 21, Mon 22 (day off moved from the
    # Saturday) and Tue 23 Defender of the Fatherland Day do not count; Wed 24 (3). Counting
    # the Saturday as a day off would have given Thursday 25 February.
    assert estimate_delivery(date(2027, 2, 18)).earliest == date(2027, 2, 24)


def test_d4_ordered_on_saturday_21_november_the_3rd_business_day_is_wednesday_25th():
    assert add_business_days(date(2026, 11, 21), 3) == date(2026, 11, 25)


def test_the_start_day_never_counts_even_when_it_is_a_business_day():
    assert add_business_days(date(2026, 11, 23), 1) == date(2026, 11, 24)
    assert add_business_days(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_negative_business_days_are_a_programming_error():
    with pytest.raises(ValueError, match="negative"):
        add_business_days(date(2026, 11, 23), -1)


def test_d4_unity_day_is_skipped():
    # Mon 2 Nov (1), Tue 3 Nov (2), Wed 4 Nov Unity Day, Thu 5 Nov (3).
    assert add_business_days(date(2026, 11, 1), 3) == date(2026, 11, 5)


def test_d4_an_order_on_25_december_2026_waits_out_the_new_year_holidays():
    estimate = estimate_delivery(date(2026, 12, 25))

    # Mon 28, Tue 29, Wed 30 December are business days 1-3. Thu 31 December (moved day
    # off), 1-8 January (holidays) and the weekend of 9-10 January do not count; from
    # Monday 11 January 2027 five weeks of weekdays give days 4-28, then 15 and 16 February.
    assert estimate.earliest == date(2026, 12, 30)
    assert estimate.latest == date(2027, 2, 16)


def test_d4_an_order_on_28_december_2026_arrives_no_earlier_than_11_january():
    # Tue 29 (1), Wed 30 (2), then nothing until Monday 11 January 2027 (3).
    assert estimate_delivery(date(2026, 12, 28)).earliest == date(2027, 1, 11)


def test_d4_an_order_before_the_may_holidays_skips_1_may_and_the_weekend():
    # Thu 30 April; Fri 1 May holiday, Sat 2 and Sun 3; Mon 4 (1), Tue 5 (2), Wed 6 (3).
    assert estimate_delivery(date(2026, 4, 30)).earliest == date(2026, 5, 6)


def test_d4_an_order_before_victory_day_skips_the_observed_monday():
    # Thu 7 May; Fri 8 (1); Sat 9 Victory Day, Sun 10, Mon 11 observed; Tue 12 (2), Wed 13 (3).
    assert estimate_delivery(date(2026, 5, 7)).earliest == date(2026, 5, 13)


def test_d2_d3_d4_without_a_region_the_published_range_applies():
    estimate = estimate_delivery(date(2026, 11, 23))

    assert (estimate.min_days, estimate.max_days) == (3, 30)
    assert estimate.region is None
    assert not estimate.estimated
    assert estimate.free
    assert estimate.ships_from == "Moscow"
    assert estimate.rule_ids == ("D2", "D3", "D4")
    assert estimate.order_date == date(2026, 11, 23)


def test_d4_a_known_region_narrows_the_range_to_its_estimate():
    # Ordered Monday 23 November for Moscow (3-5): Thu 26 and Mon 30 November.
    estimate = estimate_delivery(date(2026, 11, 23), "moscow")

    assert estimate.region is REGIONS["moscow"]
    assert estimate.estimated
    assert (estimate.min_days, estimate.max_days) == (3, 5)
    assert estimate.earliest == date(2026, 11, 26)
    assert estimate.latest == date(2026, 11, 30)
    assert estimate.free


def test_d4_an_unknown_region_falls_back_to_the_published_range():
    estimate = estimate_delivery(date(2026, 11, 23), "atlantis")

    assert estimate.region is None
    assert not estimate.estimated
    assert (estimate.min_days, estimate.max_days) == (3, 30)


@pytest.mark.parametrize("country", ["RU", "ru", None])
def test_d2_d4_the_published_terms_cover_russia_and_a_question_naming_no_country(country):
    coverage = delivery_coverage(country)

    assert coverage.covered
    assert coverage.terms_country == "RU"
    assert (coverage.min_days, coverage.max_days) == (3, 30)
    assert coverage.rule_ids == ("D2", "D4")


@pytest.mark.parametrize("country", ["KZ", "BY", "US", "CN"])
def test_d2_d4_the_published_terms_do_not_cover_delivery_outside_russia(country):
    coverage = delivery_coverage(country)

    assert not coverage.covered
    assert coverage.country == country
    assert coverage.terms_country == "RU"
    assert coverage.rule_ids == ("D2", "D4")


def test_d4_an_uncovered_country_gets_the_russian_range_to_quote_but_no_dates():
    coverage = delivery_coverage("KZ")

    assert (coverage.min_days, coverage.max_days) == (3, 30)
    assert not any(isinstance(value, date) for value in coverage)


def test_delivery_days_mark_the_new_year_holidays_that_do_not_count() -> None:
    """D4: ordered 30 December 2026; 31 December and 1-8 January are days off, not business days."""
    from policy.delivery import DayKind, delivery_days

    estimate = estimate_delivery(date(2026, 12, 30))
    days = dict(delivery_days(estimate))
    assert days[date(2026, 12, 30)] is DayKind.ORDER
    assert days[date(2026, 12, 31)] is DayKind.HOLIDAY
    assert all(days[date(2027, 1, d)] is DayKind.HOLIDAY for d in range(1, 9))
    assert days[date(2027, 1, 16)] is DayKind.WEEKEND
    assert max(days) == estimate.latest
    assert min(day for day, kind in days.items() if kind is DayKind.ARRIVAL) == estimate.earliest
    counted = [d for d, kind in days.items() if kind in {DayKind.BUSINESS, DayKind.ARRIVAL}]
    assert len(counted) == estimate.max_days
