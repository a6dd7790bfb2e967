"""Suppression and the no-differencing rule, as pure functions.

A value resting on fewer respondents than the campaign's minimum group size is never returned
as a number. A breakdown (by profession group, by team) is shown only when every group in it,
and whatever the breakdown leaves out, is at or above the threshold: otherwise the smallest
groups are merged until that holds, and if it cannot hold the breakdown is hidden. So no
suppressed group can be recovered by subtracting the shown ones from a total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

ABSOLUTE_FLOOR = 3


@dataclass(frozen=True)
class Measured:
    """A value with the number of respondents behind it, or the reason it is withheld."""

    value: float | None
    respondents: int
    suppressed: bool
    reason: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "value": self.value,
            "respondents": self.respondents,
            "suppressed": self.suppressed,
            "reason": self.reason,
        }


def threshold(min_group_size: int) -> int:
    return max(min_group_size, ABSOLUTE_FLOOR)


def withheld(respondents: int, min_group_size: int) -> str | None:
    """Why a value resting on ``respondents`` people must not be shown, or None if it may be."""
    k = threshold(min_group_size)
    if respondents == 0:
        return "no responses"
    if respondents < k:
        return f"suppressed: too few responses (fewer than {k})"
    return None


def measure(values: Sequence[float], min_group_size: int, *, digits: int = 1) -> Measured:
    """The mean of ``values`` (each a respondent's own score), if enough people gave one."""
    n = len(values)
    reason = withheld(n, min_group_size)
    if reason is not None:
        return Measured(None, n, True, reason)
    return Measured(round(fmean(values), digits), n, False, None)


def safe_breakdown(
    groups: Mapping[str, Sequence[float]], min_group_size: int, *, digits: int = 1
) -> dict[str, Measured] | None:
    """Per-group means that cannot be used to uncover a small group, or None.

    Groups under the threshold are merged, smallest first, into the next smallest; the result
    is shown only if at least two groups remain and each is at or above the threshold.
    """
    k = threshold(min_group_size)
    merged: dict[str, list[float]] = {g: list(v) for g, v in groups.items() if v}
    while True:
        small = sorted((len(v), g) for g, v in merged.items() if len(v) < k)
        if not small or len(merged) < 2:
            break
        _, smallest = small[0]
        values = merged.pop(smallest)
        _, neighbour = min((len(v), g) for g, v in merged.items())
        label = " + ".join(sorted({*neighbour.split(" + "), *smallest.split(" + ")}))
        merged[label] = merged.pop(neighbour) + values
    if len(merged) < 2 or any(len(v) < k for v in merged.values()):
        return None
    return {g: measure(v, min_group_size, digits=digits) for g, v in sorted(merged.items())}


def mean_of_means(per_respondent: Sequence[float]) -> float | None:
    return fmean(per_respondent) if per_respondent else None
