"""General questions about one policy fact ("who pays customs?"), answered first (D1-P9).

Questions about the customer's own purchase go through the dialog (handlers.dialog).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.case import member
from conversation.service import after_fact, fact_topic
from handlers.context import turn
from handlers.respond import finish, speak
from handlers.slots import current_intent, read_slot
from speech import say

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response


def policy_fact(handler_input: HandlerInput) -> Response:
    """Answers "How long is the warranty?": one policy fact, said first (any rule, D1-P9).

    Asked in the middle of a purchase dialog, the dialog's open question follows.
    """
    from policy.facts import Aspect, Topic, explain, refine

    intent = current_intent(handler_input)
    topic = member(Topic, read_slot(intent, "topic").id)
    if topic is None:
        return finish(handler_input, (say.UNKNOWN_TOPIC,))
    # P9: the skill's own storage period is a setting; only the retention answer says it.
    current = turn(handler_input)
    topic = fact_topic(current.case, refine(topic, member(Aspect, read_slot(intent, "aspect").id)))
    result = say.fact_answer(explain(topic, retention_days=current.settings.state_ttl_days))
    check = after_fact(current.case, topic.value)
    if check is None:
        return finish(handler_input, result)
    current.keep(check)
    return speak(handler_input, result.speech, (say.OFFER_CHECK_YOURS,), card=result)
