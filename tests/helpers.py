"""Helpers shared by the test layers: fixture envelopes and reading responses."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

EVENTS = Path(__file__).resolve().parent / "events"
MAX_SPEECH = 8000


def load_event(name: str) -> dict[str, Any]:
    """A fixture envelope from tests/events (``"launch"`` or ``"launch.json"``)."""
    file = name if name.endswith(".json") else f"{name}.json"
    event: dict[str, Any] = json.loads((EVENTS / file).read_text(encoding="utf-8"))
    return event


def speech_of(response: dict[str, Any]) -> str:
    """The response's SSML ("" when silent)."""
    speech = (response.get("response") or {}).get("outputSpeech") or {}
    return str(speech.get("ssml") or "")


def reprompt_of(response: dict[str, Any]) -> str:
    """The reprompt's SSML ("" when there is none)."""
    reprompt = (response.get("response") or {}).get("reprompt") or {}
    return str((reprompt.get("outputSpeech") or {}).get("ssml") or "")


def assert_valid_response(response: dict[str, Any]) -> None:
    """Invariants every response keeps: JSON-serialisable, well-formed SSML under 8,000
    characters, and an open session always ends with a question and carries a reprompt."""
    json.dumps(response)
    body = response["response"]
    for ssml in (speech_of(response), reprompt_of(response)):
        if ssml:
            assert len(ssml) <= MAX_SPEECH, len(ssml)
            root = ET.fromstring(ssml)
            assert root.tag == "speak"
    if body.get("shouldEndSession") is False:
        assert reprompt_of(response), "an open session needs a reprompt"
        spoken = "".join(ET.fromstring(speech_of(response)).itertext()).strip()
        assert spoken.endswith("?"), spoken


def directive_types(response: dict[str, Any]) -> list[str]:
    """The types of the response's directives, in order."""
    return [d["type"] for d in (response.get("response") or {}).get("directives") or []]


def require_openssl() -> None:
    """Skip, saying why, where the ``openssl`` command is missing (CA directories need it)."""
    import shutil

    import pytest

    if shutil.which("openssl") is None:
        pytest.skip("no openssl command: a hashed CA directory cannot be built")


def said(text: str) -> str:
    """An utterance as the local NLU compares it: its words, without apostrophes."""
    from devtools.nlu import words

    return " ".join(words(text)).replace("'", "")


def sentences_the_nlu_knows(locale: str = "en-US") -> set[str]:
    """Everything the local NLU was built or trained on, as `said` reads it.

    The interaction model's intent and slot samples, Amazon's built-in samples the simulator
    adds, and the out-of-domain sentences its classifier learns Fallback from. A held-out
    corpus line must be none of them.
    """
    from devtools.models import load_model
    from devtools.nlu import BUILT_IN_SAMPLES
    from devtools.nlu_classifier import OUT_OF_DOMAIN

    intents = load_model(locale)["interactionModel"]["languageModel"]["intents"]
    known = {
        said(sample)
        for intent in intents
        for sample in [
            *intent.get("samples", []),
            *(s for slot in intent.get("slots", []) for s in slot.get("samples", [])),
        ]
    }
    known |= {said(sample) for samples in BUILT_IN_SAMPLES.values() for sample in samples}
    known |= {said(sentence) for sentence in OUT_OF_DOMAIN}
    return known
