from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "concord.closing.reviews"
    label = "reviews"
    # Translators: 复盘
    verbose_name = _("Reviews and retrospectives")
