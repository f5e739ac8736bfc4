"""The user state model, and the contract every UserStore adapter keeps.

`UserStoreContract` is the one suite both adapters run: here against
`InMemoryUserStore`, and in tests/integration/test_store_dynamodb.py against
`DynamoDbUserStore` on a moto server. A subclass supplies ``make_store``.
"""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from adapters.store import FIELDS, MAX_TTL_DAYS, InMemoryUserStore, user_key
from domain.memory import RememberedPurchase, UserState

T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
TTL_DAYS = 400
SECRET = b"k" * 32
ALICE = user_key("amzn1.ask.account.ALICE", SECRET)
BOB = user_key("amzn1.ask.account.BOB", SECRET)

CAMERA = RememberedPurchase(
    product="camera",
    earliest=date(2026, 3, 1),
    latest=date(2026, 3, 31),
    channel="zosi_official_store",
    gift=True,
    purchase_country="RU",
)
EVERY_FIELD: dict[str, object] = {
    "region": "moscow",
    "purchase": CAMERA,
    "linked_at": datetime(2026, 11, 20, 8, 30, tzinfo=UTC),
    "accepted_policy_version": "2019-06-01",
    "policy_notice_version": "2019-06-01",
}


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now


class UserStoreContract:
    """What every UserStore does; subclasses provide the ``make_store(ttl_days)`` fixture."""

    @pytest.fixture
    def clock(self):
        return FakeClock(T0)

    @pytest.fixture
    def store(self, make_store):
        return make_store(TTL_DAYS)

    def test_a_user_with_nothing_stored_loads_an_empty_state(self, store):
        state = store.load(ALICE)

        assert state == UserState()
        assert state.is_empty

    def test_every_field_reads_back_as_written(self, store):
        written = store.update(ALICE, EVERY_FIELD)

        assert written == UserState(**EVERY_FIELD, version=1)
        assert store.load(ALICE) == written

    def test_a_purchase_with_only_its_dates_reads_back_as_written(self, store):
        bare = RememberedPurchase(None, date(2026, 1, 5), date(2026, 1, 5), None)

        store.update(ALICE, {"purchase": bare})

        assert store.load(ALICE).purchase == bare

    def test_a_link_time_in_another_zone_is_kept_as_the_same_instant_in_utc(self, store):
        moscow_morning = datetime(2026, 11, 21, 9, 0, tzinfo=timezone(timedelta(hours=3)))

        linked_at = store.update(ALICE, {"linked_at": moscow_morning}).linked_at

        assert linked_at == moscow_morning
        assert linked_at.utcoffset() == timedelta(0)

    def test_an_update_changes_only_the_fields_it_names(self, store):
        store.update(ALICE, EVERY_FIELD)

        state = store.update(ALICE, {"region": "tomsk"})

        assert state == UserState(**{**EVERY_FIELD, "region": "tomsk"}, version=2)

    def test_two_devices_changing_different_fields_keep_both_changes(self, store):
        store.update(ALICE, {"region": "moscow"})
        store.update(ALICE, {"purchase": CAMERA})

        state = store.load(ALICE)

        assert (state.region, state.purchase) == ("moscow", CAMERA)

    def test_none_removes_a_field_and_keeps_the_others(self, store):
        store.update(ALICE, EVERY_FIELD)

        state = store.update(ALICE, {"purchase": None, "linked_at": None})

        assert state.purchase is None
        assert state.linked_at is None
        assert state.region == "moscow"
        assert store.load(ALICE) == state

    def test_every_write_adds_one_to_the_version(self, store):
        versions = [store.update(ALICE, {"region": r}).version for r in ("a", "b", "c")]

        assert versions == [1, 2, 3]

    def test_an_empty_change_set_is_refused_because_callers_must_not_write_nothing(self, store):
        with pytest.raises(ValueError, match="no changes"):
            store.update(ALICE, {})

    def test_an_unknown_field_is_refused_and_nothing_is_written(self, store):
        with pytest.raises(ValueError, match="email"):
            store.update(ALICE, {"region": "moscow", "email": "a@example.com"})

        assert store.load(ALICE) == UserState()

    def test_the_version_cannot_be_set_by_a_caller(self, store):
        with pytest.raises(ValueError, match="version"):
            store.update(ALICE, {"version": 7})

    @pytest.mark.parametrize(
        ("field", "value"),
        [("region", 77), ("purchase", "camera"), ("linked_at", "2026-11-20")],
    )
    def test_a_value_of_the_wrong_type_is_refused(self, store, field, value):
        with pytest.raises(TypeError):
            store.update(ALICE, {field: value})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("region", "Kazan, 1 Evil Street"),
            ("region", "x" * 300_000),
            ("accepted_policy_version", "v" * 100),
            ("policy_notice_version", "2019-06-01; DROP"),
        ],
    )
    def test_a_value_without_its_fields_format_is_refused_and_nothing_is_written(
        self, store, field, value
    ):
        with pytest.raises(ValueError, match="format"):
            store.update(ALICE, {field: value})

        assert store.load(ALICE) == UserState()

    def test_a_purchase_altered_after_its_checks_is_refused(self, store):
        forged = CAMERA._replace(purchase_country="Narnia")

        with pytest.raises(ValueError, match="country"):
            store.update(ALICE, {"purchase": forged})

    def test_a_link_time_without_a_zone_is_refused(self, store):
        with pytest.raises(ValueError, match="time zone"):
            store.update(ALICE, {"linked_at": datetime(2026, 11, 20, 8, 30)})

    def test_a_clock_without_a_zone_is_refused_at_the_write(self, store, clock):
        clock.now = datetime(2026, 11, 21, 12, 0)
        with pytest.raises(ValueError, match="time zone"):
            store.update(ALICE, {"region": "moscow"})

    def test_p9_state_is_kept_until_ttl_days_after_the_last_write(self, store, clock):
        store.update(ALICE, {"region": "moscow"})

        clock.advance(timedelta(days=TTL_DAYS) - timedelta(seconds=1))

        assert store.load(ALICE).region == "moscow"

    def test_p9_state_reads_as_empty_once_its_ttl_has_passed(self, store, clock):
        store.update(ALICE, {"region": "moscow"})

        clock.advance(timedelta(days=TTL_DAYS))

        assert store.load(ALICE) == UserState()

    def test_p9_each_fact_expires_when_its_own_retention_ends(self, store, clock):
        """Issue 18: any write refreshed the whole item, so a fact outlived its retention."""
        store.update(ALICE, {"region": "moscow"})
        clock.advance(timedelta(days=300))
        store.update(ALICE, {"purchase": CAMERA})

        clock.advance(timedelta(days=TTL_DAYS - 300))  # the region was said TTL_DAYS ago

        state = store.load(ALICE)
        assert state.region is None
        assert state.purchase == CAMERA
        assert store.update(ALICE, {"accepted_policy_version": "2019-06-01"}).region is None

    def test_p9_a_fact_said_again_starts_its_retention_again(self, store, clock):
        store.update(ALICE, {"region": "moscow"})
        clock.advance(timedelta(days=300))
        store.update(ALICE, {"region": "moscow"})

        clock.advance(timedelta(days=300))

        assert store.load(ALICE).region == "moscow"

    def test_p9_a_write_after_expiry_does_not_bring_back_the_expired_fields(self, store, clock):
        store.update(ALICE, EVERY_FIELD)
        clock.advance(timedelta(days=TTL_DAYS + 1))

        state = store.update(ALICE, {"region": "tomsk"})

        assert state == UserState(region="tomsk", version=1)
        assert store.load(ALICE) == state

    def test_p5_delete_forgets_everything_about_the_user(self, store):
        store.update(ALICE, EVERY_FIELD)

        store.delete(ALICE)

        assert store.load(ALICE) == UserState()

    def test_deleting_a_user_with_nothing_stored_is_harmless(self, store):
        store.delete(ALICE)

        assert store.load(ALICE) == UserState()

    def test_one_users_key_never_reads_or_deletes_another_users_state(self, store):
        store.update(ALICE, {"region": "moscow"})
        store.update(BOB, {"region": "tomsk"})

        store.delete(BOB)

        assert store.load(ALICE).region == "moscow"
        assert store.load(BOB) == UserState()

    @pytest.mark.parametrize("ttl_days", [0, -1, MAX_TTL_DAYS + 1])
    def test_p9_a_retention_outside_one_day_to_three_years_is_refused(self, make_store, ttl_days):
        with pytest.raises(ValueError, match="ttl_days"):
            make_store(ttl_days)

    def test_p9_the_full_three_year_retention_is_allowed(self, make_store, clock):
        store = make_store(MAX_TTL_DAYS)
        store.update(ALICE, {"region": "moscow"})

        clock.advance(timedelta(days=MAX_TTL_DAYS - 1))

        assert store.load(ALICE).region == "moscow"


class TestInMemoryUserStore(UserStoreContract):
    @pytest.fixture
    def make_store(self, clock):
        return lambda ttl_days: InMemoryUserStore(ttl_days, clock=clock)

    def test_separate_stores_share_nothing(self, store, make_store):
        store.update(ALICE, {"region": "moscow"})

        assert make_store(TTL_DAYS).load(ALICE) == UserState()


def test_callers_may_change_every_state_field_except_the_version():
    assert set(UserState._fields) - {"version"} == FIELDS


def test_a_state_with_only_a_version_is_empty():
    assert UserState(version=5).is_empty


@pytest.mark.parametrize("field", sorted(EVERY_FIELD))
def test_a_state_remembering_any_field_is_not_empty(field):
    assert not UserState(**{field: EVERY_FIELD[field]}).is_empty


def test_a_purchase_span_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="after"):
        RememberedPurchase("camera", date(2026, 3, 2), date(2026, 3, 1), None)


def test_a_purchase_from_an_unknown_channel_is_refused():
    with pytest.raises(ValueError, match="channel"):
        RememberedPurchase("camera", date(2026, 3, 1), date(2026, 3, 1), "flea_market")


def test_a_purchase_date_with_a_time_of_day_is_refused():
    with pytest.raises(ValueError, match="dates"):
        RememberedPurchase("camera", T0, T0, None)
