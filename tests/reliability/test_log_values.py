"""The logs name only known intents and locales, never a token or a raw user id (issue 18, 14).

A request's locale and intent name are whatever its sender wrote. A forged 2,000-character
locale carrying an e-mail address, or an intent name with a line break (a forged log line),
once reached the logs verbatim.
"""

from __future__ import annotations

import logging

import pytest

from tests.helpers import assert_valid_response
from tests.reliability.conftest import device

EMAIL = "victim@example.com"
FORGED_LINE = "\nERROR forged log line " + EMAIL
TOKEN = "Atza|secret-account-token-for-logs"
USER = "amzn1.ask.account.LOGGED_USER_ID"


@pytest.fixture
def records(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def _logged(caplog):
    return [record.getMessage() for record in caplog.records]


def _assert_clean(messages):
    for message in messages:
        assert EMAIL not in message, message
        assert "\n" not in message, message
        assert "\r" not in message, message
        assert len(message) < 300, message
        assert TOKEN not in message, message
        assert USER not in message, message


@pytest.mark.parametrize(
    "locale",
    [
        pytest.param("zz-ZZ" + "x" * 2000 + EMAIL, id="long-unsupported"),
        pytest.param("zz-ZZ" + FORGED_LINE, id="line-break-unsupported"),
        pytest.param("en-US" + FORGED_LINE, id="line-break-english"),
    ],
)
def test_a_forged_locale_never_reaches_the_logs(handler, nlu, records, locale):
    kitchen = device(handler, nlu, user_id=USER, access_token=TOKEN)
    kitchen.session.locale = locale
    envelope = kitchen.session.intent({"name": "AMAZON.HelpIntent", "confirmationStatus": "NONE"})

    assert_valid_response(handler(envelope, None))

    assert _logged(records), "the request was not logged at all"
    _assert_clean(_logged(records))


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Intent" * 400 + EMAIL, id="long"),
        pytest.param("HelpIntent" + FORGED_LINE, id="line-break"),
    ],
)
def test_a_forged_intent_name_never_reaches_the_logs(handler, nlu, records, name):
    kitchen = device(handler, nlu, user_id=USER, access_token=TOKEN)
    envelope = kitchen.session.intent({"name": name, "confirmationStatus": "NONE"})

    assert_valid_response(handler(envelope, None))

    _assert_clean(_logged(records))


def test_a_known_intent_and_locale_are_logged_by_name(handler, nlu, records):
    kitchen = device(handler, nlu)
    kitchen.session.locale = "de-DE"
    envelope = kitchen.session.intent({"name": "AMAZON.HelpIntent", "confirmationStatus": "NONE"})

    handler(envelope, None)

    messages = _logged(records)
    assert "request IntentRequest AMAZON.HelpIntent" in messages
    assert "unsupported locale de-DE" in messages
