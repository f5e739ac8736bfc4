"""How well the local NLU understands real customers: `make nlu-eval`.

Runs the held-out customer corpus (`tests/nlu/customers.en-US.json`, in the shape of an Alexa NLU
annotation set) through `devtools.nlu` and reports intent accuracy (over every line and over the
in-domain lines alone), slot accuracy, how many out-of-domain requests reach Fallback, how many
lines exact sample matching alone gets right, and the intents most often confused. The table is
printed and the figures are written to `bench-results/nlu-latest.json`. `--sensitivity` measures
another fallbackIntentSensitivity level than the model's own.
"""

import argparse
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, TextIO

from devtools.models import load_model
from devtools.nlu import FALLBACK, FALLBACK_THRESHOLDS, Nlu

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
CORPUS: Final = REPO_ROOT / "tests" / "nlu" / "customers.en-US.json"
RESULTS: Final = REPO_ROOT / "bench-results" / "nlu-latest.json"
_TOP_CONFUSIONS: Final = 10


@dataclass(frozen=True)
class Annotation:
    """One corpus line: what a customer said and what Alexa should send."""

    utterance: str
    today: date
    intent: str
    slots: dict[str, str]


@dataclass(frozen=True)
class Outcome:
    """What the NLU made of one annotation."""

    annotation: Annotation
    intent: str
    slots: dict[str, str]

    @property
    def intent_right(self) -> bool:
        return self.intent == self.annotation.intent

    @property
    def right(self) -> bool:
        """Intent and every slot as annotated (an Alexa NLU evaluation's pass)."""
        return self.intent_right and self.slots == self.annotation.slots


@dataclass(frozen=True)
class Report:
    """The corpus figures; shares are between 0 and 1."""

    lines: int
    sensitivity: str
    intent_accuracy: float
    in_domain_accuracy: float
    slot_accuracy: float
    out_of_domain_recall: float
    exact_coverage: float
    confusions: list[tuple[str, str, int]]
    misses: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "sensitivity": self.sensitivity,
            "intent_accuracy": round(self.intent_accuracy, 4),
            "in_domain_accuracy": round(self.in_domain_accuracy, 4),
            "slot_accuracy": round(self.slot_accuracy, 4),
            "out_of_domain_recall": round(self.out_of_domain_recall, 4),
            "exact_coverage": round(self.exact_coverage, 4),
            "confusions": [
                {"expected": expected, "got": got, "count": count}
                for expected, got, count in self.confusions
            ],
            "misses": self.misses,
        }


def load_corpus(path: Path = CORPUS) -> list[Annotation]:
    """Read an annotation set: `{"data": [{"inputs": {...}, "expected": [{"intent": ...}]}]}`.

    Args:
        path: The corpus JSON; the repository's customer corpus by default.

    Returns:
        One annotation per line, its date taken from the line's referenceTimestamp.
    """
    document = json.loads(path.read_text(encoding="utf-8"))
    annotations = []
    for entry in document["data"]:
        inputs, (expected,) = entry["inputs"], entry["expected"]
        stamp = datetime.fromisoformat(inputs["referenceTimestamp"].replace("Z", "+00:00"))
        slots = expected["intent"].get("slots", {})
        annotations.append(
            Annotation(
                inputs["utterance"],
                stamp.date(),
                expected["intent"]["name"],
                {name: slot["value"] for name, slot in slots.items()},
            )
        )
    return annotations


#: Slots added after the NLU corpora were annotated (issue 17): what a question asks about, what
#: the customer says of the product, a second question asked with the first (alsoAspect,
#: alsoTopic), the product's age (productAge), and facts some intents only now carry. The
#: corpora never annotate them, so a line that fills one is judged on the slots it was
#: annotated for; the answer corpus (``make answers-eval``) measures what the skill makes of them.
UNANNOTATED_SLOTS: Mapping[str, frozenset[str]] = {
    "ReturnRefundIntent": frozenset(
        {"aspect", "condition", "alsoAspect", "alsoTopic", "productAge"}
    ),
    "WarrantyStatusIntent": frozenset(
        {"aspect", "condition", "reason", "alsoAspect", "alsoTopic", "productAge"}
    ),
    "CrossShipIntent": frozenset({"aspect", "reason", "alsoAspect", "alsoTopic", "productAge"}),
    "StartClaimIntent": frozenset(
        {"aspect", "condition", "homeCountry", "alsoAspect", "alsoTopic", "productAge"}
    ),
    "DeliveryTimeIntent": frozenset({"alsoTopic"}),
    "PurchaseDetailsIntent": frozenset({"condition", "alsoAspect", "productAge"}),
    "PolicyFactIntent": frozenset(
        {"aspect", "alsoAspect", "alsoTopic", "goal", "purchaseCountry", "homeCountry"}
    ),
    "PrivacyPolicyIntent": frozenset({"topic"}),
    "DeleteMyDataIntent": frozenset({"aspect"}),
}


def slot_values(intent: Mapping[str, Any]) -> dict[str, str]:
    """Filled slots as annotated: a resolved custom value's id, otherwise the value itself."""
    out: dict[str, str] = {}
    for name, slot in (intent.get("slots") or {}).items():
        if "value" not in slot:
            continue
        authorities = slot.get("resolutions", {}).get("resolutionsPerAuthority", [])
        matched = [a for a in authorities if a["status"]["code"] == "ER_SUCCESS_MATCH"]
        out[name] = matched[0]["values"][0]["value"]["id"] if matched else slot["value"]
    return out


def run(
    corpus: Sequence[Annotation],
    locale: str = "en-US",
    *,
    strict: bool = False,
    sensitivity: str | None = None,
    seed: int = 0,
) -> list[Outcome]:
    """Understand every corpus line as a fresh request (no dialog open)."""
    nlus: dict[date, Nlu] = {}
    outcomes = []
    for annotation in corpus:
        if annotation.today not in nlus:
            nlus[annotation.today] = Nlu.for_locale(
                locale, annotation.today, strict=strict, sensitivity=sensitivity, seed=seed
            )
        intent = nlus[annotation.today].understand(annotation.utterance).intent
        filled = {
            name: value
            for name, value in slot_values(intent).items()
            if name not in UNANNOTATED_SLOTS.get(intent["name"], frozenset())
            or name in annotation.slots
        }
        outcomes.append(Outcome(annotation, intent["name"], filled))
    return outcomes


def evaluate(
    corpus: Sequence[Annotation],
    locale: str = "en-US",
    sensitivity: str | None = None,
    seed: int = 0,
) -> Report:
    """The figures for this corpus, at the model's fallbackIntentSensitivity or the one given.

    In-domain accuracy is intent accuracy over the lines not annotated as Fallback. Slot
    accuracy is over the lines whose intent was understood: every slot filled as annotated
    and no other. Exact coverage is the share of lines that exact sample matching alone gets
    entirely right.
    """
    outcomes = run(corpus, locale, sensitivity=sensitivity, seed=seed)
    exact = run(corpus, locale, strict=True)
    understood = [o for o in outcomes if o.intent_right]
    out_of_domain = [o for o in outcomes if o.annotation.intent == FALLBACK]
    in_domain = [o for o in outcomes if o.annotation.intent != FALLBACK]
    confused = Counter((o.annotation.intent, o.intent) for o in outcomes if not o.intent_right)
    configuration = load_model(locale)["interactionModel"]["languageModel"]["modelConfiguration"]
    return Report(
        lines=len(outcomes),
        sensitivity=sensitivity or configuration["fallbackIntentSensitivity"]["level"],
        intent_accuracy=_share(len(understood), len(outcomes)),
        in_domain_accuracy=_share(sum(o.intent_right for o in in_domain), len(in_domain)),
        slot_accuracy=_share(sum(o.right for o in understood), len(understood)),
        out_of_domain_recall=_share(sum(o.intent_right for o in out_of_domain), len(out_of_domain)),
        exact_coverage=_share(sum(o.right for o in exact), len(exact)),
        confusions=[(e, g, n) for (e, g), n in confused.most_common(_TOP_CONFUSIONS)],
        misses=[
            {
                "utterance": o.annotation.utterance,
                "expected": {"intent": o.annotation.intent, "slots": o.annotation.slots},
                "got": {"intent": o.intent, "slots": o.slots},
            }
            for o in outcomes
            if not o.right
        ],
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def print_report(report: Report, out: TextIO) -> None:
    """The figures and the top confusions as a table."""
    out.write(f"NLU on {report.lines} customer lines (tests/nlu/)")
    out.write(f", fallbackIntentSensitivity {report.sensitivity}\n\n")
    out.write(f"{'figure':<34}{'value':>8}\n")
    rows = [
        ("intent accuracy", report.intent_accuracy),
        ("intent accuracy, in-domain lines", report.in_domain_accuracy),
        ("slot accuracy (intent right)", report.slot_accuracy),
        ("out-of-domain lines to Fallback", report.out_of_domain_recall),
        ("exact sample matching alone", report.exact_coverage),
    ]
    for label, value in rows:
        out.write(f"{label:<34}{value:>8.1%}\n")
    out.write(f"\n{'expected':<28}{'understood as':<28}{'lines':>6}\n")
    for expected, got, count in report.confusions:
        out.write(f"{expected:<28}{got:<28}{count:>6}\n")


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Evaluate the corpus, print the table and write the JSON results."""
    args = argparse.ArgumentParser(prog="python -m devtools.nlu_eval", description=__doc__)
    args.add_argument("--corpus", type=Path, default=CORPUS)
    args.add_argument("--output", type=Path, default=RESULTS)
    args.add_argument(
        "--sensitivity",
        choices=list(FALLBACK_THRESHOLDS),
        help="a fallbackIntentSensitivity level instead of the model's own",
    )
    args.add_argument(
        "--seed",
        type=int,
        default=0,
        help="seed of the local NLU's training words (0, the figures the README shows); "
        "compare a change over a few seeds",
    )
    options = args.parse_args(argv)
    report = evaluate(
        load_corpus(options.corpus), sensitivity=options.sensitivity, seed=options.seed
    )
    print_report(report, out)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
    out.write(f"\nwritten to {options.output}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
