"""Notification kinds of the issue log.

Parameters: `number`, `title`, `collaboration`, `level`, `due_at` (local
"YYYY-MM-DD HH:MM"), `actor`, `reason`, `handler`.
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

RAISED = "issues.raised"
ESCALATED = "issues.escalated"
# Its own kind, so the reason (超时自动升级) reads in each recipient's language.
AUTO_ESCALATED = "issues.auto_escalated"
DEESCALATED = "issues.deescalated"
REDATED = "issues.redated"
RESOLVED = "issues.resolved"
CLOSED = "issues.closed"
REOPENED = "issues.reopened"
PMO_FLAGGED = "issues.pmo_flagged"
UPDATE_REMINDER = "issues.update_reminder"

register_kind(
    RAISED,
    # Translators: 问题
    title=_("Issue %(number)s in %(collaboration)s: %(title)s"),
    body=_("Raised by %(actor)s at level %(level)s; to be resolved by %(due_at)s."),
)
register_kind(
    ESCALATED,
    # Translators: 问题升级
    title=_("Issue %(number)s escalated to level %(level)s: %(title)s"),
    body=_("%(reason)s Now handled by %(handler)s; to be resolved by %(due_at)s."),
)
register_kind(
    AUTO_ESCALATED,
    # Translators: 超时自动升级
    title=_("Issue %(number)s escalated automatically to level %(level)s: %(title)s"),
    body=_(
        "It was not resolved within its level's time limit. "
        "Now handled by %(handler)s; to be resolved by %(due_at)s."
    ),
)
register_kind(
    DEESCALATED,
    title=_("Issue %(number)s brought back to level %(level)s: %(title)s"),
    body=_("%(reason)s Now handled by %(handler)s; to be resolved by %(due_at)s."),
)
register_kind(
    REDATED,
    title=_("Issue %(number)s has a new resolution deadline: %(due_at)s"),
    body=_("%(title)s — changed by %(actor)s. %(reason)s"),
)
register_kind(
    RESOLVED,
    title=_("Issue %(number)s was resolved: %(title)s"),
    body=_("Resolved by %(actor)s. Please confirm the resolution and close the issue."),
)
register_kind(
    CLOSED,
    title=_("Issue %(number)s was closed: %(title)s"),
    body=_("The resolution was confirmed by %(actor)s."),
)
register_kind(
    REOPENED,
    title=_("Issue %(number)s was reopened: %(title)s"),
    body=_("%(reason)s To be resolved by %(due_at)s."),
)
register_kind(
    PMO_FLAGGED,
    title=_("Level-3 issue %(number)s in %(collaboration)s is past its limit"),
    body=_("%(title)s — handled by %(handler)s, due %(due_at)s."),
)
register_kind(
    UPDATE_REMINDER,
    # Translators: 每日更新问题状态
    title=_("Please post today's status of issue %(number)s: %(title)s"),
    body=_("Level %(level)s, to be resolved by %(due_at)s."),
)
