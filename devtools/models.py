"""Generate every locale's ASK interaction model, and the skill manifest, from one source.

`interaction_models/source/model.yaml` is the only model file a person edits; the models are
written where the ASK CLI's skill package keeps them, `skill-package/interactionModels/custom/
<locale>.json`, and every tool reads them there (`load_model`), so the package uploaded is the
model tested. `skill-package/skill.json` is generated beside them from
`interaction_models/source/skill.yaml` (`devtools.skill_package`), one listing for every locale
here. Each locale's model is
that source plus the overlays the locale lists (extra samples or synonyms, such as British
"post" wording), so the locales cannot drift apart. The RussianRegion slot type is generated
from `policy.regions.REGIONS`, the same table the delivery estimate (D4) reads, so the skill
understands exactly the regions it can answer for. The source's `fallbackSamples`, requests a
ZOSI customer might say that the skill does not answer, become AMAZON.FallbackIntent's samples,
which train Alexa's out-of-domain model (and the local NLU's Fallback class); its `builtinSamples`
(a greeting for Help) are added to those built-in intents' own.

Samples (of intents, overlays and dialog slots) may be templates: `(a|b)` says one of the
alternatives, `[a|b]` one of them or nothing, `[please]` an optional word; groups nest, and
`{slot}` stays Alexa's slot reference. `(can|could) I (return|send back) [my|the] {product}`
is twelve samples. Expansion is deterministic (left to right, the empty choice of `[...]`
first) and drops repeats, so regeneration stays byte-stable.

The output is the standard `{"interactionModel": {"languageModel", "dialog", "prompts"}}`
JSON with sorted keys, so regenerating an unchanged source rewrites identical files.
"""

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import yaml

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
SOURCE_DIR: Final = REPO_ROOT / "interaction_models" / "source"
PACKAGE_DIR: Final = REPO_ROOT / "skill-package"
MODELS_DIR: Final = PACKAGE_DIR / "interactionModels" / "custom"
SKILL_DIR: Final = REPO_ROOT / "skill"
SOURCE_PATH: Final = SOURCE_DIR / "model.yaml"
REGION_TYPE: Final = "RussianRegion"
FALLBACK_INTENT: Final = "AMAZON.FallbackIntent"
_GROUPS: Final = {"(": ")", "[": "]"}
_SPECIAL: Final = frozenset("()[]|")


class TemplateError(ValueError):
    """A sample template is malformed: an unbalanced bracket or a stray `|`."""


def expand(template: str) -> list[str]:
    """Every sample a template stands for, in a stable order and without repeats.

    Args:
        template: A sample such as `(can|could) I return [my|the] {product}`.

    Returns:
        The samples, single-spaced, in the order the alternatives are written.

    Raises:
        TemplateError: A bracket is not closed or closed by the wrong kind, a `|` stands
            outside a group, or an expansion is empty.
    """
    samples, _ = _choice(template, 0, None)
    expanded = [" ".join(sample.split()) for sample in samples]
    if not all(expanded):
        raise TemplateError(f"template {template!r} can expand to an empty sample")
    return list(dict.fromkeys(expanded))


def expand_all(templates: Iterable[str]) -> list[str]:
    """Expand several templates into one list, keeping the first of any repeated sample."""
    return list(dict.fromkeys(sample for template in templates for sample in expand(template)))


def load_source(path: Path = SOURCE_PATH) -> dict[str, Any]:
    """Read the human-edited model source.

    Args:
        path: The YAML source; the repository's own by default.

    Returns:
        The parsed source mapping.
    """
    source: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return source


LOCALES: Final[tuple[str, ...]] = tuple(load_source()["locales"])


def build_model(locale: str, source: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Build one locale's interaction model from the source and that locale's overlays.

    Args:
        locale: One of LOCALES, e.g. "en-GB".
        source: A parsed source; the repository's own when None.

    Returns:
        The interaction model as Alexa expects it.

    Raises:
        KeyError: The locale is not listed in the source.
    """
    spec = load_source() if source is None else source
    overlays = [spec["overlays"][name] for name in spec["locales"][locale]]
    extra_samples = _merge(overlay.get("samples", {}) for overlay in overlays)
    extra_synonyms = {
        type_name: _merge(overlay.get("synonyms", {}).get(type_name, {}) for overlay in overlays)
        for type_name in spec["types"]
    }
    elicitable = spec["elicit"]
    custom_intents = [
        _intent(name, intent, extra_samples.get(name, []), elicitable.get(name, []), spec)
        for name, intent in spec["intents"].items()
    ]
    own_samples = {name: expand_all(samples) for name, samples in spec["builtinSamples"].items()}
    own_samples[FALLBACK_INTENT] = expand_all(spec["fallbackSamples"])
    builtin_intents = [
        {"name": name, "samples": own_samples.get(name, [])} for name in spec["builtinIntents"]
    ]
    slot_types = [
        _slot_type(type_name, values, extra_synonyms[type_name])
        for type_name, values in spec["types"].items()
    ]
    slot_types.append(_region_type())
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": spec["invocationName"],
                "modelConfiguration": {
                    "fallbackIntentSensitivity": {"level": spec["fallbackIntentSensitivity"]}
                },
                "intents": sorted(custom_intents + builtin_intents, key=lambda i: i["name"]),
                "types": sorted(slot_types, key=lambda t: t["name"]),
            },
            "dialog": {
                "delegationStrategy": "SKILL_RESPONSE",
                "intents": [
                    _dialog_intent(name, spec["intents"][name]["slots"], slots)
                    for name, slots in sorted(elicitable.items())
                ],
            },
            "prompts": sorted(_prompts(spec), key=lambda p: p["id"]),
        }
    }


def render(model: Mapping[str, Any]) -> str:
    """Serialise a model the one stable way the committed files are written."""
    return json.dumps(model, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def model_path(locale: str) -> Path:
    """Where the generated model of a locale lives."""
    return MODELS_DIR / f"{locale}.json"


def load_model(locale: str = "en-US") -> dict[str, Any]:
    """Read a committed, generated interaction model.

    Args:
        locale: One of LOCALES.

    Returns:
        The parsed model JSON.
    """
    model: dict[str, Any] = json.loads(model_path(locale).read_text(encoding="utf-8"))
    return model


def generated(source: Mapping[str, Any] | None = None) -> dict[Path, str]:
    """Every file `devtools models` writes, with its text: each locale's model and the manifest.

    Args:
        source: A parsed model source; the repository's own when None.

    Returns:
        The text each generated file must hold, by path.
    """
    from devtools.skill_package import MANIFEST_PATH, build_manifest

    spec = load_source() if source is None else source
    files = {model_path(locale): render(build_model(locale, spec)) for locale in LOCALES}
    files[MANIFEST_PATH] = render(build_manifest())
    return files


def main(argv: list[str] | None = None) -> int:
    """Regenerate every model and the manifest, or with --check report the ones that are stale.

    Args:
        argv: Command-line arguments after the `models` subcommand.

    Returns:
        The process exit status: 0, or 1 when --check finds a stale file.
    """
    parser = argparse.ArgumentParser(
        prog="devtools models",
        description="Generate skill-package/interactionModels/custom/<locale>.json and "
        "skill-package/skill.json from interaction_models/source.",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; fail if a file is out of date"
    )
    args = parser.parse_args(argv)
    stale = []
    for path, text in generated().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    verb = "out of date" if args.check else "written"
    print(f"{len(stale)} {verb}: {', '.join(stale)}" if stale else "all models up to date")
    return 1 if args.check and stale else 0


def _choice(text: str, pos: int, closer: str | None) -> tuple[list[str], int]:
    """Alternatives separated by `|` up to `closer` (the end of the text when None)."""
    options: list[str] = []
    while True:
        sequence, pos = _sequence(text, pos)
        options.extend(sequence)
        if pos == len(text):
            if closer is not None:
                raise TemplateError(f"unclosed group, expected {closer!r} in {text!r}")
            return options, pos
        char = text[pos]
        if char == "|" and closer is not None:
            pos += 1
        elif char == closer:
            return options, pos + 1
        else:
            raise TemplateError(f"unexpected {char!r} at {pos} in {text!r}")


def _sequence(text: str, pos: int) -> tuple[list[str], int]:
    """Words and groups one after another: the product of their alternatives."""
    results = [""]
    while pos < len(text) and text[pos] not in "|)]":
        char = text[pos]
        if char in _GROUPS:
            options, pos = _choice(text, pos + 1, _GROUPS[char])
            if char == "[":
                options = ["", *options]
        else:
            end = pos
            while end < len(text) and text[end] not in _SPECIAL:
                end += 1
            options, pos = [text[pos:end]], end
        results = [done + option for done in results for option in options]
    return results, pos


def _merge(parts: Iterable[Mapping[str, list[str]]]) -> dict[str, list[str]]:
    """Concatenate per-key lists of several overlays, in order."""
    merged: dict[str, list[str]] = {}
    for part in parts:
        for key, items in part.items():
            merged.setdefault(key, []).extend(items)
    return merged


def _intent(
    name: str,
    intent: Mapping[str, Any],
    extra_samples: list[str],
    elicitable: list[str],
    spec: Mapping[str, Any],
) -> dict[str, Any]:
    slots = []
    for slot_name, slot_type in intent["slots"].items():
        slot: dict[str, Any] = {"name": slot_name, "type": slot_type}
        if slot_name in elicitable:
            slot["samples"] = expand_all(spec["slotDialog"][slot_name]["samples"])
        slots.append(slot)
    return {
        "name": name,
        "slots": slots,
        "samples": expand_all([*intent["samples"], *extra_samples]),
    }


def _slot_type(
    name: str, values: Mapping[str, Any], extra_synonyms: Mapping[str, list[str]]
) -> dict[str, Any]:
    return {
        "name": name,
        "values": [
            _value(value_id, value["name"], [*value["synonyms"], *extra_synonyms.get(value_id, [])])
            for value_id, value in values.items()
        ],
    }


def _region_type() -> dict[str, Any]:
    """RussianRegion, one value per entry of the delivery estimate table (D4).

    The table lives in skill/, Lambda's code root, which is importable only from sys.path;
    importing it here rather than at module level lets `devtools.nlu` read the generated
    models without it.
    """
    if str(SKILL_DIR) not in sys.path:
        sys.path.insert(0, str(SKILL_DIR))
    from policy.regions import REGIONS

    return {
        "name": REGION_TYPE,
        "values": [
            _value(region.id, region.name, list(region.synonyms)) for region in REGIONS.values()
        ],
    }


def _value(value_id: str, name: str, synonyms: list[str]) -> dict[str, Any]:
    return {"id": value_id, "name": {"value": name, "synonyms": synonyms}}


def _prompt_id(kind: str, intent: str, slot: str) -> str:
    return f"{kind}.Slot.{intent}.{slot}"


def _dialog_intent(name: str, slot_types: Mapping[str, str], slots: list[str]) -> dict[str, Any]:
    """A dialog entry whose slots the code elicits and confirms itself (SKILL_RESPONSE)."""
    return {
        "name": name,
        "confirmationRequired": False,
        "prompts": {},
        "slots": [
            {
                "name": slot,
                "type": slot_types[slot],
                "confirmationRequired": False,
                "elicitationRequired": True,
                "prompts": {
                    "elicitation": _prompt_id("Elicit", name, slot),
                    "confirmation": _prompt_id("Confirm", name, slot),
                },
            }
            for slot in slots
        ],
    }


def _prompts(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    prompts = []
    for intent, slots in spec["elicit"].items():
        for slot in slots:
            dialog = spec["slotDialog"][slot]
            for kind, texts in (("Elicit", dialog["elicit"]), ("Confirm", dialog["confirm"])):
                prompts.append(
                    {
                        "id": _prompt_id(kind, intent, slot),
                        "variations": [{"type": "PlainText", "value": text} for text in texts],
                    }
                )
    return prompts
