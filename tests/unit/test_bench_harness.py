"""The benchmark's harness pieces (devtools.bench): statistics, verdicts, probes, counting.

These check the measuring instruments, not the measurements: `make bench` reports those.
"""

from __future__ import annotations

import resource
import zipfile
from datetime import UTC, datetime

import boto3
import pytest

from devtools.bench import calls, coldstart, package, warm
from devtools.bench.report import FAIL, NOT_MEASURED, PASS, Budget, Row, render_table
from devtools.bench.run import as_alexa_sends, request_name, warranty_first_turn
from devtools.bench.stats import Summary, paired_ratio, percentile
from devtools.nlu import Nlu
from tests.helpers import load_event

MIB = 1024 * 1024

IMPORT_TIME_LOG = """\
import time: self [us] | cumulative | imported package
import time:       100 |        100 | json
import time:        50 |         50 |     policy.terms
import time:       200 |        250 |   policy
import time:       300 |        300 |   ask_sdk_core
import time:        10 |        560 | app
import time:      5000 |       5000 |   botocore
import time:       700 |       5700 | boto3
"""


def test_percentiles_are_samples_that_really_happened() -> None:
    samples = list(range(100, 0, -1))
    assert percentile(samples, 0.5) == 50
    assert percentile(samples, 0.99) == 99
    assert percentile(samples, 1.0) == 100
    assert percentile([7.5], 0.99) == 7.5


def test_a_percentile_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="no samples"):
        percentile([], 0.5)
    with pytest.raises(ValueError, match="fraction"):
        percentile([1.0], 0)


def test_a_summary_keeps_the_median_the_tail_and_the_worst() -> None:
    summary = Summary.of([float(value) for value in range(1, 11)])
    assert (summary.count, summary.p50, summary.p90, summary.p99, summary.worst) == (
        10,
        5.0,
        9.0,
        10.0,
        10.0,
    )


def test_a_relative_budget_compares_the_ratio_to_the_baseline() -> None:
    within = Row("cold", 130.0, "ms", "A", 100.0, Budget("<=", 1.3, relative=True))
    beyond = Row("cold", 131.0, "ms", "A", 100.0, Budget("<=", 1.3, relative=True))
    assert within.ratio == pytest.approx(1.3)
    assert (within.verdict, beyond.verdict) == (PASS, FAIL)


def test_a_paired_ratio_is_the_median_of_the_ratios_round_by_round() -> None:
    # Round 2 ran in a slow spell that touched both members of the pair.
    values = [120.0, 240.0, 125.0]
    baselines = [100.0, 200.0, 100.0]

    assert paired_ratio(values, baselines) == pytest.approx(1.2)
    assert paired_ratio([130.0, 150.0], [100.0, 100.0]) == pytest.approx(1.4)


def test_a_paired_ratio_needs_matching_positive_pairs() -> None:
    with pytest.raises(ValueError, match="same number"):
        paired_ratio([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="same number"):
        paired_ratio([], [])
    with pytest.raises(ValueError, match="positive"):
        paired_ratio([1.0], [0.0])


def test_a_paired_ratio_is_the_ratio_judged_against_a_relative_budget() -> None:
    budget = Budget("<=", 1.3, relative=True)
    # The medians alone would say 1.5x; the rounds say 1.25x.
    row = Row("cold", 150.0, "ms", "A", 100.0, budget, paired_ratio=1.25)

    assert row.ratio == 1.25
    assert row.verdict == PASS
    assert Row("cold", 100.0, "ms", "A", 100.0, budget, paired_ratio=1.31).verdict == FAIL
    assert "1.25x" in render_table([row])


def test_rounds_rotate_so_every_variant_runs_in_every_position() -> None:
    names = ["skill", "A", "B"]
    orders = [coldstart.rotated(names, number) for number in range(3)]

    assert orders == [["skill", "A", "B"], ["A", "B", "skill"], ["B", "skill", "A"]]
    assert coldstart.rotated(names, 3) == names


def test_an_absolute_budget_compares_the_value_and_a_strict_limit_is_strict() -> None:
    assert Row("p99", 4.99, "ms", budget=Budget("<", 5)).verdict == PASS
    assert Row("p99", 5.0, "ms", budget=Budget("<", 5)).verdict == FAIL
    assert Row("writes", 0, "writes", budget=Budget("<=", 0)).verdict == PASS


def test_a_figure_that_could_not_be_measured_is_not_passed() -> None:
    assert Row("package", None, "MiB", budget=Budget("<", 10)).verdict == NOT_MEASURED
    assert Row("context only", 3.0, "ms").verdict == ""


def test_the_table_names_every_failed_budget_on_its_last_line() -> None:
    table = render_table(
        [
            Row("fast enough", 1.0, "ms", budget=Budget("<", 5)),
            Row("too big", 12.0, "MiB", budget=Budget("<", 10), note="zipped"),
        ]
    )
    lines = table.splitlines()
    assert "too big [1]" in lines[3]
    assert lines[3].rstrip().endswith(FAIL)
    assert "[1] zipped" in lines
    assert lines[-1] == "BUDGET FAIL: too big"


def test_the_table_says_so_when_every_budget_is_met() -> None:
    table = render_table([Row("fast enough", 1.0, "ms", budget=Budget("<", 5))])
    assert table.splitlines()[-1] == "All budgets met."


def test_importtime_lines_are_parsed_with_their_nesting() -> None:
    entries = coldstart.parse_import_times(IMPORT_TIME_LOG)
    assert [(entry.module, entry.depth) for entry in entries] == [
        ("json", 0),
        ("policy.terms", 2),
        ("policy", 1),
        ("ask_sdk_core", 1),
        ("app", 0),
        ("botocore", 1),
        ("boto3", 0),
    ]
    assert entries[4].cumulative_us == 560


def test_a_modules_direct_imports_are_found_most_expensive_first() -> None:
    entries = coldstart.parse_import_times(IMPORT_TIME_LOG)
    assert [entry.module for entry in coldstart.children_of(entries, "app")] == [
        "ask_sdk_core",
        "policy",
    ]
    assert [entry.module for entry in coldstart.subtree(entries, "app")] == [
        "policy.terms",
        "policy",
        "ask_sdk_core",
        "app",
    ]
    assert [entry.module for entry in coldstart.imported_after(entries, "app")] == [
        "boto3",
        "app",
    ]


def test_the_extra_import_cost_counts_only_what_the_baseline_did_not_import() -> None:
    ours = coldstart.parse_import_times(IMPORT_TIME_LOG)
    baseline = [entry for entry in ours if entry.module in {"json", "ask_sdk_core"}]
    assert coldstart.extra_cost(ours, baseline) == [
        ("botocore", 5000),
        ("boto3", 700),
        ("policy", 250),
        ("app", 10),
    ]


def test_a_request_is_named_by_its_intent_or_its_type() -> None:
    assert request_name(load_event("return_refund_oneshot")) == "ReturnRefundIntent"
    assert request_name(load_event("launch")) == "LaunchRequest"
    assert request_name({"request": {"type": "IntentRequest", "intent": []}}) == "IntentRequest"
    assert request_name({}) == ""


@pytest.fixture(scope="module")
def minimal_skill() -> coldstart.Variant:
    return coldstart.Variant(
        name="baseline A",
        code_root=coldstart.BASELINES,
        module="minimal_skill",
        events=(load_event("launch"),),
        labels=("launch",),
        env=coldstart.child_environment("http://127.0.0.1:9", {}),
    )


def test_a_cold_probe_times_the_import_and_each_answer_in_a_fresh_process(minimal_skill) -> None:
    result = coldstart.probe(minimal_skill)
    assert 0 < result.import_s < result.answers_s[0]
    assert "Welcome" in result.ssml[0]


def test_a_cold_probe_reports_its_own_peak_memory_not_its_large_parents(minimal_skill) -> None:
    ballast = b"\x01" * (160 * MIB)
    parent_peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_peak_kib = coldstart.probe(minimal_skill).maxrss_kib
    assert len(ballast) == 160 * MIB
    assert parent_peak_kib > 160 * 1024
    assert 1024 < child_peak_kib < 120 * 1024


def test_a_failing_child_is_reported_with_its_error(minimal_skill) -> None:
    broken = coldstart.Variant(
        name="missing",
        code_root=coldstart.BASELINES,
        module="no_such_skill",
        events=(),
        labels=(),
        env=minimal_skill.env,
    )
    with pytest.raises(coldstart.ProbeError, match="No module named 'no_such_skill'"):
        coldstart.probe(broken)


def test_importtime_of_a_cold_start_nests_the_sdk_under_the_handler_module(minimal_skill) -> None:
    entries = coldstart.import_times(minimal_skill)
    direct = [entry.module for entry in coldstart.children_of(entries, "minimal_skill")]
    assert "ask_sdk_core.skill_builder" in direct


def test_the_child_environment_carries_nothing_from_the_developers_shell(monkeypatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("AWS_PROFILE", "production")
    env = coldstart.child_environment("http://127.0.0.1:1234", {"TABLE_NAME": "t"})
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert "AWS_PROFILE" not in env
    assert env["AWS_ENDPOINT_URL_DYNAMODB"] == "http://127.0.0.1:1234"
    assert env["TABLE_NAME"] == "t"


def test_warm_latency_warms_up_once_then_times_every_event_in_turn() -> None:
    answered: list[str] = []

    def handler(event, context):
        answered.append(event["name"])
        return {}

    samples = warm.latencies(handler, {"a": {"name": "a"}, "b": {"name": "b"}}, repeats=3)
    assert answered == ["a", "b"] * 4
    assert {name: len(values) for name, values in samples.items()} == {"a": 3, "b": 3}
    assert all(value >= 0 for values in samples.values() for value in values)


def test_the_package_leaves_out_bytecode_and_what_the_lambda_runtime_provides(tmp_path) -> None:
    for name in (
        "requests/__init__.py",
        "requests/__pycache__/api.cpython-311.pyc",
        "boto3/__init__.py",
        "botocore-1.35.0.dist-info/METADATA",
        "s3transfer/__init__.py",
        "jmespath/__init__.py",
        "urllib3/__init__.py",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n" * 100, encoding="utf-8")
    names = [name for _, name in package.packaged_files(tmp_path)]
    assert names == ["requests/__init__.py", "urllib3/__init__.py"]
    size = package.zipped_size((tmp_path,))
    assert 0 < size < 2 * 600
    archive = tmp_path / "check.zip"
    archive.write_bytes(b"")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as written:
        for path, name in package.packaged_files(tmp_path / "requests"):
            written.write(path, name)
    assert zipfile.ZipFile(archive).namelist() == ["__init__.py"]


def test_package_parts_count_the_code_root_as_one_and_name_what_was_left_out(tmp_path) -> None:
    code = tmp_path / "skill"
    dependencies = tmp_path / "deps"
    (code / "handlers").mkdir(parents=True)
    (code / "app.py").write_text("a" * 1000, encoding="utf-8")
    (code / "handlers" / "x.py").write_text("b" * 500, encoding="utf-8")
    (dependencies / "holidays").mkdir(parents=True)
    (dependencies / "holidays" / "data.py").write_text("c" * 3000, encoding="utf-8")
    (dependencies / "boto3").mkdir()
    (dependencies / "boto3" / "big.py").write_text("d" * 9000, encoding="utf-8")
    size = package.measure(code, dependencies)
    assert size.parts == (("holidays", 3000), ("skill/", 1500))
    assert size.unzipped_bytes == 4500
    assert size.left_out == ("boto3",)
    assert 0 < size.zipped_bytes < size.unzipped_bytes


@pytest.fixture
def recorded_table(dynamodb_table):
    client, table_name = dynamodb_table
    return client, table_name, calls.OperationLog(client)


@pytest.fixture
def observer(moto_server):
    """A second client: what it reads is not in the recorded client's log."""
    return boto3.client("dynamodb", endpoint_url=moto_server)


def test_the_operation_log_records_each_dynamodb_call_by_name(recorded_table) -> None:
    client, table_name, log = recorded_table
    client.put_item(TableName=table_name, Item={"pk": {"S": "k"}})
    client.get_item(TableName=table_name, Key={"pk": {"S": "k"}})
    assert log.operations == ["PutItem", "GetItem"]


def test_a_write_that_leaves_the_stored_item_as_it_was_is_flagged(recorded_table, observer) -> None:
    """The same item written on every turn: only the first write changed anything."""
    client, table_name, log = recorded_table

    def handler(event, context):
        client.put_item(TableName=table_name, Item={"pk": {"S": "k"}, "region": {"S": "kazan"}})
        return {"version": "1.0", "response": {"shouldEndSession": False}}

    def stored(user_id):
        return observer.get_item(TableName=table_name, Key={"pk": {"S": "k"}}).get("Item")

    [result] = calls.replay_all(
        [calls.Script("twice", ("open zosi care", "help"))],
        handler,
        nlu=Nlu.for_locale("en-US", datetime(2026, 11, 21, tzinfo=UTC).date()),
        clock=lambda: datetime(2026, 11, 21, 9, tzinfo=UTC),
        log=log,
        stored_for=stored,
        account_calls=lambda: 0,
    )
    first, second = result.turns
    assert (first.request, first.writes, first.changed, first.needless_write) == (
        "LaunchRequest",
        1,
        True,
        False,
    )
    assert (second.request, second.writes, second.needless_write) == ("AMAZON.HelpIntent", 1, True)
    assert result.needless_writes == 1
    assert result.most_reads_in_a_session == 0


def test_reads_are_added_up_per_alexa_session() -> None:
    def turn(session: str, reads: int) -> calls.TurnCalls:
        return calls.TurnCalls("u", "R", session, reads, 0, 0, False, False, "")

    conversation = calls.ConversationCalls(
        "c", (turn("s1", 1), turn("s1", 1), turn("s2", 1), turn("", 0))
    )
    assert conversation.reads_per_session == {"s1": 2, "s2": 1, "": 0}
    assert conversation.most_reads_in_a_session == 2


def test_every_scripted_conversation_is_one_new_customer_linked_only_if_scripted(
    recorded_table,
) -> None:
    *_, log = recorded_table
    users: list[tuple[str, str | None]] = []

    def handler(event, context):
        user = event["context"]["System"]["user"]
        users.append((user["userId"], user.get("accessToken")))
        return {"version": "1.0", "response": {"shouldEndSession": True}}

    calls.replay_all(
        [calls.Script(f"s{n}", ("open zosi care",), linked=n == 0) for n in range(3)],
        handler,
        nlu=Nlu.for_locale("en-US", datetime(2026, 11, 21, tzinfo=UTC).date()),
        clock=lambda: datetime(2026, 11, 21, 9, tzinfo=UTC),
        log=log,
        stored_for=lambda user: None,
        account_calls=lambda: 0,
        access_token="demo-recent",
    )
    assert len({user_id for user_id, _ in users}) == 3
    assert [token for _, token in users] == ["demo-recent", None, None]


def test_a_confirmed_save_is_not_a_needless_write_but_an_unasked_one_is() -> None:
    def turn(requested: bool) -> calls.TurnCalls:
        return calls.TurnCalls("yes", "AMAZON.YesIntent", "s", 0, 1, 0, False, requested, "")

    assert not turn(requested=True).needless_write
    assert turn(requested=False).needless_write


def test_cold_starts_answer_envelopes_as_alexa_sends_them() -> None:
    launch = load_event("launch.json")
    sent = as_alexa_sends(launch, "http://127.0.0.1:9")
    system = sent["context"]["System"]

    assert (system["apiEndpoint"], bool(system["apiAccessToken"])) == ("http://127.0.0.1:9", True)
    assert system["device"]["deviceId"]
    assert "accessToken" not in system["user"]
    assert "apiAccessToken" not in launch["context"]["System"]  # the fixture is left as it was


def test_a_linked_first_turn_carries_the_account_token_in_both_user_objects() -> None:
    sent = as_alexa_sends(warranty_first_turn(), "http://127.0.0.1:9", "demo-recent")

    assert sent["session"]["new"] is True
    assert sent["context"]["System"]["user"]["accessToken"] == "demo-recent"
    assert sent["session"]["user"]["accessToken"] == "demo-recent"
    assert sent["request"]["intent"]["slots"]["purchaseDate"]["value"] == "2026-03-03"


def test_a_restored_probe_times_only_the_answers_after_the_snapshot_hook() -> None:
    from devtools.cli import SKILL_DIR, local_environment

    restored = coldstart.Variant(
        name="restored",
        code_root=SKILL_DIR,
        module="app",
        events=(load_event("launch"),),
        labels=("launch",),
        env=coldstart.child_environment("http://127.0.0.1:9", local_environment({})),
        restored=True,
    )
    result = coldstart.probe(restored)
    assert result.import_s == 0
    assert result.answers_s[0] > 0
    assert "ZOSI" in result.ssml[0]
