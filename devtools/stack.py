"""The developer's embedded stack: DynamoDB with a table shaped by template.yaml, and a secret.

`template.yaml` is the one source of truth for the table: local tables, test tables
and the deployed one share its key schema, billing mode and TTL attribute. The skill
reads its HMAC key from a Secrets Manager secret, in Lambda and locally alike: the
embedded stack stores a development key in moto's Secrets Manager (`put_local_user_key`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Self

import yaml

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment
    from moto.server import ThreadedMotoServer
    from mypy_boto3_dynamodb import DynamoDBClient

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
ENDPOINT_VARIABLE: Final = "AWS_ENDPOINT_URL_DYNAMODB"
SECRETS_ENDPOINT_VARIABLE: Final = "AWS_ENDPOINT_URL_SECRETS_MANAGER"
#: The local stack's secret holding the development HMAC key (never a real one).
LOCAL_USER_KEY_SECRET: Final = "zosi-skill/local/user-key"
DEV_SECRET: Final = "local-development-secret-never-used-in-production"
TABLE_VARIABLE: Final = "TABLE_NAME"
LOCAL_TABLE_NAME: Final = "zosi-skill-local"
LOCAL_REGION: Final = "us-east-1"
DUMMY_CREDENTIALS: Final = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}
_TABLE_TYPE: Final = "AWS::DynamoDB::Table"


class _TemplateLoader(yaml.SafeLoader):
    """A safe YAML loader that reads CloudFormation's short-form intrinsic tags."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    """Turn ``!Ref X`` into ``{"Ref": "X"}`` and ``!Name ...`` into ``{"Fn::Name": ...}``.

    ``!GetAtt A.B`` becomes ``{"Fn::GetAtt": ["A", "B"]}``, the long form.
    """
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    elif isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    else:
        raise yaml.constructor.ConstructorError(problem=f"unexpected node for !{suffix}")
    return {"Ref" if suffix == "Ref" else f"Fn::{suffix}": value}


_TemplateLoader.add_multi_constructor("!", _intrinsic)


def load_template(path: Path = REPO_ROOT / "template.yaml") -> dict[str, Any]:
    """Read a SAM/CloudFormation template, short-form tags included, as plain data."""
    with path.open(encoding="utf-8") as stream:
        template: dict[str, Any] = yaml.load(stream, Loader=_TemplateLoader)
    return template


def _table_properties(template: Mapping[str, Any]) -> Mapping[str, Any]:
    tables = [
        resource
        for resource in template["Resources"].values()
        if resource.get("Type") == _TABLE_TYPE
    ]
    if len(tables) != 1:
        raise ValueError(f"expected one {_TABLE_TYPE} in the template, found {len(tables)}")
    properties: Mapping[str, Any] = tables[0]["Properties"]
    return properties


def table_definition(template: Mapping[str, Any]) -> dict[str, Any]:
    """The CreateTable arguments (key schema, attributes, billing) of the template's table."""
    properties = _table_properties(template)
    return {name: properties[name] for name in ("KeySchema", "AttributeDefinitions", "BillingMode")}


def create_table(
    client: DynamoDBClient, table_name: str, template: Mapping[str, Any] | None = None
) -> None:
    """Create the template's table under ``table_name`` unless it exists; enable its TTL.

    Args:
        client: A boto3 DynamoDB client.
        table_name: The name to create the table under.
        template: The parsed template; `load_template()` when None.
    """
    from botocore.exceptions import ClientError

    template = load_template() if template is None else template
    try:
        client.create_table(TableName=table_name, **table_definition(template))
    except ClientError as exc:
        if exc.response["Error"]["Code"] != "ResourceInUseException":
            raise
    client.get_waiter("table_exists").wait(
        TableName=table_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    ttl = _table_properties(template)["TimeToLiveSpecification"]
    current = client.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"]
    if current.get("TimeToLiveStatus") not in {"ENABLED", "ENABLING"}:
        client.update_time_to_live(
            TableName=table_name,
            TimeToLiveSpecification={"Enabled": True, "AttributeName": ttl["AttributeName"]},
        )


def _atomic_server() -> ThreadedMotoServer:
    """Moto's threaded server, applying one request to its backend at a time.

    DynamoDB applies each item operation atomically, so two devices updating
    different attributes of one item concurrently both land. moto's in-memory
    backend reads, changes and writes items without a lock, so under concurrent
    requests it can lose one of the two updates, which real DynamoDB never does.
    Connections stay concurrent; only the backend calls are serialised.
    """
    import threading

    from moto.moto_server.threaded_moto_server import ThreadedMotoServer
    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import make_server

    class AtomicMotoServer(ThreadedMotoServer):
        def _server_entry(self) -> None:
            backend = DomainDispatcherApplication(create_backend_app)
            lock = threading.Lock()

            def app(environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
                with lock:
                    return list(backend(environ, start_response))

            self._server = make_server(
                self._ip_address, self._port, app, True, request_handler=MotoRequestHandler
            )
            self._server_ready_event.set()
            self._server.serve_forever()

    return AtomicMotoServer(ip_address="127.0.0.1", port=0, verbose=False)


class MotoServer:
    """moto's AWS emulator on 127.0.0.1 and a free port, for the ``with`` block.

    The server runs on a daemon thread, so it never outlives the process.

    Attributes:
        url: The endpoint, e.g. ``http://127.0.0.1:49152``; set on entry.
    """

    url: str

    def __init__(self) -> None:
        self._server: ThreadedMotoServer | None = None

    def __enter__(self) -> Self:
        # One line per request on stderr would drown a chat session or a test report.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self._server = _atomic_server()
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.url = f"http://{host}:{port}"
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


def put_local_user_key(endpoint_url: str) -> dict[str, str]:
    """Store the development HMAC key as a secret in the Secrets Manager at ``endpoint_url``.

    Returns:
        The environment that points the skill's Secrets Manager client at that endpoint,
        with the dummy credentials and region of the local stack where none are set.
    """
    import boto3

    environment = {
        SECRETS_ENDPOINT_VARIABLE: endpoint_url,
        **_missing({**DUMMY_CREDENTIALS, "AWS_DEFAULT_REGION": LOCAL_REGION}),
    }
    client = boto3.client(
        "secretsmanager",
        endpoint_url=endpoint_url,
        region_name=os.environ.get("AWS_DEFAULT_REGION") or LOCAL_REGION,
        aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    try:
        client.create_secret(Name=LOCAL_USER_KEY_SECRET, SecretString=DEV_SECRET)
    except client.exceptions.ResourceExistsException:
        client.put_secret_value(SecretId=LOCAL_USER_KEY_SECRET, SecretString=DEV_SECRET)
    return environment


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the block, then restore what was there."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, previous in saved.items():
            if previous is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = previous


def _aws_credentials_configured() -> bool:
    """Whether the developer has real AWS credentials: keys in the environment or a profile."""
    import boto3

    if os.environ.get("AWS_ACCESS_KEY_ID") and os.environ.get("AWS_SECRET_ACCESS_KEY"):
        return True
    return bool(os.environ.get("AWS_PROFILE") or boto3.session.Session().available_profiles)


def _missing(defaults: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in defaults.items() if not os.environ.get(name)}


@contextlib.contextmanager
def dynamodb_endpoint() -> Iterator[str]:
    """Provide a DynamoDB endpoint with the skill's table for the ``with`` block.

    In order of preference: the endpoint in ``AWS_ENDPOINT_URL_DYNAMODB`` (for
    example DynamoDB Local; dummy credentials and a region fill any gaps); AWS
    itself when credentials are configured; otherwise an embedded moto server,
    whose endpoint, dummy credentials and region are exported into ``os.environ``
    for the block. In every case the table named by ``TABLE_NAME`` (default
    ``zosi-skill-local``) exists when the block starts.

    Yields:
        The endpoint URL the skill's boto3 clients will use.
    """
    import boto3

    local_defaults = {**DUMMY_CREDENTIALS, "AWS_DEFAULT_REGION": LOCAL_REGION}
    with contextlib.ExitStack() as stack:
        server: MotoServer | None = None
        if os.environ.get(ENDPOINT_VARIABLE):
            stack.enter_context(_environment(_missing(local_defaults)))
        elif not _aws_credentials_configured():
            server = stack.enter_context(MotoServer())
            stack.enter_context(
                _environment(
                    {ENDPOINT_VARIABLE: server.url, **local_defaults, "AWS_REGION": LOCAL_REGION}
                )
            )
        local_dynamodb = bool(os.environ.get(ENDPOINT_VARIABLE))
        if server is not None or (local_dynamodb and not os.environ.get(SECRETS_ENDPOINT_VARIABLE)):
            secrets = server or stack.enter_context(MotoServer())
            stack.enter_context(_environment(put_local_user_key(secrets.url)))
        client = boto3.client("dynamodb")
        create_table(client, os.environ.get(TABLE_VARIABLE, LOCAL_TABLE_NAME))
        yield client.meta.endpoint_url
