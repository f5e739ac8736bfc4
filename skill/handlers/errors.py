"""Interceptors that guard every request, and the exception handlers behind them.

Order matters: the session attributes are verified first, so nothing the skill did
not write (and nothing from a new session) is read, or echoed back in any response;
the skill id is checked before anything else runs, so a request meant for another
skill never reads or writes state; the turn is attached only after that; errors
are logged by type only, so no slot value, token or user id reaches the logs.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestInterceptor
from ask_sdk_core.utils.request_util import get_request_type

from adapters.account_errors import AccountUnavailable, LinkRequired
from handlers.context import TURN, Services, Turn, request_binding, turn, verified_session
from handlers.respond import finish
from handlers.routes import ROUTES, SPOKEN_REQUESTS
from speech import say, speaks, use_locale
from speech.ssml import to_ssml

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

logger = logging.getLogger(__name__)


class UnknownSkillError(Exception):
    """The request names a skill id other than the configured one."""


class UnsupportedLocaleError(Exception):
    """The request is in a language the skill has no voice for."""


class RetryableEventError(Exception):
    """A skill event could not be processed: the invocation fails so it can come again.

    Only a skill event raises it (SkillDisabled whose delete failed); the Lambda
    handler lets it out so the invocation is recorded as failed, the one exception
    to "nothing raises out of the handler" (a customer is never waiting on an event).
    """


#: What the logs say in place of a locale or an intent name the skill does not know.
UNKNOWN_NAME: Final = "other"
#: The intent names the skill answers: the only ones its logs name.
KNOWN_INTENTS: Final = frozenset(intent for route in ROUTES for intent in route.intents)
#: The locales Alexa serves custom skills in: the only ones the logs name.
ALEXA_LOCALES: Final = frozenset(
    {
        "ar-SA", "de-AT", "de-DE", "en-AU", "en-CA", "en-GB", "en-IE", "en-IN", "en-NZ",
        "en-US", "es-ES", "es-MX", "es-US", "fr-CA", "fr-FR", "hi-IN", "it-IT", "ja-JP",
        "nl-NL", "pl-PL", "pt-BR", "sv-SE",
    }
)  # fmt: skip


def loggable(value: object, known: frozenset[str]) -> str:
    """``value`` when it is one of ``known``, else :data:`UNKNOWN_NAME`.

    A request's locale and intent name are whatever its sender wrote: any length, line
    breaks (a forged log line), an e-mail address. Only names from a fixed list reach the
    logs, so no request can write into them. (The request type needs no such list: the SDK
    parses only the types it knows, and names each by its own constant.)
    """
    return value if isinstance(value, str) and value in known else UNKNOWN_NAME


class MinorWithoutConsentError(Exception):
    """The linked account is a minor's, without a parent's or guardian's consent (P7)."""


def application_id(handler_input: HandlerInput) -> str | None:
    """The skill id the request is addressed to, from its context (or session)."""
    envelope = handler_input.request_envelope
    system = envelope.context.system if envelope.context is not None else None
    if system is not None and system.application is not None:
        return str(system.application.application_id)
    if envelope.session is not None and envelope.session.application is not None:
        return str(envelope.session.application.application_id)
    return None


class VerifySessionInterceptor(AbstractRequestInterceptor):
    """Replace the session attributes with the checked ones before anything reads them."""

    def __init__(self, services: Services) -> None:
        """Check seals with the key derived from ``services``' user-key secret."""
        self._services = services

    def process(self, handler_input: HandlerInput) -> None:
        """Keep only the skill's own attributes, verified; none at all from a new session.

        What the skill acts on is kept only under its seal for this session and user
        (``handlers.context.sealed``); the secret is read only when a seal comes back.
        """
        envelope = handler_input.request_envelope
        session = envelope.session
        if session is None:
            return
        system = envelope.context.system if envelope.context is not None else None
        user = system.user if system is not None else None
        binding = request_binding(
            session.session_id, user.user_id if user is not None else None, self._services
        )
        manager = handler_input.attributes_manager
        manager.session_attributes = verified_session(
            manager.session_attributes, new_session=bool(session.new), binding=binding
        )


class VerifySkillIdInterceptor(AbstractRequestInterceptor):
    """Refuse any request not addressed to this skill's id, before any state is touched."""

    def __init__(self, skill_id: str) -> None:
        """Serve only ``skill_id``."""
        self._skill_id = skill_id

    def process(self, handler_input: HandlerInput) -> None:
        """Raise :class:`UnknownSkillError` for a request addressed to another skill."""
        if application_id(handler_input) != self._skill_id:
            raise UnknownSkillError


class TurnInterceptor(AbstractRequestInterceptor):
    """Attach a lazily computed :class:`Turn` to the request, and log what kind it is."""

    def __init__(self, services: Services) -> None:
        """Share ``services`` with every turn."""
        self._services = services

    def process(self, handler_input: HandlerInput) -> None:
        """Create the turn; log the request type and intent only (no values, no ids).

        Raises:
            UnsupportedLocaleError: a launch or intent in a language without a voice,
                so no handler runs and nothing is read or stored.
        """
        current = Turn(handler_input, self._services)
        handler_input.attributes_manager.request_attributes[TURN] = current
        use_locale(current.locale)
        request = handler_input.request_envelope.request
        intent = getattr(getattr(request, "intent", None), "name", None)
        request_type = get_request_type(handler_input)
        logger.info(
            "request %s %s", request_type, loggable(intent, KNOWN_INTENTS) if intent else ""
        )
        if request_type in SPOKEN_REQUESTS and not speaks(current.locale):
            raise UnsupportedLocaleError


class UnknownSkillHandler(AbstractExceptionHandler):
    """Answer a request for another skill with an empty response, and log the refusal."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, UnknownSkillError)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.warning("refused a request addressed to another skill id")
        response: Response = handler_input.response_builder.set_should_end_session(True).response
        return response


class LinkRequiredHandler(AbstractExceptionHandler):
    """The account API rejected the token: stored data goes (P5, P6) and the customer relinks."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, LinkRequired)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        from handlers.linked import link_card

        logger.info("account link rejected")
        turn(handler_input).erase()
        return link_card(handler_input, (say.LINK_EXPIRED,))


class AccountUnavailableHandler(AbstractExceptionHandler):
    """The account API failed or was too slow: say so, and keep general answers open."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, AccountUnavailable)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.warning("account API unavailable: %s", type(exception).__name__)
        return finish(handler_input, (say.ACCOUNT_UNAVAILABLE,))


class UnsupportedLocaleHandler(AbstractExceptionHandler):
    """A language the skill does not speak: a short apology in it, or English; then goodbye."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, UnsupportedLocaleError)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        from speech.unsupported import apology

        locale = turn(handler_input).locale
        logger.info("unsupported locale %s", loggable(locale, ALEXA_LOCALES))
        builder = handler_input.response_builder
        builder.speak(to_ssml((apology(locale),), 0)).set_should_end_session(True)
        response: Response = builder.response
        return response


class MinorWithoutConsentHandler(AbstractExceptionHandler):
    """P7: no personal answers for a minor's account without a guardian's consent."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return isinstance(exception, MinorWithoutConsentError)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        return finish(handler_input, (say.MINOR_NO_CONSENT,))


class CatchAllHandler(AbstractExceptionHandler):
    """Last resort: apologise in speech, keep the session open, log only the error's type.

    A :class:`RetryableEventError` is left to propagate: that invocation must fail.
    """

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return not isinstance(exception, RetryableEventError)

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        logger.error("unhandled %s", type(exception).__name__)
        year = getattr(handler_input.request_envelope.request, "timestamp", None)
        current_year = year.year if year is not None else 0
        builder = handler_input.response_builder
        builder.speak(to_ssml((say.ERROR, " ", say.WHAT_TO_ASK), current_year))
        builder.ask(to_ssml((say.WHAT_TO_ASK,), current_year))
        response: Response = builder.response
        return response
