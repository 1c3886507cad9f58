from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "concord.planning"
    label = "planning"
    verbose_name = _("Planning")

    def ready(self) -> None:
        from concord.collaborations.sections import register_section

        from . import kinds, verbs  # noqa: F401  (they register themselves)
        from .outcomes import register_hooks

        register_hooks()
        register_section("planning.plan", "planning/partials/section.html", column="main", order=20)
