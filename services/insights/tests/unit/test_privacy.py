"""Suppression and the no-differencing rule."""

from __future__ import annotations

from huddle_insights.domain.privacy import measure, safe_breakdown


def test_a_group_below_the_minimum_is_never_a_number() -> None:
    small = measure([80.0, 60.0, 70.0, 90.0], 5)
    assert small.value is None
    assert small.suppressed is True
    assert small.reason == "suppressed: too few responses (fewer than 5)"
    assert measure([80.0, 60.0, 70.0, 90.0, 50.0], 5).value == 70.0


def test_the_threshold_never_drops_below_three() -> None:
    assert measure([1.0, 2.0], 2).suppressed is True
    assert measure([1.0, 2.0, 3.0], 2).value == 2.0


def test_a_breakdown_that_would_reveal_one_person_by_subtraction_is_hidden() -> None:
    # Six respondents: the team mean is shown. Five nurses and one pharmacist: showing the
    # nurses' mean would give away the pharmacist's answer as 6 * team - 5 * nurses.
    groups = {"nurse": [70.0, 60.0, 80.0, 75.0, 65.0], "pharmacist": [10.0]}
    assert measure([v for vs in groups.values() for v in vs], 5).value is not None
    assert safe_breakdown(groups, 5) is None


def test_small_groups_are_merged_until_every_group_is_big_enough() -> None:
    groups = {
        "nurse": [70.0] * 6,
        "physician": [50.0] * 3,
        "pharmacist": [40.0],
        "social_worker": [60.0, 60.0],
        "medical_assistant": [80.0] * 5,
    }
    shown = safe_breakdown(groups, 5)
    assert shown is not None
    assert {g: (m.value, m.respondents) for g, m in shown.items()} == {
        "medical_assistant": (80.0, 5),
        "nurse": (70.0, 6),
        "pharmacist + physician + social_worker": (51.7, 6),
    }
    assert all(not m.suppressed for m in shown.values())
