"""Notification kinds of the approval engine.

A notification stores only its kind and parameters and is rendered in the
reader's language, so parameters are names, numbers and dates, never
translated words: each decision has its own kind rather than a
"%(decision)s" parameter.

Parameters: `subject` (what is being approved), `position` and `round`,
`starter`, `actor` (who decided, or decided as deputy), `approver` (whose
step is idle), `since` (when the step became active), `comment`.
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

REQUESTED = "approvals.requested"
REMINDER = "approvals.reminder"
ESCALATED = "approvals.escalated"
APPROVED = "approvals.approved"
RETURNED = "approvals.returned"
REJECTED = "approvals.rejected"
STEP_APPROVED = "approvals.step_approved"

register_kind(
    REQUESTED,
    title=_("Waiting for your approval: %(subject)s"),
    body=_("Step %(position)s, round %(round)s, submitted by %(starter)s."),
)
register_kind(
    REMINDER,
    title=_("Reminder: %(subject)s is waiting for your approval"),
    body=_("Waiting since %(since)s."),
)
register_kind(
    ESCALATED,
    title=_("%(approver)s has not yet decided on %(subject)s"),
    body=_("The approval has been waiting since %(since)s; please follow up."),
)
register_kind(
    STEP_APPROVED,
    title=_("%(actor)s approved step %(position)s of %(subject)s"),
    body=_("%(comment)s"),
)
register_kind(
    APPROVED,
    title=_("%(subject)s is approved"),
    body=_("Final approval by %(actor)s. %(comment)s"),
)
register_kind(
    RETURNED,
    # Translators: 退回 — returned to the initiator for revision.
    title=_("%(subject)s was returned for revision by %(actor)s"),
    body=_("Feedback: %(comment)s"),
)
register_kind(
    REJECTED,
    # Translators: 驳回 — final refusal.
    title=_("%(subject)s was rejected by %(actor)s"),
    body=_("Feedback: %(comment)s"),
)
