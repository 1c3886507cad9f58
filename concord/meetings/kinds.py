"""Notification kinds of meetings.

Parameters: `title` (the meeting's), `collaboration` (number and name),
`starts_at` (local time, text), `actor`, `due_at`, `text`, `count`.
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

INVITED = "meetings.invited"
CHANGED = "meetings.changed"
CANCELLED = "meetings.cancelled"
MATERIALS_SENT = "meetings.materials_sent"
MINUTES_REMINDER = "meetings.minutes_reminder"
MINUTES_LATE = "meetings.minutes_late"
MINUTES_PUBLISHED = "meetings.minutes_published"
MINUTES_OBJECTION = "meetings.minutes_objection"
CONFIRM_REMINDER = "meetings.confirm_reminder"

register_kind(
    INVITED,
    # Translators: 会议邀请
    title=_("Meeting invitation: %(title)s (%(collaboration)s)"),
    body=_("%(starts_at)s, %(place)s. Scheduled by %(actor)s."),
)
register_kind(
    CHANGED,
    title=_("Meeting changed: %(title)s (%(collaboration)s)"),
    body=_("Now %(starts_at)s, %(place)s. Changed by %(actor)s."),
)
register_kind(
    CANCELLED,
    title=_("Meeting cancelled: %(title)s (%(collaboration)s)"),
    body=_("It was to start %(starts_at)s. Cancelled by %(actor)s: %(text)s"),
)
register_kind(
    MATERIALS_SENT,
    # Translators: 会议材料
    title=_("Materials for the meeting %(title)s (%(collaboration)s)"),
    body=_("%(count)s file(s) sent by %(actor)s; the meeting starts %(starts_at)s."),
)
register_kind(
    MINUTES_REMINDER,
    # Translators: 会议纪要
    title=_("Reminder: the minutes of %(title)s are due %(due_at)s"),
    body=_("You are the note-taker of the meeting held %(starts_at)s (%(collaboration)s)."),
)
register_kind(
    MINUTES_LATE,
    title=_("The minutes of %(title)s are late"),
    body=_("They were due %(due_at)s; the note-taker is %(text)s (%(collaboration)s)."),
)
register_kind(
    MINUTES_PUBLISHED,
    title=_("Minutes published: %(title)s (%(collaboration)s)"),
    body=_("Published by %(actor)s. Please confirm them or raise an objection by %(due_at)s."),
)
register_kind(
    MINUTES_OBJECTION,
    # Translators: 异议
    title=_("Objection to the minutes of %(title)s"),
    body=_("%(actor)s: %(text)s"),
)
register_kind(
    CONFIRM_REMINDER,
    title=_("Please confirm the minutes of %(title)s"),
    body=_("The window to confirm or object closes %(due_at)s (%(collaboration)s)."),
)
