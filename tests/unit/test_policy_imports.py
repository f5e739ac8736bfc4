"""The policy core stays pure: standard library only, ``holidays`` loaded lazily."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SKILL = Path(__file__).resolve().parents[2] / "skill"
POLICY_MODULES = sorted((SKILL / "policy").glob("*.py"))


def top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", POLICY_MODULES, ids=lambda path: path.name)
def test_policy_modules_import_only_the_standard_library_and_each_other(path):
    outside = {
        name
        for name in top_level_imports(path)
        if name != "policy" and name not in sys.stdlib_module_names
    }
    assert outside == set()


def test_d4_holidays_loads_only_when_a_delivery_date_is_computed():
    script = (
        "import sys, datetime as dt\n"
        "from policy import crossship, delivery, returns, warranty\n"
        "from policy.dates import parse_amazon_date\n"
        "from policy.model import DateSpan, PurchaseFacts\n"
        "today = dt.date(2026, 11, 21)\n"
        "facts = PurchaseFacts(parse_amazon_date('2026-11', today))\n"
        "returns.evaluate_return(facts, today)\n"
        "warranty.evaluate_warranty(facts, today)\n"
        "crossship.evaluate_cross_ship(facts, today)\n"
        "print('holidays' in sys.modules)\n"
        "delivery.estimate_delivery(today)\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=SKILL, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
