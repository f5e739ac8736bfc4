"""What the skill may remember about a customer: the domain's view, whatever stores it.

Only what the customer agreed to have remembered (a delivery region, a purchase they
described) and account-link and privacy-policy bookkeeping (P1 minimum necessary
data, P8 policy notices). The store adapter (``adapters.store``) keeps these; the
conversation reads and offers them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, NamedTuple, Self

#: The purchase channels a remembered purchase may name (the account API's ``channel`` enum).
CHANNELS: Final = frozenset({"zosi_website", "zosi_official_store", "third_party"})


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
            ``latest``, or the channel is not one of `CHANNELS`.
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
        version: Incremented by every write.
    """

    region: str | None = None
    purchase: RememberedPurchase | None = None
    linked_at: datetime | None = None
    accepted_policy_version: str | None = None
    policy_notice_version: str | None = None
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
        )
