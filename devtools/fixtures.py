"""The request envelopes in tests/events: one for every request type and intent, replayable.

``python -m devtools fixtures`` rewrites them from the definitions below, with
fixed ids and a fixed timestamp (Saturday 21 November 2026, 09:00 UTC), so they
are stable under review; a test checks the files on disk match. Replay one with
``python -m devtools invoke tests/events/<name>.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from devtools.envelopes import AlexaSession

EVENTS_DIR = Path(__file__).resolve().parent.parent / "tests" / "events"
FIXTURE_TIME = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
FOREIGN_SKILL_ID = "amzn1.ask.skill.11111111-2222-4333-8444-555555555555"
AUTHORITY = "amzn1.er-authority.echo-sdk.amzn1.ask.skill.local"
SESSION_ID = "amzn1.echo-api.session.fixture-0001"


def slot(name: str, value: str | None = None, *, status: str = "NONE") -> dict[str, Any]:
    """A slot as Alexa sends it, with no entity resolution (built-in types)."""
    out: dict[str, Any] = {"name": name, "confirmationStatus": status}
    if value is not None:
        out.update(value=value, source="USER")
    return out


def resolved(
    name: str, spoken: str, type_name: str, value_id: str | None, canonical: str = ""
) -> dict[str, Any]:
    """A custom-type slot with its entity resolution (``value_id`` None: ER_SUCCESS_NO_MATCH)."""
    authority: dict[str, Any] = {
        "authority": f"{AUTHORITY}.{type_name}",
        "status": {"code": "ER_SUCCESS_MATCH" if value_id else "ER_SUCCESS_NO_MATCH"},
    }
    if value_id:
        authority["values"] = [{"value": {"name": canonical or spoken, "id": value_id}}]
    return {
        **slot(name, spoken),
        "resolutions": {"resolutionsPerAuthority": [authority]},
    }


def intent(name: str, *slots: dict[str, Any], status: str = "NONE") -> dict[str, Any]:
    """An intent object with its slots."""
    return {"name": name, "confirmationStatus": status, "slots": {s["name"]: s for s in slots}}


def sealed_attributes(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """``attributes`` as the skill would send them to the fixtures' session and user, sealed.

    The seal is made with the local stack's development key (``devtools.stack.DEV_SECRET``)
    at FIXTURE_TIME, so a fixture that answers a pending offer replays on the local stack,
    with the clock at its timestamp (``devtools invoke`` and the e2e tests run so).
    """
    from devtools.cli import skill_path
    from devtools.envelopes import LOCAL_USER_ID
    from devtools.stack import DEV_SECRET

    skill_path()
    from handlers.context import SessionBinding, sealed

    binding = SessionBinding.of(SESSION_ID, LOCAL_USER_ID, DEV_SECRET.encode, FIXTURE_TIME)
    return sealed(attributes, lambda: binding)


def _session(*, new: bool = True, attributes: Mapping[str, Any] | None = None) -> AlexaSession:
    session = AlexaSession(clock=lambda: FIXTURE_TIME)
    session.session_id = SESSION_ID
    session.new = new
    session.attributes = dict(attributes or {})
    return session


def _stable(envelope: dict[str, Any], name: str) -> dict[str, Any]:
    envelope["request"]["requestId"] = f"amzn1.echo-api.request.fixture-{name}"
    if "session" in envelope:
        envelope["session"]["sessionId"] = SESSION_ID
    return envelope


CAMERA = resolved("product", "camera", "ProductType", "camera")
NVR = resolved("product", "nvr", "ProductType", "nvr", "NVR")
ZOSI_WEBSITE = resolved(
    "store", "the zosi website", "PurchaseChannel", "zosi_website", "ZOSI website"
)
AMAZON = resolved("store", "amazon", "PurchaseChannel", "third_party", "another shop")


def definitions() -> dict[str, dict[str, Any]]:
    """Every fixture, by file name (without .json)."""
    fresh = _session

    def ongoing(attributes: Mapping[str, Any] | None = None) -> AlexaSession:
        return _session(new=False, attributes=attributes)

    out: dict[str, dict[str, Any]] = {
        "launch": fresh().launch(),
        "return_refund_oneshot": fresh().intent(
            intent(
                "ReturnRefundIntent",
                CAMERA,
                slot("purchaseDate", "2026-11-05"),
                ZOSI_WEBSITE,
                slot("reason"),
            )
        ),
        "return_refund_no_facts": fresh().intent(
            intent(
                "ReturnRefundIntent", CAMERA, slot("purchaseDate"), slot("store"), slot("reason")
            )
        ),
        "return_refund_elicited_store": ongoing().intent(
            intent(
                "ReturnRefundIntent",
                CAMERA,
                slot("purchaseDate", "2026-11-05"),
                AMAZON,
                slot("reason"),
            ),
            "IN_PROGRESS",
        ),
        "return_refund_future_year": fresh().intent(
            intent(
                "ReturnRefundIntent",
                CAMERA,
                slot("purchaseDate", "2027-03-03"),
                ZOSI_WEBSITE,
                slot("reason"),
            )
        ),
        "return_refund_bad_date": fresh().intent(
            intent(
                "ReturnRefundIntent",
                CAMERA,
                slot("purchaseDate", "2026-02-30"),
                ZOSI_WEBSITE,
                slot("reason"),
            )
        ),
        "return_refund_unknown_store": fresh().intent(
            intent(
                "ReturnRefundIntent",
                CAMERA,
                slot("purchaseDate", "2026-11-05"),
                resolved("store", "a man at the market", "PurchaseChannel", None),
                slot("reason"),
            )
        ),
        "warranty_status_oneshot": fresh().intent(
            intent(
                "WarrantyStatusIntent",
                NVR,
                slot("purchaseDate", "2025-12-01"),
                slot("store"),
                slot("purchaseCountry"),
                slot("homeCountry"),
            )
        ),
        "warranty_status_month": fresh().intent(
            intent(
                "WarrantyStatusIntent",
                NVR,
                slot("purchaseDate", "2025-11"),
                slot("store"),
                slot("purchaseCountry"),
                slot("homeCountry"),
            )
        ),
        "cross_ship": fresh().intent(
            intent(
                "CrossShipIntent",
                CAMERA,
                slot("purchaseDate", "2026-06-10"),
                slot("purchaseCountry"),
                slot("homeCountry"),
            )
        ),
        "start_claim_warranty": fresh().intent(
            intent(
                "StartClaimIntent",
                resolved("claimType", "warranty claim", "ClaimType", "warranty_repair"),
                CAMERA,
                slot("reason"),
            )
        ),
        "start_claim_no_type": fresh().intent(
            intent("StartClaimIntent", slot("claimType"), CAMERA, slot("reason"))
        ),
        "delivery_time": fresh().intent(
            intent("DeliveryTimeIntent", slot("region"), slot("orderDate"))
        ),
        "delivery_time_kazan": fresh().intent(
            intent(
                "DeliveryTimeIntent",
                resolved("region", "kazan", "RussianRegion", "kazan", "Kazan"),
                slot("orderDate"),
            )
        ),
        "track_order": fresh().intent(intent("TrackOrderIntent", slot("product"))),
        "contact_support": fresh().intent(intent("ContactSupportIntent")),
        "privacy_policy": fresh().intent(intent("PrivacyPolicyIntent")),
        "my_data": fresh().intent(intent("MyDataIntent")),
        "delete_my_data": fresh().intent(intent("DeleteMyDataIntent")),
        "delete_my_data_yes": ongoing(
            attributes=sealed_attributes({"case": {"q": ["offer", "delete_data", 1, []]}})
        ).intent(intent("AMAZON.YesIntent")),
        "claim_status": fresh().intent(intent("ClaimStatusIntent")),
        "policy_fact": fresh().intent(
            intent(
                "PolicyFactIntent",
                resolved("topic", "customs", "PolicyTopic", "customs"),
            )
        ),
        "yes": ongoing().intent(intent("AMAZON.YesIntent")),
        "no": ongoing(attributes={"case": {"q": ["more", "", 1, []]}}).intent(
            intent("AMAZON.NoIntent")
        ),
        "help": fresh().intent(intent("AMAZON.HelpIntent")),
        "stop": ongoing().intent(intent("AMAZON.StopIntent")),
        "cancel": ongoing().intent(intent("AMAZON.CancelIntent")),
        "navigate_home": ongoing().intent(intent("AMAZON.NavigateHomeIntent")),
        "fallback": fresh().intent(intent("AMAZON.FallbackIntent")),
        "unknown_intent": fresh().intent(intent("OrderPizzaIntent")),
        "session_ended_user": ongoing().session_ended("USER_INITIATED"),
        "session_ended_error": ongoing().session_ended("ERROR", "INVALID_RESPONSE"),
        "session_ended_max_reprompts": ongoing().session_ended("EXCEEDED_MAX_REPROMPTS"),
        "foreign_skill": _foreign(),
    }
    return {name: _stable(envelope, name) for name, envelope in out.items()}


def _foreign() -> dict[str, Any]:
    session = _session()
    session.skill_id = FOREIGN_SKILL_ID
    return session.intent(intent("ContactSupportIntent"))


def render(envelope: Mapping[str, Any]) -> str:
    """A fixture file's text."""
    return json.dumps(envelope, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write every fixture into tests/events (``--check``: only report differences)."""
    check = bool(argv and "--check" in argv)
    stale = []
    for name, envelope in definitions().items():
        path = EVENTS_DIR / f"{name}.json"
        text = render(envelope)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.name)
        if not check:
            path.write_text(text, encoding="utf-8")
    print(("stale: " if check else "written: ") + (", ".join(stale) or "none"))
    return 1 if check and stale else 0
