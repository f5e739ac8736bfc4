"""HttpAccountClient over real HTTP against the local account service (not only with mocks)."""

import logging
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import requests

from adapters import deadline
from adapters.account import (
    MAX_RETRIES,
    USER_AGENT,
    AccountError,
    AccountUnavailable,
    HttpAccountClient,
    IdempotencyConflict,
    InsufficientScope,
    LinkRequired,
    NotAllowed,
    NotFound,
)
from devtools.account_server import LocalAccountService
from devtools.demo_customers import DEMO_CUSTOMERS

TODAY = date(2026, 11, 21)
SKILL = Path(__file__).resolve().parents[2] / "skill"
PROFILE = ("GET", "/v1/me")
SUPPORT = ("POST", "/v1/me/support-requests")
KEY = "turn-0001-refund"
PERSONAL = [c.given_name for c in DEMO_CUSTOMERS] + [
    item.product.name for c in DEMO_CUSTOMERS for item in c.orders
]


@pytest.fixture
def service():
    with LocalAccountService(today=TODAY) as running:
        yield running


@pytest.fixture
def client(service):
    return HttpAccountClient(service.url)


def open_refund(client, token="demo-recent", key=KEY, order_id="ZS-10002", **fields):
    return client.open_support_request(
        token,
        order_id=order_id,
        kind=fields.pop("kind", "refund_return"),
        reason=fields.pop("reason", "changed_mind"),
        idempotency_key=key,
        **fields,
    )


def days_ago(moment: datetime) -> int:
    return (TODAY - moment.date()).days


# --- every endpoint and every demo customer ----------------------------------------------------


@pytest.mark.parametrize("customer", DEMO_CUSTOMERS, ids=lambda c: c.name)
def test_every_demo_customer_parses_from_profile_list_and_single_order(client, customer):
    profile = client.profile(customer.token)
    orders = client.orders(customer.token)

    assert profile.account_id == customer.account_id
    assert [order.order_id for order in orders] == [o.order_id for o in customer.orders]
    assert [client.order(customer.token, order.order_id) for order in orders] == orders
    placed = [order.placed_at for order in orders]
    assert placed == sorted(placed, reverse=True), "newest first"
    assert all(order.placed_at.tzinfo is UTC for order in orders)


def test_the_recent_customer_has_a_refundable_camera_an_nvr_in_warranty_and_a_doorbell_on_its_way(
    client,
):
    doorbell, camera, nvr = client.orders("demo-recent")

    assert (days_ago(camera.placed_at), days_ago(camera.delivered_at)) == (5, 2)
    assert camera.channel == "zosi_official_store"
    assert camera.store_name == "ZOSI Official Store (AliExpress)"
    assert days_ago(nvr.placed_at) == 200
    assert (days_ago(doorbell.placed_at), doorbell.status, doorbell.delivered_at) == (
        1,
        "shipped",
        None,
    )
    assert doorbell.tracking is not None
    assert doorbell.tracking.carrier
    assert doorbell.tracking.number
    assert doorbell.tracking.url.startswith("https://")


def test_the_old_customer_bought_a_doorbell_14_months_ago_and_a_kit_11_months_ago(client):
    kit, doorbell = client.orders("demo-old")

    assert doorbell.placed_at.date() == date(2025, 9, 21)
    assert kit.placed_at.date() == date(2025, 12, 21)
    assert {kit.status, doorbell.status} == {"delivered"}


def test_the_thirdparty_gift_and_international_customers_carry_the_facts_their_rules_need(client):
    (bought_elsewhere,) = client.orders("demo-thirdparty")
    (gift,) = client.orders("demo-gift")
    from_china, bought_in_russia = client.orders("demo-international")

    assert (bought_elsewhere.channel, days_ago(bought_elsewhere.placed_at)) == ("third_party", 10)
    assert (gift.gift, days_ago(gift.delivered_at)) == (True, 12)
    assert (from_china.ship_from_country, from_china.ship_to_country) == ("CN", "RU")
    assert bought_in_russia.ship_to_country == "RU"
    assert client.profile("demo-international").country == "KZ"


@pytest.mark.parametrize(
    ("name", "minor", "consent", "policy"),
    [
        ("minor", True, False, "2019-06-01"),
        ("minor-consented", True, True, "2019-06-01"),
        ("outdated", False, False, "2018-01-01"),
        ("recent", False, False, "2019-06-01"),
    ],
)
def test_profiles_say_whether_the_holder_is_a_minor_and_which_policy_they_accepted(
    client, name, minor, consent, policy
):
    profile = client.profile(f"demo-{name}")

    assert (profile.minor, profile.guardian_consent, profile.privacy_policy_version) == (
        minor,
        consent,
        policy,
    )


def test_the_orders_limit_is_sent_to_the_api(client):
    assert [o.order_id for o in client.orders("demo-recent", limit=1)] == ["ZS-10003"]


@pytest.mark.parametrize("limit", [0, 51])
def test_a_limit_outside_1_to_50_is_refused_before_any_request(client, service, limit):
    with pytest.raises(ValueError, match="limit"):
        client.orders("demo-recent", limit=limit)

    assert sum(service.calls.values()) == 0


def test_an_order_of_another_account_is_not_found(client):
    with pytest.raises(NotFound):
        client.order("demo-old", "ZS-10002")


def test_an_order_id_with_a_slash_stays_one_path_segment(client, service):
    with pytest.raises(NotFound):
        client.order("demo-recent", "ZS-10002/../ZS-10001")

    assert list(service.calls) == [("GET", "/v1/me/orders/ZS-10002%2F..%2FZS-10001")]


def test_the_client_sends_the_bearer_token_json_accept_and_its_user_agent(service):
    seen = []
    session = requests.Session()
    session.hooks["response"].append(lambda response, **_: seen.append(response.request.headers))
    client = HttpAccountClient(service.url, session=session)

    client.profile("demo-recent")

    assert seen[0]["Authorization"] == "Bearer demo-recent"
    assert seen[0]["Accept"] == "application/json"
    assert seen[0]["User-Agent"] == USER_AGENT


# --- support requests and idempotency ------------------------------------------------------------


def test_opening_a_refund_for_a_recent_order_creates_one_received_request(client):
    request, created = open_refund(client, note="box unopened")

    assert created is True
    assert (request.request_id, request.status, request.rma_code) == ("SR-1001", "received", None)
    assert (request.order_id, request.kind, request.reason, request.note) == (
        "ZS-10002",
        "refund_return",
        "changed_mind",
        "box unopened",
    )
    assert request.created_at.date() == TODAY
    assert client.support_requests("demo-recent") == [request]


def test_repeating_a_post_with_the_same_key_replays_it_and_creates_exactly_one_case(
    client, service
):
    first, first_created = open_refund(client)
    again, again_created = open_refund(client)

    assert (first_created, again_created) == (True, False)
    assert again == first
    assert service.calls[SUPPORT] == 2
    assert len(client.support_requests("demo-recent")) == 1


def test_a_new_key_opens_a_second_case_listed_newest_first(client):
    first, _ = open_refund(client)
    second, created = open_refund(client, key="turn-0002-repair", kind="warranty_repair")

    assert created is True
    assert [r.request_id for r in client.support_requests("demo-recent")] == [
        second.request_id,
        first.request_id,
    ]


def test_the_same_key_with_a_different_body_is_a_conflict(client):
    open_refund(client)

    with pytest.raises(IdempotencyConflict):
        open_refund(client, reason="defect")


def test_r1_a_refund_return_200_days_after_purchase_is_not_allowed_but_a_repair_is(client):
    with pytest.raises(NotAllowed):
        open_refund(client, order_id="ZS-10001")

    _, created = open_refund(
        client, key="turn-0003-repair", order_id="ZS-10001", kind="warranty_repair"
    )
    assert created is True


def test_a_request_for_an_unknown_order_is_not_found(client):
    with pytest.raises(NotFound):
        open_refund(client, order_id="ZS-99999")


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "exchange"},
        {"reason": "bored"},
        {"key": "short"},
        {"key": "k" * 129},
        {"note": "n" * 501},
    ],
    ids=["kind", "reason", "short key", "long key", "long note"],
)
def test_a_support_request_outside_the_contract_is_refused_before_any_request(
    client, service, fields
):
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        open_refund(client, **fields)

    assert sum(service.calls.values()) == 0


def test_a_post_retried_after_a_503_that_had_already_created_the_case_creates_no_second_case(
    client, service
):
    service.fail_next(1, 503, after_commit=True)

    request, created = open_refund(client)

    assert service.calls[SUPPORT] == 2
    assert created is False, "the retry got the replay of the case the first attempt opened"
    assert client.support_requests("demo-recent") == [request]


def test_a_post_retried_after_a_503_that_created_nothing_creates_the_case_once(client, service):
    service.fail_next(1, 503)

    request, created = open_refund(client)

    assert service.calls[SUPPORT] == 2
    assert created is True
    assert client.support_requests("demo-recent") == [request]


# --- errors ---------------------------------------------------------------------------------


def test_an_unknown_token_means_the_user_must_link_again(client):
    with pytest.raises(LinkRequired):
        client.profile("demo-nobody")


@pytest.mark.parametrize("token", ["", "two words", "line\nbreak", "Ünïcode"])
def test_an_unusable_token_means_link_again_without_sending_it(client, service, token):
    with pytest.raises(LinkRequired):
        client.profile(token)

    assert sum(service.calls.values()) == 0


def test_after_revoking_the_link_the_token_stops_working(client, service):
    client.revoke_link("demo-gift")

    with pytest.raises(LinkRequired):
        client.orders("demo-gift")
    with pytest.raises(LinkRequired):
        client.revoke_link("demo-gift")
    assert service.calls["DELETE", "/v1/me/alexa-link"] == 2
    assert client.profile("demo-recent").account_id == "ZA-1001", "other links are untouched"


def test_a_token_without_the_scope_is_insufficient_scope_and_not_retried(client, service):
    with pytest.raises(InsufficientScope):
        client.profile("fault-403")

    assert service.calls[PROFILE] == 1


def test_a_429_asking_to_wait_an_hour_fails_fast_without_retrying(client, service):
    started = time.monotonic()
    with pytest.raises(AccountUnavailable) as caught:
        client.profile("fault-429")

    assert time.monotonic() - started < 1.0
    assert type(caught.value) is AccountUnavailable
    assert service.calls[PROFILE] == 1


@pytest.mark.parametrize("token", ["fault-500", "fault-503"])
def test_a_server_fault_is_retried_a_bounded_number_of_times_then_unavailable(
    client, service, token
):
    with pytest.raises(AccountUnavailable) as caught:
        client.profile(token)

    assert type(caught.value) is AccountUnavailable
    assert service.calls[PROFILE] == 1 + MAX_RETRIES


def test_a_single_503_is_retried_and_the_answer_arrives(client, service):
    service.fail_next(1, 503)

    assert client.profile("demo-recent").given_name == "Anna"
    assert service.calls[PROFILE] == 2


def test_a_slow_api_times_out_within_the_budget_after_one_retry_that_fitted(service):
    client = HttpAccountClient(service.url, connect_timeout=0.1, read_timeout=0.25, budget=0.8)
    client.profile("demo-recent")  # connected and warmed up

    started = time.monotonic()
    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow")

    assert time.monotonic() - started < 0.8
    assert service.calls[PROFILE] == 1 + 2, "a second attempt fitted in the budget, a third did not"


def test_after_a_timeout_no_retry_starts_that_could_overrun_the_budget(service):
    client = HttpAccountClient(service.url, connect_timeout=0.1, read_timeout=0.4, budget=0.6)

    started = time.monotonic()
    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow")

    assert time.monotonic() - started < 0.6
    assert service.calls[PROFILE] == 1


@pytest.mark.slow
def test_with_the_production_timeouts_a_slow_api_gives_up_within_three_seconds(client, service):
    started = time.monotonic()
    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow")

    assert 2.0 <= time.monotonic() - started < 3.0
    assert service.calls[PROFILE] == 1


def test_a_stopped_api_is_unavailable_quickly():
    with LocalAccountService(today=TODAY) as stopped:
        client = HttpAccountClient(stopped.url)
        client.profile("demo-recent")

    started = time.monotonic()
    with pytest.raises(AccountUnavailable):
        client.profile("demo-recent")
    assert time.monotonic() - started < 1.0


OPERATIONS = {
    "profile": lambda client, token: client.profile(token),
    "orders": lambda client, token: client.orders(token),
    "order": lambda client, token: client.order(token, "ZS-10002"),
    "support_requests": lambda client, token: client.support_requests(token),
    "open_support_request": open_refund,
}


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("token", ["fault-malformed", "fault-schema"])
def test_an_answer_that_is_not_json_or_breaks_the_schema_is_unavailable(client, operation, token):
    with pytest.raises(AccountUnavailable) as caught:
        OPERATIONS[operation](client, token)

    assert type(caught.value) is AccountUnavailable
    assert isinstance(caught.value.__cause__, ValueError)


# --- logs carry no secrets ---------------------------------------------------------------------

FAILURES = {
    "unknown token": lambda client: client.profile("demo-nobody"),
    "403": lambda client: client.profile("fault-403"),
    "404": lambda client: client.order("demo-recent", "ZS-99999"),
    "409": lambda client: (open_refund(client), open_refund(client, reason="defect")),
    "422": lambda client: open_refund(client, order_id="ZS-10001"),
    "429": lambda client: client.orders("fault-429"),
    "500": lambda client: client.support_requests("fault-500"),
    "503": lambda client: client.revoke_link("fault-503"),
    "malformed": lambda client: client.profile("fault-malformed"),
    "schema": lambda client: client.orders("fault-schema"),
    "unusable token": lambda client: client.profile("secret token\n"),
}
SECRET_TOKENS = {
    "unknown token": "demo-nobody",
    "403": "fault-403",
    "404": "demo-recent",
    "409": "demo-recent",
    "422": "demo-recent",
    "429": "fault-429",
    "500": "fault-500",
    "503": "fault-503",
    "malformed": "fault-malformed",
    "schema": "fault-schema",
    "unusable token": "secret token",
}


@pytest.mark.parametrize("failure", FAILURES)
def test_no_failure_logs_or_raises_the_token(client, caplog, failure):
    caplog.set_level(logging.DEBUG)

    with pytest.raises(AccountError) as caught:
        FAILURES[failure](client)

    token = SECRET_TOKENS[failure]
    assert caplog.records, "the failure is logged"
    assert token not in caplog.text
    assert token not in str(caught.value)
    assert token not in repr(caught.value.__cause__)


def test_the_slow_path_logs_no_token(caplog, service):
    caplog.set_level(logging.DEBUG)
    client = HttpAccountClient(service.url, connect_timeout=0.1, read_timeout=0.2, budget=0.5)

    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow")

    assert "fault-slow" not in caplog.text


def test_successful_calls_log_no_token_names_or_order_contents(client, caplog):
    caplog.set_level(logging.DEBUG)

    for customer in DEMO_CUSTOMERS:
        client.profile(customer.token)
        client.orders(customer.token)
    open_refund(client, note="the box is unopened")

    logged = caplog.text
    assert "account API orders answered 200" in logged
    leaked = [
        secret
        for secret in [*PERSONAL, "the box is unopened", *(c.token for c in DEMO_CUSTOMERS)]
        if secret in logged
    ]
    assert leaked == []


# --- construction and cold start -------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://example.com/v1", "http://10.0.0.7:8080/v1", "ftp://127.0.0.1/v1"]
)
def test_a_plain_http_base_url_outside_loopback_is_refused(url):
    with pytest.raises(ValueError, match="HTTPS"):
        HttpAccountClient(url)


@pytest.mark.parametrize(
    "url", ["https://account.zosi.example/v1", "http://127.0.0.1:8080/v1", "http://localhost/v1"]
)
def test_https_and_loopback_base_urls_are_accepted(url):
    HttpAccountClient(url)


def test_timeouts_that_do_not_fit_the_budget_are_refused():
    with pytest.raises(ValueError, match="budget"):
        HttpAccountClient("https://account.zosi.example/v1", read_timeout=3.0, budget=3.0)


def test_importing_and_constructing_the_client_does_not_import_requests():
    script = (
        "import sys\n"
        "from adapters.account import HttpAccountClient\n"
        "HttpAccountClient('https://account.zosi.example/v1')\n"
        "print('requests' in sys.modules, 'urllib3' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=SKILL, capture_output=True, text=True, check=True
    )

    assert result.stdout.split() == ["False", "False"]


def test_calls_within_one_container_reuse_one_connection(client, service):
    for _ in range(3):
        client.profile("demo-recent")

    assert service.connections_opened == 1


def test_demo_dates_follow_the_service_today():
    later = TODAY + timedelta(days=40)
    with LocalAccountService(today=later) as moved:
        (_, camera, _) = HttpAccountClient(moved.url).orders("demo-recent")

    assert (later - camera.placed_at.date()).days == 5


# --- deadlines: the body, the size, the request's remaining time (issue 11) --------------------


def test_an_answer_dripped_at_5_bytes_a_second_fails_within_the_budget(service):
    client = HttpAccountClient(service.url, connect_timeout=0.2, read_timeout=0.5, budget=1.0)

    started = time.monotonic()
    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow-body")
    elapsed = time.monotonic() - started

    assert elapsed < 1.0 + 0.2, f"the body took {elapsed:.1f} s to give up on"
    assert service.calls[PROFILE] == 1


def test_after_a_dripped_answer_the_next_call_gets_a_fresh_connection_and_its_answer(service):
    client = HttpAccountClient(service.url, connect_timeout=0.2, read_timeout=0.5, budget=1.0)
    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow-body")

    assert client.profile("demo-recent").given_name == "Anna"


def test_an_answer_larger_than_the_cap_is_refused_without_reading_it_all(service):
    client = HttpAccountClient(service.url)

    with pytest.raises(AccountUnavailable):
        client.profile("fault-huge")


def test_the_requests_deadline_shortens_the_call_below_its_own_budget(service):
    client = HttpAccountClient(service.url, connect_timeout=0.1, read_timeout=2.0, budget=3.0)

    started = time.monotonic()
    with (
        deadline.request_deadline(0.8 + deadline.SPEAKING_MARGIN),
        pytest.raises(AccountUnavailable),
    ):
        client.profile("fault-slow")

    assert time.monotonic() - started < 0.8 + 0.2
    assert service.calls[PROFILE] == 1


def test_with_no_time_left_in_the_request_no_call_is_sent(service):
    client = HttpAccountClient(service.url)

    with (
        deadline.request_deadline(deadline.SPEAKING_MARGIN + 0.1),
        pytest.raises(AccountUnavailable, match="no time left"),
    ):
        client.profile("demo-recent")

    assert service.calls[PROFILE] == 0


def test_the_production_timeouts_leave_room_for_one_retry_after_a_timeout(service):
    from app import ACCOUNT_TIMEOUTS

    connect, read, budget = ACCOUNT_TIMEOUTS
    client = HttpAccountClient(
        service.url, connect_timeout=connect, read_timeout=read, budget=budget
    )

    started = time.monotonic()
    with pytest.raises(AccountUnavailable):
        client.profile("fault-slow")

    assert service.calls[PROFILE] == 2, "the first attempt timed out and one retry fitted"
    assert time.monotonic() - started < budget + 0.2


# --- the trust directory (issue 10) ---------------------------------------------------------


def test_over_https_the_server_is_verified_against_the_packages_trust_directory(tmp_path):
    import trust_dir
    from tests.helpers import require_openssl

    require_openssl()

    with LocalAccountService(today=TODAY, alexa_tls=True) as secure:
        base = secure.alexa_api_url + "/v1"  # the TLS port answers the account API too
        (tmp_path / "ca.pem").write_bytes(secure.ca_pem)
        trust_dir.build(tmp_path / "trust", [tmp_path / "ca.pem"])
        trusted = HttpAccountClient(base, ca_dir=str(tmp_path / "trust"))
        assert trusted.profile("demo-recent").account_id
        with pytest.raises(AccountUnavailable):
            # certifi's bundle, the default, does not hold the local CA.
            HttpAccountClient(base).profile("demo-recent")
