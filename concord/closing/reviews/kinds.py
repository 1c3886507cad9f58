"""Notification kinds of reviews, retrospectives and rule proposals.

Parameters: `collaboration` (number and name), `milestone`, `planned_on`,
`actor`, `proposal`, `state`, `note`, `kind` (the retrospective's label is
not stored: the inbox renders `title`).
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

REVIEW_DUE = "reviews.review_due"
REVIEW_REMINDER = "reviews.review_reminder"
REVIEW_PUBLISHED = "reviews.review_published"
RETRO_PUBLISHED = "reviews.retro_published"
PROPOSAL_NEW = "reviews.proposal_new"
PROPOSAL_ADOPTED = "reviews.proposal_adopted"
PROPOSAL_DECLINED = "reviews.proposal_declined"
MEASURE_ASSIGNED = "reviews.measure_assigned"
MEASURE_OVERDUE = "reviews.measure_overdue"

register_kind(
    REVIEW_DUE,
    # Translators: 里程碑复盘
    title=_("Milestone review due for %(collaboration)s: %(milestone)s"),
    body=_(
        "The milestone was planned for %(planned_on)s. "
        "Please hold the review and publish the report."
    ),
)
register_kind(
    REVIEW_REMINDER,
    title=_("Reminder: the review of %(milestone)s (%(collaboration)s) is not published yet"),
    body=_("It has been due since %(since)s."),
)
register_kind(
    REVIEW_PUBLISHED,
    # Translators: 复盘报告
    title=_("Review report published for %(collaboration)s: %(milestone)s"),
    body=_("Published by %(actor)s."),
)
register_kind(
    RETRO_PUBLISHED,
    title=_("Retrospective published for %(collaboration)s"),
    body=_("Published by %(actor)s."),
)
register_kind(
    PROPOSAL_NEW,
    # Translators: 协作规范修订建议
    title=_("New proposal to change the collaboration rules (%(collaboration)s)"),
    body=_("%(actor)s proposes: %(proposal)s"),
)
register_kind(
    PROPOSAL_ADOPTED,
    # Translators: 已采纳
    title=_("Your proposal to change the collaboration rules was adopted"),
    body=_("%(proposal)s — %(note)s"),
)
register_kind(
    PROPOSAL_DECLINED,
    # Translators: 未采纳
    title=_("Your proposal to change the collaboration rules was declined"),
    body=_("%(proposal)s — %(note)s"),
)
register_kind(
    MEASURE_ASSIGNED,
    # Translators: 改进措施 — an improvement action of a retrospective, tracked there (not a task)
    title=_("An improvement action of %(collaboration)s is yours"),
    body=_("%(measure)s — due %(due_on)s, assigned by %(actor)s."),
)
register_kind(
    MEASURE_OVERDUE,
    title=_("An improvement action of %(collaboration)s is overdue"),
    body=_("%(measure)s — it was due %(due_on)s. Mark it done once it is."),
)
