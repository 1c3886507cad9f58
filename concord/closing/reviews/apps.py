from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "concord.closing.reviews"
    label = "reviews"
    # Translators: 复盘
    verbose_name = _("Reviews and retrospectives")

    def ready(self) -> None:
        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)
        from .reports import register_forms
        from .sections import register_sections

        register_forms()
        register_sections()
