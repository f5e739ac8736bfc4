"""Purchase and order dates as Alexa sends them, through the real handler (audit C2, M6, loops).

Each request is an envelope built directly, with the AMAZON.DATE value Alexa puts in the slot
for what the customer said (a date said without a year is the next such date), so these tests
hold whatever the local NLU does. Today is Friday 20 November 2026, as in the audit.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.e2e.test_conversation_spec import CAMERA, Customer, Start

# The fixture the conversation spec defines: a customer talking to the real handler.
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

AUDIT_DAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DOORBELL = ("doorbell", "doorbell")
NVR = ("NVR", "nvr")


@pytest.fixture
def talk(customer: Start) -> Customer:
    """A customer who is not linked, on 20 November 2026."""
    return customer(now=AUDIT_DAY)


# --- a date that can't be used is not asked for a third time -------------------------------


def test_february_29th_said_without_a_year_is_the_last_29_february(talk: Customer) -> None:
    """W1: "February twenty ninth" arrives as 2028-02-29; it was bought on 29 February 2024."""
    assert talk.says("WarrantyStatusIntent", product=CAMERA) == "When did you buy your camera?"
    check = talk.says("WarrantyStatusIntent", purchaseDate="2028-02-29")
    assert check == "Just to check: you bought your camera on 29 February 2024?"
    decided = talk.yes()
    assert decided.startswith("Sorry, the one-year warranty on your camera ended on")
    assert "ended on 28 February 2025." in decided
    assert "hasn't come yet" not in check + decided


def test_a_date_that_cannot_be_used_twice_moves_on_instead_of_asking_a_third_time(
    talk: Customer,
) -> None:
    """W1: two dates still ahead of today, then the rule and who can check, not the question."""
    assert talk.says("WarrantyStatusIntent", product=CAMERA) == "When did you buy your camera?"
    again = talk.says("WarrantyStatusIntent", purchaseDate="2028-06-01")
    assert again.startswith("That date hasn't come yet, so it can't be the day you bought it.")
    assert again.endswith("When did you buy your camera?")
    moved_on = talk.says("WarrantyStatusIntent", purchaseDate="2028-06-01")
    assert "hasn't come yet" not in moved_on
    assert "When did you buy" not in moved_on
    assert moved_on.startswith("Every ZOSI product has a one-year warranty")
    assert "Without the purchase date, I can't check your camera myself" in moved_on
    assert talk.elicited is None


def test_a_first_date_that_cannot_be_used_is_asked_for_at_most_twice(talk: Customer) -> None:
    """R1: said with the question, then twice when asked: the question comes twice, no more."""
    asked = [
        talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-02-30"),
        talk.says("ReturnRefundIntent", purchaseDate="2026-02-30"),
    ]
    assert all(reply.endswith("When did you buy your camera?") for reply in asked)
    moved_on = talk.says("ReturnRefundIntent", purchaseDate="2026-02-30")
    assert "When did you buy" not in moved_on
    assert "Without the purchase date" in moved_on
