"""Building responses: the one path from phrases to an Alexa response.

Every response that keeps the session open ends with a question and carries a
reprompt; a response without a question ends the session. Cards are Standard
cards (title and text) with the facts worth keeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_model.ui.standard_card import StandardCard

from handlers.context import turn
from speech import en
from speech.ssml import MAX_SPEECH_CHARS, Phrase, phrase, to_ssml, to_text

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.response import Response

#: The yes/no questions a response can leave pending (session attribute "pending").
ANYTHING_ELSE = "anything_else"
REMEMBER_PURCHASE = "remember_purchase"
REMEMBER_REGION = "remember_region"
DELETE_DATA = "delete_data"
OFFER_WARRANTY = "offer_warranty"


def speak(
    handler_input: HandlerInput,
    speech: Phrase,
    question: Phrase | None = None,
    *,
    reprompt: Phrase | None = None,
    card: en.Answer | None = None,
) -> Response:
    """Say ``speech`` then ``question``; without a question the session ends."""
    current = turn(handler_input)
    year = current.now.year
    builder = handler_input.response_builder
    # The question is rendered first and always kept whole: if an absurdly long slot
    # value makes the speech too long, the speech is cut, never the question.
    asked = to_ssml(question, year) if question else ""
    said = to_ssml(speech, year, limit=MAX_SPEECH_CHARS - len(asked) - 1)
    builder.speak(f"{said} {asked}".strip())
    if question:
        builder.ask(to_ssml(reprompt or question, year))
    else:
        builder.set_should_end_session(True)
    if card is not None:
        builder.set_card(
            StandardCard(title=card.card_title, text=to_text(card.card_body, current.locale))
        )
    response: Response = builder.response
    return response


def answer(handler_input: HandlerInput, result: en.Answer, lead: Phrase = ()) -> Response:
    """Give a policy answer with its card, then ask whether there is anything else."""
    turn(handler_input).ask_pending(ANYTHING_ELSE)
    return speak(handler_input, phrase(lead, result.speech), (en.ANYTHING_ELSE,), card=result)


def follow_up(handler_input: HandlerInput, speech: Phrase) -> Response:
    """Say something short, then ask whether there is anything else."""
    turn(handler_input).ask_pending(ANYTHING_ELSE)
    return speak(handler_input, speech, (en.ANYTHING_ELSE,))


def elicit(
    handler_input: HandlerInput,
    intent: Intent,
    slot: str,
    question: Phrase,
    *,
    lead: Phrase = (),
    reprompt: Phrase | None = None,
    card: en.Answer | None = None,
) -> Response:
    """Ask for one missing fact with ``Dialog.ElicitSlot``, keeping the facts already given.

    The slot being asked for is emptied first, so a value that could not be used
    is not sent back to the skill with the next answer.
    """
    slots = intent.slots or {}
    if slot in slots:
        slots[slot].value = None
        slots[slot].resolutions = None
    from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective  # dialogs only

    turn(handler_input).clear_pending()
    handler_input.response_builder.add_directive(
        ElicitSlotDirective(slot_to_elicit=slot, updated_intent=intent)
    )
    return speak(handler_input, lead, question, reprompt=reprompt, card=card)


def confirm_slot(
    handler_input: HandlerInput, intent: Intent, slot: str, question: Phrase
) -> Response:
    """Check a fact the skill had to guess with ``Dialog.ConfirmSlot`` before deciding on it."""
    from ask_sdk_model.dialog.confirm_slot_directive import ConfirmSlotDirective

    turn(handler_input).clear_pending()
    handler_input.response_builder.add_directive(
        ConfirmSlotDirective(slot_to_confirm=slot, updated_intent=intent)
    )
    return speak(handler_input, (), question)
