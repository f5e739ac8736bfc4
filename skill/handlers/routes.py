"""Which request goes to which handler function, with each handler module imported on first use.

A cold Lambda answers its first request sooner when it imports only what that
request needs: a refund question never loads the account client, the delivery
calendar or the skill-event code. So the skill registers one small
:class:`RouteHandler` per route: its ``can_handle`` compares the request type or
intent name, and ``handle`` imports the handler function the first time it runs.
ROUTES is also what the tests compare with every interaction model.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.utils.request_util import get_intent_name, get_request_type

from handlers import names

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

HandlerFunction = Callable[["HandlerInput"], "Response"]
INTENT_REQUEST = "IntentRequest"


class Route(NamedTuple):
    """The requests one handler function answers.

    Attributes:
        target: ``"module:function"`` of the handler.
        intents: intent names it answers (for IntentRequests).
        requests: other request types it answers (LaunchRequest, skill events...).
    """

    target: str
    intents: tuple[str, ...] = ()
    requests: tuple[str, ...] = ()

    def load(self) -> HandlerFunction:
        """Import and return the handler function."""
        module, name = self.target.split(":")
        function: HandlerFunction = getattr(import_module(module), name)
        return function


ROUTES: tuple[Route, ...] = (
    Route("handlers.conversation:launch", requests=("LaunchRequest",)),
    Route(
        "handlers.dialog:converse",
        intents=(
            names.RETURN_REFUND_INTENT,
            names.WARRANTY_STATUS_INTENT,
            names.CROSS_SHIP_INTENT,
            names.START_CLAIM_INTENT,
            names.PURCHASE_DETAILS_INTENT,
            names.DONT_KNOW_INTENT,
            names.YES_INTENT,
            names.NO_INTENT,
            names.HELP_INTENT,
            names.FALLBACK_INTENT,
        ),
        # A touch on the screen's yes button is a yes (screens.YesButton).
        requests=("Alexa.Presentation.APL.UserEvent",),
    ),
    Route("handlers.policy_questions:policy_fact", intents=(names.POLICY_FACT_INTENT,)),
    Route("handlers.respond:repeat", intents=(names.REPEAT_INTENT,)),
    Route("handlers.support:claim_status_request", intents=(names.CLAIM_STATUS_INTENT,)),
    Route("handlers.delivery:delivery_time", intents=(names.DELIVERY_TIME_INTENT,)),
    Route("handlers.delivery:track_order", intents=(names.TRACK_ORDER_INTENT,)),
    Route("handlers.support:contact_support", intents=(names.CONTACT_SUPPORT_INTENT,)),
    Route("handlers.privacy:privacy_policy", intents=(names.PRIVACY_POLICY_INTENT,)),
    Route("handlers.privacy:my_data", intents=(names.MY_DATA_INTENT,)),
    Route("handlers.privacy:delete_my_data", intents=(names.DELETE_MY_DATA_INTENT,)),
    Route("handlers.privacy:withdraw_consent_request", intents=(names.WITHDRAW_CONSENT_INTENT,)),
    Route(
        "handlers.conversation:stop",
        intents=(names.STOP_INTENT, names.CANCEL_INTENT, names.NAVIGATE_HOME_INTENT),
    ),
    Route("handlers.conversation:session_ended", requests=("SessionEndedRequest",)),
    Route("handlers.events:account_linked", requests=("AlexaSkillEvent.SkillAccountLinked",)),
    Route("handlers.events:skill_disabled", requests=("AlexaSkillEvent.SkillDisabled",)),
    Route(
        "handlers.events:permission_event",
        requests=(
            "AlexaSkillEvent.SkillPermissionChanged",
            "AlexaSkillEvent.SkillPermissionAccepted",
            "AlexaSkillEvent.SkillEnabled",
        ),
    ),
)


#: The requests a customer hears an answer to; every other kind the skill may be sent is not
#: conversational (System.ExceptionEncountered, AudioPlayer.*, Messaging.MessageReceived...).
SPOKEN_REQUESTS = frozenset({"LaunchRequest", INTENT_REQUEST})


class RouteHandler(AbstractRequestHandler):
    """An ask-sdk request handler for one route, loading its function on first use."""

    def __init__(self, route: Route) -> None:
        """Serve ``route``; nothing is imported yet."""
        self.route = route
        self._function: HandlerFunction | None = None

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request_type = get_request_type(handler_input)
        if request_type == INTENT_REQUEST:
            return get_intent_name(handler_input) in self.route.intents
        return request_type in self.route.requests

    def handle(self, handler_input: HandlerInput) -> Response:
        if self._function is None:
            self._function = self.route.load()
        return self._function(handler_input)


class QuietHandler(AbstractRequestHandler):
    """Answer a non-conversational request no route takes with an empty response.

    Alexa sends a skill more than conversation: ``System.ExceptionEncountered`` after a response
    it could not use, ``AudioPlayer.*`` and ``PlaybackController.*`` for audio the skill never
    plays, ``Messaging.MessageReceived``, skill events it did not subscribe to. None has a
    customer waiting for words (an AudioPlayer response may not even carry speech), so each
    gets no speech and leaves the session as it is. Registered after every route.
    """

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return get_request_type(handler_input) not in SPOKEN_REQUESTS

    def handle(self, handler_input: HandlerInput) -> Response:
        response: Response = handler_input.response_builder.response
        return response
