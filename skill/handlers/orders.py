"""Turning a linked customer's orders into the facts the conversation decides on.

The purchase date of an order is its order date in the customer's own time zone
(R1 decision in POLICY.md). The country of purchase is where the order was
delivered; the customer's country is the account's; an order ZOSI shipped across
a border (from China or the US, say) counts as shipped internationally (W7).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from conversation.case import member
from conversation.steps import OrderFacts
from policy.model import Channel, DateSpan, PurchaseFacts

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from domain.account import Order, Profile

#: Orders still on their way to the customer.
IN_TRANSIT_STATUSES = frozenset({"processing", "shipped"})

#: Words in an item's name that tell which ProductType id it is; earlier entries win
#: ("doorbell camera" is a doorbell, "camera kit" is a kit, "NVR" is not a camera).
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("doorbell", ("doorbell",)),
    ("kit", ("kit", "system")),
    ("nvr", ("nvr", "network video recorder")),
    ("dvr", ("dvr",)),
    ("hard_drive", ("hard drive", "hdd", "hard disk")),
    ("monitor", ("monitor", "display")),
    ("camera", ("camera", "cam")),
    ("accessory", ("adapter", "cable", "power supply", "mount", "bracket")),
)


def product_kind(name: str) -> str | None:
    """The ProductType id an item's name belongs to, or None."""
    lowered = f" {name.lower()} "
    for kind, words in _KINDS:
        if any(f" {word}" in lowered for word in words):
            return kind
    return None


def order_name(order: Order) -> str:
    """How an order is named: by its first item."""
    return order.items[0].name if order.items else "order"


def newest_first(orders: Sequence[Order]) -> list[Order]:
    """The orders, the most recently placed first."""
    return sorted(orders, key=lambda order: order.placed_at, reverse=True)


def order_facts(order: Order, profile: Profile, zone: ZoneInfo) -> OrderFacts:
    """One order as the conversation speaks of it, with its policy facts for this customer."""
    name = order_name(order)
    kind = next((k for item in order.items if (k := product_kind(item.name))), None)
    ordered_on = order.placed_at.astimezone(zone).date()
    facts = PurchaseFacts(
        purchased=DateSpan.on(ordered_on),
        channel=member(Channel, order.channel),
        gift=order.gift,
        purchase_country=order.ship_to_country,
        customer_country=profile.country,
        shipped_internationally=bool(
            order.ship_from_country and order.ship_from_country != order.ship_to_country
        ),
    )
    return OrderFacts(order.order_id, name, kind, ordered_on, order.status, facts, order.store_name)


def all_order_facts(
    orders: Sequence[Order], profile: Profile, zone: ZoneInfo
) -> tuple[OrderFacts, ...]:
    """Every order, newest first."""
    return tuple(order_facts(order, profile, zone) for order in newest_first(orders))
