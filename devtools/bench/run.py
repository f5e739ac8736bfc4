"""The benchmark run: set up the local stack, measure everything, print and save the report.

One moto server on 127.0.0.1 serves every part. Its tables: the skill's (created
from template.yaml, holding a remembered purchase for the local developer user)
and baseline B's (the SDK adapter's default key ``id``, holding attributes for the
same user), so both stateful cold starts read an item that exists.

Every cold start answers envelopes as the Alexa service sends them (`as_alexa_sends`):
a new session, the device id, ``apiEndpoint`` and ``apiAccessToken`` in
``context.System`` (and, for a linked customer, the account token in the user
object). The endpoint is the local account service's Alexa API on 127.0.0.1, which
answers the skill's Settings API call for the device's time zone, so a cold answer
that needs today's date pays for that call as it would in Lambda.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import importlib
import importlib.util
import logging
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol
from unittest import mock

import boto3

from devtools.account_server import LocalAccountService
from devtools.bench import calls, coldstart, package, warm
from devtools.bench.report import Budget, Row, render_table, write_json
from devtools.bench.stats import Summary, paired_ratio
from devtools.cli import (
    LOCAL_ALEXA_API_TOKEN,
    REPO_ROOT,
    SKILL_DIR,
    local_environment,
    skill_path,
)
from devtools.envelopes import LOCAL_USER_ID, AlexaSession
from devtools.fixtures import CAMERA, EVENTS_DIR, FIXTURE_TIME, NVR, intent, slot
from devtools.nlu import Nlu
from devtools.stack import (
    DUMMY_CREDENTIALS,
    LOCAL_REGION,
    MotoServer,
    create_table,
    put_local_user_key,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from settings import Settings

RESULTS_DIR: Final = REPO_ROOT / "bench-results"
SKILL_TABLE: Final = "bench-skill"
BASELINE_TABLE: Final = "bench-baseline"
TODAY: Final = date(2026, 11, 21)
#: The account-linking token of the demo customer every linked conversation or cold start uses.
LINKED_CUSTOMER: Final = "demo-recent"
#: Intents whose answer is a policy decision: their warm p99 without I/O has a budget.
POLICY_INTENTS: Final = frozenset(
    {
        "ReturnRefundIntent",
        "WarrantyStatusIntent",
        "CrossShipIntent",
        "DeliveryTimeIntent",
        "ContactSupportIntent",
        "PrivacyPolicyIntent",
    }
)
MIB: Final = 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Plan:
    """How many repetitions each part makes."""

    cold_runs: int
    warm_repeats: int


FULL: Final = Plan(cold_runs=40, warm_repeats=300)
QUICK: Final = Plan(cold_runs=3, warm_repeats=10)


def _client(endpoint: str) -> DynamoDBClient:
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=LOCAL_REGION,
        aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def _settings(account_api_url: str | None = None) -> Settings:
    from settings import ACCOUNT_API_BASE_URL, Settings

    base = {"TABLE_NAME": SKILL_TABLE}
    if account_api_url:
        base[ACCOUNT_API_BASE_URL] = account_api_url
    return Settings.from_env(local_environment(base))


def _fixture_clock() -> datetime:
    return FIXTURE_TIME


def as_alexa_sends(
    envelope: Mapping[str, Any], api_endpoint: str, access_token: str | None = None
) -> dict[str, Any]:
    """``envelope`` as the Alexa service sends it: with its API endpoint and API token.

    Alexa puts ``apiEndpoint`` and a short-lived ``apiAccessToken`` in every request's
    ``context.System``; a linked customer's account token (``access_token``) is in the
    user object of both ``context.System`` and ``session``.
    """
    sent = copy.deepcopy(dict(envelope))
    system = sent["context"]["System"]
    system["apiEndpoint"] = api_endpoint
    system["apiAccessToken"] = LOCAL_ALEXA_API_TOKEN
    if access_token:
        system["user"]["accessToken"] = access_token
        if "session" in sent:
            sent["session"]["user"]["accessToken"] = access_token
    return sent


def warranty_first_turn() -> dict[str, Any]:
    """A new session opened by "ask zosi care is my camera under warranty, I bought it on 3 March".

    The first request of a fresh container, as a one-shot question usually is; its
    answer counts the days left, so it needs today's date in the device's time zone.
    """
    return AlexaSession(clock=_fixture_clock).intent(
        intent(
            "WarrantyStatusIntent",
            CAMERA,
            slot("purchaseDate", "2026-03-03"),
            slot("store"),
            slot("purchaseCountry"),
            slot("homeCountry"),
        )
    )


def warranty_from_memory() -> dict[str, Any]:
    """A new session asking "is my NVR still under warranty?" with no date: memory must answer."""
    return AlexaSession(clock=_fixture_clock).intent(
        intent(
            "WarrantyStatusIntent",
            NVR,
            slot("purchaseDate"),
            slot("store"),
            slot("purchaseCountry"),
            slot("homeCountry"),
        )
    )


def prepare_tables(client: DynamoDBClient, settings: Settings) -> None:
    """Create both tables and store the item each stateful cold start reads."""
    from adapters.store import DynamoDbUserStore, user_key
    from domain.memory import RememberedPurchase

    create_table(client, SKILL_TABLE)
    bought = date(2025, 12, 1)
    DynamoDbUserStore(SKILL_TABLE, settings.state_ttl_days, client).update(
        user_key(LOCAL_USER_ID, settings.user_key_secret),
        {"purchase": RememberedPurchase("nvr", bought, bought, "zosi_website")},
    )
    client.create_table(
        TableName=BASELINE_TABLE,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    client.put_item(
        TableName=BASELINE_TABLE,
        Item={"id": {"S": LOCAL_USER_ID}, "attributes": {"M": {"visits": {"N": "1"}}}},
    )


def load_events() -> dict[str, dict[str, Any]]:
    """Every fixture envelope in tests/events, by file name (without .json)."""
    import json

    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(EVENTS_DIR.glob("*.json"))
    }


def request_name(event: Mapping[str, Any]) -> str:
    """The intent name of an IntentRequest, else the request type ("" when unreadable)."""
    request = event.get("request")
    if not isinstance(request, Mapping):
        return ""
    named = request.get("intent")
    name = named.get("name") if isinstance(named, Mapping) else None
    return str(name or request.get("type") or "")


#: OpenSSL's variable for a hashed CA directory, which the skill's settings read.
SSL_CERT_DIR: Final = "SSL_CERT_DIR"

#: The cold variants whose answers read today's date: one Settings API call each per process.
ZONE_READERS: Final = (
    "skill",
    "first turn",
    "first turn, linked",
    "first turn, restored",
    "first turn, plain HTTP",
    "baseline A+Z",
)


def trust_dir(alexa: LocalAccountService, folder: Path) -> str:
    """A hashed CA directory as `sam build` makes one, with ``alexa``'s CA added.

    The package's directory holds certifi's roots (``skill/trust_dir.py``); this one
    holds them too, and the local CA that signed the HTTPS Alexa endpoints, so a cold
    start verifies the local Settings API the way Lambda verifies Alexa's.
    """
    import certifi

    import trust_dir as builder

    local_ca = folder / "local-ca.pem"
    local_ca.write_bytes(alexa.ca_pem)
    builder.build(folder / "trust", [Path(certifi.where()), local_ca])
    return str(folder / "trust")


def cold_variants(
    endpoint: str,
    events: Mapping[str, dict[str, Any]],
    alexa: LocalAccountService,
    trust: str,
) -> list[coldstart.Variant]:
    """Our skill (three ways) and the two baselines, each with the requests it answers cold.

    "skill" answers a launch, then a policy question, then a question from memory;
    "first turn" answers a one-shot policy question as the container's first request,
    as an unlinked customer and as a linked one, after an emulated SnapStart restore, and
    with the Settings API over plain HTTP (the issue's first measurement). Baseline A+Z is
    baseline A plus the time-zone lookup alone: the floor of a dated first answer.
    Every envelope is as Alexa sends it, against ``alexa``'s endpoints (see `as_alexa_sends`),
    whose Alexa API is HTTPS, verified against ``trust`` (`trust_dir`).
    """

    def sent(envelope: Mapping[str, Any], access_token: str | None = None) -> dict[str, Any]:
        return as_alexa_sends(envelope, alexa.alexa_api_url, access_token)

    def first_turn(
        name: str, event: dict[str, Any], env: Mapping[str, str], *, restored: bool = False
    ) -> coldstart.Variant:
        """The skill answering ``event`` as its process's first (and only) request."""
        return coldstart.Variant(
            name=name,
            code_root=SKILL_DIR,
            module="app",
            events=(event,),
            labels=("policy",),
            env=coldstart.child_environment(endpoint, env),
            restored=restored,
        )

    launch = sent(events["launch"])
    skill_env = local_environment({"TABLE_NAME": SKILL_TABLE, SSL_CERT_DIR: trust})
    linked_env = local_environment(
        {"TABLE_NAME": SKILL_TABLE, "ACCOUNT_API_BASE_URL": alexa.url, SSL_CERT_DIR: trust}
    )
    return [
        coldstart.Variant(
            name="skill",
            code_root=SKILL_DIR,
            module="app",
            events=(launch, sent(events["return_refund_oneshot"]), sent(warranty_from_memory())),
            labels=("launch", "policy", "stateful"),
            env=coldstart.child_environment(endpoint, skill_env),
        ),
        first_turn("first turn", sent(warranty_first_turn()), skill_env),
        first_turn("first turn, linked", sent(warranty_first_turn(), LINKED_CUSTOMER), linked_env),
        first_turn("first turn, restored", sent(warranty_first_turn()), skill_env, restored=True),
        first_turn(
            "first turn, plain HTTP",
            as_alexa_sends(warranty_first_turn(), alexa.http_url),
            skill_env,
        ),
        coldstart.Variant(
            name="baseline A+Z",
            code_root=coldstart.BASELINES,
            module="zone_skill",
            events=(launch,),
            labels=("launch",),
            env=coldstart.child_environment(endpoint, {SSL_CERT_DIR: trust}),
        ),
        coldstart.Variant(
            name="baseline A",
            code_root=coldstart.BASELINES,
            module="minimal_skill",
            events=(launch,),
            labels=("launch",),
            env=coldstart.child_environment(endpoint, {}),
        ),
        coldstart.Variant(
            name="baseline B",
            code_root=coldstart.BASELINES,
            module="dynamodb_skill",
            events=(launch,),
            labels=("stateful",),
            env=coldstart.child_environment(endpoint, {"TABLE_NAME": BASELINE_TABLE}),
        ),
    ]


def check_time_zone_lookups(alexa: LocalAccountService, processes: int) -> None:
    """Make sure every cold process of a `ZONE_READERS` variant asked for the device's zone.

    Raises:
        RuntimeError: If the Settings API saw another number of calls (then the figures
            would not time the lookup Alexa's real envelope leads to).
    """
    lookups = sum(
        count
        for (method, path), count in alexa.calls.items()
        if method == "GET" and path.endswith("/settings/System.timeZone")
    )
    if lookups != processes:
        raise RuntimeError(
            f"expected {processes} time-zone lookups, the Settings API saw {lookups}"
        )


@dataclasses.dataclass(frozen=True)
class ColdFigures:
    """One variant's cold starts, summarised (milliseconds; RSS in KiB).

    ``rounds_ms`` keeps each answer's samples in round order, for paired ratios.
    """

    import_ms: Summary
    answers_ms: dict[str, Summary]
    maxrss_kib: Summary
    rounds_ms: dict[str, tuple[float, ...]]


def summarise_cold(
    variant: coldstart.Variant, results: Sequence[coldstart.ProbeResult]
) -> ColdFigures:
    """Summaries of ``variant``'s runs, per answer label."""
    rounds = {
        label: tuple(result.answers_s[index] * 1000 for result in results)
        for index, label in enumerate(variant.labels)
    }
    return ColdFigures(
        import_ms=Summary.of([result.import_s * 1000 for result in results]),
        answers_ms={label: Summary.of(samples) for label, samples in rounds.items()},
        maxrss_kib=Summary.of([float(result.maxrss_kib) for result in results]),
        rounds_ms=rounds,
    )


def check_stateful_answer(results: Sequence[coldstart.ProbeResult]) -> None:
    """Make sure the skill's stateful cold answer really came from the stored purchase.

    Raises:
        RuntimeError: If it asked for the date instead (the figure would time no read).
    """
    from speech import en

    lead = en.USING_REMEMBERED_PURCHASE.split("{", 1)[0]
    if not all(lead in result.ssml[-1] for result in results):
        raise RuntimeError(f"the stateful cold answer did not use the stored purchase: {lead!r}")


class AccountService(Protocol):
    """What the benchmark uses of devtools.account_server.LocalAccountService."""

    url: str
    calls: Mapping[tuple[str, str], int]


@contextmanager
def account_service() -> Iterator[AccountService | None]:
    """The local account service (devtools.account_server) for the block, or None without it."""
    if importlib.util.find_spec("devtools.account_server") is None:
        yield None
        return
    module = importlib.import_module("devtools.account_server")
    with module.LocalAccountService(today=TODAY) as service:
        yield service


def requests_answered(service: AccountService | None) -> int:
    """How many requests the account service has answered (0 without the service)."""
    return 0 if service is None else sum(service.calls.values())


def stored_item(client: DynamoDBClient, settings: Settings, alexa_user_id: str) -> object:
    """What is stored for a user, less the version and TTL every write moves (None: nothing)."""
    from adapters.store import KEY_ATTRIBUTE, TTL_ATTRIBUTE, VERSION_ATTRIBUTE, user_key

    key = user_key(alexa_user_id, settings.user_key_secret)
    item = client.get_item(
        TableName=SKILL_TABLE, Key={KEY_ATTRIBUTE: {"S": key}}, ConsistentRead=True
    ).get("Item")
    if item is None:
        return None
    return {
        name: value
        for name, value in item.items()
        if name not in {TTL_ATTRIBUTE, VERSION_ATTRIBUTE}
    }


def measure_warm(
    endpoint: str, events: Mapping[str, dict[str, Any]], repeats: int
) -> tuple[dict[str, Summary], dict[str, Summary]]:
    """Warm latency of every fixture with DynamoDB on moto, and of the policy fixtures in memory."""
    policy = [name for name, event in events.items() if request_name(event) in POLICY_INTENTS]
    env = coldstart.child_environment(endpoint, local_environment({"TABLE_NAME": SKILL_TABLE}))
    return warm.measure(events, policy, repeats, env)


def measure_calls(endpoint: str) -> tuple[list[calls.ConversationCalls], bool]:
    """Calls per turn of every scripted conversation; also whether the account service ran."""
    import app
    from adapters.store import DynamoDbUserStore

    with account_service() as service:
        settings = _settings(None if service is None else service.url)
        client = _client(endpoint)
        log = calls.OperationLog(client)
        store = DynamoDbUserStore(SKILL_TABLE, settings.state_ttl_days, client)
        handler = app.make_handler(app.default_services(settings)._replace(store=store))
        observer = _client(endpoint)
        results = calls.replay_all(
            calls.SCRIPTS,
            handler,
            nlu=Nlu.for_locale("en-US", TODAY),
            clock=_fixture_clock,
            log=log,
            stored_for=lambda user: stored_item(observer, settings, user),
            account_calls=lambda: requests_answered(service),
            access_token=None if service is None else LINKED_CUSTOMER,
        )
    return results, service is not None


@dataclasses.dataclass(frozen=True)
class BytecodeFigures:
    """Cold first turns answered from the package skill/Makefile builds, with and without .pyc.

    Attributes:
        python: The runtime's Python version the package was built and run with.
        with_pyc_ms: The first-turn answer, cumulative from before `import app`, as built.
        without_pyc_ms: The same from a copy without ``__pycache__``, writing no bytecode
            (as from Lambda's read-only code folder: every module compiled at every cold start).
        paired_ratio: Median per-round ratio, with .pyc over without.
        zipped_bytes: The package as built, .pyc included, zipped.
    """

    python: str
    with_pyc_ms: Summary
    without_pyc_ms: Summary
    paired_ratio: float
    zipped_bytes: int


def measure_bytecode(
    endpoint: str, alexa: LocalAccountService, trust: str, runs: int
) -> BytecodeFigures | str:
    """Build the package as `sam build` does and time its cold first turn with and without .pyc.

    Both run the runtime's Python with ``-S`` (no site-packages: the package alone), in
    rounds like the other cold starts. Returns why not, when the machine has no Python of
    the runtime's version or the build fails.
    """
    version = package.runtime_version(REPO_ROOT / "template.yaml")
    python = package.find_python(version)
    if python is None:
        return f"no Python {version} (the function's runtime) on this machine"
    with tempfile.TemporaryDirectory(prefix="zosi-package-") as folder:
        built = Path(folder) / "package"
        try:
            package.build(SKILL_DIR, built, python)
        except subprocess.CalledProcessError as exc:
            return f"skill/Makefile failed: {exc.stderr.strip().splitlines()[-1:]}"
        bare = package.without_bytecode(built, Path(folder) / "without-pyc")
        env = coldstart.child_environment(
            endpoint, local_environment({"TABLE_NAME": SKILL_TABLE, SSL_CERT_DIR: trust})
        )
        events = (as_alexa_sends(warranty_first_turn(), alexa.alexa_api_url),)
        variants = [
            coldstart.Variant("with .pyc", built, "app", events, ("policy",), env, python, ("-S",)),
            coldstart.Variant(
                "without .pyc",
                bare,
                "app",
                events,
                ("policy",),
                {**env, "PYTHONDONTWRITEBYTECODE": "1"},
                python,
                ("-S",),
            ),
        ]
        results = coldstart.measure(variants, runs)
        compiled, source = (
            [result.answers_s[0] * 1000 for result in results[variant.name]] for variant in variants
        )
        return BytecodeFigures(
            python=version,
            with_pyc_ms=Summary.of(compiled),
            without_pyc_ms=Summary.of(source),
            paired_ratio=paired_ratio(compiled, source),
            zipped_bytes=package.zipped_size((built,), bytecode=True),
        )


def measure_package() -> package.PackageSize | str:
    """The deployment package's size, or why it could not be built."""
    try:
        dependencies = package.install_dependencies(
            SKILL_DIR / "requirements.txt", RESULTS_DIR / "package"
        )
    except subprocess.CalledProcessError as exc:
        return f"pip install failed: {exc.stderr.strip().splitlines()[-1:]}"
    return package.measure(SKILL_DIR, dependencies)


def budget_rows(
    startup: Summary,
    *,
    cold: Mapping[str, ColdFigures],
    bytecode: BytecodeFigures | str,
    warm_all: Mapping[str, Summary],
    warm_policy: Mapping[str, Summary],
    conversations: Sequence[calls.ConversationCalls],
    linked: bool,
    size: package.PackageSize | str,
) -> list[Row]:
    """The report's rows: each figure beside its baseline and budget."""
    skill, minimal, standard = cold["skill"], cold["baseline A"], cold["baseline B"]
    a_launch = minimal.answers_ms["launch"]
    b_stateful = standard.answers_ms["stateful"]
    worst_policy = max(warm_policy.items(), key=lambda item: item[1].p99)
    worst_any = max(warm_all.items(), key=lambda item: item[1].p99)
    first_turn_rows = []
    for name, note in (
        (
            "first turn",
            "one-shot warranty question as the process's first request, envelope as Alexa"
            " sends it (API token: one Settings API call over HTTPS on 127.0.0.1, verified"
            " against a hashed CA directory); cumulative from before `import app`; ratio:"
            " median of the per-round ratios (see stats.paired_ratio)",
        ),
        ("first turn, linked", "the same with the account token of a linked customer"),
    ):
        figures = cold[name].answers_ms["policy"]
        first_turn_rows += [
            Row(
                f"Cold: {name}, policy answer (p50)",
                figures.p50,
                "ms",
                "A launch",
                a_launch.p50,
                Budget("<=", 1.3, relative=True),
                note,
                paired_ratio(cold[name].rounds_ms["policy"], minimal.rounds_ms["launch"]),
            ),
            Row(f"Cold: {name}, policy answer (p90)", figures.p90, "ms", "A launch", a_launch.p90),
        ]
    floor = cold["baseline A+Z"]
    plain = cold["first turn, plain HTTP"]
    first_turn_rows += [
        Row(
            "Cold: floor, baseline A + the time-zone lookup (p50)",
            floor.answers_ms["launch"].p50,
            "ms",
            "A launch",
            a_launch.p50,
            note="baseline A reading the device's zone first through the SDK's UPS client over"
            " one bare ssl/socket connection: what any dated first answer pays; ratio paired",
            paired_ratio=paired_ratio(floor.rounds_ms["launch"], minimal.rounds_ms["launch"]),
        ),
        Row(
            "Cold: first turn over the floor A+Z (p50)",
            cold["first turn"].answers_ms["policy"].p50,
            "ms",
            "A+Z launch",
            floor.answers_ms["launch"].p50,
            note="the skill's own share of its first turn: what it costs beyond the lookup any"
            " dated first answer makes; ratio paired",
            paired_ratio=paired_ratio(
                cold["first turn"].rounds_ms["policy"], floor.rounds_ms["launch"]
            ),
        ),
        Row(
            "Cold: first turn, Settings API over plain HTTP (p50)",
            plain.answers_ms["policy"].p50,
            "ms",
            "A launch",
            a_launch.p50,
            note="the first turn with the Settings API on http://127.0.0.1, as the issue first"
            " measured it: no ssl import, TLS context or handshake; ratio paired",
            paired_ratio=paired_ratio(plain.rounds_ms["policy"], minimal.rounds_ms["launch"]),
        ),
    ]
    return [
        Row("Interpreter start-up, python -c pass (p50)", startup.p50, "ms"),
        Row("Cold: import app (p50)", skill.import_ms.p50, "ms", "import A", minimal.import_ms.p50),
        Row(
            "Cold: launch answer (p50)",
            skill.answers_ms["launch"].p50,
            "ms",
            "A launch",
            a_launch.p50,
            paired_ratio=paired_ratio(skill.rounds_ms["launch"], minimal.rounds_ms["launch"]),
        ),
        *first_turn_rows,
        Row(
            "SnapStart: first turn after a restore, policy answer (p50)",
            cold["first turn, restored"].answers_ms["policy"].p50,
            "ms",
            note="emulated: import and before_snapshot ran before the clock (they are in the"
            " snapshot); the restore itself, Lambda's, is not included",
        ),
        Row(
            "Cold: policy answer after the launch (p50)",
            skill.answers_ms["policy"].p50,
            "ms",
            "A launch",
            a_launch.p50,
            note="cumulative, the launch answered first in the same process; ratio paired by round",
            paired_ratio=paired_ratio(skill.rounds_ms["policy"], minimal.rounds_ms["launch"]),
        ),
        Row(
            "Cold: first stateful answer (p50)",
            skill.answers_ms["stateful"].p50,
            "ms",
            "B launch",
            b_stateful.p50,
            Budget("<=", 1.0, relative=True),
            "cumulative, after the launch and policy answers; one GetItem on moto;"
            " ratio paired by round",
            paired_ratio(skill.rounds_ms["stateful"], standard.rounds_ms["stateful"]),
        ),
        Row(
            "Cold: first stateful answer (p90)",
            skill.answers_ms["stateful"].p90,
            "ms",
            "B launch",
            b_stateful.p90,
        ),
        Row(
            "Warm policy answer p99, no I/O (worst intent)",
            worst_policy[1].p99,
            "ms",
            budget=Budget("<", 5),
            note=f"worst: {worst_policy[0]}; InMemoryUserStore",
        ),
        Row(
            "Warm answer p99 with DynamoDB (worst fixture)",
            worst_any[1].p99,
            "ms",
            note=f"worst: {worst_any[0]}; moto server over HTTP on 127.0.0.1",
        ),
        Row(
            "DynamoDB reads in one session (most; P4's own reads apart)",
            max(conversation.most_reads_in_a_session for conversation in conversations),
            "reads",
            budget=Budget("<=", 1),
        ),
        Row(
            "Writes on turns that change nothing",
            sum(conversation.needless_writes for conversation in conversations),
            "writes",
            budget=Budget("<=", 0),
        ),
        Row(
            "Account-API calls (all conversations)",
            sum(
                turn.account_calls for conversation in conversations for turn in conversation.turns
            ),
            "calls",
            note="" if linked else "devtools.account_server not present: no account service ran",
        ),
        Row(
            "Peak RSS, cold skill (worst)",
            skill.maxrss_kib.worst / 1024,
            "MiB",
            "A",
            minimal.maxrss_kib.worst / 1024,
            Budget("<", 100),
        ),
        Row("Peak RSS, baseline B (worst)", standard.maxrss_kib.worst / 1024, "MiB"),
        Row(
            "Deployment package, zipped",
            size.zipped_bytes / MIB if isinstance(size, package.PackageSize) else None,
            "MiB",
            budget=Budget("<", 10),
            note=(
                size
                if isinstance(size, str)
                else "skill/ + requirements.txt; boto3, botocore, s3transfer, jmespath left out"
            ),
        ),
        *bytecode_rows(bytecode),
    ]


def bytecode_rows(bytecode: BytecodeFigures | str) -> list[Row]:
    """The rows of `measure_bytecode`: the package's cold first turn with .pyc, and its size."""
    if isinstance(bytecode, str):
        return [
            Row(
                "Cold: first turn from the built package, with .pyc (p50)",
                None,
                "ms",
                note=bytecode,
            )
        ]
    return [
        Row(
            "Cold: first turn from the built package, with .pyc (p50)",
            bytecode.with_pyc_ms.p50,
            "ms",
            "without .pyc",
            bytecode.without_pyc_ms.p50,
            note=f"skill/Makefile's build, Python {bytecode.python} -S; without: the same files"
            " less __pycache__, writing none (Lambda's read-only code folder); ratio paired",
            paired_ratio=bytecode.paired_ratio,
        ),
        Row(
            "Deployment package as built, with .pyc, zipped",
            bytecode.zipped_bytes / MIB,
            "MiB",
            budget=Budget("<", 10),
        ),
    ]


def detail_tables(
    events: Mapping[str, dict[str, Any]],
    *,
    warm_all: Mapping[str, Summary],
    warm_policy: Mapping[str, Summary],
    conversations: Sequence[calls.ConversationCalls],
    imports: Sequence[coldstart.ImportTime],
    extra: Sequence[tuple[str, int]],
) -> str:
    """The per-fixture, per-turn and per-import detail printed above the budget table."""
    lines = ["Warm latency per fixture (ms): DynamoDB p50/p99 | in-memory policy p50/p99"]
    for name, summary in warm_all.items():
        policy = warm_policy.get(name)
        memory = "" if policy is None else f" | {policy.p50:6.2f} {policy.p99:6.2f}"
        lines.append(
            f"  {name:34} {request_name(events[name]):28} "
            f"{summary.p50:6.2f} {summary.p99:6.2f}{memory}"
        )
    lines.append("")
    lines.append("Calls per turn: DynamoDB r(eads) w(rites), a(ccount calls); ! = needless write")
    for conversation in conversations:
        lines.append(f"  {conversation.name}")
        for turn in conversation.turns:
            flag = " !" if turn.needless_write else ""
            lines.append(
                f"    r{turn.reads} w{turn.writes} a{turn.account_calls}{flag}  "
                f"{turn.utterance!r} -> {turn.request}"
            )
    lines.append("")
    lines.append(
        "Cold-start imports of the skill (ms cumulative; after app: lazy, while answering):"
    )
    lines.extend(
        f"  {entry.cumulative_us / 1000:7.1f}  {entry.module}"
        for entry in coldstart.imported_after(imports, "app")[:8]
    )
    lines.append("  of which `import app` itself imports:")
    lines.extend(
        f"  {entry.cumulative_us / 1000:7.1f}    {entry.module}"
        for entry in coldstart.children_of(imports, "app")[:12]
    )
    lines.append(
        "Imported by `import app` but not by baseline A's import (ms self time, by package):"
    )
    lines.extend(f"  {micros / 1000:7.1f}  {package_name}" for package_name, micros in extra[:15])
    return "\n".join(lines)


def _jsonable(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _jsonable(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    return value


def parser() -> argparse.ArgumentParser:
    """The command line."""
    options = argparse.ArgumentParser(prog="python -m devtools.bench", description=__doc__)
    options.add_argument(
        "--quick", action="store_true", help="few repetitions: to try the harness, not to quote"
    )
    options.add_argument(
        "--output",
        default=str(RESULTS_DIR / "latest.json"),
        help="where to write the JSON report (default: bench-results/latest.json)",
    )
    return options


def main(argv: Sequence[str] | None = None) -> int:
    """Run the whole benchmark; always 0 once it has reported (failed budgets are printed)."""
    args = parser().parse_args(argv)
    plan = QUICK if args.quick else FULL
    skill_path()
    events = load_events()
    # The skill's warnings (refused fixtures, simulated errors) would bury the report; a
    # handler keeps the records being made, as in Lambda, without printing them.
    logging.getLogger().addHandler(logging.NullHandler())
    with (
        MotoServer() as server,
        mock.patch.dict(os.environ, put_local_user_key(server.url)),
        LocalAccountService(today=TODAY, alexa_tls=True) as alexa,
        tempfile.TemporaryDirectory(prefix="zosi-trust-") as folder,
    ):
        settings = _settings()
        prepare_tables(_client(server.url), settings)
        trust = trust_dir(alexa, Path(folder))
        variants = cold_variants(server.url, events, alexa, trust)
        results = coldstart.measure(variants, plan.cold_runs)
        check_stateful_answer(results["skill"])
        # One process per round and one warm-up per variant.
        check_time_zone_lookups(alexa, (plan.cold_runs + 1) * len(ZONE_READERS))
        bytecode = measure_bytecode(server.url, alexa, trust, plan.cold_runs)
        cold = {
            variant.name: summarise_cold(variant, results[variant.name]) for variant in variants
        }
        by_name = {variant.name: variant for variant in variants}
        imports = coldstart.import_times(by_name["first turn"])
        minimal = by_name["baseline A"]
        extra = coldstart.extra_cost(
            coldstart.subtree(imports, "app"),
            coldstart.subtree(coldstart.import_times(minimal), minimal.module),
        )
        startup = Summary.of([s * 1000 for s in coldstart.interpreter_startup(plan.cold_runs)])
        warm_all, warm_policy = measure_warm(server.url, events, plan.warm_repeats)
        conversations, linked = measure_calls(server.url)
    size = measure_package()
    rows = budget_rows(
        startup,
        cold=cold,
        bytecode=bytecode,
        warm_all=warm_all,
        warm_policy=warm_policy,
        conversations=conversations,
        linked=linked,
        size=size,
    )
    print(
        detail_tables(
            events,
            warm_all=warm_all,
            warm_policy=warm_policy,
            conversations=conversations,
            imports=imports,
            extra=extra,
        )
    )
    print()
    print(render_table(rows))
    details = {
        "machine": {
            "python": sys.version,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "plan": _jsonable(plan),
        "interpreter_startup_ms": _jsonable(startup),
        "cold_start": _jsonable(cold),
        "bytecode": _jsonable(bytecode),
        "import_times_ms": {
            entry.module: entry.cumulative_us / 1000
            for entry in coldstart.children_of(imports, "app")
            + coldstart.imported_after(imports, "app")
        },
        "extra_imports_over_baseline_a_ms": {name: micros / 1000 for name, micros in extra},
        "warm_ms": _jsonable(warm_all),
        "warm_policy_in_memory_ms": _jsonable(warm_policy),
        "conversations": _jsonable(conversations),
        "account_service": linked,
        "package": _jsonable(size),
    }
    output = Path(args.output)
    write_json(output, rows, details)
    print(f"JSON: {output}")
    return 0
