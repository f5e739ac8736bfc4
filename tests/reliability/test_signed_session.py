"""What the skill acts on comes back only from the session and user it was said to (issue 18, 1).

A pending "delete your data?" with a "yes", sent in another session or under another user id
with ``new: false``, deleted data: only ``session.new`` guarded the attributes. Now what the skill
acts on (an offer to delete, withdraw, open a request or read the account; the withdrawal; the
stored-state copy) travels under a seal, an HMAC with a key derived from the user-key secret over
the session id, the user key, a turn counter, its time and every attribute. Anything unsealed,
sealed for another session or user, changed, or too old is dropped: the "yes" then answers
nothing, as on a fresh start, and nothing raises. Real handler, real DynamoDbUserStore on moto.
"""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from speech import en
from tests.helpers import assert_valid_response
from tests.reliability.conftest import (
    NOW,
    build_handler,
    device,
    heard,
    key_of,
    raw_item,
    say,
)

KAZAN = "how long does delivery to kazan take"
DELETE = "ask zosi care to delete my data"
YES = {"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"}
VICTIM = "amzn1.ask.account.VICTIM"
ATTACKER = "amzn1.ask.account.ATTACKER"


def customer_with_data(handler, nlu, user_id=VICTIM):
    """A customer who asked the skill to remember Kazan."""
    kitchen = device(handler, nlu, user_id=user_id)
    say(kitchen, KAZAN)
    assert en.REMEMBERED in say(kitchen, "yes")
    return kitchen


def pending_delete(handler, nlu, user_id):
    """A session (of ``user_id``) that was just asked "delete your data?"; its attributes."""
    conversation = device(handler, nlu, user_id=user_id)
    asked = say(conversation, DELETE)
    assert "?" in asked
    return copy.deepcopy(conversation.session.attributes)


def yes_with(conversation, attributes):
    """A "yes" in ``conversation``'s user's name, mid-session, carrying ``attributes``."""
    envelope = conversation.session.intent(YES)
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = attributes
    return envelope


def assert_nothing_deleted(response, admin, table, key):
    assert_valid_response(response)
    assert en.ERROR not in heard(response)
    assert en.DELETED not in heard(response)
    assert raw_item(admin, table, key) is not None, "the customer's data was deleted"


def test_a_pending_delete_from_another_users_session_deletes_nothing(
    handler, nlu, skill_settings, admin, table
):
    victim = customer_with_data(handler, nlu)
    forged = pending_delete(handler, nlu, ATTACKER)

    response = handler(yes_with(victim, forged), None)

    assert_nothing_deleted(response, admin, table, key_of(skill_settings, victim))


def test_a_pending_delete_from_the_same_users_other_session_deletes_nothing(
    handler, nlu, skill_settings, admin, table
):
    victim = customer_with_data(handler, nlu)
    earlier = pending_delete(handler, nlu, VICTIM)  # another session of the same user
    victim.session.end()
    say(victim, "open zosi care")

    response = handler(yes_with(victim, earlier), None)

    assert_nothing_deleted(response, admin, table, key_of(skill_settings, victim))


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda a: {"case": {"q": ["offer", "delete_data", 1, []]}}, id="unsealed"),
        pytest.param(lambda a: {**a, "seal": [a["seal"][0] + 1, *a["seal"][1:]]}, id="turn"),
        pytest.param(lambda a: {**a, "seal": [1, a["seal"][1] - 60, a["seal"][2]]}, id="time"),
        pytest.param(lambda a: {**a, "zone": "Asia/Tokyo"}, id="changed-value"),
        pytest.param(lambda a: {k: v for k, v in a.items() if k != "seal"}, id="seal-removed"),
    ],
)
def test_a_pending_delete_that_is_forged_or_altered_deletes_nothing(
    handler, nlu, skill_settings, admin, table, forge
):
    victim = customer_with_data(handler, nlu)
    say(victim, DELETE)

    response = handler(yes_with(victim, forge(copy.deepcopy(victim.session.attributes))), None)

    assert_nothing_deleted(response, admin, table, key_of(skill_settings, victim))


def test_a_pending_delete_replayed_after_the_session_could_have_lasted_deletes_nothing(
    skill_settings, skill_dynamodb, nlu, admin, table
):
    """The same session's own sealed offer, brought back ten minutes later (the Lambda's clock)."""
    victim = customer_with_data(build_handler(skill_settings, skill_dynamodb), nlu)
    say(victim, DELETE)
    attributes = copy.deepcopy(victim.session.attributes)
    later = build_handler(skill_settings, skill_dynamodb, clock=NOW + timedelta(minutes=10))
    victim.session.clock = lambda: NOW + timedelta(minutes=10)

    response = later(yes_with(victim, attributes), None)

    assert_nothing_deleted(response, admin, table, key_of(skill_settings, victim))


def test_the_customers_own_yes_in_the_same_session_still_deletes(
    handler, nlu, skill_settings, admin, table
):
    victim = customer_with_data(handler, nlu)
    say(victim, DELETE)

    assert en.DELETED in say(victim, "yes")
    assert raw_item(admin, table, key_of(skill_settings, victim)) is None
