"""Hand-made envelopes that lie: about the time, about the session, about the customer.

Issue 11 (part A). Every test drives the real handler over the real DynamoDbUserStore on
moto's server. The skill's clock (the Lambda's) is NOW; the envelopes carry whatever a
forger would write. Each test failed on 2c29e95 and passes now (except where a docstring
says the case was already held, and the test guards it).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.store import MAX_TTL_DAYS, TTL_ATTRIBUTE
from speech import en
from tests.helpers import assert_valid_response
from tests.reliability.conftest import NOW, device, heard, key_of, raw_item, say

KAZAN = "how long does delivery to kazan take"


def expires_at(admin, table, key):
    item = raw_item(admin, table, key)
    assert item is not None, "nothing was stored"
    return int(item[TTL_ATTRIBUTE]["N"])


# --- trusted time: storage runs on the Lambda's clock, never the request's ------------------


@pytest.mark.parametrize(
    "dated",
    [
        pytest.param(datetime(2100, 6, 1, tzinfo=UTC), id="2100"),
        pytest.param(datetime(1971, 3, 1, tzinfo=UTC), id="1971"),
        pytest.param(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), id="9999"),
    ],
)
def test_p9_a_request_dated_anywhere_stores_a_ttl_counted_from_the_lambda_clock(
    handler, nlu, skill_settings, admin, table, dated
):
    """2100 once wrote a TTL for 2101, 1971 one that expired at once, 9999 an OverflowError."""
    kitchen = device(handler, nlu)
    say(kitchen, KAZAN)
    kitchen.session.clock = lambda: dated

    answer = say(kitchen, "yes")

    assert en.REMEMBERED in answer
    ttl = expires_at(admin, table, key_of(skill_settings, kitchen))
    assert ttl == int((NOW + timedelta(days=skill_settings.state_ttl_days)).timestamp())
    assert ttl <= (NOW + timedelta(days=MAX_TTL_DAYS)).timestamp()


def test_a_request_dated_2100_does_not_delete_a_live_item(
    handler, nlu, skill_settings, admin, table
):
    """The write's condition ("unexpired at the request's time") once failed, and the live item
    was deleted as if it had expired; the region saved earlier must survive a later save."""
    kitchen = device(handler, nlu)
    say(kitchen, KAZAN)
    say(kitchen, "yes")
    say(kitchen, "ask zosi care can I return the camera I bought yesterday")
    assert en.OFFER_REMEMBER_PURCHASE.format(it="your camera") in say(kitchen, "the zosi website")
    kitchen.session.clock = lambda: datetime(2100, 6, 1, tzinfo=UTC)

    assert en.REMEMBERED in say(kitchen, "yes")

    item = raw_item(admin, table, key_of(skill_settings, kitchen))
    assert item is not None
    assert item["region"] == {"S": "kazan"}, item
    assert "purchase" in item


def test_the_link_is_recorded_at_the_lambda_clock_not_the_request_time(
    handler, nlu, skill_settings, admin, table
):
    kitchen = device(handler, nlu)
    kitchen.session.clock = lambda: datetime(2100, 6, 1, tzinfo=UTC)

    handler(kitchen.session.skill_event("AlexaSkillEvent.SkillAccountLinked"), None)

    item = raw_item(admin, table, key_of(skill_settings, kitchen))
    assert item is not None
    assert datetime.fromisoformat(item["linked_at"]["S"]) == NOW


@pytest.mark.parametrize(
    "stamp", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"]
)
def test_no_request_timestamp_makes_a_policy_answer_raise(handler, nlu, stamp):
    kitchen = device(handler, nlu)
    envelope = kitchen.session.intent(
        {"name": "DeliveryTimeIntent", "confirmationStatus": "NONE", "slots": {}}
    )
    envelope["request"]["timestamp"] = stamp

    response = handler(envelope, None)

    assert_valid_response(response)
    assert en.ERROR not in heard(response)
