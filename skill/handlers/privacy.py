"""What the skill does with personal data, what it holds, and deleting it (P1-P9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.context import turn
from handlers.respond import DELETE_DATA, answer, follow_up, speak
from speech import en

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response


def privacy_policy(handler_input: HandlerInput) -> Response:
    """Answers "What do you do with my data?" (P1-P9 as the skill applies them)."""
    days = turn(handler_input).settings.state_ttl_days
    return answer(handler_input, en.privacy_answer(days))


def my_data(handler_input: HandlerInput) -> Response:
    """Answers "What do you know about me?": exactly what is stored (P4)."""
    current = turn(handler_input)
    state = current.state()
    if current.state_failed:
        return follow_up(handler_input, (en.STATE_UNAVAILABLE.strip(),))
    from policy.regions import find_region

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
        accepted_policy=state.accepted_policy_version,
        policy_notice=state.policy_notice_version,
    )
    return answer(handler_input, result)


def delete_my_data(handler_input: HandlerInput) -> Response:
    """Answers "Delete my data": asks first, then deletes everything stored (P5)."""
    turn(handler_input).ask_pending(DELETE_DATA)
    return speak(handler_input, (), (en.CONFIRM_DELETE,))


def delete_everything(handler_input: HandlerInput) -> Response:
    """Delete all stored data for the user and say whether it worked."""
    deleted = turn(handler_input).erase()
    return follow_up(handler_input, (en.DELETED if deleted else en.DELETE_FAILED,))
