"""The one place where speech becomes SSML.

Everything the skill says is a :data:`Phrase`: a tuple of plain-text pieces and
:class:`When` dates. Plain text is always escaped here, never by a caller, so a
slot value such as ``"AT&T <shop>"`` can never break the markup. Dates are spoken
with ``say-as interpret-as="date"`` (the year left out when it is the current
one, as people say it), and written out in full on cards. Output is bounded to
Alexa's 8,000-character limit for a speech or reprompt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

#: Alexa rejects an outputSpeech longer than this (SSML tags included).
MAX_SPEECH_CHARS = 8000
#: The longest turn said in one breath (STYLE.md): the fact asked first, one follow-up.
ONE_BREATH_WORDS = 50
_ELLIPSIS = "…"
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
#: Locales whose customers write the month first on paper ("November 21, 2026").
_MONTH_FIRST_LOCALES = frozenset({"en-US", "en-CA"})
#: Characters that are not allowed in XML 1.0 at all; they are dropped, not escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
#: XML's five special characters and their entities (xml.sax.saxutils would do the same,
#: but importing it pulls in urllib.request, http.client and email: ~25 ms of cold start).
_XML_ENTITIES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}
)
_LINE_SPACES = re.compile(r"[^\S\n]+")


class _Marked:
    """A piece of a phrase that is not plain text: one value, compared by value.

    Plain slotted classes rather than dataclasses: every cold start defines them,
    and a frozen dataclass costs about ten times as much to create.
    """

    __slots__ = ("_value",)

    def __init__(self, value: object) -> None:
        self._value = value

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Marked) and type(other) is type(self) and other._value == self._value
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._value))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._value!r})"


class When(_Marked):
    """A calendar date inside a phrase."""

    __slots__ = ()

    def __init__(self, day: date) -> None:
        super().__init__(day)

    @property
    def day(self) -> date:
        """The date."""
        value: date = self._value  # type: ignore[assignment]
        return value


class Telephone(_Marked):
    """A phone number, read digit group by digit group."""

    __slots__ = ()

    def __init__(self, number: str) -> None:
        super().__init__(number)

    @property
    def number(self) -> str:
        """The number as written."""
        return str(self._value)


class Spell(_Marked):
    """A code read out character by character (a tracking number, a request id)."""

    __slots__ = ()

    def __init__(self, text: str) -> None:
        super().__init__(text)

    @property
    def text(self) -> str:
        """The code."""
        return str(self._value)


Piece = str | When | Telephone | Spell
Phrase = tuple[Piece, ...]


def phrase(*pieces: Piece | Phrase | None) -> Phrase:
    """Join pieces and phrases into one phrase, dropping ``None`` and empty parts."""
    out: list[Piece] = []
    for piece in pieces:
        if piece is None or piece == "":
            continue
        if isinstance(piece, tuple):
            out.extend(piece)
        else:
            out.append(piece)
    return tuple(out)


#: The end of a sentence: never the period of a spelled-out letter ("N. V. R.").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.?!](?=\s|$)")


def _split_after_first_sentence(speech: Phrase) -> tuple[Phrase, Phrase]:
    """The pieces of ``speech`` up to the end of its first sentence, and those after it.

    "Yes, your N. V. R. is under warranty ..." is one sentence: a capital letter alone
    before a period is a product's name read letter by letter, not a sentence's end.
    """
    for index, piece in enumerate(speech):
        if isinstance(piece, str):
            end = _SENTENCE_END.search(piece)
            if end is not None:
                rest = (piece[end.end() :].lstrip(), *speech[index + 1 :])
                head = (*speech[:index], piece[: end.end()])
                return head, tuple(part for part in rest if part != "")
    return tuple(speech), ()


def first_sentence(speech: Phrase) -> Phrase:
    """The pieces of ``speech`` up to the end of its first sentence (all of it if one)."""
    return _split_after_first_sentence(speech)[0]


def after_first_sentence(speech: Phrase) -> Phrase:
    """The pieces of ``speech`` after its first sentence (empty when it is one sentence)."""
    return _split_after_first_sentence(speech)[1]


def clean_text(text: str, *, keep_lines: bool = False) -> str:
    """Drop characters XML cannot carry; fold white space (newlines too, unless kept)."""
    spaces = _LINE_SPACES if keep_lines else _SPACES
    return spaces.sub(" ", _XML_ILLEGAL.sub("", text))


def escape(text: str) -> str:
    """Escape text for use inside SSML elements and attribute values."""
    return text.translate(_XML_ENTITIES)


def _spoken_date(day: date, current_year: int) -> str:
    year = "????" if day.year == current_year else f"{day.year:04d}"
    return f'<say-as interpret-as="date">{year}{day.month:02d}{day.day:02d}</say-as>'


def written_date(day: date, locale: str) -> str:
    """A date as a customer in ``locale`` writes it: "November 21, 2026" or "21 November 2026"."""
    month = _MONTHS[day.month - 1]
    if locale in _MONTH_FIRST_LOCALES:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def to_ssml(pieces: Iterable[Piece], current_year: int, limit: int = MAX_SPEECH_CHARS) -> str:
    """Render a phrase as the inner SSML of a ``<speak>`` element.

    The result, wrapped in ``<speak>``, is at most ``limit`` characters (Alexa's
    8,000 by default).
    When a phrase would be too long (only possible with absurd slot values), whole
    pieces are dropped from the end and an ellipsis ends the text, so the markup
    stays well-formed and the answer's beginning (the decision) survives.
    """
    budget = limit - len("<speak></speak>") - len(_ELLIPSIS)
    rendered: list[str] = []
    used = 0
    for piece in pieces:
        if isinstance(piece, When):
            part = _spoken_date(piece.day, current_year)
        elif isinstance(piece, Telephone):
            part = f'<say-as interpret-as="telephone">{escape(clean_text(piece.number))}</say-as>'
        elif isinstance(piece, Spell):
            part = f'<say-as interpret-as="characters">{escape(clean_text(piece.text))}</say-as>'
        else:
            part = escape(clean_text(piece))
        if used + len(part) > budget:
            if isinstance(piece, str):
                room = budget - used
                cut = escape(clean_text(piece)[: max(room // 6, 0)])  # worst-case escaping is 6x
                rendered.append(cut)
            rendered.append(_ELLIPSIS)
            break
        rendered.append(part)
        used += len(part)
    return "".join(rendered).strip()


def to_text(pieces: Iterable[Piece], locale: str) -> str:
    """Render a phrase as plain text for a card, dates written out for the locale."""
    return "".join(_written(piece, locale) for piece in pieces).strip()


def _written(piece: Piece, locale: str) -> str:
    if isinstance(piece, When):
        return written_date(piece.day, locale)
    if isinstance(piece, Telephone):
        return piece.number
    if isinstance(piece, Spell):
        return piece.text
    return clean_text(piece, keep_lines=True)


def phrase_to_json(pieces: Phrase) -> list[object]:
    """A phrase as JSON-safe data, to be rendered again later (never its SSML).

    Plain text stays a string; a date, a telephone number and a spelled code become
    ``{"d": "YYYY-MM-DD"}``, ``{"t": number}`` and ``{"c": code}``.
    """
    out: list[object] = []
    for piece in pieces:
        if isinstance(piece, When):
            out.append({"d": piece.day.isoformat()})
        elif isinstance(piece, Telephone):
            out.append({"t": piece.number})
        elif isinstance(piece, Spell):
            out.append({"c": piece.text})
        else:
            out.append(piece)
    return out


def phrase_from_json(data: object) -> Phrase | None:
    """The phrase :func:`phrase_to_json` made, or None for anything it could not have made.

    Its text is plain text: rendered again through :func:`to_ssml`, markup in it is
    escaped and spoken as words, never played.
    """
    if not isinstance(data, list):
        return None
    pieces: list[Piece] = []
    for item in data:
        if isinstance(item, str):
            pieces.append(item)
            continue
        if not isinstance(item, dict) or len(item) != 1:
            return None
        ((kind, value),) = item.items()
        if not isinstance(value, str):
            return None
        if kind == "d":
            try:
                pieces.append(When(date.fromisoformat(value)))
            except ValueError:
                return None
        elif kind == "t":
            pieces.append(Telephone(value))
        elif kind == "c":
            pieces.append(Spell(value))
        else:
            return None
    return tuple(pieces)
