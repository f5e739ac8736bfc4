"""The base of every intent handler: it names its intents, and that is its whole ``can_handle``."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.utils.predicate import is_intent_name

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput


class IntentHandler(AbstractRequestHandler):
    """Handles the intents listed in ``intents`` (a test checks them against every model)."""

    intents: ClassVar[tuple[str, ...]] = ()

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in self.intents)
