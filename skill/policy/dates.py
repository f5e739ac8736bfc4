"""Dates as Alexa's AMAZON.DATE slot sends them, turned into spans the rules can use.

AMAZON.DATE values are ISO-8601-like strings that may name a day, a week, a weekend, a
month, a season, a year or a decade, with ``XXXX`` for a year the user did not say.
Alexa resolves a date spoken without a year to today or later, which is wrong for a
purchase: ``resolve_purchase_date`` moves such dates back into the past.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final, NamedTuple

from policy.model import DateSpan


class DateParseError(ValueError):
    """The slot value is not an AMAZON.DATE form this skill understands."""


class FutureDateError(ValueError):
    """The date is in the future even after moving it back a year: not a purchase date."""


_YEAR: Final = r"(?P<year>[0-9]{4}|XXXX)"
_ONE_DAY: Final = timedelta(days=1)

_SEASON_MONTHS: Final = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
"""First and last month of each meteorological season (northern hemisphere).

Russia is in the northern hemisphere and Russians count seasons by whole months, so
spring is March to May. Winter runs from December of the named year to the end of
February of the next (month 14 = February of the next year): "winter 2026" is the
winter that starts in December 2026.
"""


def parse_amazon_date(value: str, today: date) -> DateSpan:
    """Turn an AMAZON.DATE slot value into the span of days it names.

    Accepted forms (surrounding whitespace is ignored, letters are case-sensitive as
    Alexa sends them): ``2026-11-05`` a day; ``2026-W47`` an ISO week, Monday to Sunday;
    ``2026-W47-WE`` that week's Saturday and Sunday; ``2026-11`` a month; ``2026-WI``,
    ``-SP``, ``-SU``, ``-FA`` a season (see ``_SEASON_MONTHS``); ``2026`` a year;
    ``202X`` a decade; ``PRESENT_REF`` today. ``XXXX`` in place of a year means the
    current year; ``resolve_purchase_date`` then moves it back if it lies ahead.

    Args:
        value: The slot value.
        today: The customer's current date (for ``PRESENT_REF`` and ``XXXX``).

    Returns:
        The days the value covers, both ends inclusive.

    Raises:
        DateParseError: If the value is not one of those forms or names no real date
            (``2026-02-30``, ``2025-W53``).
    """
    text = value.strip()
    for pattern, build in _FORMS:
        # re compiles a pattern on its first use and caches it: a cold start compiles
        # only the forms it tries, most often just the first (a full date).
        if match := re.fullmatch(pattern, text):
            try:
                return build(match, today)
            except (ValueError, OverflowError) as exc:
                raise DateParseError(f"not a real date: {value!r}") from exc
    raise DateParseError(f"not an AMAZON.DATE value: {value!r}")


def _day(match: re.Match[str], today: date) -> DateSpan:
    """``2026-11-05``: one day."""
    return DateSpan.on(date(_year(match, today), int(match["month"]), int(match["day"])))


def _week(match: re.Match[str], today: date) -> DateSpan:
    """``2026-W47``: Monday to Sunday of an ISO week; ``2026-W47-WE``: its weekend."""
    monday = date.fromisocalendar(_year(match, today), int(match["week"]), 1)
    first = monday + timedelta(days=5) if match["weekend"] else monday
    return DateSpan(first, monday + timedelta(days=6))


def _month(match: re.Match[str], today: date) -> DateSpan:
    """``2026-11``: a whole month."""
    month = int(match["month"])
    return _months(_year(match, today), month, month)


def _season(match: re.Match[str], today: date) -> DateSpan:
    """``2026-SU``: a meteorological season (see ``_SEASON_MONTHS``)."""
    first, last = _SEASON_MONTHS[match["season"]]
    return _months(_year(match, today), first, last)


def _whole_year(match: re.Match[str], today: date) -> DateSpan:
    """``2026``: a whole year (a bare year is always spoken, never ``XXXX``)."""
    return _months(int(match["year"]), 1, 12)


def _decade(match: re.Match[str], today: date) -> DateSpan:
    """``202X``: 1 January 2020 to 31 December 2029."""
    first_year = int(match["decade"]) * 10
    return DateSpan(date(first_year, 1, 1), date(first_year + 9, 12, 31))


def _present(match: re.Match[str], today: date) -> DateSpan:
    """``PRESENT_REF``: "now", today."""
    return DateSpan.on(today)


_FORMS: Final[tuple[tuple[str, Callable[[re.Match[str], date], DateSpan]], ...]] = (
    (_YEAR + r"-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})", _day),
    (_YEAR + r"-W(?P<week>[0-9]{2})(?P<weekend>-WE)?", _week),
    (_YEAR + r"-(?P<month>[0-9]{2})", _month),
    (_YEAR + r"-(?P<season>WI|SP|SU|FA)", _season),
    (r"(?P<year>[0-9]{4})", _whole_year),
    (r"(?P<decade>[0-9]{3})X", _decade),
    (r"PRESENT_REF", _present),
)
"""Every AMAZON.DATE form: the pattern the whole value must match and how to build its span."""


def _year(match: re.Match[str], today: date) -> int:
    """The matched year; ``XXXX`` (year not spoken) is the current year."""
    year = match["year"]
    return today.year if year == "XXXX" else int(year)


def _months(year: int, first_month: int, last_month: int) -> DateSpan:
    """The span from the first day of one month to the last day of another.

    Months past 12 continue into the next year, so a winter can be written (12, 14).
    """
    end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    end_day = days_in_month(end_year, end_month)
    return DateSpan(date(year, first_month, 1), date(end_year, end_month, end_day))


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has.

    This is calendar.monthrange without importing calendar, which pulls in locale:
    a cold start pays for every import.
    """
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def add_months(day: date, months: int) -> date:
    """Add calendar months, clamping to the end of a shorter month.

    31 January + 1 month is 28 (or 29) February; 29 February 2024 + 12 months is
    28 February 2025. W1 and X1 count their 12 months with this.

    Raises:
        ValueError: If the result is outside the years ``date`` supports.
    """
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, days_in_month(year, month)))


_AGE: Final = re.compile(r"P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?")
_OLDEST_AGE_MONTHS: Final = 12 * 50
"""An age beyond this is no product's: "fifty years" is a joke or a mishearing."""


def date_of_age(duration: str, today: date) -> str | None:
    """The purchase date an age names, as the AMAZON.DATE value Alexa sends for "... ago".

    A customer who says the camera is "eight months old", or that it broke "after five
    months", has told the purchase date as precisely as one who says "eight months ago":
    ages in days name that day, in weeks that week, in months or years that month. So
    the age reaches the rules (R1, W1, X1) exactly as the date would have.

    Args:
        duration: An AMAZON.DURATION value, ISO-8601 ("P8M", "P1Y6M", "P2W").
        today: The customer's current date.

    Returns:
        The AMAZON.DATE value, or None when the value is no age (a time of day, nothing,
        or one longer than any product's life).
    """
    found = _AGE.fullmatch(duration.strip())
    if found is None or not any(found.groupdict().values()):
        return None
    years, months, weeks, days = (int(found[unit] or 0) for unit in "YMWD")
    total_months = 12 * years + months
    if total_months > _OLDEST_AGE_MONTHS or (total_months == 0 and weeks == days == 0):
        return None
    if total_months:
        start = add_months(today, -total_months) - timedelta(weeks=weeks, days=days)
        return f"{start.year:04d}-{start.month:02d}"
    start = today - timedelta(weeks=weeks, days=days)
    if days:
        return start.isoformat()
    year, week, _ = start.isocalendar()
    return f"{year:04d}-W{week:02d}"


class ResolvedDate(NamedTuple):
    """A purchase span moved into the past.

    Attributes:
        span: The span the rules should use; it never ends after today.
        shifted_back: The span was moved back one year because Alexa had put it ahead.
        clipped: The span contained today and now ends today.
        day_of_month: When the customer may have named only a day of the month ("the
            5th"), that day's latest occurrence before today: the likelier reading
            (see ``day_of_month_reading``). None otherwise.
        last_week: When the customer may have named a weekday ("I got it Tuesday"), that
            weekday in the week just gone (see ``weekday_reading``). None otherwise.
    """

    span: DateSpan
    shifted_back: bool
    clipped: bool
    day_of_month: DateSpan | None = None
    last_week: DateSpan | None = None


def resolve_purchase_date(span: DateSpan, today: date) -> ResolvedDate:
    """Make a spoken purchase date lie in the past.

    Alexa resolves a date said without a year to today or later ("March 3rd" said in
    November 2026 arrives as 2027-03-03). A purchase cannot be in the future, so a span
    that starts after today moves back one year (both ends). A 29 February said without
    a year arrives as the next one, up to four years ahead: it is the last 29 February on
    or before today (see ``last_leap_day``). A span that contains today ("this month")
    ends today instead.

    Args:
        span: The span parsed from the slot.
        today: The customer's current date.

    Returns:
        The span to use and what was done to it.

    Raises:
        FutureDateError: If the span still starts after today once moved back a year.
    """
    shifted_back = span.earliest > today
    day_of_month = day_of_month_reading(span, today) if shifted_back else None
    last_week = weekday_reading(span, today) if shifted_back else None
    if shifted_back:
        span = _year_before(span, today)
        if span.earliest > today:
            raise FutureDateError(f"purchase date in the future: {span.earliest} > {today}")
    clipped = span.latest > today
    if clipped:
        span = DateSpan(span.earliest, today)
    return ResolvedDate(span, shifted_back, clipped, day_of_month, last_week)


def _year_before(span: DateSpan, today: date) -> DateSpan:
    """The span a year earlier; the next 29 February is the last one (``last_leap_day``)."""
    day = span.earliest
    if span.precise and (day.month, day.day) == (2, 29) and last_leap_day(day - _ONE_DAY) <= today:
        return DateSpan.on(last_leap_day(today))
    return DateSpan(add_months(span.earliest, -12), add_months(span.latest, -12))


def last_leap_day(day: date) -> date:
    """The last 29 February on or before ``day``.

    "February 29th" said without a year arrives as the next 29 February, which may be
    four years ahead (2028-02-29, said in November 2026). One year back is still ahead
    and has no 29th, so the purchase meant is the 29 February before: 2024-02-29.
    """
    year = day.year if (day.month, day.day) >= (2, 29) else day.year - 1
    while days_in_month(year, 2) != 29:
        year -= 1
    return date(year, 2, 29)


def day_of_month_reading(span: DateSpan, today: date) -> DateSpan | None:
    """The purchase day meant by a bare day of the month, if ``span`` could be one.

    "I bought it on the 5th" names no month, and Alexa resolves it to the next 5th
    from today: said on 21 November it arrives as 5 December, exactly as "December
    5th" does. The customer almost certainly meant the 5th just gone, 5 November. So
    when a single future day is the first day with its number after today, this is
    its previous occurrence (months without that day, such as a 30 February, are
    skipped). None for a span of several days, a day today or earlier, or a day
    further ahead than the next occurrence of its number.
    """
    if not span.precise or span.earliest <= today:
        return None
    day = span.earliest
    for months_back in (1, 2):
        earlier = add_months(day, -months_back)
        if earlier.day == day.day:  # add_months clamps a day the month lacks: skip it
            return DateSpan.on(earlier) if earlier < today else None
    return None


#: A weekday said alone is resolved to its next occurrence: at most this many days ahead.
_WEEK = timedelta(days=7)


def weekday_reading(span: DateSpan, today: date) -> DateSpan | None:
    """The purchase day meant by a bare weekday, if ``span`` could be one.

    "I got it Tuesday", said on Sunday 6 December, arrives as the next Tuesday, 8
    December, exactly as "the 8th" does. A purchase is in the past, so the customer meant
    the Tuesday just gone, 1 December. Any single day less than a week ahead may be such
    a weekday: its reading is the same weekday one week earlier. None for a span of
    several days, a day today or earlier, or a day a week or more ahead.
    """
    if not span.precise or not today < span.earliest < today + _WEEK:
        return None
    return DateSpan.on(span.earliest - _WEEK)


def day_within(span: DateSpan, day_number: int) -> DateSpan | None:
    """The one day numbered ``day_number`` inside ``span``, if there is exactly one.

    A customer who gave a month ("in March") and then a bare day ("the third") means
    that day of that month, not the next 3rd Alexa resolves it to. Inside a single
    month there is at most one such day; a longer span ("last summer") may hold
    several, and then the day alone does not say which: None, as for a span
    without that day (a 31st in a 30-day month) or a span of one day.
    """
    if span.precise:
        return None
    found: date | None = None
    month = span.earliest.replace(day=1)
    while month <= span.latest:
        if day_number <= days_in_month(month.year, month.month):
            candidate = month.replace(day=day_number)
            if span.earliest <= candidate <= span.latest:
                if found is not None:
                    return None
                found = candidate
        month = add_months(month, 1)
    return None if found is None else DateSpan.on(found)


def day_in_month(day_number: int, month: DateSpan, today: date) -> DateSpan | None:
    """The purchase day meant by a day said first and its month said after it.

    "November 25th", said on 20 November, arrives as 25 November this year, exactly as "the
    25th" does, so the skill checks it as 25 October (the 25th just gone). "No, November"
    then arrives as a month, 2026-11: the customer keeps the day they said and names its
    month. That day of that month, moved into the past as any purchase date is
    (``resolve_purchase_date``): 25 November 2025. None when ``month`` is not one whole
    calendar month, or has no day ``day_number`` (a 31st in November).

    Raises:
        FutureDateError: If the day is still ahead once moved back a year.
    """
    first = month.earliest
    whole = first.day == 1 and month.latest == first.replace(
        day=days_in_month(first.year, first.month)
    )
    if not whole or not 1 <= day_number <= month.latest.day:
        return None
    return resolve_purchase_date(DateSpan.on(first.replace(day=day_number)), today).span


#: An order date further ahead than this many months was a past day said without a year.
ORDER_AHEAD_MONTHS = 6


def resolve_order_date(span: DateSpan, today: date, *, placed: bool = False) -> date:
    """Pick the order day a delivery question is about.

    An order already placed ("I ordered on the 10th") was made on a purchase day, which
    Alexa puts on its next occurrence like any date said without a year: it is read as
    ``resolve_purchase_date`` reads a purchase date, and a day that may have been named
    without a month ("the 10th", said on 20 November, arrives as 10 December) is the one
    just gone, 10 November, and a day less than a week ahead may have been a weekday ("I
    ordered on Tuesday") and is the one just gone (``weekday_reading``). The answer says
    the day it counts from, so the customer can correct it.

    An order to place ("if I order on Friday") names a day ahead: the earliest day of the
    span that is not before today. A span wholly in the past is an order already placed
    ("when should my order from 2 November arrive"): its earliest day. A day more than
    ``ORDER_AHEAD_MONTHS`` ahead is no planned order but a past day said without a year,
    and is read as placed.

    Raises:
        FutureDateError: If an order already placed is still ahead once moved back.
    """
    if placed or span.earliest > add_months(today, ORDER_AHEAD_MONTHS):
        resolved = resolve_purchase_date(span, today)
        return (resolved.last_week or resolved.day_of_month or resolved.span).earliest
    if span.latest < today:
        return span.earliest
    return max(span.earliest, today)
