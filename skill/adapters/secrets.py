"""The HMAC key that turns Alexa user ids into storage keys, from AWS Secrets Manager.

The key used to be a plain environment variable, which anyone allowed
``lambda:GetFunctionConfiguration`` could read. It now lives in a Secrets Manager
secret, encrypted with a KMS key; the function's role may read that one secret and
decrypt with that one key (template.yaml), and the environment holds only the
secret's id. Secrets Manager rather than SSM Parameter Store: botocore builds a
Secrets Manager client in about 10 ms, an SSM client in about 65 ms (SSM's service
model is large), and the first stateful answer of a cold container pays for it.

The parameter is read once per container, on the first request that needs a user
key, and kept in memory: a policy answer never pays for it, and a SnapStart
snapshot, taken before any request, never holds it. A failed read is not cached,
so the next request tries again. Neither the key nor anything derived from it is
ever logged.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import TYPE_CHECKING, Final, cast

from adapters import deadline

if TYPE_CHECKING:
    from mypy_boto3_secretsmanager import SecretsManagerClient

_LOG = logging.getLogger(__name__)

#: The key's minimum length in characters (a shorter HMAC key would be guessable).
MIN_SECRET_LENGTH: Final = 32
#: One attempt of the read: connect, then wait for the answer to start (seconds).
CONNECT_SECONDS: Final = 0.5
READ_SECONDS: Final = 1.0
ATTEMPT_SECONDS: Final = CONNECT_SECONDS + READ_SECONDS
#: The longest backoff of botocore's standard mode before its one retry.
MAX_BACKOFF_SECONDS: Final = 1.0


class SecretUnavailable(Exception):  # noqa: N818 - named like the other adapters' errors
    """The key could not be read, or what was read cannot be a key."""


@cache
def shared_client() -> SecretsManagerClient:
    """The container's Secrets Manager client (:func:`build_client`), built on first use."""
    return build_client()


def build_client() -> SecretsManagerClient:
    """A Secrets Manager client from the standard AWS environment.

    Tight timeouts, two attempts, the second only when it fits before the request's deadline
    (:func:`adapters.deadline.retry_only_in_time`); ``AWS_ENDPOINT_URL_SECRETS_MANAGER``
    points it at the local stack's moto server.
    """
    from botocore.config import Config

    from adapters.aws import session

    config = Config(
        connect_timeout=CONNECT_SECONDS,
        read_timeout=READ_SECONDS,
        retries={"mode": "standard", "total_max_attempts": 2},
    )
    client = session().create_client("secretsmanager", config=config)
    deadline.retry_only_in_time(client, ATTEMPT_SECONDS, MAX_BACKOFF_SECONDS)
    return cast("SecretsManagerClient", client)


class ManagedSecret:
    """The string of one secret, read on first use and kept for the container."""

    def __init__(self, name: str, client: SecretsManagerClient | None = None) -> None:
        """Remember the parameter's name; nothing is read yet.

        Args:
            name: The secret's name or ARN, e.g. ``zosi-skill/user-key``.
            client: A ready Secrets Manager client; the container's shared one when None.
        """
        self.name = name
        self._client = client
        self._value: bytes | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        """Name the secret, never its value."""
        return f"ManagedSecret({self.name!r})"

    def value(self) -> bytes:
        """The key's bytes, read (and decrypted) on the first call only.

        Raises:
            SecretUnavailable: Secrets Manager failed, one attempt no longer fits in the
                request's remaining time, or the value is shorter than ``MIN_SECRET_LENGTH``.
        """
        if self._value is not None:
            return self._value
        with self._lock:
            if self._value is None:
                self._value = self._read()
            return self._value

    def _read(self) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        if not deadline.fits(ATTEMPT_SECONDS):
            # Lambda would stop the function mid-read; answer without a user key instead.
            _LOG.warning("user key secret not read: no time left in this request")
            raise SecretUnavailable("no time left in this request to read the user key secret")
        client = self._client or shared_client()
        try:
            answer = client.get_secret_value(SecretId=self.name)
        except (BotoCoreError, ClientError) as exc:
            _LOG.error("user key secret could not be read: %s", type(exc).__name__)
            raise SecretUnavailable("the user key secret could not be read") from exc
        text = answer.get("SecretString", "")
        if len(text) < MIN_SECRET_LENGTH:
            _LOG.error("user key secret is shorter than %d characters", MIN_SECRET_LENGTH)
            raise SecretUnavailable("the user key secret is too short")
        return text.encode("utf-8")
