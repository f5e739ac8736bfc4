"""Lambda entry point: wiring only (settings, adapters, skill builder, handler).

Nothing is built at import time beyond what every request needs. The skill, its
settings and its adapters are built on the first request and reused by every
later one in the same container; adapters build their own clients lazily, so a
policy answer never imports boto3 or requests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from typing import Any

from ask_sdk_core.skill_builder import CustomSkillBuilder

from adapters.alexa_api import TimeoutApiClient
from adapters.deferred import DeferredAccountClient
from adapters.store import DynamoDbUserStore
from handlers.context import Services
from handlers.errors import (
    AccountUnavailableHandler,
    CatchAllHandler,
    LinkRequiredHandler,
    MinorWithoutConsentHandler,
    TurnInterceptor,
    UnknownSkillHandler,
    VerifySkillIdInterceptor,
)
from handlers.routes import ROUTES, RouteHandler
from settings import ConfigError, Settings
from speech import say
from speech.ssml import to_ssml

logger = logging.getLogger(__name__)

LambdaHandler = Callable[[dict[str, Any], object], dict[str, Any]]


def default_services(settings: Settings) -> Services:
    """The production adapters for ``settings``.

    A personal turn makes two account calls (profile, orders): 2 x 2 s, plus at most
    1.5 s for the time zone and 0.8 s for the progressive response, stays under 7 s.
    """
    base_url = settings.account_api_base_url
    return Services(
        settings=settings,
        store=DynamoDbUserStore(settings.table_name, settings.state_ttl_days),
        accounts=DeferredAccountClient(base_url, read_timeout=1.5, budget=2.0)
        if base_url
        else None,
    )


def make_handler(services: Services) -> LambdaHandler:
    """Build the skill around ``services`` and return a Lambda handler that never raises.

    An envelope the SDK cannot parse, or any other failure outside the skill's
    own exception handlers, still gets a spoken apology instead of an error.
    """
    builder = CustomSkillBuilder(api_client=TimeoutApiClient())
    builder.add_global_request_interceptor(VerifySkillIdInterceptor(services.settings.skill_id))
    builder.add_global_request_interceptor(TurnInterceptor(services))
    for route in ROUTES:
        builder.add_request_handler(RouteHandler(route))
    for exception_handler in (
        UnknownSkillHandler(),
        LinkRequiredHandler(),
        MinorWithoutConsentHandler(),
        AccountUnavailableHandler(),
        CatchAllHandler(),
    ):
        builder.add_exception_handler(exception_handler)
    sdk_handler = builder.lambda_handler()

    def handle(event: dict[str, Any], context: object) -> dict[str, Any]:
        try:
            response: dict[str, Any] = sdk_handler(event, context)  # type: ignore[arg-type]
        except Exception as exc:
            logger.error("request could not be handled: %s", type(exc).__name__)
            return apology()
        return response

    return handle


def apology(text: str = say.ERROR) -> dict[str, Any]:
    """A complete response envelope that apologises and ends the session."""
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{to_ssml((text,), 0)}</speak>"},
            "shouldEndSession": True,
        },
    }


_handler: LambdaHandler | None = None


def _skill() -> LambdaHandler | None:
    """The container's skill, built on first use; None while the configuration is broken."""
    global _handler  # noqa: PLW0603 - one skill per container, built on first use
    if _handler is None:
        try:
            settings = Settings.from_env()
        except ConfigError as exc:
            logger.error("configuration error: %s", exc)
            return None
        logging.getLogger().setLevel(settings.log_level)
        _handler = make_handler(default_services(settings))
    return _handler


def lambda_handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    """The function AWS Lambda calls for every Alexa request."""
    handler = _skill()
    if handler is None:
        return apology(say.NOT_CONFIGURED)
    return handler(event, context)


# --- Lambda SnapStart ---------------------------------------------------------------------------


def before_snapshot() -> None:
    """SnapStart, before the snapshot: build the skill and import what every answer may need.

    Whatever is done here is in the snapshot, so a restored cold start neither imports
    nor builds it: that includes ``http.client`` and ``ssl``, which the Alexa API
    transport imports only on its first call (see ``adapters.alexa_api``). Nothing
    connected is built: the adapters open their clients and connections on first use,
    after the restore.
    """
    if _skill() is None:
        return
    for route in ROUTES:
        route.load()
    for module in (
        "conversation.service",
        "conversation.delivery",
        "speech.en",
        "http.client",
        "ssl",
    ):
        import_module(module)


def after_restore() -> None:
    """SnapStart, after a restore: make unique again what the snapshot made identical.

    Every restored instance starts from the same memory, including the ``random``
    module's state, which the account client's and botocore's retry jitter draw from,
    so it is reseeded from the operating system. No connection was open at the
    snapshot, so none needs reopening.
    """
    import random

    random.seed()


def _register_runtime_hooks() -> None:
    """Register the SnapStart hooks where the Lambda runtime provides them (not locally)."""
    try:
        from snapshot_restore_py import (  # type: ignore[import-not-found]
            register_after_restore,
            register_before_snapshot,
        )
    except ImportError:
        return
    register_before_snapshot(before_snapshot)
    register_after_restore(after_restore)


_register_runtime_hooks()
