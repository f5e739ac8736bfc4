"""Purchase and order dates as Alexa sends them, through the real handler (audit C2, M6, loops).

Each request is an envelope built directly, with the AMAZON.DATE value Alexa puts in the slot
for what the customer said (a date said without a year is the next such date), so these tests
hold whatever the local NLU does. Today is Friday 20 November 2026, as in the audit.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.e2e.test_conversation_spec import CAMERA, ZOSI_WEBSITE, Customer, Start

# The fixture the conversation spec defines: a customer talking to the real handler.
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

AUDIT_DAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DOORBELL = ("video doorbell", "doorbell")
NVR = ("N. V. R.", "nvr")


@pytest.fixture
def talk(customer: Start) -> Customer:
    """A customer who is not linked, on 20 November 2026."""
    return customer(now=AUDIT_DAY)


# --- a date that can't be used is not asked for a third time -------------------------------


def test_february_29th_said_without_a_year_is_the_last_29_february(talk: Customer) -> None:
    """W1: "February twenty ninth" arrives as 2028-02-29; it was bought on 29 February 2024."""
    asked = talk.says("WarrantyStatusIntent", product=CAMERA)
    assert asked.endswith("When did you buy your camera?")
    decided = talk.says("WarrantyStatusIntent", purchaseDate="2028-02-29")  # its only reading
    assert decided.startswith("Sorry, the one-year warranty on your camera ended on")
    assert "ended on 28 February 2025." in decided
    assert "hasn't come yet" not in decided


def test_a_date_that_cannot_be_used_twice_moves_on_instead_of_asking_a_third_time(
    talk: Customer,
) -> None:
    """W1: two dates still ahead of today, then the rule and who can check, not the question."""
    asked = talk.says("WarrantyStatusIntent", product=CAMERA)
    assert asked.endswith("When did you buy your camera?")
    again = talk.says("WarrantyStatusIntent", purchaseDate="2028-06-01")
    assert again.startswith("That date hasn't come yet, so it can't be the day you bought it.")
    assert again.endswith("When did you buy your camera?")
    moved_on = talk.says("WarrantyStatusIntent", purchaseDate="2028-06-01")
    assert "hasn't come yet" not in moved_on
    assert "When did you buy" not in moved_on
    assert moved_on.startswith("Every ZOSI product has a one-year warranty")
    assert "ZOSI support can check yours" in moved_on
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
    assert "ZOSI support can check yours at service at zositech dot com." in moved_on


def test_a_claim_given_up_for_its_date_says_the_support_address_once(talk: Customer) -> None:
    """W3, C1: the claim's rule already says to email support; "can check yours" adds no
    second address to the same breath."""
    talk.says("StartClaimIntent", product=CAMERA, reason=("stopped working", "defect"))
    talk.says("DontKnowIntent")  # when they bought it
    moved_on = talk.says("StartClaimIntent", claimType=("a repair", "warranty_repair"))
    assert moved_on.startswith("Every ZOSI product has a one-year warranty"), moved_on
    assert "ZOSI support can check yours." in moved_on
    assert moved_on.count("zositech") == 1, moved_on


# --- "no, November": a month said after a guessed day keeps the day (audit C2) ----------------


def test_s138_no_november_to_a_guessed_25_october_is_25_november_last_year_and_no_refund(
    talk: Customer,
) -> None:
    """R1: "November 25th" arrives as 2026-11-25; "no, November" as 2026-11. Bought 25 Nov 2025."""
    check = talk.says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-25", store=ZOSI_WEBSITE
    )
    assert check == "Just to check: you bought your camera on 25 October, not 25 November 2025?"
    decided = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11")
    assert decided.startswith(
        "Sorry, the 30-day refund period for your camera ended on 25 December 2025."
    )
    assert "Yes, you can return" not in decided
    assert "at least" not in decided


def test_s034_no_november_keeps_the_25th_and_the_warranty_ends_25_november_2026(
    talk: Customer,
) -> None:
    """W1: a year from 25 November 2025, not "at least 1 November 2027" from a day not said."""
    check = talk.says("WarrantyStatusIntent", product=DOORBELL, purchaseDate="2026-11-25")
    assert check == (
        "Just to check: you bought your video doorbell on 25 October, not 25 November 2025?"
    )
    decided = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11")
    assert decided.startswith(
        "Yes, your video doorbell is under the one-year warranty until 25 November, in 5 days."
    )
    # "November 25th last year": Alexa resolves the qualifier, so the same day, said outright.
    again = talk.says("PurchaseDetailsIntent", purchaseDate="2025-11-25")
    assert again.startswith(
        "Yes, your video doorbell is under the one-year warranty until 25 November,"
    )
    assert "25 October" not in again


def test_s033_november_25_last_year_is_taken_as_said_without_a_check(talk: Customer) -> None:
    """W1: "November 25 last year" arrives as 2025-11-25, a day in the past: nothing to check."""
    decided = talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2025-11-25")
    assert decided.startswith(
        "Yes, your camera is under the one-year warranty until 25 November, in 5 days"
    )
    assert "25 October" not in decided
    assert talk.yes() == "Done, I'll remember that. Anything else I can help with?"


def test_s036_no_december_keeps_the_3rd_and_asks_no_more(talk: Customer) -> None:
    """W1: "December 3rd" arrives as 2026-12-03, checked as 3 November; "no, December"."""
    check = talk.says("WarrantyStatusIntent", product=NVR, purchaseDate="2026-12-03")
    assert check == "Just to check: you bought your N. V. R. on 3 November, not 3 December 2025?"
    decided = talk.says("PurchaseDetailsIntent", purchaseDate="2026-12")
    assert decided.startswith(
        "Yes, your N. V. R. is under the one-year warranty until 3 December, in 13"
    )
    assert "between" not in decided


def test_s137_no_december_keeps_the_10th_for_an_advance_replacement(talk: Customer) -> None:
    """X1: 12 months from 10 December 2025 run to 10 December 2026, not "at least 1 December"."""
    check = talk.says("CrossShipIntent", product=NVR, purchaseDate="2026-12-10")
    assert check == (
        "Just to check: you bought your N. V. R. on 10 November, not 10 December 2025?"
    )
    decided = talk.says("PurchaseDetailsIntent", purchaseDate="2026-12")
    assert decided.startswith(
        "Yes, you can get an advance replacement for your N. V. R. until 10 December"
    )
    assert "at least" not in decided
    assert talk.yes() == "Done, I'll remember that. Anything else I can help with?"


def test_a_month_that_is_neither_reading_places_the_day_said_in_that_month(
    talk: Customer,
) -> None:
    """R1: "the 25th", then "no, September" (Alexa: 2027-09): 25 September 2026, as said."""
    talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-25", store=ZOSI_WEBSITE)
    decided = talk.says("PurchaseDetailsIntent", purchaseDate="2027-09")
    assert decided.startswith(
        "Sorry, the 30-day refund period for your camera ended on 25 October."
    )


def test_a_month_answer_matching_the_first_reading_confirms_it(talk: Customer) -> None:
    """R1: "the 25th", then "October": bought 25 October 2026, so the refund runs to 24 Nov."""
    talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-25", store=ZOSI_WEBSITE)
    decided = talk.says("PurchaseDetailsIntent", purchaseDate="2027-10")
    assert decided.startswith("Yes, you can return your camera for a full refund until 24 November")
    assert "at least" not in decided


def test_the_same_ambiguous_date_said_again_checks_its_other_reading_then_moves_on(
    talk: Customer,
) -> None:
    """R1: "the 25th" twice is no yes to 25 October: 25 November 2025 is checked, then no more."""
    talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-25", store=ZOSI_WEBSITE)
    other = talk.says("ReturnRefundIntent", purchaseDate="2026-11-25")
    assert other == "Just to check: you bought your camera on 25 November 2025?"
    moved_on = talk.says("ReturnRefundIntent", purchaseDate="2026-11-25")
    assert "Just to check" not in moved_on
    assert "ZOSI support can check yours" in moved_on


def test_the_checked_date_said_again_checks_its_other_reading(talk: Customer) -> None:
    """R1: "Just to check: ... on 25 October?" - "the 25th" again: then 25 November 2025?"""
    check = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-25")
    assert check == "Just to check: you bought your camera on 25 October, not 25 November 2025?"
    again = talk.says("ReturnRefundIntent", purchaseDate="2026-11-25")
    assert again == "Just to check: you bought your camera on 25 November 2025?"


# --- a delivery question about an order already placed (audit M6, L1 S007) ---------------------

KAZAN = ("Kazan", "kazan")


def test_s007_i_ordered_on_the_10th_counts_from_10_november(talk: Customer) -> None:
    """D4: "I ordered on the 10th" arrives as 2026-12-10; the order was placed on 10 November."""
    reply = talk.says("DeliveryTimeIntent", orderedOn="2026-12-10", region=KAZAN)
    assert reply.startswith(
        "Ordered on 10 November, it should arrive in Kazan between 17 November and 26 November."
    )
    assert "10 December" not in reply


def test_an_order_already_on_its_way_hears_how_to_follow_it(talk: Customer) -> None:
    """D5, from a fresh corpus: "I ordered a camera two weeks ago and it still isn't here, is
    that normal" heard the window and "Delivery is free", which the customer already had; the
    parcel on its way is followed by its tracking code, said in its place. An estimate for an
    order not yet placed still says delivery is free (D2)."""
    reply = talk.says("DeliveryTimeIntent", orderedOn="2026-12-10", region=KAZAN)
    assert "You can follow it with its tracking code, also in the AliExpress app." in reply
    assert "Delivery is free" not in reply, reply
    assert "Delivery is free." in talk.says("DeliveryTimeIntent", region=KAZAN)


def test_s007_no_wait_it_was_the_12th_corrects_the_order_day(talk: Customer) -> None:
    """D4: the correction arrives as a date alone (2026-12-12) and re-dates the same question."""
    talk.says("DeliveryTimeIntent", orderedOn="2026-12-10", region=KAZAN)
    corrected = talk.says("PurchaseDetailsIntent", purchaseDate="2026-12-12")
    assert corrected.startswith(
        "Ordered on 12 November, it should arrive in Kazan between 19 November and 30 November."
    )
    assert corrected != "What else would you like to know?"


def test_a_day_gone_by_said_after_an_estimate_from_today_is_the_order_day(
    talk: Customer,
) -> None:
    """D4: "my order still hasn't turned up" (heard as a delivery question) - "Ordered today,
    it should arrive ..." - "maybe two weeks ago" got a refund and warranty answer for a
    purchase: it is the day the order was placed, and the estimate counts from it."""
    first = talk.says("DeliveryTimeIntent")
    assert first.startswith("Ordered today"), first
    reply = talk.says("PurchaseDetailsIntent", purchaseDate="2026-W45")
    assert reply.startswith("Ordered on 2 November, it should arrive between"), reply
    assert "refund" not in reply, reply


def test_an_order_to_place_on_the_10th_is_still_10_december(talk: Customer) -> None:
    """D4: "if I order on the 10th" is a day ahead; a date said next is not taken as its day."""
    reply = talk.says("DeliveryTimeIntent", orderDate="2026-12-10", region=KAZAN)
    assert reply.startswith("Ordered on 10 December, it should arrive in Kazan between")
    assert talk.says("PurchaseDetailsIntent", purchaseDate="2026-12-12") == (
        "What else would you like to know?"
    )


def test_a_date_for_a_waiting_purchase_question_is_not_taken_as_an_order_day(
    talk: Customer,
) -> None:
    """R1: the purchase dialog asked for the date; the delivery detour does not take its answer."""
    assert talk.says("ReturnRefundIntent", product=CAMERA).endswith("When did you buy your camera?")
    detour = talk.says("DeliveryTimeIntent", orderedOn="2026-12-10", region=KAZAN)
    assert detour.endswith("Back to your camera: when did you buy it?")
    answer = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-10")
    assert answer.startswith("Where did you buy your camera?")


def test_a_date_check_left_for_another_question_dates_nothing_so_the_rule_comes_first(
    talk: Customer,
) -> None:
    """R1: "December 3rd" is checked, the customer asks about delivery instead and declines
    the offer there; "so can I still get a refund" then hears the rule before "When did you
    buy your camera?", never that question bare: a guessed date dates nothing."""
    checked = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-12-03")
    assert checked.startswith("Just to check:"), checked
    talk.says("DeliveryTimeIntent", region=("omsk", "omsk"))
    talk.no()  # the delivery region is not remembered
    asked = talk.says("ReturnRefundIntent")
    assert asked.startswith("A full refund is possible within 30 days of purchase"), asked
    assert asked.endswith("When did you buy your camera?")
