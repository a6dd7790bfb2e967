"""The event contracts of every service, in one registry.

Producers and consumers import the same models, so a contract exists once; the AsyncAPI
document health-system IT integrates against is generated from this registry.
"""

from __future__ import annotations

# Importing a contracts module registers its events.
from huddle_shared.contracts import assessments as assessments
from huddle_shared.contracts import identity as identity
from huddle_shared.contracts import insights as insights
from huddle_shared.contracts import integration as integration
from huddle_shared.contracts import integration_config as integration_config
from huddle_shared.contracts import practice as practice
from huddle_shared.contracts import teams as teams
from huddle_shared.contracts.registry import REGISTRY

__all__ = ["REGISTRY"]
