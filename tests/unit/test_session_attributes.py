"""The session attributes a request may carry: the skill's own, each checked, or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.memory import RememberedPurchase, UserState
from handlers.context import state_from_session, state_to_session, verified_session

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


def test_the_skills_own_attributes_survive_mid_session() -> None:
    assert verified_session(OWN, new_session=False) == OWN


def test_a_new_session_keeps_nothing_it_carries() -> None:
    assert verified_session(OWN, new_session=True) == {}


def test_attributes_the_skill_never_writes_are_dropped() -> None:
    assert verified_session({**OWN, "admin": True, "padding": "x" * 10_000}, new_session=False) == (
        OWN
    )


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
