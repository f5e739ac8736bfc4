"""What the skill may remember about a customer: the domain's view, whatever stores it.

Only what the customer agreed to have remembered (a delivery region, a purchase they
described) and account-link and privacy-policy bookkeeping (P1 minimum necessary
data, P8 policy notices). The store adapter (``adapters.store``) keeps these; the
conversation reads and offers them.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Final, NamedTuple, Self

#: The purchase channels a remembered purchase may name (the account API's ``channel`` enum).
CHANNELS: Final = frozenset({"zosi_website", "zosi_official_store", "third_party"})
#: A slot id (a ProductType or RussianRegion value): lower-case words joined by "_".
SLOT_ID: Final = re.compile(r"[a-z][a-z0-9_]{0,39}")
#: ISO 3166-1 alpha-2, as the CountryName slot resolves it.
COUNTRY_CODE: Final = re.compile(r"[A-Z]{2}")
#: A privacy policy version ("2019-06-01"): what P8's bookkeeping may hold.
POLICY_VERSION: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,31}")


def fits(pattern: re.Pattern[str], value: object) -> bool:
    """Whether ``value`` is a string wholly matching ``pattern`` (so bounded in length)."""
    return isinstance(value, str) and pattern.fullmatch(value) is not None


class _Purchase(NamedTuple):
    product: str | None
    earliest: date
    latest: date
    channel: str | None
    gift: bool = False
    purchase_country: str | None = None


class RememberedPurchase(_Purchase):
    """A purchase the customer described and agreed to have remembered.

    Return and warranty windows count from the purchase date (R1, W1); an imprecise
    date ("in March") is kept as the span ``earliest``..``latest`` so the rules can
    answer for both ends. The channel decides R2/R5, ``gift`` R6, and the purchase
    country W5/W6/X1. (A validated NamedTuple: it is defined on every cold start,
    where a frozen dataclass costs ten times as much.)

    Raises:
        ValueError: If the dates are not plain dates, ``earliest`` is after
            ``latest``, the channel is not one of `CHANNELS`, the product is not a
            slot id or the country not an ISO code (what is stored is only ever what
            a slot resolved to, never free text).
    """

    __slots__ = ()

    def __new__(  # noqa: PLR0917 - the fields, positionally, as a NamedTuple takes them
        cls,
        product: str | None,
        earliest: date,
        latest: date,
        channel: str | None,
        gift: bool = False,
        purchase_country: str | None = None,
    ) -> Self:
        """Check the purchase before it can be stored."""
        if isinstance(earliest, datetime) or isinstance(latest, datetime):
            raise ValueError("purchase dates must be dates, not datetimes")
        if earliest > latest:
            raise ValueError("the earliest purchase date is after the latest")
        if channel is not None and channel not in CHANNELS:
            raise ValueError(f"unknown purchase channel {channel!r}")
        if product is not None and not fits(SLOT_ID, product):
            raise ValueError("the product must be a product type id")
        if purchase_country is not None and not fits(COUNTRY_CODE, purchase_country):
            raise ValueError("the purchase country must be an ISO 3166-1 alpha-2 code")
        if not isinstance(gift, bool):
            raise ValueError("gift must be a boolean")
        return super().__new__(cls, product, earliest, latest, channel, gift, purchase_country)


class UserState(NamedTuple):
    """Everything stored for one user (P1: nothing else is ever kept).

    Attributes:
        region: The delivery region id the user chose (D4 estimates).
        purchase: The purchase the user described, if they agreed to keep it.
        linked_at: When the ZOSI account was linked (UTC), from SkillAccountLinked (P2).
        accepted_policy_version: The privacy policy version the user accepted (P8).
        policy_notice_version: The version whose change notice was already spoken, or
            was found not due because the customer had accepted it (P8).
        withdrawn_at: When the customer withdrew consent while the account link could not
            be revoked: the account is not read while it is set (P6, issue 18).
        version: Incremented by every write.
    """

    region: str | None = None
    purchase: RememberedPurchase | None = None
    linked_at: datetime | None = None
    accepted_policy_version: str | None = None
    policy_notice_version: str | None = None
    withdrawn_at: datetime | None = None
    version: int = 0

    @property
    def is_empty(self) -> bool:
        """Whether nothing is remembered about the user, whatever the version."""
        return (
            self.region is None
            and self.purchase is None
            and self.linked_at is None
            and self.accepted_policy_version is None
            and self.policy_notice_version is None
            and self.withdrawn_at is None
        )


def stored_fields(state: UserState) -> dict[str, object]:
    """Every stored field that holds a value, by name: what "what do you know about me" says (P4).

    Derived from the state's own fields (a purchase's as ``purchase.<field>``), so a field
    added to `UserState` or `RememberedPurchase` is said back or the answer refuses; it
    can never be left out in silence. ``version`` is the store's counter, not about the user.
    """
    stored: dict[str, object] = {}
    for name, value in state._asdict().items():
        if name == "version" or value is None:
            continue
        if isinstance(value, RememberedPurchase):
            parts = value._asdict().items()
            stored.update({f"{name}.{part}": v for part, v in parts if v is not None})
        else:
            stored[name] = value
    return stored
