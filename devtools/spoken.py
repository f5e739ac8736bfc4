"""What a listener hears of a response's speech, as text, and how long it is.

One place for both, so `chat`/`say`, `make answers-eval` and the test session's one-breath
report (tests/one_breath.py) read and count a turn the same way.
"""

from __future__ import annotations

import calendar
import html
import re
from typing import Final

#: The longest turn said in one breath (STYLE.md: the asked fact first, one follow-up,
#: at most 50 words).
ONE_BREATH_WORDS: Final = 50

_SAY_AS_DATE: Final = re.compile(r'<say-as interpret-as="date">([?\d]{8})</say-as>')
_TAG: Final = re.compile(r"<[^>]+>")


def _say_as_date(match: re.Match[str]) -> str:
    value = match.group(1)
    year, month, day = value[:4], int(value[4:6]), int(value[6:8])
    text = f"{day} {calendar.month_name[month]}"
    return text if year == "????" else f"{text} {year}"


def ssml_to_text(ssml: str) -> str:
    """What a listener hears, as text: dates read out, tags dropped, entities decoded."""
    text = _SAY_AS_DATE.sub(_say_as_date, ssml)
    text = _TAG.sub("", text)
    return html.unescape(text).strip()


def spoken_words(speech: str) -> int:
    """How many words a listener hears: whitespace-separated tokens of the text, SSML or not.

    Args:
        speech: An outputSpeech's SSML (or plain text).

    Returns:
        The number of words once tags are dropped and dates read out ("2 December" is two).
    """
    return len(ssml_to_text(speech).split())
