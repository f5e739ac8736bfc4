"""The steps of a purchase conversation: the typed records the service takes and returns.

The handler translates a turn into :class:`Heard` and what it knows besides into
:class:`Known`; :func:`conversation.service.next_step` answers with an :class:`Outcome`
holding one :class:`Step` (a question for a fact, a date check, a decision, an offer, a
short reply). Pure data: no rule is decided here; a :data:`Decision` is what the policy
core returned (R1-R6, W1-W9, X1-X4).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, TypeAlias

from conversation.case import Case, FactName, Goal, Offer, Source
from conversation.record import Record
from domain.memory import RememberedPurchase
from policy.claims import ClaimKind
from policy.model import DateSpan, PurchaseFacts, Reason

if TYPE_CHECKING:
    from policy.crossship import CrossShipDecision
    from policy.facts import Topic
    from policy.returns import ReturnDecision
    from policy.warranty import WarrantyDecision


Decision: TypeAlias = "ReturnDecision | WarrantyDecision | CrossShipDecision"


class Signal(StrEnum):
    """What a turn says when it is not a question about a purchase."""

    YES = "yes"
    NO = "no"
    HELP = "help"
    NOT_UNDERSTOOD = "not_understood"
    DONT_KNOW = "dont_know"
    DETOUR = "detour"
    """Another topic was answered elsewhere (delivery, contact, privacy...)."""


class Heard(Record):
    """What the customer's turn said, in the case's terms (the handler's translation).

    Attributes:
        goal: The purchase question asked, if any.
        signal: Yes, no, help and the like, when no purchase question was asked.
        product: ProductType id; ``product_name`` is how to say it.
        date: The raw AMAZON.DATE value said for the purchase.
        channel: PurchaseChannel id (a Channel value, "gift" or "aliexpress").
        reason: ReturnReason id.
        purchase_country: CountryName id of the country of purchase.
        home_country: CountryName id of where the customer is now.
        claim_kind: ClaimType id.
        condition: ProductCondition id: what they said of the product and its box (R3).
        aspect: Aspect id: what the question asks (how long, who pays ...).
        unmatched: Words that filled a slot but matched none of its values, by fact.
        topic: Topic id of a policy fact the words asked for besides the goal ("I need an
            R. M. A." asks what the RMA code is, W4).
        also_aspect: Aspect id of a second thing asked in the same breath ("and will I have
            to pay customs?"): its fact follows the answer.
        also_topic: Topic id of a second policy fact asked in the same breath ("and how long
            is the warranty anyway?").
        aged: ``date`` was read from an age ("it's two days", "eight months old"), not a date.
        goal_asked: The question itself was the goal ("is it still under warranty?", "can I
            return it?"), not a goal said in passing or read from a topic.
    """

    goal: Goal | None = None
    signal: Signal | None = None
    product: str | None = None
    product_name: str | None = None
    date: str | None = None
    channel: str | None = None
    reason: str | None = None
    purchase_country: str | None = None
    home_country: str | None = None
    claim_kind: str | None = None
    condition: str | None = None
    aspect: str | None = None
    unmatched: tuple[tuple[FactName, str], ...] = ()
    topic: str | None = None
    also_aspect: str | None = None
    also_topic: str | None = None
    aged: bool = False
    goal_asked: bool = False

    @property
    def states_purchase(self) -> bool:
        """Whether the turn says anything of the purchase itself.

        Its date, shop, reason, countries or state; what it asks, and which product, aside.
        """
        return any(
            (
                self.date,
                self.channel,
                self.reason,
                self.purchase_country,
                self.home_country,
                self.condition,
            )
        )


class OrderFacts(Record):
    """One order of the linked account, as the conversation speaks of it."""

    order_id: str
    product: str
    kind: str | None
    ordered_on: date
    status: str
    facts: PurchaseFacts
    store_name: str | None = None


class Known(Record):
    """What the handler knows this turn besides what was said.

    Attributes:
        today: The customer's date (their time zone).
        memory: The purchase the customer asked the skill to remember.
        orders: The linked account's orders, None when the customer is not linked.
        can_store: False where nothing may be stored: no Alexa user, or a minor's
            linked account without a guardian's consent (P7).
        linked: The customer linked their ZOSI account: their orders answer for them,
            so nothing they describe is worth remembering (P1).
    """

    today: date
    memory: RememberedPurchase | None = None
    orders: tuple[OrderFacts, ...] | None = None
    can_store: bool = True
    linked: bool = False
    acting_today: date | None = None
    """The customer's date by the Lambda's clock, for a decision that leads to an action
    (issue 18): a request's timestamp is whatever its sender wrote. None: ``today``."""


class AskFact(Record):
    """Ask for one missing fact.

    ``attempt`` 2 spells out the choices; ``unclear`` is what was said and not
    understood; ``lead`` says why the question comes (a date that can't be used);
    ``noted`` is a purchase date the customer just gave while another question was
    open (a correction, or an answer out of turn), read back so they hear it was taken;
    ``explains`` is the Topic id of a fact the customer asked for, said before the question;
    ``exact``: the purchase date said is one day, so ``general``'s last day is not a floor.
    """

    goal: Goal
    fact: FactName
    product: str | None
    attempt: int = 1
    unclear: str | None = None
    lead: str | None = None
    general: Decision | None = None
    choices: tuple[OrderFacts, ...] = ()
    noted: DateSpan | None = None
    explains: str | None = None
    exact: bool = True


class ConfirmDate(Record):
    """Check a purchase date read from something ambiguous before deciding on it."""

    product: str | None
    span: DateSpan
    again: bool
    repeated: bool = False
    """The same check again, after an answer that was neither yes nor no."""
    other: DateSpan | None = None
    """The one other reading of the same day, named so a month corrects it ("not ...?")."""
    explains: str | None = None
    """A fact asked for meanwhile (a policy.facts.Topic value), said before the check again."""


class Decided(Record):
    """A policy decision about one purchase, and what the skill offers next."""

    goal: Goal
    decision: Decision
    product: str | None
    exact: bool
    basis: Source
    purchased: DateSpan
    order: OrderFacts | None = None
    offer: Offer | None = None
    assumed_country: str | None = None
    """The country of purchase the decision assumed, the customer not knowing it (W5, W6)."""
    home_known: bool = True
    """Whether the customer said where they are now (else who pays shipping is said both ways)."""


class OrdersOverview(Record):
    """A linked customer's orders, each with its decision for ``goal``."""

    goal: Goal
    entries: tuple[tuple[OrderFacts, Decision], ...]


class NoOrder(Record):
    """The linked account has no order the question can be about."""

    product: str | None


class ClaimSteps(Record):
    """How to start a claim the policy allows, for a customer who is not linked."""

    kind: ClaimKind
    decision: Decision
    product: str | None
    exact: bool
    home_known: bool = True


class ProposeRequest(Record):
    """Offer to open a request for a linked customer's order, costs first."""

    kind: ClaimKind
    order: OrderFacts
    reason: Reason
    decision: Decision


class Refused(Record):
    """The request asked for is one the policy does not allow; maybe another that it does.

    ``instead`` is a request kind the skill offers to open in its place (a warranty
    repair once the refund period is over, for a fault).
    """

    kind: ClaimKind
    decision: Decision
    product: str | None
    order: OrderFacts | None
    instead: ClaimKind | None = None
    instead_decision: Decision | None = None
    not_a_fault: bool = False
    exact: bool = True
    """The purchase day is known to the day (else its last days are floors: "at least")."""
    rechecked: bool = False
    """Decided again at the customer's yes, and no longer what was offered (issue 18)."""


class GaveUp(Record):
    """No usable answer for a fact that a decision cannot do without: the support contact."""

    goal: Goal
    fact: FactName
    product: str | None
    general: Decision | None


class Perform(Record):
    """The customer said yes to an offer: do it (the handler does the I/O)."""

    offer: Offer
    data: tuple[str, ...] = ()
    purchase: RememberedPurchase | None = None
    order: OrderFacts | None = None
    decision: Decision | None = None
    """For a request: the decision taken again at the yes, whose steps are read back."""


class Declined(Record):
    """The customer said no to an offer."""

    offer: Offer


class Explained(Record):
    """A question about one aspect of a rule ("who pays the shipping?"): that fact, first.

    The case goes on after it: the question it waits on is asked again, or the skill
    offers to check the customer's own purchase.
    """

    topic: Topic
    reason: Reason | None = None
    """The customer's own reason, when the fact depends on it (who pays the way back, R4)."""
    also: Topic | None = None
    """A second fact said in the same breath, when the answer is either of two (R1 and W1)."""


class Standing(Record):
    """A purchase told with no question and no goal: what its date still allows, then which.

    "I got the camera on the 19th from your AliExpress store and it's way too big" says
    when, not what they want: within the 30 days both a refund (R1) and the warranty (W1)
    are open, and both are said before asking which they want.
    """

    refund: Decision
    warranty: Decision
    product: str | None
    exact: bool


class Said(StrEnum):
    """Short conversational turns."""

    OKAY = "okay"
    GOODBYE = "goodbye"
    HELP = "help"
    NOT_UNDERSTOOD = "not_understood"
    WHAT_ELSE = "what_else"
    CANT_STORE = "cant_store"
    WHICH_GOAL = "which_goal"
    """Facts about a purchase were said with no question: return it, or is it faulty?"""
    GOAL_MISSED = "goal_missed"
    """The answer to "return it, or is it faulty?" was not understood: that question again."""
    CONDITION_MISSED = "condition_missed"
    """Not understood after a refund was promised: the state it holds on (R3), then the offer."""


class Reply(Record):
    """A short conversational answer."""

    said: Said


Step = (
    AskFact
    | ConfirmDate
    | Decided
    | OrdersOverview
    | NoOrder
    | ClaimSteps
    | ProposeRequest
    | Refused
    | GaveUp
    | Perform
    | Declined
    | Reply
    | Explained
    | Standing
)


class Outcome(Record):
    """The next step, the case after it, and the open question to come back to after a detour."""

    case: Case
    step: Step
    resume: AskFact | None = None


class Needs(Record):
    """What the handler must read before :func:`next_step` can decide this turn."""

    memory: bool
    """The purchase the customer asked the skill to remember (one store read a session)."""
    orders: bool
    """A linked customer's orders (fresh from the account API, never stored: P1)."""
