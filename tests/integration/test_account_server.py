"""The local account service keeps the contract over raw HTTP, and fakes the Alexa endpoints."""

import json
import threading
import time
from datetime import date

import pytest
import requests
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.services.api_configuration import ApiConfiguration
from ask_sdk_model.services.directive.header import Header
from ask_sdk_model.services.directive.send_directive_request import SendDirectiveRequest
from ask_sdk_model.services.directive.speak_directive import SpeakDirective
from ask_sdk_model.services.service_client_factory import ServiceClientFactory

from adapters.alexa_api import TimeoutApiClient
from devtools.account_server import FAULT_REPLIES, SLOW_SECONDS, SLOW_TOKEN, LocalAccountService
from devtools.demo_customers import DEMO_CUSTOMERS, FAULT_TOKENS, Ago

TODAY = date(2026, 11, 21)
KEY = "key-00000001"
REFUND = {"order_id": "ZS-10002", "kind": "refund_return", "reason": "changed_mind"}


@pytest.fixture
def service():
    with LocalAccountService(today=TODAY) as running:
        yield running


@pytest.fixture
def http():
    with requests.Session() as session:
        yield session


def call(http, service, method, path, token="demo-recent", **kwargs):
    headers = kwargs.pop("headers", {})
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return http.request(method, service.url + path, headers=headers, timeout=5, **kwargs)


def post(http, service, body=REFUND, key=KEY, token="demo-recent"):
    headers = {} if key is None else {"Idempotency-Key": key}
    return call(http, service, "POST", "/me/support-requests", token, headers=headers, json=body)


# --- demo data ----------------------------------------------------------------------------


def test_the_demo_customers_are_the_ones_the_team_asked_for():
    assert [c.name for c in DEMO_CUSTOMERS] == [
        "recent",
        "old",
        "thirdparty",
        "gift",
        "minor",
        "minor-consented",
        "international",
        "outdated",
    ]
    assert all(c.token == f"demo-{c.name}" and c.summary for c in DEMO_CUSTOMERS)
    order_ids = [o.order_id for c in DEMO_CUSTOMERS for o in c.orders]
    assert len(order_ids) == len(set(order_ids))


def test_every_documented_fault_token_is_implemented_and_nothing_else():
    assert set(FAULT_TOKENS) == {*FAULT_REPLIES, SLOW_TOKEN}


@pytest.mark.parametrize(
    ("ago", "today", "expected"),
    [
        (Ago(days=5), date(2026, 11, 21), date(2026, 11, 16)),
        (Ago(days=200), date(2026, 11, 21), date(2026, 5, 5)),
        (Ago(months=14), date(2026, 11, 21), date(2025, 9, 21)),
        (Ago(months=11), date(2026, 1, 31), date(2025, 2, 28)),
        (Ago(months=1), date(2024, 3, 31), date(2024, 2, 29)),
    ],
)
def test_demo_dates_count_back_calendar_months_and_days_from_today(ago, today, expected):
    assert ago.before(today) == expected


# --- authentication ---------------------------------------------------------------------------


def test_an_unknown_token_gets_401_invalid_token_as_problem_json(http, service):
    response = call(http, service, "GET", "/me", token="demo-nobody")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401


def test_a_request_without_credentials_gets_401_without_an_error_code(http, service):
    response = call(http, service, "GET", "/me/orders", token=None)

    assert response.status_code == 401
    assert "error=" not in response.headers["WWW-Authenticate"]


def test_revoking_the_link_answers_204_and_the_token_stops_working(http, service):
    revoked = call(http, service, "DELETE", "/me/alexa-link", token="demo-old")

    assert revoked.status_code == 204
    assert call(http, service, "GET", "/me", token="demo-old").status_code == 401
    assert call(http, service, "GET", "/me", token="demo-recent").status_code == 200


@pytest.mark.parametrize(
    ("token", "status", "header", "value"),
    [
        ("fault-500", 500, None, None),
        ("fault-503", 503, None, None),
        ("fault-429", 429, "Retry-After", "3600"),
        ("fault-403", 403, "WWW-Authenticate", 'Bearer error="insufficient_scope"'),
    ],
)
def test_fault_tokens_fail_every_account_call_with_their_status(
    http, service, token, status, header, value
):
    for method, path in [("GET", "/me"), ("GET", "/me/orders"), ("DELETE", "/me/alexa-link")]:
        response = call(http, service, method, path, token=token)

        assert response.status_code == status
        assert header is None or response.headers[header] == value


def test_fault_malformed_answers_200_with_a_body_that_is_not_json(http, service):
    response = call(http, service, "GET", "/me", token="fault-malformed")

    assert response.status_code == 200
    with pytest.raises(ValueError):  # noqa: PT011 - any JSON decoding error
        json.loads(response.content)


def test_fault_schema_answers_200_json_without_the_required_fields(http, service):
    response = call(http, service, "GET", "/me/orders", token="fault-schema")

    assert response.status_code == 200
    assert "orders" not in response.json()


@pytest.mark.slow
def test_fault_slow_answers_as_the_recent_customer_after_its_pause(http, service):
    started = time.monotonic()
    response = call(http, service, "GET", "/me", token=SLOW_TOKEN)

    assert time.monotonic() - started >= SLOW_SECONDS
    assert response.json()["account_id"] == "ZA-1001"


def test_stopping_the_service_ends_a_slow_answer_at_once(http):
    outcome = []

    def ask_slowly(service):
        try:
            outcome.append(call(http, service, "GET", "/me", token=SLOW_TOKEN).status_code)
        except requests.ConnectionError:
            outcome.append("connection cut")

    with LocalAccountService(today=TODAY) as service:
        worker = threading.Thread(target=ask_slowly, args=(service,))
        worker.start()
        deadline = time.monotonic() + 5
        while not service.calls and time.monotonic() < deadline:
            time.sleep(0.01)
        stopping = time.monotonic()

    worker.join(timeout=5)
    assert time.monotonic() - stopping < 1.0
    # The woken answer goes out whole before the connections are cut (never half a reply).
    assert outcome == [503]


# --- orders -----------------------------------------------------------------------------------


def test_orders_honour_the_limit_and_come_newest_first(http, service):
    response = call(http, service, "GET", "/me/orders", params={"limit": "2"})

    orders = response.json()["orders"]
    assert [o["order_id"] for o in orders] == ["ZS-10003", "ZS-10002"]
    assert orders[0]["placed_at"] == "2026-11-20T09:30:00Z"


@pytest.mark.parametrize("limit", ["0", "51", "two"])
def test_a_limit_outside_1_to_50_is_a_bad_request(http, service, limit):
    assert call(http, service, "GET", "/me/orders", params={"limit": limit}).status_code == 400


def test_an_order_is_found_only_in_its_own_account(http, service):
    assert call(http, service, "GET", "/me/orders/ZS-10002").json()["order_id"] == "ZS-10002"
    assert call(http, service, "GET", "/me/orders/ZS-10002", token="demo-old").status_code == 404


def test_unknown_paths_are_404_and_wrong_methods_405_with_allow(http, service):
    assert call(http, service, "GET", "/me/wishlist").status_code == 404
    assert call(http, service, "GET", "/admin").status_code == 404
    wrong = call(http, service, "PUT", "/me/support-requests")
    assert wrong.status_code == 405
    assert wrong.headers["Allow"] == "GET, POST"


def test_every_request_is_counted_by_method_and_path(http, service):
    call(http, service, "GET", "/me")
    call(http, service, "GET", "/me")
    call(http, service, "GET", "/me/orders", params={"limit": "1"})

    assert service.calls == {("GET", "/v1/me"): 2, ("GET", "/v1/me/orders"): 1}


# --- support requests -------------------------------------------------------------------------


def test_a_new_support_request_is_created_with_201_and_listed_for_its_account_only(http, service):
    created = post(http, service, {**REFUND, "note": "unopened"})

    assert created.status_code == 201
    body = created.json()
    assert body == {
        **REFUND,
        "note": "unopened",
        "request_id": "SR-1001",
        "status": "received",
        "created_at": body["created_at"],
        "rma_code": None,
    }
    assert body["created_at"].startswith("2026-11-21T")
    assert call(http, service, "GET", "/me/support-requests").json() == {"requests": [body]}
    other = call(http, service, "GET", "/me/support-requests", token="demo-old")
    assert other.json() == {"requests": []}


def test_the_same_key_and_body_replays_the_first_result_with_200(http, service):
    first = post(http, service)
    replay = post(http, service)

    assert (first.status_code, replay.status_code) == (201, 200)
    assert replay.json() == first.json()
    assert len(call(http, service, "GET", "/me/support-requests").json()["requests"]) == 1


def test_the_same_key_with_another_body_is_409(http, service):
    post(http, service)

    assert post(http, service, {**REFUND, "reason": "defect"}).status_code == 409


def test_keys_belong_to_one_account(http, service):
    post(http, service)

    other = post(http, service, {**REFUND, "order_id": "ZS-10031"}, token="demo-gift")
    assert other.status_code == 201


@pytest.mark.parametrize(
    ("token", "order_id", "kind", "status"),
    [
        ("demo-recent", "ZS-10002", "refund_return", 201),
        ("demo-gift", "ZS-10031", "refund_return", 201),
        ("demo-outdated", "ZS-10071", "refund_return", 422),
        ("demo-recent", "ZS-10001", "refund_return", 422),
        ("demo-recent", "ZS-10001", "warranty_repair", 201),
        ("demo-old", "ZS-10012", "cross_ship", 201),
        ("demo-recent", "ZS-99999", "warranty_repair", 404),
    ],
)
def test_r1_refund_returns_are_refused_after_30_days_and_unknown_orders_are_404(
    http, service, token, order_id, kind, status
):
    body = {"order_id": order_id, "kind": kind, "reason": "defect"}

    assert post(http, service, body, token=token).status_code == status


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (REFUND, None),
        (REFUND, "k" * 7),
        (REFUND, "k" * 129),
        ({**REFUND, "kind": "exchange"}, KEY),
        ({**REFUND, "reason": "bored"}, KEY),
        ({**REFUND, "note": "n" * 501}, KEY),
        ({"kind": "refund_return", "reason": "defect"}, KEY),
        (["not", "an", "object"], KEY),
    ],
    ids=[
        "no key",
        "short key",
        "long key",
        "kind",
        "reason",
        "long note",
        "no order",
        "not an object",
    ],
)
def test_a_post_outside_the_contract_is_a_bad_request_and_creates_nothing(http, service, body, key):
    assert post(http, service, body, key=key).status_code == 400
    assert call(http, service, "GET", "/me/support-requests").json() == {"requests": []}


def test_a_field_the_contract_does_not_name_is_ignored_and_never_stored(http, service):
    """The contract allows extra properties; the service keeps only its own fields."""
    answer = post(http, service, {**REFUND, "email": "a@example.com"}, key=KEY)

    assert answer.status_code == 201
    assert "email" not in answer.json()
    assert "a@example.com" not in call(http, service, "GET", "/me/support-requests").text


def test_injected_failures_fail_the_next_requests_only(http, service):
    service.fail_next(2, 500)

    statuses = [call(http, service, "GET", "/me").status_code for _ in range(3)]

    assert statuses == [500, 500, 200]


def test_a_failure_after_commit_loses_only_the_answer(http, service):
    service.fail_next(1, 503, after_commit=True)

    assert post(http, service).status_code == 503
    assert post(http, service).status_code == 200
    assert len(call(http, service, "GET", "/me/support-requests").json()["requests"]) == 1


def test_a_reset_service_forgets_requests_revocations_and_failures_and_dates_orders_anew(
    http, service
):
    assert post(http, service).status_code == 201
    call(http, service, "DELETE", "/me/alexa-link", token="demo-old")
    service.fail_next(1, 500)
    url = service.url

    service.reset(date(2026, 12, 30))

    assert service.url == url
    assert service.calls == {}
    assert call(http, service, "GET", "/me/support-requests").json()["requests"] == []
    assert call(http, service, "GET", "/me", token="demo-old").status_code == 200
    orders = call(http, service, "GET", "/me/orders").json()["orders"]
    assert orders[0]["placed_at"].startswith("2026-12-")
    assert post(http, service).json()["request_id"] == "SR-1001"


# --- the Alexa endpoints, through the SDK's own service clients --------------------------------


def alexa_services(service, token="alexa-api-token"):
    configuration = ApiConfiguration(
        serializer=DefaultSerializer(),
        api_client=TimeoutApiClient(allow_loopback=True),
        authorization_value=token,
        api_endpoint=service.alexa_api_url,
    )
    return ServiceClientFactory(configuration)


def test_the_settings_api_reports_the_configured_time_zone_to_the_sdk():
    with LocalAccountService(today=TODAY, time_zone="Asia/Almaty") as service:
        zone = alexa_services(service).get_ups_service().get_system_time_zone("device-1")

    assert zone == "Asia/Almaty"


def test_the_settings_api_needs_a_bearer_token(http, service):
    path = "/v2/devices/device-1/settings/System.timeZone"

    without = http.get(service.alexa_api_url + path, timeout=5)
    with_token = http.get(
        service.alexa_api_url + path, headers={"Authorization": "Bearer t"}, timeout=5
    )

    assert without.status_code == 401
    assert with_token.json() == "Europe/Moscow"


def test_progressive_responses_sent_through_the_sdk_are_recorded(service):
    directive = SendDirectiveRequest(
        header=Header(request_id="amzn1.echo-api.request.1"),
        directive=SpeakDirective(speech="<speak>One moment.</speak>"),
    )

    alexa_services(service).get_directive_service().enqueue(directive)

    assert service.directives == [
        {
            "header": {"requestId": "amzn1.echo-api.request.1"},
            "directive": {"type": "VoicePlayer.Speak", "speech": "<speak>One moment.</speak>"},
        }
    ]
    assert service.calls["POST", "/v1/directives"] == 1


# --- lifecycle --------------------------------------------------------------------------------


def test_the_service_listens_on_loopback_only_and_stops_on_exit(http):
    with LocalAccountService(today=TODAY) as service:
        assert service.url.startswith("http://127.0.0.1:")
        assert service.url == service.alexa_api_url + "/v1"
        assert call(http, service, "GET", "/me").status_code == 200

    with pytest.raises(requests.ConnectionError):
        call(http, service, "GET", "/me")
