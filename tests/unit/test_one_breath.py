"""The one-breath report hears every answer of the session, counts its words and can fail it."""

from types import SimpleNamespace

import pytest
from ask_sdk_model import Response, ResponseEnvelope
from ask_sdk_model.ui import PlainTextOutputSpeech, Reprompt, SsmlOutputSpeech

import app
from adapters.store import InMemoryUserStore
from devtools.cli import local_environment
from devtools.fixtures import FIXTURE_TIME
from devtools.spoken import spoken_words
from handlers.context import Services
from settings import Settings
from tests import one_breath
from tests.helpers import load_event
from tests.one_breath import OneBreath


def envelope(speech: str, reprompt: str | None = None) -> ResponseEnvelope:
    return ResponseEnvelope(
        response=Response(
            output_speech=SsmlOutputSpeech(ssml=f"<speak>{speech}</speak>"),
            reprompt=Reprompt(PlainTextOutputSpeech(text=reprompt)) if reprompt else None,
        )
    )


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_speech_and_reprompt_are_counted_apart_without_their_tags():
    recorder = OneBreath()

    recorder.record(envelope(f'{words(3)} <break time="1s"/> {words(2)}', words(4)))
    recorder.record(ResponseEnvelope(response=None))

    assert [(s.kind, s.words) for s in recorder.spoken] == [("speech", 5), ("reprompt", 4)]


def test_the_report_names_the_turns_over_the_limit_and_the_tests_that_heard_the_longest():
    recorder = OneBreath()
    recorder._test = "tests/x.py::test_long"
    recorder.record(envelope(words(51), words(60)))
    recorder._test = "tests/x.py::test_short"
    recorder.record(envelope(words(50)))

    lines = recorder.report()

    assert lines[0].startswith("1 of 2 spoken answers (50.0%) and 1 reprompts are over 50 words")
    assert [line.split()[:3] for line in lines[2::2]] == [
        ["60", "words", "reprompt"],
        ["51", "words", "speech"],
        ["50", "words", "speech"],
    ]
    assert lines[2].endswith("tests/x.py::test_long")
    assert OneBreath().report() == ["no spoken answers recorded"]


@pytest.mark.parametrize(("enforced", "status"), [(False, 0), (True, 1)])
def test_a_turn_over_the_limit_fails_the_session_only_when_enforced(monkeypatch, enforced, status):
    monkeypatch.setattr(one_breath, "ONE_BREATH_ENFORCED", enforced)
    recorder = OneBreath()
    recorder.record(envelope(words(51)))
    session = SimpleNamespace(exitstatus=pytest.ExitCode.OK)

    recorder.pytest_sessionfinish(session)

    assert session.exitstatus == status


def test_every_answer_the_skill_gives_in_a_test_is_recorded_with_the_test(request, one_breath):
    store = InMemoryUserStore(clock=lambda: FIXTURE_TIME)
    handler = app.make_handler(Services(Settings.from_env(local_environment({})), store))
    before = len(one_breath.spoken)

    response = handler(load_event("launch"), None)

    heard = one_breath.spoken[before:]
    assert [(s.kind, s.test) for s in heard] == [
        ("speech", request.node.nodeid),
        ("reprompt", request.node.nodeid),
    ]
    assert heard[0].words == spoken_words(response["response"]["outputSpeech"]["ssml"]) > 0
