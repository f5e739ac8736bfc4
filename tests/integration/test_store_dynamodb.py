"""DynamoDbUserStore over real HTTP against moto, on a table created from template.yaml."""

import json
import logging
import socket
import subprocess
import sys
from datetime import timedelta

import boto3
import pytest
from botocore.stub import Stubber

from adapters.store import (
    ATTEMPT_SECONDS,
    KEY_ATTRIBUTE,
    MAX_TTL_DAYS,
    SAID_AT_PREFIX,
    TTL_ATTRIBUTE,
    DynamoDbUserStore,
    StateUnreadable,
    StoreError,
    StoreUnavailable,
    WriteConflict,
)
from devtools.stack import LOCAL_REGION, REPO_ROOT
from domain.memory import UserState
from tests.unit.test_store_memory import (
    ALICE,
    CAMERA,
    EVERY_FIELD,
    T0,
    TTL_DAYS,
    FakeClock,
    UserStoreContract,
)


class TestDynamoDbUserStore(UserStoreContract):
    @pytest.fixture
    def make_store(self, dynamodb_table, clock):
        client, table_name = dynamodb_table
        return lambda ttl_days: DynamoDbUserStore(table_name, ttl_days, client, clock=clock)


@pytest.fixture
def clock():
    return FakeClock(T0)


@pytest.fixture
def store(dynamodb_table, clock):
    client, table_name = dynamodb_table
    return DynamoDbUserStore(table_name, TTL_DAYS, client, clock=clock)


@pytest.fixture
def calls(dynamodb_table):
    """Every DynamoDB call the table's client makes from now on: (operation, request body)."""
    client, _ = dynamodb_table
    recorded = []

    def record(model, params, **_):
        recorded.append((model.name, json.loads(params["body"])))

    client.meta.events.register("before-call.dynamodb.*", record)
    return recorded


def raw_item(dynamodb_table, key):
    client, table_name = dynamodb_table
    return client.get_item(TableName=table_name, Key={KEY_ATTRIBUTE: {"S": key}})["Item"]


def put_raw_item(dynamodb_table, item):
    client, table_name = dynamodb_table
    client.put_item(TableName=table_name, Item=item)


def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_p1_the_item_holds_only_the_documented_attributes_under_the_hashed_key(
    store, dynamodb_table
):
    store.update(ALICE, EVERY_FIELD)

    item = raw_item(dynamodb_table, ALICE)

    said_at = {SAID_AT_PREFIX + name for name in EVERY_FIELD}  # P9 per field (issue 18)
    assert set(item) == {KEY_ATTRIBUTE, TTL_ATTRIBUTE, "version", *EVERY_FIELD, *said_at}
    assert item[KEY_ATTRIBUTE] == {"S": ALICE}
    assert "amzn1.ask.account" not in json.dumps(item)


def test_dates_and_times_are_stored_as_iso_8601_strings(store, dynamodb_table):
    store.update(ALICE, EVERY_FIELD)

    item = raw_item(dynamodb_table, ALICE)

    assert item["linked_at"] == {"S": "2026-11-20T08:30:00+00:00"}
    assert item["purchase"]["M"]["earliest"] == {"S": "2026-03-01"}
    assert item["purchase"]["M"]["latest"] == {"S": "2026-03-31"}
    assert item["purchase"]["M"]["gift"] == {"BOOL": True}


def test_p9_the_ttl_attribute_is_the_write_time_plus_ttl_days_in_epoch_seconds(
    store, dynamodb_table
):
    store.update(ALICE, {"region": "moscow"})

    expires_at = int(raw_item(dynamodb_table, ALICE)[TTL_ATTRIBUTE]["N"])

    assert expires_at == int((T0 + timedelta(days=TTL_DAYS)).timestamp())
    assert expires_at <= (T0 + timedelta(days=MAX_TTL_DAYS)).timestamp()


def test_load_is_exactly_one_consistent_get_item(store, calls):
    store.load(ALICE)

    assert [(name, body.get("ConsistentRead")) for name, body in calls] == [("GetItem", True)]


def test_an_update_is_one_update_item_touching_only_the_named_fields(store, calls):
    store.update(ALICE, EVERY_FIELD)
    calls.clear()

    store.update(ALICE, {"region": "tomsk", "purchase": None})

    [(name, body)] = calls
    assert name == "UpdateItem"
    assert body["ReturnValues"] == "ALL_NEW"
    assert set(body["ExpressionAttributeNames"].values()) == {
        KEY_ATTRIBUTE,
        TTL_ATTRIBUTE,
        "version",
        "region",
        "purchase",
        SAID_AT_PREFIX + "region",
        SAID_AT_PREFIX + "purchase",
    }


def test_two_devices_writing_different_fields_at_once_keep_both(dynamodb_table, clock):
    client, table_name = dynamodb_table
    kitchen = DynamoDbUserStore(table_name, TTL_DAYS, client, clock=clock)
    bedroom = DynamoDbUserStore(table_name, TTL_DAYS, client, clock=clock)
    kitchen.load(ALICE)
    bedroom.load(ALICE)

    kitchen.update(ALICE, {"region": "moscow"})
    bedroom.update(ALICE, {"purchase": CAMERA})

    assert kitchen.load(ALICE) == UserState(region="moscow", purchase=CAMERA, version=2)


def live_item(**attributes):
    expires_at = int((T0 + timedelta(days=1)).timestamp())
    return {
        KEY_ATTRIBUTE: {"S": ALICE},
        "version": {"N": "1"},
        TTL_ATTRIBUTE: {"N": str(expires_at)},
        **attributes,
    }


def purchase_map(**overrides):
    return {
        "M": {
            "earliest": {"S": "2026-03-01"},
            "latest": {"S": "2026-03-31"},
            "gift": {"BOOL": False},
            **overrides,
        }
    }


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(live_item(region={"N": "5"}), id="region-not-a-string"),
        pytest.param(live_item(purchase=purchase_map(earliest={"S": "soon"})), id="bad-date"),
        pytest.param(
            live_item(purchase=purchase_map(earliest={"S": "2026-04-01"})), id="span-reversed"
        ),
        pytest.param(live_item(purchase=purchase_map(channel={"S": "bazaar"})), id="bad-channel"),
        pytest.param(live_item(purchase={"S": "camera"}), id="purchase-not-a-map"),
        pytest.param(live_item(linked_at={"S": "2026-11-20T08:30:00"}), id="time-without-zone"),
        pytest.param({**live_item(), "version": {"S": "one"}}, id="version-not-a-number"),
        pytest.param({KEY_ATTRIBUTE: {"S": ALICE}, "version": {"N": "1"}}, id="no-ttl"),
    ],
)
def test_an_item_that_cannot_be_parsed_is_reported_as_unreadable(store, dynamodb_table, item):
    put_raw_item(dynamodb_table, item)

    with pytest.raises(StateUnreadable):
        store.load(ALICE)


def test_an_unreadable_item_can_still_be_deleted(store, dynamodb_table):
    put_raw_item(dynamodb_table, live_item(region={"N": "5"}))

    store.delete(ALICE)

    assert store.load(ALICE) == UserState()


@pytest.mark.parametrize(
    "operation",
    [
        lambda store: store.load(ALICE),
        lambda store: store.update(ALICE, {"region": "moscow"}),
        lambda store: store.delete(ALICE),
    ],
    ids=["load", "update", "delete"],
)
def test_a_missing_table_makes_the_store_unavailable(dynamodb_table, operation):
    client, _ = dynamodb_table

    with pytest.raises(StoreUnavailable):
        operation(DynamoDbUserStore("no-such-table", TTL_DAYS, client))


@pytest.fixture
def stubbed():
    client = boto3.client("dynamodb", region_name=LOCAL_REGION)
    with Stubber(client) as stubber:
        yield stubber, DynamoDbUserStore("user-state", TTL_DAYS, client)
        stubber.assert_no_pending_responses()


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("ProvisionedThroughputExceededException", 400),
        ("ThrottlingException", 400),
        ("RequestLimitExceeded", 400),
        ("InternalServerError", 500),
        ("ServiceUnavailable", 503),
        ("AnUnmodelledServerFault", 502),
    ],
)
@pytest.mark.parametrize(
    ("method", "operation"),
    [
        ("get_item", lambda store: store.load(ALICE)),
        ("update_item", lambda store: store.update(ALICE, {"region": "moscow"})),
        ("delete_item", lambda store: store.delete(ALICE)),
    ],
    ids=["load", "update", "delete"],
)
def test_throttling_and_server_errors_make_the_store_unavailable(
    stubbed, code, status, method, operation
):
    stubber, store = stubbed
    stubber.add_client_error(method, service_error_code=code, http_status_code=status)

    with pytest.raises(StoreUnavailable):
        operation(store)


def test_a_refused_request_is_a_store_error_but_not_unavailability(stubbed):
    stubber, store = stubbed
    stubber.add_client_error("get_item", service_error_code="AccessDeniedException")

    with pytest.raises(StoreError) as raised:
        store.load(ALICE)

    assert not isinstance(raised.value, StoreUnavailable)


def test_an_item_that_keeps_failing_the_write_condition_is_a_write_conflict(stubbed):
    stubber, store = stubbed
    stubber.add_client_error("update_item", service_error_code="ConditionalCheckFailedException")
    stubber.add_response("delete_item", {})
    stubber.add_client_error("update_item", service_error_code="ConditionalCheckFailedException")

    with pytest.raises(WriteConflict):
        store.update(ALICE, {"region": "moscow"})


def test_failures_are_logged_by_operation_and_code_never_with_the_key(stubbed, caplog):
    stubber, store = stubbed
    stubber.add_client_error("get_item", service_error_code="ThrottlingException")

    with caplog.at_level(logging.DEBUG, logger="adapters.store"), pytest.raises(StoreError):
        store.load(ALICE)

    assert "GetItem" in caplog.text
    assert "ThrottlingException" in caplog.text
    assert ALICE not in caplog.text
    assert ALICE.removeprefix("u1#") not in caplog.text


def test_the_store_builds_its_own_client_from_the_standard_environment(
    dynamodb_table, moto_server, monkeypatch
):
    _, table_name = dynamodb_table
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", moto_server)
    store = DynamoDbUserStore(table_name, TTL_DAYS)

    store.update(ALICE, {"region": "moscow"})

    assert store.load(ALICE).region == "moscow"


def test_an_unreachable_endpoint_makes_the_store_unavailable(monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", closed_port_url())

    with pytest.raises(StoreUnavailable):
        DynamoDbUserStore("user-state", TTL_DAYS).load(ALICE)


def test_no_client_is_built_until_the_store_is_first_used(monkeypatch):
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.delenv("AWS_REGION")
    store = DynamoDbUserStore("user-state", TTL_DAYS)

    with pytest.raises(StoreUnavailable):
        store.load(ALICE)


def test_importing_the_store_does_not_import_boto3_so_policy_answers_start_fast():
    probe = (
        f"import sys; sys.path.insert(0, {str(REPO_ROOT / 'skill')!r}); import adapters.store; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'boto3', 'botocore'}))"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"


def test_with_less_than_one_attempt_left_in_the_request_no_store_call_starts(store, calls):
    from adapters import deadline

    with deadline.request_deadline(deadline.SPEAKING_MARGIN + ATTEMPT_SECONDS - 0.2):
        with pytest.raises(StoreUnavailable):
            store.load(ALICE)
        with pytest.raises(StoreUnavailable):
            store.update(ALICE, EVERY_FIELD)
        with pytest.raises(StoreUnavailable):
            store.delete(ALICE)

    assert calls == []
    assert store.load(ALICE) == UserState()


def test_p9_an_expired_fact_is_deleted_from_the_item_not_only_hidden(store, dynamodb_table, clock):
    """Issue 18: read after its retention, a fact goes from the table; the fresher one stays."""
    store.update(ALICE, {"region": "moscow"})
    clock.advance(timedelta(days=300))
    store.update(ALICE, {"purchase": EVERY_FIELD["purchase"]})
    clock.advance(timedelta(days=TTL_DAYS - 300))

    assert store.load(ALICE).region is None

    item = raw_item(dynamodb_table, ALICE)
    assert "region" not in item
    assert SAID_AT_PREFIX + "region" not in item
    assert "purchase" in item
