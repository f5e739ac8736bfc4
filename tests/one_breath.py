"""The one-breath report: how long every answer the skill speaks in the test session is.

A pytest plugin, registered by tests/conftest.py. Its session fixture wraps
``ask_sdk_core.skill.CustomSkill.invoke``, the one place every response of the skill passes
whatever way a test builds the handler, and records the words of each response's speech and,
apart, of its reprompt (SSML dropped, dates read out: `devtools.spoken.spoken_words`, the count
`make answers-eval` uses too). At the end of the session it reports the turns over
`ONE_BREATH_WORDS` and the longest ones with the test that heard each. With
`ONE_BREATH_ENFORCED`, any such turn fails the session.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

import pytest
from ask_sdk_core.skill import CustomSkill

from devtools.spoken import ONE_BREATH_WORDS, spoken_words, ssml_to_text

#: Whether a spoken turn over ONE_BREATH_WORDS (50, STYLE.md's one breath, kept in
#: devtools.spoken for the answers eval too) fails the session (issue 17: on; the suite and the
#: answer corpus produce no longer turn). The report prints either way.
ONE_BREATH_ENFORCED = True
LONGEST_SHOWN: Final = 10
_QUOTED: Final = 90


@dataclass(frozen=True)
class Spoken:
    """One thing the skill said: an answer's speech or its reprompt."""

    test: str
    kind: str
    words: int
    text: str


def _speech(output_speech: Any) -> str:
    """The SSML (or plain text) of an SDK OutputSpeech, "" when there is none."""
    if output_speech is None:
        return ""
    return str(getattr(output_speech, "ssml", None) or getattr(output_speech, "text", None) or "")


class OneBreath:
    """Records what the skill says in the session and reports what takes more than a breath."""

    NAME: Final = "one-breath"

    def __init__(self) -> None:
        """Nothing recorded yet."""
        self.spoken: list[Spoken] = []
        self._test = "(outside any test)"

    def record(self, response_envelope: Any) -> None:
        """Note the speech and the reprompt of one response envelope of the SDK."""
        response = getattr(response_envelope, "response", None)
        if response is None:
            return
        reprompt = getattr(response, "reprompt", None)
        for kind, speech in (
            ("speech", _speech(response.output_speech)),
            ("reprompt", _speech(getattr(reprompt, "output_speech", None))),
        ):
            if speech:
                self.spoken.append(
                    Spoken(self._test, kind, spoken_words(speech), ssml_to_text(speech))
                )

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        """Record every response `CustomSkill.invoke` returns inside the block."""
        invoke = CustomSkill.invoke

        def recorded(skill: CustomSkill, *args: Any, **kwargs: Any) -> Any:
            response_envelope = invoke(skill, *args, **kwargs)
            self.record(response_envelope)
            return response_envelope

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(CustomSkill, "invoke", recorded)
            yield

    @property
    def too_long(self) -> list[Spoken]:
        """Everything said in more than one breath, longest first."""
        return sorted(
            (s for s in self.spoken if s.words > ONE_BREATH_WORDS), key=lambda s: -s.words
        )

    def report(self) -> list[str]:
        """The report's lines: the turns over the limit, then the longest turns and their tests."""
        answers = [s for s in self.spoken if s.kind == "speech"]
        if not answers:
            return ["no spoken answers recorded"]
        over = [s for s in self.too_long if s.kind == "speech"]
        reprompts = [s for s in self.too_long if s.kind == "reprompt"]
        enforced = "enforced" if ONE_BREATH_ENFORCED else "not enforced (ONE_BREATH_ENFORCED)"
        lines = [
            f"{len(over)} of {len(answers)} spoken answers ({len(over) / len(answers):.1%}) and "
            f"{len(reprompts)} reprompts are over {ONE_BREATH_WORDS} words; {enforced}",
            f"the {LONGEST_SHOWN} longest:",
        ]
        for spoken in sorted(self.spoken, key=lambda s: -s.words)[:LONGEST_SHOWN]:
            quoted = spoken.text if len(spoken.text) <= _QUOTED else spoken.text[:_QUOTED] + "..."
            lines.append(f"  {spoken.words:4} words  {spoken.kind:<8} {spoken.test}")
            lines.append(f"             {quoted}")
        return lines

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Iterator[None]:
        """Note which test is running, so each recorded turn names it."""
        self._test = item.nodeid
        try:
            return (yield)
        finally:
            self._test = "(between tests)"

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Fail an otherwise passing session for a turn over the limit, when enforced."""
        if ONE_BREATH_ENFORCED and self.too_long and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Print the report; when enforced and broken, list every offender."""
        terminalreporter.section("one breath")
        for line in self.report():
            terminalreporter.write_line(line)
        if ONE_BREATH_ENFORCED and self.too_long:
            terminalreporter.write_line(f"FAILED: every turn over {ONE_BREATH_WORDS} words:")
            for spoken in self.too_long:
                terminalreporter.write_line(f"  {spoken.words:4} {spoken.kind:<8} {spoken.test}")
        if self.too_long and terminalreporter.config.getoption("verbose") > 1:  # -vv: the words
            for spoken in self.too_long:
                terminalreporter.write_line(f"  {spoken.words:4} {spoken.text}")
