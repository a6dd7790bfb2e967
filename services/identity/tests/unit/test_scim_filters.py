"""SCIM filters on Users become identity's search criteria, and those become SQL: pure, no
database. What Huddle cannot evaluate is refused (invalidFilter), never answered with nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scim2_models import InvalidFilterException, ScimFilter
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect

from huddle_identity.api.scim.filters import parse_user_filter
from huddle_identity.application.directory import (
    EVERYONE,
    AllOf,
    AnyOf,
    Criterion,
    Match,
    Negation,
    where,
)

POSTGRES: Dialect = postgresql.dialect()  # type: ignore[no-untyped-call]


def sql(criterion: Criterion) -> str:
    compiled = where(criterion).compile(dialect=POSTGRES, compile_kwargs={"literal_binds": True})
    return str(compiled)


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ('userName eq "bjensen@example.com"', Match("user_name", "eq", "bjensen@example.com")),
        ('externalId eq "00u1"', Match("external_id", "eq", "00u1")),
        ("active eq false", Match("active", "eq", False)),
        ("ACTIVE Eq True", Match("active", "eq", True)),
        ('id eq "u-1"', Match("id", "eq", "u-1")),
        ('displayName sw "Lena"', Match("display_name", "sw", "Lena")),
        ('name.familyName co "ark"', Match("family_name", "co", "ark")),
        ('emails eq "a@b.example"', Match("email", "eq", "a@b.example")),
        ('emails[value ew "@b.example"]', Match("email", "ew", "@b.example")),
        ("externalId pr", Match("external_id", "pr")),
        (
            "urn:ietf:params:scim:schemas:core:2.0:User:userName ne null",
            Match("user_name", "ne", None),
        ),
        (
            'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "ER"',
            Match("department", "eq", "ER"),
        ),
        (
            'urn:ietf:params:scim:schemas:extension:huddle:2.0:User:profession eq "nurse"',
            Match("profession", "eq", "nurse"),
        ),
        (
            'userName eq "a@b.example" and active eq true',
            AllOf((Match("user_name", "eq", "a@b.example"), Match("active", "eq", True))),
        ),
        (
            'externalId eq "1" or externalId eq "2" and active eq false',
            AnyOf(
                (
                    Match("external_id", "eq", "1"),
                    AllOf((Match("external_id", "eq", "2"), Match("active", "eq", False))),
                )
            ),
        ),
        ("not (active eq true)", Negation(Match("active", "eq", True))),
    ],
)
def test_the_supported_filters_become_criteria(text: str, criterion: Criterion) -> None:
    assert parse_user_filter(text) == criterion


@pytest.mark.parametrize(
    "text",
    [
        "userName eq",  # syntax
        '((userName eq "a")',
        'title eq "Nurse"',  # Huddle keeps no title
        "nickName pr",
        'meta.lastModified gt "2026-01-01T00:00:00Z"',
        'userName gt "a"',  # no ordering on text
        "active gt true",
        'active eq "yes"',
        'emails[type eq "work"]',  # Huddle keeps one address, without a type
        'groups[value eq "x"]',
        'emails eq "not an address"',
        'nosuch eq "x"',
    ],
)
def test_what_huddle_cannot_evaluate_is_an_invalid_filter(text: str) -> None:
    with pytest.raises(InvalidFilterException):
        parse_user_filter(text)


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


@given(texts)
def test_any_quoted_value_comes_back_as_it_was_written(value: str) -> None:
    text = f"userName eq {ScimFilter.quote(value)}"
    assert parse_user_filter(text) == Match("user_name", "eq", value)
    assert parse_user_filter(f"externalId sw {ScimFilter.quote(value)}") == Match(
        "external_id", "sw", value
    )


@given(st.lists(st.sampled_from(["a", "b", "c"]), min_size=2, max_size=6), st.booleans())
def test_chains_of_one_operator_are_one_node_with_every_term(
    ids: list[str], conjunction: bool
) -> None:
    joiner = " and " if conjunction else " or "
    criterion = parse_user_filter(joiner.join(f'externalId eq "{i}"' for i in ids))
    kind = AllOf if conjunction else AnyOf
    assert criterion == kind(tuple(Match("external_id", "eq", i) for i in ids))


def test_user_names_compare_without_case_and_external_ids_with_it() -> None:
    assert sql(Match("user_name", "eq", "BJensen")) == (
        "lower(coalesce(users.user_name, users.email)) = 'bjensen'"
    )
    assert sql(Match("external_id", "eq", "AbC")) == "users.external_id = 'AbC'"
    assert sql(Match("active", "eq", False)) == "users.status != 'active'"
    assert sql(EVERYONE) == "true"


@given(texts)
def test_wildcards_in_a_value_match_only_themselves(value: str) -> None:
    compiled = sql(Match("display_name", "co", value))
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    assert escaped.replace("'", "''").replace("%", "%%") in compiled
    assert compiled.endswith("ESCAPE '\\'")
