"""The HMAC key comes from a Secrets Manager secret, once per container (issue 11).

It used to be the environment variable USER_KEY_SECRET, readable by anyone allowed
lambda:GetFunctionConfiguration. These tests run against moto's Secrets Manager over
HTTP, the way the local stack provides the key.
"""

import boto3
import pytest

from adapters.secrets import ManagedSecret, SecretUnavailable
from devtools.cli import local_environment
from devtools.stack import DEV_SECRET, LOCAL_REGION, LOCAL_USER_KEY_SECRET
from settings import USER_KEY_SECRET_ID, ConfigError, Settings


@pytest.fixture
def secrets(moto_server):
    return boto3.client("secretsmanager", endpoint_url=moto_server, region_name=LOCAL_REGION)


@pytest.fixture
def calls(secrets):
    made = []
    secrets.meta.events.register(
        "before-call.secrets-manager.*", lambda model, **_: made.append(model.name)
    )
    return made


def test_the_key_is_read_from_its_secret_once_per_container(secrets, calls):
    secret = ManagedSecret(LOCAL_USER_KEY_SECRET, secrets)

    first, second = secret.value(), secret.value()

    assert first == second == DEV_SECRET.encode()
    assert calls == ["GetSecretValue"]


def test_settings_read_no_secret_until_a_user_key_is_needed():
    missing = "zosi-skill/test/never-created"

    settings = Settings.from_env(local_environment({USER_KEY_SECRET_ID: missing}))

    assert settings.user_key.name == missing
    with pytest.raises(SecretUnavailable):
        settings.user_key_secret  # noqa: B018 - the read is what is tested


def test_a_failed_read_is_not_kept_so_the_next_request_tries_again(secrets, calls):
    name = "zosi-skill/test/created-late"
    secret = ManagedSecret(name, secrets)
    with pytest.raises(SecretUnavailable):
        secret.value()

    secrets.create_secret(Name=name, SecretString="k" * 40)

    assert secret.value() == b"k" * 40
    assert calls == ["GetSecretValue", "CreateSecret", "GetSecretValue"]


def test_a_secret_too_short_to_be_a_key_is_refused(secrets):
    secrets.create_secret(Name="zosi-skill/test/short", SecretString="short")

    with pytest.raises(SecretUnavailable, match="too short"):
        ManagedSecret("zosi-skill/test/short", secrets).value()


def test_the_secret_never_shows_in_its_repr_or_the_settings_repr(secrets):
    secret = ManagedSecret(LOCAL_USER_KEY_SECRET, secrets)
    secret.value()
    settings = Settings.from_env(local_environment({}))._replace(user_key=secret)

    assert DEV_SECRET not in repr(secret)
    assert DEV_SECRET not in repr(settings)


def test_the_old_plain_environment_variable_is_not_read():
    env = local_environment({"USER_KEY_SECRET": DEV_SECRET})
    del env[USER_KEY_SECRET_ID]

    with pytest.raises(ConfigError, match=USER_KEY_SECRET_ID):
        Settings.from_env(env)


@pytest.mark.parametrize("name", ["a b", "key;drop", "x" * 600, "arn:aws:ssm:eu-west-1:1:x"])
def test_a_secret_id_secrets_manager_would_refuse_is_a_configuration_error(name):
    with pytest.raises(ConfigError, match=USER_KEY_SECRET_ID):
        Settings.from_env(local_environment({USER_KEY_SECRET_ID: name}))
