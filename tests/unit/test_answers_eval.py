"""The answer-level evaluation reads what customers hear: normalising, concepts, failure kinds."""

import re
from datetime import date
from pathlib import Path

import pytest

from devtools.answer_checks import (
    CONCEPTS,
    concept_heard,
    hear,
    item_heard,
    item_problem,
    normalise,
)
from devtools.answers_eval import (
    FAILURE_KINDS,
    Entry,
    EntryResult,
    Report,
    Turn,
    TurnResult,
    asks_something,
    corpus_problems,
    judge,
    looped,
)

README = Path(__file__).resolve().parents[1] / "answers" / "README.md"


# --- normalising ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("Thirty days", "30 days"),
        ("a twelve-month warranty", "a 12 month warranty"),
        ("Twenty four months", "24 months"),
        ("twenty-four", "24"),
        ("one year", "1 year"),
        ("two hundred and five days", "205 days"),
        ("two thousand and twenty six", "2026"),
        ("between two and three business days", "between 2 and 3 business days"),
        ("call 400-660-8825.", "call 400 660 8825"),
        ("service@zositech.com", "service zositech com"),
        ("You can't; ZOSI's   store!", "you can't zosi's store"),
        ("say 'delete my data'", "say delete my data"),
        ("It\u2019s the 2 December 2027", "it's the 2 december 2027"),
        ("twenty twenty seven", "20 27"),
    ],
)
def test_speech_is_normalised_as_the_corpus_readme_says(said, read):
    assert normalise(said) == read


def test_an_answer_is_read_into_statements_of_clauses_and_questions():
    heard = hear(
        "Sorry, the refund period for your N. V. R. ended; it may still be under warranty, "
        "though. Shall I remember it?"
    )

    assert heard.statements == (
        (
            "sorry the refund period for your n v r ended",
            "it may still be under warranty",
            "though",
        ),
    )
    assert heard.questions == ("shall i remember it",)


# --- concepts ------------------------------------------------------------------------------------

#: For every concept: wordings that say it (the skill's own and others a correct answer may
#: use) and wordings that do not, with negations and look-alikes.
SENTENCES: dict[str, tuple[list[str], list[str]]] = {
    "refund_yes": (
        [
            "Yes, you can return your camera for a full refund until 5 December, that's 15 days "
            "from now.",
            "For the ZOSI C190 camera ordered on 15 November: Yes, you can return it for a full "
            "refund until 15 December.",
            "You can still send it back and get your money back.",
            "Good news: it can be returned for a refund.",
            "You're eligible for a full refund.",
            "You can have a full refund, or ZOSI can repair it.",
            "You can still return it for a full refund until 4 December, though.",
        ],
        [
            "Sorry, you can't return it for a refund.",
            "You cannot get a refund for it any more.",
            "It won't be possible to return it for a refund.",
            "It's too late to return it for a refund.",
            "If it was on or after 5 November, you can still return it for a full refund.",
            "Shall I open a refund return request for it?",
            "You can return it to the shop you bought it from.",
            "The refund goes through that shop.",
        ],
    ),
    "refund_no": (
        [
            "Sorry, the 30-day refund period for your camera ended on 10 October.",
            "You can't return it for a refund any more.",
            "It's no longer eligible for a refund.",
            "The 30 days are over, so no refund.",
            "That's past the 30-day return window.",
            "It's too late for a refund.",
            "ZOSI can't refund your camera: it was bought from Home Security Market.",
            "Since you bought it from another shop, the refund goes through that shop.",
            "A product you damaged gets no refund.",
        ],
        [
            "Yes, you can return it for a full refund until 5 December.",
            "If it was earlier, the 30 days are over.",
            "As it isn't a quality problem, you pay the return shipping.",
            "No reason is needed: you can send it back for a full refund.",
        ],
    ),
    "window_30_days": (
        [
            "You have 30 days from the day you bought it to return it for a full refund.",
            "ZOSI's own 30-day refund covers purchases from the ZOSI website.",
            "You can return it within thirty days of purchase.",
            "The return period is 30 days.",
        ],
        [
            "You send the faulty one back within 30 days of the authorisation.",
            "ZOSI places a 30-day hold on your card.",
            "The warranty lasts 12 months.",
        ],
    ),
    "warranty_yes": (
        [
            "Yes, your N. V. R. is under warranty until 1 March 2027.",
            "It's still covered by the one-year warranty.",
            "The camera kit ordered on 20 December 2025 is under warranty until 20 December.",
            "Your warranty is still valid.",
            "It remains under warranty until June.",
        ],
        [
            "Sorry, the one-year warranty on your camera ended on 31 March 2025.",
            "It is not under warranty any more.",
            "If it's faulty, it may still be under the one-year warranty.",
            "If it was earlier, it is still under the warranty.",
            "It's no longer covered.",
        ],
    ),
    "warranty_no": (
        [
            "Sorry, the one-year warranty on your N. V. R. ended on 31 March 2025.",
            "The doorbell ordered on 20 September 2025 is out of warranty.",
            "It is no longer under warranty.",
            "Your warranty has expired.",
            "That's outside the warranty period.",
        ],
        [
            "Yes, it is under warranty until 11 October 2027.",
            "ZOSI charges it if the fault isn't covered by the warranty.",
            "If it was earlier, the warranty has ended.",
        ],
    ),
    "warranty_12_months": (
        [
            "Every ZOSI product has a 12-month warranty from the original purchase date.",
            "Every ZOSI product has a one-year warranty.",
            "It comes with a twelve month warranty.",
            "The warranty is valid for one year.",
        ],
        [
            "The warranty lasts 24 months.",
            "You can return it within 30 days.",
            "It's for products bought in the last 12 months.",
        ],
    ),
    "not_24_months": (
        ["The warranty lasts 24 months.", "You have a two-year warranty."],
        [
            "The warranty lasts 12 months, never 24 months.",
            "ZOSI keeps data at most 3 years.",
        ],
    ),
    "customer_pays_shipping": (
        [
            "As it isn't a quality problem, you pay the return shipping and any fees.",
            "Since you're outside the country you bought it in, you pay the international "
            "shipping.",
            "Like a change of mind, you pay the shipping and any fees.",
            "Return postage is at your own expense.",
            "If it's faulty, ZOSI pays the return shipping; otherwise you pay it.",
            "You'll have to cover the shipping costs yourself.",
        ],
        [
            "ZOSI covers the return shipping.",
            "You don't pay the shipping.",
            "You never pay for the return shipping.",
            "If you'd rather not pay the postage, tell support first.",
        ],
    ),
    "zosi_pays_shipping": (
        [
            "As it's a quality problem, ZOSI pays the return shipping.",
            "ZOSI covers the return shipping.",
            "You get a full refund, including return shipping costs.",
            "If it's faulty or arrived damaged, ZOSI pays.",
            "If you'd rather not pay the postage, say so first, and ZOSI refunds it first.",
            "ZOSI will refund the shipping cost before you send it.",
        ],
        [
            "ZOSI doesn't pay the shipping.",
            "ZOSI never pays customs duties or taxes.",
            "You pay the return shipping.",
        ],
    ),
    "no_customs": (
        [
            "ZOSI doesn't pay customs clearance, duties, taxes or carrier fees: those are always "
            "yours to pay.",
            "ZOSI never pays customs duties or taxes.",
            "Import duties are your responsibility.",
            "You'll have to pay any customs yourself.",
            "From abroad, you pay the international shipping and any customs fees.",
        ],
        [
            "ZOSI pays customs duties.",
            "ZOSI covers the return shipping.",
            "You pay the return shipping and ZOSI covers customs.",
        ],
    ),
    "contact_shop": (
        [
            "Contact the shop you bought it from about its own return and refund policy.",
            "Since you bought it from another shop, the refund goes through that shop, so please "
            "check its own return policy.",
            "Please ask the seller you bought it from.",
            "That shop handles the return and refund, under its own policy.",
            "Ask Home Security Market about its own return and refund policy.",
        ],
        [
            "Don't contact the shop.",
            "Contact ZOSI's official store on AliExpress.",
            "Email ZOSI support at service at zositech dot com.",
        ],
    ),
    "ask_giver": (
        [
            "Ask the person who gave it to you for a copy of the receipt.",
            "Please check with the friend who bought it for you.",
            "Ask the giver to make the return for you.",
        ],
        ["Ask ZOSI support for a receipt.", "You don't need to ask the person who gave it."],
    ),
    "warranty_route": (
        [
            "If it's faulty, ZOSI will repair or replace it.",
            "If it's faulty, it may still be under the one-year warranty.",
            "If it's faulty, ask me about the warranty.",
            "A fault is repaired or replaced under the warranty.",
            "You can make a warranty claim instead.",
            "It is under warranty. Shall I open a warranty repair with ZOSI support for it?",
        ],
        [
            "I can answer questions about returns, warranty, advance replacement, delivery and "
            "contacting ZOSI support.",
            "It's only charged if the fault isn't covered by the warranty.",
            "ZOSI won't repair it.",
        ],
    ),
    "contact_support": (
        [
            "Email ZOSI support at service at zositech dot com and describe the problem.",
            "ZOSI support can still help you troubleshoot it at service at zositech dot com.",
            "You can reach ZOSI customer support by phone.",
            "Get in touch with ZOSI's support team.",
            "Call 400-660-8825.",
        ],
        [
            "I can answer questions about returns, warranty, delivery and contacting ZOSI support.",
            "You don't need to contact support.",
            "Contact the shop you bought it from.",
        ],
    ),
    "support_email": (
        [
            "Email service at zositech dot com.",
            "Write to service@zositech.com.",
        ],
        ["Email ZOSI support.", "Write to sales at zositech dot com."],
    ),
    "support_phone": (
        ["Call 400-660-8825, a number in China.", "The number is 4 0 0 6 6 0 8 8 2 5."],
        ["Call 400-660-8826.", "Email service at zositech dot com."],
    ),
    "rma": (
        [
            "ZOSI's returns team sends you a return label and an RMA code.",
            "Your request is approved, with R M A code RMA778.",
            "You'll get a return authorization first.",
        ],
        ["ZOSI sends you a return label.", "Keep the packaging."],
    ),
    "report_first": (
        [
            "To start, email ZOSI support and describe the fault.",
            "The first step is to email ZOSI support at service at zositech dot com.",
            "Start by telling ZOSI support about the fault.",
            "Report the fault to ZOSI support first.",
            "First, email ZOSI support at service@zositech.com and describe the problem.",
        ],
        [
            "Email ZOSI support.",
            "ZOSI ships the replacement first, before your faulty one comes back.",
        ],
    ),
    "cross_ship_yes": (
        [
            "Yes, you can get an advance replacement for your camera until at least 1 June 2027.",
            "An advance replacement is still possible.",
            "ZOSI can send the replacement first, before your faulty one comes back.",
            "You're eligible for cross-shipping.",
        ],
        [
            "You can't get an advance replacement any more.",
            "If it was on or after 5 May, you can get an advance replacement.",
            "Sorry, advance replacement is only for purchases from the last 12 months, and for "
            "your camera that ended on 31 December 2025.",
        ],
    ),
    "cross_ship_no": (
        [
            "Sorry, advance replacement is only for purchases from the last 12 months, and for "
            "your camera that ended on 31 December 2025.",
            "I can't open an advance replacement for your camera, as the time for advance "
            "replacement is over.",
            "The doorbell is past the 12 months for advance replacement.",
            "An advance replacement is no longer available for it.",
        ],
        [
            "Yes, you can get an advance replacement for your camera.",
            "It's for products bought in the last 12 months.",
        ],
    ),
    "card_hold": (
        [
            "You'll need a credit card: ZOSI places a 30-day hold for the replacement's price.",
            "ZOSI puts a 30-day hold on your credit card for the price of the replacement.",
            "There is an authorisation on your card for the price of the new unit.",
        ],
        ["Delivery is free.", "ZOSI ships the replacement within 2 to 3 business days."],
    ),
    "hold_30_days": (
        [
            "ZOSI puts a 30-day hold on your credit card.",
            "You send the faulty one back within 30 days.",
            "The old unit has to reach ZOSI within thirty days.",
        ],
        ["ZOSI places a hold on your card.", "The hold lasts 60 days."],
    ),
    "charged_in_full": (
        [
            "ZOSI charges it if the old one doesn't arrive in time.",
            "It's only charged if your faulty product doesn't arrive in time.",
            "Your card is charged in full.",
            "ZOSI charges the hold on your card.",
        ],
        ["ZOSI places a hold on your card.", "Delivery is free."],
    ),
    "ships_2_3_days": (
        [
            "ZOSI ships the replacement within 2 to 3 business days of approving it.",
            "It goes out in two or three working days.",
        ],
        ["It arrives in 3 to 30 business days.", "It ships in 2 weeks."],
    ),
    "extra_fees_abroad": (
        [
            "As you're outside the country of purchase, extra shipping fees apply.",
            "Anywhere else, extra shipping and other fees apply.",
            "From abroad, additional costs apply.",
        ],
        ["There are no extra fees.", "Ground shipping is free within the country of purchase."],
    ),
    "delivery_free": (
        [
            "Delivery is free anywhere in Russia.",
            "Every order leaves from ZOSI's warehouse in Moscow, and delivery in Russia is free.",
            "We offer free shipping.",
            "There's no delivery charge.",
        ],
        ["Delivery isn't free.", "Delivery costs 300 rubles."],
    ),
    "delivery_3_30": (
        [
            "That's 3 to 30 business days, depending on the region.",
            "It takes between three and thirty working days.",
            "That's our estimate of 5 to 12 business days; the official range is 3 to 30.",
        ],
        ["It takes 5 to 12 business days.", "It ships within 2 to 3 business days."],
    ),
    "arrives_between": (
        [
            "Ordered today, it should arrive in Kazan between 27 November and 8 December.",
            "Expect it between 25 November and 12 January 2027.",
        ],
        [
            "Just to check: you bought your camera between 1 June and 30 June?",
            "I've stored a camera you bought between 12 October and 18 October.",
            "It takes 3 to 30 business days.",
        ],
    ),
    "moscow": (
        [
            "That's 5 to 12 business days from the Moscow warehouse.",
            "Every order leaves from ZOSI's warehouse in Moscow.",
            "It ships from Moscow.",
        ],
        ["It should arrive in Moscow between 23 November and 25 November.", "Delivery is free."],
    ),
    "aliexpress": (
        [
            "ZOSI sells its products through its official store on AliExpress.",
            "Was it the ZOSI website or ZOSI's official AliExpress store?",
        ],
        ["Follow it in the AliExpress app.", "Buy it on the ZOSI website."],
    ),
    "tracking": (
        [
            "You can follow your parcel with the tracking code from your order.",
            "It is on its way with Russian Post, tracking number RA123456785RU.",
            "Follow it in the AliExpress app.",
        ],
        ["It should arrive between 27 November and 8 December.", "Delivery is free."],
    ),
    "not_russia": (
        [
            "ZOSI's published delivery terms cover Russia only.",
            "If Almaty is outside Russia, ZOSI's delivery terms don't cover it.",
            "Delivery estimates are only for Russia.",
        ],
        ["Delivery is free anywhere in Russia.", "It ships from Moscow."],
    ),
    "kept_3_years": (
        [
            "ZOSI keeps personal data only as long as it's needed, and at most 3 years.",
            "Data is kept for no more than three years.",
        ],
        ["I forget it after 400 days without use.", "The warranty is 1 year."],
    ),
    "deleted": (
        [
            "Done. I've deleted everything I had stored about you.",
            "Your data has been erased.",
            "I've deleted anything I had stored.",
        ],
        [
            "Sorry, I couldn't delete your data just now.",
            "Do you want me to delete everything I've stored about you?",
            "Anything collected from a child without it is deleted as soon as possible.",
            "Nothing has been deleted.",
        ],
    ),
    "delete_offer": (
        [
            "Do you want me to delete everything I've stored about you?",
            "Shall I erase your data?",
            "Would you like me to remove what I know about you?",
        ],
        [
            "Done. I've deleted everything I had stored about you.",
            "Say 'delete my data' to erase it.",
        ],
    ),
    "encrypted": (
        [
            "Your data travels encrypted, is stored encrypted and kept apart from other data.",
            "Everything goes over HTTPS.",
        ],
        ["I don't share your data with anyone.", "I keep as little as I can."],
    ),
    "no_sharing": (
        [
            "I don't share your data with anyone.",
            "Your data isn't shared with anyone else without your permission, unless the law "
            "requires it.",
            "We never sell your data to third parties.",
        ],
        ["I share your data with partners.", "Your data is encrypted."],
    ),
    "backups": (
        ["Backups are deleted when they roll over.", "Copies in back-ups go later."],
        ["I've deleted everything.", "Data is kept at most 3 years."],
    ),
    "guardian": (
        [
            "Anyone under 18 needs a parent's or guardian's consent first.",
            "You'll need your parents' permission.",
        ],
        ["You need to be linked.", "Anyone can use it."],
    ),
    "link_account": (
        [
            "If you link your ZOSI account in the Alexa app, I can tell you where it is.",
            "Please link it again in the Alexa app.",
            "Set up account linking in the Alexa app.",
        ],
        ["Your account isn't linked.", "Open the Alexa app."],
    ),
    "not_faulty_pays": (
        [
            "If ZOSI finds no fault, you pay to have it shipped back to you.",
            "If ZOSI tests the product and finds no fault, you pay the shipping to get it back.",
            "You pay the shipping back if nothing wrong is found.",
        ],
        ["ZOSI covers the return shipping.", "If it's faulty, ZOSI pays."],
    ),
    "fallback": (
        [
            "Sorry, I can't help with that. I can answer questions about returns, warranty, "
            "advance replacement, delivery and contacting ZOSI support.",
            "That's not something I can help with.",
            "That's outside what I can do.",
            "I can only help with ZOSI customer care.",
        ],
        [
            "Yes, you can return your camera for a full refund.",
            "Sorry, I didn't catch that.",
            "I can help with that.",
        ],
    ),
    "question": (
        ["What would you like to know?", "Yes. Shall I remember this purchase?  "],
        ["Goodbye.", "Is it faulty? Then email support."],
    ),
    "goodbye": (
        ["Goodbye, and thanks for choosing ZOSI.", "Okay, bye for now!"],
        ["What would you like to know?", "Thanks for asking."],
    ),
}


def test_every_concept_of_the_corpus_readme_is_implemented_and_tested():
    concepts = README.read_text().split("### Concepts")[1].split("\n## ")[0]
    table = re.findall(r"^\| `([a-z_0-9]+)(?::YYYY-MM-DD)?` \|", concepts, re.M)
    named = {name for name in table if name != "until"}

    assert named == set(CONCEPTS) == set(SENTENCES)
    assert all(concept.meaning for concept in CONCEPTS.values())


@pytest.mark.parametrize(
    ("name", "sentence"),
    [(name, s) for name, (says, _) in SENTENCES.items() for s in says],
)
def test_a_concept_is_heard_in_every_wording_that_says_it(name, sentence):
    assert concept_heard(CONCEPTS[name], hear(sentence)), normalise(sentence)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [(name, s) for name, (_, not_said) in SENTENCES.items() for s in not_said],
)
def test_a_concept_is_not_heard_where_it_is_negated_or_not_said(name, sentence):
    assert not concept_heard(CONCEPTS[name], hear(sentence)), normalise(sentence)


def test_goodbye_is_also_heard_when_the_session_ends_silently():
    assert concept_heard(CONCEPTS["goodbye"], hear("Okay.", ended=True))
    assert not concept_heard(CONCEPTS["goodbye"], hear("Okay.", ended=False))


@pytest.mark.parametrize(
    ("speech", "heard"),
    [
        ("You can return it until 2 December.", True),
        ("You can return it until 2 December 2026.", True),
        ("until December 2nd", True),
        ("until the 2nd of December", True),
        ("until 2 December 2027.", False),
        ("until 12 December", False),
        ("until 2 November", False),
    ],
)
def test_until_hears_the_day_and_month_with_that_year_or_none(speech, heard):
    assert item_heard("until:2026-12-02", hear(speech)) is heard


def test_a_pattern_item_searches_the_normalised_speech():
    assert item_heard(r"re:\b30 days\b", hear("You have thirty days."))
    assert not item_heard(r"re:thirty", hear("You have thirty days."))


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ("refund_yes", False),
        ("until:2026-12-02", False),
        (r"re:\b30 days", False),
        ("until:2026-13-02", True),
        ("re:(unclosed", True),
        ("refund_maybe", True),
        (3, True),
    ],
)
def test_an_item_is_a_known_concept_a_valid_date_or_a_compiling_pattern(item, problem):
    assert (item_problem(item) is not None) is problem


# --- judging an entry ------------------------------------------------------------------------


def entry(*turns: Turn, rules=("R1",), customer="plain") -> Entry:
    return Entry("t-x", rules, customer, date(2026, 11, 20), None, turns, "tuning")


def turn_result(turn: Turn, speech: str, *, ended=False, error=None) -> TurnResult:
    return TurnResult(turn, "SomeIntent exact", hear(speech, ended=ended), 7, error)


def kind(the_entry: Entry, *speeches: str, ended=False, error=None) -> str | None:
    results = [
        turn_result(turn, speech, ended=ended, error=error)
        for turn, speech in zip(the_entry.turns, speeches, strict=True)
    ]
    failure = judge(the_entry, results)
    return None if failure is None else failure.kind


ASK_REFUND = Turn("can i still get my money back", ("refund_yes", "until:2026-12-02"))
YES = "Yes, you can return it for a full refund until 2 December."


def test_an_answer_that_says_every_must_item_and_no_must_not_is_right():
    assert kind(entry(ASK_REFUND), YES) is None


def test_failure_kinds_are_listed_in_their_priority_order():
    assert FAILURE_KINDS == (
        "error", "out_of_domain_answered", "wrong_promise", "loop", "counter_question",
        "lost_aspect", "wrong_answer", "session",
    )  # fmt: skip


def test_no_answer_at_all_is_an_error_even_on_an_unchecked_turn():
    assert kind(entry(Turn("open zosi care"), ASK_REFUND), "", YES, error="no speech") == "error"


def test_an_out_of_domain_request_answered_as_if_it_were_one_is_out_of_domain_answered():
    weather = entry(Turn("will it snow", ("fallback",)), rules=("OOD",))

    assert kind(weather, "Delivery is free anywhere in Russia.") == "out_of_domain_answered"
    assert kind(weather, "Sorry, I can't help with that.") is None


def test_hearing_a_must_not_item_is_a_wrong_promise():
    turn = Turn("can i return it", ("refund_yes",), ("not_24_months",))

    assert kind(entry(turn), "Yes, you can return it for a refund within 24 months.") == (
        "wrong_promise"
    )


def test_the_same_question_a_third_time_is_a_loop():
    when = "When did you buy it?"
    turns = [Turn("i want to return it"), Turn("not sure"), Turn("dunno", ("refund_yes",))]

    assert kind(entry(*turns), when, f"Sorry. {when}", f"Okay. {when}") == "loop"


def test_answering_a_question_with_a_question_is_a_counter_question():
    assert kind(entry(ASK_REFUND), "When did you buy it?") == "counter_question"


def test_a_fallback_that_asks_what_else_is_a_wrong_answer_not_a_counter_question():
    fallback = "Sorry, I can't help with that. What would you like to know?"

    assert kind(entry(ASK_REFUND), fallback) == "wrong_answer"


def test_some_must_items_heard_is_a_lost_aspect_none_a_wrong_answer():
    assert kind(entry(ASK_REFUND), "Yes, you can return it for a full refund.") == "lost_aspect"
    assert kind(entry(ASK_REFUND), "Delivery is free.") == "wrong_answer"


def test_an_answer_right_in_words_that_ends_the_session_against_ends_is_a_session_failure():
    goodbye = Turn("no thanks bye", ("goodbye",), ends=True)

    assert kind(entry(goodbye), "Goodbye.", ended=True) is None
    assert kind(entry(goodbye), "Goodbye.", ended=False) == "session"


def test_the_first_failing_checked_turn_decides():
    turns = [Turn("so", ("question",)), ASK_REFUND, Turn("bye", ("goodbye",), ends=True)]
    results = [
        turn_result(turns[0], "What would you like to know?"),
        turn_result(turns[1], "Delivery is free."),
        turn_result(turns[2], "Hm.", ended=False),
    ]

    failure = judge(entry(*turns), results)

    assert failure is not None
    assert (failure.kind, failure.turn) == ("wrong_answer", 2)
    assert failure.check == "missing refund_yes, until:2026-12-02"


@pytest.mark.parametrize(
    ("said", "asks"),
    [
        ("can i still return it", True),
        ("so um is my camera under warranty", True),
        ("i bought a camera on the second, how long do i have", True),
        ("i want to return my camera", True),
        ("tell me the support email", True),
        ("yes", False),
        ("last march", False),
        ("from the zosi website", False),
    ],
)
def test_a_customer_asks_with_a_question_or_a_request(said, asks):
    assert asks_something(said) is asks


def test_one_answer_three_turns_running_is_a_loop():
    same = "Sorry, I didn't catch that."
    turns = [turn_result(Turn("x"), text) for text in (same, same, "Other.", same, same, same)]

    assert not looped(turns[:5])
    assert looped(turns)


# --- the corpus and the report --------------------------------------------------------------------


def test_a_corpus_document_breaking_the_readme_format_is_described_line_by_line():
    document = {
        "entries": [
            {"id": "b-1", "rules": ["R7"], "customer": "angry", "today": "2026-02-30",
             "linked": "nobody", "turns": [{"say": "", "must": ["refund_maybe"], "ends": 1}]},
            {"id": "t-2", "rules": ["R1"], "customer": "plain", "turns": [{"say": "hi"}],
             "extra": True},
            {"id": "t-2", "rules": ["R1"], "customer": "plain", "turns": []},
        ]
    }  # fmt: skip

    problems = corpus_problems(document, "tuning")

    assert problems == [
        "id 't-2' is used 2 times",
        "entry 1 (b-1): the id must be a string starting 't-'",
        f"entry 1 (b-1): rules must be a non-empty list of {sorted(RULES)}",
        "entry 1 (b-1): unknown customer kind 'angry'",
        "entry 1 (b-1): today '2026-02-30' is not an ISO date",
        "entry 1 (b-1): linked 'nobody' is no demo customer",
        "entry 1 (b-1) turn 1: say must be a non-empty string",
        "entry 1 (b-1) turn 1: must 'refund_maybe' is no concept of tests/answers/README.md",
        "entry 1 (b-1) turn 1: ends must be true, false or absent",
        "entry 2 (t-2): unknown field 'extra'",
        "entry 3 (t-2): turns must be a non-empty list",
    ]
    assert corpus_problems({"data": []}, "blind") == [
        'the file must be an object with an "entries" list'
    ]


RULES = {
    *(f"D{n}" for n in range(1, 6)), *(f"R{n}" for n in range(1, 7)),
    *(f"W{n}" for n in range(1, 10)), *(f"X{n}" for n in range(1, 5)), "C1",
    *(f"P{n}" for n in range(1, 10)), "OOD",
}  # fmt: skip


def test_the_report_counts_right_entries_per_corpus_rule_customer_and_failure_kind():
    right = EntryResult(
        Entry("t-1", ("R1", "R2"), "plain", date(2026, 11, 20), None, (ASK_REFUND,), "tuning"),
        (turn_result(ASK_REFUND, YES),),
        None,
    )
    wrong_entry = Entry("b-1", ("R1",), "gift", date(2026, 11, 20), None, (ASK_REFUND,), "blind")
    long_answer = TurnResult(ASK_REFUND, "X", hear("Delivery is free."), 51)
    wrong = EntryResult(wrong_entry, (long_answer,), judge(wrong_entry, [long_answer]))

    report = Report((right, wrong), strict=False, seconds=1.0)
    figures = report.as_json()

    assert figures["overall"] == {"right": 1, "entries": 2, "share": 0.5}
    assert figures["by_corpus"]["blind"] == {"right": 0, "entries": 1, "share": 0.0}
    assert figures["by_rule"]["R1"]["entries"] == 2
    assert figures["by_rule"]["R2"] == {"right": 1, "entries": 1, "share": 1.0}
    assert figures["by_customer"]["gift"]["right"] == 0
    assert figures["by_failure"] == {"wrong_answer": 1}
    assert figures["turns"]["over_one_breath"] == 1
    assert figures["turns"]["longest"]["id"] == "b-1"
    assert figures["failures"][0]["check"] == "missing refund_yes, until:2026-12-02"
