"""Notification kinds of change notices and resource requests.

Parameters: `number`, `title`, `collaboration` (number and name),
`effective_on`, `issued_on`, `actor`, `resource` (number and kind label
in the source language is avoided: the number and description).
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

NOTICE_ISSUED = "changes.notice_issued"
ACK_REMINDER = "changes.ack_reminder"
NOTICE_WITHDRAWN = "changes.notice_withdrawn"
RESOURCE_APPROVED = "changes.resource_approved"

register_kind(
    NOTICE_ISSUED,
    # Translators: 变更通知
    title=_("Change notice %(number)s for %(collaboration)s: %(title)s"),
    body=_(
        "Issued by %(actor)s; takes effect on %(effective_on)s. Please read and acknowledge it."
    ),
)
register_kind(
    ACK_REMINDER,
    title=_("Reminder: please acknowledge change notice %(number)s: %(title)s"),
    body=_("Issued on %(issued_on)s for %(collaboration)s; takes effect on %(effective_on)s."),
)
register_kind(
    NOTICE_WITHDRAWN,
    title=_("Change notice %(number)s for %(collaboration)s was withdrawn"),
    body=_("%(title)s — withdrawn by %(actor)s."),
)
register_kind(
    RESOURCE_APPROVED,
    title=_("Resources approved for %(collaboration)s: %(resource)s"),
    body=_("Requested by %(requester)s; final approval by %(actor)s."),
)
