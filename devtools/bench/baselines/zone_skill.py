"""Baseline A+Z: baseline A that also reads the device's time zone first, over HTTPS.

The floor for a first answer that needs today's date: what any skill pays to ask
the Alexa Settings API, however little else it does. It is baseline A's skill plus
one ``get_system_time_zone`` call through the SDK's own service client, over the
thinnest transport the standard library allows: one TLS connection made with
``socket`` and ``ssl``, verified against the hashed CA directory in
``SSL_CERT_DIR`` (as the skill verifies), one request, read to the close. No
keep-alive, no limits, no timeout budget: a floor, not a client to copy.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_response import ApiClientResponse

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response
    from ask_sdk_model.services.api_client_request import ApiClientRequest

WELCOME = "Welcome. What would you like to know?"


class OneShotHttpsClient(ApiClient):
    """One HTTPS request per call, over a connection closed after the answer."""

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        import socket
        import ssl

        url = urlsplit(str(request.url))
        host, port = url.hostname or "", url.port or 443
        context = ssl.create_default_context(capath=os.environ.get("SSL_CERT_DIR"))
        lines = [f"{request.method} {url.path} HTTP/1.1", f"Host: {host}:{port}"]
        lines += [f"{name}: {value}" for name, value in request.headers or []]
        lines.append("Connection: close")
        with (
            socket.create_connection((host, port), timeout=2) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            tls.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
            data = b""
            while chunk := tls.recv(65536):
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        return ApiClientResponse(headers=[], status_code=status, body=body.decode("utf-8"))


class ZoneLaunchHandler(AbstractRequestHandler):
    """Reads the device's time zone, then greets the customer as baseline A does."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("LaunchRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        from ask_sdk_core.utils.request_util import get_device_id

        device = get_device_id(handler_input)
        ups = handler_input.service_client_factory.get_ups_service()
        zone = ups.get_system_time_zone(device or "")
        if not zone:
            raise RuntimeError("the Settings API gave no time zone")
        return handler_input.response_builder.speak(WELCOME).ask(WELCOME).response


_builder = CustomSkillBuilder(api_client=OneShotHttpsClient())
_builder.add_request_handler(ZoneLaunchHandler())
lambda_handler = _builder.lambda_handler()
