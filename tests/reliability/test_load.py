"""Load: many simulated customers on concurrent threads, real handler, real store over HTTP.

Errors must be zero and every stored item must match what its customer was told
was saved (devtools.load keeps each customer's ledger and verifies the table).
`python -m devtools.load --customers 200 --threads 8 --seconds 60` prints the
figures of a long run.
"""

import pytest

from devtools.load import run_load
from tests.helpers import assert_valid_response


@pytest.mark.parametrize(
    ("customers", "threads", "limits"),
    [
        pytest.param(20, 4, {"max_requests": 300}, id="short"),
        pytest.param(200, 8, {"seconds": 60}, id="long", marks=pytest.mark.slow),
    ],
)
def test_many_customers_at_once_get_valid_answers_and_every_confirmed_save_is_stored(
    skill_dynamodb, skill_settings, customers, threads, limits
):
    report = run_load(
        skill_dynamodb,
        skill_settings,
        customers=customers,
        threads=threads,
        check=assert_valid_response,
        **limits,
    )

    print(report.summary())
    assert report.errors == ()
    assert report.mismatches == ()
    assert report.requests >= limits.get("max_requests", 1)
    assert report.items_verified > 0
    assert 0 < report.calls_per_request < 3


def test_the_load_command_runs_on_its_own_embedded_stack_from_a_bare_environment(monkeypatch):
    """As a developer runs it: no AWS region, credentials or endpoints set beforehand."""
    import io

    from devtools.load import main

    for name in (
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_ENDPOINT_URL_SECRETS_MANAGER",
    ):
        monkeypatch.delenv(name, raising=False)
    out = io.StringIO()

    status = main(["--customers", "5", "--threads", "2", "--requests", "40"], out)

    assert status == 0, out.getvalue()
    assert "mismatches 0" in out.getvalue()
