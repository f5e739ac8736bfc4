"""The vocabulary every policy rule speaks: facts in, decisions out.

Enums name outcomes and next steps; the speech layer renders them in the customer's
language, so nothing here is text meant to be spoken. ``evaluate_window`` is the one
piece of date logic shared by returns (R1), warranty (W1) and cross-shipping (X1).
"""

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import NamedTuple, Self

from policy.terms import STORE_COUNTRY

RULE_ORDER: tuple[str, ...] = (
    *(f"D{n}" for n in range(1, 6)),
    *(f"R{n}" for n in range(1, 7)),
    *(f"W{n}" for n in range(1, 10)),
    *(f"X{n}" for n in range(1, 5)),
    "C1",
    *(f"P{n}" for n in range(1, 10)),
)
"""Every rule ID of POLICY.md in the order the page lists them."""


def in_policy_order(rule_ids: Iterable[str]) -> tuple[str, ...]:
    """Return the given rule IDs once each, in POLICY.md order.

    Decisions cite the rules that decided them; a fixed order makes the citation
    stable whatever order the rule code happened to consult them in.

    Raises:
        ValueError: If an ID is not a rule of POLICY.md.
    """
    wanted = set(rule_ids)
    unknown = wanted.difference(RULE_ORDER)
    if unknown:
        raise ValueError(f"not rule IDs of POLICY.md: {sorted(unknown)}")
    return tuple(rule for rule in RULE_ORDER if rule in wanted)


class Channel(StrEnum):
    """Where the product was bought; values equal the account API's ``channel`` enum."""

    ZOSI_WEBSITE = "zosi_website"
    ZOSI_OFFICIAL_STORE = "zosi_official_store"
    THIRD_PARTY = "third_party"

    @property
    def is_direct(self) -> bool:
        """R2: the ZOSI website and ZOSI's own online stores (AliExpress included) are direct."""
        return self is not Channel.THIRD_PARTY


class Reason(StrEnum):
    """Why the customer wants to send the product back; values equal the account API's enum."""

    DEFECT = "defect"
    CHANGED_MIND = "changed_mind"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    OTHER = "other"

    @property
    def is_quality_problem(self) -> bool:
        """Whether ZOSI, not the customer, is responsible for the problem (R4).

        R4 decision: seed 000 makes the customer pay return shipping only when the reason
        is unrelated to quality or to damage the customer did not cause. A product that
        arrived damaged was never in a sound state in the customer's hands, so transit
        damage counts as a quality problem just like a defect. ``OTHER`` is treated like a
        change of mind: nothing says ZOSI is at fault.
        """
        return self in {Reason.DEFECT, Reason.DAMAGED_IN_TRANSIT}


class Condition(StrEnum):
    """What the customer said about the state of the product and its packaging (R3)."""

    DAMAGED_BY_CUSTOMER = "damaged_by_customer"
    """They damaged it themselves: dropped, cracked, water got in."""
    PACKAGING_GONE = "packaging_gone"
    """The original packaging was thrown away, lost or damaged."""
    UNOPENED = "unopened"
    """Still sealed in its box."""
    OPENED = "opened"
    """Opened and tried, nothing damaged: R3 decision allows it."""

    @property
    def blocks_refund(self) -> bool:
        """R3: a refund needs the product and its original packaging back undamaged.

        R3 decision: opening the box and trying the product is allowed; a product the
        customer damaged, or whose packaging is gone or damaged, gets no refund return.
        """
        return self in {Condition.DAMAGED_BY_CUSTOMER, Condition.PACKAGING_GONE}


class Payer(StrEnum):
    """Who pays a shipping leg."""

    ZOSI = "zosi"
    CUSTOMER = "customer"


class Verdict(StrEnum):
    """The answer to "can I still ...?".

    ``DEPENDS`` is used only when the customer gave an imprecise purchase date (a month,
    a week) and the deadline falls inside it: the answer then hangs on the exact day.
    """

    YES = "yes"
    NO = "no"
    DEPENDS = "depends"


class Referral(StrEnum):
    """Someone other than ZOSI the customer has to turn to."""

    SELLER = "seller"
    """R5: the third-party shop or reseller that sold the product."""
    GIVER = "giver"
    """R6: the person who gave the product as a gift and holds the receipt."""


class Step(StrEnum):
    """Next steps a customer takes; decisions list them in the order they are done."""

    CONTACT_SUPPORT = "contact_support"
    """W3: report the fault to ZOSI support (service@zositech.com) before anything else."""
    WAIT_FOR_AUTHORISATION = "wait_for_authorisation"
    """W4: ZOSI RMA support authorises the request and issues a label or address and an RMA code."""
    ASK_SHIPPING_REFUND_FIRST = "ask_shipping_refund_first"
    """W4: say before sending if you do not want to pay shipping; ZOSI refunds it first."""
    TRACK_AND_SEND_RECEIPT = "track_and_send_receipt"
    """W4: track the parcel and send ZOSI a screenshot of the shipping receipt."""
    KEEP_PACKAGING = "keep_packaging"
    """R3: product and packaging must come back undamaged."""
    CONTACT_SELLER = "contact_seller"
    """R5: ask the third-party shop about its own return and refund policy."""
    ASK_GIVER_FOR_RECEIPT = "ask_giver_for_receipt"
    """R6: ask the giver for a copy of the receipt, or to make the claim on your behalf."""
    PROVIDE_CREDIT_CARD = "provide_credit_card"
    """X3: a credit card is needed for the authorisation hold."""
    SEND_BACK_WITHIN_30_DAYS = "send_back_within_30_days"
    """X2: the faulty product goes back within 30 calendar days of the authorisation."""


class _Span(NamedTuple):
    earliest: date
    latest: date


class DateSpan(_Span):
    """The days a purchase may have happened on, both ends inclusive.

    A precise date is a span of one day; "in November" is the whole month. (A
    validated NamedTuple rather than a dataclass: value types like this one are
    created on every cold start, and a frozen dataclass costs ten times as much.)

    Raises:
        ValueError: If ``earliest`` is after ``latest``.
    """

    __slots__ = ()

    def __new__(cls, earliest: date, latest: date) -> Self:
        """Reject an empty span."""
        if earliest > latest:
            raise ValueError(f"span starts after it ends: {earliest} > {latest}")
        return super().__new__(cls, earliest, latest)

    @classmethod
    def on(cls, day: date) -> Self:
        """Return the span of exactly one day."""
        return cls(day, day)

    @classmethod
    def any_day_until(cls, day: date) -> Self:
        """Return the span of a purchase whose day was not said: any day up to ``day``."""
        return cls(date.min, day)

    @property
    def precise(self) -> bool:
        """Whether the span is a single day."""
        return self.earliest == self.latest


class Window(NamedTuple):
    """Whether a period that starts at purchase is still open on a given day.

    Attributes:
        verdict: YES, NO, or DEPENDS when the deadline falls inside an imprecise span.
        last_day: YES: the last day for the earliest possible purchase day, which is safe
            to promise. NO: the last day for the latest possible purchase day ("it ended
            on"). DEPENDS: None.
        days_left: YES only: days from today to ``last_day`` (0 = today is the last day).
        cutoff: DEPENDS only: the earliest purchase day still inside the window; every
            purchase on or after it is covered.
    """

    verdict: Verdict
    last_day: date | None
    days_left: int | None
    cutoff: date | None


def evaluate_window(purchased: DateSpan, today: date, deadline: Callable[[date], date]) -> Window:
    """Decide whether the window that ``deadline`` computes is open on ``today``.

    This is the shared arithmetic of R1 (30 days), W1 (12 months) and X1 (12 months):
    every window counts from the purchase day and its last day is inclusive.

    Args:
        purchased: The days the purchase may have happened on.
        today: The customer's current date.
        deadline: Maps a purchase day to the last day of the window; it must never
            decrease as the purchase day increases (adding days or months does not).

    Returns:
        The window seen from ``today``; see :class:`Window` for what each field means.
    """
    first_deadline = deadline(purchased.earliest)
    if today <= first_deadline:
        return Window(Verdict.YES, first_deadline, (first_deadline - today).days, None)
    last_deadline = deadline(purchased.latest)
    if today > last_deadline:
        return Window(Verdict.NO, last_deadline, None, None)
    return Window(Verdict.DEPENDS, None, None, _first_day_still_open(purchased, today, deadline))


def _first_day_still_open(
    purchased: DateSpan, today: date, deadline: Callable[[date], date]
) -> date:
    """Binary-search the span for the earliest purchase day whose deadline is not past.

    The caller guarantees the window is closed for ``purchased.earliest`` and open for
    ``purchased.latest``. Searching instead of subtracting the period keeps month-end
    clamping right: the last day 28 Feb is reached from 28, 29, 30 and 31 January.
    """
    closed, open_ = purchased.earliest.toordinal(), purchased.latest.toordinal()
    while open_ - closed > 1:
        middle = (closed + open_) // 2
        if deadline(date.fromordinal(middle)) >= today:
            open_ = middle
        else:
            closed = middle
    return date.fromordinal(open_)


class PurchaseFacts(NamedTuple):
    """What the customer told us (or the account API knows) about one purchase.

    Attributes:
        purchased: The days the purchase may have happened on (order date, customer's
            time zone: R1 decision).
        channel: Where it was bought; None when unknown.
        gift: The customer received it as a gift (R6).
        reason: Why it goes back; None when not asked or not said.
        purchase_country: Country of purchase, ISO 3166-1 alpha-2 upper case.
        customer_country: Where the customer is now; None means the purchase country.
        shipped_internationally: ZOSI shipped the order across a border, for example from
            China or the US (W7).
        condition: What the customer said about the product and its packaging (R3); None
            when they said nothing, which is never read as damage.
    """

    purchased: DateSpan
    channel: Channel | None = None
    gift: bool = False
    reason: Reason | None = None
    purchase_country: str = STORE_COUNTRY
    customer_country: str | None = None
    shipped_internationally: bool = False
    condition: Condition | None = None

    @property
    def customer_abroad(self) -> bool:
        """Whether the customer is outside the country of purchase (W6, X1)."""
        return self.customer_country not in {None, self.purchase_country}
