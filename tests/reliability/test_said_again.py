""" "Say that again" renders the last words again; no SSML travels round trip (issue 18, 4).

The ``said`` attribute used to carry the last response's SSML, spoken again on "say that
again" and when an offer was asked again after a side question: markup placed there was
spoken (an ``<audio src=...>`` played), could break the response's SSML, and a forged
16,000-character ``said`` made a 32 KB response, over Alexa's limit; forged ``elicit`` names
went out in ``Dialog.ElicitSlot``. Now the attribute keeps phrases, rendered again through the
one SSML builder (every piece of text escaped), capped in size, and an elicited slot goes out
again only if the skill elicits it.
"""

from __future__ import annotations

import json

import pytest

from speech import en
from tests.helpers import assert_valid_response, directive_types, reprompt_of, speech_of
from tests.reliability.conftest import device, heard, say

AUDIO = "<audio src='https://evil.example/x.mp3'/>"
BROKEN = "</speak><speak>"
REPEAT = {"name": "AMAZON.RepeatIntent", "confirmationStatus": "NONE"}
#: Alexa refuses a response larger than this (bytes of JSON).
ALEXA_RESPONSE_LIMIT = 24 * 1024

FORGED_SAID = [
    pytest.param({"speech": f"Hello {AUDIO}", "reprompt": f"Again {AUDIO}?"}, id="ssml-with-audio"),
    pytest.param({"speech": f"Hello {BROKEN}", "reprompt": "Again?"}, id="ssml-broken"),
    pytest.param({"speech": "z" * 7_990, "reprompt": "z" * 7_990 + "?"}, id="16000-characters"),
    pytest.param({"s": [f"Hello {AUDIO}"], "q": [f"Again {AUDIO}?"], "r": ["?"]}, id="phrases"),
    pytest.param({"s": ["z" * 16_000], "q": ["?"], "r": ["?"]}, id="phrases-16000"),
]


def mid_session(conversation, intent, attributes):
    """An envelope in ``conversation``'s open session, carrying forged ``attributes``."""
    envelope = conversation.session.intent(intent)
    envelope["session"]["new"] = False
    envelope["session"]["attributes"] = {**envelope["session"]["attributes"], **attributes}
    return envelope


def assert_no_markup_from_the_attribute(response):
    assert_valid_response(response)
    for ssml in (speech_of(response), reprompt_of(response)):
        assert "<audio" not in ssml, ssml
        assert "evil.example" not in ssml or "&lt;audio" in ssml, ssml
        assert ssml.count("<speak>") <= 1, ssml
    assert len(json.dumps(response).encode()) < ALEXA_RESPONSE_LIMIT


@pytest.mark.parametrize("forged", FORGED_SAID)
def test_say_that_again_never_speaks_markup_or_a_forged_size_from_the_session(handler, nlu, forged):
    kitchen = device(handler, nlu)
    say(kitchen, "how long does delivery to kazan take")

    response = handler(mid_session(kitchen, REPEAT, {"said": forged}), None)

    assert_no_markup_from_the_attribute(response)


@pytest.mark.parametrize("forged", FORGED_SAID)
def test_an_offer_asked_again_after_a_side_question_is_rendered_again(handler, nlu, forged):
    """The offer to remember Kazan stays open across "how long is the warranty"."""
    kitchen = device(handler, nlu)
    say(kitchen, "how long does delivery to kazan take")
    side = {"name": "PolicyFactIntent", "confirmationStatus": "NONE", "slots": {}}

    response = handler(mid_session(kitchen, side, {"said": forged}), None)

    assert_no_markup_from_the_attribute(response)


def test_say_that_again_repeats_the_last_words_exactly(handler, nlu):
    kitchen = device(handler, nlu)
    first = kitchen.say("how long does delivery to kazan take").response

    again = handler(kitchen.session.intent(REPEAT), None)

    assert speech_of(again) == speech_of(first)
    assert reprompt_of(again) == reprompt_of(first)
    assert en.OFFER_REMEMBER_REGION.format(region="Kazan") in heard(again)


@pytest.mark.parametrize(
    "elicit",
    [["ReturnRefundIntent", "injectedSlot"], ["EvilIntent", "store"], ["A", "b" * 60]],
    ids=["unknown-slot", "unknown-intent", "nonsense"],
)
def test_a_forged_elicit_never_goes_out_in_dialog_elicit_slot(handler, nlu, elicit):
    kitchen = device(handler, nlu)
    say(kitchen, "can I return my camera")
    forged = {"s": ["Hello. "], "q": ["Where did you buy it?"], "r": ["Where?"], "e": elicit}
    old_forged = {"speech": "Hello", "reprompt": "Where?", "elicit": elicit}

    for said in (forged, old_forged):
        response = handler(mid_session(kitchen, REPEAT, {"said": said}), None)

        assert_valid_response(response)
        for directive in response["response"].get("directives") or []:
            if directive["type"] == "Dialog.ElicitSlot":
                assert [directive["updatedIntent"]["name"], directive["slotToElicit"]] != elicit


def test_an_elicited_slot_is_elicited_again_on_say_that_again(handler, nlu):
    kitchen = device(handler, nlu)
    asked = kitchen.say("can I return my camera").response
    assert "Dialog.ElicitSlot" in directive_types(asked)

    again = handler(kitchen.session.intent(REPEAT), None)

    assert directive_types(again) == directive_types(asked)
    assert speech_of(again) == speech_of(asked)
