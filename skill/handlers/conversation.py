"""Launch, help, fallback, yes/no answers, and the ways a session ends."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.utils.predicate import is_request_type

from handlers.base import IntentHandler
from handlers.context import purchase_from_session, turn
from handlers.delivery import REMEMBER_REGION
from handlers.linked import OFFER_WARRANTY, accept_warranty_offer, policy_notice
from handlers.policy_questions import REMEMBER_PURCHASE
from handlers.privacy import DELETE_DATA, delete_everything
from handlers.respond import ANYTHING_ELSE, follow_up, speak
from speech import en

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

logger = logging.getLogger(__name__)


class LaunchHandler(AbstractRequestHandler):
    """Answers "Open ZOSI Care": say what the skill does and ask what the customer needs."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        turn(handler_input).clear_pending()
        return speak(
            handler_input,
            (*policy_notice(handler_input), en.WELCOME),
            (en.WHAT_TO_ASK,),
            reprompt=(en.EXAMPLES, " ", en.WHAT_TO_ASK),
        )


class HelpHandler(IntentHandler):
    """What the customer can ask."""

    intents = ("AMAZON.HelpIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        turn(handler_input).clear_pending()
        return speak(handler_input, (en.HELP,), (en.WHAT_TO_ASK,))


class FallbackHandler(IntentHandler):
    """Anything the model could not map to an intent."""

    intents = ("AMAZON.FallbackIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
        return speak(handler_input, (en.FALLBACK,), (en.WHAT_TO_ASK,))


class StopHandler(IntentHandler):
    """Stop, cancel or go home: end the session politely."""

    intents = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        turn(handler_input).clear_pending()
        return speak(handler_input, (en.GOODBYE,))


class SessionEndedHandler(AbstractRequestHandler):
    """The session ended (user, error or too many reprompts): log why, say nothing."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        reason = getattr(getattr(request, "reason", None), "value", None) or "UNKNOWN"
        error = getattr(
            getattr(getattr(request, "error", None), "object_type", None), "value", None
        )
        if error:
            logger.warning("session ended: %s (%s)", reason, error)
        else:
            logger.info("session ended: %s", reason)
        response: Response = handler_input.response_builder.response
        return response


class YesHandler(IntentHandler):
    """Answers "Yes" to the question the skill asked last."""

    intents = ("AMAZON.YesIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
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
            return delete_everything(handler_input)
        if kind == OFFER_WARRANTY and current.linked:
            return accept_warranty_offer(
                handler_input, str(pending.get("order_id")), str(pending.get("reason"))
            )
        return speak(handler_input, (en.OKAY,), (en.WHAT_TO_ASK,))


class NoHandler(IntentHandler):
    """Answers "No" to the question the skill asked last."""

    intents = ("AMAZON.NoIntent",)

    def handle(self, handler_input: HandlerInput) -> Response:
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
