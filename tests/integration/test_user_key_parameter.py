"""The HMAC key comes from an SSM SecureString parameter, once per container (issue 11).

It used to be the environment variable USER_KEY_SECRET, readable by anyone allowed
lambda:GetFunctionConfiguration. These tests run against moto's SSM over HTTP, the way
the local stack provides the key.
"""

import boto3
import pytest

from adapters.secrets import ParameterSecret, SecretUnavailable
from devtools.cli import local_environment
from devtools.stack import DEV_SECRET, LOCAL_REGION, LOCAL_USER_KEY_PARAMETER
from settings import USER_KEY_PARAMETER, ConfigError, Settings


@pytest.fixture
def ssm(moto_server):
    return boto3.client("ssm", endpoint_url=moto_server, region_name=LOCAL_REGION)


@pytest.fixture
def ssm_calls(ssm):
    made = []
    ssm.meta.events.register("before-call.ssm.*", lambda model, **_: made.append(model.name))
    return made


def test_the_key_is_read_decrypted_from_its_parameter_once_per_container(ssm, ssm_calls):
    secret = ParameterSecret(LOCAL_USER_KEY_PARAMETER, ssm)

    first, second = secret.value(), secret.value()

    assert first == second == DEV_SECRET.encode()
    assert ssm_calls == ["GetParameter"]


def test_settings_read_no_secret_until_a_user_key_is_needed():
    missing = "/zosi-skill/test/never-created"

    settings = Settings.from_env(local_environment({USER_KEY_PARAMETER: missing}))

    assert settings.user_key.name == missing
    with pytest.raises(SecretUnavailable):
        settings.user_key_secret  # noqa: B018 - the read is what is tested


def test_a_failed_read_is_not_kept_so_the_next_request_tries_again(ssm, ssm_calls):
    name = "/zosi-skill/test/created-late"
    secret = ParameterSecret(name, ssm)
    with pytest.raises(SecretUnavailable):
        secret.value()

    ssm.put_parameter(Name=name, Value="k" * 40, Type="SecureString", Overwrite=True)

    assert secret.value() == b"k" * 40
    assert ssm_calls == ["GetParameter", "PutParameter", "GetParameter"]


def test_a_parameter_too_short_to_be_a_key_is_refused(ssm):
    ssm.put_parameter(Name="/zosi-skill/test/short", Value="short", Type="SecureString")

    with pytest.raises(SecretUnavailable, match="too short"):
        ParameterSecret("/zosi-skill/test/short", ssm).value()


def test_the_secret_never_shows_in_its_repr_or_the_settings_repr(ssm):
    secret = ParameterSecret(LOCAL_USER_KEY_PARAMETER, ssm)
    secret.value()
    settings = Settings.from_env(local_environment({}))._replace(user_key=secret)

    assert DEV_SECRET not in repr(secret)
    assert DEV_SECRET not in repr(settings)


def test_the_old_plain_environment_variable_is_not_read():
    env = local_environment({"USER_KEY_SECRET": DEV_SECRET})
    del env[USER_KEY_PARAMETER]

    with pytest.raises(ConfigError, match=USER_KEY_PARAMETER):
        Settings.from_env(env)


@pytest.mark.parametrize("name", ["user-key", "/a b", "/" + "x" * 1100])
def test_a_parameter_name_ssm_would_refuse_is_a_configuration_error(name):
    with pytest.raises(ConfigError, match=USER_KEY_PARAMETER):
        Settings.from_env(local_environment({USER_KEY_PARAMETER: name}))
