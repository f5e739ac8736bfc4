"""Launch, help, fallback, yes/no answers, and the ways a session ends."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from handlers.context import purchase_from_session, turn
from handlers.respond import (
    ANYTHING_ELSE,
    DELETE_DATA,
    OFFER_WARRANTY,
    REMEMBER_PURCHASE,
    REMEMBER_REGION,
    follow_up,
    speak,
)
from speech import en
from speech.ssml import Phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

logger = logging.getLogger(__name__)


def launch(handler_input: HandlerInput) -> Response:
    """Answers "Open ZOSI Care": say what the skill does and ask what the customer needs."""
    current = turn(handler_input)
    current.clear_pending()
    notice: Phrase = ()
    if current.linked:
        from handlers.linked import policy_notice

        notice = policy_notice(handler_input)
    return speak(
        handler_input,
        (*notice, en.WELCOME),
        (en.WHAT_TO_ASK,),
        reprompt=(en.EXAMPLES, " ", en.WHAT_TO_ASK),
    )


def help_request(handler_input: HandlerInput) -> Response:
    """What the customer can ask."""
    turn(handler_input).clear_pending()
    return speak(handler_input, (en.HELP,), (en.WHAT_TO_ASK,))


def fallback(handler_input: HandlerInput) -> Response:
    """Anything the model could not map to an intent."""
    return speak(handler_input, (en.FALLBACK,), (en.WHAT_TO_ASK,))


def stop(handler_input: HandlerInput) -> Response:
    """Stop, cancel or go home: end the session politely."""
    turn(handler_input).clear_pending()
    return speak(handler_input, (en.GOODBYE,))


def session_ended(handler_input: HandlerInput) -> Response:
    """The session ended (user, error or too many reprompts): log why, say nothing."""
    request = handler_input.request_envelope.request
    reason = getattr(getattr(request, "reason", None), "value", None) or "UNKNOWN"
    error = getattr(getattr(getattr(request, "error", None), "object_type", None), "value", None)
    if error:
        logger.warning("session ended: %s (%s)", reason, error)
    else:
        logger.info("session ended: %s", reason)
    response: Response = handler_input.response_builder.response
    return response


def yes(handler_input: HandlerInput) -> Response:
    """Answers "Yes" to the question the skill asked last."""
    current = turn(handler_input)
    pending = current.pending
    kind = pending.get("kind")
    current.clear_pending()
    if kind == REMEMBER_PURCHASE:
        try:
            purchase = purchase_from_session(pending["purchase"])
        except (KeyError, TypeError, ValueError):
            return speak(handler_input, (en.NOT_REMEMBERED,), (en.WHAT_TO_ASK,))
        saved = current.save({"purchase": purchase})
        return follow_up(handler_input, (en.REMEMBERED if saved else en.NOT_REMEMBERED,))
    if kind == REMEMBER_REGION and isinstance(pending.get("region"), str):
        saved = current.save({"region": pending["region"]})
        return follow_up(handler_input, (en.REMEMBERED if saved else en.NOT_REMEMBERED,))
    if kind == DELETE_DATA:
        from handlers.privacy import delete_everything

        return delete_everything(handler_input)
    if kind == OFFER_WARRANTY and current.linked:
        from handlers.linked import accept_warranty_offer

        return accept_warranty_offer(
            handler_input, str(pending.get("order_id")), str(pending.get("reason"))
        )
    return speak(handler_input, (en.OKAY,), (en.WHAT_TO_ASK,))


def no(handler_input: HandlerInput) -> Response:
    """Answers "No" to the question the skill asked last."""
    current = turn(handler_input)
    kind = current.pending.get("kind")
    current.clear_pending()
    if kind in (REMEMBER_PURCHASE, REMEMBER_REGION):
        return follow_up(handler_input, (en.NOT_SAVING,))
    if kind == DELETE_DATA:
        return follow_up(handler_input, (en.NOTHING_DELETED,))
    if kind == OFFER_WARRANTY:
        return follow_up(handler_input, (en.CLAIM_NOT_OPENED,))
    if kind == ANYTHING_ELSE:
        return speak(handler_input, (en.GOODBYE,))
    return speak(handler_input, (en.OKAY,), (en.WHAT_TO_ASK,))
