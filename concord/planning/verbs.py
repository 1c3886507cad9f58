"""Human labels for the planning event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "plan.drafted": _("drafted the plan"),
        "plan.changed": _("changed the plan"),
        "plan.item_added": _("added to the plan"),
        "plan.item_changed": _("changed a row of the plan"),
        "plan.item_removed": _("removed a row of the plan"),
        "plan.raci_set": _("set a responsibility in the RACI matrix"),
        # Translators: 提交会签
        "plan.submitted": _("submitted the plan for sign-off"),
        # Translators: 计划生效
        "plan.effective": _("put the plan into effect"),
        "plan.declined": _("declined the plan"),
    }
)
