"""Spoken dates resolve to the AMAZON.DATE values Alexa sends, with Alexa's future bias.

Most cases are said on Saturday 21 November 2026 (ISO week 2026-W47); a few are said on the
last day of a 53-week year and on a leap day, where calendar arithmetic is easiest to get wrong.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devtools.datephrases import (
    corrected_date,
    resolve_date_phrase,
    resolve_duration_phrase,
    splits_a_number,
)

SATURDAY = date(2026, 11, 21)
YEAR_END = date(2026, 12, 31)
LEAP_DAY = date(2028, 2, 29)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("today", "2026-11-21"),
        ("now", "PRESENT_REF"),
        ("right now", "PRESENT_REF"),
        ("at the moment", "PRESENT_REF"),
        ("yesterday", "2026-11-20"),
        ("the day before yesterday", "2026-11-19"),
        ("tomorrow", "2026-11-22"),
    ],
)
def test_today_yesterday_and_now_are_said_relative_to_the_day(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("3 days ago", "2026-11-18"),
        ("three days ago", "2026-11-18"),
        ("twenty one days ago", "2026-10-31"),
        ("a week ago", "2026-W46"),
        ("two weeks ago", "2026-W45"),
        ("a couple of weeks ago", "2026-W45"),
        ("a month ago", "2026-10"),
        ("eleven months ago", "2025-12"),
        ("2 years ago", "2024"),
    ],
)
def test_n_units_ago_gives_a_day_an_iso_week_a_month_or_a_year(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last week", "2026-W46"),
        ("this week", "2026-W47"),
        ("next week", "2026-W48"),
        ("this weekend", "2026-W47-WE"),
        ("last weekend", "2026-W46-WE"),
        ("last month", "2026-10"),
        ("this month", "2026-11"),
        ("earlier this month", "2026-11"),
        ("next month", "2026-12"),
        ("last year", "2025"),
        ("this year", "2026"),
    ],
)
def test_last_this_and_next_period_resolve_to_that_period(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in 2025", "2025"),
        ("2025", "2025"),
        ("twenty twenty five", "2025"),
        ("two thousand and twenty five", "2025"),
        ("the 2010s", "201X"),
        ("the twenty tens", "201X"),
        ("the nineties", "199X"),
        ("the 90s", "199X"),
    ],
)
def test_years_and_decades_in_digits_or_words(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("this summer", "2026-SU"),
        ("last summer", "2026-SU"),
        ("next summer", "2027-SU"),
        ("last fall", "2025-FA"),
        ("last autumn", "2025-FA"),
        ("last winter", "2025-WI"),
        ("this winter", "2026-WI"),
        ("the summer of 2024", "2024-SU"),
    ],
)
def test_seasons_resolve_to_the_season_meant_in_late_autumn(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


def test_the_winter_in_progress_in_january_is_labelled_by_its_december():
    assert resolve_date_phrase("this winter", date(2027, 1, 15)) == "2026-WI"
    assert resolve_date_phrase("last winter", date(2027, 1, 15)) == "2025-WI"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in October", "2027-10"),
        ("in November", "2026-11"),
        ("December", "2026-12"),
        ("last October", "2026-10"),
        ("last November", "2025-11"),
        ("this March", "2026-03"),
        ("October 2025", "2025-10"),
        ("back in June", "2027-06"),
    ],
)
def test_a_month_without_a_year_is_the_next_one_on_or_after_today(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("March 3rd", "2027-03-03"),
        ("3rd of March", "2027-03-03"),
        ("March the third", "2027-03-03"),
        ("the third of March", "2027-03-03"),
        ("on March 3", "2027-03-03"),
        ("November 5th", "2027-11-05"),
        ("November 21st", "2026-11-21"),
        ("the twenty-first of November", "2026-11-21"),
        ("the 5th", "2026-12-05"),
        ("on the fifth", "2026-12-05"),
        ("the 31st", "2026-12-31"),
        ("February 29th", "2028-02-29"),
    ],
)
def test_a_day_without_a_year_is_the_next_such_date_on_or_after_today(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("5 November 2025", "2025-11-05"),
        ("November 5th, 2025", "2025-11-05"),
        ("the fifth of November 2025", "2025-11-05"),
        ("November fifth twenty twenty five", "2025-11-05"),
        ("2026-11-05", "2026-11-05"),
        ("2026-03", "2026-03"),
    ],
)
def test_an_explicit_year_or_typed_iso_date_is_taken_as_said(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("March this year", "2026-03"),
        ("in March this year", "2026-03"),
        ("March of last year", "2025-03"),
        ("March next year", "2027-03"),
        ("December this year", "2026-12"),
        ("summer last year", "2025-SU"),
        ("November 25 last year", "2025-11-25"),
        ("November 25th last year", "2025-11-25"),
        ("the 25th of November last year", "2025-11-25"),
        ("March 3rd this year", "2026-03-03"),
        ("the 25th of last month", "2026-10-25"),
        ("the 5th of this month", "2026-11-05"),
        ("the 5th of next month", "2026-12-05"),
    ],
)
def test_a_year_or_month_qualifier_is_resolved_as_alexa_resolves_it(phrase, expected):
    """Audit S031, S033, S038: "this year", "last year" and "last month" name the period.

    Alexa sends the year or month the qualifier names, never the next such date: "March
    this year" said in November 2026 is 2026-03, not 2027-03.
    """
    assert resolve_date_phrase(phrase, SATURDAY) == expected


def test_a_day_last_month_does_not_have_is_no_date():
    assert resolve_date_phrase("the 31st of last month", date(2026, 12, 5)) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Monday", "2026-11-23"),
        ("Monday", "2026-11-23"),
        ("on Saturday", "2026-11-21"),
        ("next Saturday", "2026-11-28"),
        ("last Monday", "2026-11-16"),
        ("last Saturday", "2026-11-14"),
        ("on Friday", "2026-11-27"),
    ],
)
def test_weekdays_are_the_upcoming_one_unless_said_last(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "banana",
        "amazon",
        "a store",
        "",
        "2026-13-01",
        "2026-02-30",
        "February 30th 2026",
        "the 32nd",
    ],
)
def test_words_that_are_not_a_date_resolve_to_nothing(phrase):
    assert resolve_date_phrase(phrase, SATURDAY) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("tomorrow", "2027-01-01"),
        ("this week", "2026-W53"),
        ("next week", "2027-W01"),
        ("next month", "2027-01"),
        ("in January", "2027-01"),
        ("the 1st", "2027-01-01"),
        ("next year", "2027"),
    ],
)
def test_phrases_said_on_new_years_eve_roll_into_the_next_year(phrase, expected):
    assert resolve_date_phrase(phrase, YEAR_END) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", "2028-02-28"),
        ("today", "2028-02-29"),
        ("a year ago", "2027"),
        ("a month ago", "2028-01"),
        ("the 29th", "2028-02-29"),
        ("the 30th", "2028-03-30"),
        ("February 29th", "2028-02-29"),
        ("365 days ago", "2027-03-01"),
    ],
)
def test_phrases_said_on_a_leap_day(phrase, expected):
    assert resolve_date_phrase(phrase, LEAP_DAY) == expected


days = st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31))


@given(today=days, count=st.integers(min_value=0, max_value=999))
def test_n_days_ago_is_always_exactly_n_days_before_today(today, count):
    assert resolve_date_phrase(f"{count} days ago", today) == (today - timedelta(count)).isoformat()


@given(today=days, day=st.integers(min_value=1, max_value=31))
def test_the_nth_is_always_on_or_after_today_and_on_that_day_of_the_month(today, day):
    resolved = date.fromisoformat(resolve_date_phrase(f"the {day}th", today) or "")
    assert resolved >= today
    assert resolved.day == day
    assert resolved - today < timedelta(days=62)


@given(today=days, weekday=st.sampled_from(["monday", "wednesday", "sunday"]))
def test_last_weekday_is_within_the_week_before_today(today, weekday):
    resolved = date.fromisoformat(resolve_date_phrase(f"last {weekday}", today) or "")
    assert timedelta(days=1) <= today - resolved <= timedelta(days=7)
    assert resolved.strftime("%A").lower() == weekday


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # a cardinal day with "of", as second-language speakers say it
        ("twenty of february", "2027-02-20"),
        # the weekday said with the full date adds nothing
        ("monday the twenty eighth of december twenty twenty six", "2026-12-28"),
        # the year first
        ("two thousand twenty five november twenty first", "2025-11-21"),
        ("twenty twenty six december first", "2026-12-01"),
        # a part of a month is that month
        ("early december twenty twenty five", "2025-12"),
        ("the end of october", "2027-10"),
    ],
)
def test_dates_said_with_a_weekday_a_part_of_the_month_or_the_year_first(phrase, expected):
    assert resolve_date_phrase(phrase, SATURDAY) == expected


def test_a_vague_word_alone_is_no_date():
    assert resolve_date_phrase("early", SATURDAY) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("five months", "P5M"),
        ("eight month", "P8M"),
        ("about six months", "P6M"),
        ("a year", "P1Y"),
        ("a year and a half", "P1Y6M"),
        ("one and a half years", "P1Y6M"),
        ("half a year", "P6M"),
        ("two years three months", "P2Y3M"),
        ("1 year and 2 months", "P1Y2M"),
        ("a couple of weeks", "P2W"),
        ("ten days", "P10D"),
    ],
)
def test_lengths_of_time_resolve_to_iso_durations(phrase, expected):
    assert resolve_duration_phrase(phrase) == expected


@pytest.mark.parametrize("phrase", ["a few months", "months", "the warranty", "five", "last year"])
def test_words_that_are_no_length_of_time_fill_no_duration(phrase):
    assert resolve_duration_phrase(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2025 september", "2025-09"),
        ("in 2025 september", "2025-09"),
        ("twenty twenty five september", "2025-09"),
        ("last year, in march", "2025-03"),
        ("this year in may", "2026-05"),
    ],
)
def test_a_year_said_before_its_month_gives_that_month(phrase, expected):
    """'I buy it in 2025 September', 'last year, in March': the same month, the year first."""
    assert resolve_date_phrase(phrase, SATURDAY) == expected


def test_a_phrase_stopping_inside_a_spoken_number_is_split_there():
    """'... twenty | twenty six' and 'the twenty | first' cut a number; 'twenty | of' does not."""
    assert splits_a_number("twenty", "six")
    assert splits_a_number("twenty", "twenty")
    assert splits_a_number("twenty", "first")
    assert splits_a_number("two", "thousand")
    assert not splits_a_number("twenty", "of")
    assert not splits_a_number("august", "six")


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("2024-11-25", "2025", "2025-11-25"),
        ("2024-02-29", "2025", None),  # no 29 February in 2025: no date to keep
        ("2026-11-02", "the third", "2026-11-03"),
        ("2026-11", "the 18th", "2026-11-18"),
        ("2026-11-22", "twenty fifth twenty twenty five", "2025-11-25"),  # day and year
        ("2026-11-22", "the 25th of 2025", "2025-11-25"),
        ("2026-11-02", "december the third", None),  # said whole: read as said, not merged
        ("2025", "the third", None),  # a year alone has no month to keep
    ],
)
def test_a_correction_of_one_part_of_a_date_keeps_the_others(earlier, later, expected):
    assert corrected_date(earlier, later) == expected
