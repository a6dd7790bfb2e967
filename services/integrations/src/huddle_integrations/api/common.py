"""What the integrations routes say alike in their documented problems."""

from __future__ import annotations

INTEGRATOR_403 = "Only org admins and clients with the `events:read` scope"
ORG_ADMIN_403 = "Only an org admin can change what the organisation shares"
SUBSCRIPTION_404 = "No such webhook subscription (or it belongs to another organisation)"
