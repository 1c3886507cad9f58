"""Closing, waivers and bundles notify in words that fit their parameters (both languages)."""

import pytest
from django.utils import translation

from concord.closing.archive import services
from concord.notifications.models import Notification
from concord.timers.sweep import sweep

from .helpers import all_present


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_archive_notification_renders(org, proj, forms, language):
    forms.add("test.x", None)
    services.archive_waive(
        actor=org.pam, collaboration=proj.collab, doc_type="plan", reason="无计划"
    )
    all_present(forms)
    services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    sweep()
    kinds = set()
    with translation.override(language):
        for note in Notification.objects.filter(kind__startswith="archive."):
            kinds.add(note.kind)
            assert "%(" not in note.title, note.kind
            assert "%(" not in note.body, note.kind
            assert proj.collab.number in note.title
    assert kinds == {"archive.waived", "archive.closed", "archive.bundle_ready"}
