"""The HMAC key that turns Alexa user ids into storage keys, from SSM Parameter Store.

The key used to be a plain environment variable, which anyone allowed
``lambda:GetFunctionConfiguration`` could read. It now lives in a SecureString
parameter, encrypted with a KMS key; the function's role may read that one
parameter and decrypt with that one key (template.yaml), and the environment holds
only the parameter's name.

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

if TYPE_CHECKING:
    from mypy_boto3_ssm import SSMClient

_LOG = logging.getLogger(__name__)

#: The key's minimum length in characters (a shorter HMAC key would be guessable).
MIN_SECRET_LENGTH: Final = 32


class SecretUnavailable(Exception):  # noqa: N818 - named like the other adapters' errors
    """The key could not be read, or what was read cannot be a key."""


@cache
def shared_client() -> SSMClient:
    """The container's SSM client from the standard AWS environment, built on first use.

    Tight timeouts, two attempts; ``AWS_ENDPOINT_URL_SSM`` points it at the local
    stack's moto server.
    """
    from botocore.config import Config
    from botocore.session import get_session

    config = Config(
        connect_timeout=0.5,
        read_timeout=1,
        retries={"mode": "standard", "total_max_attempts": 2},
    )
    return cast("SSMClient", get_session().create_client("ssm", config=config))


class ParameterSecret:
    """The value of one SecureString parameter, read on first use and kept for the container."""

    def __init__(self, name: str, client: SSMClient | None = None) -> None:
        """Remember the parameter's name; nothing is read yet.

        Args:
            name: The parameter, e.g. ``/zosi-skill/prod/user-key``.
            client: A ready SSM client; the container's shared one when None.
        """
        self.name = name
        self._client = client
        self._value: bytes | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        """Name the parameter, never its value."""
        return f"ParameterSecret({self.name!r})"

    def value(self) -> bytes:
        """The key's bytes, read (and decrypted) on the first call only.

        Raises:
            SecretUnavailable: SSM failed, or the value is shorter than
                ``MIN_SECRET_LENGTH``.
        """
        if self._value is not None:
            return self._value
        with self._lock:
            if self._value is None:
                self._value = self._read()
            return self._value

    def _read(self) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        client = self._client or shared_client()
        try:
            answer = client.get_parameter(Name=self.name, WithDecryption=True)
        except (BotoCoreError, ClientError) as exc:
            _LOG.error("user key parameter could not be read: %s", type(exc).__name__)
            raise SecretUnavailable("the user key parameter could not be read") from exc
        text = answer.get("Parameter", {}).get("Value", "")
        if len(text) < MIN_SECRET_LENGTH:
            _LOG.error("user key parameter is shorter than %d characters", MIN_SECRET_LENGTH)
            raise SecretUnavailable("the user key parameter is too short")
        return text.encode("utf-8")
