"""Alexa service APIs: the device's time zone and progressive responses.

The SDK's own service clients (``ask_sdk_model.services``) do the protocol work;
this module supplies the transport they call through. ``ask_sdk_core``'s
``DefaultApiClient`` sends requests through ``requests`` without any timeout,
which could spend the whole of Alexa's 8-second budget on one slow call, so
:class:`TimeoutApiClient` implements the same ``ApiClient`` interface over a small
HTTP/1.1 client (``adapters.http11``) with tight timeouts and kept-alive connections.

Every call carries the request's Alexa API token, and the endpoint it goes to comes
from the request (``context.System.apiEndpoint``). So the transport sends nothing
to a host outside :data:`ALEXA_API_HOSTS` (a forged envelope could otherwise aim the
token at 169.254.169.254, the instance metadata service), except to loopback when
the skill runs locally; and it never waits past the request's deadline
(``adapters.deadline``).

The transport (``socket``, and ``ssl`` for HTTPS) is imported by the first call, not
with this module: an answer that never calls an Alexa API (a launch, help, a
delivery fact, any envelope without an API token) never loads it.
``app.before_snapshot`` loads it into the SnapStart snapshot.
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
    import ssl

    from ask_sdk_core.handler_input import HandlerInput

    from adapters import http11

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


def tls_context(ca_dir: str | None) -> ssl.SSLContext:
    """The TLS settings of every Alexa API call: verified certificates and host names.

    ``ca_dir`` is a hashed OpenSSL CA directory (``sam build`` puts one in the
    package: ``skill/Makefile``). OpenSSL reads from it only the certificates a
    handshake needs, where the system's bundle file is parsed whole when the context
    is made, about 28 ms of a cold start for some 140 roots. Without a directory the
    system's default trust store is used. The context is made in the container, on
    first use, never in a SnapStart snapshot (``app.before_snapshot`` only imports
    ``ssl``), so restored instances share no TLS state.
    """
    context = _TLS_CONTEXTS.get(ca_dir)
    if context is None:
        import ssl

        if ca_dir:
            context = ssl.create_default_context(capath=ca_dir)
        else:
            context = ssl.create_default_context()
        _TLS_CONTEXTS[ca_dir] = context
    return context


#: The TLS contexts made in this container, by CA directory: one per container.
_TLS_CONTEXTS: dict[str | None, ssl.SSLContext] = {}


#: The largest answer body an Alexa API call may return (a zone name or an empty body).
MAX_ANSWER_BYTES: Final = 64 * 1024


class TimeoutApiClient(ApiClient):
    """An ask-sdk ``ApiClient`` over a small HTTP/1.1 client (``adapters.http11``).

    Why not ``requests`` or ``http.client``: importing them costs a cold start about
    100 ms and 20 ms, and every request Alexa sends carries an API token, so the
    time-zone lookup is on the path of most first answers that need today's date.
    Connections are kept alive per host and reused by later requests in the same
    container; a kept-alive connection the server closed meanwhile is reopened once.
    Only Alexa's API hosts are called, over HTTPS; loopback only when
    ``allow_loopback`` (the local stack). Every call is bounded by the connect and
    read timeouts, by what is left of the request's deadline, and by
    ``MAX_ANSWER_BYTES``.
    """

    def __init__(
        self,
        timeout: tuple[float, float] = ALEXA_API_TIMEOUT,
        *,
        allow_loopback: bool = False,
        ca_dir: str | None = None,
    ) -> None:
        """Remember the timeouts, the endpoint rule and the CA directory (see `tls_context`).

        Connections and the TLS context are made on first use.
        """
        self._timeout = timeout
        self._allow_loopback = allow_loopback
        self._ca_dir = ca_dir
        # One set of connections per thread: a connection carries one request at a time
        # (Lambda runs one request at a time; local load tests do not).
        self._local = threading.local()

    def _connection(self, url: SplitResult) -> http11.Connection:
        from adapters import http11

        connections: dict[tuple[str, str, int | None], http11.Connection]
        connections = self._local.__dict__.setdefault("connections", {})
        key = (url.scheme, url.hostname or "", url.port)
        connection = connections.get(key)
        if connection is None:
            secure = url.scheme == "https"
            port = url.port or (443 if secure else 80)
            tls = tls_context(self._ca_dir) if secure else None
            connection = http11.Connection(key[1], port, tls)
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
        headers = [(str(name), str(value)) for name, value in request.headers or []]
        body: bytes | None = None
        if request.body is not None:
            text = request.body if isinstance(request.body, str) else json.dumps(request.body)
            body = text.encode("utf-8")
        from adapters import http11

        for attempt in (1, 2):
            connection = self._connection(parts)
            try:
                answer = connection.request(
                    str(request.method),
                    target,
                    headers,
                    body,
                    connect_timeout=connect_timeout,
                    read_timeout=read_timeout,
                    max_body=MAX_ANSWER_BYTES,
                )
            except http11.ConnectionDropped as exc:
                if attempt == 2:
                    failed = f"Alexa API call failed: {type(exc).__name__}"
                    raise ApiClientException(failed) from exc
                continue  # a kept-alive connection the server had closed: open a new one
            except (OSError, ValueError, http11.HttpError) as exc:
                raise ApiClientException(f"Alexa API call failed: {type(exc).__name__}") from exc
            return ApiClientResponse(
                headers=answer.headers,
                status_code=answer.status,
                body=answer.body.decode("utf-8", errors="replace"),
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


def send_progressive(
    handler_input: HandlerInput, ssml: str, *, allow_loopback: bool, ca_dir: str | None = None
) -> bool:
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
            api_client=TimeoutApiClient(
                PROGRESSIVE_TIMEOUT, allow_loopback=allow_loopback, ca_dir=ca_dir
            ),
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
