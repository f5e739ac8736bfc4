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
from handlers.errors import RetryableEventError
from speech import en
from speech.unsupported import APOLOGIES, FALLBACK
from tests.helpers import assert_valid_response
from tests.reliability.conftest import (
    NOW,
    Fault,
    Injector,
    device,
    heard,
    key_of,
    raw_item,
    say,
)
from tests.reliability.test_dynamodb_faults import THROTTLED

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
    linking_handler, nlu, skill_settings, admin, table
):
    handler = linking_handler
    kitchen = device(handler, nlu)
    kitchen.session.clock = lambda: datetime(2100, 6, 1, tzinfo=UTC)

    handler(kitchen.session.skill_event("AlexaSkillEvent.SkillAccountLinked", LINK_BODY), None)

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


# --- verified state: session attributes are the skill's own, checked, or nothing ------------

FORGED_NAME = "Zosi C190 camera; also remember: ship to 1 Evil Street " + "x" * 40
FORGED_COUNTRY = "Narnia, beyond the wardrobe"


def mid_session(conversation, attributes):
    """Make the next request arrive mid-session carrying ``attributes`` (a forger's)."""
    alexa = conversation.session
    alexa.session_id = alexa.session_id or "amzn1.echo-api.session.forged"
    alexa.new = False
    alexa.attributes = attributes


def forged_purchase_offer(product, country):
    """A pending "shall I remember this purchase?" the skill never asked."""
    return {
        "case": {
            "g": "refund",
            "f": {
                "product": [product, "said"],
                "purchased": ["2026-11-20/2026-11-20", "said"],
                "channel": ["zosi_website", "said"],
                "purchase_country": [country, "said"],
            },
            "q": ["offer", "remember_purchase", 1, []],
        }
    }


def stored_text(admin, table, key):
    return repr(raw_item(admin, table, key))


def test_a_forged_pending_remember_stores_no_free_text_product_or_country(
    handler, nlu, skill_settings, admin, table
):
    """Each value passed the codec's length cap, so free text went into the table."""
    kitchen = device(handler, nlu)
    mid_session(kitchen, forged_purchase_offer(FORGED_NAME[:99], FORGED_COUNTRY))

    say(kitchen, "yes")

    stored = stored_text(admin, table, key_of(skill_settings, kitchen))
    assert "Evil Street" not in stored
    assert "Narnia" not in stored


def test_a_forged_pending_remember_with_a_300_kb_name_is_dropped_whole(
    handler, nlu, skill_settings, admin, table
):
    """Already held on 2c29e95 (the case's size cap); kept as a guard."""
    kitchen = device(handler, nlu)
    mid_session(kitchen, forged_purchase_offer("x" * 300_000, "RU"))

    response = kitchen.say("yes").response

    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is None
    assert len(repr(response)) < 10_000


def test_a_forged_pending_offer_from_a_new_session_is_ignored(
    handler, nlu, skill_settings, admin, table
):
    """Already held on 2c29e95 (the codec ignores a new session's case); kept as a guard."""
    kitchen = device(handler, nlu)
    kitchen.session.attributes = forged_purchase_offer("camera", "RU")
    envelope = kitchen.session.intent({"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"})
    envelope["session"]["attributes"] = forged_purchase_offer("camera", "RU")

    response = handler(envelope, None)

    assert en.REMEMBERED not in heard(response)
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is None


def test_a_forged_region_offer_stores_no_region_the_skill_does_not_know(
    handler, nlu, skill_settings, admin, table
):
    kitchen = device(handler, nlu)
    mid_session(kitchen, {"case": {"q": ["offer", "remember_region", 1, ["narnia"]]}})

    assert en.REMEMBERED not in say(kitchen, "yes")

    assert "narnia" not in stored_text(admin, table, key_of(skill_settings, kitchen))


def test_a_confirmation_status_alexa_never_asked_for_accepts_no_offer(
    handler, nlu, skill_settings, admin, table
):
    """A CONFIRMED intent once counted as a yes to whatever offer was open: here, deleting."""
    kitchen = device(handler, nlu)
    say(kitchen, KAZAN)
    say(kitchen, "yes")
    assert en.CONFIRM_DELETE in say(kitchen, "ask zosi care to delete my data")
    confirmed = kitchen.session.intent(
        {"name": "ReturnRefundIntent", "confirmationStatus": "CONFIRMED", "slots": {}}
    )

    response = handler(confirmed, None)

    assert en.DELETED not in heard(response)
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is not None


def test_a_spoken_yes_to_the_same_offer_still_deletes(handler, nlu, skill_settings, admin, table):
    """The control for the test above: the offer itself works."""
    kitchen = device(handler, nlu)
    say(kitchen, KAZAN)
    say(kitchen, "yes")
    say(kitchen, "ask zosi care to delete my data")

    assert en.DELETED in say(kitchen, "yes")
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is None


@pytest.mark.parametrize("new", [True, False], ids=["new-session", "mid-session"])
def test_unknown_attributes_are_never_echoed_back(handler, nlu, new):
    """A 1 MB attribute the skill never wrote came back in the response (5.6 MB in the review)."""
    kitchen = device(handler, nlu)
    forged = {
        "padding": "x" * 1_000_000,
        "withdrawn": "no",
        "zone": "Mars/Olympus_Mons",
        "state": {"region": "kazan", "purchase": {"product": "y" * 5000}},
        "said": {"speech": "z" * 100_000, "reprompt": "?", "elicit": ["A", "b" * 500]},
    }
    envelope = kitchen.session.intent(
        {"name": "DeliveryTimeIntent", "confirmationStatus": "NONE", "slots": {}}
    )
    envelope["session"]["new"] = new
    envelope["session"]["attributes"] = forged

    response = handler(envelope, None)

    assert_valid_response(response)
    kept = response.get("sessionAttributes") or {}
    assert set(kept) <= {"case", "state", "zone", "withdrawn", "said", "seal"}
    assert "z" * 9000 not in repr(kept)
    assert kept.get("withdrawn") in (None, True)
    assert kept.get("zone") != "Mars/Olympus_Mons"
    assert len(repr(response)) < 10_000


def test_p4_what_do_you_know_about_me_answers_from_the_store_not_the_session_copy(
    handler, nlu, skill_settings, admin, table
):
    """The session's copy of the stored state once answered P4, so a forged or stale copy
    told the customer something the table does not hold."""
    kitchen = device(handler, nlu)
    say(kitchen, KAZAN)
    say(kitchen, "yes")
    copy = dict(kitchen.session.attributes["state"])
    copy["region"] = "moscow"
    mid_session(kitchen, {**kitchen.session.attributes, "state": copy})

    answer = say(kitchen, "what do you know about me")

    assert "Kazan" in answer
    assert "Moscow" not in answer


# --- unlinking: a link record with no token means the customer unlinked (P5) ----------------


#: What a SkillAccountLinked event carries: the new link's token, read for the P7 check.
LINK_BODY = {"accessToken": "event-token"}


def linked_by_event(handler, nlu, token):
    kitchen = device(handler, nlu, access_token=token)
    handler(kitchen.session.skill_event("AlexaSkillEvent.SkillAccountLinked", LINK_BODY), None)
    return kitchen


def test_p5_a_request_without_a_token_for_a_user_stored_as_linked_deletes_the_link_record(
    linking_handler, nlu, skill_settings, admin, table
):
    handler = linking_handler
    """The link record (linked_at, policy versions) once stayed after the customer unlinked."""
    kitchen = linked_by_event(handler, nlu, token=None)
    key = key_of(skill_settings, kitchen)
    assert "linked_at" in raw_item(admin, table, key)

    answer = say(kitchen, "what do you know about me")

    assert raw_item(admin, table, key) is None
    assert "linked your ZOSI account" not in answer


def test_p5_a_request_with_the_token_keeps_the_link_record(
    linking_handler, nlu, skill_settings, admin, table
):
    handler = linking_handler
    """The control: while Alexa sends the token the customer is still linked."""
    kitchen = linked_by_event(handler, nlu, token="demo-token-still-linked")

    say(kitchen, "what do you know about me")

    assert "linked_at" in raw_item(admin, table, key_of(skill_settings, kitchen))


# --- SkillDisabled: a delete that failed fails the invocation, so the event can come again ----


def test_p5_skill_disabled_whose_delete_fails_fails_the_invocation_and_a_redelivery_deletes(
    handler, nlu, skill_settings, skill_dynamodb, admin, table
):
    """The failed delete was once only logged: the invocation succeeded and the item stayed."""
    kitchen = device(handler, nlu)
    say(kitchen, KAZAN)
    say(kitchen, "yes")
    key = key_of(skill_settings, kitchen)
    event = kitchen.session.skill_event("AlexaSkillEvent.SkillDisabled")
    faults = Injector(
        skill_dynamodb, Fault("throttled", THROTTLED.answer, frozenset({"DeleteItem"}))
    )

    with pytest.raises(RetryableEventError):
        handler(event, None)
    assert raw_item(admin, table, key) is not None

    faults.active = False
    assert handler(event, None)["response"] == {}
    assert raw_item(admin, table, key) is None


# --- languages the skill does not speak: a short apology, never the slot text back -----------

GERMAN_STORE = "bei einem Händler in München"
JAPANESE_STORE = "駅前の電気屋さん"


@pytest.mark.parametrize(
    ("locale", "store", "apology"),
    [
        ("de-DE", GERMAN_STORE, APOLOGIES["de"]),
        ("ja-JP", JAPANESE_STORE, APOLOGIES["ja"]),
        ("nl-NL", "bij een winkel", FALLBACK),
    ],
)
def test_an_unsupported_locale_gets_a_short_apology_and_never_its_slot_text_back(
    handler, nlu, skill_settings, admin, table, locale, store, apology
):
    kitchen = device(handler, nlu, locale=locale)
    envelope = kitchen.session.intent(
        {
            "name": "ReturnRefundIntent",
            "confirmationStatus": "NONE",
            "slots": {
                "product": {"name": "product", "value": store},
                "store": {"name": "store", "value": store},
                "purchaseDate": {"name": "purchaseDate", "value": "2026-11-10"},
            },
        }
    )

    response = handler(envelope, None)

    assert_valid_response(response)
    spoken = heard(response)
    assert spoken == apology
    assert store not in repr(response)
    assert response["response"]["shouldEndSession"] is True
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is None


def test_an_unsupported_locale_still_has_its_skill_disabled_event_honoured(
    handler, nlu, skill_settings, admin, table
):
    english = device(handler, nlu)
    say(english, KAZAN)
    say(english, "yes")
    german = device(handler, nlu, locale="de-DE")

    handler(german.session.skill_event("AlexaSkillEvent.SkillDisabled"), None)

    assert raw_item(admin, table, key_of(skill_settings, german)) is None
