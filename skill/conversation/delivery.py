"""The service layer for delivery questions: which estimate to give, and what to ask or offer.

Pure, like :mod:`conversation.service`: the handler translates the request into
:class:`DeliveryHeard`, reads the remembered region when :func:`needs_region`
says so, and renders the :class:`DeliveryStep`. The rules are the policy core's
(D2-D4 in ``policy.delivery``, order dates in ``policy.dates``); what is decided
here is the conversation around them:

- a country outside Russia gets what the published terms cover, no dates (D2, D4);
- a place the estimate table does not know gets Russia's range, and the skill
  promises nothing for elsewhere;
- with no place named, the region of the session's last delivery answer answers
  ("and if I order on Friday?"), else the remembered region, else the policy range
  with the question "which city or region?";
- a region the customer named (not remembered) is offered to be remembered, unless
  nothing may be stored or a purchase dialog waits for an answer (it resumes).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from conversation.case import Asks, Case, Fact, FactName, Source
from conversation.record import Record

if TYPE_CHECKING:
    from policy.delivery import DeliveryCoverage, DeliveryEstimate
    from policy.facts import Subject


class DeliveryHeard(Record):
    """A delivery question, in the service's terms.

    Attributes:
        region: RussianRegion id, when the place resolved.
        place: The words of a place that matched no region.
        country: CountryName id, when a country was named.
        country_name: How to say that country.
        order_date: The raw AMAZON.DATE of an order to place ("if I order on Friday").
        ordered_on: The raw AMAZON.DATE of an order already placed ("I ordered on the 10th").
    """

    region: str | None = None
    place: str | None = None
    country: str | None = None
    country_name: str | None = None
    order_date: str | None = None
    ordered_on: str | None = None


class DeliveryStep(Record):
    """What to say about delivery, and what to ask or offer after it.

    Attributes:
        estimate: The dated window (None for a country the terms don't cover).
        coverage: The terms' coverage of a country outside Russia (else None).
        place: The words of a place not in the estimate table, said back.
        remembered: The estimate is for the customer's remembered region.
        bad_date: The order date could not be used; the window is for ordering today.
        placed: The window counts from the day of an order already placed.
        on_its_way: An order placed before today: its parcel is followed by its tracking
            code (D5), which the customer waiting for it hears instead of the free delivery
            they already had (D2).
        ask_region: No place at all: ask which city or region.
        offer_region: A region id to offer to remember.
    """

    estimate: DeliveryEstimate | None = None
    coverage: DeliveryCoverage | None = None
    country_name: str | None = None
    place: str | None = None
    remembered: bool = False
    bad_date: bool = False
    placed: bool = False
    on_its_way: bool = False
    ask_region: bool = False
    offer_region: str | None = None


def needs_region(heard: DeliveryHeard, case: Case) -> bool:
    """Whether the remembered region can matter: no place named, none asked about this session."""
    named = heard.region is not None or heard.place is not None or heard.country is not None
    return not named and case.value(FactName.REGION) is None


def kept_case(case: Case, step: DeliveryStep) -> Case:
    """The case to keep after a delivery answer: the region it was for, and a placed order's day.

    A follow-up that names no place ("and if I order on Friday?", "what about next
    week?") is then about the same region, for the rest of the session only. An offer left
    open before an estimate that asks for the region is closed. The day of
    an order already placed is kept so that a date said next corrects it
    (:func:`corrects_order_day`).
    """
    estimate = step.estimate
    if estimate is None:
        return case
    asked = case.question
    if step.ask_region and asked is not None and asked.kind is Asks.OFFER:
        # "Which city or region?" is the question now: an offer made before it ("shall I
        # remember this purchase?") is closed, so "I don't know" answers the region, not it.
        case = case._replace(question=None)
    from conversation.aspects import answered
    from policy.facts import Topic

    case = answered(case, Topic.DELIVERY_TIME)  # "and who pays for that?" next is D2's
    placed = Fact(estimate.order_date.isoformat(), Source.SAID) if step.placed else None
    changes = {FactName.ORDERED_ON: placed}
    if estimate.region is not None:
        changes[FactName.REGION] = Fact(estimate.region.id, Source.SAID)
    return case.with_facts(changes)


def corrects_order_day(
    case: Case, date_said: str | None, today: date, *, only_a_date: bool
) -> bool:
    """Whether a date said on its own gives the day of the order just estimated.

    "I ordered on the 10th, when will it get to Kazan?" - "no wait, it was the 12th": the
    second turn brings a date and nothing else, with no purchase question open or asked
    (a purchase conversation takes its dates first), right after the estimate for an
    order already placed. So does a day gone by, said after any estimate: "my order still
    hasn't turned up" - "Ordered today, it should arrive ..." - "maybe two weeks ago" is
    when it was ordered (D4), not a purchase to decide a refund on. A day ahead said then
    is not an order placed ("and the 12th?" after "if I order on the 10th").
    """
    if date_said is None or not only_a_date or case.goal is not None or case.waiting is not None:
        return False
    if case.fact(FactName.ORDERED_ON) is not None:
        return True
    from policy.dates import DateParseError, parse_amazon_date
    from policy.facts import Subject

    if case.value(FactName.SUBJECT) != Subject.DELIVERY.value:
        return False
    try:
        return parse_amazon_date(date_said, today).latest <= today
    except DateParseError:
        return False


def purchase_date_said(case: Case, heard: DeliveryHeard, *, asks_more: bool) -> str | None:
    """The purchase date a delivery question with nothing but a date gives, if one is awaited.

    "When did you buy it?" - "I bought it in March this year": a date alone, heard as the
    date of an order (D4), answers the purchase question that is open (R1, W1), not how
    long delivery of an order placed in March takes. Anything else said with it (a place, a
    second topic: ``asks_more``) is a delivery question after all.
    """
    waiting = case.waiting
    if waiting is None or waiting.about != FactName.PURCHASED or asks_more:
        return None
    if heard.region or heard.place or heard.country:
        return None
    return heard.ordered_on or heard.order_date


def delivery_step(
    case: Case, heard: DeliveryHeard, today: date, remembered: str | None, can_store: bool
) -> DeliveryStep:
    """The delivery answer for ``heard`` on ``today`` (see the module docstring).

    Args:
        case: The conversation so far (a waiting purchase question suppresses offers).
        heard: What the customer asked.
        today: The customer's date.
        remembered: The remembered region id, when :func:`needs_region` asked for it.
        can_store: Whether anything may be stored for this customer.
    """
    from policy.delivery import delivery_coverage, estimate_delivery

    if heard.country is not None:
        coverage = delivery_coverage(heard.country)
        if not coverage.covered:
            return DeliveryStep(coverage=coverage, country_name=heard.country_name)
    placed = heard.ordered_on is not None
    order_date, bad_date = _order_date(heard.ordered_on or heard.order_date, today, placed=placed)
    earlier = case.value(FactName.REGION)
    region = heard.region if heard.region is not None or heard.place else earlier or remembered
    estimate = estimate_delivery(order_date, region)
    named = heard.region is not None and estimate.region is not None
    offer = named and can_store and case.waiting is None
    from_memory = not named and earlier is None and estimate.region is not None
    return DeliveryStep(
        estimate=estimate,
        place=heard.place if estimate.region is None else None,
        remembered=from_memory,
        bad_date=bad_date,
        placed=placed and not bad_date,
        # an order day already past was placed, whichever slot said it ("I ordered a camera
        # two weeks ago and it still isn't here"): its tracking code follows it (D5)
        on_its_way=not bad_date and order_date < today,
        # Mid-dialog, the purchase question comes back instead of a question of its own.
        ask_region=estimate.region is None and heard.place is None and case.waiting is None,
        offer_region=estimate.region.id if offer and estimate.region is not None else None,
    )


def _order_date(value: str | None, today: date, *, placed: bool) -> tuple[date, bool]:
    """The order day said (D4 counts from it), or today when none or none usable was said."""
    if value is None:
        return today, False
    from policy.dates import (
        DateParseError,
        FutureDateError,
        parse_amazon_date,
        resolve_order_date,
    )

    try:
        return resolve_order_date(parse_amazon_date(value, today), today, placed=placed), False
    except (DateParseError, FutureDateError):
        return today, True


#: What a delivery estimate already says: how long (D4) and that it is free (D2).
_SAID_BY_THE_ESTIMATE = frozenset({"delivery_time", "delivery_cost"})


def also_asked_with_delivery(topic_id: str | None) -> str | None:
    """The second fact asked with a delivery question, if the estimate does not say it.

    "Where do you send the orders from, and how long does it take to Omsk" gets the
    estimate, then D3's Moscow warehouse; "how long, and is it free" the estimate alone.
    """
    return None if topic_id is None or topic_id in _SAID_BY_THE_ESTIMATE else topic_id


def asks_of_the_replacement(case: Case, heard: DeliveryHeard, *, also_topic: str | None) -> bool:
    """Whether a bare "how fast would you ship it?" asks about an advance replacement (X1-X4).

    In a conversation about an advance replacement, a delivery question that names no
    place, country or date is about the replacement ZOSI ships (within 2 to 3 business
    days, the faulty one back within 30), not a new order's delivery (D4).
    """
    from policy.facts import Subject

    return _bare_question_of(case, heard, also_topic, Subject.CROSS_SHIP)


def asks_of_the_repair(case: Case, heard: DeliveryHeard, *, also_topic: str | None) -> bool:
    """Whether a bare "how long does the whole thing take?" asks how long a repair takes.

    In a conversation about a faulty product's warranty, a delivery question that names no
    place, country or date is about getting the product working again, not a new order's
    delivery (D4), which would promise dates no rule gives a repair. Only with a fault said:
    "is it still covered?" - "how long does delivery take?" may ask about a new order.
    """
    from conversation.aspects import _quality_problem
    from policy.facts import Subject

    return _bare_question_of(case, heard, also_topic, Subject.WARRANTY) and _quality_problem(case)


def _bare_question_of(
    case: Case, heard: DeliveryHeard, also_topic: str | None, subject: Subject
) -> bool:
    """A delivery question naming no place, country, date or topic, in a case of ``subject``."""
    from conversation.aspects import subject_of

    bare = heard == DeliveryHeard() and also_topic is None
    return bare and case.goal is not None and subject_of(case) is subject


def arrives_by(ordered_on: date, today: date) -> date | None:
    """The last day D4's window gives a parcel ordered that day, while it is still ahead.

    "When will my doorbell get here?", linked: the account shows the parcel on its way but
    no estimate, and D4 promises 3 to 30 business days from the order (Russian public
    holidays not counted), so its last day is what can be said. None once it has passed:
    a parcel later than that is no date to promise (D5: its tracking code says where it is).
    """
    from policy.delivery import estimate_delivery

    latest = estimate_delivery(ordered_on).latest
    return latest if latest >= today else None
