"""The transport to the Alexa service APIs: standard library, timeouts, kept-alive connections."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client_request import ApiClientRequest

import trust_dir as trust_dir_builder
from adapters import deadline
from adapters.alexa_api import TimeoutApiClient, require_alexa_endpoint
from devtools.account_server import LocalAccountService
from tests.helpers import require_openssl

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
        assert connection._sock is not None
        connection._sock.shutdown(socket.SHUT_RDWR)  # as if the server dropped the idle link
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
        "print(sorted(m for m in ('http.client', 'ssl', 'email', 'socket') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- HTTPS, as Alexa serves its APIs ----------------------------------------------------------


def trust_dir(service: LocalAccountService, folder: Path) -> str:
    """A hashed CA directory holding only the local service's CA."""
    require_openssl()
    bundle = folder / "ca.pem"
    bundle.write_bytes(service.ca_pem)
    trust_dir_builder.build(folder / "trust", [bundle])
    return str(folder / "trust")


def test_https_calls_verify_the_certificate_against_the_ca_directory(tmp_path: Path) -> None:
    with LocalAccountService(TODAY, time_zone="Asia/Almaty", alexa_tls=True) as service:
        assert service.alexa_api_url.startswith("https://127.0.0.1:")
        client = TimeoutApiClient(allow_loopback=True, ca_dir=trust_dir(service, tmp_path))
        first = client.invoke(get(service.alexa_api_url + ZONE_PATH))
        second = client.invoke(get(service.alexa_api_url + ZONE_PATH))
        assert service.connections_opened == 1  # one handshake, then the connection is reused
    assert (first.status_code, first.body) == (200, '"Asia/Almaty"')
    assert second.body == first.body


def test_a_server_whose_certificate_no_trusted_ca_signed_gets_no_token(tmp_path: Path) -> None:
    with (
        LocalAccountService(TODAY, alexa_tls=True) as service,
        LocalAccountService(TODAY, alexa_tls=True) as stranger,
    ):
        client = TimeoutApiClient(allow_loopback=True, ca_dir=trust_dir(stranger, tmp_path))
        with pytest.raises(ApiClientException, match="SSLCertVerificationError"):
            client.invoke(get(service.alexa_api_url + ZONE_PATH))
        assert service.calls == {}


def test_without_a_ca_directory_the_systems_trust_store_is_used() -> None:
    with LocalAccountService(TODAY, alexa_tls=True) as service:
        client = TimeoutApiClient(allow_loopback=True)  # the local CA is in no system store
        with pytest.raises(ApiClientException, match="SSLCertVerificationError"):
            client.invoke(get(service.alexa_api_url + ZONE_PATH))
