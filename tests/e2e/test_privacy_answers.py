"""Privacy questions get the fact asked first, whichever privacy intent carried them (P1-P9).

Envelopes built directly, slots resolved against the shipped interaction model as Alexa
resolves them (``tests.e2e.test_audit_major_findings.say``). Two privacy facts asked at once
are both answered, one short sentence each, in one breath. Rule IDs are POLICY.md's.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import CountingStore
from tests.e2e.test_audit_major_findings import AUDIT_DAY, say
from tests.e2e.test_audit_major_findings import talk as talk  # noqa: PLC0414
from tests.e2e.test_conversation_spec import Customer, Start
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

ONE_BREATH = 50


def _one_breath(reply: str) -> str:
    assert len(reply.split()) <= ONE_BREATH, reply
    assert "Do you want me to delete" not in reply, reply
    return reply


def test_p3_p1_is_my_data_encrypted_and_do_you_share_it_gets_both(talk: Customer) -> None:
    """ "Is my data encrypted, and do you share it with anyone" got the sharing half only."""
    reply = _one_breath(
        say(
            talk, "PrivacyPolicyIntent", topic="my data encrypted", alsoTopic="share it with anyone"
        )
    )
    assert reply.startswith("Your data is encrypted"), reply
    assert "isn't shared with anyone without your permission" in reply, reply


def test_p9_p3_how_long_do_you_keep_my_data_and_is_it_encrypted_gets_both(talk: Customer) -> None:
    """ "How long do you keep my data, and is it encrypted" got the keeping period only."""
    reply = _one_breath(
        say(
            talk,
            "PrivacyPolicyIntent",
            aspect="how long",
            topic="keep my data",
            alsoTopic="encrypted",
        )
    )
    assert "at most 3 years" in reply, reply
    assert "encrypted" in reply, reply


def test_p1_p9_who_sees_it_and_how_long_is_it_kept_gets_both(talk: Customer) -> None:
    """ "What happens with the stuff I tell you, like who sees it and how long is it kept" got
    the keeping period and not who sees it."""
    reply = _one_breath(say(talk, "PrivacyPolicyIntent", topic="who sees it", aspect="how long is"))
    assert reply.startswith("Your data isn't shared with anyone"), reply
    assert "at most 3 years" in reply, reply


@pytest.mark.parametrize(
    ("intent", "said"),
    [
        (
            "PrivacyPolicyIntent",
            {"topic": "my data get deleted"},
        ),  # "when does my data get deleted"
        ("PrivacyPolicyIntent", {"topic": "data you keep"}),  # "my data you keep how many year"
        # "how long will you keep the purchase date I told you"
        ("PolicyFactIntent", {"topic": "keep the purchase date", "aspect": "how long"}),
    ],
    ids=["when-deleted", "how-many-year", "the-purchase-date"],
)
def test_p9_when_is_my_data_deleted_gets_the_keeping_period(
    talk: Customer, intent: str, said: dict[str, str]
) -> None:
    """P9: these got the general data-use statement, or the purchase date's definition."""
    reply = _one_breath(say(talk, intent, **said))
    assert reply.startswith("I keep what you've asked me to remember for 400 days"), reply
    assert "at most 3 years" in reply, reply


def test_p5_closing_my_zosi_account_deletes_my_data(talk: Customer) -> None:
    """ "If I close my ZOSI account, what happens to my data" got the data-use statement."""
    reply = _one_breath(
        say(talk, "PolicyFactIntent", topic="close my ZOSI account", alsoTopic="my data")
    )
    assert "erase everything I've stored about you" in reply, reply


def test_p5_are_the_backups_deleted_too_gets_the_backups_first(talk: Customer) -> None:
    """ "Are the backups deleted too when I ask you to delete my data" got a delete offer."""
    reply = _one_breath(say(talk, "PrivacyPolicyIntent", topic="the backups"))
    assert reply.startswith("Backups are deleted too, as they roll over."), reply


def test_p7_my_twelve_year_old_wants_to_use_the_skill_needs_a_guardian(talk: Customer) -> None:
    """ "My twelve year old wants to use the skill to check on his camera, is that okay" got
    "Sorry, I don't know that part of ZOSI's policy"."""
    reply = _one_breath(say(talk, "PolicyFactIntent", topic="my twelve year old", product="camera"))
    assert "parent's or guardian's consent" in reply, reply


@pytest.mark.parametrize(
    ("intent", "said"),
    [
        # "I don't know if my account is connected to Alexa or not, can you look up my camera order"
        ("PolicyFactIntent", {"topic": "my account is connected", "product": "camera"}),
        ("PrivacyPolicyIntent", {"topic": "access to my ZOSI account"}),  # "why would you need"
    ],
    ids=["connected", "why-access"],
)
def test_p2_is_my_account_connected_says_how_to_link_it(
    talk: Customer, intent: str, said: dict[str, str]
) -> None:
    """P2: these got "I don't know that part of ZOSI's policy" or Fallback."""
    reply = _one_breath(say(talk, intent, **said))
    assert "link your ZOSI account in the Alexa app" in reply, reply


def test_p7_a_minors_linked_account_gets_the_fact_and_no_offer_to_check_it(
    customer: Start,
) -> None:
    """Linked to a minor's account without a guardian's consent, "how long is my warranty" got
    the fact and "Would you like me to check yours?", an offer to read that account."""
    talk = customer("demo-minor", now=AUDIT_DAY)
    reply = _one_breath(say(talk, "PolicyFactIntent", aspect="how long", topic="the warranty"))
    assert reply.startswith("Every ZOSI product has a 12-month warranty"), reply
    assert "parent's or guardian's consent" in reply, reply
    assert "check yours" not in reply, reply


def test_p7_a_consented_minors_account_is_still_offered_the_check(customer: Start) -> None:
    """P7: with a guardian's consent the account may be used, so the offer stands."""
    talk = customer("demo-minor-consented", now=AUDIT_DAY)
    reply = say(talk, "PolicyFactIntent", aspect="how long", topic="the warranty")
    assert "check yours" in reply, reply
    assert "guardian" not in reply, reply


def test_p5_how_do_i_delete_my_data_is_answered_then_done_on_a_yes(
    customer: Start, store: CountingStore
) -> None:
    """P5: "how do I delete my data" got "Say 'delete my data'... Anything else I can help
    with?", and "yes please delete it" then heard "What else would you like to know?": the
    customer had to learn the command and say it again. The how is said, then offered."""
    talk = customer()
    reply = _one_breath(talk.says("PolicyFactIntent", topic=("delete my data", "data_deletion")))
    assert reply.startswith("Say 'delete my data', and I erase everything"), reply
    assert reply.endswith("Shall I delete it all now?"), reply
    assert "delete" not in store.calls
    assert talk.yes().startswith("Done. I've deleted everything I had stored about you."), talk.last
    assert "delete" in store.calls


def test_p5_how_to_delete_asked_mid_dialog_goes_back_to_the_open_question(customer: Start) -> None:
    """P5: asked while the purchase date is awaited, the fact is said and the date asked
    again; nothing is offered for deletion, so a yes can never erase by mistake."""
    talk = customer()
    talk.says("ReturnRefundIntent", product=("camera", "camera"))
    reply = talk.says("PolicyFactIntent", topic=("delete my data", "data_deletion"))
    assert "Shall I delete" not in reply, reply
    assert "when did you buy" in reply.lower(), reply


def test_a_purchase_aspect_heard_as_a_privacy_question_gets_its_own_rule(customer: Start) -> None:
    """W8, X3: "how much will you hold on my card", "what happens if you find nothing wrong
    with my camera" and "what if it gets there late", heard as questions about data, got the
    privacy statement: an aspect no data has is answered by its own rule."""
    hold = customer().says("PrivacyPolicyIntent", aspect=("hold on my card", "card_hold"))
    assert hold.startswith("ZOSI puts a 30-day hold on your credit card"), hold
    late = customer().says("PrivacyPolicyIntent", aspect=("it gets there late", "late"))
    assert "within 30 days" in late, late
    fine = customer().says("PrivacyPolicyIntent", aspect=("find nothing wrong", "not_faulty"))
    assert "finds no fault" in fine, fine
    assert "remember" not in fine, fine
