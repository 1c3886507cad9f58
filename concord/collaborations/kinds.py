"""The notifications collaborations send."""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

register_kind(
    "collaborations.name_contact",
    # Translators: 对接人 — the department's contact person for the collaboration.
    title=_("Name a contact of %(department)s for %(number)s %(name)s"),
    body=_("%(department)s takes part in this collaboration; choose its contact person."),
)
register_kind(
    "collaborations.contact_named",
    # Translators: 对接人
    title=_("You are the contact of %(department)s for %(number)s %(name)s"),
)
register_kind(
    "collaborations.terminated",
    title=_("%(number)s %(name)s was terminated"),
    body=_("Reason: %(reason)s"),
)
register_kind(
    "collaborations.lead_named",
    # Translators: 项目负责人
    title=_("You are the project lead of %(number)s %(name)s"),
    body=_("You are accountable for the whole collaboration: plan, team and progress."),
)
register_kind(
    "collaborations.sponsor_named",
    # Translators: 项目发起人
    title=_("You are the sponsor of %(number)s %(name)s"),
    body=_("Disputes about resources or strategy come to you (escalation level 3)."),
)
register_kind(
    "collaborations.lead_department",
    # Translators: 牵头部门
    title=_("%(department)s leads %(number)s %(name)s"),
)
register_kind(
    "collaborations.member_added",
    title=_("You are on the team of %(number)s %(name)s"),
    body=_("You take part for %(department)s."),
)
