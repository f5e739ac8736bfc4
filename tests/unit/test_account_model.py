"""The account API's JSON as the skill's types; what breaks the contract is refused."""

import copy
from datetime import UTC, datetime

import pytest

from adapters.account import parse_order, parse_profile, parse_support_request
from domain.account import Order, OrderItem, Profile, SupportRequest, Tracking

ORDER = {
    "order_id": "ZS-1",
    "placed_at": "2026-11-16T09:30:00Z",
    "delivered_at": "2026-11-19T15:00:00Z",
    "status": "delivered",
    "channel": "zosi_official_store",
    "store_name": "ZOSI Official Store (AliExpress)",
    "ship_from_country": "RU",
    "ship_to_country": "RU",
    "gift": False,
    "tracking": {"carrier": "Russian Post", "number": "RA1RU", "url": "https://t.example/RA1RU"},
    "items": [{"sku": "C190", "name": "camera", "quantity": 2, "serial_number": "S1"}],
}
PROFILE = {
    "account_id": "ZA-1",
    "given_name": "Anna",
    "country": "RU",
    "minor": False,
    "guardian_consent": False,
    "privacy_policy_version": "2019-06-01",
}
REQUEST = {
    "request_id": "SR-1001",
    "order_id": "ZS-1",
    "kind": "warranty_repair",
    "reason": "defect",
    "status": "received",
    "created_at": "2026-11-21T10:00:00Z",
    "rma_code": None,
}


def changed(data, **changes):
    result = copy.deepcopy(data)
    for key, value in changes.items():
        if value is ...:
            del result[key]
        else:
            result[key] = value
    return result


def test_an_order_with_every_field_converts_to_aware_utc_datetimes():
    order = parse_order(ORDER)

    assert order == Order(
        order_id="ZS-1",
        placed_at=datetime(2026, 11, 16, 9, 30, tzinfo=UTC),
        delivered_at=datetime(2026, 11, 19, 15, 0, tzinfo=UTC),
        status="delivered",
        channel="zosi_official_store",
        store_name="ZOSI Official Store (AliExpress)",
        ship_from_country="RU",
        ship_to_country="RU",
        gift=False,
        tracking=Tracking("Russian Post", "RA1RU", "https://t.example/RA1RU"),
        items=(OrderItem("C190", "camera", 2, "S1"),),
    )


def test_an_offset_other_than_z_is_converted_to_utc():
    order = parse_order(changed(ORDER, placed_at="2026-11-16T01:30:00+03:00"))

    assert order.placed_at == datetime(2026, 11, 15, 22, 30, tzinfo=UTC)
    assert order.placed_at.tzinfo is UTC


def test_fractional_seconds_are_kept():
    order = parse_order(changed(ORDER, placed_at="2026-11-16T09:30:00.250Z"))

    assert order.placed_at == datetime(2026, 11, 16, 9, 30, 0, 250000, tzinfo=UTC)


def test_an_order_with_only_the_required_fields_gets_the_contract_defaults():
    minimal = {
        key: ORDER[key] for key in ("order_id", "placed_at", "status", "channel", "ship_to_country")
    }
    minimal["items"] = [{"sku": "C190", "name": "camera", "quantity": 1}]

    order = parse_order(minimal)

    assert order.delivered_at is None
    assert order.store_name is None
    assert order.ship_from_country is None
    assert order.gift is False
    assert order.tracking is None
    assert order.items == (OrderItem("C190", "camera", 1, None),)


def test_nulls_in_nullable_fields_read_as_none():
    order = parse_order(
        changed(ORDER, delivered_at=None, store_name=None, tracking=None, status="shipped")
    )

    assert (order.delivered_at, order.store_name, order.tracking) == (None, None, None)


def test_tracking_without_a_url_is_kept():
    order = parse_order(changed(ORDER, tracking={"carrier": "CDEK", "number": "1"}))

    assert order.tracking == Tracking("CDEK", "1", None)


def test_a_gift_order_says_so():
    assert parse_order(changed(ORDER, gift=True)).gift is True


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(changed(ORDER, order_id=...), id="order_id missing"),
        pytest.param(changed(ORDER, placed_at=...), id="placed_at missing"),
        pytest.param(changed(ORDER, items=...), id="items missing"),
        pytest.param(changed(ORDER, items=[]), id="no items"),
        pytest.param(changed(ORDER, placed_at="2026-11-16T09:30:00"), id="no UTC offset"),
        pytest.param(changed(ORDER, placed_at="2026-11-16"), id="a date, not a date-time"),
        pytest.param(changed(ORDER, placed_at="yesterday"), id="not ISO-8601"),
        pytest.param(changed(ORDER, placed_at=1763285400), id="epoch number"),
        pytest.param(changed(ORDER, status="lost"), id="status outside the enum"),
        pytest.param(changed(ORDER, channel="ebay"), id="channel outside the enum"),
        pytest.param(changed(ORDER, gift="yes"), id="gift not a boolean"),
        pytest.param(changed(ORDER, items="C190"), id="items not an array"),
        pytest.param(changed(ORDER, tracking="RA1RU"), id="tracking not an object"),
        pytest.param(changed(ORDER, tracking={"carrier": "CDEK"}), id="tracking without number"),
        pytest.param(
            changed(ORDER, items=[{"sku": "C190", "name": "camera", "quantity": 0}]),
            id="quantity zero",
        ),
        pytest.param(
            changed(ORDER, items=[{"sku": "C190", "name": "camera", "quantity": True}]),
            id="quantity a boolean",
        ),
        pytest.param(
            changed(ORDER, items=[{"sku": "C190", "name": "camera", "quantity": "1"}]),
            id="quantity a string",
        ),
        pytest.param(["not", "an", "object"], id="an array instead of an object"),
        pytest.param(None, id="null"),
    ],
)
def test_an_order_that_breaks_the_contract_is_refused(broken):
    with pytest.raises(ValueError, match="order"):
        parse_order(broken)


def test_a_refusal_names_the_field_and_never_repeats_its_value():
    with pytest.raises(ValueError, match="given_name") as caught:
        parse_profile(changed(PROFILE, given_name=["Anna", "Karenina"]))

    assert "Anna" not in str(caught.value)


def test_a_full_profile_converts():
    assert parse_profile(PROFILE) == Profile(
        account_id="ZA-1",
        given_name="Anna",
        country="RU",
        minor=False,
        guardian_consent=False,
        privacy_policy_version="2019-06-01",
    )


def test_a_profile_without_optional_fields_has_no_name_no_consent_and_no_policy_version():
    profile = parse_profile({"account_id": "ZA-1", "country": "KZ", "minor": True})

    assert profile == Profile("ZA-1", None, "KZ", True, False, None)


def test_a_null_or_empty_given_name_reads_as_no_name():
    assert parse_profile(changed(PROFILE, given_name=None)).given_name is None
    assert parse_profile(changed(PROFILE, given_name="")).given_name is None


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(changed(PROFILE, account_id=...), id="account_id missing"),
        pytest.param(changed(PROFILE, minor=...), id="minor missing"),
        pytest.param(changed(PROFILE, minor="false"), id="minor a string"),
        pytest.param(changed(PROFILE, minor=0), id="minor a number"),
        pytest.param(changed(PROFILE, country=7), id="country a number"),
    ],
)
def test_a_profile_that_breaks_the_contract_is_refused(broken):
    with pytest.raises(ValueError, match="profile"):
        parse_profile(broken)


def test_a_support_request_converts_with_its_nulls():
    request = parse_support_request(REQUEST)

    assert request == SupportRequest(
        request_id="SR-1001",
        order_id="ZS-1",
        kind="warranty_repair",
        reason="defect",
        status="received",
        created_at=datetime(2026, 11, 21, 10, 0, tzinfo=UTC),
        rma_code=None,
        note=None,
    )


def test_an_authorised_support_request_carries_its_rma_code_and_note():
    request = parse_support_request(
        changed(REQUEST, status="authorized", rma_code="RMA-77", note="lens cracked")
    )

    assert (request.status, request.rma_code, request.note) == (
        "authorized",
        "RMA-77",
        "lens cracked",
    )


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(changed(REQUEST, request_id=...), id="request_id missing"),
        pytest.param(changed(REQUEST, created_at=...), id="created_at missing"),
        pytest.param(changed(REQUEST, kind="exchange"), id="kind outside the enum"),
        pytest.param(changed(REQUEST, reason="bored"), id="reason outside the enum"),
        pytest.param(changed(REQUEST, status="pending"), id="status outside the enum"),
        pytest.param(changed(REQUEST, rma_code=5), id="rma_code a number"),
    ],
)
def test_a_support_request_that_breaks_the_contract_is_refused(broken):
    with pytest.raises(ValueError, match="support_request"):
        parse_support_request(broken)
