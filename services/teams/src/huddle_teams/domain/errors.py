"""The Team aggregate's refusals; each maps to a problem response with a stable ``code``."""

from __future__ import annotations

from huddle_shared.errors import Conflict, DomainRuleViolated, NotFound


class TeamNotFound(NotFound):
    code = "team-not-found"
    title = "No such team"


class TeamIsArchived(Conflict):
    code = "team-archived"
    title = "The team is archived"


class InvalidTeam(DomainRuleViolated):
    code = "invalid-team"


# ---- membership ----------------------------------------------------------------------------


class AlreadyAMember(Conflict):
    code = "already-a-member"
    title = "Already a member of this team"


class NotAMember(NotFound):
    code = "member-not-found"
    title = "Not a member of this team"


class UnknownUser(DomainRuleViolated):
    """Also raised for a person of another organisation: their existence is not ours to tell."""

    code = "unknown-user"
    title = "No such person in this organisation"


class UserNotActive(DomainRuleViolated):
    code = "user-not-active"
    title = "The person is not active"


class RoleUnchanged(DomainRuleViolated):
    code = "role-unchanged"
    title = "The member already holds this role"


class InvalidRoleChange(DomainRuleViolated):
    code = "invalid-role-change"
    title = "The role change is not acceptable"


class InvalidEffectiveDate(DomainRuleViolated):
    code = "invalid-effective-date"
    title = "The effective date is not acceptable"


# ---- the charter ---------------------------------------------------------------------------


class NoCharter(DomainRuleViolated):
    code = "no-charter"
    title = "The team has no charter yet"


class InvalidCharter(DomainRuleViolated):
    code = "invalid-charter"
    title = "The charter is not acceptable"


class InvalidReview(DomainRuleViolated):
    code = "invalid-review"
    title = "The review is not acceptable"


class GoalNotFound(NotFound):
    code = "goal-not-found"
    title = "No such goal in the current charter"


class GoalStatusUnchanged(DomainRuleViolated):
    code = "goal-status-unchanged"
    title = "The goal already has this status"


class GoalClosed(DomainRuleViolated):
    code = "goal-closed"
    title = "The goal is closed"


# ---- actions -------------------------------------------------------------------------------


class ActionNotFound(NotFound):
    code = "action-not-found"
    title = "No such action"


class ActionClosed(Conflict):
    code = "action-closed"
    title = "The action is done or dropped"


class InvalidAction(DomainRuleViolated):
    code = "invalid-action"
    title = "The action is not acceptable"


class InvalidActionTransition(Conflict):
    code = "invalid-action-transition"
    title = "The action cannot move to that status"


# ---- meetings ------------------------------------------------------------------------------


class MeetingNotFound(NotFound):
    code = "meeting-not-found"
    title = "No such meeting on this team"


class InvalidMeeting(DomainRuleViolated):
    code = "invalid-meeting"
    title = "The meeting record is not acceptable"
