"""Budget verdicts, the printed table and the JSON report."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

PASS: Final = "PASS"
FAIL: Final = "FAIL"
NOT_MEASURED: Final = "N/A"

_COMPARISONS: Final[Mapping[str, Callable[[float, float], bool]]] = {
    "<": operator.lt,
    "<=": operator.le,
}


@dataclass(frozen=True)
class Budget:
    """A limit on a figure, absolute or as a ratio to the baseline.

    Attributes:
        comparison: ``"<"`` or ``"<="``.
        limit: The limit, in the figure's unit, or the largest ratio when ``relative``.
        relative: Whether ``limit`` bounds the ratio to the baseline.
    """

    comparison: str
    limit: float
    relative: bool = False

    def describe(self, unit: str) -> str:
        """The budget as the table shows it, e.g. ``<= 1.3x baseline`` or ``< 5 ms``."""
        if self.relative:
            return f"{self.comparison} {self.limit:g}x baseline"
        return f"{self.comparison} {self.limit:g} {unit}".rstrip()


@dataclass(frozen=True)
class Row:
    """One figure of the report, with its baseline and budget.

    Attributes:
        figure: What was measured.
        value: The measurement (None when it could not be measured).
        unit: The unit of ``value`` and ``baseline_value``.
        baseline: What the figure is compared with ("" for none).
        baseline_value: The baseline's measurement in the same unit.
        budget: The limit the figure must meet, if any.
        note: A short explanation printed under the table.
        paired_ratio: The ratio measured pair by pair (see ``stats.paired_ratio``),
            when the figure and its baseline were sampled in rounds; it is then the
            ratio shown and judged, in place of ``value / baseline_value``.
    """

    figure: str
    value: float | None
    unit: str
    baseline: str = ""
    baseline_value: float | None = None
    budget: Budget | None = None
    note: str = ""
    paired_ratio: float | None = None

    @property
    def ratio(self) -> float | None:
        """The paired ratio if there is one, else ``value / baseline_value`` (None if unknown)."""
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.value is None or not self.baseline_value:
            return None
        return self.value / self.baseline_value

    @property
    def verdict(self) -> str:
        """PASS, FAIL, N/A (not measured), or "" when the figure has no budget."""
        if self.budget is None:
            return ""
        measured = self.ratio if self.budget.relative else self.value
        if measured is None:
            return NOT_MEASURED
        passed = _COMPARISONS[self.budget.comparison](measured, self.budget.limit)
        return PASS if passed else FAIL

    def as_json(self) -> dict[str, Any]:
        """The row with its derived ratio and verdict."""
        return {**asdict(self), "ratio": self.ratio, "verdict": self.verdict}


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    text = f"{value:.0f}" if unit in {"calls", "reads", "writes", "bytes"} else f"{value:.2f}"
    return f"{text} {unit}"


def render_table(rows: Sequence[Row]) -> str:
    """The rows as an aligned text table, failures marked, notes numbered below it."""
    header = ("Figure", "Measured", "Baseline", "Ratio", "Budget", "Verdict")
    lines: list[tuple[str, ...]] = [header]
    notes: list[str] = []
    for row in rows:
        figure = row.figure
        if row.note:
            notes.append(row.note)
            figure = f"{figure} [{len(notes)}]"
        baseline = (
            f"{row.baseline}: {_number(row.baseline_value, row.unit)}" if row.baseline else ""
        )
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        budget = "" if row.budget is None else row.budget.describe(row.unit)
        verdict = row.verdict
        lines.append((figure, _number(row.value, row.unit), baseline, ratio, budget, verdict))
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    rendered = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    failures = [row.figure for row in rows if row.verdict == FAIL]
    rendered.extend(f"[{number}] {note}" for number, note in enumerate(notes, start=1))
    rendered.append(f"BUDGET FAIL: {', '.join(failures)}" if failures else "All budgets met.")
    return "\n".join(rendered)


def write_json(path: Path, rows: Sequence[Row], details: Mapping[str, Any]) -> None:
    """Write the rows and the detailed measurements to ``path`` (its folder is created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"budgets": [row.as_json() for row in rows], **details}
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
