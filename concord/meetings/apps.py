from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "concord.meetings"
    label = "meetings"
    # Translators: 会议
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)
        from .exports import register_forms
        from .sections import register_sections

        register_forms()
        register_sections()
