"""Launch, stop, and the ways a session ends; every other turn goes through the dialog."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from conversation.case import Case
from handlers.context import turn
from handlers.respond import speak
from speech import say
from speech.ssml import Phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

logger = logging.getLogger(__name__)


def launch(handler_input: HandlerInput) -> Response:
    """Answers "Open ZOSI Care": say what the skill does and ask what the customer needs."""
    current = turn(handler_input)
    current.keep(Case())
    notice: Phrase = ()
    if current.linked:
        from handlers.linked import policy_notice

        notice = policy_notice(handler_input)
    return speak(
        handler_input,
        (*notice, say.WELCOME),
        (say.WHAT_TO_ASK,),
        reprompt=(say.EXAMPLES, " ", say.WHAT_TO_ASK),
    )


def stop(handler_input: HandlerInput) -> Response:
    """Stop, cancel or go home: end the session politely."""
    turn(handler_input).keep(Case())
    return speak(handler_input, (say.GOODBYE,))


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
