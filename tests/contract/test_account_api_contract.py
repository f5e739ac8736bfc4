"""The account API contract, checked by tools rather than by hand (issue 11).

The contract is ``shared/contracts/account-api.openapi.yaml``, read where it lies
(`devtools.shared`), never copied into the repository.

- The local account service: schemathesis generates requests for every operation of
  the contract (a bounded, derandomized number per operation) and checks each answer
  against it: status codes, content types, headers, body schemas, and that a request
  without the token is refused. Every 2xx body it accepts must parse with the skill's
  own parsers, so the client reads whatever the contract allows.
- The skill's client: every request it sends, for every operation of the contract,
  is validated against that operation's parameters and request body schema with
  jsonschema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from devtools.shared import ACCOUNT_API_CONTRACT, shared_candidates, shared_file

CONTRACT = shared_file(ACCOUNT_API_CONTRACT)
if CONTRACT is None:
    pytest.skip(
        f"no {ACCOUNT_API_CONTRACT} in any shared folder: "
        + ", ".join(str(folder) for folder in shared_candidates()),
        allow_module_level=True,
    )

import schemathesis  # noqa: E402 - only once the contract exists
from hypothesis import HealthCheck, given, settings  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402
from referencing import Registry  # noqa: E402
from referencing.jsonschema import DRAFT202012  # noqa: E402

from adapters.account import (  # noqa: E402
    HttpAccountClient,
    parse_order,
    parse_profile,
    parse_support_request,
)
from devtools.account_server import LocalAccountService  # noqa: E402

TODAY = date(2026, 11, 21)
TOKEN = "demo-recent"
#: Generated requests per operation: enough to reach every status the service gives, short.
EXAMPLES = 25
SCHEMA = schemathesis.openapi.from_path(str(CONTRACT))
DOCUMENT: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
OPERATIONS = [
    (path, method.upper()) for path, methods in DOCUMENT["paths"].items() for method in methods
]

Parser = Callable[[Any], object]
#: How the skill reads each operation's 2xx body (None: no body to read).
PARSERS: dict[tuple[str, str], Parser | None] = {
    ("/me", "GET"): parse_profile,
    ("/me/orders", "GET"): lambda data: [parse_order(o) for o in data["orders"]],
    ("/me/orders/{order_id}", "GET"): parse_order,
    ("/me/support-requests", "GET"): lambda data: [
        parse_support_request(r) for r in data["requests"]
    ],
    ("/me/support-requests", "POST"): parse_support_request,
    ("/me/alexa-link", "DELETE"): None,
}


def test_the_parsers_cover_every_operation_of_the_contract():
    assert sorted(PARSERS) == sorted(OPERATIONS)


# --- the local service answers as the contract says -------------------------------------------


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=lambda part: part)
def test_the_local_service_answers_every_generated_request_as_the_contract_says(path, method):
    operation = SCHEMA[path][method]
    parse = PARSERS[path, method]
    statuses: list[int] = []

    with LocalAccountService(TODAY) as service:

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call_and_validate(
                base_url=service.url, headers={"Authorization": f"Bearer {TOKEN}"}
            )
            statuses.append(response.status_code)
            if parse is not None and 200 <= response.status_code < 300:
                parse(json.loads(response.content))

        check()

    assert statuses, "schemathesis generated no request"
    assert all(status < 500 for status in statuses)


# --- the client asks as the contract says -----------------------------------------------------


def _anchored(node: Any) -> Any:
    """``node`` with every ``#/...`` reference made absolute, into the contract document."""
    if isinstance(node, dict):
        return {
            key: "urn:contract" + value
            if key == "$ref" and isinstance(value, str) and value.startswith("#/")
            else _anchored(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_anchored(item) for item in node]
    return node


REGISTRY = Registry().with_resource("urn:contract", DRAFT202012.create_resource(DOCUMENT))


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for one of the contract's schemas, its references resolved in the contract."""
    return Draft202012Validator(_anchored(schema), registry=REGISTRY)


def _resolved(node: dict[str, Any]) -> dict[str, Any]:
    """``node`` itself, or the contract object its ``$ref`` names."""
    while "$ref" in node:
        target: Any = DOCUMENT
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operation_of(method: str, path: str) -> tuple[str, re.Match[str]]:
    base = "/v1"
    assert path.startswith(base)
    for template, verb in OPERATIONS:
        pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        match = re.fullmatch(pattern, path.removeprefix(base))
        if match is not None and verb == method:
            return template, match
    raise AssertionError(f"{method} {path} is not an operation of the contract")


def _violations(request: tuple[str, str, dict[str, str], bytes]) -> list[str]:
    method, target, headers, body = request
    parts = urlsplit(target)
    template, match = _operation_of(method, parts.path)
    definition = DOCUMENT["paths"][template][method.lower()]
    values = {
        "path": match.groupdict(),
        "query": {name: values[-1] for name, values in parse_qs(parts.query).items()},
        "header": {name.lower(): value for name, value in headers.items()},
    }
    problems = []
    declared = {"path": set(), "query": set()}
    for parameter in map(_resolved, definition.get("parameters", [])):
        where, name = parameter["in"], parameter["name"]
        key = name.lower() if where == "header" else name
        declared.setdefault(where, set()).add(key)
        if key not in values[where]:
            if parameter.get("required"):
                problems.append(f"{method} {template}: required {where} {name} missing")
            continue
        value: object = values[where][key]
        if parameter["schema"].get("type") == "integer":
            value = int(str(value)) if str(value).isdigit() else value
        for error in _validator(parameter["schema"]).iter_errors(value):
            problems.append(f"{method} {template}: {where} {name}: {error.message}")
    unknown = set(values["query"]) - declared["query"]
    problems += [f"{method} {template}: undeclared query {name}" for name in unknown]
    if not values["header"].get("authorization", "").startswith("Bearer "):
        problems.append(f"{method} {template}: no bearer token")
    request_body = definition.get("requestBody")
    if request_body is None:
        if body:
            problems.append(f"{method} {template}: a body the contract does not take")
        return problems
    media = request_body["content"]["application/json"]["schema"]
    if not values["header"].get("content-type", "").startswith("application/json"):
        problems.append(f"{method} {template}: body is not application/json")
    document = json.loads(body)
    for error in _validator(media).iter_errors(document):
        problems.append(f"{method} {template}: body: {error.message}")
    # P1: the contract would let more through; the skill sends only the fields it names.
    named = set(_resolved(media).get("properties", {}))
    problems += [
        f"{method} {template}: body: unnamed field {name}" for name in set(document) - named
    ]
    return problems


def test_every_request_the_client_sends_matches_the_contract(monkeypatch):
    sent: list[tuple[str, str, dict[str, str], bytes]] = []
    with LocalAccountService(TODAY) as service:
        answer = service.handle

        def recording(method, target, headers, body):
            sent.append((method, target, dict(headers), body))
            return answer(method, target, headers, body)

        monkeypatch.setattr(service, "handle", recording)
        client = HttpAccountClient(service.url)
        client.profile(TOKEN)
        client.orders(TOKEN, limit=5)
        client.order(TOKEN, "ZS-10002")
        client.support_requests(TOKEN)
        client.open_support_request(
            TOKEN,
            order_id="ZS-10002",
            kind="refund_return",
            reason="changed_mind",
            idempotency_key="contract-0001",
            note="n" * 500,
        )
        client.revoke_link(TOKEN)

    exercised = {
        (_operation_of(method, urlsplit(target).path)[0], method) for method, target, *_ in sent
    }
    assert exercised == set(OPERATIONS)
    assert [problem for request in sent for problem in _violations(request)] == []


def test_the_request_check_catches_a_request_outside_the_contract():
    """The check above is not vacuous: a body and a limit the contract refuses are reported."""
    bad = [
        ("GET", "/v1/me/orders?limit=80", {"Authorization": "Bearer t"}, b""),
        (
            "POST",
            "/v1/me/support-requests",
            {"Authorization": "Bearer t", "Content-Type": "application/json"},
            json.dumps(
                {"order_id": "ZS-1", "kind": "refund", "reason": "defect", "email": "a@b.c"}
            ).encode(),
        ),
    ]

    problems = [problem for request in bad for problem in _violations(request)]

    assert any("query limit" in problem for problem in problems)
    assert any("Idempotency-Key missing" in problem for problem in problems)
    assert any("body:" in problem and "refund" in problem for problem in problems)
    assert any("unnamed field email" in problem for problem in problems)
