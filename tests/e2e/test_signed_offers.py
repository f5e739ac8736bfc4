"""A linked customer's pending offers act only in their own session (issue 18, finding 1).

Withdrawing consent revokes the account link; opening a request POSTs to ZOSI. Both used to
follow a "yes" whose session attributes came from anywhere (another session, another user),
as long as ``new`` was false. Now the offer is sealed for its session and user: carried into
any other, it is dropped, and the "yes" revokes nothing and opens nothing.
"""

from __future__ import annotations

import copy

from devtools.account_server import LocalAccountService
from tests.e2e.test_conversation_spec import Customer, Start

# The fixture the conversation spec defines: a customer talking to the real handler.
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

REVOKE = ("DELETE", "/v1/me/alexa-link")
OPEN = ("POST", "/v1/me/support-requests")
NVR = ("N. V. R.", "nvr")


def yes_carrying(talk: Customer, attributes: dict) -> str:
    """``talk`` says yes mid-session, its envelope carrying ``attributes``."""
    envelope = talk.session.intent({"name": "AMAZON.YesIntent", "slots": {}})
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = attributes
    return talk.send(envelope)


def offered_withdrawal(customer: Start, user: str) -> dict:
    talk = customer("demo-recent", user=user)
    assert talk.says("WithdrawConsentIntent").endswith("Do you want me to do that now?")
    return copy.deepcopy(talk.session.attributes)


def test_a_withdrawal_offered_in_another_session_revokes_nothing(
    customer: Start, service: LocalAccountService
) -> None:
    forged = offered_withdrawal(customer, "amzn1.ask.account.OTHER")
    victim = customer("demo-recent")
    victim.says("TrackOrderIntent")

    reply = yes_carrying(victim, forged)

    assert service.calls[REVOKE] == 0
    assert "unlinked" not in reply


def test_a_withdrawal_offered_to_the_same_user_in_an_earlier_session_revokes_nothing(
    customer: Start, service: LocalAccountService
) -> None:
    forged = offered_withdrawal(customer, "amzn1.ask.account.LOCALDEVELOPER")
    victim = customer("demo-recent")
    victim.says("TrackOrderIntent")

    reply = yes_carrying(victim, forged)

    assert service.calls[REVOKE] == 0
    assert "unlinked" not in reply


def test_a_request_offered_in_another_session_opens_nothing(
    customer: Start, service: LocalAccountService
) -> None:
    offered = customer("demo-recent", user="amzn1.ask.account.OTHER")
    asked = offered.says("StartClaimIntent", product=NVR, reason=("stopped working", "defect"))
    assert "Shall I open" in asked
    victim = customer("demo-recent")
    victim.says("TrackOrderIntent")

    reply = yes_carrying(victim, copy.deepcopy(offered.session.attributes))

    assert service.calls[OPEN] == 0
    assert "I've opened" not in reply


def test_the_customers_own_yes_still_opens_the_request(
    customer: Start, service: LocalAccountService
) -> None:
    talk = customer("demo-recent")
    talk.says("StartClaimIntent", product=NVR, reason=("stopped working", "defect"))

    assert "I've opened" in talk.yes()
    assert service.calls[OPEN] == 1
