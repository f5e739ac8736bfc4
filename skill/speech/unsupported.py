"""What the skill says in a language it does not speak yet: one short apology, nothing else.

A request in a locale without a :class:`~speech.voice.Voice` (German, Japanese...) gets
this apology in its own language where one is written here, in English otherwise, and
the session ends. Nothing the customer said is read back: an English sentence around
German or Japanese slot text helps no one, and the transcript may be wrong.
"""

from __future__ import annotations

from typing import Final

#: Language subtag -> "Sorry, this skill only speaks English for now."
APOLOGIES: Final = {
    "de": "Entschuldigung, ZOSI Care spricht bisher nur Englisch.",
    "es": "Lo siento, por ahora ZOSI Care solo habla inglés.",
    "fr": "Désolé, pour l'instant ZOSI Care ne parle qu'anglais.",
    "it": "Mi dispiace, per ora ZOSI Care parla solo inglese.",
    "ja": "申し訳ありません。ZOSI Care は今のところ英語にしか対応していません。",
    "pt": "Desculpe, por enquanto a ZOSI Care só fala inglês.",
}
#: For every other language: said in English, which Alexa reads in that locale's voice.
FALLBACK: Final = "Sorry, ZOSI Care only speaks English for now."


def apology(locale: str) -> str:
    """The apology for ``locale`` ("de-DE" -> German), English where none is written."""
    return APOLOGIES.get(locale.split("-", 1)[0].lower(), FALLBACK)
