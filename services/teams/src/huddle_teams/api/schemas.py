"""Request and response bodies of the teams API (separate from events and tables on purpose)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.contracts.teams import CareSetting


class TeamCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200, examples=["Riverside Family Practice Team A"])
    care_setting: CareSetting = CareSetting.PRIMARY_CARE_CLINIC
    description: str = Field(default="", max_length=4000)


class TeamUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)


class TeamOut(BaseModel):
    id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    version: int = Field(description="The stream version; also the ETag")
    created_at: datetime
    updated_at: datetime


class TeamPage(BaseModel):
    items: list[TeamOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page")
