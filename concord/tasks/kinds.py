"""Notification kinds of tasks and daily progress.

Parameters: `number`, `title` (the task's), `collaboration` (number and
name), `due_on`, `actor`, `comment`, `count`, `day`, `text`.
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

ASSIGNED = "tasks.assigned"
REVIEW_REQUESTED = "tasks.review_requested"
REVIEWED = "tasks.reviewed"
REMINDER = "tasks.reminder"
OVERDUE = "tasks.overdue"
NUDGE = "tasks.nudge"
DIGEST = "tasks.digest"

register_kind(
    ASSIGNED,
    # Translators: 负责人 — you are the task's owner now
    title=_("You own task %(number)s of %(collaboration)s: %(title)s"),
    body=_("Assigned by %(actor)s; due on %(due_on)s."),
)
register_kind(
    REVIEW_REQUESTED,
    title=_("Please review task %(number)s of %(collaboration)s: %(title)s"),
    body=_("%(actor)s finished a key deliverable; it counts as done once you approve it."),
)
register_kind(
    REVIEWED,
    title=_("Review of task %(number)s: %(outcome)s"),
    body=_("%(actor)s: %(comment)s"),
)
register_kind(
    REMINDER,
    title=_("Reminder: task %(number)s is due on %(due_on)s"),
    body=_("%(title)s — %(collaboration)s."),
)
register_kind(
    OVERDUE,
    title=_("Overdue: task %(number)s was due on %(due_on)s"),
    body=_("%(title)s — %(collaboration)s; owner %(owner)s."),
)
register_kind(
    NUDGE,
    # Translators: 每日进度同步
    title=_("Please post today's progress for %(collaboration)s"),
    body=_("%(count)s of your active tasks have no progress update today: %(tasks)s."),
)
register_kind(
    DIGEST,
    # Translators: 每日进度汇总
    title=_("Daily progress of %(collaboration)s, %(day)s"),
    body=_("%(count)s updates; %(blocked)s tasks blocked; %(silent)s active tasks without update."),
)
