"""The shared folder is found where the brief says, in order; nothing is copied into the repo."""

import subprocess
from pathlib import Path

from devtools.shared import ACCOUNT_API_CONTRACT, SHARED_VARIABLE, shared_candidates, shared_file
from devtools.stack import REPO_ROOT


def test_the_variable_comes_first_then_beside_the_repo_then_work_shared(monkeypatch, tmp_path):
    monkeypatch.setenv(SHARED_VARIABLE, str(tmp_path))

    assert shared_candidates() == [tmp_path, REPO_ROOT.parent / "shared", Path("/work/shared")]


def test_a_contract_in_the_named_folder_wins(monkeypatch, tmp_path):
    contract = tmp_path / ACCOUNT_API_CONTRACT
    contract.parent.mkdir(parents=True)
    contract.write_text("openapi: 3.1.0\n", encoding="utf-8")
    monkeypatch.setenv(SHARED_VARIABLE, str(tmp_path))

    assert shared_file(ACCOUNT_API_CONTRACT) == contract


def test_a_file_no_folder_has_is_none(monkeypatch, tmp_path):
    monkeypatch.setenv(SHARED_VARIABLE, str(tmp_path))

    assert shared_file(Path("contracts/no-such-contract.yaml")) is None


def test_the_contract_is_not_copied_into_the_repository():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.split()

    assert tracked
    assert not [path for path in tracked if path.endswith(".openapi.yaml")]
