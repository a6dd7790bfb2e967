"""Every router of the integrations API, in the order the OpenAPI document lists them."""

from __future__ import annotations

from fastapi import APIRouter

from huddle_integrations.api import feed, sharing, webhooks

routers: list[APIRouter] = [feed.router, sharing.router, webhooks.router]
