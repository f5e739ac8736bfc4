"""What the skill says: one :class:`~speech.voice.Voice` per language, SSML built in one place.

``say`` is the voice of the request being handled: the turn interceptor sets the
request's locale with :func:`use_locale`, and every ``say.X`` reads from that
locale's module. English (``speech.en``) serves every en-* locale; a request in
any other language gets only a short apology (``speech.unsupported``), since an
English answer would read its foreign slot text back; English still stands behind
anything said outside a conversation.
"""

from __future__ import annotations

from contextvars import ContextVar
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple, cast

from speech.ssml import Phrase

if TYPE_CHECKING:
    from speech import en
    from speech.voice import Voice

    _ENGLISH: Voice = en  # mypy checks that English implements every member of Voice


class Answer(NamedTuple):
    """A spoken answer and the card that goes with it."""

    speech: Phrase
    card_title: str
    card_body: Phrase


#: Language subtag -> module implementing Voice for it.
VOICES = {"en": "speech.en"}
DEFAULT_LANGUAGE = "en"

_LOCALE: ContextVar[str] = ContextVar("speech_locale", default="en-US")


def speaks(locale: str) -> bool:
    """Whether a voice is written for ``locale``'s language (else it gets an apology only)."""
    return locale.split("-", 1)[0].lower() in VOICES


def for_locale(locale: str) -> Voice:
    """The voice of ``locale`` ("en-GB" -> English), English where none is written yet."""
    language = locale.split("-", 1)[0].lower()
    module = VOICES.get(language, VOICES[DEFAULT_LANGUAGE])
    return cast("Voice", import_module(module))


def use_locale(locale: str) -> None:
    """Speak ``locale`` for the rest of this request (set once per request)."""
    _LOCALE.set(locale)


class _CurrentVoice:
    """Reads every name from the voice of the request being handled."""

    __slots__ = ()

    def __getattr__(self, name: str) -> object:
        return getattr(for_locale(_LOCALE.get()), name)


say = cast("Voice", _CurrentVoice())
