"""The skill package (skill-package/): manifest, account linking and models, checked offline.

The documents are deserialized into Amazon's SMAPI model types (``ask-smapi-model``) with the
SDK's DefaultSerializer and serialized back: a field SMAPI does not know is dropped on the way
in, so a round trip that does not give back the same JSON names a field that would be lost or
refused. The rest holds the manifest to what the code does: the locales of the models, the
example phrases to real samples, the viewports to the screens' layouts, the event
subscriptions to the handler's routes, the endpoint to the template's alias.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from devtools import models, skill_package
from devtools.demo_customers import DEMO_CUSTOMERS, DEMO_TOKEN_PREFIX
from devtools.envelopes import AlexaSession
from devtools.fixtures import FIXTURE_TIME
from devtools.nlu import Nlu
from devtools.screens import DEVICES, Device
from handlers.routes import ROUTES
from screens import DOCUMENTS as SCREEN_DOCUMENTS
from screens import layout_of, sizes

SERIALIZER = DefaultSerializer()
MANIFEST_TYPE = "ask_smapi_model.v1.skill.manifest.skill_manifest_envelope.SkillManifestEnvelope"
ACCOUNT_LINKING_TYPE = (
    "ask_smapi_model.v1.skill.account_linking.account_linking_request.AccountLinkingRequest"
)
MODEL_TYPE = (
    "ask_smapi_model.v1.skill.interaction_model.interaction_model_data.InteractionModelData"
)
DOCUMENTS = [
    (skill_package.MANIFEST_PATH, MANIFEST_TYPE),
    (skill_package.ACCOUNT_LINKING_PATH, ACCOUNT_LINKING_TYPE),
    *((models.model_path(locale), MODEL_TYPE) for locale in models.LOCALES),
]
VALUES = {
    "SkillFunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:zosi-skill:live",
    "PrivacyPolicyUrl": "https://zosi.example/alexa/privacy",
    "TermsOfUseUrl": "https://zosi.example/alexa/terms",
    "AuthorizationUrl": "https://auth.zosi.example/oauth/authorize",
    "AccessTokenUrl": "https://auth.zosi.example/oauth/token",
    "ClientId": "alexa-zosi-care",
    "ClientSecret": "not-a-real-secret",
}
locales = pytest.mark.parametrize("locale", models.LOCALES)


def layout_sizes() -> dict[str, Any]:
    """The screens' layouts (``sizes.json``): what each viewport is laid out with."""
    text = Path(SCREEN_DOCUMENTS, "sizes.json").read_text(encoding="utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def manifest() -> dict[str, Any]:
    body: dict[str, Any] = skill_package.load_manifest()["manifest"]
    return body


def round_trip(document: Any, type_name: str) -> Any:
    return SERIALIZER.serialize(SERIALIZER.deserialize(json.dumps(document), type_name))


# --- the package and the SMAPI types -----------------------------------------------------------


def test_skill_package_holds_the_manifest_the_five_models_and_the_account_linking_request():
    package = skill_package.PACKAGE_DIR
    assert (package / "skill.json").is_file()
    assert (package / "accountLinking.json").is_file()
    found = {path.stem for path in (package / "interactionModels" / "custom").glob("*.json")}
    assert found == set(models.LOCALES) == {"en-US", "en-CA", "en-GB", "en-AU", "en-IN"}


def test_committed_manifest_equals_a_fresh_generation_from_its_source():
    expected = models.render(skill_package.build_manifest())
    assert skill_package.MANIFEST_PATH.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(("path", "type_name"), DOCUMENTS, ids=lambda v: getattr(v, "name", ""))
def test_document_survives_a_round_trip_through_the_smapi_model_types(path: Path, type_name: str):
    document = json.loads(path.read_text(encoding="utf-8"))
    assert round_trip(document, type_name) == document


def test_the_round_trip_catches_a_field_smapi_does_not_know():
    document = skill_package.load_manifest()
    document["manifest"]["publishingInformation"]["locales"]["en-US"]["slogan"] = "best"
    assert round_trip(document, MANIFEST_TYPE) != document


def test_the_round_trip_refuses_an_event_smapi_does_not_know():
    document = skill_package.load_manifest()
    document["manifest"]["events"]["subscriptions"].append({"eventName": "SKILL_REBOOTED"})
    with pytest.raises(Exception, match="SKILL_REBOOTED"):
        round_trip(document, MANIFEST_TYPE)


# --- the listing -------------------------------------------------------------------------------


def test_manifest_lists_exactly_the_locales_of_the_models_for_publishing_and_privacy():
    body = manifest()
    assert set(body["publishingInformation"]["locales"]) == set(models.LOCALES)
    assert set(body["privacyAndCompliance"]["locales"]) == set(models.LOCALES)


def test_skill_is_distributed_in_the_countries_of_its_locales():
    publishing = manifest()["publishingInformation"]
    assert publishing["isAvailableWorldwide"] is False
    assert publishing["distributionMode"] == "PUBLIC"
    countries = {locale.split("-")[1] for locale in models.LOCALES}
    assert set(publishing["distributionCountries"]) == countries


@locales
def test_listing_has_every_store_field_within_amazons_limits(locale):
    listing = manifest()["publishingInformation"]["locales"][locale]
    assert 0 < len(listing["name"]) <= 50
    assert 0 < len(listing["summary"]) <= 160
    assert 0 < len(listing["description"]) <= 4000
    assert 1 <= len(listing["examplePhrases"]) <= 3
    assert all(len(phrase) <= 200 for phrase in listing["examplePhrases"])
    assert 0 < len(listing["keywords"]) <= 30


def test_testing_instructions_name_every_demo_account_of_the_account_service():
    instructions = manifest()["publishingInformation"]["testingInstructions"]
    assert len(instructions) <= 4000
    for customer in DEMO_CUSTOMERS:
        assert f"{DEMO_TOKEN_PREFIX}{customer.name}:" in instructions, customer.name


def test_privacy_answers_are_true_to_the_privacy_terms():
    privacy = manifest()["privacyAndCompliance"]
    assert privacy["usesPersonalInfo"] is True  # P2: the linked ZOSI account
    assert privacy["isChildDirected"] is False  # P7: minors through the account's consent
    assert privacy["allowsPurchases"] is False
    assert privacy["containsAds"] is False
    for urls in privacy["locales"].values():
        assert urls == {
            "privacyPolicyUrl": "${PrivacyPolicyUrl}",
            "termsOfUseUrl": "${TermsOfUseUrl}",
        }


def test_no_permission_is_asked_for():
    assert manifest()["permissions"] == []


# --- account linking ---------------------------------------------------------------------------


def test_account_linking_is_an_authorization_code_grant_with_its_urls_as_parameters():
    request = skill_package.load_account_linking()["accountLinkingRequest"]
    assert request["type"] == "AUTH_CODE"
    assert request["scopes"] == ["profile:read", "orders:read", "support:write"]
    assert request["authorizationUrl"] == "${AuthorizationUrl}"
    assert request["accessTokenUrl"] == "${AccessTokenUrl}"
    assert request["clientSecret"] == "${ClientSecret}"
    # Every policy question is answered unlinked: linking must not stand before enablement.
    assert request["skipOnEnablement"] is True


def test_every_placeholder_is_a_known_parameter():
    found = skill_package.placeholders(skill_package.load_manifest())
    found |= skill_package.placeholders(skill_package.load_account_linking())
    assert found == set(skill_package.PARAMETERS)


# --- endpoint, events, interfaces --------------------------------------------------------------


def test_endpoint_is_the_stack_output_of_the_live_alias_never_a_committed_arn(template):
    body = manifest()
    assert body["apis"]["custom"]["endpoint"] == {"uri": "${SkillFunctionArn}"}
    assert body["events"]["endpoint"] == {"uri": "${SkillFunctionArn}"}
    function = template["Resources"]["SkillFunction"]["Properties"]
    assert function["AutoPublishAlias"] == "live"
    assert template["Outputs"]["SkillFunctionArn"]["Value"] == {"Ref": "SkillFunction.Alias"}
    for path in skill_package.PACKAGE_DIR.rglob("*.json"):
        assert "arn:" not in path.read_text(encoding="utf-8"), path


def served_events() -> set[str]:
    """The skill events the handler routes, as the manifest names them (SkillDisabled ->
    SKILL_DISABLED)."""
    return {
        re.sub(r"(?<!^)(?=[A-Z])", "_", request.split(".", 1)[1]).upper()
        for route in ROUTES
        for request in route.requests
        if request.startswith("AlexaSkillEvent.")
    }


def test_events_subscribed_are_exactly_the_events_the_handler_serves():
    subscribed = [item["eventName"] for item in manifest()["events"]["subscriptions"]]
    assert len(subscribed) == len(set(subscribed))
    assert set(subscribed) == served_events()
    assert "SKILL_DISABLED" in subscribed  # P5: disabling deletes everything stored


def apl_viewports() -> list[dict[str, Any]]:
    interfaces = manifest()["apis"]["custom"]["interfaces"]
    [apl] = [item for item in interfaces if item["type"] == "ALEXA_PRESENTATION_APL"]
    viewports: list[dict[str, Any]] = apl["supportedViewports"]
    return viewports


def handler_input_on(device: Device) -> HandlerInput:
    envelope = AlexaSession(clock=lambda: FIXTURE_TIME, screen=device.context()).launch()
    request = SERIALIZER.deserialize(json.dumps(envelope), RequestEnvelope)
    return HandlerInput(request_envelope=request)


def dp(pixels: int, device: Device) -> float:
    return pixels * 160 / device.dpi


def device_at(viewport: dict[str, Any], width: int, height: int) -> Device:
    """A device of the viewport's mode and shape, ``width`` x ``height`` dp in pixels."""
    dpi = 320 if viewport["mode"] == "TV" else 160
    scale = dpi // 160
    return Device("probe", width * scale, height * scale, dpi, viewport["shape"], viewport["mode"])


def covers(viewport: dict[str, Any], device: Device) -> bool:
    return (
        viewport["mode"] == device.mode
        and viewport["shape"] == device.shape
        and viewport["minWidth"] <= dp(device.width, device) <= viewport["maxWidth"]
        and viewport["minHeight"] <= dp(device.height, device) <= viewport["maxHeight"]
    )


def test_amazons_required_viewport_profiles_are_declared():
    declared = {tuple(sorted(v.items())) for v in apl_viewports()}
    required = [  # hubRoundSmall, hubLandscapeMedium, hubLandscapeLarge, tvLandscapeXLarge
        {"mode": "HUB", "shape": "ROUND"},
        {"mode": "HUB", "shape": "RECTANGLE", "minWidth": 960, "minHeight": 600},
        {"mode": "HUB", "shape": "RECTANGLE", "minWidth": 1280, "minHeight": 600},
        {"mode": "TV", "shape": "RECTANGLE", "minWidth": 960, "minHeight": 540},
    ]
    for profile in required:
        assert any(profile.items() <= dict(v).items() for v in declared), profile


@pytest.mark.parametrize("name", sorted(DEVICES))
def test_every_device_the_screens_are_rendered_on_is_in_a_declared_viewport(name):
    assert any(covers(viewport, DEVICES[name]) for viewport in apl_viewports()), name


def test_declared_viewports_are_the_ones_the_screens_lay_out_for():
    """Each declared viewport, at its corners and centre, gets one of the screens' layouts; the
    centres reach every layout of sizes.json, one viewport each."""
    centres = []
    for viewport in apl_viewports():
        widths = (viewport["minWidth"], viewport["maxWidth"])
        heights = (viewport["minHeight"], viewport["maxHeight"])
        corners = {
            layout_of(handler_input_on(device_at(viewport, w, h))) for w in widths for h in heights
        }
        centre = layout_of(
            handler_input_on(device_at(viewport, sum(widths) // 2, sum(heights) // 2))
        )
        assert corners <= set(layout_sizes()), viewport
        assert sizes(centre)
        centres.append(centre)
    assert sorted(centres) == sorted(layout_sizes())


# --- invocation and example phrases ------------------------------------------------------------

#: Amazon's invocation name requirements (custom skills, "Invocation name requirements"):
#: launch phrases, connecting words and wake words may not be part of the name, nor "skill"
#: or "app"; a two-word name may not include an article or preposition.
LAUNCH_WORDS = {
    "ask", "begin", "do", "enable", "launch", "load", "open", "play", "resume", "run", "start",
    "talk", "tell", "use",
}  # fmt: skip
CONNECTING_WORDS = {
    "about", "and", "by", "for", "from", "if", "in", "to", "using", "whether", "with",
}  # fmt: skip
WAKE_WORDS = {"alexa", "amazon", "echo", "computer", "ziggy"}
SMALL_WORDS = {"a", "an", "the", "for", "to", "of", "on", "in"}


@locales
def test_invocation_name_follows_amazons_invocation_name_rules(locale):
    name = models.load_model(locale)["interactionModel"]["languageModel"]["invocationName"]
    # lower-case letters, spaces, possessive apostrophes, periods of spelled abbreviations
    assert re.fullmatch(r"[a-z]+(?:'s)?(?:\.?(?: [a-z]+(?:'s)?\.?)*)", name), name
    words = name.split()
    assert 2 <= len(words) <= 4, name
    assert 2 <= len(name) <= 50, name
    assert not set(words) & (LAUNCH_WORDS | CONNECTING_WORDS | WAKE_WORDS | {"skill", "app"})
    if len(words) == 2:
        assert not set(words) & SMALL_WORDS
    assert not any(ch.isdigit() for ch in name)


def example_phrases(locale: str) -> list[str]:
    phrases: list[str] = manifest()["publishingInformation"]["locales"][locale]["examplePhrases"]
    return phrases


@cache
def samples_of(locale: str) -> tuple[list[tuple[str, list[str]]], dict[str, set[str]]]:
    """Every sample of the locale's model as (intent, words with {slot} marks as "{Type}"),
    and each custom slot type's spoken values (values and synonyms, lower case)."""
    language = models.load_model(locale)["interactionModel"]["languageModel"]
    values = {
        slot_type["name"]: {
            " ".join(spoken.lower().split())
            for value in slot_type["values"]
            for spoken in [value["name"]["value"], *value["name"].get("synonyms", [])]
        }
        for slot_type in language["types"]
    }
    samples = []
    for intent in language["intents"]:
        types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for sample in intent["samples"]:
            words = [
                "{" + types[word[1:-1]] + "}" if word.startswith("{") else word.lower()
                for word in sample.split()
            ]
            samples.append((str(intent["name"]), words))
    return samples, values


def matches(pattern: list[str], said: list[str], values: dict[str, set[str]]) -> bool:
    """Whether ``said`` is ``pattern`` word for word, each {Type} one of its values (a built-in
    type such as AMAZON.DATE: one to six words)."""
    if not pattern:
        return not said
    head, rest = pattern[0], pattern[1:]
    if not head.startswith("{"):
        return bool(said) and said[0] == head and matches(rest, said[1:], values)
    spoken = values.get(head[1:-1])
    for end in range(1, min(len(said), 6) + 1):
        if (spoken is None or " ".join(said[:end]) in spoken) and matches(rest, said[end:], values):
            return True
    return False


def is_a_sample(utterance: str, locale: str) -> str | None:
    """The intent one of whose samples is said word for word (slot values filled), or None."""
    samples, values = samples_of(locale)
    said = re.sub(r"[^a-z0-9' .]", " ", utterance.lower()).split()
    for intent, pattern in samples:
        literal = {word for word in pattern if not word.startswith("{")}
        if literal <= set(said) and matches(pattern, said, values):
            return intent
    return None


@locales
def test_first_example_phrase_opens_the_skill_by_its_invocation_name(locale):
    nlu = Nlu.for_locale(locale, FIXTURE_TIME.date())
    first = example_phrases(locale)[0]
    assert first == "Alexa, open zosi care"
    assert nlu.parse_invocation(first).kind == "launch"


@locales
def test_every_other_example_phrase_is_a_one_shot_of_a_real_sample(locale):
    nlu = Nlu.for_locale(locale, FIXTURE_TIME.date())
    for phrase in example_phrases(locale)[1:]:
        assert phrase.startswith("Alexa, ask zosi care "), phrase
        invocation = nlu.parse_invocation(phrase)
        assert invocation.kind == "oneshot", phrase
        assert is_a_sample(invocation.utterance, locale) is not None, phrase


def test_a_phrase_that_is_no_sample_is_told_apart():
    assert is_a_sample("is my camera still under warranty", "en-US") == "WarrantyStatusIntent"
    assert is_a_sample("is my toaster still under warranty", "en-US") is None
    assert is_a_sample("tell me everything about warranties", "en-US") is None


# --- building the deployable copy --------------------------------------------------------------


def test_package_built_with_every_value_has_no_placeholder_left_and_still_fits_smapi(tmp_path):
    written = skill_package.write_package(VALUES, tmp_path)
    assert {path.name for path in written} == {
        "skill.json", "accountLinking.json", *(f"{locale}.json" for locale in models.LOCALES)
    }  # fmt: skip
    built = json.loads((tmp_path / "skill.json").read_text(encoding="utf-8"))
    linking = json.loads((tmp_path / "accountLinking.json").read_text(encoding="utf-8"))
    assert not skill_package.placeholders(built) | skill_package.placeholders(linking)
    assert built["manifest"]["apis"]["custom"]["endpoint"]["uri"] == VALUES["SkillFunctionArn"]
    assert built["manifest"]["events"]["endpoint"]["uri"] == VALUES["SkillFunctionArn"]
    assert round_trip(built, MANIFEST_TYPE) == built
    assert round_trip(linking, ACCOUNT_LINKING_TYPE) == linking
    for locale in models.LOCALES:
        copied = tmp_path / "interactionModels" / "custom" / f"{locale}.json"
        assert copied.read_bytes() == models.model_path(locale).read_bytes()


def test_package_built_before_the_stack_has_no_endpoint_and_no_events(tmp_path):
    skill_package.write_package({**VALUES, "SkillFunctionArn": ""}, tmp_path)
    built = json.loads((tmp_path / "skill.json").read_text(encoding="utf-8"))["manifest"]
    assert "events" not in built
    assert "endpoint" not in built["apis"]["custom"]
    assert built["apis"]["custom"]["interfaces"]


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:lambda:eu-west-1:123456789012:function:zosi-skill",
        "arn:aws:lambda:eu-west-1:123456789012:function:zosi-skill:$LATEST",
        "arn:aws:lambda:eu-west-1:123456789012:function:zosi-skill:7",
        "https://zosi.example/alexa",
    ],
)
def test_an_endpoint_other_than_the_live_alias_is_refused(arn, tmp_path):
    with pytest.raises(skill_package.ParameterError, match="SkillFunctionArn"):
        skill_package.write_package({**VALUES, "SkillFunctionArn": arn}, tmp_path)


def test_a_missing_value_is_named_with_where_it_comes_from(tmp_path, capsys):
    environ = {"ENDPOINT": VALUES["SkillFunctionArn"], "CLIENT_SECRET": "x"}
    assert skill_package.main(["--client-id", "abc"], environ) == 2
    out = capsys.readouterr().out
    assert "AuthorizationUrl" in out
    assert "--authorization-url or $AUTHORIZATION_URL" in out
    assert "ClientSecret" not in out


def test_a_plain_http_url_is_refused(tmp_path):
    with pytest.raises(skill_package.ParameterError, match="AccessTokenUrl"):
        skill_package.write_package(
            {**VALUES, "AccessTokenUrl": "http://auth.zosi.example"}, tmp_path
        )


def test_a_malformed_secret_is_refused_without_being_echoed(capsys):
    environ = {"CLIENT_SECRET": "two words"}
    argv = [f"--{name}={value}" for name, value in (
        ("privacy-policy-url", VALUES["PrivacyPolicyUrl"]),
        ("terms-of-use-url", VALUES["TermsOfUseUrl"]),
        ("authorization-url", VALUES["AuthorizationUrl"]),
        ("access-token-url", VALUES["AccessTokenUrl"]),
        ("client-id", VALUES["ClientId"]),
    )]  # fmt: skip
    assert skill_package.main(argv, environ) == 2
    out = capsys.readouterr().out
    assert "ClientSecret" in out
    assert "two words" not in out
