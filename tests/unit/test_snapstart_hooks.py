"""Lambda SnapStart: the runtime hooks, run locally (the runtime's own module is faked)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from devtools.cli import local_environment

SKILL = Path(__file__).resolve().parents[2] / "skill"

HOOKS_SCRIPT = """
import sys, types, json
registered = {}
fake = types.ModuleType("snapshot_restore_py")
fake.register_before_snapshot = lambda hook: registered.setdefault("before", hook)
fake.register_after_restore = lambda hook: registered.setdefault("after", hook)
sys.modules["snapshot_restore_py"] = fake
import app
registered["before"]()
built = app._handler is not None
loaded = all(m in sys.modules for m in (
    "handlers.dialog", "handlers.delivery", "handlers.privacy", "handlers.events",
    "conversation.service", "speech.en", "adapters.http11", "ssl"))
from adapters import alexa_api
# No TLS state in the snapshot: every restored instance makes its own context.
loaded = loaded and not alexa_api._TLS_CONTEXTS and "http.client" not in sys.modules
import random
state = random.getstate()
registered["after"]()
print(json.dumps({"hooks": sorted(registered), "built": built, "loaded": loaded,
                  "reseeded": random.getstate() != state}))
"""


def run(script: str, environment: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=SKILL,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def test_before_the_snapshot_the_skill_is_built_and_every_handler_imported() -> None:
    report = run(HOOKS_SCRIPT, local_environment({}))
    assert report == {"hooks": ["after", "before"], "built": True, "loaded": True, "reseeded": True}


def test_without_the_runtime_module_nothing_is_registered_and_nothing_is_built() -> None:
    script = "import app, json; print(json.dumps({'built': app._handler is not None}))"
    assert run(script, local_environment({})) == {"built": False}


def test_a_broken_configuration_builds_nothing_before_the_snapshot() -> None:
    report = run(HOOKS_SCRIPT, {})
    assert report["built"] is False
    assert report["hooks"] == ["after", "before"]
