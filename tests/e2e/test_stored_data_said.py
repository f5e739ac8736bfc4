"""P4: "what do you know about me" says back every stored fact (issue 18, finding 6).

The skill kept the store, the country of purchase and the gift flag of a remembered
purchase but said only the product and the date, then "That's all."
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.test_conversation_spec import CAMERA, Customer, Start

# The fixture the conversation spec defines: a customer talking to the real handler.
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

DAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _remembered(talk: Customer, **slots: object) -> None:
    talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2026-11-10", **slots)
    talk.yes()  # "Shall I remember this purchase for next time?"


def test_a_remembered_gift_is_said_back_as_a_gift(customer: Start) -> None:
    talk = customer(now=DAY)
    _remembered(talk, store=("a gift", "gift"))
    reply = talk.says("MyDataIntent")
    assert "gift" in reply, reply
    assert "That's all" not in reply


def test_a_remembered_country_of_purchase_is_said_back(customer: Start) -> None:
    talk = customer(now=DAY)
    _remembered(talk, purchaseCountry=("germany", "DE"))
    reply = talk.says("MyDataIntent")
    assert "Germany" in reply or " DE" in reply, reply  # named, or spelled as stored
    assert "That's all" not in reply
