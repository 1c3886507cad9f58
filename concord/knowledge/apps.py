from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "concord.knowledge"
    label = "knowledge"
    # Translators: 知识库与标准表单
    verbose_name = _("Knowledge and standard forms")
