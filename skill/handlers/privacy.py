"""What the skill does with personal data, what it holds, and deleting it (P1-P9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.base import IntentHandler
from handlers.context import turn
from handlers.respond import answer, follow_up, speak
from policy.regions import find_region
from speech import en

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

DELETE_DATA = "delete_data"


class PrivacyPolicyHandler(IntentHandler):
    """Answers "What do you do with my data?" (P1-P9 as the skill applies them)."""

    intents = ("PrivacyPolicyIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        days = turn(handler_input).settings.state_ttl_days
        return answer(handler_input, en.privacy_answer(days))


class MyDataHandler(IntentHandler):
    """Answers "What do you know about me?": exactly what is stored (P4)."""

    intents = ("MyDataIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        current = turn(handler_input)
        state = current.state()
        if current.state_failed:
            return follow_up(handler_input, (en.STATE_UNAVAILABLE.strip(),))
        region = find_region(state.region) if state.region else None
        purchase = state.purchase
        result = en.stored_data_answer(
            region.name if region else state.region,
            None
            if purchase is None
            else (
                purchase.product.replace("_", " ") if purchase.product else None,
                purchase.earliest,
                purchase.latest,
            ),
            linked=state.linked_at is not None,
        )
        return answer(handler_input, result)


class DeleteMyDataHandler(IntentHandler):
    """Answers "Delete my data": asks first, then deletes everything stored (P5)."""

    intents = ("DeleteMyDataIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn(handler_input).ask_pending(DELETE_DATA)
        return speak(handler_input, (), (en.CONFIRM_DELETE,))


def delete_everything(handler_input: HandlerInput) -> Response:
    """Delete all stored data for the user and say whether it worked."""
    deleted = turn(handler_input).erase()
    return follow_up(handler_input, (en.DELETED if deleted else en.DELETE_FAILED,))
