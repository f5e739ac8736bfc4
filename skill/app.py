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
from typing import Any, Final

from ask_sdk_core.skill_builder import CustomSkillBuilder

from adapters.alexa_api import TimeoutApiClient
from adapters.deadline import lambda_seconds, request_deadline
from adapters.deferred import DeferredAccountClient
from adapters.store import DynamoDbUserStore
from handlers.context import Services, seal_response
from handlers.errors import (
    AccountUnavailableHandler,
    CatchAllHandler,
    LinkRequiredHandler,
    MinorWithoutConsentHandler,
    RetryableEventError,
    TurnInterceptor,
    UnknownSkillHandler,
    UnsupportedLocaleHandler,
    VerifySessionInterceptor,
    VerifySkillIdInterceptor,
)
from handlers.not_ours import NotOursInterceptor
from handlers.routes import ROUTES, SPOKEN_REQUESTS, QuietHandler, RouteHandler
from settings import ConfigError, Settings
from speech import say
from speech.ssml import to_ssml

logger = logging.getLogger(__name__)

LambdaHandler = Callable[[dict[str, Any], object], dict[str, Any]]


#: (connect, read, budget) seconds of one account API call. An attempt that times out
#: costs 0.3 + 0.8 = 1.1 s, so a second, real attempt still fits in 2.4 s. Whatever a turn
#: calls, the request's deadline (``adapters.deadline``) stops it before Lambda's timeout.
ACCOUNT_TIMEOUTS: Final = (0.3, 0.8, 2.4)


def default_services(settings: Settings) -> Services:
    """The production adapters for ``settings``."""
    base_url = settings.account_api_base_url
    connect, read, budget = ACCOUNT_TIMEOUTS
    return Services(
        settings=settings,
        store=DynamoDbUserStore(settings.table_name, settings.state_ttl_days),
        accounts=DeferredAccountClient(
            base_url,
            connect_timeout=connect,
            read_timeout=read,
            budget=budget,
            ca_dir=settings.tls_ca_dir,
        )
        if base_url
        else None,
    )


def make_handler(services: Services) -> LambdaHandler:
    """Build the skill around ``services`` and return a Lambda handler that never raises.

    The session attributes of every answer are sealed for its session and user
    (``handlers.context.seal_response``); a request brings them back, and the first
    interceptor keeps what the skill acts on only under that seal.

    An envelope the SDK cannot parse, or any other failure outside the skill's
    own exception handlers, still gets a spoken apology instead of an error. The
    one exception is a skill event that must come again (SkillDisabled whose
    delete failed): its invocation fails.
    """
    api_client = TimeoutApiClient(
        allow_loopback=services.settings.local, ca_dir=services.settings.tls_ca_dir
    )
    builder = CustomSkillBuilder(api_client=api_client)
    builder.add_global_request_interceptor(VerifySessionInterceptor(services))
    builder.add_global_request_interceptor(VerifySkillIdInterceptor(services.settings.skill_id))
    builder.add_global_request_interceptor(NotOursInterceptor())
    builder.add_global_request_interceptor(TurnInterceptor(services))
    for route in ROUTES:
        builder.add_request_handler(RouteHandler(route))
    builder.add_request_handler(QuietHandler())
    for exception_handler in (
        UnknownSkillHandler(),
        UnsupportedLocaleHandler(),
        LinkRequiredHandler(),
        MinorWithoutConsentHandler(),
        AccountUnavailableHandler(),
        CatchAllHandler(),
    ):
        builder.add_exception_handler(exception_handler)
    sdk_handler = builder.lambda_handler()

    def handle(event: dict[str, Any], context: object) -> dict[str, Any]:
        try:
            with request_deadline(lambda_seconds(context)):
                response: dict[str, Any] = sdk_handler(event, context)  # type: ignore[arg-type]
                seal_response(response, event, services)
        except RetryableEventError:
            logger.error("skill event failed; raising so it can be delivered again")
            raise
        except Exception as exc:
            logger.error("request could not be handled: %s", type(exc).__name__)
            return apology() if _spoken(event) else silence()
        return response

    return handle


def _spoken(event: object) -> bool:
    """Whether ``event`` is (or claims to be) a request a customer waits to hear answered.

    A request of a kind the SDK does not know cannot be parsed; unless it says it is a
    launch or an intent, no one is listening for an apology.
    """
    request = event.get("request") if isinstance(event, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return not isinstance(kind, str) or kind in SPOKEN_REQUESTS


def silence() -> dict[str, Any]:
    """The empty response a non-conversational request gets: no speech, the session as it is."""
    return {"version": "1.0", "response": {}}


def apology(text: str = say.ERROR) -> dict[str, Any]:
    """A complete response envelope that apologises and ends the session."""
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{to_ssml((text,), 0)}</speak>"},
            "shouldEndSession": True,
        },
    }


#: Libraries whose DEBUG output carries secrets: botocore logs signed request headers
#: (``Authorization``, ``X-Amz-Security-Token``) and the items it stores, urllib3 and
#: requests the URLs they call, the ASK SDK whole envelopes (tokens, user ids).
LIBRARY_LOGGERS: Final = (
    "boto3",
    "botocore",
    "urllib3",
    "requests",
    "ask_sdk_core",
    "ask_sdk_model",
    "ask_sdk_runtime",
)


def configure_logging(level: str) -> None:
    """Log the skill's own records at ``level``; libraries only from WARNING, whatever it is.

    ``LOG_LEVEL=DEBUG`` is for the skill's own diagnostics, which name no token and
    no raw user id; it must not turn on the libraries' debug logs, which do.
    """
    logging.getLogger().setLevel(level)
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


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
        configure_logging(settings.log_level)
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
    nor builds it: that includes ``adapters.http11`` (with ``socket``) and ``ssl``, which the
    Alexa API transport imports only on its first call (see ``adapters.alexa_api``). Nothing
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
        "adapters.http11",
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
