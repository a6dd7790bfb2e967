"""SCIM filters on Users (RFC 7644 §3.4.2.2) as the criteria identity can search by.

scim2-models parses a filter and checks it against the User model (syntax, attribute names,
operators, value types); here its syntax tree becomes a
:class:`~huddle_identity.application.directory.Criterion` over the attributes Huddle keeps.
Supported: ``eq``, ``ne``, ``co``, ``sw``, ``ew`` and ``pr`` on the text attributes, ``eq`` and
``ne`` on ``active``, joined by ``and``, ``or``, ``not`` and parentheses, and ``emails[...]``
on the address. Anything else is ``400 invalidFilter``, never an empty answer.
"""

from __future__ import annotations

from typing import Any, cast

from scim2_models import InvalidFilterException, ScimFilter
from scim2_models.path import (
    CompareOperator,
    Comparison,
    FilterVisitor,
    LogicalExpr,
    LogicalOperator,
    Not,
    Present,
    ValuePath,
)

from huddle_identity.api.scim.resources import ScimUser
from huddle_identity.application.directory import (
    AllOf,
    AnyOf,
    Criterion,
    Field,
    Match,
    Negation,
    Operator,
)

_CORE = "urn:ietf:params:scim:schemas:core:2.0:user:"
FIELDS: dict[str, Field] = {
    _CORE + "id": "id",
    _CORE + "externalid": "external_id",
    _CORE + "username": "user_name",
    _CORE + "displayname": "display_name",
    _CORE + "name.givenname": "given_name",
    _CORE + "name.familyname": "family_name",
    _CORE + "emails.value": "email",
    _CORE + "active": "active",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department": "department",
    "urn:ietf:params:scim:schemas:extension:huddle:2.0:user:profession": "profession",
}
_TEXT_OPERATORS = frozenset({"eq", "ne", "co", "sw", "ew"})


def user_criterion(scim_filter: ScimFilter[Any]) -> Criterion:
    """The criterion of a filter bound to the User model (``ScimFilter[ScimUser]``)."""
    return _Criteria(scim_filter).visit(scim_filter.ast)


class _Criteria(FilterVisitor[Criterion]):
    def __init__(self, scim_filter: ScimFilter[Any], prefix: str = "") -> None:
        self.filter = scim_filter
        self.prefix = prefix  # the multi-valued attribute a value selection is inside

    def _field(self, node: Comparison | Present) -> Field:
        path = node.attr_path
        if self.prefix:  # emails[value eq "…"]: the inner path is relative to ``emails``
            if path.uri or path.sub_attr or path.attr.lower() != "value":
                raise _unsupported(f"{self.prefix}[{path}]")
            key = f"{_CORE}{self.prefix}.value"
        else:
            binding = (
                self.filter.resolve_comparison(path)
                if isinstance(node, Comparison)
                else self.filter.resolve(path)
            )
            key = binding.urn.lower() if binding is not None else str(path).lower()
        field = FIELDS.get(key)
        if field is None:
            raise _unsupported(str(path))
        return field

    def visit_comparison(self, node: Comparison) -> Criterion:
        field = self._field(node)
        op = node.op.value
        if field == "active":
            if op not in ("eq", "ne") or not isinstance(node.value, bool):
                raise _unsupported(f"active {op} {node.value!r}")
            return Match("active", cast(Operator, op), node.value)
        if op not in _TEXT_OPERATORS or (
            node.value is not None and not isinstance(node.value, str)
        ):
            raise _unsupported(f"{node.attr_path} {op}")
        if node.value is None and node.op not in (CompareOperator.eq, CompareOperator.ne):
            raise _unsupported(f"{node.attr_path} {op} null")
        return Match(field, cast(Operator, op), node.value)

    def visit_present(self, node: Present) -> Criterion:
        return Match(self._field(node), "pr")

    def visit_not(self, node: Not) -> Criterion:
        return Negation(self.visit(node.expr))

    def visit_logical_expr(self, node: LogicalExpr) -> Criterion:
        terms = tuple(self.visit(term) for term in node.terms)
        return AllOf(terms) if node.op == LogicalOperator.and_ else AnyOf(terms)

    def visit_value_path(self, node: ValuePath) -> Criterion:
        path = node.attr_path
        if path.uri or path.sub_attr or path.attr.lower() != "emails":
            raise _unsupported(str(path))
        # Huddle keeps one address per person: ``emails[…]`` asks about that one.
        return _Criteria(self.filter, prefix="emails").visit(node.val_filter)


def parse_user_filter(text: str) -> Criterion:
    """Parse and translate a User filter (for tests and callers holding a plain string)."""
    scim_filter: ScimFilter[Any] = ScimFilter[ScimUser](text)
    return user_criterion(scim_filter)


def _unsupported(what: str) -> InvalidFilterException:
    return InvalidFilterException(detail=f"Huddle cannot filter users on {what}")
