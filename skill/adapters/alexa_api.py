"""Alexa service APIs: the device's time zone and progressive responses.

The SDK's own service clients (``ask_sdk_model.services``) do the protocol work;
this module supplies the transport they call through. ``ask_sdk_core``'s
``DefaultApiClient`` sends requests without any timeout, which could spend the
whole of Alexa's 8-second budget on one slow call, so :class:`TimeoutApiClient`
implements the same ``ApiClient`` interface over a ``requests`` session with
tight timeouts. ``requests`` is imported on first use only: most answers never
call an Alexa API, and importing it costs a cold start ~100 ms.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse

if TYPE_CHECKING:
    import requests
    from ask_sdk_core.handler_input import HandlerInput

logger = logging.getLogger(__name__)

#: (connect, read) seconds for a call to an Alexa service API.
ALEXA_API_TIMEOUT = (0.5, 1.0)


def is_loopback_url(url: str) -> bool:
    """True when ``url`` points at this machine (127.0.0.0/8, ::1 or localhost)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_secure_url(url: str) -> None:
    """Refuse plain HTTP except to loopback addresses (P3: encrypted transport).

    Raises:
        ValueError: the URL is not HTTPS and not on this machine.
    """
    scheme = urlsplit(url).scheme
    if scheme == "https" or (scheme == "http" and is_loopback_url(url)):
        return
    raise ValueError("only HTTPS URLs are allowed outside loopback")


class TimeoutApiClient(ApiClient):
    """An ask-sdk ``ApiClient`` with timeouts and HTTPS required except on loopback."""

    def __init__(self, timeout: tuple[float, float] = ALEXA_API_TIMEOUT) -> None:
        """Remember the timeouts; the HTTP session is built on first use."""
        self._timeout = timeout
        self._session: requests.Session | None = None

    def _http(self) -> requests.Session:
        if self._session is None:
            import requests

            self._session = requests.Session()
        return self._session

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Send one request and wrap the answer the way the SDK's service clients expect.

        Raises:
            ApiClientException: the URL is not allowed or the call failed or timed out.
        """
        url = str(request.url)
        try:
            require_secure_url(url)
        except ValueError as exc:
            raise ApiClientException("refused a non-HTTPS Alexa API endpoint") from exc
        headers = dict(request.headers or [])
        body: str | None = None
        if request.body is not None:
            body = request.body if isinstance(request.body, str) else json.dumps(request.body)
        try:
            response = self._http().request(
                str(request.method),
                url,
                headers=headers,
                data=body,
                timeout=self._timeout,
            )
        except Exception as exc:  # requests' exceptions are not imported eagerly
            raise ApiClientException(f"Alexa API call failed: {type(exc).__name__}") from exc
        return ApiClientResponse(
            headers=list(response.headers.items()),
            status_code=response.status_code,
            body=response.text,
        )


def device_time_zone(handler_input: HandlerInput) -> ZoneInfo | None:
    """The device's time zone from the Alexa Settings API, or None when it cannot be read.

    A missing permission, a missing API token, a timeout or an unknown zone name
    all give None: the caller falls back to the configured default zone.
    """
    context = handler_input.request_envelope.context
    system = context.system if context is not None else None
    device = system.device if system is not None else None
    if system is None or not system.api_access_token or device is None or not device.device_id:
        return None
    try:
        ups = handler_input.service_client_factory.get_ups_service()
        name = ups.get_system_time_zone(device.device_id)
    except Exception as exc:
        logger.warning("time zone lookup failed: %s", type(exc).__name__)
        return None
    if not isinstance(name, str):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning("device reported an unknown time zone")
        return None


#: (connect, read) seconds for a progressive response: it must never delay the answer much.
PROGRESSIVE_TIMEOUT = (0.3, 0.5)


def send_progressive(handler_input: HandlerInput, ssml: str) -> bool:
    """Say ``ssml`` (inner SSML) at once, before a slow answer, through the Alexa directive API.

    It uses a client of its own with tighter timeouts than other Alexa calls:
    the progressive response exists to fill a silence, so it gives up long
    before it could add one. Returns whether Alexa accepted it; failures are
    logged by type and ignored, since the real answer still follows.
    """
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model.services.api_configuration import ApiConfiguration
    from ask_sdk_model.services.directive.directive_service_client import (
        DirectiveServiceClient,
    )
    from ask_sdk_model.services.directive.header import Header
    from ask_sdk_model.services.directive.send_directive_request import SendDirectiveRequest
    from ask_sdk_model.services.directive.speak_directive import SpeakDirective

    envelope = handler_input.request_envelope
    system = envelope.context.system if envelope.context is not None else None
    request_id = getattr(envelope.request, "request_id", None)
    if system is None or not system.api_access_token or not system.api_endpoint or not request_id:
        return False
    client = DirectiveServiceClient(
        api_configuration=ApiConfiguration(
            serializer=DefaultSerializer(),
            api_client=TimeoutApiClient(PROGRESSIVE_TIMEOUT),
            authorization_value=system.api_access_token,
            api_endpoint=system.api_endpoint,
        )
    )
    directive = SendDirectiveRequest(
        header=Header(request_id=request_id),
        directive=SpeakDirective(speech=f"<speak>{ssml}</speak>"),
    )
    try:
        client.enqueue(directive)
    except Exception as exc:
        logger.warning("progressive response failed: %s", type(exc).__name__)
        return False
    return True
