"""Configuration, read once from the environment into a typed, immutable object.

Every environment variable the skill reads is named here and nowhere else, so the
SAM template and the code cannot drift (a test compares them).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from adapters.alexa_api import require_secure_url
from adapters.secrets import ManagedSecret
from policy.terms import RETENTION_MAX_DAYS

TABLE_NAME = "TABLE_NAME"
SKILL_ID = "SKILL_ID"
USER_KEY_SECRET_ID = "USER_KEY_SECRET_ID"  # noqa: S105 - the variable's name, not a secret
ACCOUNT_API_BASE_URL = "ACCOUNT_API_BASE_URL"
PRIVACY_POLICY_VERSION = "PRIVACY_POLICY_VERSION"
DEFAULT_TIME_ZONE = "DEFAULT_TIME_ZONE"
STATE_TTL_DAYS = "STATE_TTL_DAYS"
LOG_LEVEL = "LOG_LEVEL"

#: OpenSSL's own variable for a hashed directory of CA certificates. Outside Lambda, the
#: Alexa API and account calls verify against it when it is set (the local stack's HTTPS
#: endpoints, whose CA is made for the run). In Lambda it is ignored, whatever the runtime
#: may set: the calls verify against the package's ``trust/`` directory, which ``sam build``
#: makes (``skill/Makefile``), so a directory the skill has not checked is never trusted.
#: Without either, the system's trust store is used.
SSL_CERT_DIR = "SSL_CERT_DIR"
#: The package's hashed CA directory (see ``SSL_CERT_DIR``).
PACKAGED_TRUST_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "trust")

#: Set by the Lambda runtime in every function (not by the template): without it the skill
#: runs locally, where the Alexa API endpoints are the local stack's, on loopback.
LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME"

ENV_VARS: frozenset[str] = frozenset(
    {
        TABLE_NAME,
        SKILL_ID,
        USER_KEY_SECRET_ID,
        ACCOUNT_API_BASE_URL,
        PRIVACY_POLICY_VERSION,
        DEFAULT_TIME_ZONE,
        STATE_TTL_DAYS,
        LOG_LEVEL,
    }
)

#: A Secrets Manager secret id: a name of letters, digits and ``/_+=.@-``, or its ARN.
_SECRET_ID = re.compile(
    r"[A-Za-z0-9/_+=.@\-]{1,512}"
    r"|arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@\-]{1,512}"
)
#: P9: stored data is kept at most three years (seed 003); the TTL may be shorter, never longer.
MAX_RETENTION_DAYS = RETENTION_MAX_DAYS


class ConfigError(Exception):
    """The environment is missing a variable or holds a value the skill cannot use."""


class Secret(Protocol):
    """A secret read on first use (``adapters.secrets.ManagedSecret`` in production)."""

    def value(self) -> bytes:
        """The secret's bytes."""
        ...


class Settings(NamedTuple):
    """Everything the skill is configured with.

    Attributes:
        table_name: DynamoDB table holding one item per user.
        skill_id: the only Alexa skill id whose requests are served.
        user_key: the HMAC key that turns Alexa user ids into table keys (never stored
            raw), read from its Secrets Manager secret on first use (see ``user_key_secret``).
        account_api_base_url: ZOSI account API root; None when account linking is off.
        privacy_policy_version: version of the smart-skill privacy policy in force (P8).
        default_time_zone: zone for "today" when the device's zone cannot be read.
        state_ttl_days: how long a user's item lives after its last write (P9).
        log_level: standard logging level name.
        local: whether the skill runs outside Lambda (Alexa API calls may go to loopback).
        tls_ca_dir: the hashed CA directory Alexa API calls verify against (see
            ``SSL_CERT_DIR``); None for the system's trust store.
    """

    table_name: str
    skill_id: str
    user_key: Secret
    account_api_base_url: str | None
    privacy_policy_version: str
    default_time_zone: ZoneInfo
    state_ttl_days: int
    log_level: str
    local: bool = False
    tls_ca_dir: str | None = None

    @property
    def user_key_secret(self) -> bytes:
        """The HMAC key's bytes, read once per container.

        Raises:
            adapters.secrets.SecretUnavailable: the parameter could not be read.
        """
        return self.user_key.value()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read and validate the configuration, naming the variable at fault on error.

        Raises:
            ConfigError: a required variable is missing or a value is unusable.
        """
        source = os.environ if env is None else env

        def required(name: str) -> str:
            value = source.get(name, "").strip()
            if not value:
                raise ConfigError(f"environment variable {name} is required")
            return value

        parameter = required(USER_KEY_SECRET_ID)
        if _SECRET_ID.fullmatch(parameter) is None:
            raise ConfigError(f"{USER_KEY_SECRET_ID} must be a Secrets Manager secret name or ARN")
        zone_name = source.get(DEFAULT_TIME_ZONE, "").strip() or "Europe/Moscow"
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"{DEFAULT_TIME_ZONE} is not a known time zone") from exc
        ttl_text = source.get(STATE_TTL_DAYS, "").strip() or "400"
        try:
            ttl_days = int(ttl_text)
        except ValueError as exc:
            raise ConfigError(f"{STATE_TTL_DAYS} must be a whole number of days") from exc
        if not 1 <= ttl_days <= MAX_RETENTION_DAYS:
            raise ConfigError(f"{STATE_TTL_DAYS} must be between 1 and {MAX_RETENTION_DAYS} (P9)")
        local = not source.get(LAMBDA_FUNCTION_NAME)
        base_url = source.get(ACCOUNT_API_BASE_URL, "").strip().rstrip("/") or None
        if base_url is not None:
            try:
                require_secure_url(base_url)
            except ValueError as exc:
                raise ConfigError(
                    f"{ACCOUNT_API_BASE_URL} must be an https:// URL (http only on loopback; P3)"
                ) from exc
        return cls(
            table_name=required(TABLE_NAME),
            skill_id=required(SKILL_ID),
            user_key=ManagedSecret(parameter),
            account_api_base_url=base_url,
            privacy_policy_version=source.get(PRIVACY_POLICY_VERSION, "").strip() or "2019-06-01",
            default_time_zone=zone,
            state_ttl_days=ttl_days,
            log_level=source.get(LOG_LEVEL, "").strip().upper() or "INFO",
            local=local,
            tls_ca_dir=_ca_dir(source, local=local),
        )


def _ca_dir(source: Mapping[str, str], *, local: bool) -> str | None:
    """The CA directory to verify against: locally ``SSL_CERT_DIR`` first; the package's; None."""
    named = source.get(SSL_CERT_DIR, "").strip() if local else ""
    if named:
        return named
    return PACKAGED_TRUST_DIR if os.path.isdir(PACKAGED_TRUST_DIR) else None
