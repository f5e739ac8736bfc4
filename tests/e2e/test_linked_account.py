"""Linked customers, through the real handler, the real HTTP account client and the local
ZOSI account service on 127.0.0.1 (P1-P9, and R, W, X rules applied to real orders).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

import app
from adapters.account import HttpAccountClient
from devtools.account_server import LocalAccountService
from devtools.cli import Conversation
from devtools.envelopes import LOCAL_USER_ID, AlexaSession
from devtools.nlu import Nlu
from handlers.context import Services
from tests.e2e.conftest import CountingStore
from tests.helpers import assert_valid_response

SUPPORT_POST = ("POST", "/v1/me/support-requests")
NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)

Talk = Callable[..., Conversation]


@pytest.fixture
def talk(settings, store: CountingStore, nlu: Nlu, service: LocalAccountService) -> Talk:
    """A conversation as the customer holding ``token`` (None: not linked)."""
    accounts = HttpAccountClient(service.url)
    handler = app.make_handler(Services(settings, store, accounts, clock=lambda: NOW))

    def start(
        token: str | None, user_id: str = LOCAL_USER_ID, *, alexa_api: bool = True
    ) -> Conversation:
        session = AlexaSession(
            clock=lambda: NOW,
            access_token=token,
            user_id=user_id,
            api_endpoint=service.alexa_api_url,
            api_access_token="local-alexa-api-token" if alexa_api else None,
        )
        return Conversation(handler, session, nlu)

    return start


def said(conversation: Conversation, *utterances: str) -> list[str]:
    replies = []
    for utterance in utterances:
        exchange = conversation.say(utterance)
        assert_valid_response(exchange.response)
        replies.append(exchange.speech)
    return replies


def card_type(conversation: Conversation) -> str | None:
    card = conversation.history[-1].card
    return None if card is None else str(card["type"])


# --- personal answers, linked and not ---------------------------------------------------------


def test_linked_refund_question_lists_the_orders_still_refundable(talk: Talk) -> None:
    """R1 on real orders: the camera from 5 days ago is in, the NVR from 200 days ago is out."""
    (reply,) = said(talk("demo-recent"), "which of my orders can I still return")
    assert "camera ordered on 16 November is refundable until 16 December" in reply
    assert "N. V. R. ordered on 5 May is past the 30-day refund period" in reply


def test_linked_warranty_question_names_the_last_covered_day(talk: Talk) -> None:
    """W1 on real orders: 14 months ago is out, 11 months ago is in."""
    (reply,) = said(talk("demo-old"), "are my orders still under warranty")
    assert "is out of warranty" in reply
    assert "is under warranty until" in reply


def test_linked_cross_shipping_question_uses_the_orders(talk: Talk) -> None:
    """X1: the kit bought 11 months ago can still be cross-shipped."""
    (reply,) = said(talk("demo-old"), "can you send me a replacement first")
    assert "can get an advance replacement until" in reply


def test_linked_tracking_reads_carrier_number_and_status(talk: Talk) -> None:
    """D5: the doorbell ordered yesterday is on its way."""
    conversation = talk("demo-recent")
    (reply,) = said(conversation, "where is my order")
    assert "doorbell ordered on 20 November is on its way with Russian Post" in reply
    ssml = conversation.history[-1].response["response"]["outputSpeech"]["ssml"]
    assert '<say-as interpret-as="characters">RA123456785RU</say-as>' in ssml


def test_linked_when_will_it_arrive_hears_the_last_day_of_its_window(talk: Talk) -> None:
    """D4, D5, from a dev corpus: "when will my doorbell get here" got where the parcel is
    and its tracking number, but no day. The account gives no estimate; D4 gives 3 to 30
    business days from the order (the New Year holidays not counted), so its last day is
    said: ordered 20 November 2026, by 12 January 2027."""
    (reply,) = said(talk("demo-recent"), "when will my doorbell get here")
    assert "is on its way with Russian Post" in reply, reply
    assert "It should arrive by 12 January" in reply, reply


@pytest.mark.parametrize("utterance", ["where is my order", "what's the status of my return"])
def test_unlinked_personal_questions_get_a_link_account_card(talk: Talk, utterance: str) -> None:
    conversation = talk(None)
    (reply,) = said(conversation, utterance)
    assert "link your ZOSI account" in reply
    assert card_type(conversation) == "LinkAccount"


def test_unlinked_policy_questions_keep_working(talk: Talk) -> None:
    (reply,) = said(talk(None), "how long does delivery to kazan take")
    assert "arrive in Kazan" in reply


def test_a_described_purchase_is_answered_even_when_linked(talk: Talk) -> None:
    """A linked customer asking about a purchase they describe gets the answer for it."""
    (reply,) = said(
        talk("demo-recent"), "can I return the camera I bought on 2026-11-10 from amazon"
    )
    assert "the refund goes through that shop" in reply


def test_third_party_and_gift_orders_follow_r5_and_r6(talk: Talk) -> None:
    (third,) = said(talk("demo-thirdparty"), "which of my orders can I still return")
    (gift,) = said(talk("demo-gift"), "which of my orders can I still return")
    assert "came from another shop, so its refund goes through that shop" in third  # R2, R5
    assert "is refundable until" in gift  # R6: a ZOSI purchase, refunded as usual


# --- acting exactly once ----------------------------------------------------------------------


def test_a_return_is_opened_once_even_when_asked_twice(
    talk: Talk, service: LocalAccountService
) -> None:
    before = service.calls[SUPPORT_POST]
    conversation = talk("demo-recent", user_id="amzn1.ask.account.TWICE")
    first = said(conversation, "start a return for my camera", "I changed my mind", "yes")[-1]
    again = said(conversation, "start a return for my camera", "I changed my mind", "yes")[-1]
    assert first.startswith("Done. I've opened a refund return for the camera")
    assert again.startswith("You already have a request for the camera")
    # Issue 18: the account's open requests are read first, so the second ask sends no POST.
    assert service.calls[SUPPORT_POST] - before == 1
    (status,) = said(conversation, "what's the status of my return")
    assert status.count("Your request for a refund return") == 1


def test_asking_again_with_another_reason_gets_the_first_case_back(
    talk: Talk, service: LocalAccountService
) -> None:
    """Issue 11: the key once held the reason, so a second ask could open a second case."""
    conversation = talk("demo-recent", user_id="amzn1.ask.account.OTHERREASON")
    first = said(conversation, "start a return for my camera", "I changed my mind", "yes")[-1]
    again = said(conversation, "start a return for my camera", "it's broken", "yes")[-1]
    assert first.startswith("Done. I've opened a refund return for the camera")
    assert again.startswith("You already have a request for the camera")
    (status,) = said(conversation, "what's the status of my return")
    assert status.count("Your request for a refund return") == 1


def test_asking_again_after_midnight_gets_the_first_case_back(
    talk: Talk, service: LocalAccountService
) -> None:
    """Issue 11: the key once held "today"; already held on 2c29e95, kept as a guard."""
    conversation = talk("demo-recent", user_id="amzn1.ask.account.MIDNIGHT")
    first = said(conversation, "start a return for my camera", "I changed my mind", "yes")[-1]
    conversation.session.clock = lambda: datetime(2026, 11, 21, 21, 30, tzinfo=UTC)  # 00:30 MSK
    again = said(conversation, "start a return for my camera", "I changed my mind", "yes")[-1]
    assert first.startswith("Done. I've opened a refund return for the camera")
    assert again.startswith("You already have a request for the camera")


def test_a_retried_request_after_a_lost_answer_opens_one_case(
    talk: Talk, service: LocalAccountService
) -> None:
    """The API did the work but the answer was lost (503 after commit): the retry replays it.

    (No Alexa API token here, so the only calls to the local service are the account API's
    and the injected failure hits the POST.)
    """
    conversation = talk("demo-recent", user_id="amzn1.ask.account.RETRIED", alexa_api=False)
    said(conversation, "start a return for my camera", "I changed my mind")
    service.fail_next(1, 503, after_commit=True)
    calls_before = sum(service.calls.values())
    (reply,) = said(conversation, "yes")
    # profile, orders, the account's requests (issue 18), POST, retried POST
    assert sum(service.calls.values()) - calls_before == 5
    assert "Its number is SR-1001" in reply or "Your request number is SR-1001" in reply
    (status,) = said(conversation, "what's the status of my return")
    assert status.count("Your request for a refund return") == 1


def test_a_refund_the_30_days_rule_out_is_never_requested(
    talk: Talk, service: LocalAccountService
) -> None:
    """R1, W5: the NVR from May is past its 30 days, so no refund request is opened; its fault
    is still refunded or replaced under the warranty, and that request is offered."""
    before = service.calls[SUPPORT_POST]
    conversation = talk("demo-recent", user_id="amzn1.ask.account.OLDNVR")
    replies = said(conversation, "start a return for my nvr", "it stopped working")
    assert replies[-1].startswith("It's under the one-year warranty until"), replies[-1]
    assert "a full refund or a replacement once ZOSI support confirms the fault" in replies[-1]
    assert replies[-1].endswith("Shall I open a warranty repair for it?")
    assert service.calls[SUPPORT_POST] == before
    (opened,) = said(conversation, "yes")
    assert opened.startswith("Done. I've opened a warranty repair")


def test_a_refund_request_the_box_rules_out_says_so_not_too_late(
    talk: Talk, service: LocalAccountService
) -> None:
    """R3: "I threw away the box, can you open a refund for my camera", for the camera ordered
    five days ago, was asked why it goes back, then heard "it's too late for a refund: the 30
    days ended on 16 December", a date still to come. No reason makes the refund possible, so
    none is asked: the box rules it out, and the warranty still covers a fault (W2)."""
    before = service.calls[SUPPORT_POST]
    conversation = talk("demo-recent", user_id="amzn1.ask.account.NOBOX")
    (reply,) = said(conversation, "i threw away the box, can you open a refund for my camera")
    assert "without its original packaging in good shape" in reply, reply
    assert "can't go back for a refund" in reply, reply
    assert "too late" not in reply, reply
    assert "under warranty until" in reply, reply
    assert service.calls[SUPPORT_POST] == before


def test_a_change_of_mind_after_the_30_days_is_not_turned_into_a_warranty_repair(
    talk: Talk, service: LocalAccountService
) -> None:
    """R1, W2: the warranty covers faults; a change of mind once the refund is over has no route."""
    before = service.calls[SUPPORT_POST]
    conversation = talk("demo-recent", user_id="amzn1.ask.account.OLDNVR2")
    replies = said(conversation, "start a return for my nvr", "I changed my mind", "yes")
    assert "too late for a refund on" in replies[1]
    assert "warranty repair" not in replies[1]
    assert replies[1].endswith("Anything else I can help with?")
    assert service.calls[SUPPORT_POST] == before


def test_several_matching_orders_lead_to_a_short_question(talk: Talk) -> None:
    (which,) = said(talk("demo-recent"), "start a warranty claim")
    assert which.startswith("Which one do you mean: the video doorbell ordered on")
    assert which.endswith("or the N. V. R. ordered on 5 May?")
    conversation = talk("demo-recent")
    replies = said(conversation, "start a warranty claim", "the nvr", "it stopped working")
    assert replies[-1].startswith("It is under warranty until 5 May 2027. ZOSI covers the return")
    assert replies[-1].endswith(
        "Shall I open a warranty repair for the N. V. R. ordered on 5 May, because it's faulty?"
    )


def test_saying_no_opens_nothing(talk: Talk, service: LocalAccountService) -> None:
    before = service.calls[SUPPORT_POST]
    replies = said(talk("demo-recent"), "start a return for my camera", "I changed my mind", "no")
    assert replies[-1].startswith("Okay, I haven't opened anything.")
    assert service.calls[SUPPORT_POST] == before


# --- account API faults: always a clear spoken answer -----------------------------------------


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("fault-500", "couldn't reach your ZOSI account"),
        ("fault-503", "couldn't reach your ZOSI account"),
        ("fault-429", "couldn't reach your ZOSI account"),
        ("fault-403", "couldn't reach your ZOSI account"),
        ("fault-slow", "couldn't reach your ZOSI account"),
        ("fault-malformed", "couldn't reach your ZOSI account"),
        ("fault-schema", "couldn't reach your ZOSI account"),
    ],
)
def test_account_api_faults_get_a_spoken_answer(talk: Talk, token: str, expected: str) -> None:
    started = datetime.now(UTC)
    (reply,) = said(talk(token), "where is my order")
    assert expected in reply
    assert (datetime.now(UTC) - started).total_seconds() < 6


def test_a_rejected_token_erases_stored_data_and_asks_to_link_again(talk: Talk, store) -> None:
    """401: P5/P6 decision: an unlinked or revoked account deletes what is stored."""
    conversation = talk("demo-nobody")
    said(conversation, "how long does delivery to kazan take", "yes")
    (reply,) = said(conversation, "where is my order")
    assert "link has expired or was removed" in reply
    assert card_type(conversation) == "LinkAccount"
    assert store.calls[-1] == "delete"


def test_a_minor_without_consent_gets_no_personal_answers(talk: Talk, store) -> None:
    """P7."""
    conversation = talk("demo-minor")
    (reply,) = said(conversation, "where is my order")
    assert "under 18" in reply
    assert "delete" in store.calls
    (general,) = said(conversation, "how long does delivery to omsk take")
    assert "arrive in Omsk" in general


def test_a_minor_with_consent_gets_personal_answers(talk: Talk) -> None:
    (reply,) = said(talk("demo-minor-consented"), "which of my orders can I still return")
    assert "under 18" not in reply


def test_a_slow_account_lookup_sends_a_progressive_response(
    talk: Talk, service: LocalAccountService
) -> None:
    before = len(service.directives)
    said(talk("demo-recent"), "where is my order")
    spoken = [str(d) for d in service.directives[before:]]
    assert any("One moment while I look up your orders" in d for d in spoken)


# --- privacy notice, events, data access --------------------------------------------------------


def test_the_privacy_policy_change_is_announced_once(talk: Talk) -> None:
    """P8: accepted 2018-01-01, current 2019-06-01: the next launch says so, once."""
    conversation = talk("demo-outdated", user_id="amzn1.ask.account.OUTDATED")
    (first,) = said(conversation, "open zosi care")
    conversation.session.end()
    (second,) = said(conversation, "open zosi care")
    assert first.startswith("Before we start: ZOSI has updated the privacy policy")
    assert not second.startswith("Before we start")


def test_a_customer_who_accepted_the_policy_in_force_costs_one_profile_lookup(
    talk: Talk, service: LocalAccountService
) -> None:
    """P8 without a link record: the profile says 2019-06-01 was accepted; ask it once only."""
    conversation = talk("demo-recent", user_id="amzn1.ask.account.ACCEPTED")
    for _ in range(3):
        (greeting,) = said(conversation, "open zosi care")
        conversation.session.end()
        assert not greeting.startswith("Before we start")

    assert service.calls["GET", "/v1/me"] == 1
    (stored,) = said(conversation, "what do you know about me")
    assert "which privacy policy you were told of" in stored


def test_skill_account_linked_records_the_link_and_policy_version(talk: Talk, store) -> None:
    conversation = talk("demo-recent", user_id="amzn1.ask.account.LINKS")
    response = conversation.send(
        conversation.session.skill_event("AlexaSkillEvent.SkillAccountLinked", {"accessToken": "x"})
    ).response
    assert "outputSpeech" not in response["response"]
    (reply,) = said(conversation, "what do you know about me")
    assert "when you linked your ZOSI account" in reply
    assert "which privacy policy you accepted and were told of" in reply


def test_skill_disabled_deletes_everything_and_revokes_the_link(
    talk: Talk, store, service: LocalAccountService
) -> None:
    conversation = talk("demo-old", user_id="amzn1.ask.account.DISABLES")
    said(conversation, "how long does delivery to kazan take", "yes")
    revocations = service.calls["DELETE", "/v1/me/alexa-link"]
    conversation.send(conversation.session.skill_event("AlexaSkillEvent.SkillDisabled"))
    assert store.calls[-1] == "delete"
    assert service.calls["DELETE", "/v1/me/alexa-link"] == revocations + 1


@pytest.mark.parametrize(
    "event",
    [
        "AlexaSkillEvent.SkillPermissionChanged",
        "AlexaSkillEvent.SkillPermissionAccepted",
        "AlexaSkillEvent.SkillEnabled",
    ],
)
def test_permission_events_are_acknowledged_silently(talk: Talk, store, event: str) -> None:
    conversation = talk(None)
    response = conversation.send(conversation.session.skill_event(event, {})).response
    assert "outputSpeech" not in response["response"]
    assert store.calls == []


# --- logs -------------------------------------------------------------------------------------


def test_logs_never_contain_the_token_or_the_raw_user_id(talk: Talk, caplog) -> None:
    secret_token = "demo-recent"
    user_id = "amzn1.ask.account.SECRET-USER-ID-12345"
    caplog.set_level(logging.DEBUG)
    conversation = talk(secret_token, user_id=user_id)
    said(
        conversation,
        "open zosi care",
        "which of my orders can I still return",
        "where is my order",
        "start a return for my camera",
        "I changed my mind",
        "yes",
    )
    said(talk("fault-500", user_id=user_id), "where is my order")
    said(talk("demo-nobody", user_id=user_id), "where is my order")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged  # something was logged
    for secret in (secret_token, "fault-500", "demo-nobody", user_id, "RA123456785RU", "C190"):
        assert secret not in logged


def test_a_withdrawal_forged_into_a_new_session_does_not_cut_off_a_linked_customer(
    talk: Talk,
) -> None:
    """Issue 11: ``withdrawn`` was read from whatever a new session carried, unchecked."""
    question = "which of my orders can I still return"
    (expected,) = said(talk("demo-recent", user_id="amzn1.ask.account.HONEST"), question)
    forged = talk("demo-recent", user_id="amzn1.ask.account.FORGEDWITHDRAWAL")
    understood = forged.nlu.understand(question, None)
    envelope = forged.session.intent(understood.intent, understood.dialog_state)
    envelope["session"]["attributes"] = {"withdrawn": "yes"}

    assert forged.send(envelope).speech == expected


# --- deadlines from the Lambda context (issue 11) -----------------------------------------------


class LambdaContext:
    """What Lambda passes the handler, as far as the skill reads it: the time left."""

    def __init__(self, millis: int) -> None:
        self.deadline = time.monotonic() + millis / 1000

    def get_remaining_time_in_millis(self) -> int:
        return int((self.deadline - time.monotonic()) * 1000)


@pytest.mark.parametrize("token", ["fault-slow", "fault-slow-body"])
def test_a_slow_account_api_is_abandoned_when_the_lambdas_time_runs_out(
    settings, store: CountingStore, nlu: Nlu, service: LocalAccountService, token: str
) -> None:
    """The client's own 3 s budget is longer than the 1.5 s this invocation has left."""
    handler = app.make_handler(
        Services(settings, store, HttpAccountClient(service.url), clock=lambda: NOW)
    )
    session = AlexaSession(
        clock=lambda: NOW, access_token=token, api_endpoint=service.alexa_api_url
    )
    conversation = Conversation(
        lambda event, _context: handler(event, LambdaContext(1500)), session, nlu
    )

    started = time.monotonic()
    (reply,) = said(conversation, "start a return for my camera")
    elapsed = time.monotonic() - started

    assert "couldn't reach your ZOSI account" in reply
    assert elapsed < 1.5, f"answered after {elapsed:.2f} s, past the Lambda's remaining time"


def test_in_lambda_an_api_endpoint_outside_alexas_hosts_gets_no_token(
    settings, store: CountingStore, nlu: Nlu, service: LocalAccountService
) -> None:
    """A forged apiEndpoint (here the local stack, which a Lambda must never call)."""
    in_lambda = settings._replace(local=False)
    handler = app.make_handler(
        Services(in_lambda, store, HttpAccountClient(service.url), clock=lambda: NOW)
    )
    session = AlexaSession(
        clock=lambda: NOW,
        access_token="demo-recent",
        api_endpoint=service.alexa_api_url,
        api_access_token="local-alexa-api-token",
    )
    directives = len(service.directives)

    (reply,) = said(Conversation(handler, session, nlu), "where is my order")

    assert "doorbell" in reply.lower()
    alexa_calls = {call: n for call, n in service.calls.items() if not call[1].startswith("/v1/me")}
    assert alexa_calls == {}, "the Alexa API token was sent to a host that is not Alexa's"
    assert len(service.directives) == directives
