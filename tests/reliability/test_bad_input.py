"""Bad input, tried systematically: hypothesis over the request envelope and every slot value.

Invariants on every generated request (tests.helpers.assert_valid_response): the
handler returns a response that serialises, its speech is well-formed SSML with
a ``speak`` root under 8,000 characters, an open session carries a reprompt, and
nothing raises. A well-formed intent request with odd slot values must also be
answered by a handler, never by the catch-all apology.
"""

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

import app
from adapters.store import InMemoryUserStore
from devtools.envelopes import AlexaSession
from devtools.load import load_settings
from devtools.models import load_model
from handlers.context import Services
from speech import en
from tests.helpers import EVENTS, assert_valid_response, load_event
from tests.reliability.conftest import NOW, heard

FIXTURES = sorted(path.name for path in EVENTS.glob("*.json"))
MODEL = load_model("en-US")
INTENTS = {
    intent["name"]: {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
    for intent in MODEL["interactionModel"]["languageModel"]["intents"]
}
REQUEST_TYPES = [
    "LaunchRequest",
    "IntentRequest",
    "SessionEndedRequest",
    "CanFulfillIntentRequest",
    "Alexa.Presentation.APL.UserEvent",
    "Connections.Response",
    "Messaging.MessageReceived",
    "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.SkillDisabled",
    "AlexaSkillEvent.SkillAccountLinked",
    "AlexaSkillEvent.SkillPermissionAccepted",
    "System.ExceptionEncountered",
    "AudioPlayer.PlaybackStarted",
]
ER_STATUSES = [
    "ER_SUCCESS_MATCH",
    "ER_SUCCESS_NO_MATCH",
    "ER_ERROR_TIMEOUT",
    "ER_ERROR_EXCEPTION",
]
METACHARACTERS = "& < > \" ' &amp; <speak> </speak> <break time='9s'/> ]]> <!-- &#0;"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)
non_latin = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=60
)
HUGE = 10_000
slot_values = st.one_of(
    st.just(""),
    st.just("   "),
    non_latin,
    st.sampled_from(["Казань", "杭州", "東京", "ქუთაისი", "مرحبا", "🙂📷", "Zoë & Ñoño"]),
    st.builds(lambda a, b: f"{a}{METACHARACTERS}{b}", st.text(max_size=20), st.text(max_size=20)),
    st.sampled_from(["&", "<", ">", '"', "'", METACHARACTERS]),
    st.text(max_size=1000),
)
#: Huge values (10k characters, Latin or not), in every slot, echoed ones included.
huge_values = st.sampled_from(["x", "й", "&", "<", "東"]).map(lambda char: char * HUGE)


amazon_dates = st.one_of(
    st.dates().map(lambda day: day.isoformat()),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 19),
        st.integers(0, 39),
    ),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1900, 2100), st.integers(0, 13)),
    st.integers(-5, 10_000).map(str),
    st.builds(lambda y, w: f"{y}-W{w:02d}", st.integers(1990, 2100), st.integers(0, 60)),
    st.builds(lambda y, w: f"{y}-W{w:02d}-WE", st.integers(1990, 2100), st.integers(0, 60)),
    st.builds(
        lambda y, s: f"{y}-{s}",
        st.integers(1990, 2100),
        st.sampled_from(["WI", "SP", "SU", "FA", "XX"]),
    ),
    st.sampled_from(
        [
            "201X",
            "197X",
            "20XX",
            "XXXX",
            "XXXX-11-05",
            "XXXX-XX-05",
            "XXXX-WXX-6",
            "XXXX-11",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "P1D",
            "PT5M",
            "T09:00",
            "2026-11-21T09:00",
            "2026-02-30",
            "2026-13-01",
            "0000-00-00",
            "99999-01-01",
            "\uff12\uff10\uff12\uff16-\uff11\uff11-\uff10\uff15",  # full-width digits
            "2026-11-05 ",
            " 2026-11-05",
            "2026/11/05",
            "-2026-11-05",
        ]
    ),
    st.text(max_size=30),
)


@pytest.fixture(scope="module")
def handler():
    settings = load_settings("bad-input-never-created")
    return app.make_handler(Services(settings, InMemoryUserStore()))


def session():
    # Loopback API endpoint: a fuzzed token may make the skill call the Settings API.
    return AlexaSession(clock=lambda: NOW, api_endpoint="http://127.0.0.1:9")


def slot_of(draw, name, type_name):
    values = slot_values | huge_values
    value = draw(values | amazon_dates if type_name == "AMAZON.DATE" else values)
    slot = {
        "name": name,
        "value": value,
        "confirmationStatus": draw(st.sampled_from(["NONE", "CONFIRMED", "DENIED"])),
    }
    if not type_name.startswith("AMAZON.") and draw(st.booleans()):
        status = draw(st.sampled_from(ER_STATUSES))
        authority = {
            "authority": f"amzn1.er-authority.echo-sdk.local.{type_name}",
            "status": {"code": status},
        }
        if draw(st.booleans()):
            authority["values"] = draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "value": st.fixed_dictionaries(
                                {"name": slot_values, "id": st.text(max_size=20)}
                            )
                        }
                    ),
                    max_size=2,
                )
            )
        slot["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return slot


@st.composite
def intent_requests(draw):
    """Well-formed intent requests of the model's intents, with any slot values at all."""
    name = draw(st.sampled_from(sorted(INTENTS)))
    slots = {
        slot: slot_of(draw, slot, type_name)
        for slot, type_name in INTENTS[name].items()
        if draw(st.booleans())
    }
    intent = {"name": name, "confirmationStatus": "NONE", "slots": slots}
    alexa = session()
    alexa.access_token = draw(st.none() | st.text(max_size=40))
    return alexa.intent(
        intent, draw(st.sampled_from([None, "STARTED", "IN_PROGRESS", "COMPLETED"]))
    )


@st.composite
def odd_intents(draw):
    """Intent names and slots the model does not have."""
    name = draw(
        st.text(max_size=40)
        | st.sampled_from(["AMAZON.PauseIntent", "AMAZON.ResumeIntent", "OrderPizzaIntent", ""])
    )
    slots = draw(
        st.dictionaries(
            st.text(max_size=15),
            st.builds(lambda v: {"name": "x", "value": v}, slot_values),
            max_size=3,
        )
    )
    return session().intent({"name": name, "confirmationStatus": "NONE", "slots": slots})


def mutate(draw, value, depth=0):
    """Drop keys, replace values with random JSON, or keep, throughout a JSON tree."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            choice = draw(st.integers(0, 9))
            if choice == 0:
                continue
            kept[key] = draw(json_values) if choice == 1 else mutate(draw, item, depth + 1)
        return kept
    if isinstance(value, list):
        return [mutate(draw, item, depth + 1) for item in value if draw(st.integers(0, 9))]
    return value


@st.composite
def mangled_envelopes(draw):
    """Real fixture envelopes with parts missing or replaced, anywhere in the tree."""
    event = load_event(draw(st.sampled_from(FIXTURES)))
    event.setdefault("context", {}).setdefault("System", {})["apiEndpoint"] = "http://127.0.0.1:9"
    return mutate(draw, event)


@st.composite
def envelopes_missing_parts(draw):
    event = load_event(draw(st.sampled_from(FIXTURES)))
    for part in draw(
        st.sets(st.sampled_from(["session", "context", "request", "version"]), min_size=1)
    ):
        event.pop(part, None)
    return event


@st.composite
def unknown_request_types(draw):
    event = session().intent({"name": "AMAZON.HelpIntent", "confirmationStatus": "NONE"})
    event["request"]["type"] = draw(st.sampled_from(REQUEST_TYPES) | st.text(max_size=40))
    event["request"].update(draw(st.dictionaries(st.text(max_size=10), json_values, max_size=3)))
    return event


@st.composite
def odd_session_attributes(draw):
    event = copy.deepcopy(draw(intent_requests()))
    keys = st.sampled_from(["state", "case", "zone", "turn", "withdrawn"]) | st.text(max_size=8)
    event["session"]["attributes"] = draw(st.dictionaries(keys, json_values, max_size=4))
    return event


def check(handler, event):
    response = handler(event, None)
    assert_valid_response(response)
    return response


@pytest.mark.parametrize(
    "strategy",
    [
        pytest.param(json_values, id="random-json"),
        pytest.param(st.dictionaries(st.text(max_size=12), json_values), id="random-json-objects"),
        pytest.param(mangled_envelopes(), id="truncated-envelopes"),
        pytest.param(envelopes_missing_parts(), id="missing-session-context-request"),
        pytest.param(unknown_request_types(), id="unknown-request-types"),
        pytest.param(odd_intents(), id="unknown-intents-and-slots"),
        pytest.param(odd_session_attributes(), id="garbage-session-attributes"),
    ],
)
def test_any_envelope_gets_a_well_formed_response_and_nothing_raises(handler, examples, strategy):
    @examples
    @given(strategy)
    def property(event):
        check(handler, event)

    property()


def test_any_slot_value_of_any_intent_is_answered_by_a_handler_not_the_catch_all(handler, examples):
    @examples
    @given(intent_requests())
    def property(event):
        response = check(handler, event)
        assert en.ERROR not in heard(response)

    property()


def test_every_amazon_date_shape_in_every_date_slot_is_answered(handler, examples):
    date_slots = [
        (intent, slot)
        for intent, slots in INTENTS.items()
        for slot, kind in slots.items()
        if kind == "AMAZON.DATE"
    ]

    @examples
    @given(
        st.sampled_from(date_slots), amazon_dates, st.sampled_from(["NONE", "CONFIRMED", "DENIED"])
    )
    def property(where, value, status):
        intent, slot = where
        event = session().intent(
            {
                "name": intent,
                "confirmationStatus": "NONE",
                "slots": {slot: {"name": slot, "value": value, "confirmationStatus": status}},
            }
        )
        response = check(handler, event)
        assert en.ERROR not in heard(response)

    property()


ECHOES = [
    ("ReturnRefundIntent", "product", {}),
    ("WarrantyStatusIntent", "product", {}),
    ("CrossShipIntent", "product", {}),
    ("DeliveryTimeIntent", "region", {}),
    ("ReturnRefundIntent", "store", {"purchaseDate": "2026-11-20"}),
]


@pytest.mark.parametrize(
    ("intent", "slot", "given"), ECHOES, ids=[f"{i}-{s}" for i, s, _ in ECHOES]
)
@pytest.mark.parametrize("char", ["x", "&"])
def test_a_huge_unmatched_value_in_a_slot_the_skill_repeats_still_leaves_a_question(
    handler, intent, slot, given, char
):
    slots = {
        name: {"name": name, "value": value} for name, value in {**given, slot: char * HUGE}.items()
    }
    event = session().intent({"name": intent, "confirmationStatus": "NONE", "slots": slots})

    check(handler, event)
