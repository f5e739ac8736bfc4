"""Acting on a linked ZOSI account (issue 18): decided again at the yes, once per ZOSI account,
and honest when the answer to a POST never came.

The real handler, the real HTTP account client and the local ZOSI account service; envelopes
are built by `devtools.envelopes`, and edited by hand where a finding needs a forged one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest

import app
from adapters.account import HttpAccountClient
from devtools.account_server import LocalAccountService
from devtools.cli import Conversation
from devtools.demo_customers import DEMO_CUSTOMERS
from devtools.envelopes import AlexaSession
from devtools.nlu import Nlu
from handlers.context import Services
from tests.e2e.conftest import CountingStore
from tests.helpers import assert_valid_response

SUPPORT_POST = ("POST", "/v1/me/support-requests")
SUPPORT_GET = ("GET", "/v1/me/support-requests")
NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
#: The camera of demo-recent was ordered on 16 November: its refund period ends on 16 December.
LAST_MINUTES = datetime(2026, 12, 16, 20, 58, tzinfo=UTC)  # 23:58 in Moscow
AFTER_REFUND = datetime(2026, 12, 16, 21, 1, tzinfo=UTC)  # 00:01 on 17 December in Moscow

Talk = Callable[..., Conversation]


@pytest.fixture
def lambda_clock() -> list[datetime]:
    """The Lambda's clock (``Services.clock``), which a test may move on."""
    return [NOW]


@pytest.fixture
def talk(
    settings, store: CountingStore, nlu: Nlu, service: LocalAccountService, lambda_clock
) -> Talk:
    """A conversation as the customer holding ``token``, on a device without Alexa API calls."""
    accounts = HttpAccountClient(service.url)
    handler = app.make_handler(Services(settings, store, accounts, clock=lambda: lambda_clock[0]))

    def start(token: str, user_id: str = "amzn1.ask.account.ACTIONS") -> Conversation:
        session = AlexaSession(clock=lambda: NOW, access_token=token, user_id=user_id)
        return Conversation(handler, session, nlu)

    return start


def said(conversation: Conversation, *utterances: str) -> list[str]:
    replies = []
    for utterance in utterances:
        exchange = conversation.say(utterance)
        assert_valid_response(exchange.response)
        replies.append(exchange.speech)
    return replies


# --- finding 2: the decision is taken again at the yes ---------------------------------------


def test_an_offer_edited_to_a_420_day_old_order_opens_nothing(
    talk: Talk, service: LocalAccountService
) -> None:
    """W1: the offer named the kit (11 months); the edited one names the doorbell (14 months)."""
    conversation = talk("demo-old")
    offered = said(conversation, "start a warranty claim for my camera kit", "it stopped working")
    assert offered[-1].endswith("because it's faulty?")
    question = conversation.session.attributes["case"]["q"]
    question[3][0] = "ZS-10011"  # the doorbell ordered 14 months ago, out of warranty
    before = service.calls[SUPPORT_POST]

    (reply,) = said(conversation, "yes")

    assert service.calls[SUPPORT_POST] == before
    assert not reply.startswith("Done")


def test_a_yes_after_the_refund_period_ended_by_the_lambdas_clock_opens_nothing(
    talk: Talk, service: LocalAccountService, lambda_clock: list[datetime]
) -> None:
    """R1 by the Lambda's clock: offered at 23:58 on the last day, the yes comes at 00:01.

    The offer's seal lasts minutes (finding 1), so the refund period can end between the
    offer and the yes only around midnight; the request's timestamp still says 21 November.
    """
    lambda_clock[0] = LAST_MINUTES  # 23:58 in Moscow, the device's default time zone
    conversation = talk("demo-recent")
    offered = said(conversation, "start a return for my camera", "I changed my mind")
    assert "refund until 16 December" in offered[-1]
    lambda_clock[0] = AFTER_REFUND
    before = service.calls[SUPPORT_POST]

    (reply,) = said(conversation, "yes")

    assert service.calls[SUPPORT_POST] == before
    assert reply.startswith("I checked your order again before opening anything.")
    assert "too late for a refund" in reply


def test_a_yes_while_the_decision_holds_opens_the_request(
    talk: Talk, service: LocalAccountService
) -> None:
    """The guard's other side: the same decision at the yes opens it, with its steps."""
    conversation = talk("demo-recent")
    reply = said(conversation, "start a return for my camera", "I changed my mind", "yes")[-1]
    assert reply.startswith("Done. I've opened a refund return for the camera")
    assert service.calls[SUPPORT_POST] == 1


# --- finding 10: one request per ZOSI account, order, kind and generation ----------------------


def test_two_alexa_users_linked_to_one_zosi_account_open_one_repair(
    talk: Talk, service: LocalAccountService
) -> None:
    asks = ("start a warranty claim for my nvr", "it stopped working", "yes")
    first = said(talk("demo-recent", "amzn1.ask.account.PARENT"), *asks)[-1]
    second = said(talk("demo-recent", "amzn1.ask.account.CHILD"), *asks)[-1]
    assert first.startswith("Done. I've opened a warranty repair")
    assert second.startswith("You already have a request for the N. V. R.")
    (status,) = said(talk("demo-recent"), "what's the status of my repair")
    assert status.count("Your request for a warranty repair") == 1


def test_a_closed_request_lets_a_new_one_be_opened(
    talk: Talk, service: LocalAccountService
) -> None:
    asks = ("start a warranty claim for my nvr", "it stopped working", "yes")
    first = said(talk("demo-recent"), *asks)[-1]
    assert first.startswith("Done. I've opened a warranty repair")
    service.set_request_status("SR-1001", "closed")

    again = said(talk("demo-recent"), *asks)[-1]

    assert again.startswith("Done. I've opened a warranty repair")
    assert service.calls[SUPPORT_POST] == 2


def test_after_relinking_to_another_zosi_account_the_old_request_is_never_read_out(
    talk: Talk, service: LocalAccountService
) -> None:
    """A second account with the same order numbers, on an API whose keys are service-wide."""
    service.share_keys()
    recent = next(c for c in DEMO_CUSTOMERS if c.name == "recent")
    other = replace(recent, name="relinked", account_id="ZA-1999")
    service.add_account(other.token, other)
    asks = ("start a return for my camera", "I changed my mind", "yes")
    first = said(talk(recent.token), *asks)[-1]
    assert first.startswith("Done. I've opened a refund return")

    again = said(talk(other.token), *asks)[-1]

    assert again.startswith("Done. I've opened a refund return")
    assert "1001" not in again


# --- finding 11: an uncertain failure ---------------------------------------------------------


def test_a_post_whose_answer_never_came_is_found_among_the_accounts_requests(
    talk: Talk, service: LocalAccountService
) -> None:
    """ZOSI opened it, but every attempt's answer was lost: the request is read back."""
    conversation = talk("demo-recent")
    said(conversation, "start a return for my camera", "I changed my mind")
    service.fail_next(3, 503, after_commit=True, only=SUPPORT_POST)

    (reply,) = said(conversation, "yes")

    assert "couldn't reach your ZOSI account" not in reply
    assert reply.startswith("Done. I've opened a refund return for the camera")


def test_when_nothing_can_be_checked_the_customer_hears_it_may_be_open_and_can_try_again(
    talk: Talk, service: LocalAccountService
) -> None:
    conversation = talk("demo-recent")
    said(conversation, "start a return for my camera", "I changed my mind")
    service.fail_next(3, 503, after_commit=True, only=SUPPORT_POST)
    service.fail_next(3, 503, only=SUPPORT_GET)

    (reply,) = said(conversation, "yes")

    assert "couldn't reach your ZOSI account" not in reply
    assert "may already be open" in reply
    assert reply.endswith("Shall I check, and send it again if it isn't there?")
    (again,) = said(conversation, "yes")
    assert again.startswith("You already have a request for the camera")
    (status,) = said(talk("demo-recent"), "what's the status of my return")
    assert status.count("Your request for a refund return") == 1


# --- finding 7: P7 before any write -------------------------------------------------------------


def test_skill_account_linked_for_a_minor_without_consent_stores_nothing(
    talk: Talk, store: CountingStore
) -> None:
    conversation = talk("demo-minor", "amzn1.ask.account.MINORLINK")
    conversation.send(
        conversation.session.skill_event("AlexaSkillEvent.SkillAccountLinked", {"accessToken": "x"})
    )
    assert "update" not in store.calls


def test_a_minors_launch_stores_no_policy_notice(talk: Talk, store: CountingStore) -> None:
    """The notice version was saved right after reading a profile that says "minor" (P7, P8)."""
    said(talk("demo-minor", "amzn1.ask.account.MINORLAUNCH"), "open zosi care")
    assert "update" not in store.calls


def test_an_adults_link_is_still_recorded(talk: Talk, store: CountingStore) -> None:
    """The guard's other side (P2, P8)."""
    conversation = talk("demo-recent", "amzn1.ask.account.ADULTLINK")
    conversation.send(
        conversation.session.skill_event("AlexaSkillEvent.SkillAccountLinked", {"accessToken": "x"})
    )
    assert store.calls.count("update") == 1


# --- finding 5: a withdrawal that lasts ---------------------------------------------------------

REVOKE = ("DELETE", "/v1/me/alexa-link")
ACCOUNT_READS = (("GET", "/v1/me"), ("GET", "/v1/me/orders"), SUPPORT_GET)


def test_a_withdrawal_whose_revocation_failed_still_stops_account_reads_next_session(
    talk: Talk, service: LocalAccountService
) -> None:
    """P6: the link could not be revoked; the next session read /me and /me/orders again."""
    conversation = talk("demo-recent", "amzn1.ask.account.WITHDRAWS")
    said(conversation, "I withdraw my consent")
    service.fail_next(3, 503, only=REVOKE)
    said(conversation, "yes")
    assert service.calls[REVOKE] == 3
    conversation.session.end()
    reads = [service.calls[call] for call in ACCOUNT_READS]

    said(conversation, "where is my order", "what's the status of my return")

    assert [service.calls[call] for call in ACCOUNT_READS] == reads
    assert service.calls[REVOKE] == 4  # tried again, once, in the new session


def test_delete_my_data_keeps_the_withdrawal(talk: Talk, service: LocalAccountService) -> None:
    """P5 erases what is remembered; the P6 marker stays, or the account would be read again."""
    conversation = talk("demo-recent", "amzn1.ask.account.WITHDRAWSDELETES")
    said(conversation, "I withdraw my consent")
    service.fail_next(6, 503, only=REVOKE)
    said(conversation, "yes")
    conversation.session.end()
    said(conversation, "delete my data", "yes")
    conversation.session.end()
    reads = [service.calls[call] for call in ACCOUNT_READS]

    said(conversation, "where is my order")

    assert [service.calls[call] for call in ACCOUNT_READS] == reads


# --- finding 9: voice profiles (context.System.person) ------------------------------------------

ORDERS_QUESTION = "which of my orders can I still return"


def test_a_recognised_voice_with_its_own_link_gets_its_own_accounts_orders(
    talk: Talk, service: LocalAccountService
) -> None:
    """The shared link is demo-recent's; the recognised speaker linked demo-old to their voice."""
    conversation = talk("demo-recent", "amzn1.ask.account.HOUSEHOLD")
    conversation.session.person = {"personId": "amzn1.ask.person.BORIS", "accessToken": "demo-old"}
    (reply,) = said(conversation, ORDERS_QUESTION)
    assert "camera kit" in reply
    assert "16 November" not in reply  # demo-recent's camera


def test_a_recognised_voice_without_a_link_of_its_own_reads_nothing_of_the_shared_account(
    talk: Talk, service: LocalAccountService
) -> None:
    """Anyone in the room could hear the shared account's orders, open requests or withdraw."""
    conversation = talk("demo-recent", "amzn1.ask.account.HOUSEHOLD2")
    conversation.session.person = {"personId": "amzn1.ask.person.GUEST"}
    reads = [service.calls[call] for call in ACCOUNT_READS]

    (orders,) = said(conversation, ORDERS_QUESTION)  # answered as for a customer not linked
    said(conversation, "where is my order", "I withdraw my consent", "yes")

    assert [service.calls[call] for call in ACCOUNT_READS] == reads
    assert service.calls[REVOKE] == 0
    assert "16 November" not in orders


def test_without_a_person_the_shared_link_answers_as_before(
    talk: Talk, service: LocalAccountService
) -> None:
    """The guard: Alexa sends no person when it does not recognise the voice (or is not asked)."""
    (reply,) = said(talk("demo-recent", "amzn1.ask.account.HOUSEHOLD3"), ORDERS_QUESTION)
    assert "16 November" in reply
