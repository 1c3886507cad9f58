"""Human labels for the changes app's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 变更通知
        "change_notice.issued": _("issued the change notice"),
        "change_notice.submitted": _("submitted the change notice for approval"),
        "change_notice.resubmitted": _("revised the change notice and resubmitted it"),
        "change_notice.withdrawn": _("withdrew the change notice"),
        "change_notice.acknowledged": _("acknowledged the change notice"),
        "change_notice.reminded": _("reminded who has not acknowledged the change notice"),
        "resource_request.drafted": _("drafted the resource request"),
        "resource_request.updated": _("revised the resource request"),
        "resource_request.submitted": _("submitted the resource request"),
        "resource_request.withdrawn": _("withdrew the resource request"),
        "change_rule.created": _("created the change approval rule"),
        "change_rule.changed": _("changed the change approval rule"),
    }
)
