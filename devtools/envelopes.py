"""Alexa request envelopes, built as the Alexa service builds them, and the session around them.

:class:`AlexaSession` plays the part of the Alexa service between turns: it keeps
the session id and attributes the skill returned, notes the dialog directive of
the last response (so the next utterance can continue the dialog), and ends the
session when the skill says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

LOCAL_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-00000000c0de"
LOCAL_USER_ID = "amzn1.ask.account.LOCALDEVELOPER"
LOCAL_DEVICE_ID = "amzn1.ask.device.LOCALECHO"
DIALOG_DIRECTIVES = frozenset({"Dialog.ElicitSlot", "Dialog.ConfirmSlot", "Dialog.ConfirmIntent"})


def timestamp(moment: datetime) -> str:
    """Alexa's request timestamp format: ISO 8601 in UTC with a Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _request_id() -> str:
    return f"amzn1.echo-api.request.{uuid.uuid4()}"


@dataclass
class AlexaSession:
    """One customer on one device, and the session the Alexa service keeps for them."""

    clock: Callable[[], datetime]
    locale: str = "en-US"
    skill_id: str = LOCAL_SKILL_ID
    user_id: str = LOCAL_USER_ID
    device_id: str = LOCAL_DEVICE_ID
    access_token: str | None = None
    api_endpoint: str = "https://api.amazonalexa.com"
    api_access_token: str | None = None
    session_id: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    pending: dict[str, Any] | None = None
    new: bool = True
    #: The device's ``supportedInterfaces`` and ``Viewport`` (None: a speaker without a screen).
    screen: Mapping[str, Any] | None = None
    #: ``context.System.person`` (a voice Alexa recognised: ``personId``, maybe ``accessToken``).
    person: Mapping[str, Any] | None = None

    @property
    def active(self) -> bool:
        """Whether a session is open (the skill asked something and waits)."""
        return self.session_id is not None

    def context(self) -> dict[str, Any]:
        """The ``context`` object: application, user (with token when linked) and device."""
        user: dict[str, Any] = {"userId": self.user_id}
        if self.access_token:
            user["accessToken"] = self.access_token
        interfaces = dict((self.screen or {}).get("supportedInterfaces") or {})
        system: dict[str, Any] = {
            "application": {"applicationId": self.skill_id},
            "user": user,
            "device": {"deviceId": self.device_id, "supportedInterfaces": interfaces},
            "apiEndpoint": self.api_endpoint,
        }
        if self.api_access_token:
            system["apiAccessToken"] = self.api_access_token
        if self.person is not None:
            system["person"] = dict(self.person)
        context: dict[str, Any] = {"System": system}
        if self.screen is not None and "Viewport" in self.screen:
            context["Viewport"] = dict(self.screen["Viewport"])
        return context

    def _envelope(self, request: dict[str, Any], with_session: bool = True) -> dict[str, Any]:
        base = {
            "requestId": _request_id(),
            "timestamp": timestamp(self.clock()),
            "locale": self.locale,
        }
        envelope: dict[str, Any] = {
            "version": "1.0",
            "context": self.context(),
            "request": {**request, **base},
        }
        if with_session:
            if self.session_id is None:
                self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"
                self.new = True
                self.attributes = {}
            envelope["session"] = {
                "new": self.new,
                "sessionId": self.session_id,
                "application": {"applicationId": self.skill_id},
                "attributes": dict(self.attributes),
                "user": self.context()["System"]["user"],
            }
        return envelope

    def launch(self) -> dict[str, Any]:
        """A LaunchRequest ("open zosi care") in a new session."""
        self.end()
        return self._envelope({"type": "LaunchRequest"})

    def intent(self, intent: Mapping[str, Any], dialog_state: str | None = None) -> dict[str, Any]:
        """An IntentRequest in the current session (a new one if none is open)."""
        request: dict[str, Any] = {"type": "IntentRequest", "intent": dict(intent)}
        if dialog_state:
            request["dialogState"] = dialog_state
        return self._envelope(request)

    def user_event(self, arguments: list[Any], token: str = "zosiCare.decision") -> dict[str, Any]:
        """A touch on an APL screen: ``Alexa.Presentation.APL.UserEvent`` in the current session."""
        request: dict[str, Any] = {
            "type": "Alexa.Presentation.APL.UserEvent",
            "token": token,
            "arguments": list(arguments),
            "source": {"type": "TouchWrapper", "handler": "Press", "id": "yesButton"},
            "components": {},
        }
        return self._envelope(request)

    def session_ended(
        self, reason: str = "USER_INITIATED", error_type: str | None = None
    ) -> dict[str, Any]:
        """A SessionEndedRequest for the open session, with an error object for ``ERROR``."""
        request: dict[str, Any] = {"type": "SessionEndedRequest", "reason": reason}
        if error_type:
            request["error"] = {"type": error_type, "message": "simulated error"}
        envelope = self._envelope(request)
        self.end()
        return envelope

    def skill_event(self, event_type: str, body: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """An out-of-session skill event (``AlexaSkillEvent.SkillDisabled`` and friends)."""
        request: dict[str, Any] = {
            "type": event_type,
            "eventCreationTime": timestamp(self.clock()),
            "eventPublishingTime": timestamp(self.clock()),
        }
        if body is not None:
            request["body"] = dict(body)
        return self._envelope(request, with_session=False)

    def absorb(self, response: Mapping[str, Any]) -> None:
        """Take in the skill's response as Alexa would: attributes, dialog, session end."""
        self.new = False
        self.attributes = dict(response.get("sessionAttributes") or {})
        body = response.get("response") or {}
        self.pending = next(
            (
                dict(directive)
                for directive in body.get("directives") or []
                if directive.get("type") in DIALOG_DIRECTIVES
            ),
            None,
        )
        if body.get("shouldEndSession") is not False and self.pending is None:
            self.end()

    def end(self) -> None:
        """Close the session (the next request opens a new one)."""
        self.session_id = None
        self.attributes = {}
        self.pending = None
        self.new = True
