"""Notification kinds of acceptance and effect verification.

Parameters: `collaboration` (number and name), `deliverable`, `round`,
`actor`, `due_on`, `note`, `departments`.
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

GROUP_SET = "acceptance.group_set"
SUBMITTED = "acceptance.submitted"
PASSED = "acceptance.passed"
REWORK = "acceptance.rework"
FAILED = "acceptance.failed"
JUDGING_OVERDUE = "acceptance.judging_overdue"
REWORK_REMIND = "acceptance.rework_remind"
REWORK_OVERDUE = "acceptance.rework_overdue"
FEEDBACK_ASKED = "acceptance.feedback_asked"
FEEDBACK_REMIND = "acceptance.feedback_remind"
VERIFIED_RESOLVED = "acceptance.verified_resolved"
VERIFIED_PARTIAL = "acceptance.verified_partial"
VERIFIED_UNRESOLVED = "acceptance.verified_unresolved"

register_kind(
    GROUP_SET,
    # Translators: 验收小组
    title=_("You are in the acceptance group of %(collaboration)s"),
    body=_("Chosen by %(actor)s."),
)
register_kind(
    SUBMITTED,
    title=_("“%(deliverable)s” submitted for acceptance (%(collaboration)s, round %(round)s)"),
    body=_("Submitted by %(actor)s; the verdict is due on %(due_on)s."),
)
register_kind(
    PASSED,
    # Translators: 通过
    title=_("“%(deliverable)s” passed acceptance (%(collaboration)s)"),
    body=_("Round %(round)s, judged by %(actor)s. %(note)s"),
)
register_kind(
    REWORK,
    # Translators: 需补充完善
    title=_("“%(deliverable)s” needs rework by %(due_on)s (%(collaboration)s)"),
    body=_("Round %(round)s, judged by %(actor)s: %(note)s"),
)
register_kind(
    FAILED,
    # Translators: 不通过
    title=_("“%(deliverable)s” failed acceptance (%(collaboration)s)"),
    body=_("Round %(round)s, judged by %(actor)s: %(note)s"),
)
register_kind(
    JUDGING_OVERDUE,
    title=_("Acceptance of “%(deliverable)s” is overdue (%(collaboration)s)"),
    body=_("Round %(round)s was due to be judged on %(due_on)s."),
)
register_kind(
    REWORK_REMIND,
    title=_("Reminder: the rework of “%(deliverable)s” is due on %(due_on)s"),
    body=_("Resubmit it for acceptance in %(collaboration)s."),
)
register_kind(
    REWORK_OVERDUE,
    title=_("The rework of “%(deliverable)s” is overdue (due %(due_on)s)"),
    body=_("It has not been resubmitted for acceptance in %(collaboration)s."),
)
register_kind(
    FEEDBACK_ASKED,
    # Translators: 效果验证
    title=_("Effect verification of %(collaboration)s: please give your department's feedback"),
    body=_("Round %(round)s, started by %(actor)s."),
)
register_kind(
    FEEDBACK_REMIND,
    title=_("Reminder: feedback for the effect verification of %(collaboration)s"),
    body=_("Still waiting for: %(departments)s."),
)
register_kind(
    VERIFIED_RESOLVED,
    # Translators: 已解决
    title=_("%(collaboration)s: the problem is resolved"),
    body=_("Concluded by %(actor)s (round %(round)s)."),
)
register_kind(
    VERIFIED_PARTIAL,
    # Translators: 部分解决
    title=_("%(collaboration)s: the problem is partially resolved"),
    body=_("Concluded by %(actor)s; follow-up by %(owner)s due on %(due_on)s."),
)
register_kind(
    VERIFIED_UNRESOLVED,
    # Translators: 未解决
    title=_("%(collaboration)s: the problem is unresolved; it is defined again"),
    body=_(
        "Concluded by %(actor)s (round %(round)s); "
        "round %(next)s starts with the problem definition."
    ),
)
