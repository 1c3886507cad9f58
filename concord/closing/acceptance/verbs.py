"""Human labels for the acceptance app's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 验收小组
        "acceptance_group.set": _("chose the acceptance group"),
        # Translators: 提交验收
        "acceptance.submitted": _("submitted the deliverable for acceptance"),
        "acceptance.resubmitted": _("resubmitted the reworked deliverable"),
        "acceptance.judged": _("judged the deliverable"),
        # Translators: 验收通过
        "acceptance.pass": _("accepted the deliverable"),
        # Translators: 需补充完善
        "acceptance.rework": _("asked for rework of the deliverable"),
        # Translators: 验收不通过
        "acceptance.fail": _("failed the deliverable"),
        "acceptance.judging_overdue": _("warned that the acceptance verdict is overdue"),
        "acceptance.rework_reminded": _("reminded the department of the rework deadline"),
        "acceptance.rework_overdue": _("warned that the rework is overdue"),
        # Translators: 效果验证
        "verification.started": _("started the effect verification"),
        "verification.redefined": _("revised the problem definition"),
        "verification.feedback_given": _("gave the department's feedback"),
        "verification.feedback_reminded": _("reminded the departments to give feedback"),
        "verification.resolved": _("concluded: the problem is resolved"),
        "verification.partial": _("concluded: the problem is partially resolved"),
        "verification.unresolved": _("concluded: the problem is unresolved"),
    }
)
