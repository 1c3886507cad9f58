"""The archive bundle (.zip) holds every present document and its index; it is built in steps."""

import csv
import io
import zipfile

from concord.activity.models import Event
from concord.closing.archive import bundle as builder
from concord.closing.archive import services
from concord.closing.archive.models import ArchiveBundle
from concord.notifications.models import Notification
from concord.timers.sweep import sweep

from .helpers import upload


def _open(bundle: ArchiveBundle) -> zipfile.ZipFile:
    bundle.refresh_from_db()
    with bundle.file.open("rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def test_the_bundle_has_generated_forms_uploads_and_an_index_with_waivers(
    org, proj, forms, monkeypatch
):
    monkeypatch.setattr(builder, "STEP", 2)  # several steps, so progress is seen
    forms.add("test.request", "request", formats=("docx", "xlsx"), doc_type="需求申请表")
    forms.add("test.minutes", "minutes", content=False)
    forms.add("test.extra", None, doc_type="变更通知")  # fills no checklist item
    upload(proj.leo, proj.collab, "minutes", name="纪要.txt", content=b"minutes")
    upload(proj.leo, proj.collab, "other", name="chat.txt", content=b"chat", title="沟通记录")
    services.archive_waive(
        actor=org.pam, collaboration=proj.collab, doc_type="issue_table", reason="未产生问题"
    )

    bundle = services.bundle_request(actor=proj.leo, collaboration=proj.collab)
    assert bundle.state == "queued"
    assert Event.objects.filter(verb="archive_bundle.requested", subject_id=bundle.pk).exists()

    sweep()

    bundle.refresh_from_db()
    assert bundle.state == "ready", bundle.error
    assert bundle.done == bundle.total == 5
    assert bundle.name.endswith("-归档资料包.zip")
    assert bundle.name.startswith("新品上市推广-")
    archive = _open(bundle)
    names = set(archive.namelist())
    assert names == {
        "新品上市推广-2026-07-01-需求申请表.docx",
        "新品上市推广-2026-07-01-需求申请表.xlsx",
        "新品上市推广-2026-07-01-变更通知.docx",
        uploaded_name(proj, "会议纪要", ".txt"),
        uploaded_name(proj, "沟通记录", ".txt"),
        "index.html",
        "index.csv",
    }
    assert archive.read(uploaded_name(proj, "会议纪要", ".txt")) == b"minutes"

    rows = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert rows[0] == ["序号", "资料名称", "文件名", "来源", "日期"]
    files = [r for r in rows[1:] if r and r[0].isdigit()]
    assert [r[0] for r in files] == ["1", "2", "3", "4", "5"]
    assert {r[2] for r in files} == names - {"index.html", "index.csv"}
    assert [
        "1",
        "需求申请表",
        "新品上市推广-2026-07-01-需求申请表.docx",
        "系统生成",
        "2026-07-01",
    ] in files
    assert any(r[3] == "上传" and r[1] == "会议纪要" for r in files)
    waived = rows[rows.index(["豁免事项", "资料名称", "理由", "批准人", "日期"]) + 1]
    assert waived[1:3] == ["问题跟踪表", "未产生问题"]

    html = archive.read("index.html").decode()
    assert "归档资料索引" in html
    assert "未产生问题" in html
    assert "新品上市推广-2026-07-01-变更通知.docx" in html

    assert Event.objects.filter(verb="archive_bundle.built", subject_id=bundle.pk).exists()
    assert Notification.objects.filter(kind="archive.bundle_ready", recipient=proj.leo).exists()


def uploaded_name(proj, doc_type: str, ext: str) -> str:
    from django.utils import timezone

    return f"新品上市推广-{timezone.localdate():%Y-%m-%d}-{doc_type}{ext}"


def test_progress_is_committed_step_by_step(org, proj, forms, monkeypatch):
    monkeypatch.setattr(builder, "STEP", 1)
    for n in range(3):
        upload(proj.leo, proj.collab, "other", title=f"资料{n}", content=b"x")
    bundle = services.bundle_request(actor=org.alice, collaboration=proj.collab)
    seen: list[tuple[str, int, int]] = []
    for _ in range(50):
        sweep(limit=1)  # other timers (deliveries) are due too: one firing at a time
        bundle.refresh_from_db()
        state = (bundle.state, bundle.done, bundle.total)
        if not seen or seen[-1] != state:
            seen.append(state)
        if bundle.state == "ready":
            break
    assert [s for s in seen if s[0] != "queued"] == [
        ("building", 0, 3),
        ("building", 1, 3),
        ("building", 2, 3),
        ("building", 3, 3),
        ("ready", 3, 3),
    ]


def test_only_one_bundle_is_built_at_a_time_and_an_english_one_speaks_english(
    org, proj, forms, settings
):
    from django.utils import translation

    forms.add("test.request", "request")
    services.archive_waive(actor=org.pam, collaboration=proj.collab, doc_type="plan", reason="n/a")
    with translation.override("en"):
        bundle = services.bundle_request(actor=org.alice, collaboration=proj.collab)
    import pytest

    from concord.lib.errors import DomainError

    with pytest.raises(DomainError) as exc:
        services.bundle_request(actor=org.alice, collaboration=proj.collab)
    assert exc.value.code == "conflict"
    sweep()
    archive = _open(bundle)
    rows = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert rows[0] == ["No.", "Document", "File name", "Source", "Date"]
    assert rows[-1][1:3] == ["Plan and RACI", "n/a"]
    bundle.refresh_from_db()
    assert bundle.name.endswith("-Archive.zip")


def test_a_failing_step_marks_the_bundle_failed_and_tells_who_asked(org, proj, forms, monkeypatch):
    upload(proj.leo, proj.collab, "minutes")

    def broken(bundle):
        raise OSError("disk full")

    monkeypatch.setattr(builder, "_assemble", broken)
    bundle = services.bundle_request(actor=proj.leo, collaboration=proj.collab)
    sweep()
    bundle.refresh_from_db()
    assert bundle.state == "failed"
    assert "disk full" in bundle.error
    assert Notification.objects.filter(kind="archive.bundle_failed", recipient=proj.leo).exists()
    # A new bundle can be asked for after a failed one.
    services.bundle_request(actor=proj.leo, collaboration=proj.collab)
