"""The service layer alone: next_step(case, heard, known) with no envelope, no store, no API.

Each test is one customer turn (or a few) and the step the skill takes; the case the
service returns is fed into the next turn, as the handlers do.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conversation.aspects import after_fact
from conversation.case import Asks, Case, Fact, FactName, Goal, Offer, Question, Source
from conversation.service import next_step, resume_after_detour
from conversation.steps import (
    AskFact,
    ClaimSteps,
    ConfirmDate,
    Decided,
    Declined,
    GaveUp,
    Heard,
    Known,
    NoOrder,
    OrderFacts,
    OrdersOverview,
    Outcome,
    Perform,
    ProposeRequest,
    Refused,
    Reply,
    Said,
    Signal,
)
from domain.memory import RememberedPurchase
from policy.claims import ClaimKind
from policy.model import Channel, DateSpan, Payer, PurchaseFacts, Reason, Step, Verdict
from policy.returns import ReturnDecision
from policy.warranty import WarrantyDecision

TODAY = date(2026, 11, 21)
KNOWN = Known(TODAY)


def turns(*heard: Heard, known: Known = KNOWN, case: Case | None = None) -> list[Outcome]:
    """Play the turns in order, each starting from the case the last one returned."""
    outcomes = []
    current = case or Case()
    for said in heard:
        outcome = next_step(current, said, known)
        outcomes.append(outcome)
        current = outcome.case
    return outcomes


def refund(**facts: str) -> Heard:
    return Heard(goal=Goal.REFUND, **facts)  # type: ignore[arg-type]


YES, NO = Heard(signal=Signal.YES), Heard(signal=Signal.NO)
NOT_UNDERSTOOD, DONT_KNOW = Heard(signal=Signal.NOT_UNDERSTOOD), Heard(signal=Signal.DONT_KNOW)


def order(
    order_id: str = "ZS-1",
    kind: str = "camera",
    days_ago: int = 5,
    channel: Channel = Channel.ZOSI_OFFICIAL_STORE,
    customer_country: str = "RU",
) -> OrderFacts:
    ordered_on = date.fromordinal(TODAY.toordinal() - days_ago)
    facts = PurchaseFacts(DateSpan.on(ordered_on), channel, customer_country=customer_country)
    return OrderFacts(order_id, f"ZOSI {kind}", kind, ordered_on, "delivered", facts, "A shop")


# --- gathering ------------------------------------------------------------------------------


def test_a_refund_question_asks_for_the_date_then_the_shop_then_decides() -> None:
    date_q, shop_q, decided = turns(
        refund(product="camera"),
        refund(date="2026-11-10"),
        refund(channel="zosi_website"),
    )
    assert isinstance(date_q.step, AskFact)
    assert (date_q.step.goal, date_q.step.fact, date_q.step.product) == (
        Goal.REFUND,
        FactName.PURCHASED,
        "camera",
    )
    assert isinstance(shop_q.step, AskFact)
    assert shop_q.step.fact is FactName.CHANNEL
    assert isinstance(decided.step, Decided)
    assert isinstance(decided.step.decision, ReturnDecision)
    assert decided.step.decision.verdict is Verdict.YES
    assert decided.step.offer is Offer.REMEMBER_PURCHASE
    assert decided.case.question == Question(Asks.OFFER, Offer.REMEMBER_PURCHASE)


def test_facts_record_where_they_came_from() -> None:
    (outcome,) = turns(refund(product="camera", date="2026-11-10"))
    assert outcome.case.fact(FactName.PURCHASED) == Fact("2026-11-10/2026-11-10", Source.SAID)


def test_a_date_alexa_put_ahead_is_a_guess_confirmed_before_any_decision() -> None:
    guessed, confirmed = turns(refund(product="camera", date="2026-12-05"), YES)
    assert guessed.step == ConfirmDate(
        "camera", DateSpan.on(date(2026, 11, 5)), again=False, other=DateSpan.on(date(2025, 12, 5))
    )
    assert guessed.case.fact(FactName.PURCHASED).source is Source.GUESSED  # type: ignore[union-attr]
    assert confirmed.case.fact(FactName.PURCHASED).source is Source.CONFIRMED  # type: ignore[union-attr]
    assert isinstance(confirmed.step, AskFact)
    assert confirmed.step.fact is FactName.CHANNEL


def test_a_denied_guess_offers_the_other_reading_then_asks() -> None:
    _, other, asked = turns(refund(product="camera", date="2026-12-05"), NO, NO)
    assert other.step == ConfirmDate("camera", DateSpan.on(date(2025, 12, 5)), again=True)
    assert isinstance(asked.step, AskFact)
    assert asked.step.fact is FactName.PURCHASED


def test_a_new_product_starts_a_new_case() -> None:
    first, second = turns(
        refund(product="camera", date="2026-11-10"), Heard(goal=Goal.WARRANTY, product="nvr")
    )
    assert first.case.fact(FactName.PURCHASED) is not None
    assert second.case.fact(FactName.PURCHASED) is None


def test_another_purchase_question_about_the_same_product_keeps_the_facts() -> None:
    _, warranty = turns(refund(product="camera", date="2026-11-10"), Heard(goal=Goal.WARRANTY))
    assert isinstance(warranty.step, Decided)
    assert isinstance(warranty.step.decision, WarrantyDecision)


# --- general questions --------------------------------------------------------------------------


def test_a_question_that_names_no_purchase_gets_the_rule_with_the_question() -> None:
    (outcome,) = turns(Heard(goal=Goal.WARRANTY))
    assert isinstance(outcome.step, AskFact)
    assert isinstance(outcome.step.general, WarrantyDecision)
    assert outcome.case.question == Question(Asks.FACT, FactName.PURCHASED, 1, ("general",))


def test_no_to_the_check_after_a_general_answer_declines_it() -> None:
    _, declined = turns(Heard(goal=Goal.WARRANTY), NO)
    assert declined.step == Declined(Offer.CHECK_OWN_CASE)
    assert declined.case == Case()


def test_a_general_fact_about_returns_leads_to_an_offer_to_check() -> None:
    checking = after_fact(Case(), "return_window")
    assert checking == Case(Goal.REFUND, {}, Question(Asks.OFFER, Offer.CHECK_OWN_CASE))
    assert after_fact(Case(), "contact") is None
    (asked,) = turns(YES, case=checking)
    assert isinstance(asked.step, AskFact)
    assert asked.step.general is None


# --- yes and no -------------------------------------------------------------------------------


def test_a_yes_acts_only_on_the_offer_of_the_turn_before() -> None:
    offered = Case(question=Question(Asks.OFFER, Offer.DELETE_DATA))
    (done,) = turns(YES, case=offered)
    assert done.step == Perform(Offer.DELETE_DATA)
    again, after_again = turns(NOT_UNDERSTOOD, YES, case=offered)
    assert again.step == Reply(Said.NOT_UNDERSTOOD)  # the same offer is asked once more
    assert again.case.question == Question(Asks.OFFER, Offer.DELETE_DATA, attempts=2)
    assert after_again.step == Perform(Offer.DELETE_DATA)
    *_, stale = turns(NOT_UNDERSTOOD, NOT_UNDERSTOOD, YES, case=offered)
    assert stale.step == Reply(Said.OKAY)  # after a second miss the offer is gone


def test_a_yes_to_remember_stores_only_what_was_said() -> None:
    *_, done = turns(
        refund(product="camera", date="2026-11-10"), refund(channel="zosi_website"), YES
    )
    assert done.step == Perform(
        Offer.REMEMBER_PURCHASE,
        purchase=RememberedPurchase(
            "camera", date(2026, 11, 10), date(2026, 11, 10), "zosi_website"
        ),
    )


def test_nothing_is_offered_or_stored_where_nothing_may_be_stored() -> None:
    """P7 (a minor's account without consent), or no Alexa user at all."""
    known = Known(TODAY, can_store=False)
    _, decided = turns(
        refund(product="camera", date="2026-11-10"), refund(channel="zosi_website"), known=known
    )
    assert isinstance(decided.step, Decided)
    assert decided.step.offer is None
    offered = decided.case._replace(question=Question(Asks.OFFER, Offer.REMEMBER_PURCHASE))
    (refused,) = turns(YES, case=offered, known=known)
    assert refused.step == Reply(Said.CANT_STORE)


# --- unhappy paths --------------------------------------------------------------------------------


def test_a_missed_answer_is_asked_once_more_then_the_skill_moves_on() -> None:
    asked, again, moved_on = turns(
        refund(product="camera", date="2026-11-10"),
        Heard(goal=Goal.REFUND, unmatched=((FactName.CHANNEL, "the zosi site"),)),
        Heard(goal=Goal.REFUND, unmatched=((FactName.CHANNEL, "them"),)),
    )
    assert isinstance(asked.step, AskFact)
    assert again.step == AskFact(
        Goal.REFUND, FactName.CHANNEL, "camera", attempt=2, unclear="the zosi site"
    )
    assert isinstance(moved_on.step, Decided)
    assert moved_on.step.decision.direct_purchase is None  # type: ignore[union-attr]


def test_i_dont_know_the_date_ends_with_the_rule_and_support() -> None:
    asked, gave_up = turns(refund(product="camera"), DONT_KNOW)
    assert isinstance(asked.step, AskFact)
    assert isinstance(asked.step.general, ReturnDecision)  # the rule, with the date question
    assert isinstance(gave_up.step, GaveUp)
    # ... and again: the customer who can't date it weighs their own date against it
    assert isinstance(gave_up.step.general, ReturnDecision)
    assert gave_up.case.question is None
    assert gave_up.case.unknown(FactName.PURCHASED)  # asked again, the skill won't ask again
    (again,) = turns(refund(), case=gave_up.case)
    assert isinstance(again.step, GaveUp)


def test_help_keeps_the_open_question_to_come_back_to() -> None:
    asked, helped = turns(refund(product="camera"), Heard(signal=Signal.HELP))
    assert helped.step == Reply(Said.HELP)
    assert isinstance(asked.step, AskFact)
    assert helped.resume == asked.step._replace(general=None)  # the rule is not said twice
    assert helped.case.waiting is not None
    assert asked.case.waiting is not None
    assert helped.case.waiting.about == asked.case.waiting.about


def test_a_detour_resumes_the_open_question() -> None:
    (asked,) = turns(refund(product="camera"))
    assert isinstance(asked.step, AskFact)
    assert resume_after_detour(asked.case, KNOWN).resume == asked.step._replace(general=None)
    assert resume_after_detour(Case(), KNOWN).resume is None


def test_a_correction_replaces_the_date() -> None:
    *_, decided = turns(
        refund(product="camera", date="2026-11-10"),
        Heard(date="2026-10-25"),
        refund(channel="zosi_website"),
    )
    assert isinstance(decided.step, Decided)
    assert decided.step.purchased == DateSpan.on(date(2026, 10, 25))


# --- claims ---------------------------------------------------------------------------------------


def test_an_unlinked_warranty_claim_out_of_warranty_is_refused() -> None:
    (outcome,) = turns(
        Heard(goal=Goal.CLAIM, claim_kind="warranty_repair", product="camera", date="2024-11-01")
    )
    assert isinstance(outcome.step, Refused)
    assert outcome.step.instead is None


def test_an_unlinked_warranty_claim_abroad_has_no_shipping_refund_step() -> None:
    """W6: the customer pays the international postage, so W4's refund-first step is left out."""
    (outcome,) = turns(
        Heard(
            goal=Goal.CLAIM,
            claim_kind="warranty_repair",
            date="2026-06-01",
            purchase_country="RU",
            home_country="KZ",
        )
    )
    assert isinstance(outcome.step, ClaimSteps)
    decision = outcome.step.decision
    assert isinstance(decision, WarrantyDecision)
    assert decision.return_shipping is Payer.CUSTOMER
    assert Step.ASK_SHIPPING_REFUND_FIRST not in decision.steps


def test_a_linked_customer_with_several_orders_hears_them_listed() -> None:
    (outcome,) = turns(
        Heard(goal=Goal.WARRANTY),
        known=Known(TODAY, orders=(order("A", "camera"), order("B", "nvr", 200))),
    )
    assert isinstance(outcome.step, OrdersOverview)
    assert [entry.order_id for entry, _ in outcome.step.entries] == ["A", "B"]


def test_a_linked_refund_for_one_order_is_offered_then_costs_then_opened() -> None:
    known = Known(TODAY, orders=(order(),))
    decided, reason, costs, opened = turns(
        refund(product="camera"),
        YES,
        Heard(goal=Goal.CLAIM, reason="changed_mind"),
        YES,
        known=known,
    )
    assert isinstance(decided.step, Decided)
    assert decided.step.offer is Offer.OPEN_REQUEST
    assert isinstance(reason.step, AskFact)
    assert reason.step.fact is FactName.REASON
    assert isinstance(costs.step, ProposeRequest)
    assert costs.step.kind is ClaimKind.REFUND_RETURN
    assert costs.step.decision.return_shipping is Payer.CUSTOMER  # type: ignore[union-attr]
    assert opened.step == Perform(
        Offer.OPEN_REQUEST,
        ("ZS-1", "refund_return", "changed_mind"),
        order=order(),
        decision=costs.step.decision,  # taken again at the yes (issue 18), and the same
    )


CHANGED_MIND = Heard(goal=Goal.CLAIM, reason="changed_mind")


def test_a_yes_to_open_a_request_is_decided_again_by_the_lambdas_date() -> None:
    """Issue 18: offered on day 5; the yes comes when the Lambda's date is past the 30 days."""
    offer = Known(TODAY, orders=(order(),))
    late = Known(TODAY, orders=(order(),), acting_today=TODAY + timedelta(days=30))
    *_, costs = turns(refund(product="camera"), YES, CHANGED_MIND, known=offer)
    assert isinstance(costs.step, ProposeRequest)

    (outcome,) = turns(YES, known=late, case=costs.case)

    assert isinstance(outcome.step, Refused)
    assert outcome.step.rechecked
    assert outcome.case.question is None


def test_an_offer_edited_to_another_order_is_decided_for_that_order() -> None:
    """Issue 18: the offer's order id came from the session; the old order gets its own answer."""
    known = Known(TODAY, orders=(order(), order(order_id="ZS-OLD", kind="nvr", days_ago=420)))
    *_, costs = turns(refund(product="camera"), YES, CHANGED_MIND, known=known)
    assert isinstance(costs.step, ProposeRequest)
    question = costs.case.question
    assert question is not None
    edited = costs.case._replace(question=question._replace(data=("ZS-OLD", *question.data[1:])))

    (outcome,) = turns(YES, known=known, case=edited)

    assert not isinstance(outcome.step, Perform)


def test_a_linked_third_party_refund_is_refused_without_a_warranty_offer_for_a_change_of_mind() -> (
    None
):
    known = Known(TODAY, orders=(order(channel=Channel.THIRD_PARTY, days_ago=10),))
    (outcome,) = turns(
        Heard(goal=Goal.CLAIM, claim_kind="refund_return", reason="changed_mind"), known=known
    )
    assert isinstance(outcome.step, Refused)
    assert outcome.step.instead is None
    assert outcome.case.question is None


@pytest.mark.parametrize("reason", [Reason.DEFECT, Reason.DAMAGED_IN_TRANSIT])
def test_a_refund_ruled_out_offers_the_warranty_for_a_fault(reason: Reason) -> None:
    known = Known(TODAY, orders=(order(days_ago=200),))
    (outcome,) = turns(
        Heard(goal=Goal.CLAIM, claim_kind="refund_return", reason=reason.value), known=known
    )
    assert isinstance(outcome.step, Refused)
    assert outcome.step.instead is ClaimKind.WARRANTY_REPAIR
    assert outcome.case.question == Question(
        Asks.OFFER, Offer.OPEN_REQUEST, 1, ("ZS-1", "warranty_repair", reason.value)
    )


def test_a_linked_question_about_a_product_never_bought_says_so() -> None:
    (outcome,) = turns(
        Heard(goal=Goal.REFUND, product="doorbell", product_name="doorbell"),
        known=Known(TODAY, orders=(order(),)),
    )
    assert outcome.step == NoOrder("doorbell")


def test_every_topic_that_leads_to_a_purchase_question_is_a_policy_topic() -> None:
    from conversation.aspects import TOPIC_GOALS
    from policy.facts import Topic

    assert set(TOPIC_GOALS) <= {topic.value for topic in Topic}
