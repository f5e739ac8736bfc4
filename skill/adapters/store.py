"""What the skill remembers about a user, and where it keeps it.

One item per user holds only what the customer agreed to have remembered (a delivery
region, a purchase they described) and account-link and privacy-policy bookkeeping
(P1 minimum necessary data, P8 policy notices). Items are keyed by a keyed hash of
the Alexa user id, never the raw id (P1, P3). Each field carries the time it was said
(``said_at_<field>``) and is read as absent once its retention has passed, so each fact
expires on its own, however often the item is written; the item's TTL, which
never exceeds the three-year retention limit (P9), is that of its latest write. Deleting
a user's item is how consent withdrawal, unlinking and "delete my data" are honoured (P5, P6).

`UserStore` is the port; `DynamoDbUserStore` is the production adapter and
`InMemoryUserStore` its in-process twin. Both keep the same item shape and share the
code that checks changes, encodes items and decides expiry, so they behave alike.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, Protocol, cast

from adapters import deadline
from domain.memory import POLICY_VERSION, SLOT_ID, RememberedPurchase, UserState, fits

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import AttributeValueTypeDef, UpdateItemInputTypeDef

    Item = dict[str, AttributeValueTypeDef]

_LOG = logging.getLogger(__name__)

KEY_ATTRIBUTE: Final = "pk"
#: Prefix of the attribute holding when a field was said (epoch seconds): P9 per field.
SAID_AT_PREFIX: Final = "said_at_"
TTL_ATTRIBUTE: Final = "expires_at"
VERSION_ATTRIBUTE: Final = "version"
USER_KEY_PREFIX: Final = "u1#"
MAX_TTL_DAYS: Final = 3 * 365
DEFAULT_TTL_DAYS: Final = 400

Clock = Callable[[], datetime]


def user_key(user_id: str, secret: bytes) -> str:
    """Derive the storage key for an Alexa user id.

    The key is an HMAC-SHA256 of the user id under a deployment secret, so a stored
    item cannot be tied back to an Alexa account without that secret (P1, P3). The
    ``u1#`` prefix names the scheme, so a future scheme can coexist with this one.

    Args:
        user_id: The Alexa ``context.System.user.userId``.
        secret: The deployment's user-key secret.

    Returns:
        ``"u1#"`` followed by the hexadecimal HMAC-SHA256 digest.

    Raises:
        ValueError: If the secret is empty (the hash would then be a plain digest).
    """
    if not secret:
        raise ValueError("the user-key secret must not be empty")
    import hashlib  # deferred: only requests that touch state need a user key
    import hmac

    digest = hmac.new(secret, user_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return USER_KEY_PREFIX + digest


class StoreError(Exception):
    """The user store could not do what was asked."""


class StoreUnavailable(StoreError):  # noqa: N818 - the published port API names it
    """The store cannot be reached now: throttling, 5xx, timeouts, no table."""


class StateUnreadable(StoreError):  # noqa: N818 - the published port API names it
    """A stored item exists but cannot be read back as a `UserState`."""


class WriteConflict(StoreError):  # noqa: N818 - the published port API names it
    """A conditional write found the item in a state it did not expect."""


class UserStore(Protocol):
    """The port through which the skill reads and changes a user's state."""

    def load(self, key: str) -> UserState:
        """Return the user's state, or ``UserState()`` when nothing is stored."""
        ...

    def update(self, key: str, changes: Mapping[str, object]) -> UserState:
        """Change only the given fields (None removes one) and return the new state.

        The write's time (its TTL, P9) comes from the store's own clock, the Lambda's,
        never from the request: a request's timestamp is whatever its sender wrote.
        """
        ...

    def delete(self, key: str) -> None:
        """Forget everything stored for the user (P5, P6)."""
        ...


def utc_now() -> datetime:
    """The Lambda's clock, in UTC: the only time storage is written with."""
    return datetime.now(UTC)


def _checked_ttl_days(ttl_days: int) -> int:
    """Reject retention periods outside 1 day .. 3 years (P9)."""
    if not 1 <= ttl_days <= MAX_TTL_DAYS:
        raise ValueError(f"ttl_days must be between 1 and {MAX_TTL_DAYS}, got {ttl_days}")
    return ttl_days


def _epoch_seconds(moment: datetime) -> int:
    if moment.utcoffset() is None:
        raise ValueError("times must carry a time zone")
    return int(moment.timestamp())


def _expiry(now: datetime, ttl_days: int) -> int:
    """The TTL for an item written at ``now``: ``ttl_days`` later, in epoch seconds (P9)."""
    return _epoch_seconds(now + timedelta(days=ttl_days))


def _text(pattern: re.Pattern[str]) -> Callable[[object], AttributeValueTypeDef]:
    """An encoder for strings of ``pattern``'s format (and so its length): nothing free-form."""

    def encode(value: object) -> AttributeValueTypeDef:
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got {type(value).__name__}")
        if not fits(pattern, value):
            raise ValueError("the value does not have its field's format")
        return {"S": value}

    return encode


def _instant(value: object) -> AttributeValueTypeDef:
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime, got {type(value).__name__}")
    _epoch_seconds(value)
    return {"S": value.astimezone(UTC).isoformat()}


def _purchase(value: object) -> AttributeValueTypeDef:
    if not isinstance(value, RememberedPurchase):
        raise TypeError(f"expected a RememberedPurchase, got {type(value).__name__}")
    RememberedPurchase(*value)  # its checks again: a tuple's fields can be replaced unchecked
    fields: dict[str, AttributeValueTypeDef] = {
        "earliest": {"S": value.earliest.isoformat()},
        "latest": {"S": value.latest.isoformat()},
        "gift": {"BOOL": value.gift},
    }
    optional = {
        "product": value.product,
        "channel": value.channel,
        "purchase_country": value.purchase_country,
    }
    fields.update({name: {"S": text} for name, text in optional.items() if text is not None})
    return {"M": fields}


_ENCODERS: Final[Mapping[str, Callable[[object], AttributeValueTypeDef]]] = {
    "region": _text(SLOT_ID),
    "purchase": _purchase,
    "linked_at": _instant,
    "accepted_policy_version": _text(POLICY_VERSION),
    "policy_notice_version": _text(POLICY_VERSION),
    "withdrawn_at": _instant,
}

FIELDS: Final = frozenset(_ENCODERS)


def _encode_changes(changes: Mapping[str, object]) -> dict[str, AttributeValueTypeDef | None]:
    """Check a change set and encode each value; None stays None (remove the field).

    Raises:
        ValueError: If there are no changes, a name is not in `FIELDS`, or a time
            has no time zone.
        TypeError: If a value has the wrong type for its field.
    """
    if not changes:
        raise ValueError("no changes: callers must not write when nothing changed")
    unknown = set(changes) - FIELDS
    if unknown:
        raise ValueError(f"unknown user state fields: {sorted(unknown)}")
    return {
        name: None if value is None else _ENCODERS[name](value) for name, value in changes.items()
    }


def _string_of(value: Mapping[str, Any]) -> str:
    text = value["S"]
    if not isinstance(text, str):
        raise TypeError("expected a string attribute")
    return text


def _number_of(value: Mapping[str, Any]) -> int:
    return int(value["N"])


def _optional_string(item: Mapping[str, Mapping[str, Any]], name: str) -> str | None:
    value = item.get(name)
    return None if value is None else _string_of(value)


def _purchase_of(value: Mapping[str, Any]) -> RememberedPurchase:
    fields: Mapping[str, Mapping[str, Any]] = value["M"]
    gift = fields["gift"]["BOOL"]
    if not isinstance(gift, bool):
        raise TypeError("expected a boolean gift flag")
    return RememberedPurchase(
        product=_optional_string(fields, "product"),
        earliest=date.fromisoformat(_string_of(fields["earliest"])),
        latest=date.fromisoformat(_string_of(fields["latest"])),
        channel=_optional_string(fields, "channel"),
        gift=gift,
        purchase_country=_optional_string(fields, "purchase_country"),
    )


def _instant_of(value: Mapping[str, Any]) -> datetime:
    moment = datetime.fromisoformat(_string_of(value))
    _epoch_seconds(moment)
    return moment.astimezone(UTC)


def _is_live(item: Mapping[str, Mapping[str, Any]], now: datetime) -> bool:
    """Whether an item's TTL is still ahead of ``now``.

    DynamoDB deletes expired items lazily (up to days later), so an expired item
    must read as absent rather than be served past its retention (P9).

    Raises:
        StateUnreadable: If the item carries no readable TTL.
    """
    try:
        expires_at = _number_of(item[TTL_ATTRIBUTE])
    except (KeyError, TypeError, ValueError) as exc:
        raise StateUnreadable("the stored item has no readable TTL") from exc
    return expires_at > _epoch_seconds(now)


def expired_fields(item: Mapping[str, Mapping[str, Any]], now: datetime, ttl_days: int) -> set[str]:
    """The fields of ``item`` said more than ``ttl_days`` before ``now`` (P9 per field).

    A field written before fields carried their time (no ``said_at_`` attribute) lives
    as long as its item, as it always did.

    Raises:
        StateUnreadable: If a field's time is not a number.
    """
    limit = _epoch_seconds(now - timedelta(days=ttl_days))
    expired = set()
    for name in FIELDS:
        said_at = item.get(SAID_AT_PREFIX + name)
        if name not in item or said_at is None:
            continue
        try:
            if _number_of(said_at) <= limit:
                expired.add(name)
        except (KeyError, TypeError, ValueError) as exc:
            raise StateUnreadable("a stored field has no readable time") from exc
    return expired


def _state_of(
    item: Mapping[str, Mapping[str, Any]], expired: frozenset[str] | set[str] = frozenset()
) -> UserState:
    """Decode a stored item, without the ``expired`` fields.

    Raises:
        StateUnreadable: If any attribute has the wrong shape or value.
    """
    item = {name: value for name, value in item.items() if name not in expired}
    try:
        purchase = item.get("purchase")
        linked_at = item.get("linked_at")
        withdrawn_at = item.get("withdrawn_at")
        return UserState(
            region=_optional_string(item, "region"),
            purchase=None if purchase is None else _purchase_of(purchase),
            linked_at=None if linked_at is None else _instant_of(linked_at),
            accepted_policy_version=_optional_string(item, "accepted_policy_version"),
            policy_notice_version=_optional_string(item, "policy_notice_version"),
            withdrawn_at=None if withdrawn_at is None else _instant_of(withdrawn_at),
            version=_number_of(item[VERSION_ATTRIBUTE]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StateUnreadable("the stored user state cannot be read") from exc


class InMemoryUserStore:
    """A `UserStore` in process memory, with the DynamoDB adapter's semantics.

    It keeps the same items the table would hold (same encoding, same TTL, same
    field-level updates), so tests against it and the fallback it provides behave
    like production. It is thread-safe; its contents vanish with the process.
    """

    def __init__(self, ttl_days: int = DEFAULT_TTL_DAYS, *, clock: Clock = utc_now) -> None:
        """Create an empty store.

        Args:
            ttl_days: Days a written item lives (1 .. 3 years, P9).
            clock: Returns the current time: the time of every write (its TTL) and
                what `load` hides expired items by.

        Raises:
            ValueError: If ``ttl_days`` is outside 1 .. 3 years.
        """
        self._ttl_days = _checked_ttl_days(ttl_days)
        self._clock = clock
        self._items: dict[str, Item] = {}
        self._lock = threading.Lock()

    def load(self, key: str) -> UserState:
        """Return the user's state, or ``UserState()`` when none is stored or it expired."""
        now = self._clock()
        with self._lock:
            item = self._items.get(key)
            if item is None or not _is_live(item, now):
                return UserState()
            expired = expired_fields(item, now, self._ttl_days)
            for name in expired:  # deleted, not only hidden (P9)
                item.pop(name, None)
                item.pop(SAID_AT_PREFIX + name, None)
        return _state_of(item)

    def update(self, key: str, changes: Mapping[str, object]) -> UserState:
        """Apply the changes atomically; see `DynamoDbUserStore.update`."""
        encoded = _encode_changes(changes)
        now = self._clock()
        expires_at = _expiry(now, self._ttl_days)
        with self._lock:
            current = self._items.get(key)
            if current is None or not _is_live(current, now):
                current = {KEY_ATTRIBUTE: {"S": key}, VERSION_ATTRIBUTE: {"N": "0"}}
            item = dict(current)
            for name, value in encoded.items():
                if value is None:
                    item.pop(name, None)
                    item.pop(SAID_AT_PREFIX + name, None)
                else:
                    item[name] = value
                    item[SAID_AT_PREFIX + name] = {"N": str(_epoch_seconds(now))}
            item[VERSION_ATTRIBUTE] = {"N": str(_number_of(current[VERSION_ATTRIBUTE]) + 1)}
            item[TTL_ATTRIBUTE] = {"N": str(expires_at)}
            self._items[key] = item
        return _state_of(item, expired_fields(item, now, self._ttl_days))

    def delete(self, key: str) -> None:
        """Forget everything stored for the user (P5, P6)."""
        with self._lock:
            self._items.pop(key, None)


_UNAVAILABLE_CODES: Final = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "LimitExceededException",
        "InternalServerError",
        "ServiceUnavailable",
        "ResourceNotFoundException",
        "RequestTimeout",
        "RequestTimeoutException",
    }
)
#: One attempt of a DynamoDB call: connect, then wait for the response to start (seconds).
CONNECT_SECONDS: Final = 0.5
READ_SECONDS: Final = 1.0
#: A call is not started with less than one attempt's time left in the request (the
#: request's deadline, ``adapters.deadline``, comes from the Lambda context).
ATTEMPT_SECONDS: Final = CONNECT_SECONDS + READ_SECONDS
#: botocore's standard mode backs off rand(0, 1) x min(scale x 2^i, 20 s) before retry i + 1;
#: the scale is 1 s for throttling (25 ms for other errors), so the one retry waits at most 1 s.
MAX_BACKOFF_SECONDS: Final = 1.0

_CONFLICT_CODES: Final = frozenset(
    {"ConditionalCheckFailedException", "TransactionConflictException"}
)


@contextmanager
def _translated(operation: str) -> Iterator[None]:
    """Turn botocore errors raised inside the block into `StoreError` subclasses.

    Errors are told apart by their code (and HTTP status for unmodelled 5xx), never
    by message text. Only the operation and the code are logged: never a key or an
    item (P1 logs carry no personal data).

    Raises:
        WriteConflict: For a failed condition or a transaction conflict.
        StoreUnavailable: For throttling, 5xx, a missing table, timeouts and
            connection or configuration errors.
        StoreError: For any other error the service reports.
    """
    # botocore is imported only once a call is made, never by importing this module.
    from botocore.exceptions import BotoCoreError, ClientError

    if not deadline.fits(ATTEMPT_SECONDS):
        # Lambda would stop the function mid-call; better to answer without the state.
        _LOG.warning("DynamoDB %s skipped: no time left in this request", operation)
        raise StoreUnavailable(f"DynamoDB {operation}: no time left")
    try:
        yield
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "Unknown")
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        if code in _CONFLICT_CODES:
            _LOG.info("DynamoDB %s condition not met: %s", operation, code)
            raise WriteConflict(f"DynamoDB {operation}: {code}") from exc
        _LOG.warning("DynamoDB %s failed: %s", operation, code)
        if code in _UNAVAILABLE_CODES or status >= 500:
            raise StoreUnavailable(f"DynamoDB {operation}: {code}") from exc
        raise StoreError(f"DynamoDB {operation}: {code}") from exc
    except BotoCoreError as exc:
        _LOG.warning("DynamoDB %s failed: %s", operation, type(exc).__name__)
        raise StoreUnavailable(f"DynamoDB {operation}: {type(exc).__name__}") from exc


def build_client() -> DynamoDBClient:
    """Build the DynamoDB client from the standard AWS environment.

    Endpoint (``AWS_ENDPOINT_URL_DYNAMODB``), region and credentials come from the
    usual AWS sources. The client comes straight from a botocore session, as
    ``boto3.client`` would build it, without importing boto3's resource layer
    (about 20 ms of a cold start); and only here, not at module import, so requests
    that never touch the store do not pay for botocore at all.

    Timeouts are sized for Alexa's 8 s response limit, which one turn shares with
    a Settings API call (at most 1.5 s). A call makes at most 2 attempts
    (standard retry mode); an attempt waits at most 0.5 s to connect and 1 s for
    the response to start, and standard mode's backoff before the retry is at
    most 1 s. So one store call gives up within 2 x 1.5 s + 1 s = 4 s at most, and
    always before the request's deadline: a call starts only with one attempt's time
    left, and retries only when the backoff and another attempt still fit
    (:func:`adapters.deadline.retry_only_in_time`). A turn makes at most one call that
    fails (after a failed read it does not try to write), so the skill still answers,
    without the state, inside the Lambda's time.
    """
    from botocore.config import Config

    from adapters.aws import session

    config = Config(
        connect_timeout=CONNECT_SECONDS,
        read_timeout=READ_SECONDS,
        retries={"mode": "standard", "total_max_attempts": 2},
        tcp_keepalive=True,
    )
    client = session().create_client("dynamodb", config=config)
    deadline.retry_only_in_time(client, ATTEMPT_SECONDS, MAX_BACKOFF_SECONDS)
    return cast("DynamoDBClient", client)


class DynamoDbUserStore:
    """A `UserStore` over one DynamoDB table, one item per user.

    Item attributes: ``pk`` (the user key), ``region``, ``purchase`` (a map with ISO
    dates), ``linked_at`` and ``withdrawn_at`` (ISO-8601 UTC), ``accepted_policy_version``,
    ``policy_notice_version``, for each of those ``said_at_<field>`` (epoch seconds, P9
    per field), ``version`` and ``expires_at`` (epoch seconds, the table's TTL
    attribute). Nothing else is ever stored (P1).
    """

    def __init__(
        self,
        table_name: str,
        ttl_days: int,
        client: DynamoDBClient | None = None,
        *,
        clock: Clock = utc_now,
    ) -> None:
        """Configure the store; no client is built and no call is made yet.

        Args:
            table_name: The table (the template's ``TABLE_NAME``).
            ttl_days: Days an item lives after its last write (1 .. 3 years, P9).
            client: A ready client; built lazily from the environment when None.
            clock: Returns the current time (the Lambda's): the time of every write
                (its TTL) and what `load` hides expired items by.

        Raises:
            ValueError: If the table name is empty or ``ttl_days`` is out of range.
        """
        if not table_name:
            raise ValueError("the table name must not be empty")
        self._table_name = table_name
        self._ttl_days = _checked_ttl_days(ttl_days)
        self._client = client
        self._clock = clock

    def _dynamodb(self) -> DynamoDBClient:
        if self._client is None:
            self._client = build_client()
        return self._client

    def load(self, key: str) -> UserState:
        """Read the user's state with one consistent GetItem.

        Returns:
            The stored state, or ``UserState()`` when there is no item or it expired.

        Raises:
            StoreUnavailable: If the table cannot be reached.
            StateUnreadable: If the item exists but cannot be decoded.
        """
        with _translated("GetItem"):
            response = self._dynamodb().get_item(
                TableName=self._table_name,
                Key={KEY_ATTRIBUTE: {"S": key}},
                ConsistentRead=True,
            )
        item = response.get("Item")
        now = self._clock()
        if item is None or not _is_live(item, now):
            return UserState()
        expired = expired_fields(item, now, self._ttl_days)
        if expired:
            self._remove_expired(key, item, expired)
        return _state_of(item, expired)

    def _remove_expired(self, key: str, item: Item, expired: set[str]) -> None:
        """Delete fields whose retention has passed (P9), unless they were said again since.

        Best effort: the read already leaves them out, and a later read tries again.
        """
        names = {"#pk": KEY_ATTRIBUTE}
        values: dict[str, AttributeValueTypeDef] = {}
        removals, conditions = [], ["attribute_exists(#pk)"]
        for n, name in enumerate(sorted(expired)):
            said_at = SAID_AT_PREFIX + name
            names[f"#f{n}"], names[f"#s{n}"] = name, said_at
            values[f":s{n}"] = item[said_at]
            removals += [f"#f{n}", f"#s{n}"]
            conditions.append(f"#s{n} = :s{n}")
        try:
            with _translated("UpdateItem"):
                self._dynamodb().update_item(
                    TableName=self._table_name,
                    Key={KEY_ATTRIBUTE: {"S": key}},
                    UpdateExpression="REMOVE " + ", ".join(removals),
                    ConditionExpression=" AND ".join(conditions),
                    ExpressionAttributeNames=names,
                    ExpressionAttributeValues=values,
                )
        except StoreError as exc:
            _LOG.info("expired fields not removed yet: %s", type(exc).__name__)

    def update(self, key: str, changes: Mapping[str, object]) -> UserState:
        """Change exactly the given fields in one atomic UpdateItem.

        Only the named attributes are SET (or REMOVEd for None), so two devices
        changing different fields never lose each other's write. Every write adds
        one to ``version`` and moves the TTL to ``ttl_days`` after the store's clock
        says it is now (P9): never the request's time, which a sender can set to 1971
        or 9999.

        The write is conditional on the item being absent or unexpired, so fields of
        an expired item that DynamoDB has not yet swept are never revived: in that
        case the expired item is deleted and the update made once more on a fresh
        item.

        Args:
            key: The user key from `user_key`.
            changes: Field name to new value; None removes the field.

        Returns:
            The state after the write.

        Raises:
            ValueError: If ``changes`` is empty or names a field not in `FIELDS`, or
                a time has no time zone.
            TypeError: If a value has the wrong type for its field.
            WriteConflict: If the item changed between the retry's steps.
            StoreUnavailable: If the table cannot be reached.
            StateUnreadable: If the written item cannot be decoded.
        """
        now = self._clock()
        request = self._update_request(key, _encode_changes(changes), now)
        try:
            return self._update_item(request)
        except WriteConflict:
            self._delete_expired(key, now)
            return self._update_item(request)

    def delete(self, key: str) -> None:
        """Delete everything stored for the user (P5, P6).

        Raises:
            StoreUnavailable: If the table cannot be reached.
        """
        with _translated("DeleteItem"):
            self._dynamodb().delete_item(
                TableName=self._table_name, Key={KEY_ATTRIBUTE: {"S": key}}
            )

    def _update_request(
        self, key: str, encoded: Mapping[str, AttributeValueTypeDef | None], now: datetime
    ) -> UpdateItemInputTypeDef:
        names = {"#pk": KEY_ATTRIBUTE, "#version": VERSION_ATTRIBUTE, "#ttl": TTL_ATTRIBUTE}
        values: dict[str, AttributeValueTypeDef] = {
            ":one": {"N": "1"},
            ":expires": {"N": str(_expiry(now, self._ttl_days))},
            ":now": {"N": str(_epoch_seconds(now))},
        }
        assignments = ["#ttl = :expires"]
        removals = []
        for name, value in sorted(encoded.items()):
            names[f"#{name}"] = name
            names[f"#said_{name}"] = SAID_AT_PREFIX + name
            if value is None:
                removals += [f"#{name}", f"#said_{name}"]
            else:
                values[f":{name}"] = value
                assignments += [f"#{name} = :{name}", f"#said_{name} = :now"]
        expression = "SET " + ", ".join(assignments)
        if removals:
            expression += " REMOVE " + ", ".join(removals)
        return {
            "TableName": self._table_name,
            "Key": {KEY_ATTRIBUTE: {"S": key}},
            "UpdateExpression": expression + " ADD #version :one",
            "ConditionExpression": "attribute_not_exists(#pk) OR #ttl > :now",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
            "ReturnValues": "ALL_NEW",
        }

    def _update_item(self, request: UpdateItemInputTypeDef) -> UserState:
        with _translated("UpdateItem"):
            response = self._dynamodb().update_item(**request)
        item = response["Attributes"]
        return _state_of(item, expired_fields(item, self._clock(), self._ttl_days))

    def _delete_expired(self, key: str, now: datetime) -> None:
        """Delete the item if its TTL has passed; a fresher item is left alone."""
        try:
            with _translated("DeleteItem"):
                self._dynamodb().delete_item(
                    TableName=self._table_name,
                    Key={KEY_ATTRIBUTE: {"S": key}},
                    ConditionExpression="#ttl <= :now",
                    ExpressionAttributeNames={"#ttl": TTL_ATTRIBUTE},
                    ExpressionAttributeValues={":now": {"N": str(_epoch_seconds(now))}},
                )
        except WriteConflict:
            _LOG.info("DynamoDB item was refreshed or removed before the expired delete")
