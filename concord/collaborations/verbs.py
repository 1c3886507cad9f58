"""Human labels for the collaborations' event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "request.created": _("drafted the request"),
        "request.updated": _("revised the request"),
        "request.submitted": _("submitted the request"),
        "request.withdrawn": _("withdrew the request"),
        # Translators: 立项
        "request.approved": _("approved and established"),
        "request.returned": _("returned for revision"),
        "request.rejected": _("rejected the request"),
        "collaboration.terminated": _("terminated the collaboration"),
        # Translators: 对接人
        "collaboration.contact_nominated": _("named the department's contact"),
        # Translators: 项目负责人
        "collaboration.lead_set": _("named the project lead"),
        # Translators: 项目发起人
        "collaboration.sponsor_set": _("named the sponsor"),
        "collaboration.department_added": _("added a department"),
        # Translators: 牵头部门
        "collaboration.lead_department_set": _("chose the lead department"),
        "collaboration.member_added": _("added a team member"),
        "collaboration.member_removed": _("removed a team member"),
        "collaboration.attachment_added": _("attached"),
        "collaboration.attachment_removed": _("removed the attachment"),
    }
)
