"""Human labels for the tasks app's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "task.created": _("created the task"),
        "task.updated": _("changed the task"),
        "task.moved": _("moved the task"),
        "task.review_requested": _("asked for a review of the task"),
        "task.reviewed": _("reviewed the task"),
        "task.dependency_added": _("made the task depend on another"),
        "task.dependency_removed": _("removed a dependency of the task"),
        "task.reminded": _("reminded the owner that the task is due"),
        "task.overdue": _("warned that the task is overdue"),
        "tasks.from_plan": _("created tasks from the plan's WBS"),
        "tasks.imported": _("imported a task list"),
        "tasks.settings_changed": _("changed the daily progress settings"),
        "tasks.nudged": _("nudged owners to post their progress"),
        "tasks.digest_sent": _("sent the daily progress digest"),
        # Translators: 每日进度同步
        "progress.posted": _("posted a progress update"),
    }
)
