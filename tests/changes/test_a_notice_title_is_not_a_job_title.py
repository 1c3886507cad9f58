"""A change notice's title reads 标题 in Chinese, not 职务 (a person's job title)."""

from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from concord.changes.forms import NoticeForm
from concord.tasks.forms import TaskForm
from tests.changes.helpers import established, issue


def test_the_notice_form_and_pages_label_the_title_as_a_heading(org: Any) -> None:
    with translation.override("zh-hans"):
        assert str(NoticeForm.base_fields["title"].label) == "标题"
        # The task's title has its own context; never the job title either.
        assert str(TaskForm.base_fields["title"].label) != "职务"


def test_the_notice_list_and_page_head_the_title_标题(org: Any, client: Client) -> None:
    collab = established(org)
    notice = issue(org, collab)
    client.force_login(org.alice)
    for url in (
        reverse("changes:notices", args=[collab.ref]),
        reverse("changes:notice", args=[collab.ref, notice.number]),
    ):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
        assert "标题</th>" in html, url
        assert "职务</th>" not in html, url
