"""The local account service's demo customers and fault tokens.

Each demo customer is linked with the token ``demo-<name>`` (``chat --linked
NAME``). Orders are dated relative to the service's "today", so every customer
shows the same situation on any day:

==================  ====================================================================
name                what it shows
==================  ====================================================================
recent              camera ordered 5 days ago in the official AliExpress store, delivered
                    2 days ago (refundable, R1/R2); NVR ordered 200 days ago (under
                    warranty, W1); doorbell ordered yesterday, shipped with tracking, not
                    delivered yet (D5)
old                 doorbell bought 14 months ago (warranty over, W1); camera kit bought
                    11 months ago (warranty and cross-shipping still open, W1/X1)
thirdparty          camera bought 10 days ago from a third-party shop (R5)
gift                camera received as a gift 12 days ago (R6)
minor               account holder under 18 without guardian consent (P7: no personal
                    answers)
minor-consented     account holder under 18 with guardian consent (P7)
international       account in KZ; one order shipped from CN to RU (W7) and one bought and
                    delivered in RU (returned from outside the country of purchase, W6)
outdated            accepted privacy policy 2018-01-01 (P8 change notice)
==================  ====================================================================

`FAULT_TOKENS` lists the tokens that make the service misbehave, for tests.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

DEMO_TOKEN_PREFIX: Final = "demo-"
OFFICIAL_STORE: Final = "ZOSI Official Store (AliExpress)"
#: Orders are placed at 09:30 UTC (12:30 in Moscow): the same calendar day in Russia and the US.
PLACED_AT: Final = time(9, 30)
DELIVERED_AT: Final = time(15, 0)

FAULT_TOKENS: Final[Mapping[str, str]] = {
    "fault-500": "every call answers 500",
    "fault-503": "every call answers 503",
    "fault-429": "every call answers 429 with Retry-After: 3600",
    "fault-403": "every call answers 403 insufficient_scope",
    "fault-slow": "answers as demo-recent, after a pause longer than the client's read timeout",
    "fault-malformed": "every call answers 200 with a body that is not JSON",
    "fault-schema": "every call answers 200 with JSON that lacks the contract's required fields",
}


@dataclass(frozen=True)
class Ago:
    """A day before "today": ``months`` calendar months and then ``days`` days earlier."""

    days: int = 0
    months: int = 0

    def before(self, today: date) -> date:
        """The date this far before ``today`` (the day is clamped to the month's length)."""
        month_index = today.year * 12 + today.month - 1 - self.months
        year, month = divmod(month_index, 12)
        day = min(today.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day) - timedelta(days=self.days)


@dataclass(frozen=True)
class Product:
    """A ZOSI product as an order line shows it."""

    sku: str
    name: str


CAMERA: Final = Product("C190", "ZOSI C190 4MP PoE camera")
WIFI_CAMERA: Final = Product("C289", "ZOSI C289 2K Wi-Fi camera")
NVR: Final = Product("N8-4K", "ZOSI 8-channel 4K PoE NVR")
DOORBELL: Final = Product("DB1", "ZOSI DB1 2K video doorbell")
KIT: Final = Product("K8-1080", "ZOSI 8-channel 1080p camera kit with 1TB NVR")


@dataclass(frozen=True)
class DemoOrder:
    """One order, dated relative to "today"; ``to_json`` renders it as the API does.

    ``delivery_days`` is how many days after the order the parcel arrived (None:
    not delivered yet).
    """

    order_id: str
    product: Product
    placed: Ago
    delivery_days: int | None
    status: str = "delivered"
    channel: str = "zosi_official_store"
    store_name: str | None = OFFICIAL_STORE
    ship_from_country: str = "RU"
    ship_to_country: str = "RU"
    gift: bool = False
    tracking_number: str | None = None
    serial_number: str | None = None

    def placed_on(self, today: date) -> date:
        """The purchase date (UTC), which return and warranty windows count from."""
        return self.placed.before(today)

    def to_json(self, today: date) -> dict[str, object]:
        """The order as ``GET /me/orders`` returns it."""
        tracking = None
        if self.tracking_number is not None:
            tracking = {
                "carrier": "Russian Post",
                "number": self.tracking_number,
                "url": f"https://www.pochta.ru/tracking?barcode={self.tracking_number}",
            }
        return {
            "order_id": self.order_id,
            "placed_at": _timestamp(self.placed_on(today), PLACED_AT),
            "delivered_at": (
                None
                if self.delivery_days is None
                else _timestamp(
                    self.placed_on(today) + timedelta(days=self.delivery_days), DELIVERED_AT
                )
            ),
            "status": self.status,
            "channel": self.channel,
            "store_name": self.store_name,
            "ship_from_country": self.ship_from_country,
            "ship_to_country": self.ship_to_country,
            "gift": self.gift,
            "tracking": tracking,
            "items": [
                {
                    "sku": self.product.sku,
                    "name": self.product.name,
                    "quantity": 1,
                    "serial_number": self.serial_number,
                }
            ],
        }


@dataclass(frozen=True)
class DemoCustomer:
    """A linked demo account: its profile and its orders, newest first."""

    name: str
    summary: str
    account_id: str
    given_name: str
    orders: tuple[DemoOrder, ...]
    country: str = "RU"
    minor: bool = False
    guardian_consent: bool = False
    privacy_policy_version: str = "2019-06-01"

    @property
    def token(self) -> str:
        """The access token that links this customer."""
        return DEMO_TOKEN_PREFIX + self.name

    def profile_json(self) -> dict[str, object]:
        """The profile as ``GET /me`` returns it."""
        return {
            "account_id": self.account_id,
            "given_name": self.given_name,
            "country": self.country,
            "minor": self.minor,
            "guardian_consent": self.guardian_consent,
            "privacy_policy_version": self.privacy_policy_version,
        }


def _timestamp(day: date, at: time) -> str:
    return datetime.combine(day, at, UTC).isoformat().replace("+00:00", "Z")


DEMO_CUSTOMERS: Final[tuple[DemoCustomer, ...]] = (
    DemoCustomer(
        name="recent",
        summary=(
            "camera ordered 5 days ago (official AliExpress store, delivered, refundable R1); "
            "NVR ordered 200 days ago (under warranty W1); doorbell ordered yesterday, "
            "shipped with tracking (D5)"
        ),
        account_id="ZA-1001",
        given_name="Anna",
        orders=(
            DemoOrder(
                "ZS-10003",
                DOORBELL,
                Ago(days=1),
                None,
                status="shipped",
                tracking_number="RA123456785RU",
            ),
            DemoOrder("ZS-10002", CAMERA, Ago(days=5), 3, serial_number="C190A7781"),
            DemoOrder("ZS-10001", NVR, Ago(days=200), 7, serial_number="N84K20311"),
        ),
    ),
    DemoCustomer(
        name="old",
        summary=(
            "doorbell bought 14 months ago (warranty over, W1); camera kit bought "
            "11 months ago (warranty and cross-shipping open, W1/X1)"
        ),
        account_id="ZA-1002",
        given_name="Boris",
        orders=(
            DemoOrder("ZS-10012", KIT, Ago(months=11), 7),
            DemoOrder("ZS-10011", DOORBELL, Ago(months=14), 6),
        ),
    ),
    DemoCustomer(
        name="thirdparty",
        summary="camera bought 10 days ago from a third-party shop (R5)",
        account_id="ZA-1003",
        given_name="Chen",
        orders=(
            DemoOrder(
                "ZS-10021",
                WIFI_CAMERA,
                Ago(days=10),
                4,
                channel="third_party",
                store_name="Home Security Market",
            ),
        ),
    ),
    DemoCustomer(
        name="gift",
        summary="camera received as a gift 12 days ago (R6)",
        account_id="ZA-1004",
        given_name="Dana",
        orders=(DemoOrder("ZS-10031", CAMERA, Ago(days=16), 4, gift=True),),
    ),
    DemoCustomer(
        name="minor",
        summary="account holder under 18, no guardian consent (P7: no personal answers)",
        account_id="ZA-1005",
        given_name="Egor",
        minor=True,
        orders=(DemoOrder("ZS-10041", WIFI_CAMERA, Ago(days=20), 5),),
    ),
    DemoCustomer(
        name="minor-consented",
        summary="account holder under 18 with guardian consent (P7)",
        account_id="ZA-1006",
        given_name="Fedor",
        minor=True,
        guardian_consent=True,
        orders=(DemoOrder("ZS-10051", WIFI_CAMERA, Ago(days=20), 5),),
    ),
    DemoCustomer(
        name="international",
        summary=(
            "account in KZ: an order shipped from CN to RU (W7) and one bought in RU "
            "(returned from outside the country of purchase, W6)"
        ),
        account_id="ZA-1007",
        given_name="Gulnara",
        country="KZ",
        orders=(
            DemoOrder(
                "ZS-10062",
                NVR,
                Ago(days=40),
                15,
                channel="zosi_website",
                store_name=None,
                ship_from_country="CN",
            ),
            DemoOrder("ZS-10061", CAMERA, Ago(days=90), 6),
        ),
    ),
    DemoCustomer(
        name="outdated",
        summary="accepted the 2018-01-01 privacy policy (P8 change notice due)",
        account_id="ZA-1008",
        given_name="Hugo",
        privacy_policy_version="2018-01-01",
        orders=(DemoOrder("ZS-10071", CAMERA, Ago(days=45), 6),),
    ),
)
