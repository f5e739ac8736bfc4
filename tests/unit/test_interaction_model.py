"""The generated interaction models: shape, samples, slots, dialog prompts and locale overlays.

Every check runs on every committed locale file, so a hand edit or a stale file fails here.
"""

import copy
import re
from collections import Counter
from typing import Any

import pytest

from devtools import models
from devtools.nlu import BUILT_IN_SAMPLES, words
from policy.regions import REGIONS

CUSTOM_INTENTS = {
    "ReturnRefundIntent": {
        "product": "ProductType",
        "purchaseDate": "AMAZON.DATE",
        "productAge": "AMAZON.DURATION",
        "store": "PurchaseChannel",
        "reason": "ReturnReason",
        "condition": "ProductCondition",
        "aspect": "Aspect",
        "alsoAspect": "Aspect",
        "alsoTopic": "PolicyTopic",
    },
    "WarrantyStatusIntent": {
        "product": "ProductType",
        "purchaseDate": "AMAZON.DATE",
        "productAge": "AMAZON.DURATION",
        "store": "PurchaseChannel",
        "purchaseCountry": "CountryName",
        "homeCountry": "CountryName",
        "reason": "ReturnReason",
        "condition": "ProductCondition",
        "aspect": "Aspect",
        "alsoAspect": "Aspect",
        "alsoTopic": "PolicyTopic",
    },
    "CrossShipIntent": {
        "product": "ProductType",
        "purchaseDate": "AMAZON.DATE",
        "productAge": "AMAZON.DURATION",
        "purchaseCountry": "CountryName",
        "homeCountry": "CountryName",
        "reason": "ReturnReason",
        "aspect": "Aspect",
        "alsoAspect": "Aspect",
        "alsoTopic": "PolicyTopic",
    },
    "StartClaimIntent": {
        "claimType": "ClaimType",
        "product": "ProductType",
        "reason": "ReturnReason",
        "purchaseDate": "AMAZON.DATE",
        "productAge": "AMAZON.DURATION",
        "store": "PurchaseChannel",
        "purchaseCountry": "CountryName",
        "homeCountry": "CountryName",
        "condition": "ProductCondition",
        "aspect": "Aspect",
        "alsoAspect": "Aspect",
        "alsoTopic": "PolicyTopic",
    },
    "PurchaseDetailsIntent": {
        "product": "ProductType",
        "purchaseDate": "AMAZON.DATE",
        "productAge": "AMAZON.DURATION",
        "store": "PurchaseChannel",
        "reason": "ReturnReason",
        "purchaseCountry": "CountryName",
        "homeCountry": "CountryName",
        "condition": "ProductCondition",
        "goal": "CustomerGoal",
        "aspect": "Aspect",
        "alsoAspect": "Aspect",
    },
    "DontKnowIntent": {
        "product": "ProductType",
        "store": "PurchaseChannel",
        "reason": "ReturnReason",
        "goal": "CustomerGoal",
    },
    "WithdrawConsentIntent": {},
    "DeliveryTimeIntent": {
        "region": "RussianRegion",
        "orderDate": "AMAZON.DATE",
        "orderedOn": "AMAZON.DATE",
        "country": "CountryName",
        "alsoTopic": "PolicyTopic",
    },
    "TrackOrderIntent": {"product": "ProductType"},
    "ContactSupportIntent": {},
    "PrivacyPolicyIntent": {"topic": "PolicyTopic", "alsoTopic": "PolicyTopic", "aspect": "Aspect"},
    "MyDataIntent": {"aspect": "Aspect"},
    "DeleteMyDataIntent": {"aspect": "Aspect"},
    "ClaimStatusIntent": {},
    "PolicyFactIntent": {
        "topic": "PolicyTopic",
        "aspect": "Aspect",
        "reason": "ReturnReason",
        "purchaseDate": "AMAZON.DATE",
        "store": "PurchaseChannel",
        "product": "ProductType",
        "goal": "CustomerGoal",
        "condition": "ProductCondition",
        "alsoAspect": "Aspect",
        "alsoTopic": "PolicyTopic",
        "purchaseCountry": "CountryName",
        "homeCountry": "CountryName",
    },
}
BUILT_IN_INTENTS = {
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.RepeatIntent",
}
ELICITABLE = {
    "ReturnRefundIntent": {"purchaseDate", "store", "reason", "product"},
    "WarrantyStatusIntent": {"purchaseDate", "store", "purchaseCountry", "product"},
    "CrossShipIntent": {"purchaseDate", "homeCountry", "purchaseCountry", "product"},
    "StartClaimIntent": {
        "claimType",
        "product",
        "reason",
        "purchaseDate",
        "store",
        "purchaseCountry",
    },
    "DeliveryTimeIntent": {"region"},
}
SLOT = re.compile(r"\{(\w+)\}")

locales = pytest.mark.parametrize("locale", models.LOCALES)


def language(locale: str) -> dict[str, Any]:
    return models.load_model(locale)["interactionModel"]["languageModel"]


def intents(locale: str) -> dict[str, dict[str, Any]]:
    return {intent["name"]: intent for intent in language(locale)["intents"]}


def slot_types(locale: str) -> dict[str, list[dict[str, Any]]]:
    return {t["name"]: t["values"] for t in language(locale)["types"]}


def normalised(sample: str) -> str:
    return " ".join(sample.lower().split())


def test_every_skill_locale_has_a_generated_model():
    assert set(models.LOCALES) == {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
    for locale in models.LOCALES:
        assert models.model_path(locale).is_file()


@locales
def test_committed_model_equals_a_fresh_generation_from_the_source(locale):
    expected = models.render(models.build_model(locale))
    assert models.model_path(locale).read_text(encoding="utf-8") == expected


def test_model_check_command_reports_nothing_stale(capsys):
    assert models.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_models_are_generated_into_the_skill_package_with_the_manifest_beside_them():
    package = models.PACKAGE_DIR
    custom = package / "interactionModels" / "custom"
    expected = {custom / f"{locale}.json" for locale in models.LOCALES}
    assert set(models.generated()) == expected | {package / "skill.json"}
    for path, text in models.generated().items():
        assert path.read_text(encoding="utf-8") == text, path.name


def test_model_check_command_reports_a_stale_manifest(tmp_path, monkeypatch, capsys):
    from devtools import skill_package

    stale = tmp_path / "skill.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(skill_package, "MANIFEST_PATH", stale)
    assert models.main(["--check"]) == 1
    assert "out of date: skill.json" in capsys.readouterr().out
    assert stale.read_text(encoding="utf-8") == "{}\n"


@locales
def test_model_has_the_standard_ask_shape_with_skill_response_delegation(locale):
    model = models.load_model(locale)
    assert set(model) == {"interactionModel"}
    assert set(model["interactionModel"]) == {"languageModel", "dialog", "prompts"}
    assert set(language(locale)) == {"invocationName", "modelConfiguration", "intents", "types"}
    assert model["interactionModel"]["dialog"]["delegationStrategy"] == "SKILL_RESPONSE"


@locales
def test_invocation_name_is_zosi_care(locale):
    assert language(locale)["invocationName"] == "zosi care"


@locales
def test_model_declares_exactly_the_intents_and_slots_the_handlers_use(locale):
    declared = {
        name: {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for name, intent in intents(locale).items()
    }
    assert declared == CUSTOM_INTENTS | {name: {} for name in BUILT_IN_INTENTS}


@locales
def test_every_custom_intent_has_at_least_thirty_samples(locale):
    for name in CUSTOM_INTENTS:
        assert len(intents(locale)[name]["samples"]) >= 30, name


@locales
def test_no_sample_appears_twice_within_or_across_intents(locale):
    counts = Counter(
        normalised(sample) for intent in intents(locale).values() for sample in intent["samples"]
    )
    assert [sample for sample, count in counts.items() if count > 1] == []


@locales
def test_no_custom_sample_is_also_a_built_in_intent_phrase(locale):
    built_in = {" ".join(words(s)) for samples in BUILT_IN_SAMPLES.values() for s in samples}
    custom = {
        " ".join(words(s)) for name in CUSTOM_INTENTS for s in intents(locale)[name]["samples"]
    }
    assert custom & built_in == set()


@locales
def test_built_in_intents_carry_the_sources_samples_and_no_others(locale):
    source = models.load_source()
    fallback = models.expand_all(source["fallbackSamples"])
    assert len(fallback) >= 80
    expected = {
        "AMAZON.FallbackIntent": fallback,
        **{name: models.expand_all(s) for name, s in source["builtinSamples"].items()},
    }
    assert {"hi", "hello there", "good morning"} <= set(expected["AMAZON.HelpIntent"])
    for name in BUILT_IN_INTENTS:
        assert intents(locale)[name]["samples"] == expected.get(name, []), name


def test_fallback_samples_are_templates_expanded_like_any_other_sample():
    source = copy.deepcopy(models.load_source())
    source["fallbackSamples"] = ["(play|stop) [the] music"]
    built = models.build_model("en-US", source)["interactionModel"]["languageModel"]
    fallback = next(i for i in built["intents"] if i["name"] == "AMAZON.FallbackIntent")
    assert fallback["samples"] == ["play music", "play the music", "stop music", "stop the music"]


@locales
def test_no_sample_starts_with_the_invocation_name(locale):
    for intent in intents(locale).values():
        for sample in intent["samples"]:
            assert not normalised(sample).startswith("zosi care"), sample


@locales
def test_samples_use_only_words_apostrophes_spelled_letters_and_slots(locale):
    allowed = re.compile(r"(?:[A-Za-z']+|[A-Z]\.|\{\w+\})(?: (?:[A-Za-z']+|[A-Z]\.|\{\w+\}))*")
    for intent in intents(locale).values():
        texts = [
            *intent["samples"],
            *(s for slot in intent.get("slots", []) for s in slot.get("samples", [])),
        ]
        for text in texts:
            assert allowed.fullmatch(text), text


@locales
def test_every_slot_in_a_sample_is_declared_by_that_intent(locale):
    for name, intent in intents(locale).items():
        declared = {slot["name"] for slot in intent.get("slots", [])}
        for sample in intent["samples"]:
            assert set(SLOT.findall(sample)) <= declared, (name, sample)
        for slot in intent.get("slots", []):
            for sample in slot.get("samples", []):
                assert set(SLOT.findall(sample)) <= declared, (name, sample)
                assert slot["name"] in SLOT.findall(sample), (name, sample)


@locales
def test_every_slot_type_used_is_declared_or_built_in(locale):
    declared = set(slot_types(locale))
    for intent in intents(locale).values():
        for slot in intent.get("slots", []):
            assert slot["type"].startswith("AMAZON.") or slot["type"] in declared, slot


@locales
def test_every_custom_value_has_an_id_unique_within_its_type(locale):
    for type_name, values in slot_types(locale).items():
        ids = [value["id"] for value in values]
        assert all(ids), type_name
        assert len(ids) == len(set(ids)), type_name


@locales
def test_no_spoken_form_names_two_values_of_one_type(locale):
    for type_name, values in slot_types(locale).items():
        owner: dict[str, str] = {}
        for value in values:
            for spoken in [value["name"]["value"], *value["name"]["synonyms"]]:
                key = " ".join(words(spoken))
                assert owner.setdefault(key, value["id"]) == value["id"], (type_name, spoken)


@locales
def test_purchase_channels_are_the_policy_channels_r2_r5_r6(locale):
    """The policy channels, plus AliExpress alone, which the skill asks about (R2 or R5)."""
    ids = [value["id"] for value in slot_types(locale)["PurchaseChannel"]]
    assert ids == ["zosi_website", "zosi_official_store", "aliexpress", "third_party", "gift"]
    aliexpress = next(
        value for value in slot_types(locale)["PurchaseChannel"] if value["id"] == "aliexpress"
    )
    assert aliexpress["name"]["value"] == "AliExpress"


@locales
def test_return_reasons_and_claim_types_are_the_account_api_enums(locale):
    types = slot_types(locale)
    assert [v["id"] for v in types["ReturnReason"]] == [
        "defect",
        "changed_mind",
        "damaged_in_transit",
        "other",
    ]
    assert [v["id"] for v in types["ClaimType"]] == [
        "refund_return",
        "warranty_repair",
        "cross_ship",
    ]


@locales
def test_country_ids_are_upper_case_iso_alpha_2_codes(locale):
    ids = [value["id"] for value in slot_types(locale)["CountryName"]]
    assert len(ids) >= 40
    assert all(re.fullmatch(r"[A-Z]{2}", value_id) for value_id in ids)
    assert {"RU", "CN", "US", "GB", "DE", "KZ", "BY", "UA"} <= set(ids)


@locales
def test_russian_region_values_are_exactly_the_delivery_estimate_regions_d4(locale):
    values = slot_types(locale)["RussianRegion"]
    assert [(v["id"], v["name"]["value"], tuple(v["name"]["synonyms"])) for v in values] == [
        (region.id, region.name, region.synonyms) for region in REGIONS.values()
    ]


@locales
def test_skill_elicits_exactly_the_agreed_slots_and_each_has_slot_samples(locale):
    dialog = models.load_model(locale)["interactionModel"]["dialog"]["intents"]
    elicited = {
        intent["name"]: {slot["name"] for slot in intent["slots"] if slot["elicitationRequired"]}
        for intent in dialog
    }
    assert elicited == ELICITABLE
    for name, slots in ELICITABLE.items():
        for slot in intents(locale)[name]["slots"]:
            if slot["name"] in slots:
                assert len(slot["samples"]) >= 5, (name, slot["name"])


@locales
def test_every_elicitable_slot_has_elicit_and_confirm_prompts_with_variations(locale):
    model = models.load_model(locale)["interactionModel"]
    prompts = {prompt["id"]: prompt["variations"] for prompt in model["prompts"]}
    for intent in model["dialog"]["intents"]:
        declared = set(CUSTOM_INTENTS[intent["name"]])
        for slot in intent["slots"]:
            assert slot["confirmationRequired"] is False
            refs = slot["prompts"]
            assert refs == {
                "elicitation": f"Elicit.Slot.{intent['name']}.{slot['name']}",
                "confirmation": f"Confirm.Slot.{intent['name']}.{slot['name']}",
            }
            for prompt_id in refs.values():
                variations = prompts[prompt_id]
                assert len(variations) >= 2, prompt_id
                for variation in variations:
                    assert variation["type"] == "PlainText"
                    assert set(SLOT.findall(variation["value"])) <= declared, prompt_id


def remove_overlays(model: dict[str, Any], locale: str) -> dict[str, Any]:
    """The model with every sample and synonym that the locale's overlays add taken out."""
    source = models.load_source()
    stripped = copy.deepcopy(model)
    lm = stripped["interactionModel"]["languageModel"]
    for overlay_name in source["locales"][locale]:
        overlay = source["overlays"][overlay_name]
        for intent in lm["intents"]:
            for sample in models.expand_all(overlay.get("samples", {}).get(intent["name"], [])):
                intent["samples"].remove(sample)
        for slot_type in lm["types"]:
            extra = overlay.get("synonyms", {}).get(slot_type["name"], {})
            for value in slot_type["values"]:
                for synonym in extra.get(value["id"], []):
                    value["name"]["synonyms"].remove(synonym)
    return stripped


@locales
def test_locales_differ_only_by_the_overlays_the_source_lists(locale):
    base = remove_overlays(models.load_model("en-US"), "en-US")
    assert remove_overlays(models.load_model(locale), locale) == base


def test_british_style_locales_hear_post_and_parcel_wording_but_american_ones_do_not():
    phrase = "has my parcel been posted"
    for locale in ("en-GB", "en-AU", "en-IN"):
        assert phrase in intents(locale)["TrackOrderIntent"]["samples"]
    for locale in ("en-US", "en-CA"):
        assert phrase not in intents(locale)["TrackOrderIntent"]["samples"]


def test_only_the_indian_model_knows_flipkart_as_a_third_party_shop():
    def third_party_synonyms(locale: str) -> list[str]:
        channel = {v["id"]: v for v in slot_types(locale)["PurchaseChannel"]}
        return channel["third_party"]["name"]["synonyms"]

    assert "Flipkart" in third_party_synonyms("en-IN")
    assert "Flipkart" not in third_party_synonyms("en-GB")
