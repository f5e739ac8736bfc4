"""Turning a linked customer's orders into policy facts, and finding the order they mean.

The purchase date of an order is its order date in the customer's own time zone
(R1 decision in POLICY.md). The country of purchase is where the order was
delivered; the customer's country is the account's; an order ZOSI shipped across
a border (from China or the US, say) counts as shipped internationally (W7).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from handlers.slots import as_enum
from policy.model import Channel, DateSpan, PurchaseFacts, Reason

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from adapters.account import Order, Profile

#: Orders that can still be the subject of a return, repair or replacement.
ACTIVE_STATUSES = frozenset({"processing", "shipped", "delivered"})
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


class OrderView(NamedTuple):
    """One order as the conversation speaks of it."""

    order: Order
    product: str
    kind: str | None
    ordered_on: date

    def facts(self, profile: Profile, reason: Reason | None = None) -> PurchaseFacts:
        """The policy facts of this order for this customer."""
        order = self.order
        return PurchaseFacts(
            purchased=DateSpan.on(self.ordered_on),
            channel=as_enum(Channel, order.channel),
            gift=order.gift,
            reason=reason,
            purchase_country=order.ship_to_country,
            customer_country=profile.country,
            shipped_internationally=bool(
                order.ship_from_country and order.ship_from_country != order.ship_to_country
            ),
        )


def views(orders: Sequence[Order], zone: ZoneInfo) -> list[OrderView]:
    """Every order, newest first, named by its first item."""
    out = []
    for order in orders:
        name = order.items[0].name if order.items else "order"
        kind = next((k for item in order.items if (k := product_kind(item.name))), None)
        out.append(OrderView(order, name, kind, order.placed_at.astimezone(zone).date()))
    return sorted(out, key=lambda view: view.order.placed_at, reverse=True)


def candidates(
    all_orders: Sequence[OrderView],
    *,
    kind: str | None = None,
    ordered_on: DateSpan | None = None,
    statuses: frozenset[str] = ACTIVE_STATUSES,
) -> list[OrderView]:
    """The orders a customer may mean: by status, product kind and order date when given."""
    return [
        view
        for view in all_orders
        if view.order.status in statuses
        and (kind is None or view.kind == kind)
        and (ordered_on is None or ordered_on.earliest <= view.ordered_on <= ordered_on.latest)
    ]
