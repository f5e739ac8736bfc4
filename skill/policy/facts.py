"""Single policy facts, for general questions: "how long is the warranty?" (every rule).

A customer often asks about one rule before (or instead of) their own case: how long
the warranty lasts, who pays customs, whether a reason is needed to return something.
``explain`` answers such a question with the topic, the rules it rests on and the
numbers and flags the speech needs, all read from :mod:`policy.terms` and
:mod:`policy.contact`, so a change to the store terms reaches these answers too.
Nothing here is meant to be spoken: the speech layer words each topic.

Every rule ID of POLICY.md is explained by at least one topic (a test checks it).
"""

from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

from policy.model import Condition, Payer, Reason, in_policy_order
from policy.terms import (
    ADULT_AGE,
    CROSS_SHIP_DISPATCH_BUSINESS_DAYS,
    CROSS_SHIP_HOLD_DAYS,
    CROSS_SHIP_MAX_MONTHS,
    CROSS_SHIP_RETURN_DAYS,
    DELIVERY_BUSINESS_DAYS,
    RETENTION_MAX_DAYS,
    RETENTION_MAX_YEARS,
    RETURN_WINDOW_DAYS,
    WAREHOUSE_CITY,
    WARRANTY_MONTHS,
)


class Topic(StrEnum):
    """One answerable policy fact; values equal the ``PolicyTopic`` slot value ids."""

    WHERE_TO_BUY = "where_to_buy"
    """D1: retail orders go through ZOSI's official AliExpress store."""
    DELIVERY_COST = "delivery_cost"
    """D2: delivery is free anywhere in Russia."""
    SHIPS_FROM = "ships_from"
    """D3: orders leave the Moscow warehouse."""
    DELIVERY_TIME = "delivery_time"
    """D4: 3 to 30 Russian business days."""
    TRACKING = "tracking"
    """D5: a tracking code, also in the AliExpress app."""
    RETURN_WINDOW = "return_window"
    """R1: 30 days from the purchase date for a full refund."""
    PURCHASE_DATE = "purchase_date"
    """R1 decision: the purchase date is the order date in the customer's own time zone."""
    RETURN_REASON = "return_reason"
    """R1, R4: no reason needed; without a quality problem the customer pays the way back."""
    RETURN_ELIGIBILITY = "return_eligibility"
    """R2, R5: direct purchases only; the official AliExpress store counts."""
    RETURN_CONDITION = "return_condition"
    """R3: product and packaging undamaged."""
    RETURN_SHIPPING = "return_shipping"
    """R4: the customer pays return shipping when it is not a quality problem."""
    RETURN_STEPS = "return_steps"
    """R1, R4, W4: ask support; once authorised, a return address or label and an RMA code."""
    THIRD_PARTY = "third_party"
    """R2, R5: bought elsewhere, the seller's own policy applies."""
    GIFT = "gift"
    """R6: ask the giver for the receipt, or to make the return."""
    GIFT_WARRANTY = "gift_warranty"
    """W1, R6: a gift's warranty counts from the giver's purchase, which their receipt shows."""
    WARRANTY_LENGTH = "warranty_length"
    """W1: 12 months from the original purchase date, never 24."""
    WARRANTY_COVERAGE = "warranty_coverage"
    """W1, W2: a failure within the warranty is repaired or replaced."""
    WARRANTY_CLAIM = "warranty_claim"
    """W3: report the fault to support first."""
    RMA_PROCESS = "rma_process"
    """W4: label or address and RMA code; tracked parcel; shipping refunded first on request."""
    CLAIM_AFTER_REPORT = "claim_after_report"
    """W3, W4: what follows the first step, with that step's address: "and then what happens"."""
    WARRANTY_SHIPPING = "warranty_shipping"
    """W5: a domestic warranty return travels at ZOSI's cost."""
    WARRANTY_ABROAD = "warranty_abroad"
    """W6: from outside the country of purchase, the customer pays international shipping."""
    INTERNATIONAL_ORDERS = "international_orders"
    """W7: an order ZOSI shipped across a border comes back at ZOSI's cost."""
    NOT_DEFECTIVE = "not_defective"
    """W8: no fault found, the customer pays shipping back."""
    CUSTOMS = "customs"
    """W9: ZOSI never pays customs, duties, taxes or carrier fees."""
    CROSS_SHIPPING = "cross_shipping"
    """X1-X4: what an advance replacement is and how it goes."""
    CROSS_SHIP_COST = "cross_ship_cost"
    """X1: free ground cross-shipping only within the country of purchase."""
    CROSS_SHIP_RETURN = "cross_ship_return"
    """X2, X3: the faulty product goes back within 30 days, or the hold is charged."""
    CROSS_SHIP_HOLD = "cross_ship_hold"
    """X3: a 30-day credit-card hold for the replacement's price."""
    CROSS_SHIP_DISPATCH = "cross_ship_dispatch"
    """X4: the replacement ships within 2-3 business days."""
    CONTACT = "contact"
    """C1: email and phone of ZOSI support."""
    DATA_USE = "data_use"
    """P1: minimum necessary data, for a clear purpose, with consent."""
    DATA_SHARING = "data_sharing"
    """P1: no sharing with third parties without permission, unless the law requires it."""
    ACCOUNT_LINKING = "account_linking"
    """P2: the linked ZOSI account is used only after the user authorised it."""
    DATA_SECURITY = "data_security"
    """P3: encrypted transport and storage, isolation, authorised access only."""
    DATA_ACCESS = "data_access"
    """P4: the user can learn what is held about them."""
    DATA_DELETION = "data_deletion"
    """P5: data is deleted on withdrawal, cancellation or the end of the service."""
    DATA_BACKUPS = "data_backups"
    """P5: backups are deleted too, as they roll over."""
    WITHDRAW_CONSENT = "withdraw_consent"
    """P6: withdrawing consent stops the service and processing that depended on it."""
    MINORS = "minors"
    """P7: under 18, a parent's or guardian's consent first."""
    POLICY_CHANGES = "policy_changes"
    """P8: major changes are announced (for a voice skill: once, at the next launch)."""
    DATA_RETENTION = "data_retention"
    """P9: kept only as long as needed, at most 3 years."""


class Explanation(NamedTuple):
    """One policy fact and the values its wording needs; unused fields are None.

    Attributes:
        topic: The fact asked about.
        rule_ids: The rules it rests on, in POLICY.md order.
        days: A period in days: the refund window (R1), the cross-shipping return period
            (X2) or hold (X3), or the skill's own storage period (P9, when given).
        months: A period in months: the warranty (W1) or the cross-shipping limit (X1).
        years: The longest retention (P9).
        business_days: A range of business days, low and high: delivery (D4) or the
            replacement's dispatch (X4).
        age: The age below which a guardian's consent is needed (P7).
        payer: Who pays the shipping (or fees) the fact is about (R4, W5-W9).
        free: Whether the shipping the fact is about is free: anywhere in Russia (D2), or
            within the country of purchase only (X1).
        place: The warehouse city (D3).
        own_reason: RETURN_SHIPPING for the customer's own reason: ``payer`` is then who pays
            for it (R4), not who pays without a quality problem.
        condition: RETURN_CONDITION for a product whose own condition rules a refund out
            (R3): the fact is then that it can't go back for one, not the general rule.
    """

    topic: Topic
    rule_ids: tuple[str, ...]
    days: int | None = None
    months: int | None = None
    years: int | None = None
    business_days: tuple[int, int] | None = None
    age: int | None = None
    payer: Payer | None = None
    free: bool | None = None
    place: str | None = None
    own_reason: bool = False
    condition: Condition | None = None


def _rules(*rule_ids: str) -> tuple[str, ...]:
    return in_policy_order(rule_ids)


_EXPLANATIONS: dict[Topic, Explanation] = {
    fact.topic: fact
    for fact in (
        Explanation(Topic.WHERE_TO_BUY, _rules("D1")),
        Explanation(Topic.DELIVERY_COST, _rules("D2"), free=True),
        Explanation(Topic.SHIPS_FROM, _rules("D3"), place=WAREHOUSE_CITY),
        Explanation(Topic.DELIVERY_TIME, _rules("D4"), business_days=DELIVERY_BUSINESS_DAYS),
        Explanation(Topic.TRACKING, _rules("D5")),
        Explanation(Topic.RETURN_WINDOW, _rules("R1", "R2"), days=RETURN_WINDOW_DAYS),
        Explanation(
            Topic.PURCHASE_DATE,
            _rules("R1", "W1"),
            days=RETURN_WINDOW_DAYS,
            months=WARRANTY_MONTHS,
        ),
        Explanation(
            Topic.RETURN_REASON, _rules("R1", "R4"), days=RETURN_WINDOW_DAYS, payer=Payer.CUSTOMER
        ),
        Explanation(Topic.RETURN_ELIGIBILITY, _rules("R2", "R5")),
        Explanation(Topic.RETURN_CONDITION, _rules("R3")),
        Explanation(Topic.RETURN_SHIPPING, _rules("R4"), payer=Payer.CUSTOMER),
        Explanation(Topic.RETURN_STEPS, _rules("R1", "R4", "W4"), payer=Payer.CUSTOMER),
        Explanation(Topic.THIRD_PARTY, _rules("R2", "R5")),
        Explanation(Topic.GIFT, _rules("R6")),
        Explanation(Topic.GIFT_WARRANTY, _rules("W1", "R6"), months=WARRANTY_MONTHS),
        Explanation(Topic.WARRANTY_LENGTH, _rules("W1"), months=WARRANTY_MONTHS),
        Explanation(Topic.WARRANTY_COVERAGE, _rules("W1", "W2"), months=WARRANTY_MONTHS),
        Explanation(Topic.WARRANTY_CLAIM, _rules("W3", "C1")),
        Explanation(Topic.RMA_PROCESS, _rules("W4")),
        Explanation(Topic.CLAIM_AFTER_REPORT, _rules("W3", "W4")),
        Explanation(Topic.WARRANTY_SHIPPING, _rules("W5"), payer=Payer.ZOSI),
        Explanation(Topic.WARRANTY_ABROAD, _rules("W6", "W9"), payer=Payer.CUSTOMER),
        Explanation(Topic.INTERNATIONAL_ORDERS, _rules("W7"), payer=Payer.ZOSI),
        Explanation(Topic.NOT_DEFECTIVE, _rules("W8"), payer=Payer.CUSTOMER),
        Explanation(Topic.CUSTOMS, _rules("W9"), payer=Payer.CUSTOMER),
        Explanation(
            Topic.CROSS_SHIPPING,
            _rules("X1", "X2", "X4"),
            days=CROSS_SHIP_RETURN_DAYS,
            months=CROSS_SHIP_MAX_MONTHS,
            business_days=CROSS_SHIP_DISPATCH_BUSINESS_DAYS,
        ),
        Explanation(Topic.CROSS_SHIP_COST, _rules("X1"), free=True),
        Explanation(Topic.CROSS_SHIP_RETURN, _rules("X2", "X3"), days=CROSS_SHIP_RETURN_DAYS),
        Explanation(Topic.CROSS_SHIP_HOLD, _rules("X3"), days=CROSS_SHIP_HOLD_DAYS),
        Explanation(
            Topic.CROSS_SHIP_DISPATCH, _rules("X4"), business_days=CROSS_SHIP_DISPATCH_BUSINESS_DAYS
        ),
        Explanation(Topic.CONTACT, _rules("C1")),
        Explanation(Topic.DATA_USE, _rules("P1")),
        Explanation(Topic.DATA_SHARING, _rules("P1")),
        Explanation(Topic.ACCOUNT_LINKING, _rules("P2")),
        Explanation(Topic.DATA_SECURITY, _rules("P3")),
        Explanation(Topic.DATA_ACCESS, _rules("P4")),
        Explanation(Topic.DATA_DELETION, _rules("P5", "P6")),
        Explanation(Topic.DATA_BACKUPS, _rules("P5")),
        Explanation(Topic.WITHDRAW_CONSENT, _rules("P6")),
        Explanation(Topic.MINORS, _rules("P7"), age=ADULT_AGE),
        Explanation(Topic.POLICY_CHANGES, _rules("P8")),
        Explanation(Topic.DATA_RETENTION, _rules("P9"), years=RETENTION_MAX_YEARS),
    )
}
"""Every topic's rules and values, built once (a test checks no topic is missing)."""


def explain(
    topic: Topic,
    *,
    retention_days: int | None = None,
    reason: Reason | None = None,
    condition: Condition | None = None,
) -> Explanation:
    """Explain one policy fact with the numbers and flags its wording needs.

    The values are those the rule code itself uses (``terms``), so a general answer
    never contradicts a decision about the customer's own purchase: the warranty is
    12 months, never 24 (W1 decision); ZOSI never pays customs (W9); a product found
    not defective comes back at the customer's cost (W8); a warranty return from abroad
    travels at the customer's cost (W6).

    P9 decision: the policy allows keeping data for at most 3 years, but the skill's own
    storage period is a deployment setting (``Settings.state_ttl_days``), which the
    policy core does not read. The caller passes it as ``retention_days`` so the answer
    can say how long *this skill* keeps what it was asked to remember; without it, the
    answer stays with the policy limit alone.

    Args:
        topic: The fact asked about.
        retention_days: The skill's storage period in days, used for DATA_RETENTION only.
        reason: Why the customer sends it back, for RETURN_SHIPPING only (R4).
        condition: What the customer said of the product's state, for RETURN_CONDITION only
            (R3): one that rules a refund out ("I lost the box") is the fact said.

    Returns:
        The explanation; see :class:`Explanation` for each field.

    Raises:
        ValueError: If ``retention_days`` is not a positive number of days within the P9
            limit.
    """
    if retention_days is not None and not 1 <= retention_days <= RETENTION_MAX_DAYS:
        raise ValueError(f"retention must be 1 to {RETENTION_MAX_DAYS} days (P9)")
    explanation = _EXPLANATIONS[topic]
    if topic in {Topic.RETURN_SHIPPING, Topic.RETURN_STEPS} and reason is not None:
        # R4 and its decision: the customer's own reason decides; "I changed my mind" is
        # told that they pay, "it arrived broken" that ZOSI does, not both rules.
        payer = Payer.ZOSI if reason.is_quality_problem else Payer.CUSTOMER
        return explanation._replace(payer=payer, own_reason=True)
    if topic is Topic.RETURN_CONDITION and condition is not None and condition.blocks_refund:
        return explanation._replace(condition=condition)
    if topic is Topic.DATA_RETENTION:
        return explanation._replace(days=retention_days)
    return explanation


class Aspect(StrEnum):
    """What a question asks about a return, the warranty or a replacement.

    Values equal the ``Aspect`` slot value ids. "Can I still return it?" asks whether
    (no aspect); "how many days do I have to return it?" asks how long, and the first
    sentence of the answer must be that fact, whichever intent carried the question.
    """

    HOW_LONG = "how_long"
    STARTS = "starts"
    WHO_PAYS = "who_pays"
    CUSTOMS = "customs"
    STEPS = "steps"
    CARD_HOLD = "card_hold"
    HOW_FAST = "how_fast"
    LATE = "late"
    NOT_FAULTY = "not_faulty"
    WHERE_FROM = "where_from"
    APPROVED = "approved"
    """Once the request is authorised: the return label or address and the RMA code (W4)."""


class Subject(StrEnum):
    """The policy family a question is about (the goal of a conversation, or a topic's)."""

    REFUND = "refund"
    WARRANTY = "warranty"
    CROSS_SHIP = "cross_ship"
    DELIVERY = "delivery"
    PRIVACY = "privacy"


_ASPECT_TOPICS: dict[tuple[Subject, Aspect], Topic] = {
    (Subject.REFUND, Aspect.HOW_LONG): Topic.RETURN_WINDOW,
    (Subject.REFUND, Aspect.STARTS): Topic.RETURN_WINDOW,
    (Subject.REFUND, Aspect.LATE): Topic.RETURN_WINDOW,
    (Subject.REFUND, Aspect.WHO_PAYS): Topic.RETURN_SHIPPING,
    (Subject.REFUND, Aspect.NOT_FAULTY): Topic.RETURN_REASON,
    (Subject.REFUND, Aspect.STEPS): Topic.RETURN_STEPS,
    (Subject.WARRANTY, Aspect.HOW_LONG): Topic.WARRANTY_LENGTH,
    (Subject.WARRANTY, Aspect.STARTS): Topic.WARRANTY_LENGTH,
    (Subject.WARRANTY, Aspect.WHO_PAYS): Topic.WARRANTY_SHIPPING,
    (Subject.WARRANTY, Aspect.STEPS): Topic.WARRANTY_CLAIM,
    (Subject.WARRANTY, Aspect.APPROVED): Topic.RMA_PROCESS,
    (Subject.REFUND, Aspect.APPROVED): Topic.RMA_PROCESS,
    (Subject.CROSS_SHIP, Aspect.APPROVED): Topic.CROSS_SHIP_DISPATCH,
    (Subject.WARRANTY, Aspect.NOT_FAULTY): Topic.NOT_DEFECTIVE,
    (Subject.WARRANTY, Aspect.CARD_HOLD): Topic.CROSS_SHIP_HOLD,
    (Subject.CROSS_SHIP, Aspect.HOW_LONG): Topic.CROSS_SHIPPING,
    (Subject.CROSS_SHIP, Aspect.STARTS): Topic.CROSS_SHIPPING,
    (Subject.CROSS_SHIP, Aspect.STEPS): Topic.CROSS_SHIPPING,
    (Subject.CROSS_SHIP, Aspect.LATE): Topic.CROSS_SHIP_RETURN,
    (Subject.CROSS_SHIP, Aspect.CARD_HOLD): Topic.CROSS_SHIP_HOLD,
    (Subject.CROSS_SHIP, Aspect.NOT_FAULTY): Topic.CROSS_SHIP_HOLD,
    (Subject.CROSS_SHIP, Aspect.HOW_FAST): Topic.CROSS_SHIP_DISPATCH,
    (Subject.CROSS_SHIP, Aspect.WHO_PAYS): Topic.CROSS_SHIP_COST,
    (Subject.DELIVERY, Aspect.HOW_LONG): Topic.DELIVERY_TIME,
    (Subject.DELIVERY, Aspect.HOW_FAST): Topic.DELIVERY_TIME,
    (Subject.DELIVERY, Aspect.WHO_PAYS): Topic.DELIVERY_COST,
    (Subject.DELIVERY, Aspect.STEPS): Topic.TRACKING,
    # "who pays the shipping if nothing is wrong with it": the shipping back of a unit found
    # fine (W8), not a new order's delivery
    (Subject.DELIVERY, Aspect.NOT_FAULTY): Topic.NOT_DEFECTIVE,
    (Subject.PRIVACY, Aspect.HOW_LONG): Topic.DATA_RETENTION,
}
"""The fact that answers each aspect of each family; customs and the warehouse are shared."""


_ONE_QUESTION: dict[frozenset[Aspect], Aspect] = {
    # W8: "who pays the shipping if it turns out nothing is wrong with it"
    frozenset({Aspect.WHO_PAYS, Aspect.NOT_FAULTY}): Aspect.NOT_FAULTY,
    # W8, X3: "if it was just my wifi all along, will I be charged for anything"
    frozenset({Aspect.CARD_HOLD, Aspect.NOT_FAULTY}): Aspect.NOT_FAULTY,
    # X3: "will you charge my card if the old one gets there late"
    frozenset({Aspect.CARD_HOLD, Aspect.LATE}): Aspect.LATE,
    # W4: "my request is authorised, now where do I send it"
    frozenset({Aspect.APPROVED, Aspect.STEPS}): Aspect.APPROVED,
    # X4: "once it's approved, when will the replacement be sent"
    frozenset({Aspect.APPROVED, Aspect.HOW_FAST}): Aspect.HOW_FAST,
}


def one_question(
    first: Aspect | None, second: Aspect | None
) -> tuple[Aspect | None, Aspect | None]:
    """The aspects two said in one breath ask, when together they ask one thing.

    "Who pays the shipping if nothing is wrong with it" is not two questions (who pays for
    a faulty product, W5, and what happens if it is fine, W8) but W8's answer alone: the
    condition names the fact that says who pays. Two aspects that don't join stay two.
    """
    if first is not None and second is not None:
        joined = _ONE_QUESTION.get(frozenset({first, second}))
        if joined is not None:
            return (joined, None)
    return (first, second)


#: The family a question names by its aspect alone is most often about, when nothing else in
#: the conversation says: "what if you find nothing wrong with it" is the warranty's no-fault rule
#: (W8), "when do you charge my card" the advance replacement's hold (X3), "how soon will you send
#: the new one" its dispatch (X4), "who pays to send it back" the return shipping (R4: said for
#: the reason given, or for both). "Where from" is where orders leave from (D3), customs never
#: ZOSI's (W9), and "does the one year start from delivery" the warranty's start (W1; a refund's
#: 30 days count from the same purchase date, R1). "How long" alone could be the refund window,
#: the warranty or delivery, so it is not here: the skill asks which.
ASPECT_SUBJECTS: dict[Aspect, Subject] = {
    Aspect.WHO_PAYS: Subject.REFUND,
    Aspect.STARTS: Subject.WARRANTY,
    Aspect.WHERE_FROM: Subject.DELIVERY,
    Aspect.CUSTOMS: Subject.WARRANTY,
    Aspect.NOT_FAULTY: Subject.WARRANTY,
    Aspect.STEPS: Subject.WARRANTY,
    Aspect.APPROVED: Subject.WARRANTY,
    Aspect.CARD_HOLD: Subject.CROSS_SHIP,
    Aspect.LATE: Subject.CROSS_SHIP,
    Aspect.HOW_FAST: Subject.CROSS_SHIP,  # a new order's speed is a delivery question (D4)
}


_SUBJECT_OF_RULE: dict[str, Subject] = {
    "D": Subject.DELIVERY,
    "R": Subject.REFUND,
    "W": Subject.WARRANTY,
    "X": Subject.CROSS_SHIP,
    "P": Subject.PRIVACY,
}


def subject_of_topic(topic: Topic) -> Subject | None:
    """The family of rules a fact belongs to: that of the first rule it rests on.

    "How long is the advance replacement, and who pays the shipping" asks the second
    aspect of the same family (X1); contact details (C1) belong to none.
    """
    return _SUBJECT_OF_RULE.get(_EXPLANATIONS[topic].rule_ids[0][0])


def topic_for(
    subject: Subject, aspect: Aspect, *, abroad: bool = False, shipped_internationally: bool = False
) -> Topic | None:
    """The policy fact that answers ``aspect`` of a question about ``subject``.

    - Customs, duties and taxes are never ZOSI's, whatever is being sent (W9); orders
      leave from the Moscow warehouse (D3).
    - Who pays to send a faulty product back depends on where the customer is: from
      outside the country of purchase they pay the international shipping (W6), inside
      it ZOSI does (W5), and for an order ZOSI shipped them across a border it does too (W7).
    - A refund's steps are support first, then the RMA's address or label (R1, W4), with
      who pays the postage for the reason given (R4).
    - "Can I" questions have no single fact: None, and the decision itself answers.

    Args:
        subject: The family of rules the question is about.
        aspect: What it asks.
        abroad: The customer said they are outside the country of purchase.
        shipped_internationally: ZOSI shipped the purchase to them from another country.

    Returns:
        The topic, or None when the decision (not one fact) answers the aspect.
    """
    if aspect is Aspect.CUSTOMS:
        return Topic.CUSTOMS
    if aspect is Aspect.WHERE_FROM:
        return Topic.SHIPS_FROM
    topic = _ASPECT_TOPICS.get((subject, aspect))
    if topic is Topic.WARRANTY_SHIPPING and shipped_internationally:
        return Topic.INTERNATIONAL_ORDERS
    if topic is Topic.WARRANTY_SHIPPING and abroad:
        return Topic.WARRANTY_ABROAD
    return topic


#: The facts of the privacy terms (P1-P9): a privacy question naming one gets it.
PRIVACY_TOPICS: frozenset[Topic] = frozenset(
    {
        Topic.DATA_USE,
        Topic.DATA_SHARING,
        Topic.ACCOUNT_LINKING,
        Topic.DATA_SECURITY,
        Topic.DATA_ACCESS,
        Topic.DATA_DELETION,
        Topic.DATA_BACKUPS,
        Topic.WITHDRAW_CONSENT,
        Topic.MINORS,
        Topic.POLICY_CHANGES,
        Topic.DATA_RETENTION,
    }
)

_FAMILIES: dict[Subject, frozenset[Topic]] = {
    Subject.DELIVERY: frozenset(
        {Topic.WHERE_TO_BUY, Topic.DELIVERY_COST, Topic.SHIPS_FROM, Topic.DELIVERY_TIME}
    ),
    Subject.REFUND: frozenset(
        {
            Topic.RETURN_WINDOW,
            Topic.RETURN_REASON,
            Topic.RETURN_ELIGIBILITY,
            Topic.RETURN_CONDITION,
            Topic.RETURN_SHIPPING,
        }
    ),
    Subject.WARRANTY: frozenset(
        {
            Topic.WARRANTY_LENGTH,
            Topic.WARRANTY_COVERAGE,
            Topic.WARRANTY_CLAIM,
            Topic.WARRANTY_SHIPPING,
        }
    ),
    Subject.CROSS_SHIP: frozenset({Topic.CROSS_SHIPPING, Topic.CROSS_SHIP_COST}),
    Subject.PRIVACY: frozenset(
        {Topic.DATA_USE, Topic.DATA_DELETION, Topic.DATA_ACCESS, Topic.ACCOUNT_LINKING}
    ),
}
"""The broad topics a question names ("delivery", "the warranty") that an aspect narrows."""


def refine(topic: Topic, aspect: Aspect | None) -> Topic:
    """The fact meant by a broad topic asked with an aspect.

    "How long is delivery" names delivery and asks how long: D4, not the cost (D2);
    "how long do you keep my data" is P9; "who pays for the warranty" is W5. A topic
    that is already one fact, or an aspect its family has no fact for, stays as said.
    """
    if aspect is None:
        return topic
    for subject, topics in _FAMILIES.items():
        if topic in topics:
            return topic_for(subject, aspect) or topic
    return topic


def aspect_beside(topic: Topic, aspect: Aspect | None) -> Topic | None:
    """The fact an aspect asks beside a precise fact named with it, in the same family of rules.

    "How fast do you ship the swap, and do you hold money on my card" names the card hold (X3)
    and asks how fast: the replacement's dispatch (X4) is asked too, and both are answered. A
    broad topic is narrowed by its aspect instead (:func:`refine`), and who pays depends on
    whose shipping it is, which the case knows, not the rules (``conversation.aspects``).
    None when the aspect asks nothing the named fact does not already say: how long a precise
    fact lasts, or when it starts, is that fact's own ("how long is the hold on my card").
    """
    if aspect in {None, Aspect.WHO_PAYS, Aspect.HOW_LONG, Aspect.STARTS}:
        return None
    if any(topic in topics for topics in _FAMILIES.values()):
        return None
    subject = subject_of_topic(topic)
    beside = None if subject is None else topic_for(subject, aspect)
    return None if beside is topic else beside


def privacy_facts(topics: Iterable[Topic | None], aspect: Aspect | None) -> tuple[Topic, ...]:
    """The privacy facts (P1-P9) one question asks for: at most two, in the order named.

    "Is my data encrypted, and do you share it" asks two facts (P3, P1), and both are
    answered. "How long" asks the keeping period (P9) whatever else the question names:
    "how long until you delete my data" is P9, not the deletion rule, and "how long do you
    keep it and is it encrypted" is P9 and P3. "My data" alone (P1's general statement) gives
    way to any more precise fact asked with it: "if I close my account, what happens to my
    data" asks about deletion (P5). Topics of other families are not privacy facts.

    Args:
        topics: The topics the question named, first the one heard first; None for none.
        aspect: What it asks about them, if anything.

    Returns:
        The facts, none when the question names no privacy fact (the overview answers).
    """
    facts: list[Topic] = []
    for topic in topics:
        if topic is not None and topic in PRIVACY_TOPICS:
            fact = refine(topic, aspect)
            if fact not in facts:
                facts.append(fact)
    if aspect is Aspect.HOW_LONG and Topic.DATA_RETENTION not in facts:
        facts.append(Topic.DATA_RETENTION)
    if len(facts) > 1 and Topic.DATA_USE in facts:
        facts.remove(Topic.DATA_USE)
    return tuple(facts[:2])
