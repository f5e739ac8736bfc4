"""Security: foreign skill ids touch nothing, and secrets never reach the logs.

The IAM, encryption-at-rest and point-in-time-recovery checks live in
tests/integration/test_template.py; they are not repeated here.
"""

import logging
import socket
import uuid

import pytest
from ask_sdk_core.dispatch_components.request_components import AbstractRequestInterceptor

import app
from adapters.secrets import ManagedSecret
from adapters.store import build_client
from devtools.fixtures import FOREIGN_SKILL_ID
from devtools.load import DynamoDbCalls
from devtools.stack import DEV_SECRET
from speech import en
from tests.helpers import assert_valid_response, speech_of
from tests.reliability.conftest import (
    Injector,
    build_handler,
    device,
    heard,
    key_of,
    raw_item,
    say,
)
from tests.reliability.test_dynamodb_faults import THROTTLED

YES = {"name": "AMAZON.YesIntent", "confirmationStatus": "NONE"}


def foreign_requests(conversation):
    """A customer's pending "delete my data" and "what do you know", addressed to another skill."""
    say(conversation, "ask zosi care how long does delivery to kazan take")
    say(conversation, "yes")
    say(conversation, "ask zosi care to delete my data")
    conversation.session.skill_id = FOREIGN_SKILL_ID
    confirm_delete = conversation.session.intent(YES)
    what_is_stored = conversation.session.intent(
        {"name": "MyDataIntent", "confirmationStatus": "NONE", "slots": {}}
    )
    return [confirm_delete, what_is_stored]


def test_a_request_for_another_skill_is_refused_without_touching_state(
    handler, nlu, skill_settings, skill_dynamodb, admin, table
):
    kitchen = device(handler, nlu)
    requests = foreign_requests(kitchen)
    before = raw_item(admin, table, key_of(skill_settings, kitchen))
    calls = DynamoDbCalls(skill_dynamodb)

    responses = [handler(request, None) for request in requests]

    assert calls.calls == 0
    for response in responses:
        assert_valid_response(response)
        assert speech_of(response) == ""
        assert response["response"]["shouldEndSession"] is True
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) == before


class LetEverythingThrough(AbstractRequestInterceptor):
    """A stand-in for VerifySkillIdInterceptor that checks nothing."""

    def __init__(self, skill_id):
        self.skill_id = skill_id

    def process(self, handler_input):
        return None


def test_without_the_skill_id_check_the_same_foreign_requests_would_delete_data(
    monkeypatch, nlu, skill_settings, skill_dynamodb, admin, table
):
    monkeypatch.setattr(app, "VerifySkillIdInterceptor", LetEverythingThrough)
    unguarded = build_handler(skill_settings, skill_dynamodb)
    kitchen = device(unguarded, nlu)
    confirm_delete, _ = foreign_requests(kitchen)

    answer = heard(unguarded(confirm_delete, None))

    assert en.DELETED in answer
    assert raw_item(admin, table, key_of(skill_settings, kitchen)) is None


def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_tokens_user_ids_and_personal_data_never_reach_the_logs(
    caplog, skill_settings, skill_dynamodb, nlu
):
    for name in ("", "botocore", "urllib3", "ask_sdk_core", "ask_sdk_model"):
        caplog.set_level(logging.DEBUG, logger=name)
    secrets = {
        "user id": f"amzn1.ask.account.SECRET{uuid.uuid4().hex.upper()}",
        "device id": f"amzn1.ask.device.SECRET{uuid.uuid4().hex.upper()}",
        "account token": f"demo-secret-token-{uuid.uuid4().hex}",
        "alexa api token": f"alexa-api-secret-{uuid.uuid4().hex}",
        "name": "Yevgenia Korsakova-Blum",
        "email": "yevgenia.korsakova@example.org",
        "phone": "+7 912 345 67 89",
    }
    handler = build_handler(skill_settings, skill_dynamodb)
    customer = device(
        handler,
        nlu,
        user_id=secrets["user id"],
        device_id=secrets["device id"],
        access_token=secrets["account token"],
        api_access_token=secrets["alexa api token"],
        api_endpoint=closed_port_url(),
    )
    alexa = customer.session
    personal = [
        ("ReturnRefundIntent", {"purchaseDate": "2026-11-20", "store": secrets["email"]}),
        ("ReturnRefundIntent", {"product": secrets["name"], "purchaseDate": secrets["phone"]}),
        ("DeliveryTimeIntent", {"region": secrets["name"], "orderDate": secrets["email"]}),
        ("WarrantyStatusIntent", {"product": secrets["phone"]}),
        ("TrackOrderIntent", {"product": secrets["email"]}),
        ("ClaimStatusIntent", {}),
    ]
    for _ in range(3):
        for text in (
            "ask zosi care how long does delivery to kazan take",
            "yes",
            "ask zosi care can I return the camera I bought yesterday",
            "the zosi website",
            "yes",
            "ask zosi care what do you know about me",
            "where is my order",
            "ask zosi care to delete my data",
            "yes",
        ):
            say(customer, text)
        for name, values in personal:
            slots = {slot: {"name": slot, "value": value} for slot, value in values.items()}
            handler(
                alexa.intent({"name": name, "confirmationStatus": "NONE", "slots": slots}), None
            )
        injector = Injector(skill_dynamodb, THROTTLED)
        say(customer, "ask zosi care how long does delivery to samara take")
        say(customer, "yes")
        say(customer, "ask zosi care what do you know about me")
        injector.active = False
        handler({"context": alexa.context(), "request": {"type": "IntentRequest"}}, None)
        handler(alexa.session_ended("ERROR", "INTERNAL_SERVICE_ERROR"), None)
    alexa.skill_id = FOREIGN_SKILL_ID
    handler(alexa.intent(YES), None)

    records = caplog.records
    assert len(records) > 100
    assert any(
        record.name.startswith("botocore") and record.levelno == logging.DEBUG for record in records
    )
    for record in records:
        text = " ".join(
            [
                record.getMessage(),
                repr(record.args),
                record.exc_text or "",
                str(record.exc_info or ""),
            ]
        )
        leaked = [what for what, secret in secrets.items() if secret in text]
        assert not leaked, f"{leaked} in a {record.name} log record: {text[:300]}"


@pytest.fixture
def restored_log_levels():
    """Put every logger's level back after a test that configures logging as Lambda does."""
    names = ["", *app.LIBRARY_LOGGERS]
    levels = {name: logging.getLogger(name).level for name in names}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def test_log_level_debug_leaks_no_aws_signature_session_token_or_alexa_token(
    caplog, monkeypatch, moto_server, skill_settings, nlu, restored_log_levels
):
    """LOG_LEVEL=DEBUG, as an operator would set it, with the real botocore client and
    temporary credentials (a Lambda role's carry a session token)."""
    session_token = f"FwoGZXIvYXdzSESSION{uuid.uuid4().hex}"
    secret_key = f"SECRETKEY{uuid.uuid4().hex}"
    account_token = f"demo-secret-token-{uuid.uuid4().hex}"
    monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", moto_server)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ASIATESTING")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret_key)
    monkeypatch.setenv("AWS_SESSION_TOKEN", session_token)
    client = build_client()
    caplog.handler.setLevel(logging.DEBUG)

    app.configure_logging("DEBUG")
    customer = device(build_handler(skill_settings, client), nlu, access_token=account_token)
    for text in (
        "ask zosi care how long does delivery to kazan take",
        "yes",
        "ask zosi care what do you know about me",
        "ask zosi care to delete my data",
        "yes",
    ):
        say(customer, text)

    assert logging.getLogger().isEnabledFor(logging.DEBUG), "the skill's own DEBUG is on"
    assert any(record.levelno == logging.DEBUG for record in caplog.records)
    leaks = {
        "session token": session_token,
        "secret key": secret_key,
        "account token": account_token,
        "signature": "Signature=",
        "security token header": "X-Amz-Security-Token",
        "authorization header": "Authorization",
    }
    for record in caplog.records:
        text = f"{record.getMessage()} {record.args!r} {record.exc_text or ''}"
        leaked = [what for what, secret in leaks.items() if secret in text]
        assert not leaked, f"{leaked} in a {record.name} log record: {text[:300]}"


def test_without_its_key_the_skill_still_answers_and_says_it_could_not_remember(
    skill_settings, skill_dynamodb, nlu, caplog
):
    missing = skill_settings._replace(user_key=ManagedSecret("zosi-skill/test/missing"))
    customer = device(build_handler(missing, skill_dynamodb), nlu)

    policy = say(customer, "ask zosi care how long does delivery to kazan take")
    remember = say(customer, "yes")

    assert "Kazan" in policy
    assert en.NOT_REMEMBERED in remember, remember
    assert any("user key secret could not be read" in r.getMessage() for r in caplog.records)
    assert not [
        r for r in caplog.records if r.levelno >= logging.ERROR and DEV_SECRET in r.getMessage()
    ]
