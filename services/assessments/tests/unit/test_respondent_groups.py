"""The respondent group a response travels under never singles out a small profession.

``respondent_groups`` is the pure function of the application layer that decides, at a
campaign's opening and at each settings change, which group each eligible person's responses
are labelled with. The property: a group is a profession only when at least ``min_group_size``
eligible people share it; everyone else is ``other``, so no label ever names a lone clinician.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_assessments.application.campaigns import OTHER_GROUP, respondent_groups
from huddle_assessments.domain.campaign import MIN_GROUP_FLOOR

PEOPLE = [f"member-{n}" for n in range(7)] + [f"extra-{n}" for n in range(8)]


@settings(max_examples=300, deadline=None)
@given(
    professions=st.dictionaries(
        st.sampled_from(PEOPLE),
        st.one_of(st.none(), st.sampled_from(["nurse", "physician", "pharmacist"])),
    ),
    size=st.integers(MIN_GROUP_FLOOR, 8),
)
def test_a_respondent_group_never_names_fewer_people_than_the_minimum_group(
    professions: dict[str, str | None], size: int
) -> None:
    """The group on a response event is a profession only when at least ``min_group_size``
    eligible people share it; everyone else travels as ``other``."""
    groups = respondent_groups(professions, size)
    assert set(groups) == set(professions)
    for person, group in groups.items():
        sharing = sum(1 for p in professions.values() if p == professions[person])
        if professions[person] is not None and sharing >= size:
            assert group == professions[person]
        else:
            assert group == OTHER_GROUP
    labelled = [g for g in groups.values() if g != OTHER_GROUP]
    assert all(labelled.count(g) >= size for g in labelled)
