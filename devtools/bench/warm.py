"""Warm latency: a warm container's handler answering each fixture again and again.

The handler runs in a child process that holds the skill and nothing else, as a
Lambda container does: in the benchmark's own process, moto's emulator fills the
heap, and one full garbage collection there takes as long as a hundred answers,
which the skill would never pay in Lambda. The child builds the production
wiring from its environment (``app.default_services``: the DynamoDB store over
moto's server), times every fixture, then the policy fixtures once more with the
in-memory store (policy answers without I/O), and prints the samples as JSON.

Child usage: ``python -m devtools.bench.warm SPEC_JSON`` where the spec holds
``repeats``, ``events`` (name to envelope) and ``policy`` (the policy fixtures' names).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from devtools.bench.stats import Summary

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
_CHILD_TIMEOUT_S: Final = 900


def latencies(
    handler: LambdaHandler, events: Mapping[str, dict[str, Any]], repeats: int
) -> dict[str, list[float]]:
    """Milliseconds per answer for each named event, answered ``repeats`` times each.

    One untimed round comes first: a warm container has answered before, and the
    first answer of a kind may import what that kind needs. The events then take
    turns (one round answers each once), so a slow spell of the machine spreads
    over all of them; each call gets its own copy of the envelope, made outside
    the timed span.

    Raises:
        ValueError: If ``repeats`` is not positive.
    """
    if repeats < 1:
        raise ValueError("repeats must be positive")
    for event in events.values():
        handler(copy.deepcopy(event), None)
    samples: dict[str, list[float]] = {name: [] for name in events}
    for _ in range(repeats):
        for name, event in events.items():
            envelope = copy.deepcopy(event)
            start = time.perf_counter()
            handler(envelope, None)
            samples[name].append((time.perf_counter() - start) * 1000)
    return samples


def measure(
    events: Mapping[str, dict[str, Any]],
    policy: Sequence[str],
    repeats: int,
    env: Mapping[str, str],
) -> tuple[dict[str, Summary], dict[str, Summary]]:
    """Warm latency of every event with the DynamoDB store, and of ``policy`` in memory.

    Args:
        events: Envelopes by name.
        policy: The names of the policy events, also timed with the in-memory store.
        repeats: Timed answers per event and store.
        env: The child's environment: the skill's settings and the DynamoDB endpoint.

    Returns:
        Millisecond summaries per event name: with DynamoDB, and in memory.

    Raises:
        subprocess.CalledProcessError: If the child fails.
    """
    spec = {"repeats": repeats, "events": dict(events), "policy": list(policy)}
    with tempfile.TemporaryDirectory(prefix="zosi-bench-") as folder:
        path = Path(folder) / "warm.json"
        path.write_text(json.dumps(spec), encoding="utf-8")
        completed = subprocess.run(
            [sys.executable, "-m", "devtools.bench.warm", str(path)],
            cwd=REPO_ROOT,
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=_CHILD_TIMEOUT_S,
            check=True,
        )
    report = json.loads(completed.stdout)
    return (
        {name: Summary.of(values) for name, values in report["with_table"].items()},
        {name: Summary.of(values) for name, values in report["in_memory"].items()},
    )


def main(spec_path: str) -> None:
    """The child: build the handlers, time the events, print the samples as JSON."""
    import logging

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    sys.path.insert(0, str(REPO_ROOT / "skill"))
    import app
    from adapters.store import InMemoryUserStore
    from settings import Settings

    # Records are made as in Lambda; printing them would only fill the parent's pipe.
    logging.getLogger().addHandler(logging.NullHandler())
    settings = Settings.from_env()
    services = app.default_services(settings)
    in_memory = services._replace(store=InMemoryUserStore(settings.state_ttl_days))
    events = spec["events"]
    policy = {name: events[name] for name in spec["policy"]}
    report = {
        "with_table": latencies(app.make_handler(services), events, spec["repeats"]),
        "in_memory": latencies(app.make_handler(in_memory), policy, spec["repeats"]),
    }
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
