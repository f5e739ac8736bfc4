"""Alexa service APIs: the device's time zone and progressive responses.

The SDK's own service clients (``ask_sdk_model.services``) do the protocol work;
this module supplies the transport they call through. ``ask_sdk_core``'s
``DefaultApiClient`` sends requests through ``requests`` without any timeout,
which could spend the whole of Alexa's 8-second budget on one slow call, so
:class:`TimeoutApiClient` implements the same ``ApiClient`` interface over the
standard library's ``http.client`` with tight timeouts and kept-alive connections.

Every call carries the request's Alexa API token, and the endpoint it goes to comes
from the request (``context.System.apiEndpoint``). So the transport sends nothing
to a host outside :data:`ALEXA_API_HOSTS` (a forged envelope could otherwise aim the
token at 169.254.169.254, the instance metadata service), except to loopback when
the skill runs locally; and it never waits past the request's deadline
(``adapters.deadline``).

``http.client`` (with ``ssl``, ``socket`` and ``email``, about 30 ms of a cold start)
is imported by the first call, not with this module: an answer that never calls an
Alexa API (a launch, help, a delivery fact, any envelope without an API token)
never loads it. ``app.before_snapshot`` loads it into the SnapStart snapshot.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import TYPE_CHECKING, Final
from urllib.parse import SplitResult, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse

from adapters import deadline

if TYPE_CHECKING:
    import http.client

    from ask_sdk_core.handler_input import HandlerInput

logger = logging.getLogger(__name__)

#: (connect, read) seconds for a call to an Alexa service API.
ALEXA_API_TIMEOUT = (0.5, 1.0)
#: The hosts Alexa names as ``apiEndpoint`` (North America, Europe, Far East), HTTPS only.
ALEXA_API_HOSTS: Final = frozenset(
    {"api.amazonalexa.com", "api.eu.amazonalexa.com", "api.fe.amazonalexa.com"}
)
#: A call is not started with less time than this left in the request.
MIN_CALL_SECONDS: Final = 0.1


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


def require_alexa_endpoint(url: str, *, allow_loopback: bool) -> None:
    """Refuse any URL but an Alexa API host over HTTPS (or loopback, locally).

    Raises:
        ValueError: the URL may not receive the Alexa API token.
    """
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme == "https"
        and parts.hostname in ALEXA_API_HOSTS
        and port in (None, 443)
        and parts.username is None
    ):
        return
    if allow_loopback and parts.username is None and is_loopback_url(url):
        require_secure_url(url)
        return
    raise ValueError("not an Alexa API endpoint")


class TimeoutApiClient(ApiClient):
    """An ask-sdk ``ApiClient`` over the standard library's ``http.client``.

    Why not ``requests``: importing it costs a cold start about 100 ms, and every
    request Alexa sends carries an API token, so the time-zone lookup is on the
    path of most first answers that need today's date. Connections are kept alive
    per host and reused by later requests in the same container; a connection the
    server closed meanwhile is reopened once. Only Alexa's API hosts are called, over
    HTTPS; loopback only when ``allow_loopback`` (the local stack). Every call is
    bounded by the connect and read timeouts, and by what is left of the request's
    deadline.
    """

    def __init__(
        self, timeout: tuple[float, float] = ALEXA_API_TIMEOUT, *, allow_loopback: bool = False
    ) -> None:
        """Remember the timeouts and the endpoint rule; connections are opened on first use."""
        self._timeout = timeout
        self._allow_loopback = allow_loopback
        # One set of connections per thread: http.client connections are not thread-safe
        # (Lambda runs one request at a time; local load tests do not).
        self._local = threading.local()

    def _connection(self, url: SplitResult) -> http.client.HTTPConnection:
        import http.client

        connections: dict[tuple[str, str, int | None], http.client.HTTPConnection]
        connections = self._local.__dict__.setdefault("connections", {})
        key = (url.scheme, url.hostname or "", url.port)
        connection = connections.get(key)
        if connection is None:
            connect = self._timeout[0]
            if url.scheme == "https":
                import ssl

                connection = http.client.HTTPSConnection(
                    key[1], url.port, timeout=connect, context=ssl.create_default_context()
                )
            else:
                connection = http.client.HTTPConnection(key[1], url.port, timeout=connect)
            connections[key] = connection
        return connection

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        """Send one request and wrap the answer the way the SDK's service clients expect.

        Raises:
            ApiClientException: the URL is not allowed or the call failed or timed out.
        """
        url = str(request.url)
        try:
            require_alexa_endpoint(url, allow_loopback=self._allow_loopback)
        except ValueError as exc:
            raise ApiClientException("refused an endpoint that is not Alexa's API") from exc
        left = deadline.remaining()
        if left < MIN_CALL_SECONDS:
            raise ApiClientException("no time left in this request for an Alexa API call")
        connect_timeout, read_timeout = (min(seconds, left) for seconds in self._timeout)
        parts = urlsplit(url)
        target = parts.path or "/"
        if parts.query:
            target = f"{target}?{parts.query}"
        headers = dict(request.headers or [])
        body: bytes | None = None
        if request.body is not None:
            text = request.body if isinstance(request.body, str) else json.dumps(request.body)
            body = text.encode("utf-8")
        import http.client

        for attempt in (1, 2):
            connection = self._connection(parts)
            connection.timeout = connect_timeout
            try:
                connection.request(str(request.method), target, body=body, headers=headers)
                if connection.sock is not None:
                    connection.sock.settimeout(read_timeout)
                response = connection.getresponse()
                content = response.read().decode("utf-8", errors="replace")
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                connection.close()
                if attempt == 2:
                    raise ApiClientException(
                        f"Alexa API call failed: {type(exc).__name__}"
                    ) from exc
                continue  # a kept-alive connection the server had closed: open a new one
            except (OSError, http.client.HTTPException) as exc:
                connection.close()
                raise ApiClientException(f"Alexa API call failed: {type(exc).__name__}") from exc
            return ApiClientResponse(
                headers=list(response.getheaders()), status_code=response.status, body=content
            )
        raise ApiClientException("Alexa API call failed")  # not reached: the loop returns or raises


#: Devices whose zone this container has looked up (in memory only, never stored or logged):
#: a device's next session in the same container skips the Settings API call. A zone changed
#: in the Alexa app is picked up when the container is replaced.
_DEVICE_ZONES: dict[str, ZoneInfo] = {}
MAX_CACHED_DEVICES = 1024


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
    cached = _DEVICE_ZONES.get(device.device_id)
    if cached is not None:
        return cached
    try:
        ups = handler_input.service_client_factory.get_ups_service()
        name = ups.get_system_time_zone(device.device_id)
    except Exception as exc:
        logger.warning("time zone lookup failed: %s", type(exc).__name__)
        return None
    if not isinstance(name, str):
        return None
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning("device reported an unknown time zone")
        return None
    if len(_DEVICE_ZONES) >= MAX_CACHED_DEVICES:
        _DEVICE_ZONES.pop(next(iter(_DEVICE_ZONES)))  # the oldest entry goes first
    _DEVICE_ZONES[device.device_id] = zone
    return zone


#: (connect, read) seconds for a progressive response: it must never delay the answer much.
PROGRESSIVE_TIMEOUT = (0.3, 0.5)


def send_progressive(handler_input: HandlerInput, ssml: str, *, allow_loopback: bool) -> bool:
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
            api_client=TimeoutApiClient(PROGRESSIVE_TIMEOUT, allow_loopback=allow_loopback),
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
