"""The statistical half of the local NLU: an intent classifier trained on the model's samples.

Alexa does not only match sample utterances word for word: it generalises from them, and sends
AMAZON.FallbackIntent for requests outside the skill. `devtools.nlu` tries exact sample matches
first and asks this classifier only when none fits. It is trained on the samples of one locale's
interaction model, each slot reference replaced by words the slot type really holds (a value or
synonym, or a spoken date). The Fallback class learns from the model's own AMAZON.FallbackIntent
samples (near-domain requests the skill does not answer, the ones Alexa's out-of-domain model is
trained on) and from a list of sentences about everything else, `OUT_OF_DOMAIN`.

scikit-learn is a development dependency; this module is imported only when the trained path is
used, so `import devtools.nlu` stays cheap and the skill's Lambda package never needs it.
"""

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

OUT_OF_DOMAIN_LABEL: Final = "AMAZON.FallbackIntent"

# Requests about everything but ZOSI: with the model's AMAZON.FallbackIntent samples, the Fallback
# class learns from these. What a ZOSI customer may ask that the skill does not answer (setting up
# a camera, other brands, the app) is written once, in the model's fallbackSamples, never here.
# Both are kept apart from the customer corpus in tests/nlu/, which is never used for training.
OUT_OF_DOMAIN: Final[tuple[str, ...]] = (
    "what's the weather like today", "will it rain tomorrow", "what time is it",
    "set an alarm for seven", "set a timer for ten minutes", "play some music",
    "play the radio", "turn on the lights", "turn off the kitchen light",
    "tell me a joke", "sing a song", "who won the football game", "what's the score",
    "how tall is mount everest", "what is the capital of france", "who is the president",
    "add milk to my shopping list", "order a pizza", "call my mom", "send a text to john",
    "what's on my calendar", "remind me to take out the trash", "how do I make pancakes",
    "what's a good recipe for dinner", "translate hello into spanish", "spell necessary",
    "what's two plus two", "how far is the moon", "read me the news", "good morning",
    "how are you", "what's your name", "are you a robot", "I love you", "tell me a story",
    "what movies are playing", "book a table for two", "find a taxi", "how's the traffic",
    "what's the stock price of apple", "convert ten dollars to euros",
    "what does photosynthesis mean",
    "play jazz in the living room", "volume up", "turn it down", "next song", "pause the music",
    "how many calories in an apple", "what should I wear today", "flip a coin", "roll a dice",
    "buy more dog food", "where is the nearest gas station", "when does the supermarket close",
    "my car won't start", "my washing machine is leaking", "can you recommend a good book",
    "who wrote hamlet", "what year did the war end", "how old is the universe",
    "open the garage door", "lock the front door", "start the vacuum cleaner",
    "what's the meaning of life", "do you like cats", "the quick brown fox",
    "bananas are yellow", "my cat is sleeping on the sofa", "I had pasta for lunch",
    "is it going to snow this weekend", "what's the population of china",
    "how do I change a tyre", "play a podcast", "wake me up at six",
    "turn the heating up", "what's the wifi password", "how do I reset my router",
    "set the thermostat to twenty degrees", "dim the lights in the hall", "what's on tv tonight",
    "who is taylor swift", "how do I boil an egg", "recommend a movie", "what day is it",
    "how many ounces in a cup", "find my phone", "order more paper towels", "what's new",
    "tell me about black holes", "what's the tallest building in the world", "good night",
    "I'm bored", "what's the best laptop", "my printer is out of ink", "my phone screen cracked",
    "my fridge is making a noise", "cancel my netflix subscription", "pay my electricity bill",
    "check my bank balance", "how do I lose weight", "what's a healthy breakfast",
    "when is the next full moon", "how do I tie a tie", "what language do they speak in brazil",
    "play white noise", "start meditation", "call an ambulance", "where did I park my car",
    "what's the score of the hockey game", "who won the election", "make me a sandwich",
    "how do volcanoes work", "what's the difference between a frog and a toad",
    "my internet is slow", "book a hotel in berlin", "how much is a flight to new york",
    "the sky is green today", "seven purple monkeys", "car keys on the table",
    "the train was late this morning", "my sister has a new dog", "I need a haircut",
    "what rhymes with orange", "count to ten", "how do you spell restaurant",
    # math, facts about places and people, money, reading aloud, fitness, gardening, cooking,
    # smart-home commands and shopping for other things: written here, not taken from tests/nlu
    "what is twelve times eight", "divide one hundred by four", "what's fifteen percent of eighty",
    "what is nine squared", "add three and five", "what's the cube of three",
    "how many centimeters in an inch", "how many feet in a mile", "what's a prime number",
    "how big is russia", "what is the biggest city in canada", "how many countries are in africa",
    "what's the longest river in europe", "where is mongolia", "when was paris founded",
    "what is the population of germany",
    "how much is a bitcoin worth", "what's the price of gold today",
    "how much is one euro in rubles", "should I buy shares", "what is inflation",
    "read me a fairy tale", "tell me a riddle", "recite a poem about love",
    "read me my audiobook", "tell me a fun fact",
    "start my running playlist", "begin a yoga session", "let's do some push ups",
    "how many steps did I walk today", "how do I build muscle",
    "when should I plant potatoes", "how often should I water my roses", "how do I prune a tree",
    "what flowers grow in shade", "how do I get rid of weeds", "how do I make compost",
    "how long do I bake a chicken", "what can I cook with rice and eggs", "how do I make bread",
    "give me a soup recipe", "how long do I boil pasta", "convert two cups to grams",
    "turn on the fan", "switch off the tv", "open the blinds", "set the lights to blue",
    "is the back door locked", "turn on the sprinklers", "start the robot vacuum",
    "buy new running shoes", "order a phone charger for my laptop", "add eggs to my cart",
    "where can I buy a cheap sofa", "how much does a new fridge cost", "reorder coffee beans",
    "who painted the mona lisa", "how many planets are there",
    "what is the largest ocean",
    "what's the weather in madrid", "is it windy outside", "do I need an umbrella",
    "play my favourite playlist", "shuffle my music",
    "what's the date today", "how many days until christmas", "set a reminder for my meeting",
    "when do the shops open on sunday", "what time does the bank close", "find a dentist near me",
    "how do I learn french", "what's the plural of mouse", "define the word serendipity",
    "my dog keeps barking at night", "my neighbor parks in front of my house",
    "the bus is always late", "I can't sleep", "my back hurts",
    "what's the weather in saint petersburg", "tell me about the history of moscow",
    "what time is it in novosibirsk", "how cold does it get in siberia",
    "what's the best restaurant in kazan", "what river runs through moscow",
    "start a timer for the oven", "start a stopwatch", "start a new game", "start a meditation",
    "begin a podcast", "start the car", "start the washing machine",
    "what time is it in vladivostok", "what's the population of saint petersburg",
    "what's the weather like in sochi", "tell me about the history of kazan",
    "best places to visit in moscow", "who is the mayor of moscow",
    "what language do people speak in tatarstan", "what's the tallest building in moscow",
    # "start a ..." and "open a ..." belong to claims only with a claim word after them
    "start a seven minute workout", "start my workout", "start a quiz", "start a countdown",
    "start a conversation", "start a party", "start a fire in the fireplace", "open a new tab",
    "open a window", "open a bank account", "open a can of soup", "open a present",
    "begin a workout", "start a trivia game", "start a story", "start a playlist",
    "open a file", "start an exercise routine", "start a lesson", "open a book",
    # "on ..." and "from ..." name a shop only when a shop follows
    "what's new on youtube", "what's on netflix tonight", "post a photo on facebook",
    "what's popular on tiktok", "from the top of the hour", "news from the bbc",
    "messages from my sister", "what's playing on the radio", "on second thought play music",
    "what's happening on instagram", "the latest from hacker news", "emails from my boss",
    # "again" is a repeat only about what the skill said
    "it's raining again", "the neighbours are loud again", "the bus is late again",
    "my team lost again", "play that song again", "the kids are fighting again",
    "the dog is barking again", "it's monday again",
)  # fmt: skip

# What a customer says for an AMAZON.DATE slot, so the classifier sees date words in place.
DATE_EXAMPLES: Final[tuple[str, ...]] = (
    "yesterday", "last week", "two weeks ago", "last month", "in october", "on march third",
    "three months ago", "last year", "in twenty twenty five", "on the fifth of september",
    "last monday", "a few days ago", "this summer", "in january", "today", "on friday",
)  # fmt: skip

# What a customer says for an AMAZON.DURATION slot (how long they have had the product).
DURATION_EXAMPLES: Final[tuple[str, ...]] = (
    "five months", "a year", "two weeks", "eight months", "a year and a half", "six month",
    "three months", "ten days", "half a year", "eleven months", "two years", "a month",
)  # fmt: skip

_EXPANSIONS_PER_SAMPLE: Final = 5
_SLOT: Final = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Guess:
    """The classifier's best intent for an utterance and its probability."""

    intent: str
    confidence: float
    out_of_domain: float = 0.0
    #: The other intents, likeliest first, with their probabilities.
    others: tuple[tuple[str, float], ...] = ()


def training_examples(
    samples: Mapping[str, Sequence[str]],
    slot_types: Mapping[str, Mapping[str, str]],
    spoken_values: Mapping[str, Sequence[str]],
    normalise: Callable[[str], str],
    seed: int = 0,
) -> tuple[tuple[str, str], ...]:
    """The (text, intent) pairs the classifier learns from.

    Args:
        samples: Each intent's sample utterances as the interaction model lists them, slot
            references as `{slot}`; AMAZON.FallbackIntent's train the out-of-domain class.
        slot_types: Each intent's declared slots and their types.
        spoken_values: Each custom slot type's values and synonyms as said.
        normalise: Turns text into the words the classifier is later asked about.
        seed: Seeds the choice of slot words, so training is repeatable; each sample's words
            are drawn from this seed and the sample alone.

    Returns:
        Every sample with its slots filled a few ways, and `OUT_OF_DOMAIN` as Fallback.
    """
    examples: list[tuple[str, str]] = []
    for intent, texts in samples.items():
        for text in texts:
            copies = _EXPANSIONS_PER_SAMPLE if _SLOT.search(text) else 1
            for copy in range(copies):
                draw = f"{seed}|{intent}|{text}|{copy}"

                def said(slot: re.Match[str], intent: str = intent, draw: str = draw) -> str:
                    words = _words_for(slot_types[intent][slot.group(1)], spoken_values)
                    return _drawn(words, f"{draw}|{slot.start()}")

                examples.append((normalise(_SLOT.sub(said, text)), intent))
    examples.extend((normalise(text), OUT_OF_DOMAIN_LABEL) for text in OUT_OF_DOMAIN)
    return tuple(dict.fromkeys(examples))


def _words_for(slot_type: str, spoken_values: Mapping[str, Sequence[str]]) -> Sequence[str]:
    if slot_type == "AMAZON.DATE":
        return DATE_EXAMPLES
    if slot_type == "AMAZON.DURATION":
        return DURATION_EXAMPLES
    return spoken_values.get(slot_type) or ("something",)


def _drawn(words: Sequence[str], draw: str) -> str:
    """The words one slot of one training line is filled with, by rendezvous hashing.

    Each candidate gets a score hashed from the draw (seed, sample, copy, slot) and itself, and
    the highest wins. A draw depends only on its own sample and the slot's words, and adding a
    value to a slot type changes only the draws that value now wins: a model change is measured
    against the same classifier, not a reshuffled one.
    """
    drawn = hashlib.blake2b(f"{draw}|".encode(), digest_size=8)

    def score(word: str) -> bytes:
        scored = drawn.copy()
        scored.update(word.encode())
        return scored.digest()

    return max(words, key=score)


class IntentClassifier:
    """TF-IDF over word and character n-grams, then logistic regression."""

    def __init__(self, examples: Iterable[tuple[str, str]]) -> None:
        """Fit the classifier.

        Args:
            examples: (text, intent) pairs, as `training_examples` returns.
        """
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, make_pipeline

        texts, labels = zip(*examples, strict=True)
        word_grams = TfidfVectorizer(token_pattern=r"[^ ]+", ngram_range=(1, 2), sublinear_tf=True)
        char_grams = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        features = FeatureUnion([("words", word_grams), ("chars", char_grams)])
        self._pipeline: Any = make_pipeline(
            features, LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced")
        )
        self._pipeline.fit(list(texts), list(labels))

    def guess(self, text: str) -> Guess:
        """The most likely intent (or the out-of-domain label) and its probability."""
        probabilities = self._pipeline.predict_proba([text])[0]
        classes = [str(name) for name in self._pipeline.classes_]
        best = int(probabilities.argmax())
        ood = float(probabilities[classes.index(OUT_OF_DOMAIN_LABEL)])
        ranked = sorted(range(len(classes)), key=lambda index: -float(probabilities[index]))
        others = tuple(
            (classes[index], float(probabilities[index]))
            for index in ranked
            if index != best and classes[index] != OUT_OF_DOMAIN_LABEL
        )
        return Guess(classes[best], float(probabilities[best]), ood, others)


@lru_cache(maxsize=8)
def trained(examples: tuple[tuple[str, str], ...]) -> IntentClassifier:
    """The classifier for these examples, fitted once per process."""
    return IntentClassifier(examples)
