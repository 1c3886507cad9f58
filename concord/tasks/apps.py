from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    name = "concord.tasks"
    label = "tasks"
    # Translators: 任务与进度
    verbose_name = _("Tasks and progress")

    def ready(self) -> None:
        from concord.collaborations.sections import register_section

        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)

        register_section("tasks.main", "tasks/partials/section.html", column="main", order=30)
