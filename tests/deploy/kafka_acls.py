"""A small evaluator of a Strimzi KafkaUser's ``simple`` ACLs: may this user perform this
operation on this resource?

It implements the semantics of Kafka's StandardAuthorizer for one principal: a ``literal`` ACL
matches its exact name (``*`` matches every name), a ``prefix`` ACL every name that begins with
it; ``All`` grants every operation; Read, Write, Delete and Alter imply Describe, AlterConfigs
implies DescribeConfigs; a matching ``deny`` wins over any ``allow``; with no matching ACL the
answer is no (``allow.everyone.if.no.acl.found`` is off).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Obj = dict[str, Any]

IMPLY_DESCRIBE = frozenset({"Read", "Write", "Delete", "Alter"})


@dataclass(frozen=True)
class Acl:
    resource_type: str
    name: str
    pattern: str
    operations: frozenset[str]
    allow: bool
    host: str

    def matches(self, resource_type: str, name: str) -> bool:
        if self.resource_type != resource_type:
            return False
        if self.pattern == "prefix":
            return name.startswith(self.name)
        return self.name in ("*", name)

    def grants(self, operation: str) -> bool:
        if "All" in self.operations or operation in self.operations:
            return True
        if operation == "Describe":
            return bool(self.operations & IMPLY_DESCRIBE)
        return operation == "DescribeConfigs" and "AlterConfigs" in self.operations


def acls_of(user: Obj) -> list[Acl]:
    result = []
    for acl in user["spec"]["authorization"].get("acls", []):
        resource = acl["resource"]
        result.append(
            Acl(
                resource_type=resource["type"],
                name=resource.get("name", "*" if resource["type"] == "cluster" else ""),
                pattern=resource.get("patternType", "literal"),
                operations=frozenset(acl["operations"]),
                allow=acl.get("type", "allow") == "allow",
                host=acl.get("host", "*"),
            )
        )
    return result


def allowed(acls: Iterable[Acl], resource_type: str, name: str, operation: str) -> bool:
    relevant = [a for a in acls if a.matches(resource_type, name) and a.grants(operation)]
    if any(not a.allow for a in relevant):
        return False
    return any(a.allow for a in relevant)
