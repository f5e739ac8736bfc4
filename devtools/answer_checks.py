"""What an answer says: the speech normalised, and the concepts of the answer corpus.

`tests/answers/README.md` defines the format: an entry's turn lists what the answer must and
must not say, each item a concept (`CONCEPTS`), a date (``until:YYYY-MM-DD``) or a regular
expression (``re:...``) over the normalised speech (`normalise`). `make answers-eval`
(`devtools.answers_eval`) reads answers with `hear` and checks them with `item_heard`.

Concepts are written from what they mean, so that any correct wording is heard and a wrong
meaning is not: a statement negated just before it ("you can't return it for a refund") is
not heard as the statement. They are tuned on the skill's own speech and the tuning half of the
corpus only, never on the blind half.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

# --- what the answer says, normalised ------------------------------------------------------------

_UNITS: Final = {
    word: n
    for n, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    )
}
_TEENS: Final = {
    word: n + 10
    for n, word in enumerate(
        (
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen",
        )
    )
}  # fmt: skip
_TENS: Final = {
    word: 10 * n
    for n, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2
    )
}
_NOT_A_WORD: Final = re.compile(r"[^a-z0-9']+")
#: An apostrophe that does not join two parts of a word is a quotation mark.
_QUOTE: Final = re.compile(r"(?<![a-z0-9])'|'(?![a-z0-9])")


def _at(words: Sequence[str], i: int) -> str:
    return words[i] if i < len(words) else ""


def _below_hundred(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A number from 0 to 99 said at ``words[i]`` and the index after it, or None."""
    word = _at(words, i)
    if word in _UNITS:
        return _UNITS[word], i + 1
    if word in _TEENS:
        return _TEENS[word], i + 1
    if word in _TENS:
        unit = _UNITS.get(_at(words, i + 1), 0)
        return (_TENS[word] + unit, i + 2) if unit else (_TENS[word], i + 1)
    return None


def _below_thousand(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A number below 1,000 ("two hundred and five") at ``words[i]``, or None."""
    small = _below_hundred(words, i)
    if small is None:
        return None
    value, i = small
    if 0 < value < 10 and _at(words, i) == "hundred":
        value, i = value * 100, i + 1
        start = i + 1 if _at(words, i) == "and" else i
        rest = _below_hundred(words, start)
        if rest is not None:
            value, i = value + rest[0], rest[1]
    return value, i


def _number(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """A number said in words at ``words[i]`` ("twenty four", "two thousand and six"), or None."""
    first = _below_thousand(words, i)
    if first is None:
        return None
    value, i = first
    if value > 0 and _at(words, i) == "thousand":
        value, i = value * 1000, i + 1
        start = i + 1 if _at(words, i) == "and" else i
        rest = _below_thousand(words, start)
        if rest is not None:
            value, i = value + rest[0], rest[1]
    return value, i


def normalise(text: str) -> str:
    """The answer as patterns read it (tests/answers/README.md).

    Lower case; numbers said in words as digits ("twenty four" reads 24, "twelve months"
    12 months, "one-year" 1 year); every punctuation mark a space, except an apostrophe inside
    a word ("can't", "zosi's"); single spaces. Dates arrive as "2 December 2027" from
    `devtools.spoken.ssml_to_text` and stay so, lower case.
    """
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    words = _QUOTE.sub(" ", _NOT_A_WORD.sub(" ", text)).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        number = _number(words, i)
        if number is None:
            out.append(words[i])
            i += 1
        else:
            out.append(str(number[0]))
            i = number[1]
    return " ".join(out)


#: A sentence ends at a full stop, question or exclamation mark, except after a spelled-out
#: letter ("your N. V. R. ended").
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])(?<!\b[A-Za-z]\.)\s+")
#: Where one clause ends and the next begins inside a sentence: a semicolon, a colon, a dash,
#: a bracket, or before a word that turns the sentence ("..., though", "otherwise ...").
_CLAUSE_BREAK: Final = re.compile(
    r"[;:()\u2013\u2014]|\s-\s|\b(?=(?:but|though|although|however|otherwise|whereas)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heard:
    """One spoken answer as the checks read it.

    Attributes:
        text: The speech as a listener hears it (`devtools.spoken.ssml_to_text`).
        normalised: All of it, normalised (what ``re:`` items read).
        statements: Each sentence that is not a question, as its normalised clauses.
        questions: Each sentence that ends with a question mark, normalised.
        ended: Whether the skill closed the session with this answer.
    """

    text: str
    normalised: str
    statements: tuple[tuple[str, ...], ...]
    questions: tuple[str, ...]
    ended: bool


def hear(text: str, *, ended: bool = False) -> Heard:
    """Read a spoken answer into sentences and clauses (see `Heard`)."""
    statements: list[tuple[str, ...]] = []
    questions: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        if sentence.rstrip().endswith("?"):
            if normalise(sentence):
                questions.append(normalise(sentence))
            continue
        clauses = tuple(c for c in (normalise(part) for part in _CLAUSE_BREAK.split(sentence)) if c)
        if clauses:
            statements.append(clauses)
    return Heard(text, normalise(text), tuple(statements), tuple(questions), ended)


# --- concepts: what an answer says, in any wording ---------------------------------------------

_NEGATIONS: Final = (
    r"not|no|never|nothing|none|nobody|neither|nor|can't|cannot|cant|won't|wont|isn't|isnt|"
    r"aren't|wasn't|weren't|doesn't|doesnt|don't|dont|didn't|couldn't|wouldn't|shouldn't|"
    r"haven't|hasn't|unable"
)
_NEGATION: Final = re.compile(rf"\b(?:{_NEGATIONS})\b")
#: Words a negation reaches across to the statement it negates: "can't still return", "won't be
#: able to get", "isn't possible to". Any other word ends its reach ("isn't a quality problem,
#: you pay" negates nothing that follows the problem).
_REACH: Final = (
    r"be|been|being|able|to|get|have|has|had|still|yet|really|actually|you|it|we|i|they|zosi|"
    r"possible|eligible|allowed|going|longer|any|the|your|a|an|for|do|does|make|way|there|is|"
    r"are|can|could|will|would|so|then|anymore|also|just|currently|at|all|more|need|needs|"
    r"bother|try"
)
_NEGATED_BEFORE: Final = re.compile(rf"\b(?:{_NEGATIONS})\b(?: (?:{_REACH}))*\s*$")
#: A clause that only says what would hold if something else did.
_CONDITIONAL: Final = r"\b(?:if|whether|unless|in case)\b"
_HEDGE: Final = r"\b(?:may|might|perhaps|possibly|probably|maybe)\b"
_MONTHS: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH: Final = "(?:" + "|".join(_MONTHS) + ")"
_DAY_MONTH: Final = rf"(?:\d{{1,2}} (?:of )?{_MONTH}|{_MONTH} \d{{1,2}})(?: \d{{4}})?"
_SHOP: Final = r"(?:shop|seller|store|retailer|reseller|marketplace|vendor|merchant|dealer)"
_SHIPPING: Final = r"(?:shipping|postage|delivery|freight|transport|courier)"


@dataclass(frozen=True)
class Concept:
    """One thing an answer can say, and the patterns that hear it in any wording.

    Patterns are Python regular expressions over normalised speech (`normalise`).

    Attributes:
        meaning: What the answer says when this concept is heard (tests/answers/README.md).
        says: Heard in one clause of a statement, unless a negation reaches it from just
            before ("you can't return it ...") or is inside the match, or a pattern of
            ``unless`` is found in the clause up to the end of the match.
        states: Heard in one statement (a sentence that is not a question), as it is.
        asks: Heard in one question the answer asks.
        anywhere: Heard anywhere in the answer, questions included.
        negatable: Whether a negation cancels a ``says`` match (False for concepts that
            are themselves a negative statement).
        unless: Patterns that cancel a ``says`` match found before it in its clause.
        also: A test of the whole answer that also hears the concept.
    """

    meaning: str
    says: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()
    negatable: bool = True
    unless: tuple[str, ...] = ()
    also: Callable[[Heard], bool] | None = None


def _ends_with_a_question(heard: Heard) -> bool:
    return heard.text.rstrip().endswith("?")


def _session_ended(heard: Heard) -> bool:
    return heard.ended


_REFUND: Final = r"(?:a |your |the )?(?:full )?(?:refund|money back)"

#: Every concept of tests/answers/README.md. Written from what each means, and checked against
#: the skill's own speech and the tuning half only: never against the blind half.
CONCEPTS: Final[Mapping[str, Concept]] = {
    "refund_yes": Concept(
        "the product can be returned for a (full) refund",
        says=(
            rf"\b(?:return|send)(?:ed)?(?: \w+){{0,5}} (?:for|and get|to get|"
            rf"and receive) {_REFUND}",
            rf"\b(?:can|could|will|you'll|you'd|would|may) (?:still )?(?:get|have|receive|claim) "
            rf"{_REFUND}",
            r"\b(?:eligible|qualif(?:y|ies)) for (?:a )?(?:full )?refund",
            r"\b(?:can|could|will) (?:still )?be (?:returned|refunded|sent back)\b",
            r"\b(?:is|are|it's|they're) (?:still )?refundable\b",
            r"\b(?:can|could|may) (?:still )?(?:return|send back) (?:it|them|this|that|your \w+|"
            r"the "
            r"\w+)(?: back)?\b(?! (?:\w+ ){0,3}(?:repair|replacement|warranty|shop|seller|store|"
            r"retailer|giver|person))",
            r"\b(?:zosi|we) (?:will |would |can )?refunds? (?:you|it|your)\b",
        ),
        unless=(_CONDITIONAL, r"\btoo late\b"),
    ),
    "refund_no": Concept(
        "it cannot be returned for a refund (window over, not bought from ZOSI, damaged, "
        "packaging gone ...)",
        says=(
            r"\b(?:can't|cannot|can not|cant|couldn't|won't|wont|unable to|not able to|no longer)"
            r"(?: \w+){0,4}? (?:refund(?:ed)?|money back|(?:be )?returned|return (?:it|them|your "
            r"\w+|the \w+) for)\b",
            r"\b(?:not|isn't|aren't|no longer) (?:\w+ )?(?:eligible|entitled|qualified) for (?:a )?"
            r"(?:full )?(?:refund|return)",
            r"\b(?:isn't|aren't|not|no longer) (?:\w+ )?refundable\b",
            r"\b(?:refund|return)(?:s)? (?:period|window|time|deadline)(?: \w+){0,6}? (?:ended|has "
            r"ended|is over|are over|was over|expired|has expired|has passed|passed|closed|is "
            r"closed|ran out|has run out)\b",
            r"\b30 days (?:are|were|is|have|has) (?:over|up|passed|gone)\b",
            r"\b30 days (?:have|has) (?:already )?passed\b",
            r"\b(?:past|outside|beyond|after|over) the (?:30 day )?(?:refund|return) "
            r"(?:period|window|time)",
            r"\btoo late (?:for|to get|to ask for|to return)",
            r"\b(?:gets?|is|there's|there is|get) no (?:full )?refund\b",
            r"\brefund (?:goes|has to go|must go|is handled|is done) (?:\w+ ){0,2}(?:through|by|"
            rf"with) (?:that|the|this|your) {_SHOP}",
            rf"\b(?:that|the) {_SHOP} (?:handles|deals with|is responsible for) the (?:return|"
            r"refund)",
        ),
        negatable=False,
        unless=(_CONDITIONAL,),
    ),
    "window_30_days": Concept(
        "the 30-day return period",
        states=(
            r"\b30 (?:calendar )?day (?:return|refund)",
            r"\b(?:refund|money back)(?: \w+){0,8} (?:within |in |for |of )?30 (?:calendar )?"
            r"days\b",
            r"\b(?:return|refund) (?:period|window|time) (?:\w+ ){0,3}30 (?:calendar )?days\b",
            r"\b30 (?:calendar )?days\b(?: \w+){0,12} (?:refund|money back)\b",
            r"\bwithin 30 (?:calendar )?days of (?:buying|purchase|the purchase|purchasing|"
            r"the order|ordering|receiving|delivery|getting)\b",
        ),
    ),
    "warranty_yes": Concept(
        "it is (still) under warranty",
        says=(
            r"\b(?:is|are|it's|they're|still|remains?|be) (?:still )?(?:under|within|in|covered "
            r"by) (?:the |its |your |their )?(?:\w+ ){0,2}(?:warranty|guarantee)\b",
            r"\b(?:is|are|it's|they're) (?:still )?covered\b",
            r"\bwarranty (?:is )?(?:still )?(?:valid|active|running|good|in force)\b",
            r"\b(?:warranty|guarantee) (?:runs|lasts|is valid|covers (?:it|them|your \w+)) "
            r"(?:until|till|through|to)\b",
        ),
        unless=(_CONDITIONAL, _HEDGE),
    ),
    "warranty_no": Concept(
        "it is not (or no longer) under warranty",
        says=(
            r"\b(?:warranty|guarantee)(?: \w+){0,6}? (?:ended|has ended|is over|was over|expired|"
            r"has"
            r" expired|ran out|has run out|lapsed|has lapsed|is no longer valid|isn't valid|is not "
            r"valid|no longer applies|is finished)\b",
            r"\b(?:no longer|not|isn't|aren't|is not|are not|wasn't) (?:\w+ ){0,2}?(?:under|"
            r"covered "
            r"by|within|in) (?:the |its |your |a )?(?:\w+ )?(?:warranty|guarantee)\b",
            r"\b(?:no longer|not|isn't|aren't) (?:\w+ )?covered\b",
            r"\b(?:out of|outside|past|beyond) (?:the |its |your )?(?:\w+ )?(?:warranty|guarantee)",
            r"\b(?:warranty|guarantee) (?:has )?(?:already )?(?:ended|expired|run out)\b",
        ),
        negatable=False,
        unless=(_CONDITIONAL,),
    ),
    "warranty_12_months": Concept(
        "the warranty is 12 months / one year",
        states=(
            r"\b(?:12 months?|1 year|a year|one year)\b(?: \w+){0,8} (?:warranty|guarantee)",
            r"\b(?:warranty|guarantee)(?: \w+){0,8} (?:12 months?|1 year|a year|one year)\b",
            r"\b12 month (?:warranty|guarantee)",
        ),
    ),
    "not_24_months": Concept(
        "must_not only: a promise of 24 months / two years",
        says=(r"\b(?:24 months?|2 years?)\b",),
    ),
    "customer_pays_shipping": Concept(
        "the customer pays the (return / international) shipping",
        says=(
            r"\byou(?:'ll|'d| will| would| must| also)?(?: have to| need to)? "
            r"(?:pay|cover|bear|cover the cost of) (?:for )?(?:the |any |your |all )?"
            rf"(?:\w+ ){{0,2}}{_SHIPPING}\b",
            rf"\b{_SHIPPING}(?: \w+){{0,4}} (?:is|are) (?:paid by you|on you|yours|your "
            r"responsibility|at your (?:own )?(?:cost|expense)|for you to pay)",
            rf"\b{_SHIPPING}(?: \w+){{0,3}} at your (?:own )?(?:cost|expense)",
            r"\bat your (?:own )?(?:cost|expense)\b",
            rf"\b(?:the )?customer pays (?:for )?(?:the )?(?:\w+ )?{_SHIPPING}",
        ),
        states=(rf"\b{_SHIPPING}\b.*\botherwise you pay (?:it|for it|that)\b",),
    ),
    "zosi_pays_shipping": Concept(
        "ZOSI pays or covers the return shipping, or refunds it",
        says=(
            r"\b(?:zosi|we)(?:'ll| will| would)? (?:\w+ )?(?:pays?|covers?|refunds?|reimburses?|"
            rf"bears?)(?: for)? (?:the |your |any |all |its )?(?:\w+ ){{0,2}}{_SHIPPING}",
            rf"\b{_SHIPPING}(?: costs?| fees?)? (?:is|are) (?:\w+ )?(?:covered|paid|refunded|"
            r"reimbursed) (?:by zosi|for you)",
            rf"\b(?:including|includes|included) (?:the )?(?:return )?{_SHIPPING}(?: costs?)?\b",
            rf"\b{_SHIPPING}(?: costs?| fees?)? (?:is|are) on zosi\b",
            r"\bzosi (?:pays|covers it|covers that)$",
        ),
        states=(
            rf"\b{_SHIPPING}\b.*\bzosi (?:pays|covers (?:it|that|them)|refunds (?:it|that|them))\b",
        ),
    ),
    "no_customs": Concept(
        "ZOSI does not pay customs, duties, taxes or carrier fees",
        says=(
            r"\b(?:doesn't|does not|never|won't|will not|don't|do not|not) (?:\w+ )?(?:pay|cover|"
            r"refund|include|reimburse)s? (?:for )?(?:any |the )?(?:customs|duties|duty|taxes|"
            r"import|carrier fees)",
            r"\b(?:customs|duties|duty|taxes)(?: \w+){0,6} (?:are|is) (?:always )?(?:yours|your "
            r"responsibility|on you|not covered|paid by you|for you to pay|not included|not "
            r"refunded)",
            r"\byou(?:'ll| will)?(?: have to)? (?:\w+ )?pay (?:any |the |all )?(?:customs|duties|"
            r"import)",
            r"\byou(?:'ll| will)?(?: have to)? (?:\w+ )?pay (?:\w+ ){1,4}and (?:any |all |the )?"
            r"(?:customs|duties|import)",
        ),
        states=(
            r"\b(?:customs|duties|duty)\b.*\b(?:yours to pay|your responsibility|paid by you)",
        ),
        negatable=False,
    ),
    "contact_shop": Concept(
        "contact the shop / seller / marketplace they bought it from",
        says=(
            r"\b(?:contact|ask|call|email|reach|check with|get in touch with|speak to|talk to|go "
            r"(?:back )?to|return it to|take it back to|send it back to|write to) (?:the |that |"
            rf"this |your |their |its )?(?:original )?(?:(?!zosi|official)\w+ )?{_SHOP}\b",
            rf"\b(?:goes|go|handled|handles|dealt|deal) (?:\w+ ){{0,2}}(?:through|by|with) (?:that|"
            rf"the|this|your) {_SHOP}\b",
            rf"\b{_SHOP}(?:'s)? (?:handles|deals with|is responsible for|takes care of)\b",
            rf"\b(?:that|the|this) {_SHOP}(?:'s)? own (?:return |"
            r"refund )?(?:and refund )?(?:policy|"
            r"rules|terms)",
            r"\bits own (?:return|refund)(?: and refund)? (?:policy|rules|terms)",
        ),
    ),
    "ask_giver": Concept(
        "ask the person who gave it (receipt, or to make the return)",
        says=(
            r"\b(?:ask|contact|check with|get|talk to|speak to) (?:\w+ ){0,2}(?:person|people|"
            r"friend|relative|someone|whoever|one) (?:who |that )?(?:gave|bought|sent|gifted|"
            r"purchased)",
            r"\b(?:ask|contact|check with|talk to) (?:the |your )?(?:giver|gift giver|buyer|"
            r"purchaser)\b",
        ),
    ),
    "warranty_route": Concept(
        "the warranty (repair or replacement) is the way for a fault",
        says=(
            r"\b(?:repair|replace|fix)(?:ed|s)? (?:or (?:replace|repair)(?:d|s)? )?(?:it |them )?"
            r"(?:\w+ ){0,3}?(?:under|through|with|via|by) (?:the |its |your )?(?:\w+ ){0,2}"
            r"warranty",
            r"\bwarranty (?:repair|replacement|claim|return)s?\b",
            r"\b(?:repair|replacement|claim)s? under (?:the |its )?(?:\w+ )?warranty\b",
            r"\b(?:may|might|could|would|should) (?:still )?be (?:under|covered by) (?:the |its )?"
            r"(?:\w+ ){0,2}warranty\b",
            r"\bwarranty (?:covers?|will cover) (?:it|them|faults?|the fault|defects?)",
            r"\b(?:zosi|we) (?:will |can |would )?(?:repair|replace|fix)(?:s)? (?:or (?:replace|"
            r"repair|fix)(?:s)? )?(?:it|them)\b",
            r"\b(?:ask|tell) me about the warranty\b",
        ),
        asks=(r"\bwarranty (?:repair|replacement|claim)s?\b",),
    ),
    "contact_support": Concept(
        "contact ZOSI support (any way)",
        says=(
            r"\b(?:contact|email|e mail|call|phone|ring|write to|reach|ask|tell|get in touch with|"
            r"speak (?:to|with)|talk to|message|report (?:\w+ ){0,3}to)(?:ing)? (?:\w+ ){0,2}?"
            r"(?:zosi(?:'s)? )?(?:customer |technical |tech )?(?:support|service team|care team|"
            r"help desk|helpdesk)\b",
            r"\bzosi(?:'s)? (?:customer |technical )?support can (?:still )?(?:help|advise|look|"
            r"confirm|tell|check|assist)",
        ),
        unless=(r"\b(?:questions|ask me|ask) about\b",),
        anywhere=(r"\bservice (?:at )?zositech (?:dot )?com\b", r"4 ?0 ?0 ?6 ?6 ?0 ?8 ?8 ?2 ?5"),
    ),
    "support_email": Concept(
        "service@zositech.com (any spoken form)",
        anywhere=(r"\bservice (?:at )?zositech (?:dot )?com\b",),
    ),
    "support_phone": Concept(
        "the phone number 400-660-8825",
        anywhere=(r"\b4 ?0 ?0 ?6 ?6 ?0 ?8 ?8 ?2 ?5\b",),
    ),
    "rma": Concept(
        "the RMA code / return authorisation",
        states=(r"\brma\b", r"\br m a\b", r"\breturn (?:merchandise )?authori[sz]ation\b"),
    ),
    "report_first": Concept(
        "report the fault to ZOSI support first",
        states=(
            r"\b(?:first|to start|start by|begin by|first step is to|first step is)\b(?: \w+){0,3} "
            r"(?:contact|email|e mail|call|report|tell|write to|describe|telling|emailing|"
            r"contacting|reporting|writing to)\b",
            r"\b(?:report|describe|tell|explain)(?:ing)? (?:\w+ ){0,4}?(?:fault|problem|issue|"
            r"defect)(?: \w+){0,6} (?:first|before)\b",
            r"\b(?:contact|email|call|tell)(?:ing)? (?:\w+ )?support(?: \w+){0,6} (?:first|before)"
            r"\b",
        ),
    ),
    "cross_ship_yes": Concept(
        "an advance replacement (cross-shipping) is possible for them",
        says=(
            r"\b(?:can|could|may|will) (?:still )?(?:get|have|ask for|request|use|receive|be "
            r"offered) (?:an |a )?advance(?:d)? replacement",
            r"\badvance(?:d)? replacement (?:is )?(?:still )?(?:possible|available|an option)",
            r"\b(?:can|could) (?:\w+ ){0,2}cross ?ship",
            r"\bcross ?shipping is (?:still )?(?:possible|available|an option)",
            r"\b(?:eligible|qualif(?:y|ies)) for (?:an |a )?(?:advance(?:d)? replacement|cross ?"
            r"shipping)",
            r"\b(?:can|could|will) (?:send|ship) (?:you )?(?:the |a )?(?:replacement|new (?:one|"
            r"unit|product)) (?:first|before|in advance|ahead|straight away|right away)",
        ),
        unless=(_CONDITIONAL, _HEDGE),
    ),
    "cross_ship_no": Concept(
        "it is not possible for them",
        says=(
            r"\b(?:can't|cannot|can not|won't|not|no longer|isn't|is not|unable to) (?:\w+ ){0,3}?"
            r"(?:an |a )?(?:advance(?:d)? replacement|cross ?ship)",
            r"\b(?:advance(?:d)? replacement|cross ?shipping)(?: \w+){0,6}? (?:is over|ended|has "
            r"ended|expired|has expired|has passed|is past|not available|isn't available|isn't "
            r"possible|is not possible|no longer possible|no longer available)\b",
            r"\b(?:past|outside|beyond|after) the 12 months? (?:for|of) (?:an )?advance(?:d)? "
            r"replacement",
        ),
        states=(
            r"\badvance replacement is only for purchases\b.*\b(?:ended|over|expired|passed)\b",
        ),
        negatable=False,
        unless=(_CONDITIONAL,),
    ),
    "card_hold": Concept(
        "a credit card hold / authorisation for the replacement's price",
        states=(
            r"\bcard\b.*\b(?:hold|authori[sz]ation|pre ?authori[sz]ation|deposit)\b",
            r"\b(?:hold|authori[sz]ation|pre ?authori[sz]ation|deposit)\b.*\bcard\b",
            r"\bhold (?:for|of|equal to|on|worth) (?:the )?(?:replacement's |replacement |new "
            r"(?:unit's |product's )?)?(?:price|cost|value|amount)",
        ),
    ),
    "hold_30_days": Concept(
        "the hold lasts 30 days, or the old unit must reach ZOSI within 30 days",
        states=(
            r"\b30 (?:calendar )?day (?:hold|authori[sz]ation)",
            r"\b(?:hold|authori[sz]ation)(?: \w+){0,4} (?:for|of|lasts?) 30 (?:calendar )?days",
            r"\b(?:send|ship|return|mail|get|post)(?: \w+){0,5} back within 30 (?:calendar )?days",
            r"\b(?:arrive|reach|get to|be back|be returned|returned|arrived)(?: \w+){0,4} "
            r"(?:within|in) 30 (?:calendar )?days",
            r"\bwithin 30 (?:calendar )?days(?: \w+){0,6} (?:send|return|arrive|back)",
        ),
    ),
    "charged_in_full": Concept(
        "the card is charged (in full)",
        states=(
            r"\bcharges? (?:it|the hold|the card|your card|you|the full (?:price|amount))\b",
            r"\b(?:is|it's|gets|be|are|get) (?:only )?charged\b",
            r"\bcharged (?:in full|the full)",
            r"\b(?:charge|take|debit|capture)s? (?:the )?(?:full )?(?:price|amount|hold)\b",
        ),
    ),
    "ships_2_3_days": Concept(
        "the replacement ships within 2 to 3 business days",
        states=(r"\b2 (?:to |or |and )?3 (?:business |working )?days\b",),
    ),
    "extra_fees_abroad": Concept(
        "outside the country of purchase extra shipping / fees apply",
        says=(
            r"\b(?:extra|additional|more|other) (?:\w+ ){0,2}?(?:fees?|costs?|charges?|shipping)\b",
            r"\bfees? (?:\w+ )?apply\b",
        ),
    ),
    "delivery_free": Concept(
        "delivery is free",
        says=(
            r"\b(?:delivery|shipping)(?: \w+){0,3}? (?:is|it's|are) (?:completely |always |"
            r"totally |entirely )?free\b",
            r"\bfree (?:of charge )?(?:delivery|shipping)\b",
            r"\bdeliver(?:s|y|ed)?(?: \w+){0,3} (?:for free|free of charge|at no (?:extra )?cost)",
            r"\b(?:delivery|shipping) costs? (?:you )?nothing\b",
        ),
        states=(r"\bno (?:delivery|shipping) (?:charge|cost|fee)s?\b",),
    ),
    "delivery_3_30": Concept(
        "3 to 30 (business / working) days",
        states=(
            r"\b3 (?:to |and |or )?30 (?:business |working |calendar )?days\b",
            r"\b(?:range|window) (?:is |of )?(?:from )?3 (?:to|and) 30\b",
        ),
    ),
    "arrives_between": Concept(
        'a dated window: "between <date> and <date>"',
        states=(
            rf"\b(?:arriv|deliver|reach|get there|get to you|come|expect)\w*\b.*\bbetween "
            rf"{_DAY_MONTH} and {_DAY_MONTH}",
        ),
    ),
    "moscow": Concept(
        "the Moscow warehouse / ships from Moscow",
        states=(
            r"\bmoscow warehouse\b",
            r"\bwarehouse in moscow\b",
            r"\b(?:ship|ships|shipped|sent|dispatched|leave|leaves|come|comes|delivered|goes|go)"
            r"(?: \w+){0,4}? from (?:\w+ ){0,2}moscow\b",
        ),
    ),
    "aliexpress": Concept(
        "the official ZOSI store on AliExpress",
        anywhere=(r"\baliexpress\b(?! app)",),
    ),
    "tracking": Concept(
        "a tracking code / number, or the AliExpress app",
        states=(
            r"\btracking (?:code|number|link|id)s?\b",
            r"\btrack(?:ing)? (?:it|them|your (?:parcel|order|package)|the (?:parcel|package))\b",
            r"\baliexpress app\b",
            r"\bwith tracking\b",
        ),
    ),
    "not_russia": Concept(
        "delivery estimates are only for Russia / outside Russia ask support",
        states=(
            r"\b(?:only|just) (?:for|within|in|inside|covers?) russia\b",
            r"\brussia only\b",
            r"\b(?:outside|beyond|out of) (?:of )?russia\b",
            r"\b(?:don't|do not|doesn't|does not|can't|cannot) (?:\w+ )?(?:cover|estimate|apply "
            r"to|include) (?:delivery |shipping )?(?:to |outside |abroad)",
            r"\bnot in russia\b",
        ),
    ),
    "kept_3_years": Concept(
        "data is kept at most 3 years",
        states=(r"\b3 years?\b",),
    ),
    "deleted": Concept(
        "the data has been deleted",
        says=(
            r"\b(?:i've|i have|we've|we have|zosi has|has been|have been|were|was|it's been|i|"
            r"they've been|it has been|is now|are now|everything is|all) (?:now |just |already |"
            r"all )?(?:deleted|erased|removed|wiped|cleared)\b",
        ),
    ),
    "delete_offer": Concept(
        "asks whether to delete their data",
        asks=(
            r"\b(?:shall|should|do you want|would you like|want|may|can) (?:me to |i |us to )?"
            r"(?:\w+ ){0,2}?(?:delete|erase|remove|wipe|clear)",
        ),
    ),
    "encrypted": Concept(
        "encryption / HTTPS / protected storage",
        states=(
            r"\bencrypt(?:ed|ion|s)?\b",
            r"\bhttps\b",
            r"\bsecure(?:ly)? (?:stored|storage|connection|servers?)\b",
            r"\b(?:protected|safeguarded|kept safe|stored safely|stored securely)\b",
        ),
    ),
    "no_sharing": Concept(
        "not shared with third parties (except where law requires)",
        says=(
            r"\b(?:not|never|no one|nobody|isn't|aren't|don't|doesn't|won't|wouldn't|do not|does "
            r"not|will not) (?:\w+ ){0,3}?(?:shar(?:e|ed|es|ing)|sell|sold|give|given|pass(?:ed)? "
            r"on|disclose[sd]?)\b",
            r"\bno sharing\b",
            r"\bonly (?:shared|share) (?:\w+ ){0,3}(?:if|when|where) (?:the )?law",
        ),
        negatable=False,
    ),
    "backups": Concept(
        "backups are deleted when they roll over / later",
        states=(r"\bback ?ups?\b",),
    ),
    "guardian": Concept(
        "a parent's or guardian's consent",
        states=(r"\b(?:parent|parents|parent's|guardian|guardian's|guardians|parental)\b",),
    ),
    "link_account": Concept(
        "linking the ZOSI account in the Alexa app",
        says=(
            r"\blink(?:ing|ed)? (?:your |the |my )?(?:zosi )?account\b",
            r"\baccount linking\b",
            r"\blink it (?:again )?in the alexa app\b",
            r"\blink (?:it|them) again\b",
        ),
    ),
    "not_faulty_pays": Concept(
        "if ZOSI finds no fault, the customer pays the shipping back",
        states=(
            r"\b(?:no fault|not faulty|not defective|isn't faulty|isn't defective|nothing wrong|"
            r"not "
            r"covered|isn't covered|no defect)\b.*\byou (?:\w+ )?(?:pay|cover|arrange)",
            r"\byou (?:\w+ )?pay\b.*\b(?:no fault|not faulty|not defective|isn't faulty|nothing "
            r"wrong|no defect)\b",
        ),
    ),
    "fallback": Concept(
        "the skill says this is not something it can help with",
        says=(
            r"\b(?:can't|cannot|can not|couldn't|unable to|not able to) (?:really )?(?:help|assist)"
            r"(?: you)? with (?:that|this|it|those)\b",
            r"\b(?:that's|that is|it's|this is) (?:not something|outside|beyond|not what) (?:i|"
            r"what "
            r"i|of what i)\b",
            r"\bnot something i (?:can|could|know)",
            r"\b(?:outside|beyond) (?:of )?what i (?:can )?(?:do|help with|cover|know)",
            r"\bi (?:don't|do not|can't) (?:know|do|handle|answer) (?:that|this)\b",
            r"\bi can only (?:help|answer|tell)",
            r"\bi (?:only )?(?:can't|cannot) do that\b",
        ),
        negatable=False,
    ),
    "question": Concept(
        "the turn ends with a question to the customer",
        also=_ends_with_a_question,
    ),
    "goodbye": Concept(
        "a goodbye / the conversation is closed",
        states=(
            r"\b(?:goodbye|good bye|bye|see you|take care|farewell|talk (?:to you )?soon|have a "
            r"(?:good|nice|great|lovely) (?:day|one|evening|night))\b",
        ),
        also=_session_ended,
    ),
}

UNTIL: Final = "until:"
PATTERN: Final = "re:"


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def until_pattern(day: date) -> re.Pattern[str]:
    """``until:YYYY-MM-DD``: that day and month, with that year or none ("2 december")."""
    month = _MONTHS[day.month - 1]
    other_year = rf"(?! (?!{day.year}\b)\d{{4}}\b)"
    return _rx(
        rf"\b(?:{day.day}(?:st|nd|rd|th)? (?:of )?{month}|{month} (?:the )?{day.day}"
        rf"(?:st|nd|rd|th)?)\b{other_year}"
    )


def _negated(clause: str, match: re.Match[str]) -> bool:
    return bool(_NEGATION.search(match.group()) or _NEGATED_BEFORE.search(clause[: match.start()]))


def _says(concept: Concept, clause: str) -> bool:
    for pattern in concept.says:
        for match in _rx(pattern).finditer(clause):
            if concept.negatable and _negated(clause, match):
                continue
            upto = clause[: match.end()]
            if any(_rx(veto).search(upto) for veto in concept.unless):
                continue
            return True
    return False


def concept_heard(concept: Concept, heard: Heard) -> bool:
    """Whether the answer says what ``concept`` means (see `Concept`)."""
    if any(_says(concept, clause) for clauses in heard.statements for clause in clauses):
        return True
    sentences = [" ".join(clauses) for clauses in heard.statements]
    if any(_rx(p).search(s) for p in concept.states for s in sentences):
        return True
    if any(_rx(p).search(q) for p in concept.asks for q in heard.questions):
        return True
    if any(_rx(p).search(heard.normalised) for p in concept.anywhere):
        return True
    return concept.also is not None and concept.also(heard)


def item_problem(item: object) -> str | None:
    """Why ``item`` cannot be a must/must_not item, or None when it can."""
    if not isinstance(item, str):
        return f"{item!r} is not a string"
    if item.startswith(PATTERN):
        try:
            re.compile(item[len(PATTERN) :])
        except re.error as exc:
            return f"{item!r} does not compile: {exc}"
        return None
    if item.startswith(UNTIL):
        try:
            date.fromisoformat(item[len(UNTIL) :])
        except ValueError:
            return f"{item!r} is not until:YYYY-MM-DD"
        return None
    return None if item in CONCEPTS else f"{item!r} is no concept of tests/answers/README.md"


def item_heard(item: str, heard: Heard) -> bool:
    """Whether the answer says ``item``: a concept, ``until:YYYY-MM-DD`` or ``re:PATTERN``."""
    if item.startswith(PATTERN):
        return re.search(item[len(PATTERN) :], heard.normalised) is not None
    if item.startswith(UNTIL):
        return (
            until_pattern(date.fromisoformat(item[len(UNTIL) :])).search(heard.normalised)
            is not None
        )
    return concept_heard(CONCEPTS[item], heard)
