"""Decisions count from a clock the request cannot move (issue 18, finding 3).

Any request timestamp from 2015 to 2100 used to be believed, for answers and for the offers
that lead to an action: an envelope dated months back reopened a closed refund window or an
ended warranty, and a "yes" then acted on it. Now a request's timestamp counts only within a
few minutes of the Lambda's clock (``Services.clock``, NOW here); further off, the Lambda's
clock stands in. A request dated within those minutes is still answered on its own time.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from handlers.context import REQUEST_TIME_TOLERANCE
from tests.e2e.test_conversation_spec import CAMERA, NOW, ZOSI_WEBSITE, Customer, Start

# The fixture the conversation spec defines: a customer talking to the real handler.
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

DOORBELL = ("video doorbell", "doorbell")
BOUGHT_40_DAYS_AGO = (NOW - timedelta(days=40)).date().isoformat()


def dated(talk: Customer, shift: timedelta) -> Customer:
    """The same customer, their requests dated ``shift`` from the Lambda's clock."""
    talk.session.clock = lambda: NOW + shift
    return talk


@pytest.mark.parametrize("shift", [timedelta(days=-30), timedelta(days=-365)])
def test_a_request_dated_back_does_not_reopen_a_closed_refund_window(
    customer: Start, shift: timedelta
) -> None:
    """R1: bought 40 days ago; an envelope dated 30 days or a year back once said yes."""
    talk = dated(customer(), shift)

    reply = talk.says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate=BOUGHT_40_DAYS_AGO, store=ZOSI_WEBSITE
    )

    assert not reply.startswith("Yes"), reply
    assert "full refund until" not in reply


def test_a_request_dated_back_does_not_make_an_ended_warranty_an_offer_to_act_on(
    customer: Start,
) -> None:
    """W1: demo-old's doorbell, bought 14 months ago; dated 3 months back, the skill said it was
    under warranty, offered a repair, and the yes opened one (request SR-1001)."""
    talk = dated(customer("demo-old"), timedelta(days=-90))

    reply = talk.says("StartClaimIntent", product=DOORBELL, reason=("stopped working", "defect"))
    after_yes = talk.yes()

    assert "Shall I open" not in reply, reply
    assert "under warranty until" not in reply, reply
    assert "I've opened" not in after_yes, after_yes


def test_a_request_dated_within_the_tolerance_is_answered_on_its_own_time(
    customer: Start,
) -> None:
    """The request's own time still counts when the Lambda's clock agrees with it."""
    within = REQUEST_TIME_TOLERANCE - timedelta(seconds=10)
    bought = (NOW - timedelta(days=30)).date().isoformat()

    reply = dated(customer(), within).says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate=bought, store=ZOSI_WEBSITE
    )

    assert reply.startswith("Yes"), reply
