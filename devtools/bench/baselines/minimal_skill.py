"""Baseline A: the smallest ask-sdk-core skill, answering only a LaunchRequest.

The floor for "first answer": importing the SDK, building a skill with one request
handler and answering. Only what runs is imported; types are for the checker.
The benchmark imports this module from this folder, the way Lambda imports a
handler module from its code root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils.predicate import is_request_type

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

WELCOME = "Welcome. What would you like to know?"


class LaunchHandler(AbstractRequestHandler):
    """Greets the customer and keeps the session open."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak(WELCOME).ask(WELCOME).response


_builder = SkillBuilder()
_builder.add_request_handler(LaunchHandler())
lambda_handler = _builder.lambda_handler()
