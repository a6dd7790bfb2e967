"""Request and response bodies of the assessments API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.assessments import (
    Anonymity,
    InstrumentDefinition,
    InstrumentKind,
    ResponseScores,
)


class InstrumentOut(BaseModel):
    id: str
    key: str
    version: int
    owner: str = Field(description="'huddle' for Huddle's own, else the organisation id")
    kind: InstrumentKind
    title: str
    definition: InstrumentDefinition
    published_at: datetime


class InstrumentSummary(BaseModel):
    id: str
    key: str
    version: int
    owner: str
    kind: InstrumentKind
    title: str


class InstrumentList(BaseModel):
    items: list[InstrumentSummary]


class CampaignCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    team_id: str = Field(min_length=1, max_length=64)
    instrument_id: str = Field(min_length=1, max_length=64, examples=["huddle-team-pulse-v1"])
    title: str | None = Field(default=None, min_length=1, max_length=200)
    opens_at: datetime | None = Field(default=None, description="Defaults to now")
    closes_at: datetime
    anonymity: Anonymity = Anonymity.ANONYMOUS
    min_group_size: int = Field(default=5, ge=3, le=100)


class CampaignSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    anonymity: Anonymity | None = None
    min_group_size: int | None = Field(default=None, ge=3, le=100)


class Participation(BaseModel):
    eligible: int
    responded: int
    rate: float | None = Field(description="responded / eligible, 0-1; null with no one eligible")
    warning: str | None = Field(description="Set below 60 % participation")


class CampaignOut(BaseModel):
    id: str
    team_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    title: str
    opens_at: datetime
    closes_at: datetime
    status: str = Field(description="scheduled, open or closed")
    anonymity: Anonymity
    min_group_size: int
    settings_locked: bool
    participation: Participation
    closed_at: datetime | None
    version: int


class CampaignPage(BaseModel):
    items: list[CampaignOut]
    next_cursor: str | None


class ResponseCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    answers: dict[str, Any] = Field(
        max_length=200, description="Item id to value", examples=[{"energy": 4, "pride": 5}]
    )
    comment: str | None = Field(default=None, max_length=2000)


class ResponseReceipt(BaseModel):
    response_id: str
    scores: ResponseScores


class OwnResponse(BaseModel):
    response_id: str
    answers: dict[str, Any]
    scores: ResponseScores
    comment: str | None
    recorded_at: datetime


class Comments(BaseModel):
    suppressed: bool
    reason: str | None
    comments: list[str]
