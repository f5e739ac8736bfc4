"""Every DynamoDB and Secrets Manager call fits the Lambda's remaining time (issue 18, 12 and 13).

A call used to check only that one attempt's time (1.5 s) was left before it started; botocore
then made its second attempt whatever the time, after a backoff of up to 1 s. With DynamoDB
throttled, the answer came after a 2.05 s context had run out; the Secrets Manager read was not
bounded by the remaining time at all. Now a call starts only when one attempt fits, and is
retried only when the backoff and another attempt fit: the customer hears a short apology in
time. Faults are injected on the skill's production clients (botocore's ``before-send``), each
attempt taking as long as a slow service would, under its timeouts.
"""

from __future__ import annotations

import time
from unittest import mock

import pytest

from adapters import secrets
from devtools.load import DynamoDbCalls
from devtools.stack import LOCAL_REGION
from speech import en
from tests.reliability.conftest import (
    Fault,
    Injector,
    build_handler,
    device,
    error_response,
    heard,
    say,
)

KAZAN = "how long does delivery to kazan take"
#: What one slow attempt takes (under the 0.5 s connect + 1 s read timeouts of each client).
SLOW_ATTEMPT = 1.2


class LambdaContext:
    """The part of Lambda's context the skill reads: the time left, counting down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def get_remaining_time_in_millis(self) -> int:
        return int((self._end - time.monotonic()) * 1000)


def slow(answer, seconds=SLOW_ATTEMPT):
    """An injected answer that comes after ``seconds``, as from a struggling service."""

    def respond(request):
        time.sleep(seconds)
        return answer(request)

    return respond


SLOW_THROTTLED = Fault(
    "slow-throttled", slow(error_response(400, "ProvisionedThroughputExceededException"))
)


def timed(handler, envelope, seconds):
    """The handler's response to ``envelope`` with ``seconds`` left, and how long it took."""
    context = LambdaContext(seconds)
    started = time.monotonic()
    response = handler(envelope, context)
    return response, time.monotonic() - started


@pytest.mark.parametrize("seconds", [2.05, 3.0])
def test_with_dynamodb_throttled_the_customer_hears_an_apology_before_the_lambdas_time_is_up(
    skill_settings, skill_dynamodb, nlu, seconds
):
    """2.05 s left: one attempt (1.2 s) fits, its retry does not; 3.0 s: likewise."""
    kitchen = device(build_handler(skill_settings, skill_dynamodb), nlu)
    say(kitchen, KAZAN)
    injector = Injector(skill_dynamodb, SLOW_THROTTLED)

    response, elapsed = timed(kitchen.handler, kitchen.session.intent(_YES), seconds)

    assert elapsed < seconds, f"answered {elapsed:.2f} s into a {seconds} s context"
    assert en.NOT_REMEMBERED in heard(response)
    assert sum(injector.attempts.values()) == 1


def test_with_time_for_both_attempts_dynamodb_is_still_retried(skill_settings, skill_dynamodb, nlu):
    """The deadline only takes away a retry that would not fit: 7 s leave room for one."""
    kitchen = device(build_handler(skill_settings, skill_dynamodb), nlu)
    say(kitchen, KAZAN)
    injector = Injector(skill_dynamodb, SLOW_THROTTLED, first_attempt_only=True)
    calls = DynamoDbCalls(skill_dynamodb)

    response, elapsed = timed(kitchen.handler, kitchen.session.intent(_YES), 7.0)

    assert en.REMEMBERED in heard(response)
    assert injector.attempts["UpdateItem"] == 2
    assert calls.calls == 1
    assert elapsed < 7.0


_YES = {"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"}


@pytest.fixture
def slow_secrets(moto_server):
    """The skill's production Secrets Manager client on moto's server, every attempt slow."""
    with mock.patch.dict("os.environ", {"AWS_ENDPOINT_URL_SECRETS_MANAGER": moto_server}):
        client = secrets.build_client()
    assert client.meta.region_name == LOCAL_REGION
    attempts = []

    def before_send(request, **_):
        attempts.append(request.url)
        return slow(error_response(500, "InternalServiceError"), 1.0)(request)

    client.meta.events.register("before-send.secrets-manager", before_send)
    return client, attempts


@pytest.mark.parametrize("seconds", [1.6, 2.6])
def test_the_user_key_secret_is_read_only_in_the_time_left(
    skill_settings, skill_dynamodb, nlu, slow_secrets, seconds
):
    """1.6 s left: no read starts (one attempt no longer fits); 2.6 s: one attempt, no retry."""
    client, attempts = slow_secrets
    secret = secrets.ManagedSecret(skill_settings.user_key.name, client)
    kitchen = device(build_handler(skill_settings._replace(user_key=secret), skill_dynamodb), nlu)
    say(kitchen, KAZAN)

    response, elapsed = timed(kitchen.handler, kitchen.session.intent(_YES), seconds)

    assert elapsed < seconds, f"answered {elapsed:.2f} s into a {seconds} s context"
    assert en.NOT_REMEMBERED in heard(response)
    assert len(attempts) <= 1
