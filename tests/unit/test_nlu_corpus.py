"""The customer corpus in tests/nlu/ is a held-out Alexa NLU annotation set."""

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools.models import load_model
from devtools.nlu import BUILT_IN_SAMPLES, words
from devtools.nlu_classifier import OUT_OF_DOMAIN

CORPUS = Path(__file__).resolve().parents[1] / "nlu" / "customers.en-US.json"
BUILT_INS = (
    "AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent",
    "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent",
)  # fmt: skip


@pytest.fixture(scope="module")
def lines() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))["data"]
    return data


@pytest.fixture(scope="module")
def intents() -> dict[str, dict[str, Any]]:
    language = load_model("en-US")["interactionModel"]["languageModel"]
    return {intent["name"]: intent for intent in language["intents"]}


def said(text: str) -> str:
    return " ".join(words(text)).replace("'", "")


def test_every_line_has_the_annotation_set_shape(lines):
    for line in lines:
        assert set(line) == {"inputs", "expected"}
        assert set(line["inputs"]) == {"utterance", "referenceTimestamp"}
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", line["inputs"]["referenceTimestamp"]
        )
        (expected,) = line["expected"]
        assert set(expected["intent"]) <= {"name", "slots"}
        for slot in expected["intent"].get("slots", {}).values():
            assert set(slot) == {"value"}


def test_utterances_are_speech_transcripts(lines):
    for line in lines:
        utterance = line["inputs"]["utterance"]
        assert utterance == utterance.lower(), utterance
        assert not re.search(r"\d", utterance), utterance


def test_there_are_enough_lines_for_every_intent_and_out_of_domain(lines, intents):
    counts = Counter(line["expected"][0]["intent"]["name"] for line in lines)
    custom = [name for name in intents if not name.startswith("AMAZON.")]
    assert len(lines) >= 600
    assert {name: counts[name] for name in [*custom, *BUILT_INS] if counts[name] < 25} == {}
    assert counts["AMAZON.FallbackIntent"] >= 40
    assert set(counts) <= set(intents)


def test_expected_slots_are_declared_by_their_intent(lines, intents):
    for line in lines:
        intent = line["expected"][0]["intent"]
        declared = {slot["name"] for slot in intents[intent["name"]].get("slots", [])}
        assert set(intent.get("slots", {})) <= declared, line["inputs"]["utterance"]


def test_no_line_is_a_sample_the_nlu_was_built_or_trained_on(lines, intents):
    known = {
        said(sample)
        for intent in intents.values()
        for sample in [
            *intent.get("samples", []),
            *(s for slot in intent.get("slots", []) for s in slot.get("samples", [])),
        ]
    }
    known |= {said(sample) for samples in BUILT_IN_SAMPLES.values() for sample in samples}
    known |= {said(sentence) for sentence in OUT_OF_DOMAIN}
    assert [
        line["inputs"]["utterance"] for line in lines if said(line["inputs"]["utterance"]) in known
    ] == []
