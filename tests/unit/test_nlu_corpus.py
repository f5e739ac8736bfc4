"""The customer corpus in tests/nlu/ is a held-out Alexa NLU annotation set."""

import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from devtools import nlu_eval
from devtools.models import load_model
from devtools.nlu_eval import Report, evaluate, load_corpus
from tests.helpers import said, sentences_the_nlu_knows

CORPUS = Path(__file__).resolve().parents[1] / "nlu" / "customers.en-US.json"
BLIND = CORPUS.with_name("blind.en-US.json")
BUILT_INS = (
    "AMAZON.YesIntent", "AMAZON.NoIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent",
    "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent", "AMAZON.RepeatIntent",
)  # fmt: skip


@pytest.fixture(scope="module")
def lines() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))["data"]
    return data


@pytest.fixture(scope="module")
def intents() -> dict[str, dict[str, Any]]:
    language = load_model("en-US")["interactionModel"]["languageModel"]
    return {intent["name"]: intent for intent in language["intents"]}


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


def test_no_line_is_a_sample_the_nlu_was_built_or_trained_on(lines):
    known = sentences_the_nlu_knows("en-US")
    assert [
        line["inputs"]["utterance"] for line in lines if said(line["inputs"]["utterance"]) in known
    ] == []


def test_no_line_of_either_corpus_is_a_fallback_sample_of_the_model(intents):
    # The out-of-domain samples train Alexa's Fallback model and the local classifier's
    # Fallback class; the blind corpus, not filtered against the other samples, must still
    # not find its out-of-domain lines among them.
    fallback = {said(sample) for sample in intents["AMAZON.FallbackIntent"]["samples"]}
    assert fallback
    for path in (CORPUS, BLIND):
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
        utterances = [line["inputs"]["utterance"] for line in data]
        assert [u for u in utterances if said(u) in fallback] == [], path.name


# What the local NLU achieves on the corpus with the current en-US samples, rounded down, so
# a change that understands customers worse fails. Raise them as the samples and the classifier
# improve. Issue 9's target: intent >= 97%, slot >= 95%, every out-of-domain line to Fallback,
# exact sample matching alone >= 60%.
# Issue 17 (96.9% when lowered): the aspect and condition slots and their carriers move a few
# lines to an intent that gives the same answer ("how many days do I have for a return" is now
# ReturnRefundIntent asking how long, answered with the 30 days as PolicyFactIntent was, and
# "is my data shared" PrivacyPolicyIntent with its topic). What customers hear is held by the
# answer corpus's floors (tests/unit/test_answers_corpus.py); intent accuracy is a diagnostic.
# One draw of the classifier's training words (seed 0) is measured, and draws differ by about
# half a point: at 966c1f3, seeds 0-3 gave 96.2%, 95.8%, 96.4% and 95.9%; with the condition,
# fault and country synonyms after it, 95.9%, 96.2%, 96.4% and 96.2% (a higher mean, a lower
# seed 0; the lines that moved are one-word yes/no lines the classifier guesses either way). The
# floor is the lowest draw rounded down, so it catches a real fall, not a reshuffle.
INTENT_FLOOR = 0.955
SLOT_FLOOR = 0.98
OUT_OF_DOMAIN_FLOOR = 1.0
EXACT_FLOOR = 0.22


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load_corpus(CORPUS))


def test_the_nlu_understands_the_corpus_at_least_as_well_as_it_did(report):
    assert report.intent_accuracy >= INTENT_FLOOR
    assert report.slot_accuracy >= SLOT_FLOOR
    assert report.out_of_domain_recall >= OUT_OF_DOMAIN_FLOOR
    assert report.exact_coverage >= EXACT_FLOOR


def test_nlu_eval_prints_the_figures_and_writes_them_as_json(tmp_path):
    corpus = tmp_path / "corpus.json"
    stamp = "2026-11-21T09:00:00.000Z"
    corpus.write_text(
        json.dumps(
            {
                "data": [
                    {
                        "inputs": {"utterance": "delete my data", "referenceTimestamp": stamp},
                        "expected": [{"intent": {"name": "DeleteMyDataIntent"}}],
                    },
                    {
                        "inputs": {
                            "utterance": "is my n. v. r. covered",
                            "referenceTimestamp": stamp,
                        },
                        "expected": [
                            {
                                "intent": {
                                    "name": "ReturnRefundIntent",
                                    "slots": {"product": {"value": "nvr"}},
                                }
                            }
                        ],
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    output, out = tmp_path / "nlu.json", io.StringIO()
    assert nlu_eval.main(["--corpus", str(corpus), "--output", str(output)], out) == 0
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert figures["intent_accuracy"] == 0.5
    assert figures["in_domain_accuracy"] == 0.5
    assert figures["exact_coverage"] == 0.5
    assert figures["confusions"] == [
        {"expected": "ReturnRefundIntent", "got": "WarrantyStatusIntent", "count": 1}
    ]
    assert "intent accuracy" in out.getvalue()


def test_nlu_eval_measures_another_fallback_sensitivity_than_the_models(tmp_path):
    corpus = tmp_path / "corpus.json"
    stamp = "2026-11-21T09:00:00.000Z"
    line = {
        "inputs": {"utterance": "tell me a joke about cats", "referenceTimestamp": stamp},
        "expected": [{"intent": {"name": "AMAZON.FallbackIntent"}}],
    }
    corpus.write_text(json.dumps({"data": [line]}), encoding="utf-8")
    output, out = tmp_path / "nlu.json", io.StringIO()
    argv = ["--corpus", str(corpus), "--output", str(output), "--sensitivity", "HIGH"]
    assert nlu_eval.main(argv, out) == 0
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert (figures["sensitivity"], figures["out_of_domain_recall"]) == ("HIGH", 1.0)
    assert "fallbackIntentSensitivity HIGH" in out.getvalue()
