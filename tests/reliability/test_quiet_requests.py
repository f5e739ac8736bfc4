"""Requests no customer waits on get an empty response (issue 18, finding 15).

Alexa sends a custom skill more than conversation: errors about its last response, audio
player and playback events, messages, skill events it did not subscribe to. Each once got
the catch-all apology with the session left open. Now: no speech, no reprompt, the session
as it was, nothing raised, and no call to DynamoDB or the account API.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_valid_response
from tests.reliability.conftest import device

QUIET = [
    "System.ExceptionEncountered",
    "AudioPlayer.PlaybackStarted",
    "AudioPlayer.PlaybackFailed",
    "PlaybackController.NextCommandIssued",
    "Messaging.MessageReceived",
    "AlexaSkillEvent.ProactiveSubscriptionChanged",
    "Connections.Response",
    "CanFulfillIntentRequest",
    "Alexa.Presentation.HTML.Message",  # a kind this SDK cannot even parse
]


def _assert_silent(response):
    assert_valid_response(response)
    body = response["response"]
    assert "outputSpeech" not in body, body
    assert "reprompt" not in body, body
    assert body.get("shouldEndSession") is not False, body


@pytest.mark.parametrize("kind", QUIET)
def test_a_non_conversational_event_gets_an_empty_response(handler, nlu, kind):
    kitchen = device(handler, nlu)

    _assert_silent(handler(kitchen.session.skill_event(kind), None))


@pytest.mark.parametrize("kind", QUIET)
def test_a_non_conversational_request_inside_a_session_leaves_it_as_it_was(handler, nlu, kind):
    kitchen = device(handler, nlu)
    kitchen.say("open zosi care")
    envelope = kitchen.session.intent({"name": "AMAZON.HelpIntent"})
    envelope["request"] = {**envelope["request"], "type": kind}
    envelope["request"].pop("intent")

    _assert_silent(handler(envelope, None))
