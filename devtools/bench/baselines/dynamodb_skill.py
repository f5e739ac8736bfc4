"""Baseline B: a launch-only skill built the SDK's standard way, with its DynamoDB adapter.

The floor for "first stateful answer": the SDK's ``DynamoDbAdapter``
(ask-sdk-dynamodb-persistence-adapter) as the skill's persistence adapter, and a
LaunchRequest handler that reads the persistent attributes (one GetItem). The
adapter builds a boto3 resource when it is imported, as the SDK documents it;
the table name comes from ``TABLE_NAME`` and its key is the adapter's default ``id``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_dynamodb.adapter import DynamoDbAdapter

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response


class RememberingLaunchHandler(AbstractRequestHandler):
    """Greets a customer it has stored attributes for as a returning one."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        known = bool(handler_input.attributes_manager.persistent_attributes)
        speech = f"{'Welcome back' if known else 'Welcome'}. What would you like to know?"
        return handler_input.response_builder.speak(speech).ask(speech).response


_builder = CustomSkillBuilder(persistence_adapter=DynamoDbAdapter(os.environ["TABLE_NAME"]))
_builder.add_request_handler(RememberingLaunchHandler())
lambda_handler = _builder.lambda_handler()
