from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "approval.started": _("submitted for approval"),
        "approval.decided": _("decided on the approval of"),
        "approval.withdrawn": _("withdrew the approval of"),
        "approval.reminded": _("reminded the approvers of"),
        "approval.escalated": _("told the approvers' superiors about"),
        "approval_rule.created": _("created the approval rule"),
        "approval_rule.changed": _("changed the approval rule"),
    }
)
