from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcceptanceConfig(AppConfig):
    name = "concord.closing.acceptance"
    label = "acceptance"
    # Translators: 成果验收与效果验证
    verbose_name = _("Acceptance and effect verification")
