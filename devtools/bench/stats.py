"""Order statistics of timing samples."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest sample with ``fraction`` of samples at or below.

    Nearest rank never interpolates, so a p99 is always a latency that really happened.

    Raises:
        ValueError: If there are no samples or ``fraction`` is outside (0, 1].
    """
    if not samples:
        raise ValueError("no samples")
    if not 0 < fraction <= 1:
        raise ValueError("the fraction must be in (0, 1]")
    ordered = sorted(samples)
    return ordered[max(math.ceil(fraction * len(ordered)), 1) - 1]


def paired_ratio(values: Sequence[float], baselines: Sequence[float]) -> float:
    """The median of ``values[i] / baselines[i]``: a ratio measured pair by pair.

    When a figure and its baseline are sampled in rounds, back to back, a slow
    spell of the machine touches both members of a pair. The median of the
    per-round ratios cancels it; the ratio of two separate medians does not,
    and on a shared machine it moved by 0.1-0.2 between otherwise equal runs.

    Raises:
        ValueError: If there are no pairs, the sequences differ in length, or a
            baseline is not positive.
    """
    if not values or len(values) != len(baselines):
        raise ValueError("need the same number of values and baselines, at least one")
    if min(baselines) <= 0:
        raise ValueError("baselines must be positive")
    return statistics.median(value / base for value, base in zip(values, baselines, strict=True))


@dataclass(frozen=True)
class Summary:
    """The median and tail of a set of samples (same unit as the samples)."""

    count: int
    p50: float
    p90: float
    p99: float
    worst: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Summary:
        """Summarise ``samples``.

        Raises:
            ValueError: If there are no samples.
        """
        return cls(
            count=len(samples),
            p50=percentile(samples, 0.5),
            p90=percentile(samples, 0.9),
            p99=percentile(samples, 0.99),
            worst=max(samples),
        )
