"""Cold start: each variant answers its requests in a fresh interpreter (see probe.py).

Children run the benchmark's own interpreter with its default flags and a
Lambda-like minimal environment: no ``PYTHONDONTWRITEBYTECODE`` (so the .pyc caches
are warm, as in a deployment package built once), no ``PYTHONPATH``, dummy AWS
credentials and the DynamoDB endpoint the parent started. Variants run in
rounds, one cold start each, in an order that rotates from round to round, after
one untimed warm-up each, so a drift in the machine's speed touches them all
alike and ratios can be taken round by round.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

from devtools.stack import (
    DUMMY_CREDENTIALS,
    ENDPOINT_VARIABLE,
    LOCAL_REGION,
    SECRETS_ENDPOINT_VARIABLE,
)

PROBE: Final = Path(__file__).resolve().with_name("probe.py")
BASELINES: Final = Path(__file__).resolve().with_name("baselines")
_PASSED_THROUGH: Final = ("PATH", "LANG", "LC_ALL", "TZ")
_CHILD_TIMEOUT_S: Final = 120

T = TypeVar("T")


def child_environment(endpoint: str, variables: Mapping[str, str]) -> dict[str, str]:
    """A Lambda-like environment: the DynamoDB endpoint, dummy AWS settings, ``variables``.

    Nothing else of the developer's environment reaches the child: no AWS profile
    or shared config, no Python path or bytecode settings.
    """
    inherited = {name: os.environ[name] for name in _PASSED_THROUGH if name in os.environ}
    return {
        **inherited,
        **DUMMY_CREDENTIALS,
        "AWS_DEFAULT_REGION": LOCAL_REGION,
        "AWS_REGION": LOCAL_REGION,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        ENDPOINT_VARIABLE: endpoint,
        SECRETS_ENDPOINT_VARIABLE: endpoint,
        **variables,
    }


@dataclass(frozen=True)
class Variant:
    """A skill to cold-start: its handler module, the requests it answers, its environment.

    Attributes:
        name: How the report names it.
        code_root: The folder Lambda would use as the code root.
        module: The handler module (it must define ``lambda_handler``).
        events: The request envelopes, answered in order by one process.
        labels: One label per event, naming the answer ("launch", "policy", ...).
        env: The child's complete environment.
        python: The interpreter the child runs (the benchmark's own by default).
        flags: Its command-line options (``-S``: no site-packages, only the code root).
        restored: Emulate a SnapStart restore: import and ``before_snapshot`` run before the
            clock starts (see probe.py).
    """

    name: str
    code_root: Path
    module: str
    events: tuple[dict[str, Any], ...]
    labels: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)
    python: str = sys.executable
    flags: tuple[str, ...] = ()
    restored: bool = False

    def __post_init__(self) -> None:
        if len(self.events) != len(self.labels):
            raise ValueError("every event needs a label")


@dataclass(frozen=True)
class ProbeResult:
    """What one cold process reported.

    Attributes:
        import_s: Seconds to import the handler module.
        answers_s: Cumulative seconds from before the import to each answer.
        ssml: Each answer's speech, to check the variant answered what it should.
        maxrss_kib: The process's peak resident set size, KiB.
    """

    import_s: float
    answers_s: tuple[float, ...]
    ssml: tuple[str, ...]
    maxrss_kib: int


class ProbeError(RuntimeError):
    """A cold-start child exited with an error or printed no report."""


@contextmanager
def _events_file(variant: Variant) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="zosi-bench-") as folder:
        path = Path(folder) / "events.json"
        path.write_text(json.dumps(list(variant.events)), encoding="utf-8")
        yield path


def _run_child(
    variant: Variant, events: Path, flags: Sequence[str] = ()
) -> subprocess.CompletedProcess[str]:
    command = [variant.python, *variant.flags, *flags, str(PROBE)]
    command += [str(variant.code_root), variant.module]
    restored = ["--restored"] if variant.restored else []
    completed = subprocess.run(
        [*command, str(events), *restored],
        env=dict(variant.env),
        capture_output=True,
        text=True,
        timeout=_CHILD_TIMEOUT_S,
        check=False,
    )
    if completed.returncode != 0:
        raise ProbeError(f"{variant.name}: exit {completed.returncode}\n{completed.stderr}")
    return completed


def probe(variant: Variant) -> ProbeResult:
    """Cold-start ``variant`` once and return what the child measured.

    Raises:
        ProbeError: If the child fails.
    """
    with _events_file(variant) as events:
        completed = _run_child(variant, events)
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError as exc:
        raise ProbeError(f"{variant.name}: no report\n{completed.stderr}") from exc
    return ProbeResult(
        import_s=float(report["import_s"]),
        answers_s=tuple(float(answer["at_s"]) for answer in report["answers"]),
        ssml=tuple(str(answer["ssml"]) for answer in report["answers"]),
        maxrss_kib=int(report["maxrss_kib"]),
    )


def rotated(variants: Sequence[T], round_number: int) -> list[T]:
    """The order of one round: the variants rotated by the round number.

    Each variant then runs first, second and last equally often, so neither
    going first nor following a heavy process (baseline B imports boto3) favours one.
    """
    shift = round_number % len(variants) if variants else 0
    return [*variants[shift:], *variants[:shift]]


def measure(variants: Sequence[Variant], runs: int) -> dict[str, list[ProbeResult]]:
    """Cold-start every variant ``runs`` times in rounds, after one untimed warm-up each.

    Every round runs each variant once, back to back, in ``rotated`` order, so the
    ``i``-th result of every variant comes from the same round (see
    ``stats.paired_ratio``).

    Raises:
        ProbeError: If a child fails.
    """
    for variant in variants:
        probe(variant)
    results: dict[str, list[ProbeResult]] = {variant.name: [] for variant in variants}
    for round_number in range(runs):
        for variant in rotated(variants, round_number):
            results[variant.name].append(probe(variant))
    return results


def interpreter_startup(runs: int) -> list[float]:
    """Wall-clock seconds of ``python -c pass`` (the interpreter alone), ``runs`` times."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env={})
        samples.append(time.perf_counter() - start)
    return samples


@dataclass(frozen=True)
class ImportTime:
    """One line of ``python -X importtime``: a module and what importing it cost.

    Attributes:
        module: The module's dotted name.
        self_us: Microseconds spent in the module itself.
        cumulative_us: Microseconds including everything it imported first.
        depth: Nesting: 0 for a module the program imported directly.
    """

    module: str
    self_us: int
    cumulative_us: int
    depth: int


def parse_import_times(stderr: str) -> list[ImportTime]:
    """The ``-X importtime`` lines of ``stderr``, in the order printed (children first)."""
    entries = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        if not own.strip().isdigit():
            continue  # the header line
        indented = name.removeprefix(" ")
        depth = (len(indented) - len(indented.lstrip(" "))) // 2
        entries.append(ImportTime(indented.strip(), int(own), int(cumulative), depth))
    return entries


def children_of(entries: Sequence[ImportTime], module: str) -> list[ImportTime]:
    """The imports ``module`` made directly, most expensive first.

    Raises:
        ValueError: If ``module`` was not imported.
    """
    index = next((i for i, entry in enumerate(entries) if entry.module == module), None)
    if index is None:
        raise ValueError(f"{module} is not among the imports")
    parent = entries[index]
    children = []
    for entry in reversed(entries[:index]):
        if entry.depth <= parent.depth:
            break
        if entry.depth == parent.depth + 1:
            children.append(entry)
    return sorted(children, key=lambda entry: entry.cumulative_us, reverse=True)


def imported_after(entries: Sequence[ImportTime], module: str) -> list[ImportTime]:
    """``module`` and every top-level import after it (lazy imports), most expensive first.

    Raises:
        ValueError: If ``module`` was not imported.
    """
    index = next((i for i, entry in enumerate(entries) if entry.module == module), None)
    if index is None:
        raise ValueError(f"{module} is not among the imports")
    later = [entry for entry in entries[index:] if entry.depth == 0]
    return sorted(later, key=lambda entry: entry.cumulative_us, reverse=True)


def subtree(entries: Sequence[ImportTime], module: str) -> list[ImportTime]:
    """``module`` and everything importing it imported, in the order printed.

    Raises:
        ValueError: If ``module`` was not imported.
    """
    index = next((i for i, entry in enumerate(entries) if entry.module == module), None)
    if index is None:
        raise ValueError(f"{module} is not among the imports")
    first = index
    while first > 0 and entries[first - 1].depth > entries[index].depth:
        first -= 1
    return list(entries[first : index + 1])


def extra_cost(ours: Sequence[ImportTime], baseline: Sequence[ImportTime]) -> list[tuple[str, int]]:
    """Microseconds spent in modules ``baseline`` never imported, per top-level package.

    Self time is summed, so each module counts once, wherever it was imported from.
    Most expensive first.
    """
    theirs = {entry.module for entry in baseline}
    totals: Counter[str] = Counter()
    for entry in ours:
        if entry.module not in theirs:
            totals[entry.module.split(".", 1)[0]] += entry.self_us
    return totals.most_common()


def import_times(variant: Variant) -> list[ImportTime]:
    """Every import ``variant`` makes while cold-starting, from ``python -X importtime``.

    Raises:
        ProbeError: If the child fails.
    """
    with _events_file(variant) as events:
        completed = _run_child(variant, events, ("-X", "importtime"))
    return parse_import_times(completed.stderr)
