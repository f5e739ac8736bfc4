"""The transport to the Alexa service APIs: standard library, timeouts, kept-alive connections."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import date

import pytest
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client_request import ApiClientRequest

from adapters import deadline
from adapters.alexa_api import TimeoutApiClient, require_alexa_endpoint
from devtools.account_server import LocalAccountService

TODAY = date(2026, 11, 21)
ZONE_PATH = "/v2/devices/device-1/settings/System.timeZone"


def get(url: str) -> ApiClientRequest:
    return ApiClientRequest(
        headers=[("Authorization", "Bearer t")], method="GET", url=url, body=None
    )


def test_two_calls_share_one_kept_alive_connection() -> None:
    client = TimeoutApiClient(allow_loopback=True)
    with LocalAccountService(TODAY, time_zone="Asia/Almaty") as service:
        first = client.invoke(get(service.alexa_api_url + ZONE_PATH))
        connection = next(iter(client._local.connections.values()))
        second = client.invoke(get(service.alexa_api_url + ZONE_PATH))
        assert next(iter(client._local.connections.values())) is connection
    assert (first.status_code, first.body) == (200, '"Asia/Almaty"')
    assert second.body == first.body


def test_a_connection_the_server_closed_is_opened_again() -> None:
    client = TimeoutApiClient(allow_loopback=True)
    with LocalAccountService(TODAY) as service:
        client.invoke(get(service.alexa_api_url + ZONE_PATH))
        connection = next(iter(client._local.connections.values()))
        assert connection.sock is not None
        connection.sock.shutdown(socket.SHUT_RDWR)  # as if the server dropped the idle link
        again = client.invoke(get(service.alexa_api_url + ZONE_PATH))
    assert again.status_code == 200


def test_a_refused_connection_is_an_api_client_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ApiClientException, match="Alexa API call failed"):
        TimeoutApiClient(allow_loopback=True).invoke(get(f"http://127.0.0.1:{port}{ZONE_PATH}"))


def test_plain_http_outside_loopback_is_refused_before_any_connection() -> None:
    client = TimeoutApiClient(allow_loopback=True)
    with pytest.raises(ApiClientException, match="not Alexa's API"):
        client.invoke(get("http://169.254.169.254" + ZONE_PATH))
    assert not getattr(client._local, "connections", {})


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://169.254.169.254",  # the instance metadata service
        "https://api.amazonalexa.com.attacker.example",
        "https://attacker.example/api.amazonalexa.com",
        "https://user@api.amazonalexa.com",
        "https://api.amazonalexa.com:8443",
        "http://api.amazonalexa.com",
        "https://127.0.0.1:8443",  # loopback, but the skill runs in Lambda
        "https://[::1]",
    ],
)
def test_the_alexa_api_token_goes_to_no_host_but_alexas(endpoint: str) -> None:
    client = TimeoutApiClient()
    with pytest.raises(ApiClientException, match="not Alexa's API"):
        client.invoke(get(endpoint + ZONE_PATH))
    assert not getattr(client._local, "connections", {})


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://api.amazonalexa.com",
        "https://api.eu.amazonalexa.com",
        "https://api.fe.amazonalexa.com:443",
    ],
)
def test_alexas_three_api_hosts_are_allowed(endpoint: str) -> None:
    require_alexa_endpoint(endpoint + ZONE_PATH, allow_loopback=False)


def test_loopback_is_allowed_only_for_the_local_stack() -> None:
    url = "http://127.0.0.1:9" + ZONE_PATH
    require_alexa_endpoint(url, allow_loopback=True)
    with pytest.raises(ValueError, match="not an Alexa API endpoint"):
        require_alexa_endpoint(url, allow_loopback=False)


def test_with_no_time_left_in_the_request_no_alexa_call_is_sent() -> None:
    client = TimeoutApiClient(allow_loopback=True)
    with LocalAccountService(TODAY) as service:
        with (
            deadline.request_deadline(deadline.SPEAKING_MARGIN),
            pytest.raises(ApiClientException, match="no time left"),
        ):
            client.invoke(get(service.alexa_api_url + ZONE_PATH))
        assert service.connections_opened == 0


def test_the_transport_never_imports_requests() -> None:
    script = (
        "import sys; sys.path.insert(0, 'skill'); import adapters.alexa_api; "
        "print('requests' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_importing_the_skill_loads_no_http_client_until_an_alexa_api_is_called() -> None:
    script = (
        "import sys; sys.path.insert(0, 'skill'); import app; "
        "print(sorted(m for m in ('http.client', 'ssl', 'email') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
