"""DynamoDB faults through the real handler: state is an enhancement, never a dependency.

Every breakage below is applied to the real DynamoDbUserStore on the skill's
production client over HTTP to moto's server. Whatever breaks, a policy question
gets the same answer as with a healthy table, "remember this" never reports a
save that did not happen (the item is compared byte for byte), "what do you know
about me" says it could not check, and nothing raises.
"""

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from botocore.exceptions import ConnectTimeoutError, ReadTimeoutError

from adapters.alexa_api import ALEXA_API_TIMEOUT
from adapters.store import KEY_ATTRIBUTE, TTL_ATTRIBUTE
from devtools.load import DynamoDbCalls, skill_client
from speech import en
from tests.reliability.conftest import (
    NOW,
    Fault,
    Injector,
    build_handler,
    device,
    error_response,
    key_of,
    raising,
    raw_item,
    say,
)

ALEXA_LIMIT_SECONDS = 8.0
#: Lambda's own work, the SDK and the network to Alexa get at least this much of the 8 s.
MARGIN_SECONDS = 1.0
#: botocore standard mode waits rand(0, 1) x min(scale x 2^i, 20 s) before retry i+1; the scale
#: is 1 s for throttling errors (25 ms for other DynamoDB errors), so 1 s bounds them all.
THROTTLING_BACKOFF_SCALE = 1.0

THROTTLED = Fault("throttled", error_response(400, "ProvisionedThroughputExceededException"))
FAULTS_ON_EVERY_CALL = [
    THROTTLED,
    Fault("throttling", error_response(400, "ThrottlingException")),
    Fault("internal-server-error", error_response(500, "InternalServerError")),
    Fault("read-timeout", raising(ReadTimeoutError)),
    Fault("connect-timeout", raising(ConnectTimeoutError)),
]
CONDITION_FAILS = Fault(
    "conditional-check-failed",
    error_response(400, "ConditionalCheckFailedException"),
    operations=frozenset({"UpdateItem"}),
    retried=False,
)
GARBAGE = {"region": {"N": "5"}, "purchase": {"S": "a camera"}, "version": {"N": "1"}}


@dataclass
class World:
    """The skill on a table holding a saved region (Moscow) for the customer, then broken."""

    skill_settings: object
    client: object
    admin: object
    table: str
    nlu: object
    injector: Injector | None = None

    def handler(self):
        return build_handler(self.skill_settings, self.client)

    def customer(self, user_id="amzn1.ask.account.RELIABILITY"):
        return device(self.handler(), self.nlu, user_id=user_id)


@dataclass(frozen=True)
class Breakage:
    name: str
    apply: Callable[[World], None]
    reads_fail: bool = True
    deletes_fail: bool = True

    def __str__(self):
        return self.name


def inject(fault):
    def apply(world):
        world.injector = Injector(world.client, fault)

    return apply


def drop_table(world):
    world.skill_settings = world.skill_settings._replace(table_name="no-such-table")


def spoil_item(world):
    key = key_of(world.skill_settings, world.customer())
    item = {KEY_ATTRIBUTE: {"S": key}, TTL_ATTRIBUTE: {"N": str(int(NOW.timestamp()) + 86400)}}
    world.admin.put_item(TableName=world.table, Item={**item, **GARBAGE})


BREAKAGES = [
    *(Breakage(fault.name, inject(fault)) for fault in FAULTS_ON_EVERY_CALL),
    Breakage("missing-table", drop_table),
    Breakage(
        "conditional-check-failed", inject(CONDITION_FAILS), reads_fail=False, deletes_fail=False
    ),
    Breakage("unreadable-item", spoil_item, deletes_fail=False),
]


@pytest.fixture
def world(skill_settings, skill_dynamodb, admin, table, nlu):
    world = World(skill_settings, skill_dynamodb, admin, table, nlu)
    kitchen = world.customer()
    say(kitchen, "ask zosi care how long does delivery to moscow take")
    assert en.REMEMBERED in say(kitchen, "yes")
    return world


@pytest.fixture
def healthy(skill_settings, moto_server, nlu):
    """The same skill on a working client, for a customer with nothing stored."""
    handler = build_handler(skill_settings, skill_client(moto_server))
    return lambda: device(handler, nlu, user_id="amzn1.ask.account.HEALTHY")


@pytest.fixture(params=BREAKAGES, ids=str)
def broken(request, world):
    request.param.apply(world)
    world.breakage = request.param
    world.before = raw_item(
        world.admin, world.table, key_of(world.skill_settings, world.customer())
    )
    return world


def test_a_delivery_question_gets_the_policy_answer_and_an_honest_note_when_state_is_lost(
    broken, healthy
):
    expected = say(healthy(), "ask zosi care how long does delivery take")

    answer = say(broken.customer(), "ask zosi care how long does delivery take")

    if broken.breakage.reads_fail:
        general = expected.removesuffix(en.ASK_REGION).strip()
        assert answer.startswith(general)
        assert en.STATE_UNAVAILABLE.strip() in answer
        assert answer.endswith(en.ASK_REGION)
    else:
        assert "Using your saved region" in answer
        assert "arrive in Moscow between" in answer


def test_a_return_question_is_answered_exactly_as_with_a_healthy_table(broken, healthy):
    script = ["ask zosi care can I return the camera I bought yesterday", "the zosi website"]
    reference, customer = healthy(), broken.customer()

    answers = [(say(customer, text), say(reference, text)) for text in script]

    assert [mine for mine, _ in answers] == [theirs for _, theirs in answers]
    assert "Yes, you can return your camera for a full refund" in answers[-1][0]


def test_yes_to_remember_says_it_could_not_save_and_the_item_is_unchanged(broken):
    if broken.breakage.name == "unreadable-item":
        pytest.skip("an unreadable item is replaced: see the test below")
    customer = broken.customer()
    offer = say(customer, "ask zosi care how long does delivery to kazan take")
    assert en.OFFER_REMEMBER_REGION.format(region="Kazan") in offer

    answer = say(customer, "yes")

    assert en.NOT_REMEMBERED in answer
    assert en.REMEMBERED not in answer
    assert raw_item(broken.admin, broken.table, key_of(broken.skill_settings, customer)) == (
        broken.before
    )


def test_yes_to_remember_a_purchase_says_it_could_not_save_and_the_item_is_unchanged(broken):
    if broken.breakage.name == "unreadable-item":
        pytest.skip("an unreadable item is replaced: see the test below")
    customer = broken.customer()
    say(customer, "ask zosi care can I return the camera I bought yesterday")
    offer = say(customer, "the zosi website")
    assert en.OFFER_REMEMBER_PURCHASE.format(it="your camera") in offer

    answer = say(customer, "yes")

    assert en.NOT_REMEMBERED in answer
    assert raw_item(broken.admin, broken.table, key_of(broken.skill_settings, customer)) == (
        broken.before
    )


@pytest.mark.parametrize("checks_first", [False, True], ids=["straight", "after-a-failed-read"])
def test_yes_to_remember_over_an_unreadable_item_replaces_it(world, checks_first):
    """The garbage can't be decoded, so it's replaced by just what the customer asked for."""
    spoil_item(world)
    customer = world.customer()
    if checks_first:
        assert en.STATE_UNAVAILABLE.strip() in say(customer, "what do you know about me")
    say(customer, "how long does delivery to kazan take")

    answer = say(customer, "yes")

    assert en.REMEMBERED in answer
    item = raw_item(world.admin, world.table, key_of(world.skill_settings, customer))
    assert item["region"] == {"S": "kazan"}
    assert "purchase" not in item


def test_what_do_you_know_about_me_says_it_could_not_check(broken):
    answer = say(broken.customer(), "ask zosi care what do you know about me")

    if broken.breakage.reads_fail:
        assert en.STATE_UNAVAILABLE.strip() in answer
        assert "Moscow" not in answer
        assert en.NOTHING_STORED not in answer
    else:
        assert "your delivery region, Moscow" in answer


def test_delete_my_data_says_whether_it_worked(broken):
    customer = broken.customer()
    assert en.CONFIRM_DELETE in say(customer, "ask zosi care to delete my data")

    answer = say(customer, "yes")

    item = raw_item(broken.admin, broken.table, key_of(broken.skill_settings, customer))
    if broken.breakage.deletes_fail:
        assert en.DELETE_FAILED in answer
        assert item == broken.before
    else:
        assert en.DELETED in answer
        assert item is None


@pytest.mark.parametrize("fault", FAULTS_ON_EVERY_CALL, ids=str)
def test_transient_faults_are_retried_within_the_configured_attempts(world, fault):
    injector = Injector(world.client, fault)

    say(world.customer(), "ask zosi care what do you know about me")

    assert injector.attempts == {"GetItem": world.client.meta.config.retries["total_max_attempts"]}


def test_a_failed_condition_is_not_retried_blindly(world):
    injector = Injector(world.client, CONDITION_FAILS)
    customer = world.customer()
    say(customer, "ask zosi care how long does delivery to kazan take")

    say(customer, "yes")

    # One conditional write, then (after the expired-item check) exactly one more: no loop.
    assert injector.attempts == {"UpdateItem": 2}


# --- the time budget ------------------------------------------------------------------------


def max_attempts(config):
    retries = config.retries or {}
    if "total_max_attempts" in retries:
        return retries["total_max_attempts"]
    return retries["max_attempts"] + 1


def worst_case_call_seconds(config):
    """The longest one DynamoDB call can take with this Config, retries and backoff included."""
    attempts = max_attempts(config)
    backoff = sum(min(THROTTLING_BACKOFF_SCALE * 2**i, 20.0) for i in range(attempts - 1))
    return attempts * (config.connect_timeout + config.read_timeout) + backoff


def test_the_production_client_has_explicit_timeouts_and_a_bounded_standard_retry(
    skill_dynamodb,
):
    config = skill_dynamodb.meta.config

    assert config.retries["mode"] in {"standard", "adaptive"}
    assert 1 <= max_attempts(config) <= 3
    assert 0 < config.connect_timeout <= 1
    assert 0 < config.read_timeout <= 2
    assert worst_case_call_seconds(config) <= 4.0


def test_a_turn_that_loses_the_store_still_answers_inside_alexas_8_seconds(skill_dynamodb):
    # A turn's store work stops after its first failed call; it may also spend the
    # Settings API's timeouts on the device's time zone.
    worst = worst_case_call_seconds(skill_dynamodb.meta.config) + sum(ALEXA_API_TIMEOUT)

    assert worst <= ALEXA_LIMIT_SECONDS - MARGIN_SECONDS


def test_saving_after_slow_but_successful_calls_still_fits_inside_alexas_8_seconds(world):
    customer = world.customer(user_id="amzn1.ask.account.SLOWLINE")
    say(customer, "ask zosi care how long does delivery to kazan take")
    calls = DynamoDbCalls(world.client)
    Injector(
        world.client,
        Fault("first-attempt-times-out", raising(ReadTimeoutError)),
        first_attempt_only=True,
    )

    assert en.REMEMBERED in say(customer, "yes")

    worst = calls.calls * worst_case_call_seconds(world.client.meta.config)
    assert worst <= ALEXA_LIMIT_SECONDS - MARGIN_SECONDS, f"{calls.calls} calls"


class Blackhole:
    """A TCP endpoint on 127.0.0.1 that accepts connections and never answers."""

    def __enter__(self):
        self._server = socket.create_server(("127.0.0.1", 0))
        self._held = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()
        host, port = self._server.getsockname()
        self.url = f"http://{host}:{port}"
        return self

    def _accept(self):
        self._server.settimeout(0.05)
        while not self._stop.is_set():
            try:
                self._held.append(self._server.accept()[0])
            except TimeoutError:
                continue

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        for connection in self._held:
            connection.close()
        self._server.close()


def test_a_dynamodb_that_never_answers_costs_one_bounded_call_and_an_honest_answer(
    skill_settings, nlu
):
    with Blackhole() as endpoint:
        client = skill_client(endpoint.url)
        customer = device(build_handler(skill_settings, client), nlu)
        say(customer, "ask zosi care how long does delivery to kazan take")

        started = time.monotonic()
        answer = say(customer, "yes")
        elapsed = time.monotonic() - started

    assert en.NOT_REMEMBERED in answer
    assert elapsed <= worst_case_call_seconds(client.meta.config) + 0.5
