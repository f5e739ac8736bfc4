"""The session attributes a request may carry: the skill's own, each checked, or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.memory import RememberedPurchase, UserState
from handlers.context import (
    SessionBinding,
    sealed,
    state_from_session,
    state_to_session,
    verified_session,
)

STATE = UserState(
    region="kazan",
    purchase=RememberedPurchase("camera", date(2026, 11, 5), date(2026, 11, 5), "zosi_website"),
    linked_at=datetime(2026, 11, 20, 8, 30, tzinfo=UTC),
    accepted_policy_version="2019-06-01",
    policy_notice_version="2019-06-01",
    version=3,
)
OWN = {
    "case": {"g": "refund"},
    "state": state_to_session(STATE),
    "zone": "Europe/Moscow",
    "withdrawn": True,
}


NOW = int(datetime(2026, 11, 21, 9, 0, tzinfo=UTC).timestamp())
BOUND = SessionBinding("amzn1.echo-api.session.A", "u1#alice", b"k" * 32, NOW)


def bound(binding: SessionBinding = BOUND):
    return lambda: binding


def test_the_skills_own_attributes_survive_mid_session() -> None:
    kept = verified_session(sealed(OWN, bound()), new_session=False, binding=bound())

    assert kept == {**OWN, "seal": 1}


def test_a_new_session_keeps_nothing_it_carries() -> None:
    assert verified_session(sealed(OWN, bound()), new_session=True, binding=bound()) == {}


def test_attributes_the_skill_never_writes_are_dropped() -> None:
    forged = {**sealed(OWN, bound()), "admin": True, "padding": "x" * 10_000}

    kept = verified_session(forged, new_session=False, binding=bound())

    # The seal covers every attribute, so it breaks: what needs one goes with it.
    assert kept == {"case": OWN["case"], "zone": OWN["zone"]}


def test_a_withdrawn_flag_that_is_not_true_is_dropped() -> None:
    for value in ("no", 1, "true", {"a": 1}):
        assert "withdrawn" not in verified_session({"withdrawn": value}, new_session=False)


def test_a_zone_that_is_not_a_real_time_zone_is_dropped() -> None:
    for value in ("Mars/Olympus_Mons", "../../etc/passwd", "x" * 100, 3):
        assert "zone" not in verified_session({"zone": value}, new_session=False)


def test_the_stored_state_copy_round_trips() -> None:
    assert state_from_session(state_to_session(STATE)) == STATE


def test_a_state_copy_with_any_value_the_store_would_refuse_is_dropped_whole() -> None:
    good = state_to_session(STATE)
    forged = [
        {**good, "region": "Kazan, 1 Evil Street"},
        {**good, "purchase": {**good["purchase"], "product": "y" * 5000}},
        {**good, "purchase": {**good["purchase"], "purchase_country": "Narnia"}},
        {**good, "purchase": {**good["purchase"], "gift": "yes"}},
        {**good, "linked_at": "2026-11-20T08:30:00"},
        {**good, "accepted_policy_version": "v" * 100},
        {**good, "version": True},
        {**good, "version": -1},
    ]
    for copy in forged:
        assert state_from_session(copy) is None, copy
        assert "state" not in verified_session({"state": copy}, new_session=False)


def test_the_last_words_are_kept_only_when_every_part_is_well_formed():
    from datetime import date

    from handlers.context import MAX_SAID_CHARS, Said, said_from_session, said_to_session
    from speech.ssml import Spell, Telephone, When

    asked = ("Where did you buy it?",)
    said = Said(
        ("Until ", When(date(2026, 12, 1)), ". Call ", Telephone("400"), Spell("SR-1")),
        asked,
        asked,
        ("ReturnRefundIntent", "store"),
    )
    assert said_from_session(said_to_session(said)) == said
    assert said_from_session({"s": ["Hi. "], "q": ["Hi?"], "r": ["Hi?"]}) == Said(
        ("Hi. ",), ("Hi?",), ("Hi?",)
    )
    assert said_to_session(Said(("x" * MAX_SAID_CHARS,), asked, asked)) is None
    for forged in (
        {"s": ["x" * MAX_SAID_CHARS], "q": ["Hi?"], "r": ["Hi?"]},
        {"s": ["Hi"], "q": [], "r": ["Hi?"]},
        {"s": ["Hi"], "q": ["Hi?"], "r": ["Hi?"], "e": ["ReturnRefundIntent"]},
        {"s": ["Hi"], "q": ["Hi?"], "r": ["Hi?"], "e": "store"},
        {"s": ["Hi"], "q": ["Hi?"], "r": ["Hi?"], "e": ["A", "b" * 500]},
        {"s": [{"d": "2026-13-01"}], "q": ["Hi?"], "r": ["Hi?"]},
        {"s": [{"audio": "https://evil"}], "q": ["Hi?"], "r": ["Hi?"]},
        {"s": [3], "q": ["Hi?"], "r": ["Hi?"]},
        {"speech": "Hi", "reprompt": "Hi"},
        "Hi",
    ):
        assert said_from_session(forged) is None, forged


# --- the seal (issue 18, finding 1) ------------------------------------------------------------

DELETE_OFFER = {"case": {"g": "refund", "q": ["offer", "delete_data", 1, []]}, "zone": "Asia/Tokyo"}
FACTS_ONLY = {"case": {"g": "refund"}, "zone": "Asia/Tokyo"}


def test_an_offer_to_act_on_is_sealed_and_comes_back_under_its_seal() -> None:
    out = sealed(DELETE_OFFER, bound())

    assert out["seal"][:2] == [1, NOW]
    assert verified_session(out, new_session=False, binding=bound()) == {**DELETE_OFFER, "seal": 1}


def test_each_sealed_turn_counts_one_more() -> None:
    again = sealed({**DELETE_OFFER, "seal": 1}, bound())

    assert again["seal"][0] == 2
    assert verified_session(again, new_session=False, binding=bound())["seal"] == 2


def test_what_needs_no_seal_travels_without_one() -> None:
    assert sealed(FACTS_ONLY, bound()) == FACTS_ONLY
    assert verified_session(FACTS_ONLY, new_session=False, binding=bound()) == FACTS_ONLY


def test_an_unsealed_offer_to_act_on_is_dropped_and_the_rest_kept() -> None:
    kept = verified_session(DELETE_OFFER, new_session=False, binding=bound())

    assert kept == FACTS_ONLY


def test_a_seal_from_another_session_another_user_or_another_key_is_no_seal() -> None:
    out = sealed(DELETE_OFFER, bound())
    others = [
        BOUND._replace(session_id="amzn1.echo-api.session.B"),
        BOUND._replace(user_key="u1#mallory"),
        BOUND._replace(key=b"q" * 32),
    ]

    for other in others:
        assert verified_session(out, new_session=False, binding=bound(other)) == FACTS_ONLY, other


def test_a_changed_value_a_changed_turn_or_an_old_seal_is_no_seal() -> None:
    out = sealed(DELETE_OFFER, bound())
    turn, issued, mac = out["seal"]
    forged = [
        {**out, "case": {**out["case"], "q": ["offer", "withdraw_consent", 1, []]}},
        {**out, "seal": [turn + 5, issued, mac]},
        {**out, "seal": [turn, issued + 60, mac]},
        {**out, "seal": [turn, issued, mac.upper()]},
        {**out, "seal": "yes"},
    ]
    for copy in forged:
        kept = verified_session(copy, new_session=False, binding=bound())
        assert "seal" not in kept, copy
        assert "q" not in kept.get("case", {}), copy
    later = BOUND._replace(now=NOW + 301)
    assert "seal" not in verified_session(out, new_session=False, binding=bound(later))


def test_without_a_user_key_nothing_that_needs_a_seal_goes_out() -> None:
    assert sealed({**DELETE_OFFER, "withdrawn": True}, lambda: None) == FACTS_ONLY
