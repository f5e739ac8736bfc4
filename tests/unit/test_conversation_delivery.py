"""The delivery service alone: which estimate, what is asked and what is offered (D2-D4)."""

from __future__ import annotations

from datetime import date, timedelta

from conversation.case import Asks, Case, Fact, FactName, Goal, Question, Source
from conversation.delivery import (
    DeliveryHeard,
    arrives_by,
    corrects_order_day,
    delivery_step,
    kept_case,
    needs_region,
)

TODAY = date(2026, 11, 21)
WAITING = Case(Goal.REFUND, {}, Question(Asks.FACT, FactName.CHANNEL))


def test_a_named_region_gets_its_estimate_and_an_offer_to_remember_it() -> None:
    step = delivery_step(Case(), DeliveryHeard(region="kazan"), TODAY, None, can_store=True)
    assert step.estimate is not None
    assert step.estimate.region is not None
    assert step.estimate.region.id == "kazan"
    assert step.offer_region == "kazan"
    assert not step.remembered


def test_nothing_is_offered_where_nothing_may_be_stored_or_a_question_waits() -> None:
    heard = DeliveryHeard(region="kazan")
    assert delivery_step(Case(), heard, TODAY, None, can_store=False).offer_region is None
    assert delivery_step(WAITING, heard, TODAY, None, can_store=True).offer_region is None


def test_no_place_uses_the_remembered_region_and_offers_nothing() -> None:
    assert needs_region(DeliveryHeard(), Case())
    step = delivery_step(Case(), DeliveryHeard(), TODAY, "omsk", can_store=True)
    assert step.remembered
    assert step.offer_region is None
    assert not step.ask_region


def test_no_place_and_nothing_remembered_gives_the_policy_range_and_asks() -> None:
    step = delivery_step(Case(), DeliveryHeard(), TODAY, None, can_store=True)
    assert step.ask_region
    assert step.estimate is not None
    assert (step.estimate.min_days, step.estimate.max_days) == (3, 30)


def test_a_country_outside_russia_gets_no_dates() -> None:
    """D2, D4 cover Russia only."""
    assert not needs_region(DeliveryHeard(country="KZ"), Case())
    step = delivery_step(Case(), DeliveryHeard(country="KZ"), TODAY, None, can_store=True)
    assert step.estimate is None
    assert step.coverage is not None
    assert not step.coverage.covered


def test_an_unknown_place_is_said_back_and_not_asked_about_again() -> None:
    step = delivery_step(Case(), DeliveryHeard(place="almaty"), TODAY, "omsk", can_store=True)
    assert step.place == "almaty"
    assert not step.ask_region
    assert not step.remembered


def test_an_unusable_order_date_falls_back_to_today_and_says_so() -> None:
    step = delivery_step(
        Case(), DeliveryHeard(region="kazan", order_date="banana"), TODAY, None, can_store=True
    )
    assert step.bad_date
    assert step.estimate is not None
    assert step.estimate.order_date == TODAY


def test_a_follow_up_without_a_place_is_about_the_sessions_last_region() -> None:
    """ "How long to Kazan?" then "and if I order on Friday?": Kazan again, not memory's Omsk."""
    asked = delivery_step(Case(), DeliveryHeard(region="kazan"), TODAY, None, can_store=True)
    case = kept_case(Case(), asked)
    assert case.value(FactName.REGION) == "kazan"
    follow_up = DeliveryHeard(order_date="2026-11-27")
    assert not needs_region(follow_up, case)  # no read of the remembered region
    step = delivery_step(case, follow_up, TODAY, "omsk", can_store=True)
    assert step.estimate is not None
    assert step.estimate.region is not None
    assert step.estimate.region.id == "kazan"
    assert not step.remembered  # not "for your saved region"
    assert step.offer_region is None  # offered once, when it was named
    assert not step.ask_region


def test_a_newly_named_region_replaces_the_sessions() -> None:
    case = Case(facts={FactName.REGION: Fact("kazan", Source.SAID)})
    step = delivery_step(case, DeliveryHeard(region="omsk"), TODAY, None, can_store=True)
    assert step.estimate is not None
    assert step.estimate.region is not None
    assert kept_case(case, step).value(FactName.REGION) == "omsk"


def test_an_answer_for_no_region_keeps_only_that_delivery_was_discussed() -> None:
    """No region or order day to keep; "and who pays for that?" next is delivery's (D2)."""
    step = delivery_step(Case(), DeliveryHeard(place="almaty"), TODAY, None, can_store=True)
    kept = kept_case(Case(), step)
    assert kept == Case().with_facts({FactName.SUBJECT: Fact("delivery", Source.SAID)})


# --- an order already placed (audit M6, L1 S007) -------------------------------------------

AUDIT_DAY = date(2026, 11, 20)


def test_the_day_of_an_order_already_placed_is_in_the_past() -> None:
    """D4: "I ordered on the 10th", said on 20 November, arrives as 10 December: 10 November."""
    heard = DeliveryHeard(region="kazan", ordered_on="2026-12-10")
    step = delivery_step(Case(), heard, AUDIT_DAY, None, can_store=True)
    assert step.estimate is not None
    assert step.estimate.order_date == date(2026, 11, 10)
    assert step.placed
    assert kept_case(Case(), step).value(FactName.ORDERED_ON) == "2026-11-10"


def test_the_day_of_an_order_to_place_stays_ahead() -> None:
    """D4: "if I order on the 10th" is 10 December: no order day is kept to correct."""
    heard = DeliveryHeard(region="kazan", order_date="2026-12-10")
    step = delivery_step(Case(), heard, AUDIT_DAY, None, can_store=True)
    assert step.estimate is not None
    assert step.estimate.order_date == date(2026, 12, 10)
    assert not step.placed
    assert kept_case(Case(), step).fact(FactName.ORDERED_ON) is None


def test_a_placed_order_that_cannot_have_been_placed_yet_is_estimated_from_today() -> None:
    heard = DeliveryHeard(region="kazan", ordered_on="2032-02-29")
    step = delivery_step(Case(), heard, AUDIT_DAY, None, can_store=True)
    assert step.bad_date
    assert not step.placed
    assert step.estimate is not None
    assert step.estimate.order_date == AUDIT_DAY


def test_a_date_said_alone_after_a_placed_order_estimate_corrects_its_day() -> None:
    placed = delivery_step(
        Case(), DeliveryHeard(region="kazan", ordered_on="2026-12-10"), AUDIT_DAY, None, True
    )
    case = kept_case(Case(), placed)
    assert corrects_order_day(case, "2026-12-12", AUDIT_DAY, only_a_date=True)
    assert not corrects_order_day(case, "2026-12-12", AUDIT_DAY, only_a_date=False)  # a product
    assert not corrects_order_day(case, None, AUDIT_DAY, only_a_date=True)
    waiting = case._replace(goal=Goal.REFUND, question=Question(Asks.FACT, FactName.PURCHASED))
    assert not corrects_order_day(waiting, "2026-12-12", AUDIT_DAY, only_a_date=True)  # its answer
    planned = delivery_step(
        Case(), DeliveryHeard(region="kazan", order_date="2026-12-10"), AUDIT_DAY, None, True
    )
    after_plan = kept_case(Case(), planned)
    assert not corrects_order_day(after_plan, "2026-12-12", AUDIT_DAY, only_a_date=True)
    # D4: a day gone by, said after any estimate, is when the order was placed
    gone_by = (AUDIT_DAY - timedelta(days=10)).isoformat()
    assert corrects_order_day(after_plan, gone_by, AUDIT_DAY, only_a_date=True)
    assert not corrects_order_day(Case(), gone_by, AUDIT_DAY, only_a_date=True)  # no estimate


def test_a_parcel_past_the_last_day_of_its_window_is_overdue_and_promised_no_day() -> None:
    """D4, C1: ordered 20 November 2026, the window's last day is 12 January 2027 (the New Year
    holidays not counted); on that day it is still due, the day after it is late and no day
    is promised any more."""
    ordered = date(2026, 11, 20)
    assert arrives_by(ordered, date(2027, 1, 12)) == date(2027, 1, 12)
    assert arrives_by(ordered, date(2027, 1, 13)) is None
