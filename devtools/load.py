"""Load test: many simulated customers talk to the real handler over DynamoDB on moto's server.

Every customer has their own Alexa user id, device and random script of multi-turn
sessions (policy questions, delivery to a region, "remember this" answered yes or
no, "what do you know about me", "delete my data"), typed through the local NLU
(devtools.nlu) into real envelopes (devtools.envelopes). Customers run on
concurrent threads, one session at a time each, until a request count or a time
limit is reached. Each customer keeps a ledger of what the skill confirmed saving
or deleting; at the end every item in the table is read back through the store
and compared with the ledgers.

An error is an exception out of the handler, a response that breaks the response
invariants (tests.helpers.assert_valid_response), the catch-all apology, or an
answer the script did not expect (for example "what do you know about me" not
matching the ledger). The figures: requests served, errors, p50/p95/p99 latency
of the handler, and DynamoDB calls (and HTTP attempts) per request::

    python -m devtools.load --customers 200 --threads 8 --seconds 60
"""

from __future__ import annotations

import argparse
import logging
import os
import queue
import random
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO
from unittest import mock

from devtools.cli import Conversation, local_environment, skill_path
from devtools.envelopes import AlexaSession
from devtools.nlu import Nlu
from devtools.stack import (
    DUMMY_CREDENTIALS,
    ENDPOINT_VARIABLE,
    LOCAL_REGION,
    MotoServer,
    create_table,
    put_local_user_key,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

    from settings import Settings

ResponseCheck = Callable[[dict[str, Any]], None]
Handler = Callable[[dict[str, Any], object], dict[str, Any]]

#: Spoken product and the id the ProductType slot resolves it to (what the store keeps).
PRODUCTS: Final = (
    ("camera", "camera"),
    ("video doorbell", "doorbell"),
    ("hard drive", "hard_drive"),
    ("monitor", "monitor"),
)
#: Spoken purchase day and how many days before "today" it is.
PURCHASE_DAYS: Final = (("today", 0), ("yesterday", 1))
POLICY_QUESTIONS: Final = (
    "how do I contact support",
    "what do you do with my data",
    "where is my order",
    "can you send me a replacement first",
    "help",
)


def skill_client(endpoint_url: str) -> DynamoDBClient:
    """The skill's own production DynamoDB client (same botocore Config), aimed at a local endpoint.

    The client is built by `adapters.store`'s builder, so timeouts and retries are
    exactly those Lambda runs with; only the endpoint, region and dummy
    credentials come from here.
    """
    skill_path()
    from adapters.store import build_client

    local = {
        ENDPOINT_VARIABLE: endpoint_url,
        **DUMMY_CREDENTIALS,
        "AWS_DEFAULT_REGION": LOCAL_REGION,
    }
    with mock.patch.dict(os.environ, local):
        return build_client()


class DynamoDbCalls:
    """Counts a client's DynamoDB API calls and HTTP attempts, through botocore's events."""

    def __init__(self, client: DynamoDBClient) -> None:
        """Start counting every call ``client`` makes from now on."""
        self._lock = threading.Lock()
        self.calls = 0
        self.attempts = 0
        client.meta.events.register("before-call.dynamodb", self._call)
        client.meta.events.register("before-send.dynamodb", self._attempt)

    def _call(self, **_: object) -> None:
        with self._lock:
            self.calls += 1

    def _attempt(self, **_: object) -> None:
        with self._lock:
            self.attempts += 1


@dataclass
class Ledger:
    """What the skill told one customer it has stored: region id and (product id, day)."""

    region: str | None = None
    purchase: tuple[str, date] | None = None


@dataclass
class Customer:
    """One simulated customer: their Alexa session, script randomness and ledger."""

    conversation: Conversation
    rng: random.Random
    today: date
    ledger: Ledger = field(default_factory=Ledger)

    @property
    def user_id(self) -> str:
        """The customer's Alexa user id."""
        return self.conversation.session.user_id


class ScriptBroken(Exception):  # noqa: N818 - it ends one scripted session, it is not a failure
    """The skill answered something the script cannot go on from; the error is recorded."""


class Recorder:
    """Thread-safe tallies of one run: latencies, errors and the stop condition."""

    def __init__(self, max_requests: int | None, seconds: float | None) -> None:
        """Stop after ``max_requests`` requests or ``seconds`` seconds, whichever comes first."""
        if max_requests is None and seconds is None:
            raise ValueError("give a request count, a time limit, or both")
        self._lock = threading.Lock()
        self._max_requests = max_requests
        self._deadline = None if seconds is None else time.monotonic() + seconds
        self.latencies: list[float] = []
        self.errors: list[str] = []

    @property
    def done(self) -> bool:
        """Whether the run has served enough requests or used its time."""
        with self._lock:
            served = len(self.latencies)
        if self._max_requests is not None and served >= self._max_requests:
            return True
        return self._deadline is not None and time.monotonic() >= self._deadline

    def served(self, seconds: float) -> None:
        """Note one request the handler answered in ``seconds``."""
        with self._lock:
            self.latencies.append(seconds)

    def error(self, description: str) -> None:
        """Note one error."""
        with self._lock:
            self.errors.append(description)


class Visit:
    """One customer's session with the skill, checking every answer as it comes."""

    def __init__(self, customer: Customer, recorder: Recorder, check: ResponseCheck) -> None:
        """Talk as ``customer``; tally into ``recorder``; check responses with ``check``."""
        self.customer = customer
        self._recorder = recorder
        self._check = check

    def say(self, text: str) -> str:
        """Say ``text`` and return what the skill said, as plain text.

        Raises:
            ScriptBroken: The handler raised, or the response broke an invariant or
                was the catch-all apology (the error is recorded first).
        """
        from speech import en

        try:
            exchange = self.customer.conversation.say(text)
        except Exception as exc:
            self.fail(f"{text!r} raised {type(exc).__name__}")
        try:
            self._check(exchange.response)
        except AssertionError as exc:
            self.fail(f"{text!r} gave an invalid response: {exc}")
        if en.ERROR in exchange.speech:
            self.fail(f"{text!r} was answered with the catch-all apology")
        return exchange.speech

    def expect(self, condition: bool, text: str, speech: str) -> None:
        """Record an error and end the session unless ``condition`` holds."""
        if not condition:
            self.fail(f"after {text!r} the skill said {speech!r}")

    def fail(self, description: str) -> NoReturn:
        """Record ``description`` as an error, close the session and end the script.

        Raises:
            ScriptBroken: Always.
        """
        self._recorder.error(description)
        self.customer.conversation.session.end()
        raise ScriptBroken(description)


def _timed(handler: Handler, recorder: Recorder) -> Handler:
    def handle(event: dict[str, Any], context: object) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            return handler(event, context)
        finally:
            recorder.served(time.perf_counter() - started)

    return handle


def spoken_day(day: date) -> str:
    """How the skill says a date in its answers ("20 November"), as text."""
    return f"{day.day} {day:%B}"


def _remember_or_not(visit: Visit, offer: str, saved: Callable[[], None]) -> None:
    """Answer yes or no to an offer to remember; on a confirmed save, run ``saved``."""
    from speech import en

    if visit.customer.rng.random() < 0.7:
        answer = visit.say("yes")
        visit.expect(en.REMEMBERED in answer, offer, answer)
        saved()
    else:
        answer = visit.say("no")
        visit.expect(en.NOT_SAVING in answer, offer, answer)


def delivery_to_region(visit: Visit) -> None:
    """D4 with a region, then "shall I remember <region>?" answered yes or no."""
    from policy.regions import REGIONS
    from speech import en

    region = REGIONS[visit.customer.rng.choice(sorted(REGIONS))]
    text = f"ask zosi care how long does delivery to {region.name} take"
    speech = visit.say(text)
    offer = en.OFFER_REMEMBER_REGION.format(region=region.name)
    visit.expect(offer in speech, text, speech)

    def saved() -> None:
        visit.customer.ledger.region = region.id

    _remember_or_not(visit, text, saved)


def delivery_multi_turn(visit: Visit) -> None:
    """Open the skill, ask about delivery without a region: the saved one, or name one."""
    from policy.regions import REGIONS, find_region
    from speech import en

    visit.say("open zosi care")
    ledger = visit.customer.ledger
    text = "how long does delivery take"
    speech = visit.say(text)
    saved = find_region(ledger.region) if ledger.region else None
    if saved is not None:
        visit.expect(f"arrive in {saved.name} between" in speech, text, speech)
        visit.say("no")
        return
    visit.expect(en.ASK_REGION in speech, text, speech)
    region = REGIONS[visit.customer.rng.choice(sorted(REGIONS))]
    speech = visit.say(region.name)
    offer = en.OFFER_REMEMBER_REGION.format(region=region.name)
    visit.expect(offer in speech, region.name, speech)

    def remembered() -> None:
        ledger.region = region.id

    _remember_or_not(visit, region.name, remembered)


def return_purchase(visit: Visit) -> None:
    """R1/R2 for a purchase on a given day, the shop asked for, then "shall I remember it?"."""
    from speech import en

    rng = visit.customer.rng
    spoken, product = rng.choice(PRODUCTS)
    when, days_ago = rng.choice(PURCHASE_DAYS)
    text = f"ask zosi care can I return the {spoken} I bought {when}"
    speech = visit.say(text)
    visit.expect(en.ASK_STORE.format(it="it") in speech, text, speech)
    speech = visit.say("the zosi website")
    visit.expect(f"Yes, you can return your {spoken} for a full refund" in speech, text, speech)
    day = visit.customer.today - timedelta(days=days_ago)

    def saved() -> None:
        visit.customer.ledger.purchase = (product, day)

    _remember_or_not(visit, text, saved)


def warranty_question(visit: Visit) -> None:
    """W1 for a product: from the remembered purchase when it is that product, else asked."""
    rng = visit.customer.rng
    spoken, product = rng.choice(PRODUCTS)
    text = f"ask zosi care is my {spoken} still under warranty"
    speech = visit.say(text)
    remembered = visit.customer.ledger.purchase
    if remembered is not None and remembered[0] == product:
        lead = f"For the {spoken} you told me you bought on "
        visit.expect(speech.startswith(lead + spoken_day(remembered[1])), text, speech)
        visit.expect("warranty until" in speech, text, speech)
        visit.say("no")
        return
    visit.expect(f"When did you buy your {spoken}?" in speech, text, speech)
    speech = visit.say("yesterday")
    visit.expect(
        f"Yes, your {spoken} is under the one-year warranty until" in speech, "yesterday", speech
    )
    visit.say("no")


def my_data(visit: Visit) -> None:
    """P4: "what do you know about me" must say exactly what the ledger holds."""
    from policy.regions import find_region
    from speech import en

    text = "ask zosi care what do you know about me"
    speech = visit.say(text)
    ledger = visit.customer.ledger
    if ledger.region is None and ledger.purchase is None:
        visit.expect(en.NOTHING_STORED in speech, text, speech)
    region = find_region(ledger.region) if ledger.region else None
    visit.expect(
        (region is not None and f"your delivery region, {region.name}" in speech)
        or (region is None and "delivery region" not in speech),
        text,
        speech,
    )
    purchase = ledger.purchase
    visit.expect(
        (
            purchase is not None
            and f"{purchase[0].replace('_', ' ')} you bought on {spoken_day(purchase[1])}" in speech
        )
        or (purchase is None and "you bought" not in speech),
        text,
        speech,
    )
    visit.say("no")


def delete_my_data(visit: Visit) -> None:
    """P5: "delete my data", confirmed (everything goes) or declined (nothing changes)."""
    from speech import en

    text = "ask zosi care to delete my data"
    speech = visit.say(text)
    visit.expect(en.CONFIRM_DELETE in speech, text, speech)
    if visit.customer.rng.random() < 0.8:
        speech = visit.say("yes")
        visit.expect(en.DELETED in speech, "yes", speech)
        visit.customer.ledger.region = None
        visit.customer.ledger.purchase = None
    else:
        speech = visit.say("no")
        visit.expect(en.NOTHING_DELETED in speech, "no", speech)


def policy_question(visit: Visit) -> None:
    """A question answered from the policy alone (contact, privacy, tracking, help...)."""
    from speech import en

    text = f"ask zosi care {visit.customer.rng.choice(POLICY_QUESTIONS)}"
    speech = visit.say(text)
    visit.expect(speech.endswith("?"), text, speech)
    speech = visit.say("no")
    visit.expect(en.GOODBYE in speech or en.OKAY in speech, "no", speech)


Script = Callable[[Visit], None]
#: Every script with its weight: remembering and reading back dominate, as they touch the table.
SCRIPTS: Final[tuple[tuple[Script, int], ...]] = (
    (delivery_to_region, 4),
    (delivery_multi_turn, 2),
    (return_purchase, 4),
    (warranty_question, 2),
    (my_data, 3),
    (delete_my_data, 1),
    (policy_question, 2),
)


@dataclass(frozen=True)
class LoadReport:
    """The figures of one run."""

    customers: int
    threads: int
    requests: int
    seconds: float
    latencies: tuple[float, ...]
    errors: tuple[str, ...]
    dynamodb_calls: int
    dynamodb_attempts: int
    items_verified: int
    mismatches: tuple[str, ...]

    def percentile_ms(self, percent: int) -> float:
        """The handler latency below which ``percent`` % of requests fall, in milliseconds."""
        if len(self.latencies) < 2:
            return 1000 * sum(self.latencies)
        return 1000 * statistics.quantiles(self.latencies, n=100, method="inclusive")[percent - 1]

    @property
    def calls_per_request(self) -> float:
        """DynamoDB API calls per request served."""
        return self.dynamodb_calls / self.requests if self.requests else 0.0

    @property
    def ok(self) -> bool:
        """No error, and every stored item matches what its customer was told."""
        return not self.errors and not self.mismatches

    def summary(self) -> str:
        """The figures as a few lines of text, for a terminal or the README."""
        lines = [
            f"customers {self.customers}, threads {self.threads}, {self.seconds:.1f} s",
            f"requests served {self.requests} ({self.requests / self.seconds:.0f}/s), "
            f"errors {len(self.errors)}",
            f"latency p50 {self.percentile_ms(50):.1f} ms, p95 {self.percentile_ms(95):.1f} ms, "
            f"p99 {self.percentile_ms(99):.1f} ms",
            f"DynamoDB calls {self.dynamodb_calls} ({self.calls_per_request:.2f} per request), "
            f"HTTP attempts {self.dynamodb_attempts}",
            f"stored items verified {self.items_verified}, mismatches {len(self.mismatches)}",
        ]
        lines += [f"error: {error}" for error in self.errors[:20]]
        lines += [f"mismatch: {mismatch}" for mismatch in self.mismatches[:20]]
        return "\n".join(lines)


def load_settings(table_name: str) -> Settings:
    """The skill's local configuration, on ``table_name``."""
    skill_path()
    from settings import Settings

    return Settings.from_env(local_environment({"TABLE_NAME": table_name}))


def run_load(
    client: DynamoDBClient,
    settings: Settings,
    *,
    customers: int,
    threads: int,
    check: ResponseCheck,
    max_requests: int | None = None,
    seconds: float | None = None,
    seed: int = 0,
    now: datetime | None = None,
) -> LoadReport:
    """Drive the real handler with simulated customers, then verify every stored item.

    Args:
        client: The DynamoDB client the skill's store uses (its calls are counted).
        settings: The skill's configuration; its table must exist and be empty.
        customers: How many distinct customers (at least ``threads``).
        threads: How many customers talk at the same time.
        check: Raises AssertionError for a response that breaks an invariant.
        max_requests: Stop once this many requests were served.
        seconds: Stop once this much time has passed.
        seed: Seeds every customer's script, so a run can be repeated.
        now: The requests' timestamp; the current time when None.

    Returns:
        The figures; `LoadReport.ok` says whether the run held.

    Raises:
        ValueError: Fewer customers than threads, or no limit given.
    """
    if customers < threads or threads < 1:
        raise ValueError("give at least one thread and at least as many customers as threads")
    skill_path()
    import app
    from adapters.store import DynamoDbUserStore
    from handlers.context import Services

    recorder = Recorder(max_requests, seconds)
    counter = DynamoDbCalls(client)
    store = DynamoDbUserStore(settings.table_name, settings.state_ttl_days, client)
    moment = now or datetime.now(UTC)
    handler = _timed(app.make_handler(Services(settings, store, clock=lambda: moment)), recorder)
    today = moment.astimezone(settings.default_time_zone).date()
    nlu = Nlu.for_locale("en-US", today)
    idle: queue.Queue[Customer] = queue.Queue()
    for index in range(customers):
        session = AlexaSession(
            clock=lambda: moment,
            user_id=f"amzn1.ask.account.LOAD{uuid.uuid4().hex.upper()}",
            device_id=f"amzn1.ask.device.LOAD{index:06d}",
        )
        rng = random.Random(seed * 100003 + index)
        idle.put(Customer(Conversation(handler, session, nlu), rng, today))
    scripts = [script for script, _ in SCRIPTS]
    weights = [weight for _, weight in SCRIPTS]

    def work() -> None:
        while not recorder.done:
            customer = idle.get()
            try:
                script = customer.rng.choices(scripts, weights)[0]
                script(Visit(customer, recorder, check))
            except ScriptBroken:
                pass
            finally:
                idle.put(customer)

    started = time.perf_counter()
    workers = [threading.Thread(target=work, name=f"customer-{n}") for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    calls, attempts = counter.calls, counter.attempts
    everyone = [idle.get_nowait() for _ in range(customers)]
    verified, mismatches = verify_ledgers(everyone, client, settings)
    return LoadReport(
        customers=customers,
        threads=threads,
        requests=len(recorder.latencies),
        seconds=elapsed,
        latencies=tuple(recorder.latencies),
        errors=tuple(recorder.errors),
        dynamodb_calls=calls,
        dynamodb_attempts=attempts,
        items_verified=verified,
        mismatches=tuple(mismatches),
    )


def verify_ledgers(
    customers: Sequence[Customer], client: DynamoDBClient, settings: Settings
) -> tuple[int, list[str]]:
    """Compare every item in the table with the ledger of the customer it belongs to.

    Returns:
        How many items were read and matched, and a description of each mismatch:
        an item nobody owns, a customer whose item is missing, or different content.
    """
    from adapters.store import KEY_ATTRIBUTE, DynamoDbUserStore, user_key

    store = DynamoDbUserStore(settings.table_name, settings.state_ttl_days, client)
    owners = {user_key(c.user_id, settings.user_key_secret): c for c in customers}
    keys: set[str] = set()
    for page in client.get_paginator("scan").paginate(TableName=settings.table_name):
        keys.update(item[KEY_ATTRIBUTE]["S"] for item in page["Items"])
    mismatches = [f"item {key[:12]}... belongs to no customer" for key in keys - set(owners)]
    verified = 0
    for key, customer in owners.items():
        ledger = customer.ledger
        expected_item = ledger.region is not None or ledger.purchase is not None
        if key not in keys:
            if expected_item:
                mismatches.append(f"{customer.user_id}: no item, but the ledger says {ledger}")
            continue
        state = store.load(key)
        purchase = state.purchase
        stored = Ledger(
            state.region,
            None
            if purchase is None or purchase.product is None
            else (purchase.product, purchase.earliest),
        )
        exact_day = purchase is None or purchase.earliest == purchase.latest
        if stored != ledger or not exact_day or state.linked_at is not None:
            mismatches.append(f"{customer.user_id}: stored {state}, the ledger says {ledger}")
        else:
            verified += 1
    return verified, mismatches


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m devtools.load``."""
    args = argparse.ArgumentParser(prog="python -m devtools.load", description=__doc__)
    args.add_argument("--customers", type=int, default=200, help="distinct simulated customers")
    args.add_argument("--threads", type=int, default=8, help="customers talking at once")
    args.add_argument("--seconds", type=float, default=None, help="stop after this long")
    args.add_argument("--requests", type=int, default=None, help="stop after this many requests")
    args.add_argument("--seed", type=int, default=0, help="seed of the customers' scripts")
    return args


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Run a load test on an embedded moto server and print the figures; 1 if it did not hold."""
    from tests.helpers import assert_valid_response

    args = parser().parse_args(argv)
    seconds = args.seconds if args.seconds is not None or args.requests is not None else 60.0
    logging.basicConfig(level=logging.ERROR)
    with MotoServer() as server, mock.patch.dict(os.environ, put_local_user_key(server.url)):
        client = skill_client(server.url)
        table_name = f"zosi-skill-load-{uuid.uuid4().hex[:8]}"
        create_table(client, table_name)
        report = run_load(
            client,
            load_settings(table_name),
            customers=args.customers,
            threads=args.threads,
            check=assert_valid_response,
            max_requests=args.requests,
            seconds=seconds,
            seed=args.seed,
        )
    out.write(report.summary() + "\n")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
