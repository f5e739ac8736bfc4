"""A linked customer's ZOSI account as the domain sees it: profile, orders, support requests.

The account API adapter (``adapters.account``) parses the API's JSON into these and the
conversation decides on them (R1, W1, X1 windows from ``Order.placed_at``; P7 from
``Profile.minor``). Times are aware UTC datetimes.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple


class Profile(NamedTuple):
    """The linked account's profile (``GET /me``).

    ``minor`` and ``guardian_consent`` decide whether the skill may give personal
    answers (P7); ``privacy_policy_version`` whether a change notice is due (P8).
    """

    account_id: str
    given_name: str | None
    country: str
    minor: bool
    guardian_consent: bool
    privacy_policy_version: str | None


class Tracking(NamedTuple):
    """Where a shipped parcel can be followed (D5)."""

    carrier: str
    number: str
    url: str | None


class OrderItem(NamedTuple):
    """One line of an order."""

    sku: str
    name: str
    quantity: int
    serial_number: str | None


class Order(NamedTuple):
    """An order of the linked account.

    ``placed_at`` is the purchase time that return and warranty windows count
    from (R1, W1); ``channel`` decides R2/R5, ``gift`` R6, and the two countries
    W5-W7 and X1. Times are aware UTC datetimes.
    """

    order_id: str
    placed_at: datetime
    delivered_at: datetime | None
    status: str
    channel: str
    store_name: str | None
    ship_from_country: str | None
    ship_to_country: str
    gift: bool
    tracking: Tracking | None
    items: tuple[OrderItem, ...]


class SupportRequest(NamedTuple):
    """A return, warranty repair or cross-shipping request opened with ZOSI support."""

    request_id: str
    order_id: str
    kind: str
    reason: str
    status: str
    created_at: datetime
    rma_code: str | None
    note: str | None
