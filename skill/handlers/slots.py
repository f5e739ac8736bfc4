"""Reading slots the way Alexa fills them, entity resolution included."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.slu.entityresolution.status_code import StatusCode

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent

E = TypeVar("E", bound=StrEnum)

#: Longer slot values are cut: no one says a 100-character shop name, and the skill
#: repeats unmatched values back ("I don't know the shop ...").
MAX_SPOKEN = 100


class SlotReading(NamedTuple):
    """One slot: what was heard, and what it resolved to (if anything)."""

    spoken: str | None = None
    id: str | None = None
    name: str | None = None
    confirmation: str = "NONE"

    @property
    def unmatched(self) -> bool:
        """Words filled the slot but matched none of its values (ER_SUCCESS_NO_MATCH)."""
        return self.spoken is not None and self.id is None


def current_intent(handler_input: HandlerInput) -> Intent:
    """The intent of an IntentRequest (handlers call this only after ``is_intent_name``).

    Raises:
        TypeError: the request carries no intent.
    """
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        raise TypeError("not an intent request")
    return request.intent


def read_slot(intent: Intent, name: str) -> SlotReading:
    """Read slot ``name`` of ``intent``: empty when absent or blank."""
    slot = (intent.slots or {}).get(name)
    if slot is None:
        return SlotReading()
    confirmation = getattr(slot.confirmation_status, "value", None) or "NONE"
    text = slot.value.strip()[:MAX_SPOKEN] if isinstance(slot.value, str) else ""
    spoken = text or None
    if spoken is None:
        return SlotReading(confirmation=confirmation)
    authorities = (
        slot.resolutions.resolutions_per_authority
        if slot.resolutions is not None and slot.resolutions.resolutions_per_authority
        else []
    )
    for authority in authorities:
        code = authority.status.code if authority.status is not None else None
        if code == StatusCode.ER_SUCCESS_MATCH and authority.values:
            value = authority.values[0].value
            if value is not None and value.id:
                return SlotReading(spoken, value.id, value.name or spoken, confirmation)
    return SlotReading(spoken, confirmation=confirmation)


def two_said(
    intent: Intent, first: str, second: str, *, asked_first: bool = False
) -> tuple[str | None, str | None]:
    """The values of two slots of one type said in one breath ("who pays, and customs?").

    Alexa fills whichever of the pair a sample puts first; one value said alone in the
    second slot is the first, and the same value twice is one. ``asked_first`` says the
    intent itself was the first question ("is my camera under warranty, and who pays?"):
    then a value in the second slot stays second.
    """
    one, two = read_slot(intent, first).id, read_slot(intent, second).id
    if one is None:
        return (None, two) if asked_first else (two, None)
    return one, None if two == one else two
