"""Fixtures shared by every test layer.

No test may reach real AWS: every test runs with dummy credentials, a fixed region
and no shared config files or endpoint overrides from the developer's machine.
Integration tests talk to an in-process moto server over real HTTP.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import boto3
import pytest

from devtools.stack import (
    LOCAL_REGION,
    MotoServer,
    create_table,
    load_template,
    put_local_user_key,
)
from tests.one_breath import OneBreath

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

DUMMY_AWS_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": LOCAL_REGION,
    "AWS_REGION": LOCAL_REGION,
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}
DEVELOPER_AWS_SETTINGS = (
    "AWS_PROFILE",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_DYNAMODB",
    "AWS_ENDPOINT_URL_SECRETS_MANAGER",
)


@pytest.fixture(autouse=True)
def dummy_aws_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in DUMMY_AWS_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    for name in DEVELOPER_AWS_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    with MotoServer() as server:
        yield server.url


@pytest.fixture(scope="session")
def local_user_key(moto_server: str) -> dict[str, str]:
    """The development HMAC key in moto's Secrets Manager, as the local stack provides it."""
    return put_local_user_key(moto_server)


@pytest.fixture(autouse=True)
def user_key_parameter(
    dummy_aws_environment: None, local_user_key: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test's skill reads its HMAC key from Secrets Manager, as in Lambda (moto here)."""
    for name, value in local_user_key.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="session")
def template() -> dict[str, Any]:
    return load_template()


@pytest.fixture
def dynamodb_table(
    moto_server: str, template: dict[str, Any]
) -> Iterator[tuple[DynamoDBClient, str]]:
    client = boto3.client(
        "dynamodb",
        endpoint_url=moto_server,
        region_name=LOCAL_REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    table_name = f"test-{uuid.uuid4().hex}"
    create_table(client, table_name, template)
    yield client, table_name
    client.delete_table(TableName=table_name)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(OneBreath(), OneBreath.NAME)


@pytest.fixture(scope="session", autouse=True)
def one_breath(pytestconfig: pytest.Config) -> Iterator[OneBreath]:
    """Every answer any test gets from the skill is recorded for the one-breath report."""
    recorder: OneBreath = pytestconfig.pluginmanager.get_plugin(OneBreath.NAME)
    with recorder.recording():
        yield recorder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=False,
        help="also run the long @pytest.mark.slow reliability and load variants",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --run-slow (make test-long)")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
