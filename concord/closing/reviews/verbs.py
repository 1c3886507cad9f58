"""Human labels for the reviews app's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 里程碑复盘
        "milestone_review.due": _("found the milestone review due"),
        "milestone_review.started": _("started the milestone review"),
        "milestone_review.updated": _("updated the milestone review"),
        "milestone_review.reminded": _("reminded the lead of the milestone review"),
        "milestone_review.deviation_added": _("added a deviation to the review"),
        "milestone_review.deviation_removed": _("removed a deviation from the review"),
        "milestone_review.measure_added": _("added an improvement measure"),
        "milestone_review.adjustment_opened": _("opened a plan adjustment from the review"),
        "milestone_review.published": _("published the review report"),
        # Translators: 复盘
        "retrospective.started": _("started the retrospective"),
        "retrospective.updated": _("updated the retrospective"),
        "retrospective.point_added": _("added a point to the retrospective"),
        "retrospective.measure_added": _("added an improvement measure"),
        "retrospective.published": _("published the retrospective"),
        "measure.done": _("marked the improvement measure done"),
        "measure.overdue": _("found the improvement measure overdue"),
        "proposal.made": _("proposed a change to the collaboration rules"),
        "proposal.adopted": _("adopted the proposal"),
        "proposal.declined": _("declined the proposal"),
    }
)
