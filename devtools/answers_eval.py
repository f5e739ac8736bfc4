"""What customers hear: `make answers-eval`, the answer-level evaluation.

Every entry of the answer corpus (`tests/answers/README.md`) runs end to end the way `devtools
say` runs a conversation: each turn goes through the local NLU (`devtools.nlu`) into an Alexa
request envelope for the real Lambda handler on the embedded local stack (moto's DynamoDB and
the local account service), on an Echo Dot (no screen), as a customer the skill has never met
(a new Alexa user id per entry), linked to a demo customer's ZOSI account when the entry says so.
The spoken answer of each checked turn is normalised (`normalise`) and checked for what the
entry lists: concepts (`CONCEPTS`), dates (`until:YYYY-MM-DD`) and patterns (`re:...`). A failed
entry gets one failure kind (`FAILURE_KINDS`), decided by its first failing turn.

The figures are printed and written as JSON to `bench-results/answers-latest.json`
(`answers-strict.json` with `--strict`, where only exact sample matches are understood).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from devtools.answer_checks import (
    CONCEPTS,
    Heard,
    concept_heard,
    hear,
    item_heard,
    item_problem,
    normalise,
)
from devtools.demo_customers import DEMO_CUSTOMERS
from devtools.spoken import ONE_BREATH_WORDS, spoken_words

if TYPE_CHECKING:
    from devtools.account_server import LocalAccountService
    from devtools.cli import Conversation, Exchange, LambdaHandler
    from devtools.nlu import Nlu

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
ANSWERS: Final = REPO_ROOT / "tests" / "answers"
#: The corpus files run by default, those of them that exist.
CORPORA: Final = (ANSWERS / "tuning.en-US.json", ANSWERS / "blind.en-US.json")
RESULTS: Final = REPO_ROOT / "bench-results" / "answers-latest.json"
STRICT_RESULTS: Final = REPO_ROOT / "bench-results" / "answers-strict.json"
LOCALE: Final = "en-US"
#: The customer's date when an entry names none (a Friday).
DEFAULT_TODAY: Final = date(2026, 11, 20)
#: The prefix of every id in a corpus file, by the file's first name part.
ID_PREFIXES: Final = {"tuning": "t-", "blind": "b-"}
CUSTOMER_KINDS: Final = frozenset(
    {
        "plain", "hurried", "rambling", "second_language", "self_correcting", "two_questions",
        "gift", "other_shop", "abroad", "linked", "elderly", "statement", "unsure",
        "out_of_domain",
    }
)  # fmt: skip
OUT_OF_DOMAIN: Final = "OOD"
RULE_IDS: Final = frozenset(
    [
        *(f"D{n}" for n in range(1, 6)),
        *(f"R{n}" for n in range(1, 7)),
        *(f"W{n}" for n in range(1, 10)),
        *(f"X{n}" for n in range(1, 5)),
        "C1",
        *(f"P{n}" for n in range(1, 10)),
        OUT_OF_DOMAIN,
    ]
)
ENTRY_FIELDS: Final = frozenset({"id", "rules", "customer", "today", "linked", "turns"})
TURN_FIELDS: Final = frozenset({"say", "must", "must_not", "ends"})
#: One kind per failed entry; when a turn fails in several ways, the first that applies here.
#: ``error`` is decided before the others: an answer that never came cannot be read for them.
FAILURE_KINDS: Final = (
    "error",
    "out_of_domain_answered",
    "wrong_promise",
    "loop",
    "counter_question",
    "lost_aspect",
    "wrong_answer",
    "session",
)
#: The same question asked this often in one entry, or one answer said this many turns in a
#: row, is a loop.
LOOP_REPEATS: Final = 3
_SHOWN_FAILURES: Final = 10


# --- the corpus --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """What the customer says, and what the answer must, must not and should do."""

    say: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    ends: bool | None = None

    @property
    def checked(self) -> bool:
        """Whether anything is expected of this turn's answer."""
        return bool(self.must or self.must_not) or self.ends is not None


@dataclass(frozen=True)
class Entry:
    """One conversation of the corpus."""

    id: str
    rules: tuple[str, ...]
    customer: str
    today: date
    linked: str | None
    turns: tuple[Turn, ...]
    corpus: str

    @property
    def out_of_domain(self) -> bool:
        """A request that is not ZOSI customer care (rules ``["OOD"]``)."""
        return OUT_OF_DOMAIN in self.rules


class CorpusError(ValueError):
    """A corpus file that does not have the shape tests/answers/README.md describes."""


def corpus_name(path: Path) -> str:
    """The corpus a file holds, by its first name part: ``tuning``, ``blind``."""
    return path.name.split(".")[0]


def _entry_problems(entry: object, where: str, prefix: str | None) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: not an object"]
    problems = [f"{where}: unknown field {name!r}" for name in sorted(set(entry) - ENTRY_FIELDS)]
    problems += [
        f"{where}: no {name!r}"
        for name in ("id", "rules", "customer", "turns")
        if name not in entry
    ]
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident.startswith(prefix or ""):
        problems.append(f"{where}: the id must be a string starting {prefix!r}")
    rules = entry.get("rules")
    if not isinstance(rules, list) or not rules or not set(rules) <= RULE_IDS:
        problems.append(f"{where}: rules must be a non-empty list of {sorted(RULE_IDS)}")
    if entry.get("customer") not in CUSTOMER_KINDS:
        problems.append(f"{where}: unknown customer kind {entry.get('customer')!r}")
    today = entry.get("today", DEFAULT_TODAY.isoformat())
    try:
        date.fromisoformat(str(today))
    except ValueError:
        problems.append(f"{where}: today {today!r} is not an ISO date")
    linked = entry.get("linked")
    if linked is not None and linked not in {c.name for c in DEMO_CUSTOMERS}:
        problems.append(f"{where}: linked {linked!r} is no demo customer")
    turns = entry.get("turns")
    if not isinstance(turns, list) or not turns:
        problems.append(f"{where}: turns must be a non-empty list")
        return problems
    for n, turn in enumerate(turns, start=1):
        problems += _turn_problems(turn, f"{where} turn {n}")
    return problems


def _turn_problems(turn: object, where: str) -> list[str]:
    if not isinstance(turn, dict):
        return [f"{where}: not an object"]
    problems = [f"{where}: unknown field {name!r}" for name in sorted(set(turn) - TURN_FIELDS)]
    if not isinstance(turn.get("say"), str) or not turn["say"].strip():
        problems.append(f"{where}: say must be a non-empty string")
    for name in ("must", "must_not"):
        items = turn.get(name, [])
        if not isinstance(items, list):
            problems.append(f"{where}: {name} must be a list")
            continue
        problems += [f"{where}: {name} {p}" for p in map(item_problem, items) if p is not None]
    if turn.get("ends") is not None and not isinstance(turn["ends"], bool):
        problems.append(f"{where}: ends must be true, false or absent")
    return problems


def corpus_problems(document: object, corpus: str) -> list[str]:
    """Everything in a corpus document that breaks tests/answers/README.md's format.

    Args:
        document: The parsed JSON.
        corpus: Its name (`corpus_name`): ids of ``tuning`` start ``t-``, of ``blind`` ``b-``.

    Returns:
        One line per problem; empty when the document has the README's shape.
    """
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return ['the file must be an object with an "entries" list']
    prefix = ID_PREFIXES.get(corpus)
    problems: list[str] = []
    ids = Counter(e.get("id") for e in document["entries"] if isinstance(e, dict))
    problems += [f"id {ident!r} is used {n} times" for ident, n in ids.items() if n > 1]
    for n, entry in enumerate(document["entries"], start=1):
        ident = entry.get("id") if isinstance(entry, dict) else None
        problems += _entry_problems(entry, f"entry {n} ({ident})", prefix)
    return problems


def _turn(turn: Mapping[str, Any]) -> Turn:
    return Turn(
        turn["say"], tuple(turn.get("must", ())), tuple(turn.get("must_not", ())), turn.get("ends")
    )


def load_corpus(path: Path) -> list[Entry]:
    """Read one corpus file.

    Raises:
        CorpusError: The file breaks the README's format; the message lists every problem.
    """
    document = json.loads(path.read_text(encoding="utf-8"))
    corpus = corpus_name(path)
    problems = corpus_problems(document, corpus)
    if problems:
        raise CorpusError(f"{path}:\n  " + "\n  ".join(problems))
    return [
        Entry(
            entry["id"],
            tuple(entry["rules"]),
            entry["customer"],
            date.fromisoformat(entry.get("today") or DEFAULT_TODAY.isoformat()),
            entry.get("linked"),
            tuple(_turn(turn) for turn in entry["turns"]),
            corpus,
        )
        for entry in document["entries"]
    ]


def present_corpora() -> list[Path]:
    """The default corpus files that exist."""
    return [path for path in CORPORA if path.is_file()]


# --- running the entries -------------------------------------------------------------------------


@dataclass(frozen=True)
class TurnResult:
    """One turn as it went.

    Attributes:
        turn: What the corpus says of it.
        understood: How the NLU understood it (`devtools.cli.Exchange.label`).
        heard: The answer.
        words: Spoken words of the answer (`devtools.spoken.spoken_words`).
        error: Why there was no answer to check (the handler raised, said nothing, or
            apologised for a failure), or None.
    """

    turn: Turn
    understood: str
    heard: Heard
    words: int
    error: str | None = None

    @property
    def missing(self) -> tuple[str, ...]:
        """The must items the answer does not say."""
        return tuple(item for item in self.turn.must if not item_heard(item, self.heard))

    @property
    def unwanted(self) -> tuple[str, ...]:
        """The must_not items the answer says."""
        return tuple(item for item in self.turn.must_not if item_heard(item, self.heard))

    @property
    def ends_wrong(self) -> bool:
        """Whether the session ended, or stayed open, against the turn's ``ends``."""
        return self.turn.ends is not None and self.turn.ends != self.heard.ended

    @property
    def failed(self) -> bool:
        """Whether anything expected of the answer is wrong (or there was no answer)."""
        return self.error is not None or bool(self.missing or self.unwanted or self.ends_wrong)


@dataclass(frozen=True)
class Failure:
    """Why an entry failed: its kind, the turn (from 1) that decided it, the check that failed."""

    kind: str
    turn: int
    check: str


@dataclass(frozen=True)
class EntryResult:
    """One entry as it went."""

    entry: Entry
    turns: tuple[TurnResult, ...]
    failure: Failure | None

    @property
    def right(self) -> bool:
        """Whether every checked turn's answer was as expected."""
        return self.failure is None


@cache
def _apology() -> str:
    """What the handler says when a request failed inside it (``speech.en.ERROR``)."""
    from devtools.cli import skill_path

    skill_path()
    from speech import en

    return en.ERROR


def _exchange(conversation: Conversation, said: str) -> tuple[Exchange | None, str | None]:
    """Say one turn; the exchange, or None and why the handler gave no answer."""
    try:
        exchange: Exchange = conversation.say(said)
    except Exception as exc:  # a handler that raises is a finding, not the end of the run
        conversation.session.end()
        return None, f"the handler raised {type(exc).__name__}: {exc}"
    if not exchange.speech:
        return exchange, "no speech"
    if exchange.speech == _apology():
        return exchange, "the handler apologised for a failure"
    return exchange, None


def run_entry(
    entry: Entry, handler: LambdaHandler, nlu: Nlu, accounts: LocalAccountService
) -> EntryResult:
    """Play one entry as a new customer on an Echo Dot, and judge it.

    Args:
        entry: The conversation.
        handler: The Lambda handler on the running local stack, its clock on the entry's day.
        nlu: The local NLU for the entry's date.
        accounts: The running local account service; started over for the entry.

    Returns:
        Every turn's answer and, when it failed, why.
    """
    from devtools.cli import NO_SCREEN, Conversation, alexa_session

    accounts.reset(entry.today)
    session = alexa_session(
        accounts,
        entry.today,
        linked=entry.linked,
        device=NO_SCREEN,
        locale=LOCALE,
        user_id=f"amzn1.ask.account.ANSWERS{uuid.uuid4().hex.upper()}",
    )
    conversation = Conversation(handler, session, nlu)
    turns: list[TurnResult] = []
    for turn in entry.turns:
        exchange, error = _exchange(conversation, turn.say)
        if exchange is None:
            turns.append(TurnResult(turn, "(no response)", hear("", ended=True), 0, error))
            continue
        speech = (exchange.response.get("response") or {}).get("outputSpeech") or {}
        heard = hear(exchange.speech, ended=exchange.ended)
        words = spoken_words(speech.get("ssml") or speech.get("text") or "")
        turns.append(TurnResult(turn, exchange.label, heard, words, error))
    return EntryResult(entry, tuple(turns), judge(entry, turns))


def run(entries: Sequence[Entry], *, strict: bool = False, seed: int = 0) -> list[EntryResult]:
    """Play every entry on one embedded local stack and one NLU, dated for each entry."""
    from devtools.cli import LocalClock, build_handler, embedded_stack
    from devtools.nlu import Nlu

    nlu = Nlu.for_locale(LOCALE, DEFAULT_TODAY, strict=strict, seed=seed)
    clock = LocalClock(DEFAULT_TODAY)
    results = []
    with embedded_stack(DEFAULT_TODAY) as accounts:
        handler = build_handler(clock)
        for entry in entries:
            clock.today = entry.today
            results.append(run_entry(entry, handler, nlu.dated(entry.today), accounts))
    return results


# --- judging an entry ------------------------------------------------------------------------

_FILLERS: Final = frozenset(
    {"so", "um", "uh", "er", "erm", "hmm", "well", "ok", "okay", "oh", "hey", "hi", "hello",
     "alexa", "and", "also", "please", "yeah", "like", "ah", "right", "actually", "then"}
)  # fmt: skip
_ASKING_START: Final = frozenset(
    {"can", "could", "may", "might", "is", "are", "am", "was", "were", "do", "does", "did",
     "will", "would", "should", "shall", "have", "has", "how", "what", "what's", "whats", "when",
     "where", "where's", "which", "who", "whom", "whose", "why", "whether", "tell", "explain",
     "check", "give", "help", "let", "show", "find"}
)  # fmt: skip
_ASKING: Final = re.compile(
    r"\b(?:how|what|what's|when|where|which|why|whether|who)\b|\b(?:can|could|may|do|does|will|"
    r"would|should|shall|is|are|am) (?:i|you|we|they|it|my|zosi|there|the|this|that|these|"
    r"those|a|an)\b|\b(?:tell me|want to know|wondering|need to know|like to know|i want to|i'd "
    r"like to|i would like to|i need to|i need|i want)\b"
)


def asks_something(said: str) -> bool:
    """Whether the customer asked a question or for something (not only gave a fact or yes/no).

    A heuristic over speech transcripts, which carry no question marks: an interrogative
    opening (after fillers like "so um"), a question word, an inverted auxiliary ("can I",
    "is my"), or a request ("tell me", "I want to").
    """
    words = normalise(said).split()
    start = next((w for w in words if w not in _FILLERS), "")
    return start in _ASKING_START or _ASKING.search(" ".join(words)) is not None


def looped(turns: Sequence[TurnResult]) -> bool:
    """Whether the skill asked one question a third time, or said one answer 3 turns running."""
    asked: Counter[str] = Counter()
    for result in turns:
        asked.update(set(result.heard.questions))
    if any(n >= LOOP_REPEATS for n in asked.values()):
        return True
    run_length = 1
    for before, after in pairwise(r.heard.normalised for r in turns):
        run_length = run_length + 1 if after and after == before else 1
        if run_length >= LOOP_REPEATS:
            return True
    return False


def _check(result: TurnResult) -> str:
    """The checks a failed turn failed, in words."""
    if result.error is not None:
        return result.error
    parts = []
    if result.unwanted:
        parts.append("heard must_not " + ", ".join(result.unwanted))
    if result.missing:
        parts.append("missing " + ", ".join(result.missing))
    if result.ends_wrong:
        expected = "end" if result.turn.ends else "stay open"
        parts.append(f"the session should {expected}")
    return "; ".join(parts)


def failure_kind(entry: Entry, turns: Sequence[TurnResult]) -> str:
    """The kind of failure of the last turn in ``turns`` (which failed): the first that applies.

    The order is `FAILURE_KINDS`; an answer that fails only its ``ends`` is ``session``. A
    counter question asks back instead of answering what the customer asked; an answer that
    says the skill can't help (and then asks what else) is a wrong answer, not one.
    """
    result = turns[-1]
    missing = result.missing
    heard_some = len(missing) < len(result.turn.must)
    counter_question = (
        not heard_some
        and result.heard.text.rstrip().endswith("?")
        and asks_something(result.turn.say)
        and not concept_heard(CONCEPTS["fallback"], result.heard)
    )
    kinds = (
        ("error", result.error is not None),
        (
            "out_of_domain_answered",
            entry.out_of_domain and not concept_heard(CONCEPTS["fallback"], result.heard),
        ),
        ("wrong_promise", bool(result.unwanted)),
        ("loop", looped(turns)),
        ("counter_question", bool(missing) and counter_question),
        ("lost_aspect", bool(missing) and heard_some),
        ("wrong_answer", bool(missing)),
    )
    return next((kind for kind, applies in kinds if applies), "session")


def judge(entry: Entry, turns: Sequence[TurnResult]) -> Failure | None:
    """Why the entry failed, decided by its first failing turn, or None when it was right.

    A turn fails when a check given for it fails, or when there was no answer at all (checked
    or not: what follows a failure inside the handler is not the conversation the entry meant).
    """
    for n, result in enumerate(turns, start=1):
        if result.error is not None or (result.turn.checked and result.failed):
            return Failure(failure_kind(entry, turns[:n]), n, _check(result))
    return None


# --- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How many entries of a group were answered right."""

    right: int
    entries: int

    @property
    def share(self) -> float:
        """Right entries over all of them (1.0 for none)."""
        return self.right / self.entries if self.entries else 1.0

    def as_json(self) -> dict[str, Any]:
        return {"right": self.right, "entries": self.entries, "share": round(self.share, 4)}


def _tally(
    results: Iterable[EntryResult], key: Callable[[EntryResult], Iterable[str]]
) -> dict[str, Tally]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for result in results:
        for group in key(result):
            total[group] += 1
            right[group] += result.right
    return {group: Tally(right[group], total[group]) for group in sorted(total)}


@dataclass(frozen=True)
class Report:
    """The figures of one run."""

    results: tuple[EntryResult, ...]
    strict: bool
    seconds: float

    @property
    def overall(self) -> Tally:
        return Tally(sum(r.right for r in self.results), len(self.results))

    @property
    def by_corpus(self) -> dict[str, Tally]:
        return _tally(self.results, lambda r: [r.entry.corpus])

    @property
    def by_rule(self) -> dict[str, Tally]:
        return _tally(self.results, lambda r: r.entry.rules)

    @property
    def by_customer(self) -> dict[str, Tally]:
        return _tally(self.results, lambda r: [r.entry.customer])

    @property
    def by_failure(self) -> dict[str, int]:
        counts = Counter(r.failure.kind for r in self.results if r.failure is not None)
        return {kind: counts[kind] for kind in FAILURE_KINDS if counts[kind]}

    @property
    def spoken_turns(self) -> list[tuple[EntryResult, int, TurnResult]]:
        """Every turn that got an answer: (entry, turn number, turn)."""
        return [
            (result, n, turn)
            for result in self.results
            for n, turn in enumerate(result.turns, start=1)
            if turn.words
        ]

    @property
    def long_turns(self) -> int:
        """Answers of more than one breath (`devtools.spoken.ONE_BREATH_WORDS`)."""
        return sum(turn.words > ONE_BREATH_WORDS for _, _, turn in self.spoken_turns)

    @property
    def failures(self) -> list[EntryResult]:
        return [r for r in self.results if r.failure is not None]

    def as_json(self) -> dict[str, Any]:
        """The figures as JSON, every failure included."""
        spoken = self.spoken_turns
        longest = max(spoken, key=lambda s: s[2].words, default=None)
        return {
            "strict": self.strict,
            "seconds": round(self.seconds, 1),
            "overall": self.overall.as_json(),
            "by_corpus": {k: v.as_json() for k, v in self.by_corpus.items()},
            "by_rule": {k: v.as_json() for k, v in self.by_rule.items()},
            "by_customer": {k: v.as_json() for k, v in self.by_customer.items()},
            "by_failure": self.by_failure,
            "turns": {
                "spoken": len(spoken),
                "over_one_breath": self.long_turns,
                "one_breath_words": ONE_BREATH_WORDS,
                "share_over": round(self.long_turns / len(spoken), 4) if spoken else 0.0,
                "longest": None if longest is None else _turn_json(*longest),
            },
            "failures": [_failure_json(r) for r in self.failures],
        }


def _turn_json(result: EntryResult, n: int, turn: TurnResult) -> dict[str, Any]:
    return {
        "id": result.entry.id,
        "turn": n,
        "said": turn.turn.say,
        "understood": turn.understood,
        "heard": turn.heard.text,
        "words": turn.words,
    }


def _failure_json(result: EntryResult) -> dict[str, Any]:
    failure = result.failure
    assert failure is not None
    turn = result.turns[failure.turn - 1]
    return {**_turn_json(result, failure.turn, turn), "kind": failure.kind, "check": failure.check}


def evaluate(entries: Sequence[Entry], *, strict: bool = False, seed: int = 0) -> Report:
    """Run the entries and gather the figures (what `make answers-eval` prints)."""
    started = time.perf_counter()
    results = run(entries, strict=strict, seed=seed)
    return Report(tuple(results), strict, time.perf_counter() - started)


def _rows(out: TextIO, title: str, tallies: Mapping[str, Tally]) -> None:
    out.write(f"\n{title}\n")
    for name, tally in tallies.items():
        out.write(f"  {name:<30}{tally.right:>7}{tally.entries:>9}{tally.share:>9.1%}\n")


def print_report(report: Report, out: TextIO, *, show: int = _SHOWN_FAILURES) -> None:
    """The figures as tables, then the first ``show`` failures."""
    mode = " (exact sample matching only)" if report.strict else ""
    out.write(
        f"Answers heard on {report.overall.entries} entries{mode} in {report.seconds:.1f} s\n"
    )
    out.write(f"\n  {'':<30}{'right':>7}{'entries':>9}{'share':>9}\n")
    _rows(out, "overall", {"all entries": report.overall})
    _rows(out, "by corpus", report.by_corpus)
    _rows(out, "by rule", report.by_rule)
    _rows(out, "by customer", report.by_customer)
    out.write("\nfailures by kind\n")
    for kind, count in report.by_failure.items():
        out.write(f"  {kind:<30}{count:>7}\n")
    spoken = report.spoken_turns
    longest = max(spoken, key=lambda s: s[2].words, default=None)
    share = report.long_turns / len(spoken) if spoken else 0.0
    out.write(
        f"\nspoken turns over {ONE_BREATH_WORDS} words: {report.long_turns} of {len(spoken)} "
        f"({share:.1%})"
    )
    if longest is not None:
        result, n, turn = longest
        out.write(f"; the longest: {turn.words} words ({result.entry.id} turn {n})")
    out.write("\n")
    failures = report.failures[:show]
    if failures:
        out.write(f"\nthe first {len(failures)} of {len(report.failures)} failures\n")
    for result in failures:
        failure = result.failure
        assert failure is not None
        turn = result.turns[failure.turn - 1]
        out.write(
            f"\n{result.entry.id} [{failure.kind}] turn {failure.turn}: {turn.turn.say}\n"
            f"  understood: {turn.understood}\n"
            f"  heard: {turn.heard.text or '(nothing)'}\n"
            f"  failed: {failure.check}\n"
        )


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Run the answer corpus, print the figures and write them as JSON; 2 for a bad corpus."""
    parser = argparse.ArgumentParser(prog="python -m devtools.answers_eval", description=__doc__)
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="a corpus file (repeatable); default: the tuning and blind files that exist",
    )
    parser.add_argument(
        "--strict", action="store_true", help="understand exact sample matches only"
    )
    parser.add_argument(
        "--output",
        type=Path,
        help=f"where the JSON figures go (default {RESULTS.relative_to(REPO_ROOT)}, "
        f"or {STRICT_RESULTS.relative_to(REPO_ROOT)} with --strict)",
    )
    parser.add_argument(
        "--show", type=int, default=_SHOWN_FAILURES, help="how many failures to list"
    )
    parser.add_argument("--only", metavar="PREFIX", help="only the entries whose id starts so")
    parser.add_argument(
        "--seed",
        type=int,
        default=0,
        help="seed of the local NLU's training words (0, the figures the README shows); "
        "compare a change over a few seeds",
    )
    options = parser.parse_args(argv)
    paths = options.corpus or present_corpora()
    if not paths:
        out.write(f"no answer corpus: none of {', '.join(map(str, CORPORA))} exists\n")
        return 2
    try:
        entries = [entry for path in paths for entry in load_corpus(path)]
    except CorpusError as exc:
        out.write(f"{exc}\n")
        return 2
    if options.only:
        entries = [entry for entry in entries if entry.id.startswith(options.only)]
    report = evaluate(entries, strict=options.strict, seed=options.seed)
    print_report(report, out, show=options.show)
    output = options.output or (STRICT_RESULTS if options.strict else RESULTS)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
    out.write(f"\nwritten to {output}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
