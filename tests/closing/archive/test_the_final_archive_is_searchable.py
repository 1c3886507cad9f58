"""Closing puts the archive's generated forms in the knowledge base (the guide: 归档
... 同步至共享知识库): its request form and plan are found by their words, by those
who may see the collaboration only; an archive built on request is not indexed."""

from concord.closing.archive import selectors, services
from concord.closing.archive.models import ArchiveBundle
from concord.knowledge.search import search
from concord.timers.sweep import sweep


def _built(collab):  # type: ignore[no-untyped-def]
    for _ in range(10):
        sweep()
        if not ArchiveBundle.objects.filter(collaboration=collab, state__in=["queued", "building"]):
            break
    return ArchiveBundle.objects.filter(collaboration=collab).first()


def _titles(user, query):  # type: ignore[no-untyped-def]
    return [hit.entry.title for hit in search(user, query).hits]


def test_the_final_archive_is_found_by_the_words_of_its_forms(org, proj):
    services.bundle_request(actor=org.alice, collaboration=proj.collab)
    assert _built(proj.collab).state == "ready"
    assert _titles(org.alice, "展台") == []  # "build now" is a working copy

    for item in selectors.checklist_of(proj.collab, org.pam).missing:
        services.archive_waive(
            actor=org.pam, collaboration=proj.collab, doc_type=item.doc_type, reason="测试豁免"
        )
    services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    bundle = _built(proj.collab)
    assert bundle.state == "ready", bundle.error
    assert bundle.final

    # 展台 (equipment) is only in the request form; 含预算 is the plan's deliverable standard.
    assert _titles(org.alice, "展台") == [bundle.name]
    assert _titles(org.rita, "含预算") == [bundle.name]
    assert _titles(org.oscar, "展台") == []
    assert not any("text" in entry for entry in bundle.manifest["files"])  # not kept
