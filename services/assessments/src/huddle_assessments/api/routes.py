"""Every router of the assessments API, in the order the OpenAPI document lists them."""

from __future__ import annotations

from fastapi import APIRouter

from huddle_assessments.api import campaigns, instruments, responses

routers: list[APIRouter] = [instruments.router, campaigns.router, responses.router]
