"""A local stand-in for Alexa's language understanding, driven by the interaction model.

Developers talk to the skill by typing (`chat`/`say`) without an Amazon account: this module
turns what they type into the `request.intent` JSON Alexa would send, by matching the typed
words against the model's sample utterances, slot types and dialog slot samples. It follows
Alexa's observable behaviour rather than its internals:

- every declared slot of the intent is present; a filled custom slot carries an entity
  resolution, `ER_SUCCESS_NO_MATCH` when the words sit in a slot position but name no value
  (Alexa fills `store` from "I bought it from ozon market" even though that shop is unknown);
- AMAZON.DATE slots hold the resolved date value (see `devtools.datephrases`), and a date
  position only matches words that resolve to a date; AMAZON.DURATION slots likewise hold the
  ISO-8601 length ("P5M" for "five months");
- while the skill elicits a slot, the slot's dialog samples are tried first, but a better
  match of any intent ("stop", "help", another question) wins as a fresh intent;
- while the skill asks for confirmation, yes and no confirm or deny;
- words that match no sample are not lost: like Alexa, a statistical classifier trained on the
  model's samples (`devtools.nlu_classifier`) picks the intent, or Fallback when it gives the
  out-of-domain class the share the model's fallbackIntentSensitivity sets (`FALLBACK_THRESHOLDS`),
  and slots are filled from slot values, synonyms and date phrases found anywhere in the utterance.
  `strict=True` keeps exact sample matching only.
"""

import copy
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal

import snowballstemmer

from devtools.datephrases import (
    corrected_date,
    resolve_date_phrase,
    resolve_duration_phrase,
    splits_a_number,
)
from devtools.models import load_model

if TYPE_CHECKING:
    from devtools.nlu_classifier import Guess, IntentClassifier

ER_AUTHORITY: Final = "amzn1.er-authority.echo-sdk.amzn1.ask.skill.local."
FALLBACK: Final = "AMAZON.FallbackIntent"
YES: Final = "AMAZON.YesIntent"
NO: Final = "AMAZON.NoIntent"

# Alexa's built-in intents come with Amazon's own samples, which the model does not list.
BUILT_IN_SAMPLES: Final[Mapping[str, tuple[str, ...]]] = {
    YES: (
        "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "please do", "yes please",
        "correct", "that's right", "right", "go ahead", "of course", "absolutely", "do it",
        "sounds good", "yes that's correct",
        "sure thing", "yes do it", "affirmative", "indeed", "exactly",
        "that's correct", "all right", "alright", "yes I am",
        "why not", "agreed",
        "let's do it", "that works", "perfect", "yeah go ahead", "uh huh", "you got it",
        "okay do it", "yes you can", "please go ahead",
        "yes that's it", "yeah that's right", "it is", "I would", "I do", "yes it was",
        "totally", "for sure", "of course yes", "yes sure", "yes certainly", "certainly yes",
        "yes definitely", "definitely yes", "most definitely",
    ),
    NO: (
        "no", "nope", "nah", "no thanks", "no thank you", "not really", "that's wrong",
        "wrong", "no it isn't", "no it's not", "certainly not", "of course not",
        "that's not right", "that's incorrect", "incorrect",
        "not correct", "no I do not", "no I'm not",
        "no it wasn't", "no don't", "don't do it", "please don't", "no need",
        "I'd rather not", "not now", "nope not really",
        "not quite", "that's not it", "I don't want to", "no it doesn't", "no it didn't",
        "don't", "no not that", "no I don't want it", "not right", "that's not correct",
        "no I don't think so", "I don't think so", "no not really", "never",
        "no I'm good", "I'm good thanks", "no I'm okay", "I'm okay thanks", "no thanks I'm good",
        "that's not what I meant", "no that's not what I meant", "you misunderstood me",
        "no I said something else", "that's a negative", "negative on that", "no absolutely not",
    ),
    "AMAZON.HelpIntent": (
        "help", "help me", "I need help", "what can I say", "what can you do",
        "what can I ask", "how does this work", "help please",
        "I need some help",
        "what can you help with", "what should I ask",
        "what do I say", "what do I do now", "how do I use it",
        "how do I use this skill", "how do you work", "how does it work",
        "what is this skill", "what does this skill do", "what do you do here",
        "instructions", "give me instructions", "I'm lost", "I'm confused",
        "I don't understand", "what options do I have", "list the options",
        "tell me the options", "what are the commands", "what commands can I use",
        "what am I able to ask", "can you assist me",
        "how can you help me", "what are you able to do", "what things can I ask",
        "what kind of things can you do", "tell me how to use this skill",
        "what do you want me to say", "what do I need to say", "what should I be saying",
        "what can I ask you about", "what can I do here",
        "I'm stuck", "what now",
    ),
    "AMAZON.StopIntent": (
        "stop", "quit", "exit", "goodbye", "bye", "good bye", "that's all", "I'm done",
        "enough", "shut up", "please stop",
        "quiet", "silence", "I'm all done", "all done", "that's it",
        "that's all for now", "that's everything", "nothing else",
        "close", "exit skill", "end session", "leave", "see you later", "see ya",
        "talk to you later", "thank you goodbye",
        "okay goodbye", "that will be all", "that'll be all", "nothing more",
        "quit the skill", "we're finished",
        "no more questions", "end it", "turn it off", "close zosi care", "exit zosi care",
        "stop zosi care", "I have to go", "gotta go", "done", "finish",
        "alright that's enough", "ok that's all", "okay I'm done", "alright goodbye", "ok quit",
        "alright I'm done", "okay exit", "bye thank you", "thanks that's all",
    ),
    "AMAZON.CancelIntent": (
        "cancel", "cancel that", "never mind", "nevermind", "forget it",
        "don't bother", "leave it", "abort", "ignore that",
        "disregard that", "oh forget it", "actually never mind", "no never mind",
        "cancel that request", "don't worry about it", "let's not",
        "stop that request", "undo that",
        "cancel my request", "cancel the last thing", "cancel all of it",
        "please cancel", "cancel this request", "forget what I said", "forget what I just said",
        "never mind I'll do it later", "it doesn't matter", "doesn't matter",
        "not important", "cancel the whole thing", "scratch this", "strike that",
        "I'd like to cancel that", "I want to cancel this", "skip that", "let's skip it",
        "drop that", "just drop it",
    ),
    "AMAZON.RepeatIntent": (
        "repeat", "repeat that", "say that again", "say it again", "can you repeat that",
        "could you repeat that", "please repeat", "repeat please", "come again", "pardon",
        "pardon me", "sorry what did you say", "I didn't catch that", "I didn't hear you",
        "one more time", "again please", "repeat the last part", "what was that",
        "can you say that again", "could you say that one more time", "repeat yourself",
        "I missed that", "say again", "repeat what you said", "huh", "wait what",
        "what was that again", "what was the last bit", "the last part again",
    ),
    "AMAZON.NavigateHomeIntent": (
        "go home", "home", "main menu",
        "menu", "the menu", "go to the menu", "back to the menu",
        "return to the start", "start again", "start from the beginning",
        "back home",
        "return to main menu", "show me the menu", "start over", "take me to the start",
        "take me back to the main menu", "restart", "from the top", "go to the start",
        "let's start over", "can we start again", "return to the menu", "head back home",
        "go back to the home menu",
    ),
}  # fmt: skip

_SLOT = re.compile(r"\{(\w+)\}")
_SPELLED_LETTERS = re.compile(r"\b(?:[a-z]\.\s*){2,}")
_INNER_DOT = re.compile(r"(?<=[a-z0-9])\.(?=[a-z0-9])")
_TOKEN = re.compile(r"\d{4}-\d{2}(?:-\d{2})?|[a-z0-9]+(?:'[a-z0-9]+)*")
# Words Alexa's slot model reads past at either end: a follow-up's leading "and", "okay" or "well"
# ("and who pays the shipping") is the same request as without it, and so is a trailing "dear".
_FILLERS_BEFORE: Final = (
    "please",
    "um",
    "uh",
    "so",
    "hey",
    "alexa",
    "and",
    "okay",
    "ok",
    "well",
    "right",
)
# Greetings said before a request (longest first), left out of what the classifier is asked.
_GREETINGS: Final = (
    ("good", "morning"), ("good", "afternoon"), ("good", "evening"), ("hi", "there"),
    ("hello", "there"), ("quick", "question"), ("hi",), ("hello",),
)  # fmt: skip
# Hedges said after an answer ("the website I think") are no part of the value: Alexa's slot
# model tags the words its values are made of, and a hedge is in none of them.
_FILLERS_AFTER: Final = (
    ("please",),
    ("thanks",),
    ("thank", "you"),
    ("dear",),
    ("i", "think"),
    ("i", "guess"),
    ("i", "believe"),
    ("i", "reckon"),
    ("maybe",),
    ("probably",),
)
_ARTICLES: Final = frozenset({"the", "a", "an", "my", "our", "this", "that"})
_PARTICLES_AFTER: Final = frozenset({"too", "also", "though", "anyway", "again", "then"})
_MAX_UNMATCHED_WORDS: Final = 5
_MAX_GUESSED_WORDS: Final = 2
_CONNECTORS: Final[Mapping[str, tuple[str, ...]]] = {
    "ask": ("to", "whether", "if", "about", "for"),
    "tell": ("to", "that"),
    "": (),
}
_LAUNCH_VERBS: Final = ("open", "start", "launch", "begin", "load", "run")
# The local stand-in for the model's fallbackIntentSensitivity. Alexa decides out-of-domain apart
# from which intent: its out-of-domain model is trained on the Fallback samples, and a request it
# lets through goes to the likeliest intent however the rest of the probability is spread. So the
# simulator sends Fallback when the classifier gives the out-of-domain class at least this
# probability, whatever the best intent's own share. (Until December 2026 it sent Fallback when the
# best intent had less than 50%: a long in-domain ramble that could be a return, a warranty or a
# purchase statement split its probability three ways and reached Fallback, which Alexa does not
# do.) Amazon documents only that a higher level sends more requests to AMAZON.FallbackIntent, not
# how; these numbers are the simulator's, each level 15 points stricter than the one below.
FALLBACK_THRESHOLDS: Final[Mapping[str, float]] = {"LOW": 0.50, "MEDIUM": 0.35, "HIGH": 0.20}
# Below this probability the best intent is no evidence at all (about four times chance among the
# model's intents), and Fallback is sent even with little out-of-domain probability; and the best
# intent must be at least twice as likely as out-of-domain ("uh let me see june" is 30% yes and 18%
# out-of-domain: neither). Measured on the answer corpus, a margin of 1.5 or 2 keeps every
# out-of-domain line the old rule kept; 1 lets "which hard drive is best" through to tracking.
_IN_DOMAIN_FLOOR: Final = 0.20
# Alexa's built-in intents (yes, no, stop, help ...) are trained on short, fixed phrases of their
# own: a long utterance that only leans towards one ("uh let me see june" is 42% yes, for its
# "uh") is not that intent. A guess of a built-in needs a majority.
_BUILT_IN_FLOOR: Final = 0.50
_OUT_OF_DOMAIN_MARGIN: Final = 2.0
# Amazon's command built-ins (cancel, stop, yes, no, home) are trained on short commands and
# answers, never on questions: words that open with a question word are not one of them, however
# much they share ("why does that matter" and "it doesn't matter").
_COMMANDS: Final = frozenset(
    {"AMAZON.CancelIntent", "AMAZON.StopIntent", YES, NO, "AMAZON.NavigateHomeIntent"}
)
_QUESTION_WORDS: Final = frozenset({"why", "what", "how", "when", "where", "who", "which"})
# The first word of a yes or a no that may go on to say a date ("yes, last year, 2025").
_YES_NO_WORDS: Final = frozenset({"yes", "yeah", "yep", "yup", "no", "nope", "nah"})
# The intent that carries a purchase's facts said on their own, and its date slot.
_FACTS_INTENT: Final = "PurchaseDetailsIntent"
_DONT_KNOW: Final = "DontKnowIntent"
_PURCHASE_DATE: Final = "purchaseDate"
_MAX_SLOT_WORDS: Final = 10
# Words a self-correction turns on ("no wait", "sorry, I mean", "actually", "or rather"): the
# value said after one replaces the same slot's value said before it (see `Nlu._scan`).
_CORRECTION_MARKERS: Final = frozenset(
    {"no", "wait", "sorry", "actually", "mean", "rather", "correction", "oops", "hang", "nope"}
)
# Date words that are mostly something else when said alone ("may I", "now").
#: A slot for a second thing asked in the same breath (``alsoTopic``, ``alsoAspect``): every
#: sample joins it to the first question ("... and what about {alsoTopic}"), so Alexa's slot
#: model fills it only after such a join, never from a single question ("is the warranty ok").
_ALSO: Final = "also"
_ALSO_ASPECT: Final = "alsoAspect"
_TOPIC: Final = "topic"
_JOINS: Final = frozenset({"and", "also", "plus", "about"})
#: A second aspect may also be asked as a condition ("if they find it's fine, who pays"), W8.
_ASPECT_JOINS: Final = _JOINS | {"if"}
_JOIN_REACH: Final = 4
_NOT_DATES_ALONE: Final = frozenset({"may", "now", "sat", "sun", "mar", "wed", "mon", "fri"})
# An ordinal followed by one of these counts things, not days: "what's the first thing I should
# do" names no date, though "the first" alone would be the 1st of the month.
_COUNTED_AFTER_ORDINAL: Final = frozenset(
    {"thing", "things", "step", "steps", "time", "times", "question", "option", "place"}
)
# A single word that is a slot value but also a carrier word of three or more intents ("you",
# "return") fills a slot only where samples put that slot (after the same word).
_CARRIER_INTENTS: Final = 3


#: Slot value ids that name what the skill does not serve: another brand's products. Slot
#: filling resolves them (so the skill can answer as AMAZON.FallbackIntent, whatever intent
#: carried them: handlers.not_ours), but the classifier never learns them as in-domain words in
#: the samples' slots: the model's fallbackSamples, which name other brands, teach the
#: out-of-domain class instead, as Alexa's out-of-domain model is trained on them.
OUT_OF_DOMAIN_VALUES: Final = frozenset({"other_brand"})


def words(text: str) -> list[str]:
    """Split text into the lower-case words Alexa would hear.

    Spelled-out letters ("R. M. A.", "N.V.R.") become one word ("rma"), a dot inside a word is
    said ("zositech.com" → "zositech dot com"), curly apostrophes are straightened and every
    other punctuation mark separates words. ISO dates stay whole so they can be resolved.
    """
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _SPELLED_LETTERS.sub(lambda m: re.sub(r"[.\s]", "", m.group()) + " ", text)
    text = _INNER_DOT.sub(" dot ", text)
    return _TOKEN.findall(text)


def _key(word: str) -> str:
    """The form words are compared in, so "can't" and "cant" are the same word."""
    return word.replace("'", "")


def _phrase_key(phrase: Sequence[str]) -> str:
    return " ".join(_key(word) for word in phrase)


@dataclass(frozen=True)
class Understanding:
    """What Alexa would send for one utterance.

    Attributes:
        intent: Alexa's intent JSON: {"name", "confirmationStatus", "slots": {name: slot}}.
        dialog_state: None for a fresh intent; "IN_PROGRESS" when continuing a dialog.
        how: "exact" when a sample (or no sample, in strict mode) decided; "trained" when the
            classifier did.
        confidence: 1.0 for an exact decision; otherwise the classifier's probability for its
            best guess (an intent's, or the out-of-domain class's when that is the best).
    """

    intent: dict[str, Any]
    dialog_state: str | None
    how: Literal["exact", "trained"] = "exact"
    confidence: float = 1.0


@dataclass(frozen=True)
class Invocation:
    """How a typed line addresses the skill.

    Attributes:
        kind: "launch" ("open zosi care"), "oneshot" ("ask zosi care <x>") or "utterance"
            (plain words said inside an open session).
        utterance: The words after the invocation ("" for a launch).
    """

    kind: Literal["launch", "oneshot", "utterance"]
    utterance: str


@dataclass(frozen=True)
class _Sample:
    intent: str
    parts: tuple[tuple[bool, str], ...]  # (is_slot, slot name or literal word key)
    #: Its literal word keys: a sample can match only words that hold all of them.
    literals: frozenset[str] = frozenset()

    @property
    def literal_count(self) -> int:
        return sum(not is_slot for is_slot, _ in self.parts)


@dataclass(frozen=True)
class _Candidate:
    intent: str
    slots: dict[str, dict[str, Any]]
    unresolved: int
    literal: int

    @property
    def rank(self) -> tuple[int, int]:
        """Lower is better: every slot resolved first, then the most literal words matched."""
        return (self.unresolved, -self.literal)


class Nlu:
    """Understands typed utterances the way Alexa would with one locale's interaction model."""

    def __init__(
        self,
        model: Mapping[str, Any],
        today: date,
        *,
        strict: bool = False,
        sensitivity: str | None = None,
        seed: int = 0,
    ) -> None:
        """Index the model's samples, slot types and dialog slot samples.

        Args:
            model: An interaction model JSON (as `devtools.models.load_model` returns).
            today: The user's current date, for resolving spoken dates.
            strict: Understand exact sample matches only; anything else is Fallback.
            sensitivity: A fallbackIntentSensitivity level to use instead of the model's own
                (to measure the levels against each other).
            seed: Seeds the slot words the classifier is trained with. Another seed is another
                classifier as good as this one: a change measured over a few seeds is a change
                of the skill, not of which words the training happened to draw.
        """
        language = model["interactionModel"]["languageModel"]
        level = sensitivity or language["modelConfiguration"]["fallbackIntentSensitivity"]["level"]
        self.threshold = FALLBACK_THRESHOLDS[level]
        self._today = today
        self._strict = strict
        self._seed = seed
        # The trained classifier, once trained; one dict shared with every `dated` copy.
        self._classifier: dict[str, IntentClassifier] = {}
        self._intent_samples: dict[str, list[str]] = {}
        self._spoken: dict[str, list[str]] = {}
        self._invocation = language["invocationName"]
        self._slot_types: dict[str, dict[str, str]] = {}
        self._values: dict[str, dict[str, tuple[str, str]]] = {}
        self._stems: dict[str, dict[str, tuple[str, str]]] = {}
        self._slot_samples: dict[tuple[str, str], list[_Sample]] = {}
        samples: list[_Sample] = []
        for intent in language["intents"]:
            name = intent["name"]
            declared = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
            self._slot_types[name] = declared
            texts = [*intent.get("samples", []), *BUILT_IN_SAMPLES.get(name, ())]
            self._intent_samples[name] = texts
            samples.extend(_compile(name, text) for text in texts)
            for slot in intent.get("slots", []):
                elicit = {*slot.get("samples", []), "{" + slot["name"] + "}"}
                self._slot_samples[(name, slot["name"])] = [
                    _compile(name, text) for text in sorted(elicit)
                ]
        self._samples = samples
        # An intent none of whose samples can be said without a slot ("actually it was
        # {purchaseDate}") means nothing without one: the trained path never sends it bare.
        self._needs_a_slot = frozenset(
            name for name, texts in self._intent_samples.items()
            if texts and all(_SLOT.search(text) for text in texts)
        )  # fmt: skip
        for slot_type in language.get("types", []):
            index: dict[str, tuple[str, str]] = {}
            for value in slot_type["values"]:
                entry = (value["name"]["value"], value["id"])
                for spoken in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    index.setdefault(_phrase_key(words(spoken)), entry)
                    if value["id"] not in OUT_OF_DOMAIN_VALUES:
                        self._spoken.setdefault(slot_type["name"], []).append(spoken)
            self._values[slot_type["name"]] = index
            if slot_type["name"] in _SAID_IN_ANY_FORM:
                self._stems[slot_type["name"]] = _stem_index(index)
        self._contexts = _slot_contexts(samples)
        self._after = _slot_followers(samples)
        self._carriers = _carrier_words(samples)

    @classmethod
    def for_locale(
        cls,
        locale: str,
        today: date,
        *,
        strict: bool = False,
        sensitivity: str | None = None,
        seed: int = 0,
    ) -> "Nlu":
        """Build the simulator from a locale's committed interaction model.

        Args:
            locale: One of `devtools.models.LOCALES`.
            today: The user's current date.
            strict: Understand exact sample matches only.
            sensitivity: A fallbackIntentSensitivity level instead of the model's own.
            seed: Seeds the classifier's training words (see `Nlu`).

        Returns:
            The simulator for that locale.
        """
        return cls(load_model(locale), today, strict=strict, sensitivity=sensitivity, seed=seed)

    def dated(self, today: date) -> "Nlu":
        """The same understanding on another day: dates resolve from ``today``.

        The copy shares the model's indexes and the classifier (trained by whichever copy
        needs it first), which do not depend on the date, so a run over many days builds and
        trains them once.
        """
        other = copy.copy(self)
        other._today = today
        return other

    def parse_invocation(self, text: str) -> Invocation:
        """Tell a launch ("open zosi care"), a one-shot ("ask zosi care if ...") and plain words.

        Args:
            text: The whole typed line.

        Returns:
            The kind of request and the words meant for the skill.
        """
        said = words(text)
        if said[:1] == ["alexa"]:
            said = said[1:]
        name = words(self._invocation)
        verb = said[0] if said and said[0] in (*_LAUNCH_VERBS, *_CONNECTORS) else ""
        start = 1 if verb else 0
        if said[start : start + len(name)] != name:
            return Invocation("utterance", text.strip())
        rest = said[start + len(name) :]
        if verb in _LAUNCH_VERBS:
            if rest[:1] != ["and"] or len(rest) == 1:
                return Invocation("launch", "")
            return Invocation("oneshot", " ".join(rest[1:]))
        if rest[:1] and rest[0] in _CONNECTORS[verb] and len(rest) > 1:
            rest = rest[1:]
        return Invocation("oneshot", " ".join(rest)) if rest else Invocation("launch", "")

    def understand(self, utterance: str, pending: Mapping[str, Any] | None = None) -> Understanding:
        """Turn an utterance into the intent Alexa would send, continuing a dialog if one is open.

        Args:
            utterance: What the user said (without the invocation).
            pending: The dialog directive of the skill's previous response (ElicitSlot,
                ConfirmSlot or ConfirmIntent, with its updatedIntent), or None.

        Returns:
            The intent JSON and the dialog state.
        """
        said = words(utterance)
        exact = self._best(self._samples, said)
        directive: Mapping[str, Any] = pending or {}
        updated = directive.get("updatedIntent")
        kind = directive.get("type")
        if updated and kind == "Dialog.ElicitSlot":
            answer = self._elicited(updated, directive["slotToElicit"], exact, said)
            if answer is not None:
                return answer
        fresh = self._fresh(exact, said)
        if updated and kind == "Dialog.ElicitSlot" and fresh.intent["name"] == FALLBACK:
            # No slot sample fits word for word ("um I think like in September"), and the words
            # mean nothing else: Alexa's slot model still hears a value of the slot it asked for.
            slot = directive["slotToElicit"]
            heard = self._scan(updated["name"], said).get(slot)
            if heard is not None:
                intent = self._complete(copy.deepcopy(updated))
                intent["slots"][slot] = heard
                return Understanding(intent, "IN_PROGRESS", "trained", fresh.confidence)
        if updated and kind in {"Dialog.ConfirmSlot", "Dialog.ConfirmIntent"}:
            answer = fresh.intent["name"]
            if answer in {YES, NO}:
                status = "CONFIRMED" if answer == YES else "DENIED"
                intent = self._complete(copy.deepcopy(updated))
                if kind == "Dialog.ConfirmSlot":
                    intent["slots"][directive["slotToConfirm"]]["confirmationStatus"] = status
                else:
                    intent["confirmationStatus"] = status
                return Understanding(intent, "IN_PROGRESS", fresh.how, fresh.confidence)
        return fresh

    def _elicited(
        self, updated: dict[str, Any], slot: str, exact: _Candidate | None, said: list[str]
    ) -> Understanding | None:
        """The answer to an elicited slot when one of its dialog samples fits, else None."""
        samples = self._slot_samples.get((updated["name"], slot), [])
        filled = self._best(samples, said)
        if filled is None or (exact is not None and filled.rank > exact.rank):
            return None
        intent = self._complete(copy.deepcopy(updated))
        heard = {slot: filled.slots[slot]}
        if filled.unresolved:
            # "Which city?" - "no, that's everything, bye": words that name no value of the
            # slot asked for are Alexa's built-in stop, cancel or no when they say so
            fresh = self._fresh(exact, said)
            if fresh.intent["name"] in _COMMANDS:
                return fresh
            # "Where did you buy it?" - "sorry no, the 18th": words that name values of the
            # intent's other slots (a date) fill those, as Alexa's slot model hears them, not
            # the slot asked for with words that name none of its values
            named = self._scan(updated["name"], said)
            if named and slot not in named:
                heard = named
        intent["slots"].update(heard)
        return Understanding(intent, "IN_PROGRESS")

    def _fresh(self, exact: _Candidate | None, said: list[str]) -> Understanding:
        """A new intent, as Alexa would pick it.

        An exact match with every custom slot resolved wins. One with a word or two in a slot
        that names no value ("can I return my toaster") stands unless the classifier takes the
        request for out-of-domain ("my neighbour is too loud" fits "my {product} {reason}") or is
        sure it is another intent ("what are my options" fits "what are {topic}"); one that
        stuffs more unknown words into a slot is dropped. Then the classifier's guess wins
        when it is sure enough, with slots found anywhere in the words; otherwise Fallback. A
        guess of an intent that only exists to carry a fact (PurchaseDetailsIntent) needs one.
        """
        if exact is not None and _bare(exact):
            exact = None  # "how old is the queen" fits "{aspect} is {topic}" and means nothing
        if exact is not None and (self._strict or not exact.unresolved):
            return Understanding(self._complete({"name": exact.intent, "slots": exact.slots}), None)
        if self._strict or not said:
            return Understanding(self._complete({"name": FALLBACK}), None)
        # Fillers ("uh", "so", "please") carry no intent; Alexa's recogniser mostly drops them
        asked = _fillers_left_out(said)[-1]
        guess = self._trained().guess(" ".join(_key(word) for word in asked))
        floor = _BUILT_IN_FLOOR if guess.intent.startswith("AMAZON.") else _IN_DOMAIN_FLOOR
        trusted = guess.out_of_domain < self.threshold and guess.confidence >= max(
            floor, _OUT_OF_DOMAIN_MARGIN * guess.out_of_domain
        )
        if exact is not None and not _guesswork(exact) and _agrees(exact.intent, guess, trusted):
            return Understanding(self._complete({"name": exact.intent, "slots": exact.slots}), None)
        if guess.intent in _COMMANDS and asked[:1] and _key(asked[0]) in _QUESTION_WORDS:
            trusted = False  # "why does that matter" is no "doesn't matter": a question
        if guess.intent == FALLBACK or not trusted:
            return Understanding(
                self._complete({"name": FALLBACK}), None, "trained", guess.confidence
            )
        name, slots = self._jointly(guess, said)
        if not slots and name in self._needs_a_slot:
            return Understanding(
                self._complete({"name": FALLBACK}), None, "trained", guess.confidence
            )
        intent = self._dated_answer(name, said) or {"name": name, "slots": slots}
        return Understanding(self._complete(intent), None, "trained", guess.confidence)

    def _jointly(self, guess: "Guess", said: list[str]) -> tuple[str, dict[str, dict[str, Any]]]:
        """The intent and its slots, decided together as Alexa's model decides them.

        Alexa hears an intent and its slots in one model: "arrived smashed, refund?" is a
        claim whose reason is "arrived smashed", however close a claim's status comes on the
        words alone. An intent nearly as likely as the best one wins when it holds more of the
        values of what happened to the product (each weighs ``_SLOT_WEIGHT`` of its
        probability). Only those: counting every value said (a region, a date) sent delivery
        questions to intents that hold more slots, and lost answers.
        """
        slots = self._scan(guess.intent, said)
        if guess.intent.startswith("AMAZON."):
            return guess.intent, slots
        best = (
            guess.confidence * (1 + _SLOT_WEIGHT * self._told(guess.intent, slots)),
            guess.intent,
            slots,
        )
        for name, probability in guess.others:
            if probability < _JOINT_RATIO * guess.confidence:
                break
            if name.startswith("AMAZON.") or name == FALLBACK:
                continue
            found = self._scan(name, said)
            score = probability * (1 + _SLOT_WEIGHT * self._told(name, found))
            if score > best[0]:
                best = (score, name, found)
        return best[1], best[2]

    def _told(self, intent: str, slots: Mapping[str, Mapping[str, Any]]) -> int:
        """How many listed values of what happened to the product these slots hold."""
        declared = self._slot_types.get(intent, {})
        return sum(
            declared.get(name) in _SAID_IN_ANY_FORM and _resolved_id(slot) is not None
            for name, slot in slots.items()
        )

    def _dated_answer(self, guessed: str, said: list[str]) -> dict[str, Any] | None:
        """A yes, a no or an "I don't know" that goes on to say a date, heard as the date.

        Alexa's built-in yes and no are the word alone or with a few words of assent; a date
        said after it ("yes, last year, twenty twenty five", "no, in October") is what a
        custom intent's date sample hears, so the date is sent, in the intent that carries a
        purchase's facts. None for anything else.
        """
        if guessed == _DONT_KNOW:
            # "I don't know exactly, he bought it in December I think": DontKnowIntent holds no
            # date, and a date said is what the customer does know (with the rest they said)
            facts = self._scan(_FACTS_INTENT, said)
            return {"name": _FACTS_INTENT, "slots": facts} if _PURCHASE_DATE in facts else None
        # "wait, no, the 18th": a correction's own word may come before the no
        lead = 0
        while lead < len(said) - 1 and _key(said[lead]) in _CORRECTION_MARKERS - _YES_NO_WORDS:
            lead += 1
        if guessed not in {YES, NO} or not said or _key(said[lead]) not in _YES_NO_WORDS:
            return None
        found = self._scan(_FACTS_INTENT, said[lead + 1 :]).get(_PURCHASE_DATE)
        if found is None:
            return None
        return {"name": _FACTS_INTENT, "slots": {_PURCHASE_DATE: found}}

    def _trained(self) -> "IntentClassifier":
        """The intent classifier, trained on first use (scikit-learn is imported only then)."""
        if not self._classifier:
            from devtools.nlu_classifier import trained, training_examples

            examples = training_examples(
                self._intent_samples,
                self._slot_types,
                self._spoken,
                normalise=_normalise,
                seed=self._seed,
            )
            self._classifier["trained"] = trained(examples)
        return self._classifier["trained"]

    def _scan(self, intent: str, said: list[str]) -> dict[str, dict[str, Any]]:
        """Fill the intent's slots from values and dates anywhere in the words, longest first.

        A customer who corrects themselves ("on October eighteenth, no wait, October twenty
        second") means the value said after the correction: when the words after a correction
        marker name again a slot the words before it named, those after win, and the words before
        still fill what was said only there ("..., from your AliExpress store").
        """
        slots = self._scan_words(intent, said)
        keys = [_key(word) for word in said]
        for marker in reversed(range(len(keys))):
            if keys[marker] not in _CORRECTION_MARKERS:
                continue
            before = self._scan_words(intent, said[:marker])
            spans: dict[str, tuple[int, int]] = {}
            after = self._scan_words(intent, said[marker + 1 :], spans)
            if any(name in before for name in after):
                corrected = self._partly_corrected(intent, before, spans, said[marker + 1 :])
                return {**before, **after, **corrected}
        return slots

    def _partly_corrected(
        self,
        intent: str,
        before: Mapping[str, dict[str, Any]],
        spans: Mapping[str, tuple[int, int]],
        after: list[str],
    ) -> dict[str, dict[str, Any]]:
        """Dates a correction said again only in part ("November 25th 2024, sorry, 2025").

        The part may be more than the words the date slot was filled from: in "November 22nd,
        no, 25th, 2025" the slot heard only the year, and the day before it is corrected too.
        """
        corrected: dict[str, dict[str, Any]] = {}
        for name, (start, end) in spans.items():
            if self._slot_types[intent][name] != "AMAZON.DATE" or name not in before:
                continue
            earlier = str(before[name].get("value", ""))
            through, words_said = " ".join(after[:end]), " ".join(after[start:end])
            value = corrected_date(earlier, through) or corrected_date(earlier, words_said)
            if value is not None:
                corrected[name] = {**before[name], "value": value}
        return corrected

    def _scan_words(
        self, intent: str, said: list[str], filled_from: dict[str, tuple[int, int]] | None = None
    ) -> dict[str, dict[str, Any]]:
        """The slots found in these words, the longest and earliest values first.

        ``filled_from``, when given, receives where in the words each slot was filled from.
        """
        declared = self._slot_types.get(intent, {})
        keys = [_key(word) for word in said]
        taken = [False] * len(said)
        slots: dict[str, dict[str, Any]] = {}
        spans = sorted(
            (
                (start, end)
                for start in range(len(said))
                for end in range(start + 1, min(len(said), start + _MAX_SLOT_WORDS) + 1)
            ),
            key=lambda span: (span[0] - span[1], span[0]),
        )
        for start, end in spans:
            if any(taken[start:end]):
                continue
            open_slots = [
                name
                for name in declared
                if name not in slots
                and (not name.startswith(_ALSO) or _joined(keys, start, end, name))
            ]
            fitting = [
                name for name in open_slots if self._names_value(intent, name, keys, start, end)
            ]
            if not fitting:
                continue
            before = tuple(keys[max(0, start - 2) : start])
            # the words before decide between slots the value fits; on a tie, a fact of the
            # purchase ("from the zosi website") wins over the general topic, which asks nothing
            # the fact does not already say
            slot = max(
                fitting,
                key=lambda name: (self._context_score(intent, name, before), name != _TOPIC),
            )
            filled = self._fill(intent, slot, said[start:end])
            if filled is not None and self._restates(intent, slot, filled, slots):
                # "I'm in Georgia now, Tbilisi": the city says again where they are; it is no
                # second country (of purchase) that happens to be the same one
                taken[start:end] = [True] * (end - start)
            elif filled is not None:
                slots[slot] = filled
                taken[start:end] = [True] * (end - start)
                if filled_from is not None:
                    filled_from[slot] = (start, end)
        return slots

    def _restates(
        self, intent: str, slot: str, filled: Mapping[str, Any], slots: Mapping[str, Any]
    ) -> bool:
        """Whether a value names what another slot of the same type already holds."""
        declared = self._slot_types.get(intent, {})
        heard = _resolved_id(filled)
        return heard is not None and any(
            declared.get(name) == declared[slot] and _resolved_id(other) == heard
            for name, other in slots.items()
        )

    def _names_value(self, intent: str, slot: str, keys: list[str], start: int, end: int) -> bool:
        """Whether these words are a value (or, for a date slot, a date) of the slot's type."""
        slot_type = self._slot_types[intent][slot]
        phrase = keys[start:end]
        if slot_type == "AMAZON.DATE":
            following = keys[end] if end < len(keys) else None
            counts = following in _COUNTED_AFTER_ORDINAL
            cut = following is not None and splits_a_number(phrase[-1], following)
            if counts or cut or (len(phrase) == 1 and phrase[0] in _NOT_DATES_ALONE):
                return False
            return resolve_date_phrase(" ".join(phrase), self._today) not in {None, "PRESENT_REF"}
        if slot_type == "AMAZON.DURATION":
            return resolve_duration_phrase(" ".join(phrase)) is not None and self._in_place(
                intent, slot, keys, start, end
            )
        if self._lookup(slot_type, phrase) is None:
            return False
        if len(phrase) == 1 and phrase[0] in self._carriers:
            return self._context_score(intent, slot, tuple(keys[max(0, start - 2) : start])) > 0
        return True

    def _lookup(self, slot_type: str, spoken: Sequence[str]) -> tuple[str, str] | None:
        """The value of this slot type these words name, as said or in another form of its words.

        Alexa resolves "i drop it" to a value listed as "I dropped it" and "chewing the cable" to
        "chewed the cable": its resolution matches the forms of a value's words, not only the
        listed string. Only for the types that say what happened (`_SAID_IN_ANY_FORM`).
        """
        match = _listed(self._values.get(slot_type, {}), spoken)
        stems = self._stems.get(slot_type)
        if match is None and stems is not None:  # stemmed only for the types that have stems
            match = stems.get(_stem_key(spoken))
        return match

    def _in_place(self, intent: str, slot: str, keys: list[str], start: int, end: int) -> bool:
        """Whether a length of time stands where samples put this slot, not just anywhere.

        "Thirty days" in "do I have thirty days to return it" is no age of the product: Alexa
        fills a duration slot from the words around it, so a duration found outside a sample
        counts only after two words a sample puts before the slot ("had it for"), after a
        word other than "for" ("broke after"), or before a word a sample puts after it
        ("eight months old", "a year ago").
        """
        before = tuple(keys[max(0, start - 2) : start])
        score = self._context_score(intent, slot, before)
        if score == 2 or (score == 1 and before[-1:] != ("for",)):
            return True
        return tuple(keys[end : end + 1]) in self._after.get(slot, set())

    def _context_score(self, intent: str, slot: str, before: tuple[str, ...]) -> int:
        """2 when the two words before match a sample's words before this slot, 1 for one word."""
        contexts = self._contexts.get(slot, set())
        if len(before) == 2 and before in contexts:
            return 2
        return 1 if before[-1:] in contexts else 0

    def _complete(self, intent: dict[str, Any]) -> dict[str, Any]:
        """Give the intent every declared slot, unfilled ones as Alexa sends them."""
        slots = intent.setdefault("slots", {})
        for name in self._slot_types.get(intent["name"], {}):
            slots.setdefault(name, {"name": name, "confirmationStatus": "NONE"})
        intent.setdefault("confirmationStatus", "NONE")
        return intent

    def _best(self, samples: Sequence[_Sample], said: list[str]) -> _Candidate | None:
        """The best-ranked reading; the earliest sample wins a tie."""
        best: _Candidate | None = None
        for variant in _readings(said):
            keys = [_key(word) for word in variant]
            present = set(keys)
            for sample in samples:
                if not sample.literals <= present:
                    continue
                for candidate in self._readings(sample, variant, keys):
                    if best is None or candidate.rank < best.rank:
                        best = candidate
        return best

    def _readings(self, sample: _Sample, said: list[str], keys: list[str]) -> Iterator[_Candidate]:
        for spans in _align(sample.parts, keys, 0, 0):
            slots: dict[str, dict[str, Any]] = {}
            unresolved = 0
            for slot_name, (start, end) in spans.items():
                slot = self._fill(sample.intent, slot_name, said[start:end])
                if slot is None or self._cuts_a_number(sample.intent, slot_name, keys, end):
                    break
                unresolved += _is_unresolved(slot)
                slots[slot_name] = slot
            else:
                yield _Candidate(sample.intent, slots, unresolved, sample.literal_count)

    def _cuts_a_number(self, intent: str, slot: str, keys: list[str], end: int) -> bool:
        """Whether a date slot's words stop inside a spoken number ("two thousand | and 26")."""
        if self._slot_types[intent][slot] != "AMAZON.DATE" or not 0 < end < len(keys):
            return False
        return splits_a_number(keys[end - 1], keys[end])

    def _fill(self, intent: str, slot: str, spoken: list[str]) -> dict[str, Any] | None:
        """The slot JSON for these words, or None when Alexa would not put them in this slot."""
        slot_type = self._slot_types[intent][slot]
        text = " ".join(spoken)
        filled: dict[str, Any] = {"name": slot, "confirmationStatus": "NONE", "source": "USER"}
        if slot_type == "AMAZON.DATE":
            value = resolve_date_phrase(text, self._today)
            return None if value is None else {**filled, "value": value}
        if slot_type == "AMAZON.DURATION":
            length = resolve_duration_phrase(text)
            return None if length is None else {**filled, "value": length}
        if slot_type.startswith("AMAZON."):
            return {**filled, "value": text}
        match = self._lookup(slot_type, spoken)
        if match is None and len(spoken) > 1 and spoken[0] in _ARTICLES:
            match = self._lookup(slot_type, spoken[1:])
        if match is None and len(spoken) > 1 and spoken[-1] in _PARTICLES_AFTER:
            # "is delivery free to Germany too": Alexa leaves the particle out of the value
            match = self._lookup(slot_type, spoken[:-1])
            if match is not None:
                text = " ".join(spoken[:-1])
        if match is None and len(spoken) > _MAX_UNMATCHED_WORDS:
            return None
        if match is None and resolve_date_phrase(text, self._today) not in {None, "PRESENT_REF"}:
            # "I bought it in September 2025" fits "I bought it in {purchaseCountry}" word for
            # word, but Alexa hears a date in it: no custom slot takes a date that names none of
            # its values (the turn is understood as its date instead)
            return None
        authority: dict[str, Any] = {
            "authority": ER_AUTHORITY + slot_type,
            "status": {"code": "ER_SUCCESS_MATCH" if match else "ER_SUCCESS_NO_MATCH"},
        }
        if match:
            authority["values"] = [{"value": {"name": match[0], "id": match[1]}}]
        return {**filled, "value": text, "resolutions": {"resolutionsPerAuthority": [authority]}}


# An intent at least _JOINT_RATIO as likely as the best one is weighed with the facts it holds.
_SLOT_WEIGHT: Final = 0.5
_JOINT_RATIO: Final = 0.5


def _joined(keys: Sequence[str], start: int, end: int, slot: str) -> bool:
    """Whether a join ("and", "what about") comes in the few words before or after a value.

    "... and what about customs" joins the second question after the first; "where do you
    ship from, and how long does it take" puts it first. A second aspect may also come as a
    condition: "if your technicians say it's fine, who pays" asks what happens then (W8),
    though an "if" names no second topic ("the postage back if it's faulty").
    """
    joins = _ASPECT_JOINS if slot == _ALSO_ASPECT else _JOINS
    near = [*keys[max(0, start - _JOIN_REACH) : start], *keys[end : end + _JOIN_REACH]]
    return any(key in joins for key in near)


def _listed(index: Mapping[str, tuple[str, str]], spoken: Sequence[str]) -> tuple[str, str] | None:
    """The slot value these words name, said as they are or in the plural ("cameras")."""
    key = _phrase_key(spoken)
    match = index.get(key)
    if match is None and len(key) > 3 and key.endswith("s"):
        match = index.get(key[:-1])
    return match


# The slot types whose values tell what happened ("dropped it", "stopped recording"): a customer
# says them in any tense or form. Topics and aspects are names, whose forms differ in meaning
# ("buying" is where to buy, "buy" no topic at all), and are matched as listed.
_SAID_IN_ANY_FORM: Final = frozenset({"ProductCondition", "ReturnReason"})


# A Snowball stemmer keeps the word it works on in itself: one per thread (the load test and
# the local server understand on many).
_STEMMERS: Final = threading.local()


def _stemmer() -> Any:  # noqa: ANN401 - snowballstemmer ships no types
    if not hasattr(_STEMMERS, "english"):
        _STEMMERS.english = snowballstemmer.stemmer("english")
    return _STEMMERS.english


def _stem_key(phrase: Sequence[str]) -> str:
    """A value's words as Alexa's resolution compares them: their Snowball stems."""
    return " ".join(_stemmer().stemWords([_key(word) for word in phrase]))


def _stem_index(index: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The values by their stems, keeping only stems that name one value."""
    stems: dict[str, tuple[str, str]] = {}
    clashes: set[str] = set()
    for key, entry in index.items():
        stem = _stem_key(key.split())
        if not stem:
            continue
        if stems.setdefault(stem, entry)[1] != entry[1]:
            clashes.add(stem)
    return {stem: entry for stem, entry in stems.items() if stem not in clashes}


def _normalise(text: str) -> str:
    """Words as the classifier sees them: one space between the keys Alexa would hear."""
    return " ".join(_key(word) for word in words(text))


def _slot_contexts(samples: Sequence[_Sample]) -> dict[str, set[tuple[str, ...]]]:
    """The one and two words that samples of any intent put before each slot name."""
    contexts: dict[str, set[tuple[str, ...]]] = {}
    for sample in samples:
        for index, (is_slot, name) in enumerate(sample.parts):
            if not is_slot:
                continue
            before = [part for _, part in sample.parts[max(0, index - 2) : index]]
            found = contexts.setdefault(name, set())
            found.update({tuple(before[-1:]), tuple(before)})
    return contexts


def _slot_followers(samples: Sequence[_Sample]) -> dict[str, set[tuple[str, ...]]]:
    """The word that samples of any intent put right after each slot name."""
    followers: dict[str, set[tuple[str, ...]]] = {}
    for sample in samples:
        for index, (is_slot, name) in enumerate(sample.parts[:-1]):
            following_is_slot, following = sample.parts[index + 1]
            if is_slot and not following_is_slot:
                followers.setdefault(name, set()).add((following,))
    return followers


def _carrier_words(samples: Sequence[_Sample]) -> frozenset[str]:
    """Literal words that samples of many intents use, so they carry no slot on their own."""
    intents: dict[str, set[str]] = {}
    for sample in samples:
        for is_slot, part in sample.parts:
            if not is_slot:
                intents.setdefault(part, set()).add(sample.intent)
    return frozenset(word for word, users in intents.items() if len(users) >= _CARRIER_INTENTS)


def _compile(intent: str, text: str) -> _Sample:
    """Split a sample into literal word keys and slot names (odd pieces of the split)."""
    parts: list[tuple[bool, str]] = []
    for index, chunk in enumerate(_SLOT.split(text)):
        if index % 2:
            parts.append((True, chunk))
        else:
            parts.extend((False, _key(word)) for word in words(chunk))
    return _Sample(intent, tuple(parts), frozenset(part for is_slot, part in parts if not is_slot))


def _align(
    parts: Sequence[tuple[bool, str]], keys: list[str], part: int, position: int
) -> Iterator[dict[str, tuple[int, int]]]:
    """Every way the sample's parts cover the words exactly; slots take one word or more."""
    if part == len(parts):
        if position == len(keys):
            yield {}
        return
    is_slot, value = parts[part]
    if not is_slot:
        if position < len(keys) and keys[position] == value:
            yield from _align(parts, keys, part + 1, position + 1)
        return
    for end in range(position + 1, len(keys) + 1):
        for rest in _align(parts, keys, part + 1, end):
            yield {value: (position, end), **rest}


def _readings(said: list[str]) -> list[list[str]]:
    """The word lists samples are matched against: as said, without fillers, and spelt out.

    A question word's contraction ("what's an RMA") is also read spelt out ("what is an RMA"),
    as Alexa's matching does; samples write either form.
    """
    variants = _fillers_left_out(said)
    spelt = [_spelt_out(words) for words in variants]
    return variants + [words for words in spelt if words not in variants]


_QUESTION_CONTRACTIONS: Final = {
    "what's": ["what", "is"],
    "where's": ["where", "is"],
    "who's": ["who", "is"],
    "how's": ["how", "is"],
    "when's": ["when", "is"],
}


def _spelt_out(said: list[str]) -> list[str]:
    return [part for word in said for part in _QUESTION_CONTRACTIONS.get(word, [word])]


def _fillers_left_out(said: list[str]) -> list[list[str]]:
    """The words as said, and without a leading "please"/"um" or trailing "please"/"thanks".

    A greeting before a request ("hi there, quick question, I ordered a camera on Ozon") is
    left out too: said alone it is a request for help (the model's HelpIntent samples), but
    before a request it asks nothing of its own.
    """
    trimmed = list(said)
    while True:
        greeting = next((g for g in _GREETINGS if tuple(trimmed[: len(g)]) == g), None)
        if greeting is not None and len(trimmed) > len(greeting):
            trimmed = trimmed[len(greeting) :]
        elif trimmed[:1] and trimmed[0] in _FILLERS_BEFORE:
            trimmed = trimmed[1:]
        else:
            break
    for filler in _FILLERS_AFTER:
        if len(trimmed) > len(filler) and tuple(trimmed[-len(filler) :]) == filler:
            trimmed = trimmed[: -len(filler)]
    return [said] if trimmed == said or not trimmed else [said, trimmed]


def _agrees(intent: str, guess: "Guess", trusted: bool) -> bool:
    """Whether the classifier lets an exact reading with an unknown slot word stand.

    It does unless it takes the words for out-of-domain, or is sure (`trusted`) they are another
    intent ("what are my options" fits "what are {topic}", but is a request for help).
    """
    if guess.intent == FALLBACK:
        return False
    return guess.intent == intent or not trusted


def _guesswork(candidate: _Candidate) -> bool:
    """Whether a sample matched only by stuffing several unknown words into a custom slot.

    "my {product} {reason}" matches "my camera stopped recording at night" with product "camera
    stopped recording at"; Alexa would not trust such a reading, and neither does the trained
    path. One or two unknown words ("my toaster", "in Atlantis") stay an unresolved slot.
    """
    return any(
        _is_unresolved(slot) and len(str(slot["value"]).split()) > _MAX_GUESSED_WORDS
        for slot in candidate.slots.values()
    )


#: A sample with at most this many words of its own, every slot of which names no value, is
#: no evidence of its intent: "I {condition}" fits "i like green apples".
_MAX_BARE_LITERALS: Final = 2


def _bare(candidate: _Candidate) -> bool:
    """Whether an exact match rests on no value and hardly any words of the sample's own.

    Alexa's statistical NLU needs evidence: the carrier words of a sample, or a slot value it
    knows. "{aspect} is {topic}" matched by "how old is the queen" has one word of its own
    and two slots that name nothing the model knows, so it is not taken as that intent.
    """
    filled = [slot for slot in candidate.slots.values() if slot.get("value")]
    return (
        candidate.literal <= _MAX_BARE_LITERALS
        and bool(filled)
        and all(_is_unresolved(slot) for slot in filled)
    )


def _resolved_id(slot: Mapping[str, Any]) -> str | None:
    """The id of the value a custom slot resolved to, if it resolved."""
    for authority in slot.get("resolutions", {}).get("resolutionsPerAuthority", []):
        if authority["status"]["code"] == "ER_SUCCESS_MATCH":
            return str(authority["values"][0]["value"]["id"])
    return None


def _is_unresolved(slot: Mapping[str, Any]) -> bool:
    authorities = slot.get("resolutions", {}).get("resolutionsPerAuthority", [])
    return any(a["status"]["code"] == "ER_SUCCESS_NO_MATCH" for a in authorities)
