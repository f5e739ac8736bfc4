"""Refund return, warranty and advance-replacement questions (R1-R6, W1-W9, X1-X4).

General questions about one rule of any kind ("who pays customs?") are answered here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from handlers.context import purchase_to_session, turn
from handlers.purchase import Gathered, gather_purchase, memory_lead
from handlers.respond import REMEMBER_PURCHASE, answer, follow_up, speak
from handlers.slots import as_enum, current_intent, read_slot
from speech import en

if TYPE_CHECKING:
    from datetime import date

    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response


def answer_purchase_question(
    handler_input: HandlerInput,
    *,
    topic: str,
    need_store: bool,
    decide: Callable[[Gathered, date], en.Answer],
) -> Response:
    """Answer from the linked account's orders, or from the purchase the customer describes.

    A linked customer who gives no purchase date hears about their own orders; one
    who describes a purchase (perhaps bought elsewhere) gets the answer for it.
    The skill offers to remember a newly described purchase.
    """
    intent = current_intent(handler_input)
    current = turn(handler_input)
    if current.linked and read_slot(intent, "purchaseDate").spoken is None:
        from handlers.linked import answer_from_orders

        return answer_from_orders(handler_input, topic, intent)
    gathered = gather_purchase(handler_input, intent, need_store=need_store)
    if not isinstance(gathered, Gathered):
        return gathered
    result = decide(gathered, current.today)
    # Offering costs no read: whether it is stored already is checked only if they say yes.
    if gathered.from_memory or not current.has_user:
        return answer(handler_input, result, memory_lead(gathered))
    current.ask_pending(REMEMBER_PURCHASE, purchase=purchase_to_session(gathered.to_remember()))
    question = (en.OFFER_REMEMBER_PURCHASE.format(it=en.the_product(gathered.product)),)
    return speak(handler_input, result.speech, question, card=result)


def return_refund(handler_input: HandlerInput) -> Response:
    """Answers "Can I return the camera I bought on the 5th?" (R1-R6)."""
    from policy.returns import evaluate_return  # each question loads only its own rules

    return answer_purchase_question(
        handler_input,
        topic="refund",
        need_store=True,
        decide=lambda g, today: en.return_answer(
            evaluate_return(g.facts, today), g.product, g.facts.purchased.precise
        ),
    )


def warranty_status(handler_input: HandlerInput) -> Response:
    """Answers "Is my NVR still under warranty?" (W1-W9)."""
    from policy.warranty import evaluate_warranty

    return answer_purchase_question(
        handler_input,
        topic="warranty",
        need_store=False,
        decide=lambda g, today: en.warranty_answer(
            evaluate_warranty(g.facts, today), g.product, g.facts.purchased.precise
        ),
    )


def cross_ship(handler_input: HandlerInput) -> Response:
    """Answers "Can you send me a replacement first?" (X1-X4)."""
    from policy.crossship import evaluate_cross_ship

    return answer_purchase_question(
        handler_input,
        topic="cross_ship",
        need_store=False,
        decide=lambda g, today: en.cross_ship_answer(
            evaluate_cross_ship(g.facts, today), g.product, g.facts.purchased.precise
        ),
    )


def policy_fact(handler_input: HandlerInput) -> Response:
    """Answers "How long is the warranty?": one policy fact, said first (any rule, D1-P9)."""
    from policy.facts import Topic, explain
    from speech.en_facts import UNKNOWN_TOPIC

    topic = as_enum(Topic, read_slot(current_intent(handler_input), "topic").id)
    if topic is None:
        return follow_up(handler_input, (UNKNOWN_TOPIC,))
    # P9: the skill's own storage period is a setting; only the retention answer says it.
    days = turn(handler_input).settings.state_ttl_days
    return answer(handler_input, en.fact_answer(explain(topic, retention_days=days)))
