"""The form's own wording follows `?lang=` (else the active language), whatever the UI's."""

from django.utils import translation

from concord.knowledge.forms import language_of, t
from tests.knowledge.forms_helpers import docx_text, full, get
from tests.personas import Org


def test_t_follows_translation_override() -> None:
    with translation.override("en"):
        assert t("会议纪要", "Minutes") == "Minutes"
    with translation.override("zh-hans"):
        assert t("会议纪要", "Minutes") == "会议纪要"


def test_lang_parameter_wins_over_the_active_language() -> None:
    with translation.override("en"):
        assert language_of("zh-hans") == "zh-hans"
        assert language_of("") == "en"
        assert language_of("fr") == "en"
    with translation.override("zh-hans"):
        assert language_of("en") == "en"
        assert language_of(None) == "zh-hans"


def test_without_lang_the_download_speaks_the_readers_language(org: Org) -> None:
    p = full(org)
    url = f"/collaborations/{p.collab.number}/forms/collaborations.request.docx"
    english = docx_text(get(p.leo, url, HTTP_ACCEPT_LANGUAGE="en").content)
    chinese = docx_text(get(p.leo, url, HTTP_ACCEPT_LANGUAGE="zh-hans").content)
    assert "Project name" in english
    assert "项目名称" not in english
    assert "项目名称" in chinese
    forced = docx_text(get(p.leo, url + "?lang=zh-hans", HTTP_ACCEPT_LANGUAGE="en").content)
    assert "项目名称" in forced
