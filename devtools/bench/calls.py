"""DynamoDB and account-API calls per turn, over scripted conversations.

Each conversation is typed utterances, understood by the NLU simulator and sent
as real envelopes (devtools.cli.Conversation). The DynamoDB client the skill uses
reports every operation through botocore's event system; the stored item is
read before and after each turn by a separate client, so a write that changed
nothing (the version and TTL it always bumps aside) is caught.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from devtools.cli import Conversation, LambdaHandler
from devtools.envelopes import AlexaSession
from devtools.nlu import Nlu

if TYPE_CHECKING:
    from datetime import datetime

    from botocore.model import OperationModel
    from mypy_boto3_dynamodb import DynamoDBClient

READS: Final = frozenset({"GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems"})
WRITES: Final = frozenset(
    {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
)


@dataclass(frozen=True)
class Script:
    """A conversation to replay: one customer's utterances, in order.

    Attributes:
        name: How the report names it.
        utterances: What the customer says; "ask zosi care ..." starts a one-shot session.
        linked: Whether the customer linked their ZOSI account (answers then come from it).
    """

    name: str
    utterances: tuple[str, ...]
    linked: bool = False


#: The conversations measured: each is one new customer (nothing stored at the start).
SCRIPTS: Final = (
    Script(
        "refund, remember, warranty from memory",
        (
            "open zosi care",
            "can I return the camera I bought on november 5th from the zosi website",
            "yes",
            "yes",
            "is my camera still under warranty",
            "no",
            "ask zosi care is my camera still under warranty",
            "no",
        ),
    ),
    Script(
        "the same purchase remembered twice",
        (
            "ask zosi care is my nvr I bought on december 1st 2025 still under warranty",
            "yes",
            "no",
            "ask zosi care is my nvr I bought on december 1st 2025 still under warranty",
            "yes",
            "no",
        ),
    ),
    Script(
        "what is stored, delete it",
        (
            "open zosi care",
            "what do you know about me",
            "delete my data",
            "yes",
            "what do you know about me",
            "stop",
        ),
    ),
    Script(
        "delivery and help",
        (
            "ask zosi care how long does shipping to kazan take",
            "open zosi care",
            "help",
            "how long does delivery take",
            "stop",
        ),
    ),
    Script(
        "linked: orders, warranty and claims",
        (
            "ask zosi care where is my order",
            "open zosi care",
            "is my camera still under warranty",
            "what's the status of my claim",
            "stop",
        ),
        linked=True,
    ),
)


class OperationLog:
    """The DynamoDB operations a boto3 client makes, recorded as they start."""

    def __init__(self, client: DynamoDBClient) -> None:
        """Start recording ``client``'s calls."""
        self.operations: list[str] = []
        client.meta.events.register("before-call.dynamodb.*", self._record)

    def _record(self, model: OperationModel, **_: object) -> None:
        self.operations.append(model.name)


#: Pending questions whose "yes" asks the skill to store or delete something.
CHANGE_QUESTIONS = frozenset(
    {"remember_purchase", "remember_region", "delete_data", "withdraw_consent"}
)


@dataclass(frozen=True)
class TurnCalls:
    """The calls one turn made.

    Attributes:
        utterance: What the customer said.
        request: The intent name or request type the skill received.
        session: The Alexa session id ("" for an out-of-session request).
        reads: DynamoDB reads.
        writes: DynamoDB writes (updates and deletes included).
        account_calls: Requests to the account service.
        changed: Whether the stored item differs after the turn.
        requested: Whether the customer asked for a change this turn: a yes to "shall I
            remember ...?" or "shall I delete ...?".
        speech: What the skill said.
    """

    utterance: str
    request: str
    session: str
    reads: int
    writes: int
    account_calls: int
    changed: bool
    requested: bool
    speech: str

    @property
    def needless_write(self) -> bool:
        """A write on a turn that neither changed anything stored nor was asked to.

        A save or delete the customer confirms is always written, even when it turns
        out to match what is stored: the skill does not compare with its session copy
        of the state, which may be older than another device's write (see
        tests/reliability/test_concurrency.py), nor read again first (one store call
        per turn keeps the worst case inside Alexa's 8 s). What this budget forbids is
        the skill writing on its own, on a turn that changes nothing.
        """
        return self.writes > 0 and not self.changed and not self.requested


#: Requests that read the table every time by rule (P4), outside the one-read budget.
READ_BY_RULE: Final = frozenset({"MyDataIntent"})


@dataclass(frozen=True)
class ConversationCalls:
    """The calls of every turn of one conversation."""

    name: str
    turns: tuple[TurnCalls, ...]

    @property
    def reads_per_session(self) -> dict[str, int]:
        """DynamoDB reads the skill chose to make in each Alexa session of the conversation.

        "What do you know about me" is left out: P4 answers it from the table itself,
        never from the session's copy (issue 11), so each such request reads once, by rule.
        """
        totals: Counter[str] = Counter()
        for turn in self.turns:
            if turn.request not in READ_BY_RULE:
                totals[turn.session] += turn.reads
        return dict(totals)

    @property
    def most_reads_in_a_session(self) -> int:
        """The most DynamoDB reads any one session made."""
        return max(self.reads_per_session.values(), default=0)

    @property
    def needless_writes(self) -> int:
        """How many turns wrote although nothing stored changed."""
        return sum(turn.needless_write for turn in self.turns)


def _offered(attributes: dict[str, object]) -> str | None:
    """The offer the skill's last response left open (the case's yes/no question), if any."""
    case = attributes.get("case")
    question = case.get("q") if isinstance(case, dict) else None
    if isinstance(question, list) and len(question) >= 2 and question[0] == "offer":
        return str(question[1])
    return None


def replay(
    script: Script,
    conversation: Conversation,
    log: OperationLog,
    stored: Callable[[], object],
    account_calls: Callable[[], int],
) -> ConversationCalls:
    """Say the script's utterances in ``conversation`` and count each turn's calls.

    Args:
        script: The utterances.
        conversation: The customer talking to the skill.
        log: Records the DynamoDB client's operations.
        stored: What is stored for the customer now, compared before and after a turn.
        account_calls: How many requests the account service has answered so far.
    """
    turns = []
    for utterance in script.utterances:
        before_ops, before_item, before_account = len(log.operations), stored(), account_calls()
        offered = _offered(conversation.session.attributes)
        exchange = conversation.say(utterance)
        operations = log.operations[before_ops:]
        request = exchange.request["request"]
        turns.append(
            TurnCalls(
                utterance=utterance,
                request=str((request.get("intent") or {}).get("name") or request["type"]),
                session=str((exchange.request.get("session") or {}).get("sessionId") or ""),
                reads=sum(operation in READS for operation in operations),
                writes=sum(operation in WRITES for operation in operations),
                account_calls=account_calls() - before_account,
                changed=stored() != before_item,
                requested=str((request.get("intent") or {}).get("name")) == "AMAZON.YesIntent"
                and offered in CHANGE_QUESTIONS,
                speech=exchange.speech,
            )
        )
    return ConversationCalls(script.name, tuple(turns))


def replay_all(
    scripts: Sequence[Script],
    handler: LambdaHandler,
    *,
    nlu: Nlu,
    clock: Callable[[], datetime],
    log: OperationLog,
    stored_for: Callable[[str], object],
    account_calls: Callable[[], int],
    access_token: str | None = None,
) -> list[ConversationCalls]:
    """Replay each script as a new customer (their own Alexa user id).

    Args:
        scripts: The conversations.
        handler: The skill's Lambda handler.
        nlu: Understands the utterances.
        clock: The Alexa service's clock (request timestamps).
        log: Records the DynamoDB operations of the handler's client.
        stored_for: What is stored for an Alexa user id, read without being counted.
        account_calls: How many requests the account service has answered so far.
        access_token: The account-linking token of the scripts' linked customers; without
            one, every customer is unlinked.
    """
    results = []
    for number, script in enumerate(scripts, start=1):
        session = AlexaSession(
            clock=clock,
            user_id=f"amzn1.ask.account.BENCH{number:03d}",
            access_token=access_token if script.linked else None,
        )
        results.append(
            replay(
                script,
                Conversation(handler, session, nlu),
                log,
                functools.partial(stored_for, session.user_id),
                account_calls,
            )
        )
    return results
