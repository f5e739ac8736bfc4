"""Issue 17's Why examples that had no named test, as envelopes built directly.

Slot values are the words said, resolved against the shipped interaction model as Alexa
resolves them (`test_audit_major_findings.heard`). The rest of Why is in test_audit_findings.py,
test_date_conversation.py and test_audit_major_findings.py. Today is Friday 20 November 2026.
Rule IDs are POLICY.md's.
"""

from __future__ import annotations

from tests.e2e.test_audit_major_findings import say

# The fixtures: a customer talking to the real handler (the conversation spec's), and the
# unlinked customer of 20 November 2026 built on it.
from tests.e2e.test_audit_major_findings import talk as talk  # noqa: PLC0414
from tests.e2e.test_conversation_spec import Customer
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

# --- a question gets its fact, not a counter-question --------------------------------------------


def test_does_the_doorbell_come_with_a_warranty_gets_the_one_year_rule_first(
    talk: Customer,
) -> None:
    """W1, issue 17 step 3: "does the doorbell come with a warranty" got "When did you buy your
    doorbell?" and nothing else."""
    reply = say(talk, "WarrantyStatusIntent", product="doorbell")
    assert reply.startswith("Every ZOSI product has a one-year warranty"), reply


def test_customs_on_a_warranty_return_are_never_zosis(talk: Customer) -> None:
    """W9: "will I have to pay customs on a warranty return" got the warranty length."""
    reply = say(talk, "PolicyFactIntent", aspect="pay customs", topic="a warranty")
    assert reply.startswith("ZOSI doesn't pay customs clearance, duties, taxes or carrier fees")
    assert "12 months" not in reply, reply


def test_moved_abroad_who_pays_the_postage_for_a_faulty_doorbell_is_answered(
    talk: Customer,
) -> None:
    """W5, W6: "I moved abroad and the doorbell I bought in Russia is faulty, who pays the
    postage" got "Delivery is free, wherever you are in Russia"."""
    reply = say(
        talk,
        "WarrantyStatusIntent",
        product="doorbell",
        reason="is faulty",
        purchaseCountry="Russia",
        aspect="who pays the postage",
    )
    assert "Delivery is free" not in reply, reply
    assert not reply.startswith("When did you buy"), reply
    assert "pays the return shipping" in reply, reply


def test_where_orders_ship_from_is_the_moscow_warehouse(talk: Customer) -> None:
    """D3: "where do you ship orders from" fell to "I don't know that part of ZOSI's policy"."""
    reply = say(talk, "PolicyFactIntent", topic="ship orders from")
    assert reply.startswith("Every order leaves from ZOSI's warehouse in Moscow"), reply


# --- what the customer says is a fact, and nothing else is assumed -------------------------------


def test_two_years_from_a_friend_is_12_months(talk: Customer) -> None:
    """W1 decision: "my friend told me ZOSI gives two years" (topic "two years")."""
    reply = say(talk, "PolicyFactIntent", topic="two years")
    assert reply.startswith("Every ZOSI product has a 12-month warranty"), reply
    assert "gift" not in reply, reply


def test_my_friend_is_no_gift(talk: Customer) -> None:
    """R6: "my friend told me ZOSI gives two years" got "As it was a gift, ask the person who
    gave it to you": "my friend" was heard as the shop and taken for a gift."""
    reply = say(talk, "WarrantyStatusIntent", store="my friend")
    assert "gift" not in reply, reply
    assert "gave it to you" not in reply, reply


# --- a statement is a request ---------------------------------------------------------------------


def test_a_kit_ordered_on_october_23rd_that_my_wife_hates_is_a_refund_request(
    talk: Customer,
) -> None:
    """R1, R4: "I ordered a four-camera kit on October 23rd and my wife hates it" (Alexa: the
    next 23 October, 2027-10-23) got "What else would you like to know?". Bought 23 October
    2026, from the ZOSI website: the refund runs to 22 November, at the customer's cost."""
    asked = say(
        talk,
        "PurchaseDetailsIntent",
        product="camera kit",
        purchaseDate="2027-10-23",
        reason="my wife hates it",
    )
    assert "What else" not in asked, asked
    # R1, R2: until when first (22 November), for a purchase from ZOSI; then which shop
    assert asked.startswith("If you bought it from ZOSI or its official AliExpress store"), asked
    assert "until 22 November" in asked, asked
    assert asked.endswith(
        "Where did you buy it? On the ZOSI website, in ZOSI's official "
        "AliExpress store, or from another shop?"
    ), asked
    decided = say(talk, "PurchaseDetailsIntent", store="the ZOSI website")
    assert "full refund until 22 November" in decided, decided
    assert "you pay the return shipping" in decided, decided


def test_a_kit_from_last_christmas_with_two_dead_cameras_gets_the_warranty(
    talk: Customer,
) -> None:
    """W1, W2: "I got my kit last Christmas and two cameras stopped working" got "What else
    would you like to know?"."""
    reply = say(
        talk,
        "PurchaseDetailsIntent",
        product="kit",
        purchaseDate="2025-12-25",
        reason="two cameras stopped working",
    )
    assert reply.startswith("Yes, your kit is under the one-year warranty until 25 December"), reply


# --- no loops ------------------------------------------------------------------------------------


def test_it_was_a_present_to_the_date_question_gets_the_gift_answer_not_the_question_again(
    talk: Customer,
) -> None:
    """R6, issue 17 step 8: to "When did you buy your camera?", "I don't know, it was a present"
    (heard as the shop: a gift) got the date question again and again."""
    asked = say(talk, "ReturnRefundIntent", product="camera")
    assert asked.endswith("When did you buy your camera?"), asked
    replies = [say(talk, "PurchaseDetailsIntent", store="it was a present") for _ in range(2)]
    for reply in replies:
        assert "When did you buy" not in reply, reply
        assert "didn't catch" not in reply, reply
        assert "ask the person who gave it to you for a copy of the receipt" in reply, reply
