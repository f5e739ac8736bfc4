"""Order statistics of timing samples."""

from __future__ import annotations

import math
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
