"""Human labels for the issue log's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 提报问题
        "issue.raised": _("raised the issue"),
        "issue.edited": _("edited the issue"),
        # Translators: 更新问题状态
        "issue.updated": _("posted a status update on the issue"),
        # Translators: 问题升级
        "issue.escalated": _("escalated the issue"),
        "issue.deescalated": _("brought the issue back a level"),
        "issue.redated": _("changed the issue's resolution deadline"),
        "issue.resolved": _("resolved the issue"),
        # Translators: 确认并关闭
        "issue.closed": _("confirmed the resolution and closed the issue"),
        "issue.reopened": _("reopened the issue"),
        "issue.flagged": _("flagged the overdue level-3 issue to the PMO"),
    }
)
