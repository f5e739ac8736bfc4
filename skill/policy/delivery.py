"""Delivery: which countries the terms cover (D2, D4) and dates in Russian business days.

D2 and D4 are the Russian store's terms: free delivery anywhere in Russia, in 3 to 30
Russian business days. They say nothing about delivery to another country, so a
question about one gets no dates, only what the terms do cover (``delivery_coverage``).

D4 counts courier delivery in business days: Russian working days, so weekends and
Russian public holidays do not count. The calendar is the ``holidays`` package's for
Russia, imported only when a delivery date is first computed (it costs about 80 ms of
cold start that most requests never need) and built once per year.

The package (``holidays`` 0.107 or later, country "RU", category PUBLIC) models the
public holidays, including the New Year holidays of 1-8 January; the days off moved
by decree, such as 9 January and 31 December 2026; the observed days when a holiday
falls on a weekend, such as Monday 11 May 2026; and the weekend days the same decrees
make working days, such as Saturday 1 November 2025 and Saturday 20 February 2027
(2026 has none). Its ``is_working_day`` decides each day, so a working Saturday counts
as a business day. Transfers are decreed year by year: a year the package does not
know yet has no transfers, only weekends and the fixed holidays.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from policy.regions import Region, find_region
from policy.terms import DELIVERY_BUSINESS_DAYS, STORE_COUNTRY, WAREHOUSE_CITY

if TYPE_CHECKING:
    from holidays import HolidayBase


class DeliveryEstimate(NamedTuple):
    """When an order should arrive.

    Attributes:
        order_date: The day the order is (or was) placed.
        earliest: Arrival date after ``min_days`` business days.
        latest: Arrival date after ``max_days`` business days.
        min_days: Fewest business days (D4 range or the region's estimate).
        max_days: Most business days.
        region: The region the estimate is narrowed to; None for the policy range.
        estimated: True when the range is the regional ESTIMATE, not the published D4
            range (see ``regions.ESTIMATE_NOTE``).
        free: Delivery is free anywhere in Russia (D2).
        ships_from: The warehouse city (D3).
        rule_ids: The rules the estimate rests on, in POLICY.md order.
    """

    order_date: date
    earliest: date
    latest: date
    min_days: int
    max_days: int
    region: Region | None
    estimated: bool
    free: bool
    ships_from: str
    rule_ids: tuple[str, ...]


class DeliveryCoverage(NamedTuple):
    """Whether the published delivery terms cover the country a customer asks about.

    Attributes:
        country: The ISO 3166-1 alpha-2 code asked about; None when no country was named.
        covered: True when the published terms apply there, only in ``terms_country``.
        terms_country: The one country the terms cover (D2: anywhere in Russia).
        min_days: Fewest business days the terms promise in ``terms_country`` (D4).
        max_days: Most business days the terms promise there.
        rule_ids: The rules the decision rests on, in POLICY.md order.
    """

    country: str | None
    covered: bool
    terms_country: str
    min_days: int
    max_days: int
    rule_ids: tuple[str, ...]


def delivery_coverage(country_code: str | None) -> DeliveryCoverage:
    """Decide whether the published delivery terms cover a country (D2, D4).

    D2 and D4 cover Russia only: free delivery anywhere in Russia, 3 to 30 Russian
    business days. For any other country the terms promise nothing, so there are no
    dates to compute; ZOSI support is the one to ask. No country named means the
    customer asks about the store's own country.

    Args:
        country_code: The CountryName slot's resolved id (ISO 3166-1 alpha-2, for
            example "KZ"), or None when the customer named no country.

    Returns:
        The decision, with the published business-day range for the covered country.
    """
    country = None if country_code is None else country_code.upper()
    min_days, max_days = DELIVERY_BUSINESS_DAYS
    return DeliveryCoverage(
        country=country,
        covered=country in (None, STORE_COUNTRY),
        terms_country=STORE_COUNTRY,
        min_days=min_days,
        max_days=max_days,
        rule_ids=("D2", "D4"),
    )


@lru_cache(maxsize=16)
def _russian_calendar(year: int) -> HolidayBase:
    """The Russian working-day calendar of one year (see module docstring)."""
    import holidays  # lazy: about 80 ms of cold start that most requests skip

    return holidays.country_holidays(STORE_COUNTRY, years=year)


def is_business_day(day: date) -> bool:
    """D4: whether ``day`` is a Russian working day.

    Weekends and days off do not count; a Saturday or Sunday made a working day by
    decree (Saturday 1 November 2025) does.
    """
    return _russian_calendar(day.year).is_working_day(day)


class DayKind(StrEnum):
    """What one calendar day is for delivery (D4), as a strip of days shows it."""

    ORDER = "order"
    """The day the order is placed: it never counts."""
    ARRIVAL = "arrival"
    """A business day inside the arrival window."""
    BUSINESS = "business"
    """A business day before the window opens."""
    WEEKEND = "weekend"
    """A Saturday or Sunday that is not a working day."""
    HOLIDAY = "holiday"
    """A Russian public holiday or day off on a weekday (D4: does not count)."""


def delivery_days(estimate: DeliveryEstimate) -> tuple[tuple[date, DayKind], ...]:
    """D4: every day from the order day to the last arrival day, with its kind.

    The strip on screen shows why the window is where it is: the business days that
    count, and the weekends and public holidays that do not.
    """
    days: list[tuple[date, DayKind]] = []
    day = estimate.order_date
    while day <= estimate.latest:
        if day == estimate.order_date:
            kind = DayKind.ORDER
        elif not is_business_day(day):
            is_weekend = day.weekday() >= 5 and day not in _russian_calendar(day.year)
            kind = DayKind.WEEKEND if is_weekend else DayKind.HOLIDAY
        elif day >= estimate.earliest:
            kind = DayKind.ARRIVAL
        else:
            kind = DayKind.BUSINESS
        days.append((day, kind))
        day += timedelta(days=1)
    return tuple(days)


def add_business_days(start: date, n: int) -> date:
    """Return the n-th business day after ``start`` (``start`` itself never counts).

    An order placed on Saturday 21 November 2026 reaches its 3rd business day on
    Wednesday 25 November 2026. ``n`` = 0 returns ``start``.

    Raises:
        ValueError: If ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"business days must not be negative: {n}")
    day = start
    for _ in range(n):
        day += timedelta(days=1)
        while not is_business_day(day):
            day += timedelta(days=1)
    return day


def estimate_delivery(order_date: date, region_id: str | None = None) -> DeliveryEstimate:
    """Compute the arrival window for an order (D2, D3, D4).

    D4 decision: the published range of 3 to 30 business days is used unless the region
    is in the estimate table, whose ranges stay inside it; an unknown region id falls
    back to the published range. Delivery is free (D2) and ships from Moscow (D3).

    Args:
        order_date: The day the order is placed (see ``dates.resolve_order_date``).
        region_id: A ``regions.REGIONS`` id, or None when the customer named no region.

    Returns:
        The estimate, with ``estimated`` telling whether a regional estimate was used.
    """
    region = None if region_id is None else find_region(region_id)
    min_days, max_days = (
        DELIVERY_BUSINESS_DAYS if region is None else (region.min_days, region.max_days)
    )
    earliest = add_business_days(order_date, min_days)
    return DeliveryEstimate(
        order_date=order_date,
        earliest=earliest,
        latest=add_business_days(earliest, max_days - min_days),
        min_days=min_days,
        max_days=max_days,
        region=region,
        estimated=region is not None,
        free=True,
        ships_from=WAREHOUSE_CITY,
        rule_ids=("D2", "D3", "D4"),
    )
