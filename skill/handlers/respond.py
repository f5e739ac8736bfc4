"""Building responses: the one path from phrases to an Alexa response.

Every response that keeps the session open ends with a question and carries a
reprompt; a response without a question ends the session. Cards are Standard
cards (title and text) with the facts worth keeping. On a device that shows APL
(an Echo Show), an answer with a card also gets a screen: the handler's own
:class:`~screens.Screen` for the decision, else the card's lines; a yes/no offer
puts a yes button on it. Speech and card are the same with or without a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ask_sdk_model.ui.standard_card import StandardCard

from conversation.case import NARROWED_TO_ALIEXPRESS, REFUND_UNTIL_ALIEXPRESS, Asks, Offer, Question
from conversation.decisions import REFUND_UNTIL
from conversation.moves import offered_again
from handlers.context import SAID, Said, Turn, said_to_session, turn
from handlers.names import DELIVERY_TIME_INTENT, INTENTS, REGION, SLOTS
from screens import Screen, shows_apl
from speech import Answer, say
from speech.ssml import (
    MAX_SPEECH_CHARS,
    ONE_BREATH_WORDS,
    Phrase,
    after_first_sentence,
    first_sentence,
    phrase,
    to_ssml,
    to_text,
)

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.response import Response

    from conversation.steps import AskFact
    from policy.facts import Topic
    from policy.model import Condition, Reason

#: Builds the screen of an answer for a locale; called only for a device that shows APL.
ScreenOf = Callable[[str], Screen]


def speak(
    handler_input: HandlerInput,
    speech: Phrase,
    question: Phrase | None = None,
    *,
    reprompt: Phrase | None = None,
    card: Answer | None = None,
    screen: ScreenOf | None = None,
    asked_before: Phrase | None = None,
) -> Response:
    """Say ``speech`` then ``question``; without a question the session ends.

    ``asked_before`` is a question already said on an earlier turn, asked again in place
    of ``question`` and as its own reprompt. On a device that shows APL, ``screen`` (else
    the card's lines) goes on screen too.
    """
    current = turn(handler_input)
    year = current.now.year
    builder = handler_input.response_builder
    question = asked_before or question or ()
    if current.also:
        speech, question, card = _with_also(current, speech, question, card)
    builder.speak(_spoken(speech, question, year))
    if question:
        again = asked_before or reprompt or question
        builder.ask(to_ssml(again, year))
        _remember_said(handler_input, current, Said(speech, question, again))
    else:
        builder.set_should_end_session(True)
    if card is not None:
        builder.set_card(
            StandardCard(title=card.card_title, text=to_text(card.card_body, current.locale))
        )
    if (screen is not None or card is not None) and shows_apl(handler_input):
        _show(handler_input, current, screen, card, asks=bool(question))
    response: Response = builder.response
    return response


def once_more(handler_input: HandlerInput, speech: Phrase, *, in_full: bool = False) -> Phrase:
    """An answer, or if the turn before said it word for word, its first sentence alone.

    "From your website, I guess", after a warranty answer the shop doesn't change, would
    otherwise get the whole answer again: the customer hears the decision, still first,
    and the card keeps the rest. "Say that again" is a repeat, never this; nor is an
    answer whose rest is what the turn asked (``in_full``): "what if it's broken", after
    a refund refused for the box thrown away, is answered by the warranty's sentence.
    """
    current = turn(handler_input)
    said = current.said_before
    if in_full or said is None or not speech or said.speech != speech:
        return speech
    return first_sentence(speech)


def also_say(
    handler_input: HandlerInput,
    second: Topic | None,
    *,
    first: Topic | None = None,
    reason: Reason | None = None,
    condition: Condition | None = None,
    stands_alone: bool = False,
    first_may_go: bool = False,
) -> None:
    """Keep the second fact asked in the same breath, to say after this turn's answer.

    ``first`` is the fact the answer itself is: its one sentence may stand in for the
    whole answer so that both fit in one breath (:func:`_with_also`). ``reason`` and
    ``condition`` are the customer's own, for the facts that depend on them (R3, R4).
    ``stands_alone``: the answer's first sentence answers on its own (a decision's yes or
    no, never "that depends"), so it may be said alone before the second fact.
    ``first_may_go``: the first sentence only says the answer hangs on a condition ("That
    depends on the exact day"), which the rest spells out: the rest may be said alone.
    """
    if second is None:
        return
    current = turn(handler_input)
    current.first_stands_alone = stands_alone
    current.first_may_go = first_may_go
    current.also = say.short_fact(current.fact(second, reason, condition))
    if first is not None:
        current.short_answer = say.short_fact(current.fact(first, reason))


def _with_also(
    current: Turn, speech: Phrase, question: Phrase, card: Answer | None
) -> tuple[Phrase, Phrase, Answer | None]:
    """The answer with the second fact asked for after it, if the turn stays one breath.

    The whole answer goes first if both fit, else its one-sentence form, else its first
    sentence where that answers alone (a decision's verdict), else the whole answer with
    the question asked without its choices; too long even so, the second fact waits on the
    card. Either way the card has it. Returns the speech, the question and the card.
    """
    also, current.also = current.also, ()
    short, current.short_answer = current.short_answer, ()
    brief, current.brief_question = current.brief_question, ()
    stands_alone, current.first_stands_alone = current.first_stands_alone, False
    may_go, current.first_may_go = current.first_may_go, False
    if card is not None:
        card = card._replace(card_body=phrase(card.card_body, "\n", also))
    alone = first_sentence(speech) if stands_alone else ()
    rest = after_first_sentence(speech) if may_go else ()
    tries = [(answer, question) for answer in (speech, short, alone, rest)]
    if brief:
        tries.append((speech, brief))
    for answer, asked in tries:
        # a lead said before a question ends in its own space
        gap = "" if answer and isinstance(answer[-1], str) and answer[-1].endswith(" ") else " "
        longer = phrase(answer, gap, also)
        if answer and _words(phrase(longer, " ", asked), current.locale) <= ONE_BREATH_WORDS:
            return longer, asked, card
    return speech, question, card


def question_in_one_breath(
    handler_input: HandlerInput, speech: Phrase, question: Phrase, brief: Phrase
) -> Phrase:
    """``question``, or its ``brief`` form when the answer and it would be over one breath."""
    return question if in_one_breath(handler_input, speech, question) else brief


def in_one_breath(handler_input: HandlerInput, speech: Phrase, question: Phrase) -> bool:
    """Whether ``speech`` and then ``question`` are at most one breath (ONE_BREATH_WORDS)."""
    locale = turn(handler_input).locale
    return _words(phrase(speech, " ", question), locale) <= ONE_BREATH_WORDS


def _one_breath_lead(lead: Phrase, shorter: Phrase | None, asked: Phrase, locale: str) -> Phrase:
    """The lead said before ``asked`` when the whole of it and the question are over one breath.

    The ``shorter`` lead the caller gave if it fits, else the lead's first sentence (the
    fact asked leads every answer; the card keeps the rest), else the shorter of the two.
    """
    cut = phrase(first_sentence(lead), " ")
    for candidate in (shorter, cut):
        if candidate is not None and _words(phrase(candidate, asked), locale) <= ONE_BREATH_WORDS:
            return candidate
    return shorter if shorter is not None else cut


def _words(speech: Phrase, locale: str) -> int:
    """How many words ``speech`` is, as written out (dates in full: never fewer than said)."""
    return len(to_text(speech, locale).split())


def _spoken(speech: Phrase, question: Phrase, year: int) -> str:
    """The SSML of ``speech`` then ``question``, within Alexa's limit.

    The question is rendered first and always kept whole: if an absurdly long slot value
    makes the speech too long, the speech is cut, never the question.
    """
    asked = to_ssml(question, year)
    said = to_ssml(speech, year, limit=MAX_SPEECH_CHARS - len(asked) - 1)
    return f"{said} {asked}".strip()


def _show(
    handler_input: HandlerInput,
    current: Turn,
    screen: ScreenOf | None,
    card: Answer | None,
    *,
    asks: bool,
) -> None:
    """Add the RenderDocument: the answer's screen, with a yes button when a yes would act."""
    from screens import render_directive
    from screens.build import card_screen, yes_button

    shown = screen(current.locale) if screen is not None else None
    if shown is None and card is not None:
        shown = card_screen(card, current.locale)
    if shown is None:
        return
    pending = current.case.question if asks else None
    action = None
    if pending is not None and pending.kind is Asks.OFFER:
        action = yes_button(pending.about)
    elif pending is not None and pending.kind is Asks.CONFIRM:
        action = yes_button("confirm")
    handler_input.response_builder.add_directive(render_directive(handler_input, shown, action))


def finish(
    handler_input: HandlerInput,
    result: Answer | Phrase,
    *,
    lead: Phrase = (),
    resume: AskFact | None = None,
    screen: ScreenOf | None = None,
    short: Phrase | None = None,
) -> Response:
    """Give an answer, then go back to the question a purchase dialog still waits on, if any.

    With nothing to go back to, ask whether there is anything else (a yes/no that
    lasts one turn). Any other yes/no question asked before is closed either way.
    ``short`` is the answer in one sentence, said instead when the answer and the
    question coming back would not fit in one breath (the card's first sentence if
    not given); the card carries it in full.
    """
    current = turn(handler_input)
    card = result if isinstance(result, Answer) else None
    speech = phrase(lead, result.speech if isinstance(result, Answer) else result)
    if resume is None and current.case.waiting is not None:
        from conversation.service import resume_after_detour  # only mid-dialog
        from conversation.steps import Known

        back = resume_after_detour(current.case, Known(current.today))
        current.keep(back.case)  # each time it is asked counts: never a third time
        resume = back.resume
    if resume is not None:
        if short is None and card is not None:
            short = first_sentence(card.speech)
        shorter = None if short is None else phrase(lead, short, " ")
        return ask_for(
            handler_input,
            resume,
            lead=phrase(speech, " "),
            card=card,
            back=True,
            screen=screen,
            shorter=shorter,
        )
    offered = _offer_still_open(current)
    again = None if offered is None else offered_again(current.case, current.opening.question)
    if offered is not None and again is not None:
        # A side question between an offer and its answer: answer it, then offer again, so
        # a yes still goes to the offer it answers and never to nothing (never a third time).
        current.keep(again)
        return speak(handler_input, speech, card=card, screen=screen, asked_before=offered)
    current.keep(current.case._replace(question=Question(Asks.MORE)))
    return speak(handler_input, speech, (say.ANYTHING_ELSE,), card=card, screen=screen)


def _offer_still_open(current: Turn) -> Phrase | None:
    """The offer made on the turn before, as it was said, if this turn left it open.

    A turn that answers something else leaves the case as it was, offer included.
    """
    asked = current.case.question
    if asked is None or asked.kind is not Asks.OFFER:
        return None
    said = current.said_before
    return said.question if said is not None else None


def ask_for(
    handler_input: HandlerInput,
    step: AskFact,
    *,
    lead: Phrase = (),
    question: Phrase | None = None,
    card: Answer | None = None,
    back: bool = False,
    screen: ScreenOf | None = None,
    shorter: Phrase | None = None,
) -> Response:
    """Ask for one fact with ``Dialog.ElicitSlot``, so Alexa listens for it.

    The intent goes out with no slot values: the case keeps every fact already
    given, so each answer brings only what was just said. ``shorter`` is the lead
    said instead when ``lead`` and the question would not fit in one breath.
    """
    from ask_sdk_model.intent import Intent as AlexaIntent
    from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus

    asked: Phrase
    if question:
        asked = phrase(question)
    elif step.choices:
        asked = _choices(step)
    elif step.general is not None and step.fact.value == "purchased" and step.product is None:
        asked = (say.CHECK_YOURS,)
    elif step.lead == "fault_only":
        asked = (say.ASK_FAULT,)
    elif step.lead in NARROWED_TO_ALIEXPRESS:
        it = "it" if step.lead == REFUND_UNTIL_ALIEXPRESS else say.the_product(step.product)
        asked = (say.ASK_ALIEXPRESS_SELLER.format(it=it),)
    else:  # coming back, or after a lead that names the product, the question says "it"
        product = None if back or step.lead == REFUND_UNTIL else step.product
        asked = (say.ask_fact(step.fact.value, product, step.attempt),)
        turn(handler_input).brief_question = say.brief_question(step.fact.value, product)
    if back:
        asked = say.back_to(step.product, asked)
    locale = turn(handler_input).locale
    if _words(phrase(lead, asked), locale) > ONE_BREATH_WORDS:
        lead = _one_breath_lead(lead, shorter, asked, locale)
    intent = AlexaIntent(
        name=INTENTS[step.goal],
        slots={},
        confirmation_status=IntentConfirmationStatus.NONE,
    )
    reprompt = (
        asked if question or step.choices else (say.reprompt_fact(step.fact.value, step.product),)
    )
    return elicit(
        handler_input,
        intent,
        SLOTS[step.fact],
        asked,
        lead=lead,
        reprompt=reprompt,
        card=card,
        screen=screen,
    )


def _choices(step: AskFact) -> Phrase:
    return say.which_order(
        [say.order_label(o.product, o.ordered_on, kind=o.kind) for o in step.choices]
    )


def elicit(
    handler_input: HandlerInput,
    intent: Intent,
    slot: str,
    question: Phrase,
    *,
    lead: Phrase = (),
    reprompt: Phrase | None = None,
    card: Answer | None = None,
    screen: ScreenOf | None = None,
) -> Response:
    """Ask for ``slot`` of ``intent`` with ``Dialog.ElicitSlot``, its value emptied first."""
    from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective

    slots = intent.slots or {}
    if slot in slots:
        slots[slot].value = None
        slots[slot].resolutions = None
    handler_input.response_builder.add_directive(
        ElicitSlotDirective(slot_to_elicit=slot, updated_intent=intent)
    )
    return speak(handler_input, lead, question, reprompt=reprompt, card=card, screen=screen)


def offer(
    handler_input: HandlerInput,
    kind: Offer,
    speech: Phrase,
    question: Phrase,
    *data: str,
    card: Answer | None = None,
    screen: ScreenOf | None = None,
) -> Response:
    """Say ``speech`` and ask ``question``, a yes/no offer that lasts one turn."""
    current = turn(handler_input)
    current.keep(current.case._replace(question=Question(Asks.OFFER, kind, 1, tuple(data))))
    return speak(handler_input, speech, question, card=card, screen=screen)


#: The type Alexa names an ElicitSlot directive by (``ask_sdk_model.dialog.ElicitSlotDirective``).
ELICIT_SLOT: Final = "Dialog.ElicitSlot"


# --- "say that again" --------------------------------------------------------------------------


def _remember_said(handler_input: HandlerInput, current: Turn, said: Said) -> None:
    """Keep this response's phrases (and the slot it elicits) for a repeat, in the session only.

    The directive is recognised by its type name, as Alexa reads it: importing the SDK's
    class to test it would load all of ``ask_sdk_model.dialog`` (about 3 ms) on every
    answer's first turn, dialog or not.
    """
    elicit = None
    for directive in handler_input.response_builder.response.directives or []:
        if getattr(directive, "object_type", None) != ELICIT_SLOT:
            continue
        updated = getattr(directive, "updated_intent", None)
        name, slot = getattr(updated, "name", None), getattr(directive, "slot_to_elicit", None)
        if isinstance(name, str) and name and isinstance(slot, str) and slot:
            elicit = (name, slot)
    kept = said_to_session(said._replace(elicit=elicit))
    if kept is None:
        current.session.pop(SAID, None)
    else:
        current.session[SAID] = kept


def repeat(handler_input: HandlerInput) -> Response:
    """Say again what was last said, word for word, and keep waiting for the same answer.

    The case is left as it is, so a yes after "say that again" still answers the offer or
    the check that was repeated; an elicited slot is elicited again, if it is one the skill
    elicits. The words are rendered again from their phrases, never sent back as they came.
    With nothing said yet in this session, say so and go on.
    """
    from ask_sdk_model.dialog.elicit_slot_directive import ElicitSlotDirective
    from ask_sdk_model.intent import Intent as AlexaIntent
    from ask_sdk_model.intent_confirmation_status import IntentConfirmationStatus

    current = turn(handler_input)
    said = current.said_before
    if said is None:
        return finish(handler_input, (say.NOTHING_TO_REPEAT,))
    builder = handler_input.response_builder
    if said.elicit is not None and said.elicit in elicited_slots():
        intent_name, slot = said.elicit
        intent = AlexaIntent(
            name=intent_name, slots={}, confirmation_status=IntentConfirmationStatus.NONE
        )
        builder.add_directive(ElicitSlotDirective(slot_to_elicit=slot, updated_intent=intent))
    year = current.now.year
    builder.speak(_spoken(said.speech, said.question, year)).ask(to_ssml(said.reprompt, year))
    response: Response = builder.response
    return response


def elicited_slots() -> frozenset[tuple[str, str]]:
    """Every ``(intent, slot)`` the skill elicits: a purchase dialog's facts, a delivery region.

    A forged ``said`` attribute may name any intent and slot; only these go out again.
    """
    dialog = {(intent, slot) for intent in INTENTS.values() for slot in SLOTS.values()}
    return frozenset({*dialog, (DELIVERY_TIME_INTENT, REGION)})
