from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_created import ActionCreated
    from ..models.action_owners_changed import ActionOwnersChanged
    from ..models.action_status_changed import ActionStatusChanged
    from ..models.campaign_closed import CampaignClosed
    from ..models.campaign_opened import CampaignOpened
    from ..models.charter_review_due import CharterReviewDue
    from ..models.charter_review_overdue import CharterReviewOverdue
    from ..models.charter_reviewed import CharterReviewed
    from ..models.charter_revised import CharterRevised
    from ..models.member_joined import MemberJoined
    from ..models.member_left import MemberLeft
    from ..models.member_role_changed import MemberRoleChanged
    from ..models.results_published import ResultsPublished
    from ..models.risk_lowered import RiskLowered
    from ..models.risk_raised import RiskRaised
    from ..models.risk_resolved import RiskResolved
    from ..models.team_archived import TeamArchived
    from ..models.team_created import TeamCreated
    from ..models.team_renamed import TeamRenamed
    from ..models.webhook_disabled import WebhookDisabled
    from ..models.webhook_ping import WebhookPing


T = TypeVar("T", bound="CloudEvent")


@_attrs_define
class CloudEvent:
    """One integration event as the feed returns it: CloudEvents 1.0 in structured JSON (a
    webhook delivery's body is the same document).

        Attributes:
            specversion (Literal['1.0']):
            id (UUID): The event's id, the same on every channel
            source (Literal['huddle/integrations']):
            type_ (str): One of `GET /v1/events/types`; it decides the shape of `data`
            subject (str): The team; the organisation for a notice about the integration itself
            time (datetime.datetime):
            tenantid (str): The organisation
            sequence (str): The organisation's events numbered 1, 2, 3… in order
            datacontenttype (Literal['application/json']):
            data (ActionCreated | ActionOwnersChanged | ActionStatusChanged | CampaignClosed | CampaignOpened |
                CharterReviewDue | CharterReviewed | CharterReviewOverdue | CharterRevised | MemberJoined | MemberLeft |
                MemberRoleChanged | ResultsPublished | RiskLowered | RiskRaised | RiskResolved | TeamArchived | TeamCreated |
                TeamRenamed | WebhookDisabled | WebhookPing): The payload of `type` (schemas in the AsyncAPI document)
    """

    specversion: Literal["1.0"]
    id: UUID
    source: Literal["huddle/integrations"]
    type_: str
    subject: str
    time: datetime.datetime
    tenantid: str
    sequence: str
    datacontenttype: Literal["application/json"]
    data: (
        ActionCreated
        | ActionOwnersChanged
        | ActionStatusChanged
        | CampaignClosed
        | CampaignOpened
        | CharterReviewDue
        | CharterReviewed
        | CharterReviewOverdue
        | CharterRevised
        | MemberJoined
        | MemberLeft
        | MemberRoleChanged
        | ResultsPublished
        | RiskLowered
        | RiskRaised
        | RiskResolved
        | TeamArchived
        | TeamCreated
        | TeamRenamed
        | WebhookDisabled
        | WebhookPing
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.action_created import ActionCreated
        from ..models.action_owners_changed import ActionOwnersChanged
        from ..models.action_status_changed import ActionStatusChanged
        from ..models.campaign_closed import CampaignClosed
        from ..models.campaign_opened import CampaignOpened
        from ..models.charter_review_due import CharterReviewDue
        from ..models.charter_review_overdue import CharterReviewOverdue
        from ..models.charter_reviewed import CharterReviewed
        from ..models.charter_revised import CharterRevised
        from ..models.member_joined import MemberJoined
        from ..models.member_left import MemberLeft
        from ..models.member_role_changed import MemberRoleChanged
        from ..models.results_published import ResultsPublished
        from ..models.risk_lowered import RiskLowered
        from ..models.risk_raised import RiskRaised
        from ..models.risk_resolved import RiskResolved
        from ..models.team_archived import TeamArchived
        from ..models.team_created import TeamCreated
        from ..models.team_renamed import TeamRenamed
        from ..models.webhook_disabled import WebhookDisabled

        specversion = self.specversion

        id = str(self.id)

        source = self.source

        type_ = self.type_

        subject = self.subject

        time = self.time.isoformat()

        tenantid = self.tenantid

        sequence = self.sequence

        datacontenttype = self.datacontenttype

        data: dict[str, Any]
        if isinstance(
            self.data,
            (
                TeamCreated,
                TeamRenamed,
                TeamArchived,
                MemberJoined,
                MemberRoleChanged,
                MemberLeft,
                CharterRevised,
                CharterReviewed,
                CharterReviewDue,
                CharterReviewOverdue,
                ActionCreated,
                ActionStatusChanged,
                ActionOwnersChanged,
                CampaignOpened,
                CampaignClosed,
                ResultsPublished,
                RiskRaised,
                RiskLowered,
                RiskResolved,
                WebhookDisabled,
            ),
        ):
            data = self.data.to_dict()
        else:
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "specversion": specversion,
                "id": id,
                "source": source,
                "type": type_,
                "subject": subject,
                "time": time,
                "tenantid": tenantid,
                "sequence": sequence,
                "datacontenttype": datacontenttype,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_created import ActionCreated
        from ..models.action_owners_changed import ActionOwnersChanged
        from ..models.action_status_changed import ActionStatusChanged
        from ..models.campaign_closed import CampaignClosed
        from ..models.campaign_opened import CampaignOpened
        from ..models.charter_review_due import CharterReviewDue
        from ..models.charter_review_overdue import CharterReviewOverdue
        from ..models.charter_reviewed import CharterReviewed
        from ..models.charter_revised import CharterRevised
        from ..models.member_joined import MemberJoined
        from ..models.member_left import MemberLeft
        from ..models.member_role_changed import MemberRoleChanged
        from ..models.results_published import ResultsPublished
        from ..models.risk_lowered import RiskLowered
        from ..models.risk_raised import RiskRaised
        from ..models.risk_resolved import RiskResolved
        from ..models.team_archived import TeamArchived
        from ..models.team_created import TeamCreated
        from ..models.team_renamed import TeamRenamed
        from ..models.webhook_disabled import WebhookDisabled
        from ..models.webhook_ping import WebhookPing

        d = dict(src_dict)
        specversion = cast(Literal["1.0"], d.pop("specversion"))
        if specversion != "1.0":
            raise ValueError(f"specversion must match const '1.0', got '{specversion}'")

        id = UUID(d.pop("id"))

        source = cast(Literal["huddle/integrations"], d.pop("source"))
        if source != "huddle/integrations":
            raise ValueError(f"source must match const 'huddle/integrations', got '{source}'")

        type_ = d.pop("type")

        subject = d.pop("subject")

        time = datetime.datetime.fromisoformat(d.pop("time"))

        tenantid = d.pop("tenantid")

        sequence = d.pop("sequence")

        datacontenttype = cast(Literal["application/json"], d.pop("datacontenttype"))
        if datacontenttype != "application/json":
            raise ValueError(
                f"datacontenttype must match const 'application/json', got '{datacontenttype}'"
            )

        def _parse_data(
            data: object,
        ) -> (
            ActionCreated
            | ActionOwnersChanged
            | ActionStatusChanged
            | CampaignClosed
            | CampaignOpened
            | CharterReviewDue
            | CharterReviewed
            | CharterReviewOverdue
            | CharterRevised
            | MemberJoined
            | MemberLeft
            | MemberRoleChanged
            | ResultsPublished
            | RiskLowered
            | RiskRaised
            | RiskResolved
            | TeamArchived
            | TeamCreated
            | TeamRenamed
            | WebhookDisabled
            | WebhookPing
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return TeamCreated.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return TeamRenamed.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return TeamArchived.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return MemberJoined.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return MemberRoleChanged.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return MemberLeft.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CharterRevised.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CharterReviewed.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CharterReviewDue.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CharterReviewOverdue.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return ActionCreated.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return ActionStatusChanged.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return ActionOwnersChanged.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CampaignOpened.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CampaignClosed.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return ResultsPublished.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return RiskRaised.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return RiskLowered.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return RiskResolved.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return WebhookDisabled.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            return WebhookPing.from_dict(data)

        data = _parse_data(d.pop("data"))

        cloud_event = cls(
            specversion=specversion,
            id=id,
            source=source,
            type_=type_,
            subject=subject,
            time=time,
            tenantid=tenantid,
            sequence=sequence,
            datacontenttype=datacontenttype,
            data=data,
        )

        cloud_event.additional_properties = d
        return cloud_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
